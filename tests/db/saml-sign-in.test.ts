import { test } from "node:test";
import assert from "node:assert/strict";
import { useTestDatabase } from "./support";
import { CLIENT, outcome, samlLib, setUpSamlDomain, startLogin } from "./saml-fixtures";
import { stripSignatures, TestIdp } from "../saml-idp";

useTestDatabase();

// SAML sign-in through the assertion consumer service (issue 11), against samlify as the IdP:
// the accepted flows, then each refusal on its own.

test("SP-initiated: a signed response for our request opens a SAML session that single logout can name", async () => {
  const { consumeSamlResponse, completeSignIn, db } = await samlLib();
  const s = await setUpSamlDomain("sso1.test");
  const { requestId, browserNonce } = await startLogin(s);
  const samlResponse = await s.idp.response(s.ep, { nameId: "alice@sso1.test", inResponseTo: requestId, sessionIndex: "_idx7" });
  const signIn = await consumeSamlResponse({ samlResponse, browserNonce }, CLIENT);
  assert.deepEqual({ stage: signIn.stage, redirectUrl: signIn.redirectUrl }, { stage: "ready", redirectUrl: "/account" });
  const done = await completeSignIn(signIn.ticket, CLIENT);
  assert.equal(done?.email, "alice@sso1.test");
  const session = await db.session.findFirstOrThrow({ where: { user: { email: "alice@sso1.test" } }, include: { saml: true } });
  assert.equal(session.authMethod, "saml");
  assert.deepEqual(
    { nameId: session.saml?.nameId, sessionIndex: session.saml?.sessionIndex },
    { nameId: "alice@sso1.test", sessionIndex: "_idx7" },
  );
  assert.equal(await db.auditEvent.count({ where: { action: "login.saml", result: "success" } }), 1);
  assert.equal(await db.samlRequest.count(), 0, "the request was consumed");
});

test("the same response posted again, or 10 times at once, signs in once", async () => {
  const { consumeSamlResponse } = await samlLib();
  const s = await setUpSamlDomain("sso2.test");
  const { requestId, browserNonce } = await startLogin(s);
  const samlResponse = await s.idp.response(s.ep, { nameId: "alice@sso2.test", inResponseTo: requestId });
  const results = await Promise.all(
    Array.from({ length: 10 }, () => outcome(() => consumeSamlResponse({ samlResponse, browserNonce }, CLIENT))),
  );
  assert.equal(results.filter((r) => r === "accepted").length, 1, results.join(","));
  assert.equal(await outcome(() => consumeSamlResponse({ samlResponse, browserNonce }, CLIENT)), "unknown_request");
});

test("an answer to a request we never sent is refused", async () => {
  const { consumeSamlResponse } = await samlLib();
  const s = await setUpSamlDomain("sso3.test");
  const samlResponse = await s.idp.response(s.ep, { nameId: "alice@sso3.test", inResponseTo: "_never_sent" });
  assert.equal(await outcome(() => consumeSamlResponse({ samlResponse }, CLIENT)), "unknown_request");
});

test("the answer must come back to the browser that asked (login CSRF)", async () => {
  const { consumeSamlResponse } = await samlLib();
  const s = await setUpSamlDomain("sso4.test");
  const { requestId } = await startLogin(s);
  const samlResponse = await s.idp.response(s.ep, { nameId: "alice@sso4.test", inResponseTo: requestId });
  assert.equal(await outcome(() => consumeSamlResponse({ samlResponse, browserNonce: "someone-else" }, CLIENT)), "other_browser");
});

const refusals: [
  string,
  string,
  (s: Awaited<ReturnType<typeof setUpSamlDomain>>) => Parameters<TestIdp["response"]>[1]["values"] | undefined,
  ((xml: string) => string) | undefined,
][] = [
  ["an unsigned response", "invalid_response", () => undefined, stripSignatures],
  ["a wrong audience", "invalid_response", () => ({ Audience: "https://another-sp.test/metadata" }), undefined],
  ["a wrong Destination", "wrong_destination", () => ({ Destination: "https://another-sp.test/acs" }), undefined],
  ["a wrong Recipient", "wrong_recipient", () => ({ SubjectRecipient: "https://another-sp.test/acs" }), undefined],
  [
    "an expired assertion",
    "invalid_response",
    () => ({
      ConditionsNotOnOrAfter: new Date(Date.now() - 10 * 60_000).toISOString(),
      SubjectConfirmationDataNotOnOrAfter: new Date(Date.now() - 10 * 60_000).toISOString(),
    }),
    undefined,
  ],
];
for (const [name, reason, values, after] of refusals) {
  test(`refused: ${name}`, async () => {
    const { consumeSamlResponse, db } = await samlLib();
    const s = await setUpSamlDomain(`r${refusals.findIndex((r) => r[0] === name)}.sso.test`);
    const { requestId, browserNonce } = await startLogin(s);
    const samlResponse = await s.idp.response(s.ep, { nameId: `alice@${s.domain}`, inResponseTo: requestId, values: values(s), after });
    assert.equal(await outcome(() => consumeSamlResponse({ samlResponse, browserNonce }, CLIENT)), reason);
    assert.equal(await db.pendingLogin.count({ where: { user: { email: `alice@${s.domain}` } } }), 0, "no login ticket");
  });
}

test("refused: a response signed by another key than the IdP's", async () => {
  const { consumeSamlResponse } = await samlLib();
  const s = await setUpSamlDomain("forged.test");
  const impostor = await TestIdp.create(s.idp.entityId, s.idp.baseUrl);
  const { requestId, browserNonce } = await startLogin(s);
  const samlResponse = await impostor.response(s.ep, { nameId: "alice@forged.test", inResponseTo: requestId });
  assert.equal(await outcome(() => consumeSamlResponse({ samlResponse, browserNonce }, CLIENT)), "invalid_response");
});

test("refused: a comment injected into the NameID does not cut the address short", async () => {
  const { consumeSamlResponse, createUser, db } = await samlLib();
  const s = await setUpSamlDomain("comment.test");
  await createUser({ email: "boss@comment.test", role: "admin" }, { email: "test-runner" });
  const { requestId, browserNonce } = await startLogin(s);
  // Signed for boss@comment.test.evil.example; a comment after "boss@comment.test" leaves the
  // signature valid (canonicalisation drops comments) and must not make it "boss@comment.test".
  const samlResponse = await s.idp.response(s.ep, {
    nameId: "boss@comment.test.evil.example",
    inResponseTo: requestId,
    after: (xml) => xml.replace(">boss@comment.test.evil.example<", ">boss@comment.test<!---->.evil.example<"),
  });
  // The whole text is the address: not in this domain at all.
  assert.equal(await outcome(() => consumeSamlResponse({ samlResponse, browserNonce }, CLIENT)), "other_domain");
  assert.equal(await db.pendingLogin.count({ where: { user: { domain: { name: "comment.test" } } } }), 0);
});

test("refused: wrapped assertions (XSW), an unsigned assertion beside or around the signed one", async () => {
  const { consumeSamlResponse, createUser } = await samlLib();
  const s = await setUpSamlDomain("xsw.test");
  await createUser({ email: "boss@xsw.test" }, { email: "test-runner" });
  const evil = (signed: string) =>
    stripSignatures(signed)
      .replace(/ID="_a[^"]+"/, 'ID="_evil"')
      .replace("alice@xsw.test", "boss@xsw.test");
  const assertionOf = (xml: string) => xml.match(/<saml:Assertion[\s\S]*<\/saml:Assertion>/)![0];
  const wraps = [
    // The forged assertion first, the signed one after it.
    (xml: string) => xml.replace(assertionOf(xml), evil(assertionOf(xml)) + assertionOf(xml)),
    // The signed assertion hidden in Extensions, the forged one in its place.
    (xml: string) =>
      xml
        .replace(assertionOf(xml), evil(assertionOf(xml)))
        .replace("<samlp:Status>", `<samlp:Extensions>${assertionOf(xml)}</samlp:Extensions><samlp:Status>`),
  ];
  for (const after of wraps) {
    const { requestId, browserNonce } = await startLogin(s);
    const samlResponse = await s.idp.response(s.ep, { nameId: "alice@xsw.test", inResponseTo: requestId, after });
    assert.equal(await outcome(() => consumeSamlResponse({ samlResponse, browserNonce }, CLIENT)), "invalid_response");
  }
});

test("refused: an RSA-SHA1 signature, unless the domain allows SHA-1", async () => {
  const { consumeSamlResponse, updateSamlKey } = await samlLib();
  const s = await setUpSamlDomain("sha1.test", { sha1: true });
  const first = await startLogin(s);
  const old = await s.idp.response(s.ep, { nameId: "alice@sha1.test", inResponseTo: first.requestId });
  assert.equal(await outcome(() => consumeSamlResponse({ samlResponse: old, browserNonce: first.browserNonce }, CLIENT)), "sha1_refused");
  await updateSamlKey("sha1.test", "gatehouse.allow_sha1", "true", { email: "test-runner" });
  const second = await startLogin(s);
  const allowed = await s.idp.response(s.ep, { nameId: "alice@sha1.test", inResponseTo: second.requestId });
  assert.equal(await outcome(() => consumeSamlResponse({ samlResponse: allowed, browserNonce: second.browserNonce }, CLIENT)), "accepted");
});

test("refused: a user of another domain, even one that exists", async () => {
  const { consumeSamlResponse } = await samlLib();
  const s = await setUpSamlDomain("mine.test");
  await setUpSamlDomain("theirs.test");
  const { requestId, browserNonce } = await startLogin(s);
  const samlResponse = await s.idp.response(s.ep, { nameId: "alice@theirs.test", inResponseTo: requestId });
  assert.equal(await outcome(() => consumeSamlResponse({ samlResponse, browserNonce }, CLIENT)), "other_domain");
});

test("refusals count against the client IP: past the free ones, the next call is refused before any work", async () => {
  const { throttledSaml } = await import("@/lib/saml/saml-throttle");
  const { SamlRefusal } = await samlLib();
  const ip = "127.0.0.55";
  const now = new Date(); // one instant: the throttle's waits cannot run out during the test
  let runs = 0;
  const forged = () =>
    throttledSaml(
      ip,
      async () => {
        runs += 1;
        throw new SamlRefusal("invalid_response");
      },
      now,
    );
  // Successes give their count back: any number of them leaves the budget untouched.
  for (let i = 0; i < 30; i++) await throttledSaml(ip, async () => "signed in", now);
  const outcomes = await Promise.all(Array.from({ length: 40 }, () => outcome(forged)));
  assert.equal(outcomes.filter((o) => o === "invalid_response").length, runs);
  const { THROTTLE } = await import("@/lib/throttle/login-throttle");
  assert.equal(runs, THROTTLE.freeIpFailures, "40 at once: exactly the free ones ran");
  assert.equal(await outcome(forged), "rate_limited");
});
