import { releaseAttempt, reserveIpAttempt } from "@/lib/throttle/reserve-attempt";
import { SamlRefusal } from "@/lib/saml/check-saml-response";

/**
 * The SAML endpoints answer anyone, and every refusal is audited: each call counts against the
 * client IP in the shared throttle, given back when it succeeds. A flood of forged responses (or
 * of sign-ins for unknown domains) is then refused early, unaudited, instead of verifying
 * signatures and writing a row for each.
 */
export async function throttledSaml<T>(ip: string | undefined, run: () => Promise<T>, now = new Date()): Promise<T> {
  const outcome = await reserveIpAttempt(ip ?? "", now);
  if (!outcome.reserved) throw new SamlRefusal("rate_limited");
  const result = await run();
  await releaseAttempt(outcome.reservation);
  return result;
}
