import { getDb } from "@/lib/db/client";
import { userViewSelect, type UserView } from "@/lib/users/user-view";

export type UserPage = { users: UserView[]; total: number; page: number; pageSize: number; pageCount: number };

/** Users whose address or name contains `query`, newest first, one page at a time. */
export async function listUsers(opts: { query?: string; page?: number; pageSize?: number; domain?: string } = {}): Promise<UserPage> {
  const pageSize = Math.min(Math.max(opts.pageSize ?? 20, 1), 100);
  const page = Math.max(opts.page ?? 1, 1);
  const q = (opts.query ?? "").trim().toLowerCase().slice(0, 100);
  const where = {
    ...(q ? { searchKey: { contains: q } } : {}),
    ...(opts.domain ? { domain: { name: opts.domain.toLowerCase() } } : {}),
  };
  const db = getDb();
  const [users, total] = await Promise.all([
    db.user.findMany({
      where,
      select: userViewSelect,
      orderBy: [{ createdAt: "desc" }, { email: "asc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
    }),
    db.user.count({ where }),
  ]);
  return { users, total, page, pageSize, pageCount: Math.max(Math.ceil(total / pageSize), 1) };
}
