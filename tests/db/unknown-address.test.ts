import { test } from "node:test";
import assert from "node:assert/strict";
import { ACTOR, useTestDatabase } from "./support";

useTestDatabase();

// Under a bare `next start` every client address is "" (unknown): it must never match anything.
const PASSWORD = "a harbour full of quiet boats";

test("an unknown address is not 'the same IP' a trusted device was trusted on, nor in any trusted range", async () => {
  const { createUser } = await import("@/lib/users/create-user");
  const { provisionTotpDevice } = await import("@/lib/two-factor/devices/provision-totp-device");
  const { trustDevice } = await import("@/lib/trusted-devices/trust-device");
  const { setPolicy } = await import("@/lib/two-factor/policies/set-policy");
  const { beginPasswordSignIn } = await import("@/lib/auth/begin-password-sign-in");
  const { getDb } = await import("@/lib/db/client");
  const user = await createUser({ email: "una@unknown.test", password: PASSWORD, createDomain: true }, ACTOR);
  await provisionTotpDevice(user.email, { options: {} }, ACTOR);
  const unknown = { ...ACTOR, ip: "" };
  const { token } = await getDb().$transaction((tx) =>
    trustDevice(tx, { userId: user.id, description: "Chrome", ip: "", lifetimeDays: 30 }),
  );
  const attempt = () => beginPasswordSignIn({ email: user.email, password: PASSWORD, trustedDeviceToken: token }, unknown);

  await setPolicy({ domain: "unknown.test" }, "WebUI", { twoFactorPolicy: 2, ipCanChange: true }, ACTOR);
  assert.equal((await attempt()).stage, "ready", "the device itself is trusted");
  await setPolicy({ domain: "unknown.test" }, "WebUI", { twoFactorPolicy: 2, ipCanChange: false }, ACTOR);
  assert.equal((await attempt()).stage, "otp", "but an unknown address is not its IP");

  await setPolicy({ domain: "unknown.test" }, "WebUI", { twoFactorPolicy: 1, trustedIpRanges: "0.0.0.0/0,::/0" }, ACTOR);
  assert.equal((await attempt()).stage, "otp", "and it lies in no range, not even everything");
});
