// Counting for GET /metrics (served by the gate, gate/gate-server.ts). Code anywhere calls
// countMetric(); where the event lands depends on the process:
// - in the process that serves /metrics (npm start's parent, `gatehouse gate`, a test), the prom-client
//   registry installed there (lib/metrics/metrics-registry.ts) takes it;
// - in npm start's web child (Next.js), it goes to the parent as an IPC message over the channel
//   scripts/start.ts opened, and the parent counts it.
// Why messages rather than a second registry aggregated at scrape time: the events are few (a
// sign-in, a lock, a throttle refusal: tens per second at most), a message costs microseconds, no
// scrape has to wait on the child, counts survive nothing but the process either way, and the web
// child needs no prom-client and no second port. No sink and no channel (the CLI, `npm run dev`):
// the event is dropped. This module imports nothing server-only, so any layer may use it.
import { ACCESS_RELAY_ENV } from "@/lib/gate/access-changes";

export type MetricEvent =
  | { name: "sign_in"; method: string; result: string }
  | { name: "gate_decision"; protocol: string; result: string }
  | { name: "gate_latency"; endpoint: string; seconds: number }
  | { name: "throttle_delay"; seconds: number }
  | { name: "account_lock" }
  | { name: "database_error"; errorClass: string };

export const METRIC_MESSAGE = "gatehouse.metric";

type Sink = (event: MetricEvent) => void;
const holder = globalThis as unknown as { gatehouseMetricSink?: Sink };

/** Called by the metrics registry of the process that serves /metrics. */
export function setMetricSink(sink: Sink | undefined): void {
  holder.gatehouseMetricSink = sink;
}

/** Counts one event; never throws, never waits. */
export function countMetric(event: MetricEvent): void {
  try {
    if (holder.gatehouseMetricSink) return holder.gatehouseMetricSink(event);
    if (process.env[ACCESS_RELAY_ENV] === "1" && typeof process.send === "function" && process.connected) {
      process.send({ type: METRIC_MESSAGE, event });
    }
  } catch {
    // counting is best effort
  }
}

const LABEL = /^[A-Za-z0-9_.-]{1,40}$/;
const label = (v: unknown) => (typeof v === "string" && LABEL.test(v) ? v : "other");
const seconds = (v: unknown) => (typeof v === "number" && Number.isFinite(v) && v >= 0 && v < 86_400 ? v : null);

/** The parent's side of the channel: checks a child's message and counts it; ignores anything else. */
export function relayMetric(message: unknown): void {
  const m = message as { type?: unknown; event?: Record<string, unknown> } | null;
  if (!m || m.type !== METRIC_MESSAGE || !m.event || typeof m.event !== "object" || !holder.gatehouseMetricSink) return;
  const e = m.event;
  let event: MetricEvent | null = null;
  if (e.name === "sign_in") event = { name: "sign_in", method: label(e.method), result: label(e.result) };
  else if (e.name === "gate_decision") event = { name: "gate_decision", protocol: label(e.protocol), result: label(e.result) };
  else if (e.name === "throttle_delay" && seconds(e.seconds) !== null) event = { name: "throttle_delay", seconds: seconds(e.seconds)! };
  else if (e.name === "account_lock") event = { name: "account_lock" };
  else if (e.name === "database_error") event = { name: "database_error", errorClass: label(e.errorClass) };
  if (event) holder.gatehouseMetricSink(event);
}

// Prisma's P20xx codes are a rule of the data (unique, not found, foreign key) that callers handle.
const DATA_RULE = /^P20\d\d$/;
const DRIVER_CODE = /^(E(CONN\w+|TIMEDOUT|PIPE|HOSTUNREACH|AI_AGAIN)|SQLITE_\w+|GATE_TIMEOUT|P1\d{3}|P2024|08\w{3}|57P\d\d|53\d{3})$/;

/**
 * Called where an unexpected error is caught and logged (the action wrapper, the gate's decision,
 * the health check): counts it as gatehouse_database_errors_total when the database raised it. Kept
 * out of the query path on purpose: a Prisma query extension would cost ~0.1 ms on every query.
 */
export function countDatabaseFault(e: unknown): void {
  if (!e || typeof e !== "object") return;
  const name = e instanceof Error ? e.name : "";
  const code = (e as { code?: unknown }).code;
  const codeText = typeof code === "string" ? code : "";
  if (DATA_RULE.test(codeText)) return;
  const fromDatabase = /^(Prisma|DriverAdapter)/.test(name) || DRIVER_CODE.test(codeText);
  if (fromDatabase) countMetric({ name: "database_error", errorClass: name && name !== "Error" ? name.slice(0, 40) : codeText || "Error" });
}
