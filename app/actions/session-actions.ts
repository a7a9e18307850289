"use server";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { cookieName } from "@/lib/auth/cookie-names";
import { currentRawSessionId, getCurrentUser } from "@/lib/auth/current-session";
import { getDb } from "@/lib/db/client";
import { requestContext } from "@/lib/http/request-context";
import { sha256Hex } from "@/lib/crypto/tokens";

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
