"use server";
import { z } from "zod";
import { defineAction } from "@/lib/actions/safe-action";
import { reportUnrecognisedActivity } from "@/lib/activity/report-unrecognised-activity";
import { revokeSession } from "@/lib/sessions/revoke-session";
import { confirmTotpDevice } from "@/lib/two-factor/devices/confirm-totp-device";
import { deleteTotpDevice } from "@/lib/two-factor/devices/delete-totp-device";
import { enrolTotpDevice } from "@/lib/two-factor/devices/enrol-totp-device";
import { regenerateRecoveryCodes } from "@/lib/two-factor/recovery-codes/regenerate-recovery-codes";
import { revokeTrustedDevice } from "@/lib/trusted-devices/revoke-trusted-device";
import { idField } from "@/lib/validation/fields";

// Every action works on the signed-in user's own rows only: the lib calls take ctx.user.id.
// Each changes how the account is protected, so each needs a fresh proof (password or code within
// 10 minutes); the re-authentication dialog asks for one and retries.

const totpOptionsInput = z
  .object({
    algorithm: z.string().max(10).optional(),
    digits: z.coerce.number().int().optional(),
    period: z.coerce.number().int().optional(),
    secretLength: z.coerce.number().int().optional(),
  })
  .optional();

export const startTotpEnrolmentAction = defineAction(
  {
    name: "account.totp.enrol",
    access: "user",
    freshProof: true,
    input: z.object({ label: z.string().max(200), options: totpOptionsInput }),
  },
  async (input, ctx) => {
    const { deviceId, secret, uri } = await enrolTotpDevice(ctx.user.id, input, ctx.actor);
    return { deviceId, secret, uri };
  },
);

export const confirmTotpDeviceAction = defineAction(
  { name: "account.totp.confirm", access: "user", freshProof: true, input: z.object({ deviceId: idField, code: z.string().max(64) }) },
  async (input, ctx) => confirmTotpDevice(ctx.user.id, input.deviceId, input.code, ctx.actor),
);

export const deleteTotpDeviceAction = defineAction(
  { name: "account.totp.delete", access: "user", freshProof: true, input: z.object({ id: idField }) },
  async ({ id }, ctx) => {
    const { recoveryCodesDeleted } = await deleteTotpDevice(ctx.user.id, id, ctx.actor, { keepLastWhenRequired: true });
    return { recoveryCodesDeleted };
  },
);

export const regenerateRecoveryCodesAction = defineAction(
  { name: "account.recovery_codes.regenerate", access: "user", freshProof: true, input: z.object({}) },
  async (_input, ctx) => ({ recoveryCodes: await regenerateRecoveryCodes(ctx.user.id, ctx.actor) }),
);

export const revokeTrustedDeviceAction = defineAction(
  {
    name: "account.trusted_device.revoke",
    access: "user",
    freshProof: true,
    input: z.object({ target: z.union([z.literal("all"), idField]) }),
  },
  async ({ target }, ctx) => revokeTrustedDevice(ctx.user.id, target, ctx.actor),
);

export const revokeSessionAction = defineAction(
  {
    name: "account.session.revoke",
    access: "user",
    freshProof: true,
    input: z.object({ target: z.union([z.literal("others"), idField]) }),
  },
  async ({ target }, ctx) => revokeSession(ctx.user.id, target, ctx.actor, { currentSessionId: ctx.user.sessionId }),
);

/** "This wasn't me" under Recent activity: no fresh proof needed, it only takes access away. */
export const reportUnrecognisedActivityAction = defineAction(
  { name: "account.unrecognised_activity", access: "user", input: z.object({}) },
  async (_input, ctx) => reportUnrecognisedActivity(ctx.user, ctx.actor),
);
