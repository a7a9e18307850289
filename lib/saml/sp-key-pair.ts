import { createPrivateKey, generateKeyPair, randomBytes, X509Certificate } from "node:crypto";
import { promisify } from "node:util";
import { AppError } from "@/lib/errors";
import { messageKey } from "@/lib/i18n/message-key";

// The SP's signing key pair and self-signed certificate (what `saml generate` makes). Node creates
// the RSA key natively (fast); node-forge builds the certificate, which Node cannot.

export const SP_DIGESTS = ["SHA256", "SHA512"] as const;
export const SP_KEY_SIZES = ["RSA:2048", "RSA:4096"] as const;
export type SpCertificateOptions = {
  commonName: string;
  days: number;
  country?: string;
  state?: string;
  location?: string;
  organization?: string;
  organizationalUnit?: string;
  digest: (typeof SP_DIGESTS)[number];
  encryption: (typeof SP_KEY_SIZES)[number];
};

export async function generateSpKeyPair(
  options: SpCertificateOptions,
  now = new Date(),
): Promise<{ certificate: string; privateKey: string }> {
  const modulusLength = options.encryption === "RSA:4096" ? 4096 : 2048;
  const { publicKey, privateKey } = await promisify(generateKeyPair)("rsa", {
    modulusLength,
    publicKeyEncoding: { type: "spki", format: "pem" },
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
  });
  // Loaded here: the CLI and the server load it only when a key pair is made.
  const { default: forge } = await import("node-forge");
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey);
  // Positive 128-bit serial (leading 01 keeps the high bit clear).
  cert.serialNumber = `01${randomBytes(15).toString("hex")}`;
  cert.validity.notBefore = now;
  cert.validity.notAfter = new Date(now.getTime() + options.days * 86_400_000);
  const subject = [
    { shortName: "CN", value: options.commonName },
    ...(options.country ? [{ shortName: "C", value: options.country }] : []),
    ...(options.state ? [{ shortName: "ST", value: options.state }] : []),
    ...(options.location ? [{ shortName: "L", value: options.location }] : []),
    ...(options.organization ? [{ shortName: "O", value: options.organization }] : []),
    ...(options.organizationalUnit ? [{ shortName: "OU", value: options.organizationalUnit }] : []),
  ];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  const digest = options.digest === "SHA512" ? forge.md.sha512.create() : forge.md.sha256.create();
  cert.sign(forge.pki.privateKeyFromPem(privateKey), digest);
  return { certificate: forge.pki.certificateToPem(cert).replace(/\r\n/g, "\n"), privateKey };
}

/** Normalises an SP private key and checks it belongs to the SP certificate (when there is one). */
export function checkSpPrivateKey(privateKeyPem: string, certificatePem: string): string {
  const invalidKey = () => {
    const message = messageKey("errors.saml.badPrivateKey");
    return new AppError("invalid_input", message, { "sp.privatekey": [message] });
  };
  let key;
  try {
    key = createPrivateKey(
      privateKeyPem.includes("-----BEGIN") ? privateKeyPem : `-----BEGIN PRIVATE KEY-----\n${privateKeyPem}\n-----END PRIVATE KEY-----\n`,
    );
  } catch {
    throw invalidKey();
  }
  if (key.asymmetricKeyType !== "rsa") throw invalidKey();
  if (certificatePem && !new X509Certificate(certificatePem).checkPrivateKey(key)) {
    const message = messageKey("errors.saml.keyCertificateMismatch");
    throw new AppError("invalid_input", message, { "sp.privatekey": [message] });
  }
  return key.export({ type: "pkcs8", format: "pem" }).toString();
}
