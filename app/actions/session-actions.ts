"use server";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { defineAction } from "@/lib/actions/safe-action";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { cookieName } from "@/lib/auth/cookie-names";
import { currentRawSessionId, getCurrentUser } from "@/lib/auth/current-session";
import { reauthenticate } from "@/lib/auth/reauthenticate";
import { getDb } from "@/lib/db/client";
import { requestContext } from "@/lib/http/request-context";
import { sha256Hex } from "@/lib/crypto/tokens";
import { passwordField } from "@/lib/validation/fields";

/** Sign out: the session row goes, so the cookie is worthless even if a copy survives. */
export async function logoutAction(): Promise<void> {
  const [sid, user, ctx] = await Promise.all([currentRawSessionId(), getCurrentUser(), requestContext()]);
  if (sid) {
    await getDb().$transaction(async (tx) => {
      await tx.session.deleteMany({ where: { id: sha256Hex(sid) } });
      if (user)
        await recordAuditEvent(tx, {
          actor: { ...ctx, id: user.id, email: user.email },
          subject: user,
          action: "session.logout",
          result: "success",
        });
    });
  }
  (await cookies()).delete(cookieName("session"));
  redirect("/login");
}

const reauthInput = z.union(
  [z.object({ password: passwordField }).strict(), z.object({ code: z.string().min(1, "Enter a code.").max(64) }).strict()],
  "Enter your password or a code.",
);

/** The re-authentication dialog: a password or a code gives this session a fresh proof for 10 minutes. */
export const reauthenticateAction = defineAction({ name: "session.reauth", access: "user", input: reauthInput }, async (proof, ctx) => {
  const { verifiedAt } = await reauthenticate(ctx.user, proof, ctx.actor);
  return { verifiedAt: verifiedAt.toISOString() };
});
