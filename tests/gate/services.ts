// Runs the real mail proxy stack for tests/gate: nginx (mail + http) and Dovecot, from the
// templates in tests/gate/config, as foreground processes this test starts and stops. Waits are
// bounded polls on the ports, never fixed sleeps.
import { spawn, type ChildProcess } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir, userInfo } from "node:os";
import path from "node:path";

const CONFIG_DIR = path.join(__dirname, "config");

/** Loopback ports: GATE_IT_PORT_BASE (default 17320) and the few after it. */
export function integrationPorts() {
  const base = Number(process.env.GATE_IT_PORT_BASE ?? 17320);
  return {
    gate: base,
    imap: base + 1,
    pop3: base + 2,
    smtp: base + 3,
    http: base + 4,
    dovecotImap: base + 11,
    dovecotPop3: base + 12,
    dovecotSubmission: base + 13,
  };
}

function fill(template: string, values: Record<string, string | number>): string {
  return readFileSync(path.join(CONFIG_DIR, template), "utf8").replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    if (!(name in values)) throw new Error(`${template}: no value for {{${name}}}`);
    return String(values[name]);
  });
}

/** Resolves once something accepts connections on the port; rejects after `ms` or when `proc` exits. */
export function waitForPort(port: number, proc: ChildProcess, what: string, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      if (proc.exitCode !== null || proc.signalCode !== null)
        return reject(new Error(`${what} exited (${proc.exitCode ?? proc.signalCode})`));
      const socket = connect({ host: "127.0.0.1", port });
      socket.once("connect", () => (socket.destroy(), resolve()));
      socket.once("error", () => {
        socket.destroy();
        if (Date.now() > deadline) reject(new Error(`${what} is not listening on ${port} after ${ms} ms`));
        else setTimeout(attempt, 50); // a poll interval, not a wait for a clock
      });
    };
    attempt();
  });
}

function stop(proc: ChildProcess, signal: NodeJS.Signals, ms = 10_000): Promise<void> {
  if (proc.exitCode !== null || proc.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => (proc.kill("SIGKILL"), resolve()), ms);
    proc.once("exit", () => (clearTimeout(timer), resolve()));
    proc.kill(signal);
  });
}

export type MailStack = { runDir: string; logs: () => string; stop: () => Promise<void> };

/** Starts Dovecot and nginx in front of the gate on `ports.gate`; submission relays to `relayPort`. */
export async function startMailStack(opts: { gateSecret: string; relayPort: number }): Promise<MailStack> {
  const ports = integrationPorts();
  const runDir = mkdtempSync(path.join(tmpdir(), "gatehouse-gate-it-"));
  // Dovecot's login and mail processes run as other users (see dovecot.conf.template): they must
  // reach the run directory, and the mail user must write its mail directory.
  chmodSync(runDir, 0o755);
  mkdirSync(path.join(runDir, "mail"), { mode: 0o1777 });
  chmodSync(path.join(runDir, "mail"), 0o1777);
  mkdirSync(path.join(runDir, "www"));
  writeFileSync(path.join(runDir, "www", "ok.txt"), "backend reached\n");

  const root = userInfo().uid === 0;
  const me = userInfo().username;
  writeFileSync(
    path.join(runDir, "dovecot.conf"),
    fill("dovecot.conf.template", {
      RUN_DIR: runDir,
      LOGIN_USER: root ? "dovenull" : me,
      INTERNAL_USER: root ? "dovecot" : me,
      MAIL_UID: root ? 65534 : userInfo().uid,
      MAIL_GID: root ? 65534 : userInfo().gid,
      RELAY_PORT: opts.relayPort,
      DOVECOT_IMAP_PORT: ports.dovecotImap,
      DOVECOT_POP3_PORT: ports.dovecotPop3,
      DOVECOT_SUBMISSION_PORT: ports.dovecotSubmission,
    }),
  );
  const modules = ["/usr/lib/nginx/modules", "/usr/lib64/nginx/modules"].find((d) => existsSync(path.join(d, "ngx_mail_module.so")));
  if (!modules) throw new Error("nginx's mail module is missing (Debian: apt-get install libnginx-mod-mail)");
  writeFileSync(
    path.join(runDir, "nginx.conf"),
    fill("nginx.conf.template", {
      NGINX_MODULES: modules,
      RUN_DIR: runDir,
      GATE_PORT: ports.gate,
      GATE_SECRET: opts.gateSecret,
      IMAP_PORT: ports.imap,
      POP3_PORT: ports.pop3,
      SMTP_PORT: ports.smtp,
      HTTP_PORT: ports.http,
    }),
  );

  const output: string[] = [];
  const started = (name: string, cmd: string, args: string[]) => {
    const proc = spawn(cmd, args, { stdio: ["ignore", "pipe", "pipe"] });
    proc.stdout!.on("data", (c) => output.push(`${name}: ${c}`));
    proc.stderr!.on("data", (c) => output.push(`${name}: ${c}`));
    return proc;
  };
  const dovecot = started("dovecot", "dovecot", ["-F", "-c", path.join(runDir, "dovecot.conf")]);
  // -p: nginx's prefix, so nothing is read or written outside the run directory.
  const nginx = started("nginx", "nginx", [
    "-p",
    runDir,
    "-c",
    path.join(runDir, "nginx.conf"),
    "-e",
    path.join(runDir, "nginx-error.log"),
  ]);
  const logs = () => {
    const read = (f: string) => (existsSync(path.join(runDir, f)) ? readFileSync(path.join(runDir, f), "utf8") : "");
    return [...output, read("dovecot.log"), read("nginx-error.log")].join("\n").slice(-8000);
  };
  const stopAll = async () => {
    await Promise.all([stop(nginx, "SIGQUIT"), stop(dovecot, "SIGTERM")]);
    rmSync(runDir, { recursive: true, force: true });
  };
  try {
    await waitForPort(ports.dovecotImap, dovecot, "dovecot");
    await waitForPort(ports.dovecotSubmission, dovecot, "dovecot");
    await waitForPort(ports.http, nginx, "nginx");
    await waitForPort(ports.smtp, nginx, "nginx");
  } catch (e) {
    const text = logs();
    await stopAll();
    throw new Error(`${(e as Error).message}\n${text}`);
  }
  return { runDir, logs, stop: stopAll };
}

export type CurlResult = { code: number; stdout: string; stderr: string; ms: number };

/** Runs curl asynchronously (the gate answers in this same process, so spawnSync would deadlock). */
export function curl(args: string[], stdin = ""): Promise<CurlResult> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const proc = spawn("curl", ["-sS", "--max-time", "30", ...args], { stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    proc.stdout.on("data", (c) => (stdout += c));
    proc.stderr.on("data", (c) => (stderr += c));
    proc.on("error", reject);
    proc.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr, ms: Date.now() - started }));
    proc.stdin.end(stdin);
  });
}
