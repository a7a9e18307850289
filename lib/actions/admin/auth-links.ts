"use server";
import { z } from "zod";
import { defineAction } from "@/lib/actions/safe-action";
import { authLinkMailto } from "@/lib/auth-links/auth-link-mailto";
import { createAuthLink } from "@/lib/auth-links/create-auth-link";
import { revokeAuthLinks } from "@/lib/auth-links/revoke-auth-links";
import { sendAuthLinkEmail } from "@/lib/auth-links/send-auth-link-email";
import { messageKey } from "@/lib/i18n/message-key";
import { checkboxField, idField } from "@/lib/validation/fields";

/** The raw token as the overlay got it from createAuthLinkAction; the lib op checks it against the link's hash. */
const tokenField = z.string().min(1).max(128);
const linkInput = z.object({ linkId: idField, token: tokenField });

/** What the overlay needs once: the URL to show and the pair that lets it send or mail that same link. */
export type CreatedAuthLink = { id: string; url: string; token: string; expiresAt: string | null; permanent: boolean };

export const createAuthLinkAction = defineAction(
  {
    name: "admin.authLink.create",
    access: "admin",
    input: z.object({
      userId: idField,
      permanent: checkboxField,
      confirmPermanent: checkboxField,
      allowedIpRanges: z
        .string()
        .trim()
        .max(1000, messageKey("validation.tooLong", { max: 1000 }))
        .optional(),
    }),
  },
  async ({ userId, permanent, confirmPermanent, allowedIpRanges }, ctx): Promise<CreatedAuthLink> => {
    const link = await createAuthLink(
      permanent ? { userId, permanent, confirmPermanent, allowedIpRanges: allowedIpRanges || undefined } : { userId },
      ctx.actor,
    );
    return { ...link, expiresAt: link.expiresAt?.toISOString() ?? null };
  },
);

export const revokeAuthLinksAction = defineAction(
  { name: "admin.authLink.revoke", access: "admin", input: z.object({ userId: idField, which: z.union([idField, z.literal("all")]) }) },
  async ({ userId, which }, ctx) => ({ revoked: await revokeAuthLinks(userId, which, ctx.actor) }),
);

export const sendAuthLinkEmailAction = defineAction(
  { name: "admin.authLink.send", access: "admin", input: linkInput },
  async (input, ctx) => sendAuthLinkEmail(input, ctx.actor),
);

export const authLinkMailtoAction = defineAction({ name: "admin.authLink.mailto", access: "admin", input: linkInput }, async (input, ctx) =>
  authLinkMailto(input, ctx.actor),
);
