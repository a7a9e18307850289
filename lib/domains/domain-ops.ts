import { recordAuditEvent, type Actor } from "@/lib/audit/record-audit-event";
import { getDb } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";

export type DomainView = { id: string; name: string; createdAt: Date; require2fa: boolean; userCount: number };

export async function listDomains(): Promise<DomainView[]> {
  const rows = await getDb().domain.findMany({ orderBy: { name: "asc" }, include: { _count: { select: { users: true } } } });
  return rows.map(({ _count, ...d }) => ({
    id: d.id,
    name: d.name,
    createdAt: d.createdAt,
    require2fa: d.require2fa,
    userCount: _count.users,
  }));
}

export async function createDomain(name: string, actor: Actor): Promise<DomainView> {
  return getDb().$transaction(async (tx) => {
    if (await tx.domain.findUnique({ where: { name } })) {
      throw new AppError("conflict", `The domain ${name} already exists.`, { name: ["This domain already exists."] });
    }
    const d = await tx.domain.create({ data: { name } });
    await recordAuditEvent(tx, { actor, action: "domain.create", result: "success", details: { domain: name } });
    return { id: d.id, name: d.name, createdAt: d.createdAt, require2fa: d.require2fa, userCount: 0 };
  });
}

/** Deletes an empty domain; a domain with users is refused so no account is lost by accident. */
export async function deleteDomain(name: string, actor: Actor): Promise<void> {
  await getDb().$transaction(async (tx) => {
    const d = await tx.domain.findUnique({ where: { name: name.toLowerCase() }, include: { _count: { select: { users: true } } } });
    if (!d) throw notFound("Domain");
    if (d._count.users > 0)
      throw new AppError("conflict", `The domain ${d.name} still has ${d._count.users} user(s); delete or move them first.`);
    await tx.domain.delete({ where: { id: d.id } });
    await recordAuditEvent(tx, { actor, action: "domain.delete", result: "success", details: { domain: d.name } });
  });
}
