import { AppError } from "@/lib/errors";
import { messageKey } from "@/lib/i18n/message-key";

// Carbonio's service names (DESIGN.md). Input is case-insensitive; output uses these spellings.
export const SERVICES = ["WebUI", "WebAdminUI", "EAS", "MobileApp", "DesktopApp", "DAV", "IMAP", "POP3", "SMTP", "CLI"] as const;
export type Service = (typeof SERVICES)[number];

const byLower = new Map(SERVICES.map((s) => [s.toLowerCase(), s]));

export function parseService(name: string): Service | undefined {
  return byLower.get(name.trim().toLowerCase());
}

/** Parses "imap,pop3" into canonical names; throws with the list of valid names on anything else. */
export function parseServiceList(input: string | readonly string[]): Service[] {
  const parts = (typeof input === "string" ? input.split(",") : input).map((s) => s.trim()).filter(Boolean);
  if (parts.length === 0)
    throw new AppError("invalid_input", messageKey("errors.admin.noService", { services: SERVICES.join(", ") }), {
      services: [messageKey("validation.admin.noService")],
    });
  const out = new Set<Service>();
  for (const p of parts) {
    const s = parseService(p);
    if (!s)
      throw new AppError(
        "invalid_input",
        messageKey("errors.admin.unknownService", { service: p.slice(0, 40), services: SERVICES.join(", ") }),
        {
          services: [messageKey("validation.admin.unknownService")],
        },
      );
    out.add(s);
  }
  return SERVICES.filter((s) => out.has(s));
}
