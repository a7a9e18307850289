"use server";
import { z } from "zod";
import { defineAction } from "@/lib/actions/safe-action";
import { deletePasskeys } from "@/lib/passkeys/delete-passkeys";
import { revokeSession } from "@/lib/sessions/revoke-session";
import { deleteTotpDevice } from "@/lib/two-factor/devices/delete-totp-device";
import { resetTwoFactor } from "@/lib/two-factor/requirements/reset-two-factor";
import { revokeTrustedDevice } from "@/lib/trusted-devices/revoke-trusted-device";
import { checkboxField, idField } from "@/lib/validation/fields";

// Admin-only: each action names the user it manages; the lib calls scope every row to that user.

export const adminResetTwoFactorAction = defineAction(
  { name: "admin.user.2fa.reset", access: "admin", input: z.object({ userId: idField, keepCredentials: checkboxField }) },
  async ({ userId, keepCredentials }, ctx) => {
    const reset = await resetTwoFactor(userId, { ...ctx.actor, sessionId: ctx.user.sessionId }, { keepCredentials });
    return {
      reset: true,
      credentials: reset.credentials,
      qrTokens: reset.qrTokens,
      authLinks: reset.authLinks,
      keptCredentials: keepCredentials,
    };
  },
);

export const adminDeleteTotpDeviceAction = defineAction(
  { name: "admin.user.totp.delete", access: "admin", input: z.object({ userId: idField, deviceId: idField }) },
  async ({ userId, deviceId }, ctx) => {
    const { recoveryCodesDeleted } = await deleteTotpDevice(userId, deviceId, ctx.actor);
    return { recoveryCodesDeleted };
  },
);

/** One passkey of the user, or "all" (a lost phone). An admin may remove the last one: the reset's rules. */
export const adminDeletePasskeyAction = defineAction(
  {
    name: "admin.user.passkey.delete",
    access: "admin",
    input: z.object({ userId: idField, target: z.union([z.literal("all"), idField]) }),
  },
  async ({ userId, target }, ctx) => {
    const { deleted } = await deletePasskeys(userId, target, ctx.actor);
    return { deleted };
  },
);

export const adminRevokeSessionAction = defineAction(
  {
    name: "admin.user.session.revoke",
    access: "admin",
    input: z.object({ userId: idField, target: z.union([z.literal("others"), idField]) }),
  },
  async ({ userId, target }, ctx) => revokeSession(userId, target, ctx.actor, { currentSessionId: ctx.user.sessionId }),
);

export const adminRevokeTrustedDeviceAction = defineAction(
  {
    name: "admin.user.trusted_device.revoke",
    access: "admin",
    input: z.object({ userId: idField, target: z.union([z.literal("all"), idField]) }),
  },
  async ({ userId, target }, ctx) => revokeTrustedDevice(userId, target, ctx.actor),
);
