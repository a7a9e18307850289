import { z } from "zod";
import { defineRoute } from "@/lib/http/define-route";
import { listSessions, toSessionJson } from "@/lib/sessions/list-sessions";

export const dynamic = "force-dynamic";

/** The signed-in user's own sessions (the filter is the session's user id), this one marked current. */
export const GET = defineRoute(
  { name: "account.sessions.list", polled: true, access: "user", input: z.object({}) },
  async (_input, ctx) => {
    const sessions = await listSessions(ctx.user.id, { currentSessionId: ctx.user.sessionId });
    return { sessions: sessions.map(toSessionJson) };
  },
);
