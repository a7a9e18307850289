import type { TotpParams } from "@/lib/two-factor/devices/totp-options";
import { ACTOR } from "./support";

// Shared by the TOTP tests (totp.test.ts: enrolment, codes, recovery codes; totp-devices.test.ts:
// removing devices, admin reset and provisioning).
// Time is injected: T0 sits in the middle of a 30-second step, so ±1 step is unambiguous.
export const T0 = new Date(Date.UTC(2026, 0, 15, 9, 0, 15));
export const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
export const PASSWORD = "plenty long passphrase for tests";

export async function makeUser(email: string) {
  const { createUser } = await import("@/lib/users/create-user");
  return createUser({ email, password: PASSWORD, createDomain: true }, ACTOR);
}

export async function codeAt(secret: string, when: Date, params: TotpParams = { algorithm: "SHA1", digits: 6, period: 30 }) {
  const { computeTotp } = await import("@/lib/two-factor/devices/totp-code");
  return computeTotp(secret, params, when.getTime());
}

/** A user with one confirmed device; returns its secret and first recovery codes. */
export async function enrolled(email: string) {
  const { enrolTotpDevice } = await import("@/lib/two-factor/devices/enrol-totp-device");
  const { confirmTotpDevice } = await import("@/lib/two-factor/devices/confirm-totp-device");
  const user = await makeUser(email);
  const e = await enrolTotpDevice(user.id, { label: "Phone" }, ACTOR, T0);
  const { recoveryCodes } = await confirmTotpDevice(user.id, e.deviceId, await codeAt(e.secret, T0), ACTOR, T0);
  return { user, deviceId: e.deviceId, secret: e.secret, recoveryCodes: recoveryCodes! };
}
