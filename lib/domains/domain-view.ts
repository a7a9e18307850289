/** What the admin console shows for one domain; `defaultLocale` null: DEFAULT_LOCALE applies. */
export type DomainView = {
  id: string;
  name: string;
  createdAt: Date;
  require2fa: boolean;
  defaultLocale: string | null;
  userCount: number;
};
