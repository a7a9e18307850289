import { getDb, type Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/sqlite/client";

// The one answer to "does this account have a second factor?": a confirmed TOTP device or a
// passkey. Every requirement, policy, count and password rule asks it here (or reads the same
// two counts through SECOND_FACTOR_COUNTS), so a new kind of factor is added in one place.

/** Select these under `_count` to read both counts with the user's row. */
export const SECOND_FACTOR_COUNTS = { totpDevices: { where: { enabled: true } }, passkeys: true } as const;

/** Accounts without any second factor, as a Prisma filter on User. */
export const LACKS_SECOND_FACTOR = {
  totpDevices: { none: { enabled: true } },
  passkeys: { none: {} },
} as const satisfies Prisma.UserWhereInput;

export const hasAnyOf = (counts: { totpDevices: number; passkeys: number }) => counts.totpDevices + counts.passkeys > 0;

/** Whether the user has a confirmed TOTP device or a passkey, i.e. can be asked for a second factor. */
export async function hasSecondFactor(userId: string, tx?: Tx): Promise<boolean> {
  const db = tx ?? (getDb() as unknown as Tx);
  const user = await db.user.findUnique({ where: { id: userId }, select: { _count: { select: SECOND_FACTOR_COUNTS } } });
  return !!user && hasAnyOf(user._count);
}

/** How many second factors (confirmed TOTP devices and passkeys) the user has, inside a change. */
export async function secondFactorsLeft(tx: Tx, userId: string): Promise<number> {
  const user = await tx.user.findUnique({ where: { id: userId }, select: { _count: { select: SECOND_FACTOR_COUNTS } } });
  return user ? user._count.totpDevices + user._count.passkeys : 0;
}

/** Whether the user has a confirmed TOTP device (the code step's form, recovery codes). */
export async function hasEnabledTotp(userId: string, tx?: Tx): Promise<boolean> {
  const db = tx ?? (getDb() as unknown as Tx);
  return (await db.totpDevice.count({ where: { userId, enabled: true } })) > 0;
}

/** How many of each way to answer a second step the user has: passkeys, confirmed apps, unused recovery codes. */
export async function secondFactorCounts(userId: string): Promise<{ passkeys: number; totpDevices: number; recoveryCodes: number } | null> {
  const user = await getDb().user.findUnique({
    where: { id: userId },
    select: { _count: { select: { ...SECOND_FACTOR_COUNTS, recoveryCodes: { where: { usedAt: null } } } } },
  });
  return user?._count ?? null;
}

/** What the re-authentication dialog can offer besides the password: a code (an app or unused recovery codes), a passkey. */
export async function reauthMethods(userId: string): Promise<{ code: boolean; passkey: boolean }> {
  const counts = (await secondFactorCounts(userId)) ?? { totpDevices: 0, passkeys: 0, recoveryCodes: 0 };
  return { code: counts.totpDevices + counts.recoveryCodes > 0, passkey: counts.passkeys > 0 };
}
