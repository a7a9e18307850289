import { cliActor, defineCommand, formatTable, keepCredentialsOption, revocationText } from "@/cli/command";
import { deleteTotpDevice } from "@/lib/two-factor/devices/delete-totp-device";
import { listTotpDevices } from "@/lib/two-factor/devices/list-totp-devices";
import { provisionTotpDevice } from "@/lib/two-factor/devices/provision-totp-device";
import { resetTwoFactor } from "@/lib/two-factor/requirements/reset-two-factor";
import { findUser } from "@/lib/users/find-user";

// `gatehouse auth totp generate|list|delete`, as Carbonio's `carbonio auth totp …`, and the admin's
// `auth twoFactor reset` for a user who lost their authenticator.

export const totpCommands = [
  defineCommand({
    path: ["auth", "totp", "generate"],
    summary: "create an enabled TOTP device for an account; prints the otpauth URI, secret and recovery codes once",
    usage:
      "gatehouse auth totp generate <account> [algorithm SHA1|SHA256|SHA512] [digits_length 6|8] [period 30|60] [secret_length 16-64] [static_code 0-12] [label_prefix L] [label L] [--json]",
    spec: {
      positionals: ["account"],
      options: {
        algorithm: { type: "string", keyValue: true },
        digitsLength: { type: "int", keyValue: true, aliases: ["digits"] },
        period: { type: "int", keyValue: true },
        secretLength: { type: "int", keyValue: true },
        staticCode: { type: "int", keyValue: true, aliases: ["static_codes"] },
        labelPrefix: { type: "string", keyValue: true },
        label: { type: "string", keyValue: true },
      },
    },
    run: async ({ positionals, options }) =>
      provisionTotpDevice(
        positionals.account,
        {
          label: options.label,
          labelPrefix: options.labelPrefix,
          recoveryCodeCount: options.staticCode,
          options: {
            algorithm: options.algorithm,
            digits: options.digitsLength,
            period: options.period,
            secretLength: options.secretLength,
          },
        },
        cliActor(),
      ),
    text: (r) =>
      [
        `TOTP device "${r.label}" created and enabled for ${r.account} (id ${r.deviceId})`,
        `uri: ${r.uri}`,
        `secret: ${r.secret}`,
        `algorithm ${r.options.algorithm}, ${r.options.digits} digits, every ${r.options.period} s`,
        ...(r.recoveryCodes.length > 0
          ? ["recovery codes (each works once; they replace any earlier ones):", ...r.recoveryCodes.map((c) => `  ${c}`)]
          : ["recovery codes: none issued (the account's earlier codes, if any, still work)"]),
        "The secret and codes are not shown again.",
      ].join("\n"),
  }),
  defineCommand({
    path: ["auth", "totp", "list"],
    summary: "list an account's TOTP devices (never their secrets) and how many recovery codes are left",
    usage: "gatehouse auth totp list <account> [--json]",
    spec: { positionals: ["account"], options: {} },
    async run({ positionals }) {
      const user = await findUser(positionals.account);
      return { account: user.email, ...(await listTotpDevices(user.id)) };
    },
    text: (r) =>
      `${formatTable(r.devices, ["id", "label", "enabled", "algorithm", "digits", "period", "failedAttempts", "createdAt", "lastUsedAt"])}\n` +
      `recovery codes: ${r.recoveryCodes.unused} of ${r.recoveryCodes.total} unused`,
  }),
  defineCommand({
    path: ["auth", "totp", "delete"],
    summary: "delete one TOTP device of an account (the last one takes the recovery codes and trusted devices with it)",
    usage: "gatehouse auth totp delete <account> <id> [--json]",
    spec: { positionals: ["account", "id"], options: {} },
    async run({ positionals }) {
      const user = await findUser(positionals.account);
      const deleted = await deleteTotpDevice(user.id, positionals.id.slice(0, 64), cliActor());
      return { account: user.email, ...deleted };
    },
    text: (r) =>
      `deleted TOTP device "${r.label}" (${r.id}) of ${r.account}` +
      (r.recoveryCodesDeleted > 0 ? `; it was the last one, so its ${r.recoveryCodesDeleted} recovery codes were deleted too` : "") +
      (r.trustedDevicesForgotten > 0 ? `; ${r.trustedDevicesForgotten} trusted device(s) were forgotten` : ""),
  }),
  defineCommand({
    path: ["auth", "twoFactor", "reset"],
    summary:
      "reset an account's two-step sign-in: deletes every TOTP device, passkey and recovery code, signs the user out everywhere, forgets their trusted devices and revokes their credentials unless kept",
    usage: "gatehouse auth twoFactor reset <account> [--keep-credentials | keep_credentials true] [--json]",
    spec: { positionals: ["account"], options: { keepCredentials: keepCredentialsOption } },
    async run({ positionals, options }) {
      const user = await findUser(positionals.account);
      const keepCredentials = !!options.keepCredentials;
      const { devices, recoveryCodes, passkeys, ...revoked } = await resetTwoFactor(user.id, cliActor(), { keepCredentials });
      return { account: user.email, devices, passkeys, recoveryCodes, keptCredentials: keepCredentials, revoked };
    },
    text: (r) =>
      `two-step sign-in reset for ${r.account}: deleted ${r.devices} TOTP devices, ${r.passkeys} passkeys and ${r.recoveryCodes} recovery codes, ` +
      revocationText(r.revoked, r.keptCredentials),
  }),
];
