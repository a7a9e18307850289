import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { CredentialUseRecorder } from "@/lib/gate/credential-use-recorder";
import { decideHttpLogin } from "@/lib/gate/decide-http-login";
import { decideMailLogin } from "@/lib/gate/decide-mail-login";
import type { GateBackends } from "@/lib/gate/gate-backends";
import { GateDecisionCache } from "@/lib/gate/gate-decision-cache";
import { GateMetrics } from "@/lib/gate/gate-metrics";
import { openGateQueries, type GateQueries } from "@/lib/gate/gate-queries";
import { getSettings } from "@/lib/config/settings";
import { answerRefused } from "@/lib/gate/answer-auth-http";
import { errorFacts } from "@/lib/log/error-facts";
import { log } from "@/lib/log/logger";
import { closeAfterAnswer, drainServer } from "@/lib/process/drain-server";
import { isDraining } from "@/lib/process/shutdown-hooks";
import { countMetric } from "@/lib/metrics/count-metric";
import { installMetrics } from "@/lib/metrics/metrics-registry";

// The protocol gate: a bare node:http server, kept off Next.js because nginx asks it about every
// mail login (a Next route handler serves ~25x fewer requests per second here). GET /auth answers
// nginx mail auth_http, GET /http-auth?service=… answers auth_request; both need X-Auth-Key equal
// to GATE_SECRET (else 403 and nothing is checked). The decisions are in lib/gate/.
export type GateOptions = {
  gateSecret: string;
  backends: GateBackends;
  cache?: { maxEntries?: number; ttlMs?: number };
  /** Longest a decision may take before the answer is a temporary failure. */
  decisionTimeoutMs?: number;
  /** The hot reads; opened on the configured database when not given. */
  queries?: GateQueries;
  /** GET /metrics needs `Authorization: Bearer <this>`; unset, /metrics answers 404. */
  metricsToken?: string;
  /** Tests: the clock of the decisions. */
  now?: () => Date;
};

export type Gate = {
  server: Server;
  cache: GateDecisionCache;
  uses: CredentialUseRecorder;
  metrics: GateMetrics;
  close: () => Promise<void>;
};

const DEFAULTS = { maxEntries: 10_000, ttlMs: 30_000, decisionTimeoutMs: 5_000 };

/** Constant time whatever the lengths: the given key is hashed to 32 bytes like the expected one. */
function sameSecret(given: string | undefined, expectedHash: Buffer): boolean {
  const a = createHash("sha256")
    .update(given ?? "")
    .digest();
  return timingSafeEqual(a, expectedHash) && given !== undefined;
}

export function createGate(opts: GateOptions): Gate {
  const metrics = new GateMetrics();
  const uses = new CredentialUseRecorder();
  const cache = new GateDecisionCache(
    { maxEntries: opts.cache?.maxEntries ?? DEFAULTS.maxEntries, ttlMs: opts.cache?.ttlMs ?? DEFAULTS.ttlMs, secret: randomBytes(32) },
    opts.now ? () => opts.now!().getTime() : Date.now,
  );
  const queries = opts.queries ?? openGateQueries(getSettings());
  const ctx = { cache, uses, metrics, queries, timeoutMs: opts.decisionTimeoutMs ?? DEFAULTS.decisionTimeoutMs, now: opts.now };

  const secretHash = createHash("sha256").update(opts.gateSecret).digest();
  const prometheus = opts.metricsToken ? { tokenHash: createHash("sha256").update(opts.metricsToken).digest(), ...installMetrics() } : null;
  const mailCtx = { ...ctx, backends: opts.backends };

  // Hand-split rather than new URL(): this runs for every login nginx asks about.
  async function handle(req: IncomingMessage, res: ServerResponse) {
    const target = req.url ?? "/";
    const query = target.indexOf("?");
    const pathname = query < 0 ? target : target.slice(0, query);
    const send = (status: number, headers: Record<string, string>, body = "") => {
      res.writeHead(status, { "Content-Type": "text/plain", "Cache-Control": "no-store", ...headers });
      res.end(body);
    };
    // Shutting down (lib/process/graceful-shutdown.ts): answer, then close the connection.
    const draining = isDraining();
    if (draining) closeAfterAnswer(res);
    if (req.method !== "GET") return send(405, { Allow: "GET" });
    if (pathname === "/health")
      return draining
        ? send(503, { "Content-Type": "application/json" }, '{"status":"draining"}')
        : send(200, { "Content-Type": "application/json" }, '{"status":"ok"}');
    if (pathname === "/metrics") {
      if (!prometheus) return send(404, {}, "not found\n");
      const auth = req.headersDistinct.authorization;
      const bearer = auth?.length === 1 && /^Bearer /i.test(auth[0]) ? auth[0].slice(7).trim() : undefined;
      if (!sameSecret(bearer, prometheus.tokenHash)) {
        log.warn("metrics.bad_token", { given: bearer !== undefined });
        return send(401, { "WWW-Authenticate": 'Bearer realm="gatehouse metrics"' }, "unauthorized\n");
      }
      return send(200, { "Content-Type": prometheus.contentType }, await prometheus.render());
    }
    if (pathname !== "/auth" && pathname !== "/http-auth") return send(404, {}, "not found\n");
    const headers = req.headersDistinct;
    const key = headers["x-auth-key"];
    if (!key || key.length !== 1 || !sameSecret(key[0], secretHash)) {
      log.warn("gate.bad_key", { path: pathname });
      return send(403, {}, "forbidden\n");
    }
    const started = process.hrtime.bigint();
    const took = () =>
      countMetric({ name: "gate_latency", endpoint: pathname.slice(1), seconds: Number(process.hrtime.bigint() - started) / 1e9 });
    if (pathname === "/auth") {
      // nginx reads only the Auth-* headers of this answer.
      res.writeHead(200, await decideMailLogin(headers, mailCtx));
      took();
      return res.end();
    }
    const services = new URLSearchParams(query < 0 ? "" : target.slice(query + 1)).getAll("service");
    const answer = await decideHttpLogin(services.length === 1 ? services[0] : null, headers, ctx);
    took();
    return send(answer.status, answer.headers);
  }

  // Decisions still running: a client that hung up leaves its decision going, and the database must
  // not close under it at shutdown (it would hang until its timeout and log a failure).
  const inFlight = new Set<Promise<unknown>>();
  const server = createServer({ connectionsCheckingInterval: 1_000 }, (req, res) => {
    const work = handle(req, res).catch((e) => {
      // The decisions catch their own failures; this is the last line: refuse, keep serving.
      log.error("gate.unexpected", errorFacts(e));
      if (!res.headersSent) {
        res.writeHead(req.url?.startsWith("/auth") ? 200 : 500, answerRefused(null, 1));
        res.end();
      }
    });
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
  }).on("clientError", (err: NodeJS.ErrnoException, socket) => {
    // Malformed requests get a plain refusal (nginx treats it as an error, never as OK); a client
    // too slow to send its headers is just dropped.
    log.warn("gate.client_error", errorFacts(err));
    if (err.code !== "ERR_HTTP_REQUEST_TIMEOUT" && socket.writable) {
      const status = err.code === "HPE_HEADER_OVERFLOW" ? "431 Request Header Fields Too Large" : "400 Bad Request";
      socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    } else socket.destroy();
  });
  // A slow client (or one that never finishes its headers) is dropped rather than held.
  server.headersTimeout = 5_000;
  server.requestTimeout = 10_000;
  server.keepAliveTimeout = 30_000;

  return {
    server,
    cache,
    uses,
    metrics,
    /** Stops accepting, finishes the decisions in flight (bounded, even when their client hung up), then writes the credentials' last use. */
    async close() {
      const { forced } = await drainServer(server);
      if (forced) log.warn("gate.requests_cut_at_shutdown", {});
      // Each decision ends within its own time limit; wait for the last ones (bounded by it).
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.allSettled([...inFlight]),
        new Promise((resolve) => (timer = setTimeout(resolve, ctx.timeoutMs + 500).unref())),
      ]);
      clearTimeout(timer);
      await uses.flush();
      cache.close();
      await queries.close();
    },
  };
}

/** The server alone, for callers that only need to listen. */
export function createGateServer(opts: GateOptions): Server {
  return createGate(opts).server;
}
