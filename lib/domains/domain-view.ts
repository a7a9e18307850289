/** What the admin console shows for one domain. */
export type DomainView = { id: string; name: string; createdAt: Date; require2fa: boolean; userCount: number };
