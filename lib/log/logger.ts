// Structured logs: one JSON object per line on stdout. Callers pass facts, never secrets; keys that
// look like secrets are masked anyway as a second line of defence.
type Level = "debug" | "info" | "warn" | "error";
const order: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };
const SECRET_KEY = /pass|secret|token|otp|code|hash|cookie|authorization/i;
const NOT_SECRET = new Set(["errorCode"]); // lib/log/error-facts.ts: a class of error, never a value

function threshold(): number {
  const level = process.env.LOG_LEVEL as Level | undefined;
  return order[level && level in order ? level : "info"];
}

function scrub(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, SECRET_KEY.test(k) && !NOT_SECRET.has(k) ? "[redacted]" : v]));
}

function write(level: Level, event: string, fields: Record<string, unknown> = {}) {
  if (order[level] < threshold()) return;
  const line = JSON.stringify({ time: new Date().toISOString(), level, event, ...scrub(fields) });
  (level === "error" || level === "warn" ? process.stderr : process.stdout).write(line + "\n");
}

export const log = {
  debug: (event: string, fields?: Record<string, unknown>) => write("debug", event, fields),
  info: (event: string, fields?: Record<string, unknown>) => write("info", event, fields),
  warn: (event: string, fields?: Record<string, unknown>) => write("warn", event, fields),
  error: (event: string, fields?: Record<string, unknown>) => write("error", event, fields),
};
