"use server";
import { z } from "zod";
import { defineAction } from "@/lib/actions/safe-action";
import { samlSignInOption } from "@/lib/saml/saml-sign-in-option";

/** Email first: whether the typed address's domain signs in with SAML (the answer is per domain, not per account). */
export const lookupSamlSignIn = defineAction(
  { name: "login.saml.lookup", access: "public", input: z.object({ email: z.string().trim().max(254) }) },
  async (input) => ({ saml: await samlSignInOption({ email: input.email }) }),
);
