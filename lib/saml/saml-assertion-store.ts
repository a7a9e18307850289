import { sha256Hex } from "@/lib/crypto/tokens";
import { getDb } from "@/lib/db/client";
import { SAML_CLOCK_SKEW_MS, SAML_REQUEST_TTL_MS } from "@/lib/saml/saml-service-provider";

// node-saml keeps no record of the assertions it accepted, so a captured response could be posted
// again until it expires. Each assertion id is written once (its primary key decides a race between
// two instances) and kept until the assertion could no longer be accepted anyway.

/** True the first time an assertion is seen; false for a replay. */
export async function recordAssertionUse(
  issuer: string,
  assertion: { id: string; notOnOrAfter: Date | null },
  now: Date,
): Promise<boolean> {
  const until = (assertion.notOnOrAfter?.getTime() ?? now.getTime() + SAML_REQUEST_TTL_MS) + SAML_CLOCK_SKEW_MS;
  const db = getDb();
  await db.samlAssertionUse.deleteMany({ where: { expiresAt: { lt: now } } });
  try {
    await db.samlAssertionUse.create({ data: { id: sha256Hex(`${issuer}\n${assertion.id}`), expiresAt: new Date(until) } });
    return true;
  } catch (error) {
    if ((error as { code?: unknown }).code === "P2002") return false;
    throw error;
  }
}
