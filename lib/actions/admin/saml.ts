"use server";
import { z } from "zod";
import { defineAction } from "@/lib/actions/safe-action";
import { AppError } from "@/lib/errors";
import { messageKey } from "@/lib/i18n/message-key";
import { generateSpCertificate } from "@/lib/saml/generate-sp-certificate";
import { getSamlConfig } from "@/lib/saml/get-saml-config";
import { importSamlConfig } from "@/lib/saml/import-saml-config";
import { refreshIdpMetadata } from "@/lib/saml/refresh-idp-metadata";
import { MAX_SAML_UPLOAD_BYTES } from "@/lib/saml/saml-upload-limit";
import { deleteSamlKey, updateSamlKey } from "@/lib/saml/update-saml-key";
import { domainNameField } from "@/lib/validation/fields";

// The admin console's SAML page (app/(admin)/admin/domains/[domain]/saml): each action hands the
// form's values to the lib/saml operation the CLI uses too, with the admin as the audited actor.

const tooLong = (max: number) => messageKey("validation.tooLong", { max });
const domain = domainNameField;
const keyName = z.string().trim().min(1).max(80, tooLong(80));
/** An optional text field of the certificate form: empty means "not given". */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, tooLong(max))
    .optional()
    .transform((v) => (v ? v : undefined));

export const importSamlMetadataUrlAction = defineAction(
  {
    name: "admin.saml.importUrl",
    access: "admin",
    input: z.object({
      domain,
      url: z.string().trim().min(1, messageKey("errors.saml.metadataUrlInvalid")).max(2048, tooLong(2048)),
      // A checkbox: present ("on") when ticked.
      allowUnsecure: z
        .literal("on")
        .optional()
        .transform((v) => v === "on"),
    }),
  },
  async ({ domain, url, allowUnsecure }, ctx) => importSamlConfig(domain, { url, allowUnsecure }, ctx.actor),
);

/** A saml.json or IdP metadata XML file, read as text in the browser (capped there and here). */
export const importSamlFileAction = defineAction(
  {
    name: "admin.saml.importFile",
    access: "admin",
    input: z.object({
      domain,
      file: z
        .string()
        .min(1, messageKey("errors.saml.unreadableFile"))
        .max(MAX_SAML_UPLOAD_BYTES, messageKey("admin.saml.import.fileTooLarge", { max: MAX_SAML_UPLOAD_BYTES / 1024 })),
    }),
  },
  async ({ domain, file }, ctx) => importSamlConfig(domain, { file }, ctx.actor),
);

export const refreshSamlMetadataAction = defineAction(
  { name: "admin.saml.refresh", access: "admin", input: z.object({ domain }) },
  async ({ domain }, ctx) => refreshIdpMetadata(domain, ctx.actor),
);

export const generateSamlCertificateAction = defineAction(
  {
    name: "admin.saml.generate",
    access: "admin",
    input: z.object({
      domain,
      days: z
        .string()
        .trim()
        .max(6)
        .regex(/^\d+$/, messageKey("errors.saml.certificateDays", { max: 3650 }))
        .transform(Number),
      country: optionalText(2),
      state: optionalText(64),
      location: optionalText(64),
      organization: optionalText(64),
      organizationalUnit: optionalText(64),
      digest: z.enum(["SHA256", "SHA512"], messageKey("errors.saml.certificateDigest")),
      encryption: z.enum(["RSA:2048", "RSA:4096"], messageKey("errors.saml.certificateKeySize")),
    }),
  },
  async ({ domain, ...request }, ctx) => {
    const result = await generateSpCertificate(domain, request, ctx.actor);
    return { domain: result.domain, notAfter: result.notAfter.toISOString() };
  },
);

export const updateSamlKeyAction = defineAction(
  {
    name: "admin.saml.updateKey",
    access: "admin",
    // Certificates may hold several PEM blocks; updateSamlKey checks each value's own limit.
    input: z.object({ domain, key: keyName, value: z.string().max(96 * 1024, tooLong(96 * 1024)) }),
  },
  async ({ domain, key, value }, ctx) => updateSamlKey(domain, key, value, ctx.actor),
);

export const deleteSamlKeyAction = defineAction(
  { name: "admin.saml.deleteKey", access: "admin", input: z.object({ domain, key: keyName }) },
  async ({ domain, key }, ctx) => deleteSamlKey(domain, key, ctx.actor),
);

const samlJson = (settings: object) => JSON.stringify(settings, null, 2) + "\n";

/** saml.json without the SP private key: safe to hand to whoever edits it. */
export const exportSamlConfigAction = defineAction(
  { name: "admin.saml.export", access: "admin", input: z.object({ domain }) },
  async ({ domain }, ctx) => {
    const view = await getSamlConfig(domain, {}, ctx.actor);
    return { fileName: `saml-${view.domain}.json`, content: samlJson(view.settings) };
  },
);

/**
 * saml.json with the SP private key (as `saml get D export_to PATH` writes it, so it imports back
 * elsewhere): needs a fresh proof, and getSamlConfig audits the read in its transaction.
 */
export const exportSamlPrivateKeyAction = defineAction(
  { name: "admin.saml.exportPrivateKey", access: "admin", freshProof: true, input: z.object({ domain }) },
  async ({ domain }, ctx) => {
    const view = await getSamlConfig(domain, { withPrivateKey: true }, ctx.actor);
    if (!view.hasPrivateKey) throw new AppError("not_found", messageKey("errors.saml.noPrivateKey"));
    return { fileName: `saml-${view.domain}-with-private-key.json`, content: samlJson(view.settings) };
  },
);
