/**
 * What the admin console and the CLI show for one domain; `defaultLocale` null: DEFAULT_LOCALE
 * applies. `authLinkHours`: how long a temporary auth link for its accounts lasts by default.
 */
export type DomainView = {
  id: string;
  name: string;
  createdAt: Date;
  require2fa: boolean;
  defaultLocale: string | null;
  authLinkHours: number;
  userCount: number;
};

type DomainRow = Omit<DomainView, "userCount">;

/** The view of a domain row (extra columns are left out, so the CLI's --json stays stable). */
export const toDomainView = (d: DomainRow, userCount: number): DomainView => ({
  id: d.id,
  name: d.name,
  createdAt: d.createdAt,
  require2fa: d.require2fa,
  defaultLocale: d.defaultLocale,
  authLinkHours: d.authLinkHours,
  userCount,
});
