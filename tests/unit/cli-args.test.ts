import { test } from "node:test";
import assert from "node:assert/strict";
import { MAX_ARG_LENGTH, UsageError, parseArgs } from "@/cli/args";

const credentialAdd = {
  positionals: ["account"],
  options: {
    password: { type: "string", keyValue: true },
    label: { type: "string", keyValue: true },
    service: { type: "string", keyValue: true, aliases: ["services"] },
    qrcode: { type: "boolean", keyValue: true },
    passwordStdin: { type: "boolean" },
    admin: { type: "boolean" },
  },
} as const;

const policySet = {
  positionals: ["service", "scope"],
  optionalPositionals: ["domain"],
  options: {
    "2fa_policy": { type: "int", keyValue: true },
    trustedIpRange: { type: "string", keyValue: true },
    ip_can_change: { type: "boolean", keyValue: true },
  },
} as const;

const totpGenerate = {
  positionals: ["account"],
  options: {
    digits_length: { type: "int", keyValue: true },
    static_code: { type: "int", keyValue: true },
    label_prefix: { type: "string", keyValue: true },
    period: { type: "int" },
  },
} as const;

test("Carbonio style: positional then key value pairs", () => {
  const r = parseArgs(["john@example.com", "label", "Phone", "service", "imap,pop3", "qrcode", "true"], credentialAdd);
  assert.deepEqual(r.positionals, { account: "john@example.com" });
  assert.deepEqual(r.options, { label: "Phone", service: "imap,pop3", qrcode: true });
});

test("flags: --name value, --name=value, booleans, --no-x", () => {
  const r = parseArgs(
    ["--label", "My Phone", "--service=imap,pop3", "--json", "--password-stdin", "john@example.com", "--no-admin"],
    credentialAdd,
  );
  assert.deepEqual(r.positionals, { account: "john@example.com" });
  assert.deepEqual(r.options, { label: "My Phone", service: "imap,pop3", json: true, passwordStdin: true, admin: false });
  assert.deepEqual(parseArgs(["a@b.c", "--qrcode", "false"], credentialAdd).options, { qrcode: false });
  assert.deepEqual(parseArgs(["a@b.c", "--qrcode=no", "--admin=1"], credentialAdd).options, { qrcode: false, admin: true });
  assert.deepEqual(parseArgs(["--label=a=b", "x"], credentialAdd).options, { label: "a=b" });
});

test("mixed styles, aliases and --help", () => {
  const r = parseArgs(["--json", "john@example.com", "services", "EAS", "--label=Car", "qrcode", "YES"], credentialAdd);
  assert.deepEqual(r.options, { json: true, service: "EAS", label: "Car", qrcode: true });
  assert.deepEqual(parseArgs(["--help"], credentialAdd), { positionals: {}, options: { help: true } });
  assert.deepEqual(parseArgs(["-h"], credentialAdd).options, { help: true });
});

test("keys are case-, underscore-, hyphen- and camelCase-insensitive", () => {
  const r = parseArgs(
    ["IMAP", "domain", "example.com", "2FA_POLICY", "2", "trusted_ip_range", "10.0.0.0/8", "IpCanChange", "0"],
    policySet,
  );
  assert.deepEqual(r.positionals, { service: "IMAP", scope: "domain", domain: "example.com" });
  assert.deepEqual(r.options, { "2fa_policy": 2, trustedIpRange: "10.0.0.0/8", ip_can_change: false });
  const flags = parseArgs(["Smtp", "global", "--2fa-policy", "1", "--trusted-ip-range=1.2.3.4/32", "--ip-can-change"], policySet);
  assert.deepEqual(flags.options, { "2fa_policy": 1, trustedIpRange: "1.2.3.4/32", ip_can_change: true });
  assert.equal(flags.positionals.domain, undefined);
  const totp = parseArgs(["a@b.c", "digitsLength", "8", "static-code", "12", "LABEL_PREFIX", "Work", "--period", "60"], totpGenerate);
  assert.deepEqual(totp.options, { digits_length: 8, static_code: 12, label_prefix: "Work", period: 60 });
});

test("a word equal to a key is a positional until the required ones are filled; `--` ends options", () => {
  assert.deepEqual(parseArgs(["label", "label", "x"], credentialAdd), { positionals: { account: "label" }, options: { label: "x" } });
  assert.deepEqual(parseArgs(["--", "--json"], credentialAdd), { positionals: { account: "--json" }, options: {} });
  // A key's value is taken verbatim, even when it is itself a key name.
  assert.deepEqual(parseArgs(["a@b.c", "label", "service"], credentialAdd).options, { label: "service" });
});

function usage(argv: string[], spec: Parameters<typeof parseArgs>[1], message: RegExp) {
  assert.throws(
    () => parseArgs(argv, spec),
    (e: unknown) => e instanceof UsageError && message.test(e.message) && !e.message.includes("\n"),
  );
}

test("errors are UsageError with one clear line", () => {
  usage(["a@b.c", "--colour", "red"], credentialAdd, /^Unknown option --colour\.$/);
  usage(["a@b.c", "--label"], credentialAdd, /^--label needs a value\.$/);
  usage(["a@b.c", "--label", "--json"], credentialAdd, /^--label needs a value\.$/);
  usage(["a@b.c", "label"], credentialAdd, /^label needs a value\.$/);
  usage([], credentialAdd, /^Missing <account>\.$/);
  usage(["IMAP"], policySet, /^Missing <scope>\.$/);
  usage(["a@b.c", "extra"], credentialAdd, /^Unexpected argument "extra"\.$/);
  usage(["a@b.c", "period", "30"], totpGenerate, /^Unexpected argument "period"\.$/); // flag-only option
  usage(["a@b.c", "digits_length", "six"], totpGenerate, /^digits_length must be a whole number, not "six"\.$/);
  usage(["a@b.c", "digits_length", "6.5"], totpGenerate, /whole number/);
  usage(["a@b.c", "digits_length", "99999999999999999"], totpGenerate, /whole number/);
  usage(["a@b.c", "qrcode", "maybe"], credentialAdd, /^qrcode must be true or false, not "maybe"\.$/);
  usage(["a@b.c", "label", "x", "--label", "y"], credentialAdd, /^label was given more than once\.$/);
  usage(["a@b.c", "label", "x".repeat(MAX_ARG_LENGTH + 1)], credentialAdd, /longer than 4096/);
  usage(["x".repeat(5000)], credentialAdd, /longer than 4096/);
  assert.equal(parseArgs(["a@b.c", "label", "x".repeat(MAX_ARG_LENGTH)], credentialAdd).options.label?.length, 4096);
});
