import "server-only";
import { recordAuditEvent, type Actor } from "@/lib/audit/record-audit-event";
import { authLinkMessage, type AuthLinkMessageInput } from "@/lib/auth-links/auth-link-email-message";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { messageKey } from "@/lib/i18n/message-key";
import { mailConfigured, sendMail } from "@/lib/mail/mail-transport";

/**
 * "Send by email": the link's message to its account's address through SMTP. A failed send is
 * audited and reported, and leaves the link as it was (pending, usable, to copy or send again).
 */
export async function sendAuthLinkEmail(input: AuthLinkMessageInput, actor: Actor, now = new Date()): Promise<{ sentTo: string }> {
  if (!mailConfigured()) throw new AppError("mail_not_configured", messageKey("errors.mail.notConfigured"));
  const { link, user, message } = await authLinkMessage(input, actor, now);
  const audit = (result: "success" | "failure") =>
    getDb().$transaction((tx) =>
      recordAuditEvent(tx, {
        actor,
        subject: user,
        action: "auth_link.send",
        result,
        details: { linkId: link.id, to: user.email, via: "smtp" },
      }),
    );
  try {
    await sendMail({ to: user.email, ...message });
  } catch (e) {
    await audit("failure");
    throw e;
  }
  await audit("success");
  return { sentTo: user.email };
}
