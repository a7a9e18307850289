import { z } from "zod";
import { MAX_CREDENTIAL_LABEL } from "@/lib/credentials/credential-rules";

// Input schemas shared by the portal's and the console's credential actions. The label's real
// limit is enforced by the lib (in characters); this cap only stops oversize input early.
export const credentialLabelInput = z
  .string()
  .max(MAX_CREDENTIAL_LABEL * 4, `Use at most ${MAX_CREDENTIAL_LABEL} characters for the label.`);

/** A checkbox group: one ticked box arrives as a string, several as an array. */
export const serviceListInput = z
  .union([z.string().max(40), z.array(z.string().max(40)).max(20)])
  .optional()
  .transform((v) => (v === undefined ? [] : typeof v === "string" ? [v] : v));
