import type { NextRequest } from "next/server";
import { z } from "zod";
import { listCredentialsOfAccount } from "@/lib/credentials/list-credentials";
import { toCredentialJson } from "@/lib/credentials/credential-view";
import { notFound } from "@/lib/errors";
import { messageKey } from "@/lib/i18n/message-key";
import { defineRoute } from "@/lib/http/define-route";
import { idField } from "@/lib/validation/fields";

export const dynamic = "force-dynamic";

/** Any user's credentials, for the console's credentials panel (admins only). */
export async function GET(req: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return defineRoute({ name: "admin.user.credentials.list", access: "admin", input: z.object({}) }, async () => {
    const userId = idField.safeParse(id);
    if (!userId.success) throw notFound(messageKey("errors.admin.userNotFound"));
    const { user, credentials } = await listCredentialsOfAccount(userId.data);
    return { user, credentials: credentials.map(toCredentialJson) };
  })(req);
}
