import { test } from "node:test";
import assert from "node:assert/strict";
import { AppError } from "@/lib/errors";
import {
  computeTotp,
  computeTotpFromKey,
  encodeBase32,
  generateTotpSecret,
  normaliseTotpToken,
  totpTimeStep,
  totpUri,
  verifyTotp,
} from "@/lib/two-factor/devices/totp-code";
import { parseTotpOptions, type TotpAlgorithm, type TotpParams } from "@/lib/two-factor/devices/totp-options";

// RFC 6238 Appendix B: seeds are the ASCII digits repeated to the hash's block-friendly size.
const asciiKey = (length: number) => new TextEncoder().encode("1234567890".repeat(7).slice(0, length));
const RFC_KEYS: Record<TotpAlgorithm, Uint8Array> = { SHA1: asciiKey(20), SHA256: asciiKey(32), SHA512: asciiKey(64) };
const RFC_VECTORS: Array<[number, Record<TotpAlgorithm, string>]> = [
  [59, { SHA1: "94287082", SHA256: "46119246", SHA512: "90693936" }],
  [1111111109, { SHA1: "07081804", SHA256: "68084774", SHA512: "25091201" }],
  [1111111111, { SHA1: "14050471", SHA256: "67062674", SHA512: "99943326" }],
  [1234567890, { SHA1: "89005924", SHA256: "91819424", SHA512: "93441116" }],
  [2000000000, { SHA1: "69279037", SHA256: "90698825", SHA512: "38618901" }],
  [20000000000, { SHA1: "65353130", SHA256: "77737706", SHA512: "47863826" }],
];

for (const algorithm of ["SHA1", "SHA256", "SHA512"] as const) {
  test(`RFC 6238 Appendix B vectors, ${algorithm}`, () => {
    const params: TotpParams = { algorithm, digits: 8, period: 30 };
    for (const [seconds, expected] of RFC_VECTORS) {
      assert.equal(computeTotpFromKey(RFC_KEYS[algorithm], params, seconds * 1000), expected[algorithm], `t=${seconds}`);
      // The same key in base32 (the stored form) gives the same code.
      assert.equal(computeTotp(encodeBase32(RFC_KEYS[algorithm]), params, seconds * 1000), expected[algorithm]);
    }
  });
}

test("RFC vectors verify, and a 6-digit code is the low 6 digits", () => {
  const params: TotpParams = { algorithm: "SHA1", digits: 8, period: 30 };
  const result = verifyTotp({ secret: RFC_KEYS.SHA1, token: "89005924", options: params, nowMs: 1234567890_000 });
  assert.deepEqual(result, { valid: true, timeStep: Math.floor(1234567890 / 30) });
  assert.equal(computeTotpFromKey(RFC_KEYS.SHA1, { ...params, digits: 6 }, 1234567890_000), "005924");
});

test("base32 encoding matches RFC 4648 vectors (unpadded)", () => {
  const encode = (text: string) => encodeBase32(new TextEncoder().encode(text));
  assert.equal(encode(""), "");
  assert.equal(encode("f"), "MY");
  assert.equal(encode("fo"), "MZXQ");
  assert.equal(encode("foob"), "MZXW6YQ");
  assert.equal(encode("foobar"), "MZXW6YTBOI");
  assert.equal(encodeBase32(RFC_KEYS.SHA1), "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
});

const SIX: TotpParams = { algorithm: "SHA1", digits: 6, period: 30 };
const SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
const NOW = 1_700_000_015_000; // mid-step, so ±1 step offsets are unambiguous
const STEP = totpTimeStep(NOW, 30);
const codeAt = (stepOffset: number) => computeTotp(SECRET, SIX, NOW + stepOffset * 30_000);

test("accepts the current step and ±1 step, reporting the matched step", () => {
  for (const offset of [-1, 0, 1]) {
    assert.deepEqual(verifyTotp({ secret: SECRET, token: codeAt(offset), options: SIX, nowMs: NOW }), {
      valid: true,
      timeStep: STEP + offset,
    });
  }
});

test("refuses codes two or more steps away", () => {
  for (const offset of [-3, -2, 2, 3]) {
    const token = codeAt(offset);
    // Guard against a coincidental collision with a code inside the window.
    if ([-1, 0, 1].some((inside) => codeAt(inside) === token)) continue;
    assert.deepEqual(verifyTotp({ secret: SECRET, token, options: SIX, nowMs: NOW }), { valid: false }, `offset ${offset}`);
  }
});

test("replay guard refuses a step already used and anything before it", () => {
  const token = codeAt(0);
  const first = verifyTotp({ secret: SECRET, token, options: SIX, nowMs: NOW, lastUsedStep: STEP - 1 });
  assert.deepEqual(first, { valid: true, timeStep: STEP });
  const replay = verifyTotp({ secret: SECRET, token, options: SIX, nowMs: NOW + 5_000, lastUsedStep: first.timeStep });
  assert.deepEqual(replay, { valid: false });
  // An older code inside the window is refused once a newer step was used.
  assert.deepEqual(verifyTotp({ secret: SECRET, token: codeAt(-1), options: SIX, nowMs: NOW, lastUsedStep: STEP }), { valid: false });
  // The next step is still accepted after the current one was used.
  assert.deepEqual(verifyTotp({ secret: SECRET, token: codeAt(1), options: SIX, nowMs: NOW, lastUsedStep: STEP }), {
    valid: true,
    timeStep: STEP + 1,
  });
  // A stored step beyond the window (clock moved back) refuses instead of throwing.
  assert.deepEqual(verifyTotp({ secret: SECRET, token, options: SIX, nowMs: NOW, lastUsedStep: STEP + 5 }), { valid: false });
  assert.throws(() => verifyTotp({ secret: SECRET, token, options: SIX, nowMs: NOW, lastUsedStep: -2 }));
});

test("malformed tokens are refused before any crypto", () => {
  const good = codeAt(0);
  assert.equal(verifyTotp({ secret: SECRET, token: `${good.slice(0, 3)} ${good.slice(3)}`, options: SIX, nowMs: NOW }).valid, true);
  const bad: unknown[] = [
    "",
    "12345",
    "1234567",
    `${good}0`,
    "12a456",
    "+12345",
    "-12345",
    "12.456",
    "１２３４５６",
    "٠١٢٣٤٥",
    " ".repeat(40) + good,
    null,
    undefined,
    123456,
    [good],
  ];
  for (const token of bad) {
    assert.deepEqual(verifyTotp({ secret: SECRET, token, options: SIX, nowMs: NOW }), { valid: false }, JSON.stringify(token));
  }
  // A corrupt secret must not matter when the token is junk (no crypto runs).
  assert.deepEqual(verifyTotp({ secret: "!!notbase32!!", token: "abc", options: SIX, nowMs: NOW }), { valid: false });
  assert.equal(normaliseTotpToken(" 123 456 ", 6), "123456");
  assert.equal(normaliseTotpToken("123 456", 8), null);
});

test("8-digit codes need exactly 8 digits and 60 s periods widen the window accordingly", () => {
  const params: TotpParams = { algorithm: "SHA256", digits: 8, period: 60 };
  const now = 1_700_000_030_000;
  const token = computeTotp(SECRET, params, now - 60_000);
  assert.equal(token.length, 8);
  assert.equal(verifyTotp({ secret: SECRET, token, options: params, nowMs: now }).valid, true);
  assert.equal(verifyTotp({ secret: SECRET, token: token.slice(0, 6), options: params, nowMs: now }).valid, false);
  assert.equal(verifyTotp({ secret: SECRET, token, options: params, nowMs: now + 120_000 }).valid, false);
});

test("generated secrets are base32 of the requested size and differ", () => {
  const secret = generateTotpSecret(20);
  assert.match(secret, /^[A-Z2-7]{32}$/);
  assert.match(generateTotpSecret(64), /^[A-Z2-7]{103}$/);
  assert.notEqual(generateTotpSecret(20), secret);
  assert.throws(() => generateTotpSecret(8), AppError);
  assert.throws(() => generateTotpSecret(65), AppError);
  // A generated secret works end to end.
  const token = computeTotp(secret, SIX, NOW);
  assert.equal(verifyTotp({ secret, token, options: SIX, nowMs: NOW }).valid, true);
});

test("otpauth URI carries every parameter, encoded", () => {
  const uri = totpUri({
    issuer: "Acme Mail",
    accountName: "john+x@example.com",
    secret: SECRET,
    algorithm: "SHA256",
    digits: 8,
    period: 60,
  });
  assert.equal(
    uri,
    `otpauth://totp/Acme%20Mail:john%2Bx%40example.com?secret=${SECRET}&issuer=Acme%20Mail&algorithm=SHA256&digits=8&period=60`,
  );
  const parsed = new URL(uri);
  assert.equal(parsed.protocol, "otpauth:");
  assert.equal(parsed.searchParams.get("issuer"), "Acme Mail");
  assert.equal(parsed.searchParams.get("secret"), SECRET);
  assert.throws(() => totpUri({ issuer: "A:B", accountName: "x@y", secret: SECRET, ...SIX }), AppError);
  assert.throws(() => totpUri({ issuer: "Acme", accountName: "a:b", secret: SECRET, ...SIX }), AppError);
  assert.throws(() => totpUri({ issuer: "Acme", accountName: "x@y", secret: "abc&x=1", ...SIX }), AppError);
});

test("options default to SHA1 / 6 / 30 / 20 bytes and accept CLI strings", () => {
  assert.deepEqual(parseTotpOptions({}), { algorithm: "SHA1", digits: 6, period: 30, secretLength: 20 });
  assert.deepEqual(parseTotpOptions({ algorithm: "sha512", digits: "8", period: "60", secretLength: "32" }), {
    algorithm: "SHA512",
    digits: 8,
    period: 60,
    secretLength: 32,
  });
  assert.equal(parseTotpOptions({ algorithm: "Sha256" }).algorithm, "SHA256");
  assert.equal(parseTotpOptions({ secretLength: 16 }).secretLength, 16);
  assert.equal(parseTotpOptions({ secretLength: 64 }).secretLength, 64);
});

test("invalid options throw invalid_input naming each field", () => {
  const fieldsOf = (raw: Parameters<typeof parseTotpOptions>[0]) => {
    try {
      parseTotpOptions(raw);
    } catch (error) {
      assert.ok(error instanceof AppError);
      assert.equal(error.code, "invalid_input");
      return error;
    }
    assert.fail(`expected ${JSON.stringify(raw)} to be refused`);
  };
  assert.deepEqual(Object.keys(fieldsOf({ algorithm: "MD5" }).fieldErrors ?? {}), ["algorithm"]);
  assert.match(fieldsOf({ digits: 10 }).message, /6 or 8.*10-digit codes are not supported/);
  assert.match(fieldsOf({ digits: "7" }).message, /Digits must be 6 or 8/);
  assert.match(fieldsOf({ period: 45 }).message, /30 or 60/);
  for (const secretLength of [15, 65, "20.5", -20, "abc", 1.5]) {
    assert.deepEqual(Object.keys(fieldsOf({ secretLength }).fieldErrors ?? {}), ["secretLength"]);
  }
  const all = fieldsOf({ algorithm: "x", digits: 5, period: 10, secretLength: 1 });
  assert.deepEqual(Object.keys(all.fieldErrors ?? {}).sort(), ["algorithm", "digits", "period", "secretLength"]);
});
