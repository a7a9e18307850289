import { collectDefaultMetrics, Counter, Histogram, Registry } from "prom-client";
import { onSignInOutcome } from "@/lib/activity/report-sign-in-outcome";
import { setMetricSink, type MetricEvent } from "@/lib/metrics/count-metric";

// The series GET /metrics shows (README "Metrics"). One registry per process, made by the gate
// when METRICS_TOKEN is set; lib/metrics/count-metric.ts feeds it from this process and, through
// scripts/start.ts, from the web child.
export type Metrics = { registry: Registry; render: () => Promise<string>; contentType: string };

const holder = globalThis as unknown as { gatehouseMetrics?: Metrics };

export function installMetrics(): Metrics {
  if (holder.gatehouseMetrics) return holder.gatehouseMetrics;
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "gatehouse_" });
  const signIns = new Counter({
    name: "gatehouse_sign_ins_total",
    help: "Sign-ins by way in (password, otp, credential, link, saml, imap, pop3, smtp, eas, dav, other) and result (success, failure).",
    labelNames: ["method", "result"],
    registers: [registry],
  });
  const decisions = new Counter({
    name: "gatehouse_gate_decisions_total",
    help: "Answers of the protocol gate by protocol and result (ok, refused, unavailable).",
    labelNames: ["protocol", "result"],
    registers: [registry],
  });
  const latency = new Histogram({
    name: "gatehouse_gate_decision_seconds",
    help: "Time the gate took to answer a login, by endpoint (auth: IMAP/POP3/SMTP, http-auth: EAS/DAV/...).",
    labelNames: ["endpoint"],
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const throttled = new Counter({
    name: "gatehouse_throttle_delays_total",
    help: "Sign-in attempts refused because their address or IP must wait (throttling).",
    registers: [registry],
  });
  const throttledSeconds = new Counter({
    name: "gatehouse_throttle_delay_seconds_total",
    help: "Seconds of waiting those refusals asked for.",
    registers: [registry],
  });
  const locks = new Counter({
    name: "gatehouse_account_locks_total",
    help: "Accounts locked after too many failed sign-ins.",
    registers: [registry],
  });
  const dbErrors = new Counter({
    name: "gatehouse_database_errors_total",
    help: "Database operations that failed other than by a rule of the data (connection lost, timeout, ...), by error class.",
    labelNames: ["class"],
    registers: [registry],
  });
  // Start every series at zero, so a rate() works from the first scrape.
  signIns.inc({ method: "password", result: "success" }, 0);
  signIns.inc({ method: "password", result: "failure" }, 0);
  for (const result of ["ok", "refused", "unavailable"]) decisions.inc({ protocol: "imap", result }, 0);

  const apply = (e: MetricEvent) => {
    if (e.name === "sign_in") signIns.inc({ method: e.method, result: e.result });
    else if (e.name === "gate_decision") decisions.inc({ protocol: e.protocol, result: e.result });
    else if (e.name === "gate_latency") latency.observe({ endpoint: e.endpoint }, e.seconds);
    else if (e.name === "throttle_delay") {
      throttled.inc();
      throttledSeconds.inc(e.seconds);
    } else if (e.name === "account_lock") locks.inc();
    else if (e.name === "database_error") dbErrors.inc({ class: e.errorClass });
  };
  setMetricSink(apply);
  onSignInOutcome((outcome) => apply({ name: "sign_in", method: outcome.method, result: outcome.result }));
  holder.gatehouseMetrics = { registry, render: () => registry.metrics(), contentType: registry.contentType };
  return holder.gatehouseMetrics;
}
