import { AppError } from "@/lib/errors";
import { messageKey } from "@/lib/i18n/message-key";
import { parseService, SERVICES, type Service } from "@/lib/services/services";

/** Case-insensitive service name → canonical one; anything else names the valid services. */
export function requireService(name: string): Service {
  const service = typeof name === "string" && name.length <= 40 ? parseService(name) : undefined;
  if (!service) {
    const shown = String(name).slice(0, 40);
    throw new AppError("invalid_input", messageKey("errors.admin.unknownService", { service: shown, services: SERVICES.join(", ") }), {
      service: [messageKey("validation.admin.unknownService")],
    });
  }
  return service;
}
