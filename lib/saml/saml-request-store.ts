import type { CacheProvider } from "@node-saml/node-saml";
import { sha256Hex } from "@/lib/crypto/tokens";
import { getDb, type Tx } from "@/lib/db/client";
import { SAML_REQUEST_TTL_MS } from "@/lib/saml/saml-service-provider";

// The requests we sent to an IdP, in the database rather than node-saml's in-memory cache: an
// answer may reach another instance than the one that asked, and each request must be answered
// at most once, even by two answers arriving together.

export type SamlRequestKind = "authn" | "logout";
export type StoredSamlRequest = { id: string; domainId: string; kind: string; redirectUrl: string; browserHash: string };

export async function saveSamlRequest(
  tx: Tx,
  input: { id: string; domainId: string; kind: SamlRequestKind; redirectUrl?: string; browserNonce?: string },
  now: Date,
): Promise<void> {
  await tx.samlRequest.deleteMany({ where: { expiresAt: { lt: now } } });
  await tx.samlRequest.create({
    data: {
      id: input.id.slice(0, 256),
      domainId: input.domainId,
      kind: input.kind,
      redirectUrl: input.redirectUrl ?? "/",
      browserHash: input.browserNonce ? sha256Hex(input.browserNonce) : "",
      createdAt: now,
      expiresAt: new Date(now.getTime() + SAML_REQUEST_TTL_MS),
    },
  });
}

/** Reads a pending request without taking it (to learn which domain's keys check the answer). */
export async function peekSamlRequest(id: string, now: Date): Promise<StoredSamlRequest | null> {
  if (!id || id.length > 256) return null;
  const row = await getDb().samlRequest.findUnique({ where: { id } });
  return row && row.expiresAt > now ? row : null;
}

/** Takes a pending request exactly once: of several callers at the same time, one gets it. */
export async function claimSamlRequest(id: string, kind: SamlRequestKind, now: Date): Promise<boolean> {
  if (!id || id.length > 256) return false;
  const taken = await getDb().samlRequest.deleteMany({ where: { id, kind, expiresAt: { gt: now } } });
  return taken.count === 1;
}

/**
 * node-saml's cache interface over the request table, for one message. node-saml reads the
 * InResponseTo id once for the Response and again for the SubjectConfirmation: the first read
 * claims the row (one conditional delete), later reads in the same validation see that claim.
 * node-saml saves ids for the requests it builds; ours are saved by the caller with the domain
 * and the browser binding, so saveAsync is a no-op here.
 */
export function claimingRequestCache(kind: SamlRequestKind, now: Date): CacheProvider & { claimed: () => string | null } {
  let claimed: string | null = null;
  return {
    claimed: () => claimed,
    async saveAsync(_key, value) {
      return { value, createdAt: now.getTime() };
    },
    async getAsync(key) {
      if (claimed === key) return now.toISOString();
      if (claimed === null && (await claimSamlRequest(key, kind, now))) {
        claimed = key;
        return now.toISOString();
      }
      return null;
    },
    async removeAsync(key) {
      return key;
    },
  };
}
