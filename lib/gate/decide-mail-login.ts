import { answerOk, answerRefused, answerTemporaryFailure, type AuthHttpAnswer } from "@/lib/gate/answer-auth-http";
import { decideGateLogin, type GateContext } from "@/lib/gate/decide-gate-login";
import { backendFor, type GateBackends, type MailProtocol } from "@/lib/gate/gate-backends";
import { parseAuthHttpRequest } from "@/lib/gate/parse-auth-http-request";
import { log } from "@/lib/log/logger";
import type { Service } from "@/lib/services/services";

const SERVICE_OF: Record<MailProtocol, Service> = { imap: "IMAP", pop3: "POP3", smtp: "SMTP" };

/** GET /auth: nginx's auth_http request headers in, the answer's headers out. */
export async function decideMailLogin(
  headers: Record<string, string[] | undefined>,
  ctx: GateContext & { backends: GateBackends },
): Promise<AuthHttpAnswer> {
  const parsed = parseAuthHttpRequest(headers);
  if (!parsed.ok) {
    log.warn("gate.bad_request", { reason: parsed.reason, protocol: parsed.protocol ?? undefined });
    ctx.metrics.count(parsed.protocol ? SERVICE_OF[parsed.protocol] : "unknown", "refused");
    return answerRefused(parsed.protocol, parsed.attempt);
  }
  const { login } = parsed;
  const service = SERVICE_OF[login.protocol];
  const decision = await decideGateLogin(
    { user: login.user, secret: login.secret, service, ip: login.ip, via: `gate:${login.protocol}` },
    ctx,
  );
  if (decision.outcome === "unavailable") return answerTemporaryFailure(login.protocol);
  if (decision.outcome === "refused") return answerRefused(login.protocol, login.attempt, decision.waitSeconds);
  const backend = backendFor(ctx.backends, login.protocol, decision.email);
  if (!backend) {
    // A configuration fault, not the user's: say so in the log and let the client try again later.
    log.error("gate.no_backend", { protocol: login.protocol });
    return answerTemporaryFailure(login.protocol);
  }
  return answerOk(decision.email, backend);
}
