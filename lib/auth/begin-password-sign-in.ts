import { createLoginTicket, type LoginStage } from "@/lib/auth/login-ticket";
import { verifyAccountPassword } from "@/lib/auth/verify-account-password";
import type { Actor } from "@/lib/audit/record-audit-event";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { INVALID_CREDENTIALS_MESSAGE } from "@/lib/auth/verify-account-password";

/**
 * The password step of web sign-in. On success it opens a login ticket whose stage says what is
 * still missing before a session may be created ("ready" when nothing is).
 */
export async function beginPasswordSignIn(email: string, password: string, ctx: Actor): Promise<{ ticket: string; stage: LoginStage }> {
  const account = await verifyAccountPassword(email, password, { ...ctx, service: "WebUI" });
  if (!account) throw new AppError("invalid_credentials", INVALID_CREDENTIALS_MESSAGE);
  const stage: LoginStage = "ready";
  const ticket = await getDb().$transaction((tx) =>
    createLoginTicket(tx, { userId: account.id, stage, ip: ctx.ip, userAgent: ctx.userAgent }),
  );
  return { ticket, stage };
}
