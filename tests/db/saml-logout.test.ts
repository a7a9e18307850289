import { test } from "node:test";
import assert from "node:assert/strict";
import { ACTOR, useTestDatabase } from "./support";
import { CLIENT, outcome, samlLib, setUpSamlDomain, startLogin, type SamlSetup } from "./saml-fixtures";

useTestDatabase();

// IdP-initiated login, who may come in (attribute match, unknown users, the second factor), single
// logout both ways, and SAML-only domains (issue 11).

async function signInBySaml(s: SamlSetup, nameId = `alice@${s.domain}`, sessionIndex = "_s1") {
  const { consumeSamlResponse, completeSignIn } = await samlLib();
  const { requestId, browserNonce } = await startLogin(s);
  const samlResponse = await s.idp.response(s.ep, { nameId, inResponseTo: requestId, sessionIndex });
  const signIn = await consumeSamlResponse({ samlResponse, browserNonce }, CLIENT);
  return completeSignIn(signIn.ticket, CLIENT);
}

test("IdP-initiated login: refused until the domain allows it; then accepted once per assertion", async () => {
  const { consumeSamlResponse, updateSamlKey } = await samlLib();
  const s = await setUpSamlDomain("idpinit.test");
  const samlResponse = await s.idp.response(s.ep, { nameId: "alice@idpinit.test" });
  assert.equal(await outcome(() => consumeSamlResponse({ samlResponse, relayState: "/account" }, CLIENT)), "idp_initiated_disabled");
  await updateSamlKey("idpinit.test", "gatehouse.allow_idp_initiated", "true", ACTOR);
  const fresh = await s.idp.response(s.ep, { nameId: "alice@idpinit.test" });
  const signIn = await consumeSamlResponse({ samlResponse: fresh, relayState: "/account" }, CLIENT);
  assert.deepEqual({ stage: signIn.stage, relayState: signIn.relayState }, { stage: "ready", relayState: "/account" });
  // Nothing to consume on our side but the assertion id: a replay is refused by it.
  assert.equal(await outcome(() => consumeSamlResponse({ samlResponse: fresh }, CLIENT)), "replayed_assertion");
});

test("the mailPrimaryAddress attribute names the user; an unknown user is refused unless the domain creates them", async () => {
  const { consumeSamlResponse, updateSamlKey, db } = await samlLib();
  const s = await setUpSamlDomain("match.test", { keys: { "gatehouse.allow_idp_initiated": "true" } });
  const byAttribute = await s.idp.response(s.ep, { nameId: "opaque-id-123", attributes: { mailPrimaryAddress: "Alice@Match.test" } });
  const signIn = await consumeSamlResponse({ samlResponse: byAttribute }, CLIENT);
  assert.equal(
    (await db.pendingLogin.findFirstOrThrow({ where: { id: { not: "" }, user: { email: "alice@match.test" } } })).authMethod,
    "saml",
  );
  assert.ok(signIn.ticket);

  const newcomer = await s.idp.response(s.ep, { nameId: "newcomer@match.test" });
  assert.equal(await outcome(() => consumeSamlResponse({ samlResponse: newcomer }, CLIENT)), "unknown_user");
  assert.equal(await db.user.count({ where: { email: "newcomer@match.test" } }), 0);
  await updateSamlKey("match.test", "gatehouse.create_unknown_users", "true", ACTOR);
  const again = await s.idp.response(s.ep, { nameId: "newcomer@match.test" });
  assert.equal(await outcome(() => consumeSamlResponse({ samlResponse: again }, CLIENT)), "accepted");
  const created = await db.user.findUniqueOrThrow({ where: { email: "newcomer@match.test" }, select: { role: true, passwordHash: true } });
  assert.deepEqual({ role: created.role, passwordHash: created.passwordHash }, { role: "user", passwordHash: null });
});

test("a disabled account is refused; the domain can ask for Gatehouse's second factor after SAML", async () => {
  const { consumeSamlResponse, updateSamlKey, db } = await samlLib();
  const s = await setUpSamlDomain("second.test", { keys: { "gatehouse.allow_idp_initiated": "true" } });
  await updateSamlKey("second.test", "gatehouse.require_second_factor", "true", ACTOR);
  const signIn = await consumeSamlResponse({ samlResponse: await s.idp.response(s.ep, { nameId: "alice@second.test" }) }, CLIENT);
  assert.equal(signIn.stage, "enrol", "no authenticator yet: enrolment first");
  // Once the second factor is given (as the enrolment step does), the session is still a SAML one.
  const { advanceLoginTicket } = await import("@/lib/auth/login-ticket");
  const { completeSignIn } = await samlLib();
  assert.ok(await db.$transaction((tx) => advanceLoginTicket(tx, signIn.ticket, "enrol", "ready", new Date(), "otp")));
  const done = await completeSignIn(signIn.ticket, CLIENT);
  const session = await db.session.findFirstOrThrow({ where: { user: { email: "alice@second.test" } }, include: { saml: true } });
  assert.deepEqual(
    { authMethod: session.authMethod, nameId: session.saml?.nameId, signedIn: Boolean(done) },
    { authMethod: "saml", nameId: "alice@second.test", signedIn: true },
  );
  await db.user.update({ where: { email: "alice@second.test" }, data: { status: "disabled" } });
  const refused = await s.idp.response(s.ep, { nameId: "alice@second.test" });
  assert.equal(await outcome(() => consumeSamlResponse({ samlResponse: refused }, CLIENT)), "account_inactive");
});

test("IdP-initiated logout ends that user's SAML sessions and answers with a LogoutResponse; an unsigned one is refused", async () => {
  const { db } = await samlLib();
  const { handleSamlLogoutMessage } = await import("@/lib/saml/saml-logout");
  const s = await setUpSamlDomain("slo.test");
  await signInBySaml(s, "alice@slo.test", "_a");
  await signInBySaml(s, "alice@slo.test", "_b");
  const sessions = () => db.session.count({ where: { user: { email: "alice@slo.test" } } });
  assert.equal(await sessions(), 2);

  const asMessage = (url: string) => {
    const u = new URL(url);
    const p = u.searchParams;
    return {
      binding: "redirect" as const,
      SAMLRequest: p.get("SAMLRequest") ?? undefined,
      SAMLResponse: p.get("SAMLResponse") ?? undefined,
      SigAlg: p.get("SigAlg") ?? undefined,
      Signature: p.get("Signature") ?? undefined,
      RelayState: p.get("RelayState") ?? undefined,
      originalQuery: u.search.slice(1),
    };
  };
  const signed = asMessage(s.idp.logoutRequestUrl(s.ep, "alice@slo.test", "_a"));
  const unsigned = {
    ...signed,
    Signature: undefined,
    SigAlg: undefined,
    originalQuery: `SAMLRequest=${encodeURIComponent(signed.SAMLRequest!)}`,
  };
  await assert.rejects(handleSamlLogoutMessage(unsigned, CLIENT), (e: Error & { reason?: string }) => e.reason === "unsigned_message");
  assert.equal(await sessions(), 2, "an unsigned logout ends nothing");

  const answer = await handleSamlLogoutMessage(signed, CLIENT);
  assert.match(answer, /^https:\/\/idp\.slo\.test\/slo\?SAMLResponse=/);
  assert.equal(await sessions(), 1, "the session of SessionIndex _a ended, _b stays");
  assert.equal(await db.auditEvent.count({ where: { action: "session.logout.saml" } }), 1);
});

test("SP-initiated logout: our LogoutRequest names the session; the IdP's LogoutResponse is taken once", async () => {
  const { samlLogoutUrl, handleSamlLogoutMessage } = await import("@/lib/saml/saml-logout");
  const s = await setUpSamlDomain("splo.test");
  const done = await signInBySaml(s, "alice@splo.test", "_x");
  assert.ok(done);
  const url = await samlLogoutUrl(done.sessionId);
  assert.match(url ?? "", /^https:\/\/idp\.splo\.test\/slo\?SAMLRequest=/);
  const back = new URL(await s.idp.logoutResponseUrl(s.ep, url!));
  const message = {
    binding: "redirect" as const,
    SAMLResponse: back.searchParams.get("SAMLResponse") ?? undefined,
    SigAlg: back.searchParams.get("SigAlg") ?? undefined,
    Signature: back.searchParams.get("Signature") ?? undefined,
    originalQuery: back.search.slice(1),
  };
  assert.equal(await handleSamlLogoutMessage(message, CLIENT), "/login");
  await assert.rejects(handleSamlLogoutMessage(message, CLIENT), (e: Error & { reason?: string }) => e.reason === "unknown_request");
});

test("a SAML-only domain refuses its users' passwords (after a correct one) but not its administrators'", async () => {
  const { createUser, updateSamlKey } = await samlLib();
  const { beginPasswordSignIn } = await import("@/lib/auth/begin-password-sign-in");
  await setUpSamlDomain("only.test", { keys: { "gatehouse.saml_only": "true" } });
  await createUser({ email: "root@only.test", password: "correct horse battery staple", role: "admin" }, ACTOR);
  await assert.rejects(
    beginPasswordSignIn({ email: "alice@only.test", password: "correct horse battery staple" }, CLIENT),
    (e: Error & { code?: string }) => e.code === "forbidden" && /LOGIN SAML/.test(e.message),
  );
  await assert.rejects(
    beginPasswordSignIn({ email: "alice@only.test", password: "wrong password entirely" }, CLIENT),
    (e: Error & { code?: string }) => e.code === "invalid_credentials",
  );
  const admin = await beginPasswordSignIn({ email: "root@only.test", password: "correct horse battery staple" }, CLIENT);
  assert.ok(admin.ticket, "the break-glass way in");
  await updateSamlKey("only.test", "gatehouse.saml_only", "false", ACTOR);
  assert.ok((await beginPasswordSignIn({ email: "alice@only.test", password: "correct horse battery staple" }, CLIENT)).ticket);
});
