// Test client for the gate: writes the request by hand on a socket, so it sends exactly the headers
// given (repeats, raw bytes and odd values included), as nginx or an attacker might, and returns
// the status and headers of the answer.
import { connect } from "node:net";

export type Answer = { status: number; headers: Record<string, string> };

export function askGate(port: number, path: string, headers: [string, string][], opts: { timeoutMs?: number } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: "127.0.0.1", port });
    const chunks: Buffer[] = [];
    socket.setTimeout(opts.timeoutMs ?? 15_000, () => socket.destroy(new Error("gate did not answer in time")));
    socket.on("data", (c) => chunks.push(c));
    socket.on("error", reject);
    socket.on("close", () => {
      const text = Buffer.concat(chunks).toString("latin1");
      const head = text.split("\r\n\r\n")[0];
      const [statusLine, ...lines] = head.split("\r\n");
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(statusLine)?.[1] ?? 0);
      const out: Record<string, string> = {};
      for (const line of lines) {
        const colon = line.indexOf(":");
        if (colon > 0) out[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
      }
      resolve({ status, headers: out });
    });
    const lines = [`GET ${path} HTTP/1.1`, "Host: gate", "Connection: close", ...headers.map(([k, v]) => `${k}: ${v}`)];
    // Not end(): a half-closed socket makes node:http drop the answer; Connection: close ends it.
    socket.write(Buffer.from(lines.join("\r\n") + "\r\n\r\n", "latin1"));
  });
}

/** The headers nginx's auth_http sends for one login; `extra` is appended (e.g. a second Auth-User). */
export function authHttpHeaders(
  key: string,
  login: { user: string; pass: string; protocol: string; ip?: string; attempt?: number },
  extra: [string, string][] = [],
): [string, string][] {
  return [
    ["X-Auth-Key", key],
    ["Auth-Method", "plain"],
    ["Auth-User", encodeURIComponent(login.user)],
    ["Auth-Pass", encodeURIComponent(login.pass)],
    ["Auth-Protocol", login.protocol],
    ["Auth-Login-Attempt", String(login.attempt ?? 1)],
    ["Client-IP", login.ip ?? "192.0.2.10"],
    ["Client-Host", "[UNAVAILABLE]"],
    ...extra,
  ];
}

export function basic(user: string, pass: string): string {
  return `Basic ${Buffer.from(`${user}:${pass}`, "utf8").toString("base64")}`;
}
