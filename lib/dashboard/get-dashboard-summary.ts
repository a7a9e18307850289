import { LACKS_SECOND_FACTOR } from "@/lib/two-factor/devices/has-second-factor";
import { pendingLinkWhere } from "@/lib/auth-links/auth-link-rules";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/sqlite/client";
import { adminsRequireTwoFactor } from "@/lib/two-factor/requirements/admin-two-factor-setting";
import { enrolmentDeadline } from "@/lib/two-factor/requirements/two-factor-requirement";

// The admin console's first page: what needs an admin's eye, each figure one grouped or counted
// query (no per-user work), so it stays quick however many accounts there are.

export const DASHBOARD_LIST_LIMIT = 5;

export type DashboardSummary = {
  users: { active: number; locked: number; disabled: number };
  /** Active accounts that must add a second factor and have none yet, the nearest deadline first. */
  enrolment: { count: number; first: { id: string; email: string; deadline: Date }[] };
  /** Credentials per service (a credential for IMAP and SMTP counts for both). */
  credentialsByService: { service: string; count: number }[];
  pendingAuthLinks: number;
  saml: { domain: string; fromUrl: boolean; lastRefreshAt: Date | null; lastRefreshError: string | null }[];
};

/**
 * Who must add a second factor and has none, as disjoint sets (admins, accounts required one by
 * one, accounts of requiring domains), so each is read through its own index (User's
 * (role, status), (require2fa, status), (domainId, status)): one query with an OR of the three made
 * SQLite read every active account, with a subquery each (over 100 ms at 100,000 accounts).
 */
function mustEnrolSets(adminsRequire: boolean, requiringDomainIds: string[]): Prisma.UserWhereInput[] {
  const lacking: Prisma.UserWhereInput = { status: "active", ...LACKS_SECOND_FACTOR };
  const notAdmin: Prisma.UserWhereInput = adminsRequire ? { role: { not: "admin" } } : {};
  return [
    ...(adminsRequire ? [{ ...lacking, role: "admin" }] : []),
    { ...lacking, require2fa: true, ...notAdmin },
    ...(requiringDomainIds.length > 0
      ? [{ ...lacking, domainId: { in: requiringDomainIds }, require2fa: { not: true }, ...notAdmin }]
      : []),
  ];
}

export async function getDashboardSummary(now = new Date()): Promise<DashboardSummary> {
  const db = getDb();
  const [adminsRequire, requiringDomains] = await Promise.all([
    adminsRequireTwoFactor(),
    db.domain.findMany({ where: { require2fa: true }, select: { id: true } }),
  ]);
  const mustEnrol = mustEnrolSets(
    adminsRequire,
    requiringDomains.map((d) => d.id),
  );
  const [byStatus, enrolCounts, enrolFirsts, credentials, pendingAuthLinks, saml] = await Promise.all([
    db.user.groupBy({ by: ["status"], _count: { _all: true } }),
    Promise.all(mustEnrol.map((where) => db.user.count({ where }))),
    // A bounded read per set: the longest-required first, then sorted by their domains' deadlines here.
    Promise.all(
      mustEnrol.map((where) =>
        db.user.findMany({
          where,
          orderBy: [{ twoFactorRequiredAt: { sort: "asc", nulls: "first" } }, { createdAt: "asc" }],
          take: DASHBOARD_LIST_LIMIT * 10,
          select: { id: true, email: true, twoFactorRequiredAt: true, createdAt: true, domain: { select: { twoFactorGraceDays: true } } },
        }),
      ),
    ),
    db.credential.groupBy({ by: ["services"], _count: { _all: true } }),
    db.authLink.count({ where: pendingLinkWhere(now) }),
    db.samlConfig.findMany({
      select: { domain: { select: { name: true } }, metadataUrl: true, lastRefreshAt: true, lastRefreshError: true },
      orderBy: { domain: { name: "asc" } },
    }),
  ]);
  const enrolCount = enrolCounts.reduce((sum, n) => sum + n, 0);
  const enrolFirst = enrolFirsts.flat();
  const users = { active: 0, locked: 0, disabled: 0 };
  for (const row of byStatus) if (row.status in users) users[row.status as keyof typeof users] = row._count._all;
  const perService = new Map<string, number>();
  for (const row of credentials) {
    for (const service of row.services.split(",").filter(Boolean))
      perService.set(service, (perService.get(service) ?? 0) + row._count._all);
  }
  const first = enrolFirst
    .map((u) => ({
      id: u.id,
      email: u.email,
      deadline: enrolmentDeadline(u.twoFactorRequiredAt ?? u.createdAt, u.domain.twoFactorGraceDays),
    }))
    .sort((a, b) => a.deadline.getTime() - b.deadline.getTime())
    .slice(0, DASHBOARD_LIST_LIMIT);
  return {
    users,
    enrolment: { count: enrolCount, first },
    credentialsByService: [...perService]
      .map(([service, count]) => ({ service, count }))
      .sort((a, b) => b.count - a.count || a.service.localeCompare(b.service)),
    pendingAuthLinks,
    saml: saml.map((r) => ({
      domain: r.domain.name,
      fromUrl: r.metadataUrl !== null,
      lastRefreshAt: r.lastRefreshAt,
      lastRefreshError: r.lastRefreshError,
    })),
  };
}
