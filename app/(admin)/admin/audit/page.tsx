import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/ui/table";
import { requireAdmin } from "@/lib/auth/current-session";
import { listAuditEvents } from "@/lib/audit/list-audit-events";

export const metadata: Metadata = { title: "Audit log · Admin" };

export default async function AuditPage({ searchParams }: { searchParams: Promise<{ page?: string; q?: string }> }) {
  // Every page checks its own access: a client navigation can render a page without its layout.
  await requireAdmin();
  const sp = await searchParams;
  const page = Math.min(Math.max(Number.parseInt(sp.page ?? "1", 10) || 1, 1), 100000);
  const q = (sp.q ?? "").slice(0, 100);
  const { events, pageCount } = await listAuditEvents({ page, query: q });
  const href = (p: number) => `/admin/audit?${new URLSearchParams({ page: String(p), ...(q ? { q } : {}) })}`;
  return (
    <div className="space-y-6">
      <PageHeader title="Audit log" description="Every security event, newest first." />
      <Card>
        <form className="mb-4 flex max-w-md gap-2" role="search">
          <label htmlFor="audit-q" className="sr-only">
            Filter by action or address
          </label>
          <input
            id="audit-q"
            name="q"
            defaultValue={q}
            maxLength={100}
            placeholder="Action or address"
            className="min-w-0 flex-1 rounded-md border border-line-strong bg-surface px-3 py-2 text-sm"
          />
          <button className="rounded-md border border-line px-3 text-sm">Filter</button>
        </form>
        <Table caption="Audit events" captionSrOnly>
          <THead>
            <Tr>
              <Th>Time (UTC)</Th>
              <Th>Action</Th>
              <Th>Result</Th>
              <Th>Actor</Th>
              <Th>Subject</Th>
              <Th>IP</Th>
              <Th>Details</Th>
            </Tr>
          </THead>
          <TBody>
            {events.map((e) => (
              <Tr key={e.id}>
                <Td className="whitespace-nowrap">{e.createdAt.toISOString().replace("T", " ").slice(0, 19)}</Td>
                <Td className="font-mono text-xs">{e.action}</Td>
                <Td>
                  <Badge tone={e.result === "success" ? "success" : "danger"}>{e.result}</Badge>
                </Td>
                <Td>{e.actorEmail ?? "—"}</Td>
                <Td>{e.subjectEmail ?? "—"}</Td>
                <Td>{e.ip || "—"}</Td>
                <Td className="font-mono text-xs">{e.details === "{}" ? "" : e.details}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
        <nav aria-label="Audit pages" className="mt-4 flex items-center gap-4 text-sm">
          {page > 1 && <Link href={href(page - 1)}>Previous</Link>}
          <span>
            Page {page} of {pageCount}
          </span>
          {page < pageCount && <Link href={href(page + 1)}>Next</Link>}
        </nav>
      </Card>
    </div>
  );
}
