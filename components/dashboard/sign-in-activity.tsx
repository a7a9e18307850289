import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { LocalTime } from "@/components/ui/local-time";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import type { SignInMethod } from "@/lib/activity/sign-in-outcome";
import { SIGN_IN_RANGES, type SignInRange, type SignInSeries } from "@/lib/dashboard/get-sign-in-series";
import { SignInChart, type ChartPoint } from "./sign-in-chart";

const METHOD_COLOUR: Record<SignInMethod, string> = {
  password: "var(--gh-chart-1)",
  otp: "var(--gh-chart-2)",
  passkey: "var(--gh-chart-11)",
  credential: "var(--gh-chart-3)",
  link: "var(--gh-chart-4)",
  saml: "var(--gh-chart-5)",
  imap: "var(--gh-chart-6)",
  pop3: "var(--gh-chart-7)",
  smtp: "var(--gh-chart-8)",
  eas: "var(--gh-chart-9)",
  dav: "var(--gh-chart-10)",
  other: "var(--gh-chart-other)",
};

/** Sign-ins over the chosen range: one chart by result, one by way in, and the figures as a table. */
export async function SignInActivity({ series }: { series: SignInSeries }) {
  const t = await getTranslations("admin.dashboard");
  const hourly = SIGN_IN_RANGES[series.range].hours === 1;
  const points: ChartPoint[] = series.buckets.map((b) => ({
    start: b.start.toISOString(),
    success: b.success,
    failure: b.failure,
    ...b.byMethod,
  }));
  // Literal keys, so the catalogue test sees each one used.
  const labels: Record<SignInMethod, string> = {
    password: t("methods.password"),
    otp: t("methods.otp"),
    passkey: t("methods.passkey"),
    credential: t("methods.credential"),
    link: t("methods.link"),
    saml: t("methods.saml"),
    imap: t("methods.imap"),
    pop3: t("methods.pop3"),
    smtp: t("methods.smtp"),
    eas: t("methods.eas"),
    dav: t("methods.dav"),
    other: t("methods.other"),
  };
  const methodLabel = (m: SignInMethod) => labels[m];
  const rangeLink = (range: SignInRange, text: string) => (
    <Link
      href={`/admin?range=${range}`}
      prefetch={false}
      aria-current={series.range === range ? "page" : undefined}
      className="rounded-md border border-line px-3 py-1 text-sm aria-[current=page]:border-accent aria-[current=page]:bg-accent aria-[current=page]:text-accent-fg"
    >
      {text}
    </Link>
  );
  return (
    <Card
      title={t("signIns")}
      description={t("signInsDescription", { success: series.total.success, failure: series.total.failure })}
      actions={
        <nav aria-label={t("rangeLabel")} className="flex gap-2">
          {rangeLink("24h", t("range24h"))}
          {rangeLink("7d", t("range7d"))}
        </nav>
      }
      data-testid="dashboard-sign-ins"
    >
      <div className="grid grid-cols-1 gap-6 xl:grid-cols-2">
        <div className="min-w-0">
          <h3 className="mb-2 text-sm font-medium text-fg">{t("byResult")}</h3>
          <SignInChart
            points={points}
            hourly={hourly}
            label={t("byResultChart")}
            series={[
              { key: "success", label: t("succeeded"), color: "var(--gh-success)" },
              { key: "failure", label: t("failed"), color: "var(--gh-danger)" },
            ]}
          />
        </div>
        <div className="min-w-0">
          <h3 className="mb-2 text-sm font-medium text-fg">{t("byMethod")}</h3>
          <SignInChart
            points={points}
            hourly={hourly}
            label={t("byMethodChart")}
            series={series.methods.map((m) => ({ key: m, label: methodLabel(m), color: METHOD_COLOUR[m] }))}
          />
        </div>
      </div>
      <details className="mt-4 text-sm">
        <summary className="cursor-pointer text-accent underline underline-offset-2">{t("asTable")}</summary>
        <Table caption={t("tableCaption")} captionSrOnly wrapperClassName="mt-2" data-testid="sign-in-table">
          <THead>
            <Tr>
              <Th scope="col">{t("from")}</Th>
              <Th scope="col">{t("succeeded")}</Th>
              <Th scope="col">{t("failed")}</Th>
              {series.methods.map((m) => (
                <Th key={m} scope="col">
                  {methodLabel(m)}
                </Th>
              ))}
            </Tr>
          </THead>
          <TBody>
            {series.buckets.map((b) => (
              <Tr key={b.start.toISOString()}>
                <Td>
                  <LocalTime value={b.start} />
                </Td>
                <Td className="tabular-nums">{b.success}</Td>
                <Td className="tabular-nums">{b.failure}</Td>
                {series.methods.map((m) => (
                  <Td key={m} className="tabular-nums">
                    {b.byMethod[m]}
                  </Td>
                ))}
              </Tr>
            ))}
          </TBody>
        </Table>
      </details>
    </Card>
  );
}
