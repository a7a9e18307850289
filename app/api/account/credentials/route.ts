import { z } from "zod";
import { listCredentials } from "@/lib/credentials/list-credentials";
import { toCredentialJson } from "@/lib/credentials/credential-view";
import { defineRoute } from "@/lib/http/define-route";

export const dynamic = "force-dynamic";

/** The signed-in user's own credentials (never anyone else's: the filter is the session's user id). */
export const GET = defineRoute({ name: "account.credentials.list", access: "user", input: z.object({}) }, async (_input, ctx) => {
  const credentials = await listCredentials(ctx.user.id);
  return { credentials: credentials.map(toCredentialJson) };
});
