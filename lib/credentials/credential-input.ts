import { z } from "zod";
import { MAX_CREDENTIAL_LABEL } from "@/lib/credentials/credential-rules";
import { messageKey } from "@/lib/i18n/message-key";

// Input schemas shared by the portal's and the console's credential actions. The label's real
// limit is enforced by the lib (in characters); this cap only stops oversize input early.
export const credentialLabelInput = z
  .string()
  .max(MAX_CREDENTIAL_LABEL * 4, messageKey("validation.credentials.labelTooLong", { max: MAX_CREDENTIAL_LABEL }));

/** A checkbox group: one ticked box arrives as a string, several as an array. */
export const serviceListInput = z
  .union([z.string().max(40), z.array(z.string().max(40)).max(20)])
  .optional()
  .transform((v) => (v === undefined ? [] : typeof v === "string" ? [v] : v));
