import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { LocalTime } from "@/components/ui/local-time";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/ui/table";
import { requireAdmin } from "@/lib/auth/current-session";
import { listAuditEvents } from "@/lib/audit/list-audit-events";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.audit");
  return { title: t("metaTitle") };
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<{ page?: string; q?: string }> }) {
  // Every page checks its own access: a client navigation can render a page without its layout.
  await requireAdmin();
  const sp = await searchParams;
  const page = Math.min(Math.max(Number.parseInt(sp.page ?? "1", 10) || 1, 1), 100000);
  const q = (sp.q ?? "").slice(0, 100);
  const { events, pageCount } = await listAuditEvents({ page, query: q });
  const t = await getTranslations("admin.audit");
  const results: Record<string, string> = { success: t("resultSuccess"), failure: t("resultFailure"), denied: t("resultDenied") };
  const href = (p: number) => `/admin/audit?${new URLSearchParams({ page: String(p), ...(q ? { q } : {}) })}`;
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("description")} />
      <Card>
        <form className="mb-4 flex max-w-md gap-2" role="search">
          <label htmlFor="audit-q" className="sr-only">
            {t("filterLabel")}
          </label>
          <input
            id="audit-q"
            name="q"
            defaultValue={q}
            maxLength={100}
            placeholder={t("filterPlaceholder")}
            className="min-w-0 flex-1 rounded-md border border-line-strong bg-surface px-3 py-2 text-sm"
          />
          <button className="rounded-md border border-line px-3 text-sm">{t("filter")}</button>
        </form>
        <Table caption={t("caption")} captionSrOnly>
          <THead>
            <Tr>
              <Th>{t("time")}</Th>
              <Th>{t("action")}</Th>
              <Th>{t("result")}</Th>
              <Th>{t("actor")}</Th>
              <Th>{t("subject")}</Th>
              <Th>{t("ip")}</Th>
              <Th>{t("details")}</Th>
            </Tr>
          </THead>
          <TBody>
            {events.map((e) => (
              <Tr key={e.id}>
                <Td className="whitespace-nowrap">
                  <LocalTime value={e.createdAt} />
                </Td>
                <Td className="font-mono text-xs">{e.action}</Td>
                <Td>
                  <Badge tone={e.result === "success" ? "success" : "danger"}>{results[e.result] ?? e.result}</Badge>
                </Td>
                <Td>{e.actorEmail ?? "—"}</Td>
                <Td>{e.subjectEmail ?? "—"}</Td>
                <Td>{e.ip || "—"}</Td>
                <Td className="font-mono text-xs">{e.details === "{}" ? "" : e.details}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
        <nav aria-label={t("pages")} className="mt-4 flex items-center gap-4 text-sm">
          {page > 1 && <Link href={href(page - 1)}>{t("previous")}</Link>}
          <span>{t("pageOf", { page, pageCount })}</span>
          {page < pageCount && <Link href={href(page + 1)}>{t("next")}</Link>}
        </nav>
      </Card>
    </div>
  );
}
