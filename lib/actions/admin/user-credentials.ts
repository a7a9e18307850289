"use server";
import { z } from "zod";
import { defineAction } from "@/lib/actions/safe-action";
import { createCredential } from "@/lib/credentials/create-credential";
import { parseExpiryInput } from "@/lib/credentials/credential-rules";
import { credentialKindFor } from "@/lib/credentials/service-rules";
import { toCredentialJson } from "@/lib/credentials/credential-view";
import { deleteCredential } from "@/lib/credentials/delete-credential";
import { updateCredential } from "@/lib/credentials/update-credential";
import { credentialLabelInput as label, serviceListInput as serviceList } from "@/lib/credentials/credential-input";
import { idField, passwordField } from "@/lib/validation/fields";

// The console's credentials panel on a user's page. Every call names the account (userId) and the
// credential, and the lib filters on both, so a credential id from another account is not found.

export const adminCreateCredentialAction = defineAction(
  {
    name: "admin.credential.create",
    access: "admin",
    input: z.object({
      userId: idField,
      label,
      services: serviceList,
      password: z.union([z.literal(""), passwordField]).optional(),
      expiresAt: z.string().max(40).optional(),
      allowedIpRanges: z.string().max(7000).optional(),
    }),
  },
  async (input, ctx) => {
    const created = await createCredential(
      {
        account: input.userId,
        kind: credentialKindFor(input.services),
        label: input.label,
        services: input.services,
        password: input.password || undefined,
        expiresAt: parseExpiryInput(input.expiresAt, new Date()),
        allowedIpRanges: input.allowedIpRanges,
      },
      ctx.actor,
    );
    // A chosen password is not echoed back: the admin typed it and knows it.
    return {
      secret: created.credential.generated ? created.secret : null,
      user: created.user.email,
      credential: toCredentialJson(created.credential),
    };
  },
);

export const adminUpdateCredentialAction = defineAction(
  {
    name: "admin.credential.update",
    access: "admin",
    input: z.object({
      userId: idField,
      id: idField,
      label: label.optional(),
      services: serviceList,
      enabled: z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")]).optional(),
    }),
  },
  async (input, ctx) => {
    const view = await updateCredential(
      { userId: input.userId, id: input.id },
      {
        label: input.label,
        enabled: input.enabled,
        // An empty list from the edit form is a mistake to report, not "leave unchanged".
        services: input.label !== undefined || input.services.length > 0 ? input.services : undefined,
      },
      ctx.actor,
      { by: "admin" },
    );
    return toCredentialJson(view);
  },
);

export const adminDeleteCredentialAction = defineAction(
  { name: "admin.credential.delete", access: "admin", input: z.object({ userId: idField, id: idField }) },
  async (input, ctx) => deleteCredential({ userId: input.userId, id: input.id }, ctx.actor),
);
