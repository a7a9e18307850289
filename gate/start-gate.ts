import type { Settings } from "@/lib/config/settings";
import { gateSecretOf } from "@/lib/crypto/keys";
import { createGate, type Gate } from "@/gate/gate-server";
import { log } from "@/lib/log/logger";
import { MAIL_PROTOCOLS, BACKEND_SETTING } from "@/lib/gate/gate-backends";

/**
 * Starts the gate on GATE_HOST:GATE_PORT: what `npm start` runs beside the web app and
 * `gatehouse gate` runs alone. Resolves once it listens; rejects when it cannot.
 */
export async function startGate(settings: Settings): Promise<Gate> {
  const gate = createGate({ gateSecret: gateSecretOf(settings), backends: settings.gateBackends, metricsToken: settings.metricsToken });
  for (const protocol of MAIL_PROTOCOLS) {
    const set = settings.gateBackends[protocol];
    if (!set.fallback && set.byDomain.size === 0) log.warn("gate.no_backend_configured", { protocol, setting: BACKEND_SETTING[protocol] });
  }
  await new Promise<void>((resolve, reject) => {
    gate.server.once("error", reject);
    gate.server.listen(settings.gatePort, settings.gateHost, () => {
      gate.server.off("error", reject);
      resolve();
    });
  });
  return gate;
}
