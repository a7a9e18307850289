import assert from "node:assert/strict";
import { ACTOR } from "./support";
import { TestIdp, type IdpKeys, type SpEndpoints } from "../saml-idp";

// A domain with SAML set up against an independent test IdP (samlify), for the sign-in and logout
// tests. Library modules are imported lazily: the test database's settings must be in place first.

export const CLIENT = { ip: "127.0.0.1", userAgent: "node-test" };

export async function samlLib() {
  const { createDomain } = await import("@/lib/domains/create-domain");
  const { createUser } = await import("@/lib/users/create-user");
  const { importSamlConfig } = await import("@/lib/saml/import-saml-config");
  const { updateSamlKey } = await import("@/lib/saml/update-saml-key");
  const { startSamlLogin } = await import("@/lib/saml/start-saml-login");
  const { consumeSamlResponse } = await import("@/lib/saml/consume-saml-response");
  const { SamlRefusal } = await import("@/lib/saml/check-saml-response");
  const { completeSignIn } = await import("@/lib/auth/complete-sign-in");
  const { getSettings } = await import("@/lib/config/settings");
  const { getDb } = await import("@/lib/db/client");
  return {
    createDomain,
    createUser,
    importSamlConfig,
    updateSamlKey,
    startSamlLogin,
    consumeSamlResponse,
    SamlRefusal,
    completeSignIn,
    getSettings,
    db: getDb(),
  };
}

export type SamlSetup = { domain: string; idp: TestIdp; ep: SpEndpoints };

/** A domain, a user alice@<domain>, and SAML imported from the test IdP's metadata; `keys` set after. */
export async function setUpSamlDomain(
  domain: string,
  opts: { keys?: Record<string, string>; idpKeys?: IdpKeys; sha1?: boolean } = {},
): Promise<SamlSetup> {
  const lib = await samlLib();
  await lib.createDomain(domain, ACTOR);
  await lib.createUser({ email: `alice@${domain}`, password: "correct horse battery staple" }, ACTOR);
  const idp = await TestIdp.create(`https://idp.${domain}/metadata`, `https://idp.${domain}`, { keys: opts.idpKeys, sha1: opts.sha1 });
  await lib.importSamlConfig(domain, { file: idp.metadata() }, ACTOR);
  for (const [key, value] of Object.entries(opts.keys ?? {})) await lib.updateSamlKey(domain, key, value, ACTOR);
  const publicUrl = lib.getSettings().publicUrl;
  const ep = {
    entityId: `${publicUrl}/zx/auth/samlMetadata?domain=${domain}`,
    acs: `${publicUrl}/zx/auth/saml`,
    slo: `${publicUrl}/zx/auth/logout`,
  };
  return { domain, idp, ep };
}

/** Starts an SP-initiated login as a browser would: the AuthnRequest's ID and the browser's nonce. */
export async function startLogin(s: SamlSetup): Promise<{ requestId: string; browserNonce: string }> {
  const { startSamlLogin } = await samlLib();
  const start = await startSamlLogin({ domain: s.domain, redirectUrl: "/account" });
  assert.equal(start.binding, "redirect");
  if (start.binding !== "redirect") throw new Error("unreachable");
  return { requestId: await s.idp.requestIdOf(s.ep, start.url), browserNonce: start.browserNonce };
}

/** The reason a response was refused, or "accepted". */
export async function outcome(run: () => Promise<unknown>): Promise<string> {
  const { SamlRefusal } = await samlLib();
  try {
    await run();
    return "accepted";
  } catch (e) {
    if (e instanceof SamlRefusal) return e.reason;
    throw e;
  }
}
