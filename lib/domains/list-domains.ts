import { getDb } from "@/lib/db/client";
import { toDomainView, type DomainView } from "@/lib/domains/domain-view";

export async function listDomains(): Promise<DomainView[]> {
  const rows = await getDb().domain.findMany({ orderBy: { name: "asc" }, include: { _count: { select: { users: true } } } });
  return rows.map((d) => toDomainView(d, d._count.users));
}
