// Support for tests/instances: `npm start` as an operator runs it, and a small HTTP client that
// signs in the way the browser does (server actions by their build's ids, then next-auth).
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";

export const ROOT = path.join(__dirname, "..", "..");

export type Instance = {
  name: string;
  base: string;
  gatePort: number;
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
};

/**
 * Starts what `npm start` runs (package.json's "start" command, without npm in between: npm does
 * not wait for its script when it gets SIGTERM, so its exit code would say nothing about ours).
 */
export function startInstance(name: string, env: Record<string, string>): Instance {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: { start: string } };
  const [command, ...args] = pkg.scripts.start.split(/\s+/);
  assert.equal(command, "node");
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: "production", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let text = "";
  child.stdout!.on("data", (c) => (text += c));
  child.stderr!.on("data", (c) => (text += c));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { name, base: `http://127.0.0.1:${env.PORT}`, gatePort: Number(env.GATE_PORT), child, output: () => text, exited };
}

export async function waitHealthy(instance: Instance, timeoutMs = 120_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  let exitedWith: number | null | undefined;
  void instance.exited.then((code) => (exitedWith = code));
  for (;;) {
    if (exitedWith !== undefined) throw new Error(`${instance.name} exited (${exitedWith}):\n${instance.output()}`);
    const web = await fetch(`${instance.base}/api/health`).then(
      (r) => r.status,
      () => 0,
    );
    const gate = await fetch(`http://127.0.0.1:${instance.gatePort}/health`).then(
      (r) => r.status,
      () => 0,
    );
    if (web === 200 && gate === 200) return;
    if (Date.now() > until) throw new Error(`${instance.name} not healthy in time:\n${instance.output()}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Server action ids of the build `npm start` serves, by module and export name. */
export function actionId(file: string, exportedName: string): string {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, ".next", "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename?: string; exportedName?: string }>;
  };
  const found = Object.entries(manifest.node).find(([, v]) => v.filename === file && v.exportedName === exportedName);
  if (!found) throw new Error(`no server action ${file}#${exportedName} in the build`);
  return found[0];
}

/** A browser's cookie jar: cookies are per host, not per port, so one jar serves both instances. */
export class Browser {
  readonly cookies = new Map<string, string>();

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set("cookie", this.cookieHeader());
    const res = await fetch(url, { ...init, headers, redirect: "manual" });
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(";");
      const i = pair.indexOf("=");
      const name = pair.slice(0, i).trim();
      const value = pair.slice(i + 1).trim();
      const expired = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a) || /^\s*expires=Thu, 01 Jan 1970/i.test(a));
      if (expired || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }

  /** Calls a server action as the page's form does; returns the action's result ({ok, data|error}). */
  async action(base: string, page: string, id: string, input: unknown): Promise<{ status: number; result: ActionOutcome | null }> {
    const res = await this.fetch(base + page, {
      method: "POST",
      headers: { "Next-Action": id, Origin: base, Accept: "text/x-component", "Content-Type": "text/plain;charset=UTF-8" },
      body: JSON.stringify([input]),
    });
    const text = await res.text();
    // The RSC answer: one "<row>:<json>" line per chunk; the action's return value has "ok".
    for (const line of text.split("\n")) {
      const json = line.slice(line.indexOf(":") + 1);
      try {
        const value = JSON.parse(json) as unknown;
        if (value && typeof value === "object" && "ok" in value) return { status: res.status, result: value as ActionOutcome };
      } catch {
        // not JSON: another kind of row
      }
    }
    return { status: res.status, result: null };
  }

  /** POSTs JSON to one of our routes as the page's script does; returns its result ({ok, data|error}). */
  async postJson(base: string, route: string, input: unknown): Promise<{ status: number; result: ActionOutcome | null }> {
    const res = await this.fetch(base + route, {
      method: "POST",
      headers: { Origin: base, Accept: "application/json", "Content-Type": "application/json" },
      body: JSON.stringify(input),
    });
    const result = (await res.json().catch(() => null)) as ActionOutcome | null;
    return { status: res.status, result };
  }

  hasSession(): boolean {
    return [...this.cookies.keys()].some((k) => k.endsWith("gatehouse.session"));
  }

  /** next-auth's signIn("ticket"): the login ticket cookie becomes a session cookie. */
  async finishSignIn(base: string): Promise<boolean> {
    const { csrfToken } = (await (await this.fetch(`${base}/api/auth/csrf`)).json()) as { csrfToken: string };
    const res = await this.fetch(`${base}/api/auth/callback/ticket`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Auth-Return-Redirect": "1", Origin: base },
      body: new URLSearchParams({ csrfToken, callbackUrl: base, json: "true" }).toString(),
    });
    await res.text();
    return this.hasSession();
  }
}

export type ActionOutcome = { ok: true; data: Record<string, unknown> } | { ok: false; error: { code: string; message: string } };
