// What the console, the portal and the CLI may show of a user: no secret columns.
export const userViewSelect = {
  id: true,
  email: true,
  displayName: true,
  role: true,
  status: true,
  require2fa: true,
  failedLoginCount: true,
  lockedAt: true,
  lastLoginAt: true,
  createdAt: true,
  passwordChangedAt: true,
  domain: { select: { name: true } },
} as const;

export type UserView = {
  id: string;
  email: string;
  displayName: string;
  role: string;
  status: string;
  require2fa: boolean;
  failedLoginCount: number;
  lockedAt: Date | null;
  lastLoginAt: Date | null;
  createdAt: Date;
  passwordChangedAt: Date | null;
  domain: { name: string };
};

export function searchKeyOf(email: string, displayName: string): string {
  return `${email} ${displayName}`.toLowerCase().slice(0, 400);
}
