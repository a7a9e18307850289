import "server-only";
import type { Transporter } from "nodemailer";
import { getSettings, parseSmtpUrl, type MailSettings } from "@/lib/config/settings";
import { AppError } from "@/lib/errors";
import { messageKey } from "@/lib/i18n/message-key";
import { errorFacts } from "@/lib/log/error-facts";
import { log } from "@/lib/log/logger";

// Outgoing mail through the operator's SMTP server (SMTP_URL, MAIL_FROM). Gatehouse sends little
// mail and an admin is waiting on each message, so a dead server must fail within seconds rather
// than nodemailer's default of minutes.

export type OutgoingMail = { to: string; subject: string; text: string; html: string };

const TIMEOUT_MS = 10_000;

let cached: { smtpUrl: string; transport: Transporter } | undefined;

export function mailConfigured(): boolean {
  return getSettings().mail !== undefined;
}

async function transportFor(mail: MailSettings): Promise<Transporter> {
  if (cached?.smtpUrl === mail.smtpUrl) return cached.transport;
  // Loaded on the first mail: the CLI and the server load it only when mail is sent.
  const { default: nodemailer } = await import("nodemailer");
  if (cached?.smtpUrl === mail.smtpUrl) return cached.transport; // made meanwhile by another send
  cached?.transport.close();
  const server = parseSmtpUrl(mail.smtpUrl)!; // validated with the settings
  const transport = nodemailer.createTransport({
    host: server.host,
    port: server.port,
    secure: server.secure,
    auth: server.user ? { user: server.user, pass: server.password ?? "" } : undefined,
    connectionTimeout: TIMEOUT_MS,
    greetingTimeout: TIMEOUT_MS,
    socketTimeout: TIMEOUT_MS,
    dnsTimeout: TIMEOUT_MS,
  });
  cached = { smtpUrl: mail.smtpUrl, transport };
  return transport;
}

/** Sends one message; AppError "mail_not_configured" or "mail_failed" (what the server said goes to the log only). */
export async function sendMail(mail: OutgoingMail): Promise<void> {
  const settings = getSettings().mail;
  if (!settings) throw new AppError("mail_not_configured", messageKey("errors.mail.notConfigured"));
  try {
    await (
      await transportFor(settings)
    ).sendMail({
      from: settings.from.name ? { name: settings.from.name, address: settings.from.address } : settings.from.address,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
    });
  } catch (e) {
    const smtp = e as { responseCode?: unknown; command?: unknown; response?: unknown };
    log.error("mail.send_failed", {
      ...errorFacts(e),
      smtpStatus: typeof smtp.responseCode === "number" ? smtp.responseCode : undefined,
      // The verb alone ("RCPT TO", "AUTH PLAIN"): never an argument that might carry a credential.
      smtpCommand: typeof smtp.command === "string" ? /^[A-Za-z ]{1,20}/.exec(smtp.command)?.[0].trim() : undefined,
      smtpResponse: typeof smtp.response === "string" ? smtp.response.slice(0, 300) : undefined,
    });
    throw new AppError("mail_failed", messageKey("errors.mail.failed"));
  }
}
