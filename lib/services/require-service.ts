import { AppError } from "@/lib/errors";
import { parseService, SERVICES, type Service } from "@/lib/services/services";

/** Case-insensitive service name → canonical one; anything else names the valid services. */
export function requireService(name: string): Service {
  const service = typeof name === "string" && name.length <= 40 ? parseService(name) : undefined;
  if (!service) {
    const shown = String(name).slice(0, 40);
    throw new AppError("invalid_input", `Unknown service "${shown}". Valid services: ${SERVICES.join(", ")}.`, {
      service: ["Unknown service."],
    });
  }
  return service;
}
