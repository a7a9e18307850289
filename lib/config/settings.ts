import path from "node:path";
import { z } from "zod";
import { SUPPORTED_LOCALES, type Locale } from "@/lib/i18n/locales";
import { parseIpRanges } from "@/lib/net/cidr";

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
});

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
  const dataDir = path.resolve(s.DATA_DIR);
  const publicUrl = (s.PUBLIC_URL ?? `http://localhost:${s.PORT}`).replace(/\/+$/, "");
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
  };
}

let cached: Settings | undefined;
export function getSettings(): Settings {
  cached ??= parseSettings(process.env);
  return cached;
}
