import { randomBytes } from "node:crypto";
import { recordAuditEvent, type Actor } from "@/lib/audit/record-audit-event";
import { getDb } from "@/lib/db/client";
import { errorFacts } from "@/lib/log/error-facts";
import { log } from "@/lib/log/logger";
import { SamlRefusal } from "@/lib/saml/check-saml-response";

// Every SAML failure: the person sees a plain page with a reference, the admin finds the same
// reference in the audit trail with the reason (never the other way round: the reason is not
// shown to the browser, where it would help an attacker tune a forged response).

/** Eight characters, easy to read aloud to a help desk. */
function newReference(): string {
  const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  return Array.from(randomBytes(8), (b) => alphabet[b % alphabet.length]).join("");
}

export async function recordSamlRefusal(error: unknown, action: "login.saml" | "logout.saml", ctx: Actor): Promise<string> {
  const reference = newReference();
  const refusal = error instanceof SamlRefusal ? error : null;
  if (!refusal) log.error("saml.unexpected_error", { reference, ...errorFacts(error) });
  // Throttled: the client already has audited failures; one more row each would be the flood.
  if (refusal?.reason === "rate_limited") {
    log.warn("saml.rate_limited", { reference, ip: ctx.ip });
    return reference;
  }
  const domain = refusal?.domainId
    ? await getDb()
        .domain.findUnique({ where: { id: refusal.domainId }, select: { name: true } })
        .catch(() => null)
    : null;
  await getDb()
    .$transaction((tx) =>
      recordAuditEvent(tx, {
        actor: ctx,
        action,
        result: "failure",
        details: { reason: refusal?.reason ?? "internal", detail: refusal?.message.slice(0, 500), reference, domain: domain?.name },
      }),
    )
    .catch((e: unknown) => log.error("saml.audit_failed", { reference, ...errorFacts(e) }));
  return reference;
}
