import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AuditDetails } from "@/components/audit/audit-details";
import { AuditFilterForm } from "@/components/audit/audit-filter-form";
import { Breakable } from "@/components/audit/breakable";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { LocalTime } from "@/components/ui/local-time";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/ui/table";
import { requireAdmin } from "@/lib/auth/current-session";
import { listAuditEvents } from "@/lib/audit/list-audit-events";
import { AUDIT_FILTER_FIELDS, formatAuditCursor, parseAuditFilters, type AuditFilterField } from "@/lib/audit/parse-audit-filters";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.audit");
  return { title: t("metaTitle") };
}

type Params = Record<string, string | string[] | undefined>;
const KEPT = [...AUDIT_FILTER_FIELDS, "before", "after"] as const;

export default async function AuditPage({ searchParams }: { searchParams: Promise<Params> }) {
  // Every page checks its own access: a client navigation can render a page without its layout.
  await requireAdmin();
  const sp = await searchParams;
  // The filter form sends every field; empty ones are dropped from the URL so it names only real filters.
  const given = Object.fromEntries(KEPT.filter((k) => sp[k] !== undefined).map((k) => [k, sp[k]]));
  const filled = Object.entries(given).filter(([, v]) => v !== "");
  if (filled.length !== Object.keys(given).length) {
    const qs = new URLSearchParams(filled as [string, string][]).toString();
    redirect(`/admin/audit${qs ? `?${qs}` : ""}`);
  }
  const t = await getTranslations("admin.audit");
  const parsed = parseAuditFilters(given);
  const filterParams = Object.fromEntries(filled.filter(([k]) => k !== "before" && k !== "after")) as Record<string, string>;
  const invalid: Record<AuditFilterField, string> = {
    group: t("invalid.group"),
    result: t("invalid.result"),
    actor: t("invalid.actor"),
    subject: t("invalid.subject"),
    ip: t("invalid.ip"),
    from: t("invalid.time"),
    to: t("invalid.time"),
    before: t("invalid.cursor"),
    after: t("invalid.cursor"),
    range: t("invalid.range"),
  };
  const page = parsed.ok ? await listAuditEvents(parsed.query) : null;
  const results: Record<string, string> = { success: t("resultSuccess"), failure: t("resultFailure"), denied: t("resultDenied") };
  const href = (extra: Record<string, string>) => `/admin/audit?${new URLSearchParams({ ...filterParams, ...extra })}`;
  const exportHref = (format: string) => `/admin/audit/export?${new URLSearchParams({ format, ...filterParams })}`;
  const first = page?.events[0];
  const last = page?.events[page.events.length - 1];
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("description")} />
      <Card>
        <AuditFilterForm values={filterParams} />
        {!parsed.ok && (
          <p role="alert" className="mb-4 rounded-md bg-danger-soft px-3 py-2 text-sm font-medium text-danger">
            {invalid[parsed.error.field]}
          </p>
        )}
        {page && (
          <>
            <p className="mb-3 flex flex-wrap gap-4 text-sm">
              <span>{t("export")}</span>
              <a href={exportHref("csv")} download>
                {t("exportCsv")}
              </a>
              <a href={exportHref("jsonl")} download>
                {t("exportJsonl")}
              </a>
            </p>
            <Table caption={t("caption")} captionSrOnly className="table-fixed">
              <THead>
                <Tr>
                  <Th className="w-36">{t("time")}</Th>
                  <Th className="w-40">{t("action")}</Th>
                  <Th className="w-24">{t("result")}</Th>
                  <Th>{t("actor")}</Th>
                  <Th>{t("subject")}</Th>
                  <Th className="w-32">{t("ip")}</Th>
                  <Th className="w-1/4">{t("details")}</Th>
                </Tr>
              </THead>
              <TBody>
                {page.events.length === 0 && (
                  <Tr>
                    <Td colSpan={7}>{t("empty")}</Td>
                  </Tr>
                )}
                {page.events.map((e) => (
                  <Tr key={e.id} data-testid="audit-row">
                    <Td>
                      <LocalTime value={e.createdAt} />
                    </Td>
                    <Td className="font-mono text-xs">
                      <Breakable text={e.action} />
                    </Td>
                    <Td>
                      <Badge tone={e.result === "success" ? "success" : "danger"}>{results[e.result] ?? e.result}</Badge>
                    </Td>
                    <Td>{e.actorEmail ? <Breakable text={e.actorEmail} /> : "—"}</Td>
                    <Td>{e.subjectEmail ? <Breakable text={e.subjectEmail} /> : "—"}</Td>
                    <Td className="font-mono text-xs">{e.ip ? <Breakable text={e.ip} /> : "—"}</Td>
                    <Td>
                      <AuditDetails details={e.details} userAgent={e.userAgent} />
                    </Td>
                  </Tr>
                ))}
              </TBody>
            </Table>
            <nav aria-label={t("pages")} className="mt-4 flex items-center gap-4 text-sm">
              {page.hasNewer && first && <Link href={href({ after: formatAuditCursor(first) })}>{t("newer")}</Link>}
              {page.hasNewer && <Link href={href({})}>{t("newest")}</Link>}
              {page.hasOlder && last && <Link href={href({ before: formatAuditCursor(last) })}>{t("older")}</Link>}
            </nav>
          </>
        )}
      </Card>
    </div>
  );
}
