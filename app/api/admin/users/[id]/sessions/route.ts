import type { NextRequest } from "next/server";
import { z } from "zod";
import { notFound } from "@/lib/errors";
import { messageKey } from "@/lib/i18n/message-key";
import { defineRoute } from "@/lib/http/define-route";
import { listSessions, toSessionJson } from "@/lib/sessions/list-sessions";
import { findUser } from "@/lib/users/find-user";
import { idField } from "@/lib/validation/fields";

export const dynamic = "force-dynamic";

/** Any user's sessions, for the console's security card (admins only); the admin's own one is marked current. */
export async function GET(req: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return defineRoute({ name: "admin.user.sessions.list", polled: true, access: "admin", input: z.object({}) }, async (_input, ctx) => {
    const userId = idField.safeParse(id);
    if (!userId.success) throw notFound(messageKey("errors.admin.userNotFound"));
    const user = await findUser(userId.data);
    const sessions = await listSessions(user.id, { currentSessionId: ctx.user.sessionId });
    return { sessions: sessions.map(toSessionJson) };
  })(req);
}
