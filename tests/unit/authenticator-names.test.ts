import { test } from "node:test";
import assert from "node:assert/strict";
import { authenticatorName } from "@/lib/passkeys/authenticator-names";

test("a known AAGUID names its provider, in either case; an unknown or all-zero one names none", () => {
  assert.equal(authenticatorName("fbfc3007-154e-4ecc-8c0b-6e020557d7bd"), "iCloud Keychain");
  assert.equal(authenticatorName("EA9B8D66-4D01-1D21-3CE4-B6B48CB575D4"), "Google Password Manager");
  assert.equal(authenticatorName("00000000-0000-0000-0000-000000000000"), null);
  assert.equal(authenticatorName("01020304-0506-0708-0102-030405060708"), null);
});
