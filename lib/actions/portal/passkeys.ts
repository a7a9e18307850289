"use server";
import { z } from "zod";
import { defineAction } from "@/lib/actions/safe-action";
import { deletePasskeys } from "@/lib/passkeys/delete-passkeys";
import { finishPasskeyRegistration } from "@/lib/passkeys/finish-passkey-registration";
import { renamePasskey } from "@/lib/passkeys/rename-passkey";
import { startPasskeyRegistration } from "@/lib/passkeys/start-passkey-registration";
import { idField } from "@/lib/validation/fields";

// The person's own passkeys (Security page). Like every change to how the account is protected,
// each needs a fresh proof; the browser's answer is checked field by field in lib/passkeys.

export const startPasskeyRegistrationAction = defineAction(
  { name: "account.passkey.options", access: "user", freshProof: true, input: z.object({}) },
  async (_input, ctx) => startPasskeyRegistration(ctx.user.id),
);

export const finishPasskeyRegistrationAction = defineAction(
  {
    name: "account.passkey.register",
    access: "user",
    freshProof: true,
    input: z.object({ name: z.string().max(200), response: z.unknown() }),
  },
  async (input, ctx) => {
    const { id, name } = await finishPasskeyRegistration(ctx.user.id, input, ctx.actor);
    return { id, name };
  },
);

export const renamePasskeyAction = defineAction(
  { name: "account.passkey.rename", access: "user", freshProof: true, input: z.object({ id: idField, name: z.string().max(200) }) },
  async (input, ctx) => renamePasskey(ctx.user.id, input.id, input.name, ctx.actor),
);

export const deletePasskeyAction = defineAction(
  { name: "account.passkey.delete", access: "user", freshProof: true, input: z.object({ id: idField }) },
  async ({ id }, ctx) => {
    const { deleted, recoveryCodesDeleted } = await deletePasskeys(ctx.user.id, id, ctx.actor, { keepLastWhenRequired: true });
    return { deleted, recoveryCodesDeleted };
  },
);
