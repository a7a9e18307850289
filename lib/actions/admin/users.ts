"use server";
import { z } from "zod";
import { defineAction } from "@/lib/actions/safe-action";
import type { CreatedAuthLink } from "@/lib/actions/admin/auth-links";
import { createAuthLink } from "@/lib/auth-links/create-auth-link";
import { createUser } from "@/lib/users/create-user";
import { deleteUser } from "@/lib/users/delete-user";
import { setUserPassword } from "@/lib/users/set-user-password";
import { setUserStatus } from "@/lib/users/set-user-status";
import { checkboxField, displayNameField, emailField, idField, passwordField, roleField } from "@/lib/validation/fields";

export const createUserAction = defineAction(
  {
    name: "admin.user.create",
    access: "admin",
    input: z.object({
      email: emailField,
      displayName: displayNameField.optional(),
      password: z.union([z.literal(""), passwordField]).optional(),
      role: roleField.default("user"),
      // "Send an auth link instead of setting a password": no password, then a temporary link.
      sendLink: checkboxField,
    }),
  },
  async ({ sendLink, ...input }, ctx) => {
    const user = await createUser({ ...input, password: sendLink ? undefined : input.password || undefined }, ctx.actor);
    if (!sendLink) return { id: user.id, email: user.email, link: null };
    const link = await createAuthLink({ userId: user.id }, ctx.actor);
    const created: CreatedAuthLink = { ...link, expiresAt: link.expiresAt?.toISOString() ?? null };
    return { id: user.id, email: user.email, link: created };
  },
);

export const setUserStatusAction = defineAction(
  { name: "admin.user.status", access: "admin", input: z.object({ id: idField, change: z.enum(["disable", "enable", "unlock"]) }) },
  async ({ id, change }, ctx) => {
    const user = await setUserStatus(id, change, ctx.actor);
    return { status: user.status };
  },
);

export const deleteUserAction = defineAction(
  { name: "admin.user.delete", access: "admin", input: z.object({ id: idField }) },
  async ({ id }, ctx) => deleteUser(id, ctx.actor),
);

export const resetPasswordAction = defineAction(
  {
    name: "admin.user.password.reset",
    access: "admin",
    input: z.object({ id: idField, password: passwordField, keepCredentials: checkboxField }),
  },
  async ({ id, password, keepCredentials }, ctx) => {
    const revoked = await setUserPassword(id, password, ctx.actor, { keepCredentials });
    return { reset: true, ...revoked, keptCredentials: keepCredentials };
  },
);
