import "server-only";
import { recordAuditEvent, type Actor } from "@/lib/audit/record-audit-event";
import { authLinkMessage, type AuthLinkMessageInput } from "@/lib/auth-links/auth-link-email-message";
import { getDb } from "@/lib/db/client";

/**
 * "Send by email" without SMTP: a mailto: href that opens the admin's own mail program with the
 * address, subject and text filled in (RFC 6068). The console asks for it when its link dialog
 * opens, so it is audited as "auth_link.mailto" (a message prepared), not as a send: whether the
 * admin then presses Send is beyond Gatehouse's sight.
 */
export async function authLinkMailto(input: AuthLinkMessageInput, actor: Actor, now = new Date()): Promise<{ href: string }> {
  const { link, user, message } = await authLinkMessage(input, actor, now);
  await getDb().$transaction((tx) =>
    recordAuditEvent(tx, {
      actor,
      subject: user,
      action: "auth_link.mailto",
      result: "success",
      details: { linkId: link.id, to: user.email },
    }),
  );
  return { href: mailtoHref(user.email, message.subject, message.text) };
}

/** RFC 6068: percent-encoded fields, line breaks as CRLF; "@" stays readable in the address. */
export function mailtoHref(to: string, subject: string, body: string): string {
  const field = (value: string) => encodeURIComponent(value.replace(/\r?\n/g, "\r\n"));
  return `mailto:${encodeURIComponent(to).replace(/%40/g, "@")}?subject=${field(subject)}&body=${field(body)}`;
}
