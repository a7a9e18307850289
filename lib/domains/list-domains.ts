import { getDb } from "@/lib/db/client";
import type { DomainView } from "@/lib/domains/domain-view";

export async function listDomains(): Promise<DomainView[]> {
  const rows = await getDb().domain.findMany({ orderBy: { name: "asc" }, include: { _count: { select: { users: true } } } });
  return rows.map(({ _count, ...d }) => ({
    id: d.id,
    name: d.name,
    createdAt: d.createdAt,
    require2fa: d.require2fa,
    defaultLocale: d.defaultLocale,
    userCount: _count.users,
  }));
}
