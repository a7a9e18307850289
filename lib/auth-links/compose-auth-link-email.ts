// The message that carries an auth link to its person: subject, plain text and a minimal HTML
// part, in the recipient's language. Pure apart from reading the message catalogues, so the send
// operation, the mailto: fallback and the tests share one text.
import { createTranslator } from "use-intl/core";
import type { Locale } from "@/lib/i18n/locales";
import { messageKey } from "@/lib/i18n/message-key";
import { messagesFor } from "@/lib/i18n/messages";
import { translateText, type Translate } from "@/lib/i18n/translate-message";

export type AuthLinkEmailInput = {
  locale: Locale;
  recipient: { email: string; displayName: string };
  /** Who sent the link: the admin's display name, else their address; null (the CLI): "An administrator". */
  inviter: string | null;
  url: string;
  permanent: boolean;
  /** null only for a permanent link. */
  expiresAt: Date | null;
  /** The account must enrol a second factor after choosing its password. */
  needsSecondFactor: boolean;
  /** For the expiry; the server's own zone when absent (its name is printed with the time). */
  timeZone?: string;
};

export type ComposedEmail = { subject: string; text: string; html: string };

export function composeAuthLinkEmail(input: AuthLinkEmailInput): ComposedEmail {
  const t = translatorFor(input.locale);
  // Each key is written as a literal messageKey, so the catalogue test sees it used (docs/i18n.md).
  const say = (text: string) => translateText(text, t);
  const { email } = input.recipient;
  const name = input.recipient.displayName.trim() || email;
  const inviter = input.inviter?.trim() || say(messageKey("authLinkEmail.someAdministrator"));
  const expiry = input.expiresAt ? formatExpiry(input.expiresAt, input.locale, input.timeZone) : null;

  const subject = say(messageKey("authLinkEmail.subject", { email }));
  const greeting = say(messageKey("authLinkEmail.greeting", { name }));
  const intro = input.permanent
    ? say(messageKey("authLinkEmail.introPermanent", { inviter, email }))
    : say(messageKey("authLinkEmail.introTemporary", { inviter, email }));
  const lifetime = expiry === null ? say(messageKey("authLinkEmail.permanent")) : say(messageKey("authLinkEmail.expires", { expiry }));
  const next = input.permanent
    ? [say(messageKey("authLinkEmail.nextPermanent"))]
    : [
        say(messageKey("authLinkEmail.nextTemporary")),
        ...(input.needsSecondFactor ? [say(messageKey("authLinkEmail.nextSecondFactor"))] : []),
      ];
  const notExpected = say(messageKey("authLinkEmail.notExpected"));

  const text = [greeting, intro, `${say(messageKey("authLinkEmail.openLink"))}\n${input.url}`, lifetime, next.join(" "), notExpected].join(
    "\n\n",
  );
  const html = htmlPart({
    locale: input.locale,
    subject,
    paragraphs: { greeting, intro, lifetime, next: next.join(" "), notExpected },
    url: input.url,
    button: say(messageKey("authLinkEmail.button")),
    copyLink: say(messageKey("authLinkEmail.copyLink")),
  });
  return { subject, text: text + "\n", html };
}

function translatorFor(locale: Locale): Translate {
  const t = createTranslator({ locale, messages: messagesFor(locale) });
  return (key, params) => t(key as never, params as never);
}

/** "December 4, 2026 at 6:47 PM UTC", "4 dicembre 2026 alle ore 18:47 UTC", "4. Dezember 2026 um 18:47 UTC". */
export function formatExpiry(date: Date, locale: Locale, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, {
    year: "numeric",
    month: "long",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZoneName: "short",
    timeZone,
  }).format(date);
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

// Inline styles only (mail clients drop <style> and external sheets); no images, nothing remote.
const BODY =
  "margin:0;padding:24px;background:#f4f4f5;color:#18181b;font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;line-height:1.5";
const CARD = "max-width:560px;margin:0 auto;padding:24px;background:#ffffff;border-radius:8px";
const BUTTON =
  "display:inline-block;padding:12px 20px;background:#1d4ed8;color:#ffffff;text-decoration:none;border-radius:6px;font-weight:600";
const QUIET = "font-size:14px;color:#52525b";

function htmlPart(parts: {
  locale: Locale;
  subject: string;
  paragraphs: { greeting: string; intro: string; lifetime: string; next: string; notExpected: string };
  url: string;
  button: string;
  copyLink: string;
}): string {
  const p = (text: string, style = "") => `<p${style ? ` style="${style}"` : ""}>${escapeHtml(text)}</p>`;
  const href = escapeHtml(parts.url);
  const { greeting, intro, lifetime, next, notExpected } = parts.paragraphs;
  return [
    "<!doctype html>",
    `<html lang="${parts.locale}">`,
    `<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(parts.subject)}</title></head>`,
    `<body style="${BODY}">`,
    `<div style="${CARD}">`,
    p(greeting),
    p(intro),
    `<p><a href="${href}" style="${BUTTON}">${escapeHtml(parts.button)}</a></p>`,
    `<p style="${QUIET}">${escapeHtml(parts.copyLink)}<br><a href="${href}" style="color:#1d4ed8;word-break:break-all">${href}</a></p>`,
    p(lifetime),
    p(next),
    p(notExpected, QUIET),
    "</div>",
    "</body>",
    "</html>",
  ].join("\n");
}
