import { decideGateLogin, type GateContext } from "@/lib/gate/decide-gate-login";
import { decodeEscaped, MAX_SECRET_LENGTH, MAX_USER_LENGTH, singleHeader } from "@/lib/gate/parse-auth-http-request";
import { normaliseIp } from "@/lib/net/cidr";
import { parseService, type Service } from "@/lib/services/services";

// GET /http-auth?service=EAS|DAV|… for nginx auth_request: Basic credentials of the original
// request in, 200 (with the canonical user in X-Auth-User) or 401 out. nginx treats any other
// status as an error (500 to the client), which is what a database failure should give: never 200.

export const REALM = "Gatehouse";
export const AUTH_USER_HEADER = "X-Auth-User";
/** The web sign-in has its own page and second factor; the gate never lets those services through. */
const NOT_THROUGH_THE_GATE: readonly Service[] = ["WebUI", "WebAdminUI", "CLI"];

export type HttpAuthAnswer = { status: number; headers: Record<string, string> };

const unauthorized = (): HttpAuthAnswer => ({ status: 401, headers: { "WWW-Authenticate": `Basic realm="${REALM}", charset="UTF-8"` } });

/** "Basic base64(user:password)" → its parts, or null when it is not exactly that in UTF-8. */
export function parseBasicAuthorization(header: string | null): { user: string; secret: string } | null {
  if (!header || header.length > 2048) return null;
  const m = /^Basic ([A-Za-z0-9+/]+={0,2})$/i.exec(header.trim());
  if (!m) return null;
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(Buffer.from(m[1], "base64"));
  } catch {
    return null;
  }
  const colon = text.indexOf(":");
  if (colon <= 0) return null;
  // decodeEscaped's checks (length, control characters) apply once the %-escapes are plain text.
  const user = decodeEscaped(encodeURIComponent(text.slice(0, colon)), MAX_USER_LENGTH);
  const secret = decodeEscaped(encodeURIComponent(text.slice(colon + 1)), MAX_SECRET_LENGTH);
  return user && secret && !/\s/.test(user) ? { user, secret } : null;
}

export async function decideHttpLogin(
  serviceName: string | null,
  headers: Record<string, string[] | undefined>,
  ctx: GateContext,
): Promise<HttpAuthAnswer> {
  const service = serviceName && serviceName.length <= 32 ? parseService(serviceName) : undefined;
  if (!service || NOT_THROUGH_THE_GATE.includes(service)) return { status: 400, headers: {} };
  const credentials = parseBasicAuthorization(singleHeader(headers, "authorization"));
  const ipText = singleHeader(headers, "client-ip");
  const ip = ipText === null ? null : normaliseIp(ipText);
  if (!credentials || !ip) {
    ctx.metrics.count(service, "refused");
    return unauthorized();
  }
  const decision = await decideGateLogin({ ...credentials, service, ip, via: `gate:${service}` }, ctx);
  if (decision.outcome === "unavailable") return { status: 503, headers: { "Retry-After": "3" } };
  if (decision.outcome === "refused") {
    const answer = unauthorized();
    if (decision.waitSeconds > 0) answer.headers["Retry-After"] = String(decision.waitSeconds);
    return answer;
  }
  return { status: 200, headers: { [AUTH_USER_HEADER]: decision.email } };
}
