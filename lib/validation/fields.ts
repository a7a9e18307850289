import { z } from "zod";
import { PASSWORD_MAX } from "@/lib/passwords/password-policy";

// Field schemas shared by forms, route handlers and the CLI. Every field is length-capped so
// oversize input is refused before any work.
export const emailField = z
  .string()
  .trim()
  .max(254, "Use at most 254 characters.")
  .toLowerCase()
  .pipe(z.email("Enter an email address such as name@example.com."));

export const domainNameField = z
  .string()
  .trim()
  .toLowerCase()
  .max(253, "Use at most 253 characters.")
  .regex(
    /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/,
    "Enter a domain name such as example.com.",
  );

export const displayNameField = z.string().trim().max(128, "Use at most 128 characters.");

/** A password as typed: not trimmed, not case-folded; policy is checked separately. */
export const passwordField = z.string().min(1, "Enter a password.").max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters.`);

export const idField = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, "Invalid id.");

export const roleField = z.enum(["admin", "user"]);

/** A checkbox: present ("on") when ticked, absent otherwise; booleans are accepted for direct calls. */
export const checkboxField = z
  .union([z.boolean(), z.literal("on"), z.literal("true"), z.literal("false")])
  .optional()
  .transform((v) => v === true || v === "on" || v === "true");
