import { AppError } from "@/lib/errors";
import { messageKey } from "@/lib/i18n/message-key";
import { MAX_METADATA_BYTES } from "@/lib/saml/parse-idp-metadata";

// Downloads an IdP's metadata for import and the scheduled refresh. https only, unless the admin
// ticked "allow unsecure" (Carbonio's allow_unsecure) for a test IdP; bounded in time and size.

const TIMEOUT_MS = 10_000;

function refused(message: string): AppError {
  return new AppError("invalid_input", message, { url: [message] });
}
const invalidUrl = () => refused(messageKey("errors.saml.metadataUrlInvalid"));
const unsecureUrl = () => refused(messageKey("errors.saml.metadataUrlUnsecure"));
const fetchFailed = () => refused(messageKey("errors.saml.metadataFetchFailed"));

export function checkMetadataUrl(raw: string, allowUnsecure: boolean): URL {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw invalidUrl();
  }
  if (raw.length > 2048 || (url.protocol !== "https:" && url.protocol !== "http:") || url.username || url.password) {
    throw invalidUrl();
  }
  if (url.protocol === "http:" && !allowUnsecure) throw unsecureUrl();
  return url;
}

export async function fetchIdpMetadata(raw: string, allowUnsecure: boolean): Promise<string> {
  const url = checkMetadataUrl(raw, allowUnsecure);
  let response: Response;
  try {
    // Redirects are not followed: a redirect could leave https behind.
    response = await fetch(url, {
      redirect: "manual",
      signal: AbortSignal.timeout(TIMEOUT_MS),
      headers: { accept: "application/samlmetadata+xml, application/xml, text/xml" },
    });
  } catch {
    throw fetchFailed();
  }
  if (!response.ok || !response.body) throw fetchFailed();
  const reader = response.body.getReader();
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for (let part = await reader.read(); !part.done; part = await reader.read()) {
      size += part.value.byteLength;
      if (size > MAX_METADATA_BYTES) throw fetchFailed();
      chunks.push(Buffer.from(part.value));
    }
  } catch (e) {
    await reader.cancel().catch(() => {});
    throw e instanceof AppError ? e : fetchFailed();
  }
  return Buffer.concat(chunks).toString("utf8");
}
