import type { Actor } from "@/lib/audit/record-audit-event";
import { beginPasswordSignIn } from "@/lib/auth/begin-password-sign-in";
import type { OpenedSession } from "@/lib/auth/complete-sign-in";
import { INVALID_CREDENTIALS_MESSAGE } from "@/lib/auth/verify-account-password";
import { AppError } from "@/lib/errors";

export type PasswordSignIn =
  /** A second factor is still missing: the ticket waits for it (its step's page takes it from the cookie). */
  { stage: "otp" | "enrol"; ticket: string } | { stage: "signed_in"; session: OpenedSession };

/**
 * The web sign-in's password step. When nothing else is to be asked (no second factor, a trusted
 * device, a WebUI credential) the session is opened at once, in the step's own transaction: the
 * browser makes no second round trip for it and no ticket is written only to be taken back.
 */
export async function signInWithPassword(
  input: { email: string; password: string; trustedDeviceToken?: string },
  ctx: Actor,
  now = new Date(),
): Promise<PasswordSignIn> {
  const step = await beginPasswordSignIn(input, ctx, now, "session");
  if (step.stage === "signed_in") {
    // Null only when the account was disabled after its password was checked: refused like a wrong password.
    if (!step.session) throw new AppError("invalid_credentials", INVALID_CREDENTIALS_MESSAGE);
    return { stage: "signed_in", session: step.session };
  }
  if (step.stage === "ready") throw new Error("a ready step opens its session"); // whenReady: "session"
  return { stage: step.stage, ticket: step.ticket };
}
