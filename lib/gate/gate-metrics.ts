// Counts of the gate's answers per service and outcome: successes are counted, not audited (an
// audit row per mail login would be a write per request); failures are audited as well.
import { countMetric } from "@/lib/metrics/count-metric";

export type GateOutcome = "ok" | "refused" | "unavailable";

export class GateMetrics {
  private readonly counts = new Map<string, number>();

  count(service: string, outcome: GateOutcome): void {
    const key = `${service}\0${outcome}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    countMetric({ name: "gate_decision", protocol: service.toLowerCase(), result: outcome });
  }

  get(service: string, outcome: GateOutcome): number {
    return this.counts.get(`${service}\0${outcome}`) ?? 0;
  }

  /** Prometheus text format. */
  render(): string {
    const lines = [
      "# HELP gatehouse_gate_logins_total Logins the gate answered, by service and outcome.",
      "# TYPE gatehouse_gate_logins_total counter",
    ];
    for (const [key, value] of this.counts) {
      const [service, outcome] = key.split("\0");
      lines.push(`gatehouse_gate_logins_total{service="${service}",outcome="${outcome}"} ${value}`);
    }
    return lines.join("\n") + "\n";
  }
}
