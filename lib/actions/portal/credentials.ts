"use server";
import { z } from "zod";
import { defineAction } from "@/lib/actions/safe-action";
import { createCredential } from "@/lib/credentials/create-credential";
import { parseExpiryInput, SELF_SERVICE_SERVICES } from "@/lib/credentials/credential-rules";
import { toCredentialJson } from "@/lib/credentials/credential-view";
import { deleteCredential } from "@/lib/credentials/delete-credential";
import { issueQrLoginToken } from "@/lib/credentials/issue-qr-login-token";
import { updateCredential } from "@/lib/credentials/update-credential";
import { credentialLabelInput as label, serviceListInput as serviceList } from "@/lib/credentials/credential-input";
import { idField } from "@/lib/validation/fields";

// Self-service: every call acts on ctx.user.id and nothing the browser names as the owner.
// Users never choose a credential's secret; it is generated and shown once in the answer.
// A new credential is a new way into the account, so creating one needs a fresh proof.

export const createMobilePasswordAction = defineAction(
  { name: "account.credential.mobile.create", access: "user", freshProof: true, input: z.object({ label }) },
  async (input, ctx) => {
    const created = await createCredential({ account: ctx.user.id, kind: "mobile", label: input.label, services: ["EAS"] }, ctx.actor);
    return { secret: created.secret, user: created.user.email, credential: toCredentialJson(created.credential) };
  },
);

export const createMobileAppQrAction = defineAction(
  {
    name: "account.credential.qr.create",
    access: "user",
    freshProof: true,
    input: z.object({ label, mode: z.enum(["password", "one-time"]).default("password") }),
  },
  async (input, ctx) => {
    if (input.mode === "one-time") {
      const issued = await issueQrLoginToken(ctx.user.id, { label: input.label }, ctx.actor);
      return { mode: "one-time" as const, qr: issued.json, expiresAt: issued.expiresAt.toISOString(), secret: null };
    }
    const created = await createCredential(
      { account: ctx.user.id, kind: "qr", label: input.label, services: ["MobileApp"], qrcode: true },
      ctx.actor,
    );
    return { mode: "password" as const, qr: created.qr!.json, expiresAt: null, secret: created.secret };
  },
);

export const createAppPasswordAction = defineAction(
  {
    name: "account.credential.app.create",
    access: "user",
    freshProof: true,
    input: z.object({ label, services: serviceList, expiresAt: z.string().max(40).optional() }),
  },
  async (input, ctx) => {
    const created = await createCredential(
      {
        account: ctx.user.id,
        kind: "app",
        label: input.label,
        services: input.services,
        allowedServices: SELF_SERVICE_SERVICES,
        expiresAt: parseExpiryInput(input.expiresAt, new Date()),
      },
      ctx.actor,
    );
    return { secret: created.secret, user: created.user.email, credential: toCredentialJson(created.credential) };
  },
);

export const setOwnCredentialEnabledAction = defineAction(
  { name: "account.credential.enable", access: "user", input: z.object({ id: idField, enabled: z.boolean() }) },
  async (input, ctx) => {
    const view = await updateCredential({ userId: ctx.user.id, id: input.id }, { enabled: input.enabled }, ctx.actor, { by: "user" });
    return { id: view.id, enabled: view.enabled };
  },
);

export const deleteOwnCredentialAction = defineAction(
  { name: "account.credential.delete", access: "user", input: z.object({ id: idField }) },
  async (input, ctx) => deleteCredential({ userId: ctx.user.id, id: input.id }, ctx.actor),
);
