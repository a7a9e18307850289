import path from "node:path";
import { z } from "zod";
import { SUPPORTED_LOCALES, type Locale } from "@/lib/i18n/locales";
import { parseIpRanges } from "@/lib/net/cidr";
import { parseGateBackends, type GateBackends } from "@/lib/gate/gate-backends";

// Every setting Gatehouse reads from the environment, validated once. An invalid value stops the
// start with one line that names the variable (see DESIGN.md, "Other settings").
const port = z.coerce.number().int().min(1).max(65535);
const host = z.string().min(1).max(255);

const schema = z.object({
  PORT: port.default(3000),
  HOST: host.default("127.0.0.1"),
  GATE_PORT: port.default(7072),
  GATE_HOST: host.default("127.0.0.1"),
  DATA_DIR: z.string().min(1).max(4096).default("./data"),
  DATABASE_URL: z
    .string()
    .max(4096)
    .refine((v) => /^postgres(ql)?:\/\//.test(v), "must be a postgresql:// URL (leave it unset for the embedded SQLite database)")
    .optional(),
  PUBLIC_URL: z
    .string()
    .max(2048)
    .refine((v) => /^https?:\/\/[^/]+/.test(v), "must be an absolute http:// or https:// URL")
    .optional(),
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters").max(4096).optional(),
  GATE_SECRET: z.string().min(16, "must be at least 16 characters").max(4096).optional(),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  // The language when neither the person, the browser nor the domain names one Gatehouse speaks.
  DEFAULT_LOCALE: z.enum(SUPPORTED_LOCALES, { error: `must be one of ${SUPPORTED_LOCALES.join(", ")}` }).default("en"),
  // Proxies whose X-Forwarded-For is believed (comma-separated IPs or CIDRs); scripts/web-server.ts applies it.
  TRUSTED_PROXIES: z
    .string()
    .max(4096)
    .refine((v) => {
      try {
        parseIpRanges(v);
        return true;
      } catch {
        return false;
      }
    }, "must be a comma-separated list of IP addresses or CIDR ranges")
    .optional(),
  // Outgoing mail for auth links (issue 10): both or neither, checked in parseSettings.
  SMTP_URL: z
    .string()
    .max(2048)
    .refine((v) => parseSmtpUrl(v) !== null, "must be smtp://[user:password@]host[:port] or smtps://… (nothing after the port)")
    .optional(),
  MAIL_FROM: z
    .string()
    .max(320)
    .refine((v) => parseMailFrom(v) !== null, 'must be an address, or "Name <address>"')
    .optional(),
  // Graceful shutdown (lib/process/graceful-shutdown.ts): seconds a stopping instance keeps serving
  // with /health at 503, so a load balancer takes it out before it stops accepting.
  // GET /metrics on the gate port needs `Authorization: Bearer $METRICS_TOKEN`; unset, it is off (404).
  METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").max(4096).optional(),
  // Passkeys (issue 14): the relying-party id, by default PUBLIC_URL's host name. A parent domain
  // of it (example.com for auth.example.com) lets passkeys serve every site under that domain.
  WEBAUTHN_RP_ID: z
    .string()
    .max(253)
    .regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/, "must be a lower-case host name")
    .optional(),
  SHUTDOWN_DELAY_SECONDS: z.coerce.number().int().min(0).max(120).default(0),
  // Audit rows older than this many days are pruned by the server (lib/audit/audit-retention-job.ts).
  AUDIT_RETENTION_DAYS: z.coerce
    .number({ error: "must be a whole number of days from 1 to 36500" })
    .int("must be a whole number of days from 1 to 36500")
    .min(1, "must be a whole number of days from 1 to 36500")
    .max(36500, "must be a whole number of days from 1 to 36500")
    .default(365),
});

/** Where and as whom auth-link mail goes out. `smtpUrl` holds the SMTP password: never log it. */
export type MailSettings = { smtpUrl: string; from: { name: string; address: string } };

export type Settings = {
  port: number;
  host: string;
  gatePort: number;
  gateHost: string;
  dataDir: string;
  databaseUrl: string | undefined;
  databaseKind: "sqlite" | "postgresql";
  sqlitePath: string;
  publicUrl: string;
  secureCookies: boolean;
  authSecret: string | undefined;
  gateSecret: string | undefined;
  logLevel: "debug" | "info" | "warn" | "error";
  defaultLocale: Locale;
  /** Unset: no mail is sent, and the console opens a mailto: instead. */
  mail: MailSettings | undefined;
  /** GATE_IMAP_BACKEND, GATE_POP3_BACKEND, GATE_SMTP_BACKEND (lib/gate/gate-backends.ts). */
  gateBackends: GateBackends;
  /** Unset: GET /metrics answers 404. */
  metricsToken: string | undefined;
  /** SHUTDOWN_DELAY_SECONDS in milliseconds. */
  shutdownDelayMs: number;
  /** AUDIT_RETENTION_DAYS: audit rows older than this are pruned. */
  auditRetentionDays: number;
  /** Passkeys: the relying-party id (WEBAUTHN_RP_ID or PUBLIC_URL's host) and the origin they are used from. */
  webauthn: { rpId: string; origin: string };
};

export class SettingsError extends Error {}

export function parseSettings(env: Record<string, string | undefined>): Settings {
  const empty = (v: string | undefined) => (v === "" ? undefined : v);
  const parsed = schema.safeParse(Object.fromEntries(Object.keys(schema.shape).map((k) => [k, empty(env[k])])));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new SettingsError(`invalid setting ${String(issue.path[0])}: ${issue.message}`);
  }
  const s = parsed.data;
  // One without the other would fail only when an admin first presses "Send by email".
  if (!!s.SMTP_URL !== !!s.MAIL_FROM) {
    const [missing, given] = s.SMTP_URL ? ["MAIL_FROM", "SMTP_URL"] : ["SMTP_URL", "MAIL_FROM"];
    throw new SettingsError(`invalid setting ${missing}: must be set together with ${given} (set both to send mail, or neither)`);
  }
  let gateBackends: GateBackends;
  try {
    gateBackends = parseGateBackends(env);
  } catch (e) {
    throw new SettingsError((e as Error).message);
  }
  const dataDir = path.resolve(s.DATA_DIR);
  const publicUrl = (s.PUBLIC_URL ?? `http://localhost:${s.PORT}`).replace(/\/+$/, "");
  const publicHost = new URL(publicUrl).hostname;
  const rpId = s.WEBAUTHN_RP_ID ?? publicHost;
  // Browsers accept an RP id only when it is the page's host or a parent domain of it.
  if (rpId !== publicHost && !publicHost.endsWith(`.${rpId}`))
    throw new SettingsError(`invalid setting WEBAUTHN_RP_ID: must be ${publicHost} (PUBLIC_URL's host) or a parent domain of it`);
  return {
    port: s.PORT,
    host: s.HOST,
    gatePort: s.GATE_PORT,
    gateHost: s.GATE_HOST,
    dataDir,
    databaseUrl: s.DATABASE_URL,
    databaseKind: s.DATABASE_URL ? "postgresql" : "sqlite",
    sqlitePath: path.join(dataDir, "gatehouse.db"),
    publicUrl,
    secureCookies: publicUrl.startsWith("https://"),
    authSecret: s.AUTH_SECRET,
    gateSecret: s.GATE_SECRET,
    logLevel: s.LOG_LEVEL,
    defaultLocale: s.DEFAULT_LOCALE,
    mail: s.SMTP_URL && s.MAIL_FROM ? { smtpUrl: s.SMTP_URL, from: parseMailFrom(s.MAIL_FROM)! } : undefined,
    gateBackends,
    metricsToken: s.METRICS_TOKEN,
    shutdownDelayMs: s.SHUTDOWN_DELAY_SECONDS * 1000,
    auditRetentionDays: s.AUDIT_RETENTION_DAYS,
    webauthn: { rpId, origin: new URL(publicUrl).origin },
  };
}

export type SmtpServer = { host: string; port: number; secure: boolean; user?: string; password?: string };

/** smtp://[user:password@]host[:port] (STARTTLS when offered) or smtps:// (TLS from the start); null when it is not one. */
export function parseSmtpUrl(value: string): SmtpServer | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.protocol !== "smtp:" && url.protocol !== "smtps:") return null;
  if (!url.hostname || (url.pathname !== "" && url.pathname !== "/") || url.search || url.hash) return null;
  const secure = url.protocol === "smtps:";
  const port = url.port ? Number(url.port) : secure ? 465 : 587;
  if (port < 1) return null;
  try {
    const user = url.username ? decodeURIComponent(url.username) : undefined;
    const password = url.password ? decodeURIComponent(url.password) : undefined;
    return { host: url.hostname.replace(/^\[|\]$/g, ""), port, secure, user, password };
  } catch {
    return null; // a malformed %-escape in the user or password
  }
}

// Deliberately plain: no quoted local parts or comments; control characters never (header injection).
const ADDRESS = /^[^\s@<>",;:()[\]\\]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

/** "alerts@example.com" or "Example IT <alerts@example.com>" (the name may be in double quotes); null otherwise. */
export function parseMailFrom(value: string): { name: string; address: string } | null {
  if ([...value].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)) return null; // header injection
  const trimmed = value.trim();
  const named = /^(.*?)\s*<([^<>]+)>$/.exec(trimmed);
  const name = named ? named[1].replace(/^"(.*)"$/, "$1").trim() : "";
  const address = named ? named[2].trim() : trimmed;
  if (!ADDRESS.test(address) || name.length > 100 || /[<>"]/.test(name)) return null;
  return { name, address };
}

let cached: Settings | undefined;
export function getSettings(): Settings {
  cached ??= parseSettings(process.env);
  return cached;
}

/**
 * Tests only: read process.env again on the next getSettings(), for a test that sets a value it
 * learns late (an SMTP server's ephemeral port). The database client keeps its first settings.
 */
export function forgetSettingsForTests(): void {
  cached = undefined;
}
