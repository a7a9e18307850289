// `send true` on `gatehouse auth link create`: the e-mail half, kept apart from the command so the
// command only has to call two functions, one before it creates the link and one after.
import { UsageError } from "@/cli/args";
import type { Actor } from "@/lib/audit/record-audit-event";
import { sendAuthLinkEmail } from "@/lib/auth-links/send-auth-link-email";
import { AppError } from "@/lib/errors";
import { mailConfigured } from "@/lib/mail/mail-transport";

/** The option as the command's spec declares it: `send true|false` or `--send`. */
export const sendOption = { type: "boolean", keyValue: true } as const;

/**
 * Before anything is created: `send true` without SMTP_URL and MAIL_FROM is a usage error (exit
 * code 2), so the operator is not left with a link nobody was told about.
 */
export function refuseSendWithoutMail(send: boolean | undefined): void {
  if (send && !mailConfigured()) {
    throw new UsageError(
      'send true needs outgoing mail: set SMTP_URL and MAIL_FROM (README, "Outgoing mail"), or leave it out and pass the URL on yourself.',
      false,
    );
  }
}

/** Added to the command's result: where it went, or why not (the link exists and works either way). */
export type LinkSendResult = { sentTo: string } | { sentTo: null; sendError: string };

/**
 * After the link exists: mails it. A refused or failed send does not undo the link, whose URL the
 * command still prints (it is shown only once), so the failure is reported, not thrown.
 */
export async function sendCreatedLink(link: { id: string; token: string }, actor: Actor, now = new Date()): Promise<LinkSendResult> {
  try {
    return await sendAuthLinkEmail({ linkId: link.id, token: link.token }, actor, now);
  } catch (e) {
    if (e instanceof AppError) return { sentTo: null, sendError: e.message };
    throw e;
  }
}

/** The line under the URL in the command's text output. */
export function sendResultLine(result: LinkSendResult): string {
  return "sendError" in result ? `not sent: ${result.sendError}` : `sent to ${result.sentTo}`;
}
