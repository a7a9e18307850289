// Next.js runs register() once when the web process starts. Under npm start the web is a child of
// scripts/start.ts, whose gate serves /metrics: the sign-ins this process sees go there
// (lib/metrics/count-metric.ts explains the relay).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { onSignInOutcome } = await import("@/lib/activity/report-sign-in-outcome");
  const { countMetric } = await import("@/lib/metrics/count-metric");
  onSignInOutcome((outcome) => countMetric({ name: "sign_in", method: outcome.method, result: outcome.result }));
}
