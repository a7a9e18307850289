import { z } from "zod";
import { messageKey } from "@/lib/i18n/message-key";
import { PASSWORD_MAX } from "@/lib/passwords/password-policy";

// Field schemas shared by forms, route handlers and the CLI. Every field is length-capped so
// oversize input is refused before any work. Messages are message keys, answered in the
// request's language by the guard (lib/actions/run-guarded.ts).
const tooLong = (max: number) => messageKey("validation.tooLong", { max });
export const emailField = z
  .string()
  .trim()
  .max(254, tooLong(254))
  .toLowerCase()
  .pipe(z.email(messageKey("validation.emailInvalid")));

export const domainNameField = z
  .string()
  .trim()
  .toLowerCase()
  .max(253, tooLong(253))
  .regex(/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/, messageKey("validation.domainInvalid"));

export const displayNameField = z.string().trim().max(128, tooLong(128));

/** A password as typed: not trimmed, not case-folded; policy is checked separately. */
/**
 * The address typed at sign-in: required, at most 254 characters, not checked as an address (an
 * unknown or misspelt one is refused like a wrong password, saying nothing about accounts).
 */
export const signInAddressField = z.string().trim().min(1, messageKey("validation.emailRequired")).max(254, tooLong(254));

export const passwordField = z.string().min(1, messageKey("validation.passwordRequired")).max(PASSWORD_MAX, tooLong(PASSWORD_MAX));

export const idField = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, messageKey("validation.idInvalid"));

export const roleField = z.enum(["admin", "user"]);

/** A checkbox: present ("on") when ticked, absent otherwise; booleans are accepted for direct calls. */
export const checkboxField = z
  .union([z.boolean(), z.literal("on"), z.literal("true"), z.literal("false")])
  .optional()
  .transform((v) => v === true || v === "on" || v === "true");
