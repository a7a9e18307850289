import { readFileSync, statSync, writeFileSync } from "node:fs";
import { UsageError } from "@/cli/args";
import { asBadInput, cliActor, defineCommand } from "@/cli/command";
import { AppError } from "@/lib/errors";
import { generateSpCertificate } from "@/lib/saml/generate-sp-certificate";
import { getSamlConfig } from "@/lib/saml/get-saml-config";
import { importSamlConfig } from "@/lib/saml/import-saml-config";
import { MAX_METADATA_BYTES } from "@/lib/saml/parse-idp-metadata";
import { readSamlFile } from "@/lib/saml/read-saml-file";
import { refreshIdpMetadata } from "@/lib/saml/refresh-idp-metadata";
import { deleteSamlKey, updateSamlKey } from "@/lib/saml/update-saml-key";

// `gatehouse auth saml …`, Carbonio's command set (../shared/DESIGN.md). Bad input, from the
// arguments or from the file or URL they name, is a usage error: one line, exit 2, nothing written.

function readInputFile(path: string): string {
  try {
    if (statSync(path).size > MAX_METADATA_BYTES) throw new UsageError(`${path} is larger than ${MAX_METADATA_BYTES} bytes.`);
    return readFileSync(path, "utf8");
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`cannot read ${path}.`);
  }
}

/** The saml.json document: the keys in their usual order, as Carbonio prints it. */
const samlJson = (settings: object) => JSON.stringify(settings, null, 2);

export const samlCommands = [
  defineCommand({
    path: ["auth", "saml", "import"],
    summary: "import a domain's SAML settings from a saml.json or IdP metadata file, or from the IdP's metadata URL",
    usage: "gatehouse auth saml import <domain> [file PATH] [url URL] [allow_unsecure true|false] [--json]",
    spec: {
      positionals: ["domain"],
      options: {
        file: { type: "string", keyValue: true },
        url: { type: "string", keyValue: true },
        allowUnsecure: { type: "boolean", keyValue: true },
      },
    },
    run: ({ positionals, options }) => {
      if ((options.file === undefined) === (options.url === undefined)) throw new UsageError("give either file PATH or url URL.");
      if (options.file !== undefined && options.allowUnsecure !== undefined)
        throw new UsageError("allow_unsecure goes with url, not file.");
      const source =
        options.file !== undefined
          ? { file: readInputFile(options.file) }
          : { url: options.url!, allowUnsecure: options.allowUnsecure ?? false };
      return asBadInput(() => importSamlConfig(positionals.domain, source, cliActor()));
    },
    text: (r) => `imported ${r.kind} into ${r.domain} (${r.keys} keys)${r.metadataUrl ? `; metadata refreshed from ${r.metadataUrl}` : ""}`,
  }),
  defineCommand({
    path: ["auth", "saml", "refresh"],
    summary: "download a domain's IdP metadata again from the URL it was imported from (the server does this daily)",
    usage: "gatehouse auth saml refresh <domain> [--json]",
    spec: { positionals: ["domain"], options: {} },
    async run({ positionals }) {
      const result = await asBadInput(() => refreshIdpMetadata(positionals.domain, cliActor()));
      if (!result.ok) throw new AppError("internal", `metadata refresh failed: ${result.error}`);
      return result;
    },
    text: (r) => `${r.domain}: metadata refreshed, ${r.certificates} IdP certificate(s) accepted`,
  }),
  defineCommand({
    path: ["auth", "saml", "get"],
    summary: "print a domain's SAML settings as saml.json (export_to writes them, with the SP private key, to a file)",
    usage: "gatehouse auth saml get <domain> [key K] [export_to PATH] [--json]",
    spec: { positionals: ["domain"], options: { key: { type: "string", keyValue: true }, exportTo: { type: "string", keyValue: true } } },
    async run({ positionals, options }) {
      if (options.key !== undefined && options.exportTo !== undefined) throw new UsageError("give key or export_to, not both.");
      const exporting = options.exportTo !== undefined;
      const view = await asBadInput(() => getSamlConfig(positionals.domain, { key: options.key, withPrivateKey: exporting }, cliActor()));
      if (exporting) {
        try {
          writeFileSync(options.exportTo!, samlJson(view.settings) + "\n", { mode: 0o600, flag: "wx" });
        } catch {
          throw new UsageError(`cannot write ${options.exportTo} (it must not exist yet).`);
        }
        return {
          domain: view.domain,
          exportedTo: options.exportTo!,
          keys: Object.keys(view.settings).length,
          privateKey: view.hasPrivateKey,
        };
      }
      return view;
    },
    text: (r) =>
      "exportedTo" in r
        ? `exported ${r.keys} keys of ${r.domain} to ${r.exportedTo}${r.privateKey ? " (with the SP private key: keep the file safe)" : ""}`
        : samlJson(r.settings),
  }),
  defineCommand({
    path: ["auth", "saml", "update"],
    summary: "set one saml.json key for a domain",
    usage: "gatehouse auth saml update <domain> <key> <value> [--json]",
    spec: { positionals: ["domain", "key", "value"], options: {} },
    run: ({ positionals }) => asBadInput(() => updateSamlKey(positionals.domain, positionals.key, positionals.value, cliActor())),
    text: (r) => `${r.domain}: ${r.key} updated`,
  }),
  defineCommand({
    path: ["auth", "saml", "delete"],
    summary: "remove one saml.json key from a domain (its default applies again)",
    usage: "gatehouse auth saml delete <domain> <key> [--json]",
    spec: { positionals: ["domain", "key"], options: {} },
    run: ({ positionals }) => asBadInput(() => deleteSamlKey(positionals.domain, positionals.key, cliActor())),
    text: (r) => `${r.domain}: ${r.key} deleted (default applies)`,
  }),
  defineCommand({
    path: ["auth", "saml", "validate"],
    summary: "check a saml.json or IdP metadata file without importing it",
    usage: "gatehouse auth saml validate <file> [--json]",
    spec: { positionals: ["file"], options: {} },
    async run({ positionals }) {
      const file = await asBadInput(async () => readSamlFile(readInputFile(positionals.file)));
      return { file: positionals.file, kind: file.kind, valid: true, keys: Object.keys(file.settings).length + (file.privateKey ? 1 : 0) };
    },
    text: (r) => `${r.file}: a valid ${r.kind} (${r.keys} keys)`,
  }),
  defineCommand({
    path: ["auth", "saml", "generate"],
    summary: "make a new SP key pair and self-signed certificate for a domain",
    usage:
      "gatehouse auth saml generate <domain> [days N] [country C] [state S] [location L] [organization O] [organizationalUnit U] [digest SHA256|SHA512] [encryption RSA:2048|RSA:4096] [--json]",
    spec: {
      positionals: ["domain"],
      options: {
        days: { type: "int", keyValue: true },
        country: { type: "string", keyValue: true },
        state: { type: "string", keyValue: true },
        location: { type: "string", keyValue: true },
        organization: { type: "string", keyValue: true },
        organizationalUnit: { type: "string", keyValue: true },
        digest: { type: "string", keyValue: true },
        encryption: { type: "string", keyValue: true },
      },
    },
    run: ({ positionals, options }) => asBadInput(() => generateSpCertificate(positionals.domain, options, cliActor())),
    text: (r) => `${r.domain}: new SP certificate, valid until ${r.notAfter.toISOString()}\n${r.certificate.trimEnd()}`,
  }),
];
