import { test } from "node:test";
import assert from "node:assert/strict";
import { freshDataDir, gatehouse } from "./support";

// The resets at the command line: they revoke the account's credentials unless told to keep them
// (`--keep-credentials`, or Carbonio's `keep_credentials true`), and say what they ended.
const dataDir = freshDataDir();
const run = (args: string[], stdin?: string) => gatehouse(args, { dataDir, stdin });
const ACCOUNT = "cara@access.test";

function addCredential(label: string) {
  const r = run(["auth", "credential", "add", ACCOUNT, "label", label, "service", "imap"]);
  assert.equal(r.code, 0, r.stderr);
}
const credentialLabels = () =>
  (JSON.parse(run(["auth", "credential", "list", ACCOUNT, "--json"]).stdout) as { list: { label: string }[] }).list.map((c) => c.label);

test("user set-password revokes credentials by default and keeps them with --keep-credentials", () => {
  assert.equal(run(["user", "create", ACCOUNT, "--password-stdin", "--create-domain"], "a long first passphrase\n").code, 0);
  addCredential("Laptop mail");
  addCredential("Desk phone");

  const kept = run(["user", "set-password", ACCOUNT, "--password-stdin", "--keep-credentials", "--json"], "a long second passphrase\n");
  assert.equal(kept.code, 0, kept.stderr);
  assert.deepEqual(JSON.parse(kept.stdout), {
    email: ACCOUNT,
    passwordSet: true,
    keptCredentials: true,
    revoked: { sessions: 0, trustedDevices: 0, credentials: 0, qrTokens: 0, authLinks: 0 },
  });
  assert.deepEqual(credentialLabels().sort(), ["Desk phone", "Laptop mail"]);

  const revoked = run(["user", "set-password", ACCOUNT, "--password-stdin", "--json"], "a long third passphrase\n");
  assert.equal(revoked.code, 0, revoked.stderr);
  assert.deepEqual(JSON.parse(revoked.stdout).revoked, { sessions: 0, trustedDevices: 0, credentials: 2, qrTokens: 0, authLinks: 0 });
  assert.deepEqual(credentialLabels(), []);

  addCredential("Tablet");
  const text = run(["user", "set-password", ACCOUNT, "--password-stdin"], "a long fourth passphrase\n");
  assert.equal(
    text.stdout.trim(),
    `password set for ${ACCOUNT}; ended 0 sessions, forgot 0 trusted devices, revoked 1 credential and 0 unused one-time QR codes`,
  );
});

test("auth twoFactor reset revokes credentials unless keep_credentials true", () => {
  addCredential("Phone");
  const kept = run(["auth", "twoFactor", "reset", ACCOUNT, "keep_credentials", "true"]);
  assert.equal(kept.code, 0, kept.stderr);
  assert.match(kept.stdout, /kept their credentials/);
  assert.deepEqual(credentialLabels(), ["Phone"]);

  const reset = run(["auth", "twoFactor", "reset", ACCOUNT, "--json"]);
  assert.equal(reset.code, 0, reset.stderr);
  const answer = JSON.parse(reset.stdout);
  assert.equal(answer.keptCredentials, false);
  assert.equal(answer.revoked.credentials, 1);
  assert.deepEqual(credentialLabels(), []);

  assert.equal(run(["auth", "twoFactor", "reset", ACCOUNT, "keep_credentials", "maybe"]).code, 2, "a bad value is a usage error");
});
