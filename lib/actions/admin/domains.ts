"use server";
import { z } from "zod";
import { defineAction } from "@/lib/actions/safe-action";
import { createDomain } from "@/lib/domains/create-domain";
import { deleteDomain } from "@/lib/domains/delete-domain";
import { AUTH_LINK_HOURS_MAX, AUTH_LINK_HOURS_MIN } from "@/lib/domains/auth-link-hours";
import { setDomainAuthLinkHours } from "@/lib/domains/set-domain-auth-link-hours";
import { setDomainDefaultLocale } from "@/lib/domains/set-domain-default-locale";
import { SUPPORTED_LOCALES } from "@/lib/i18n/locales";
import { messageKey } from "@/lib/i18n/message-key";
import { domainNameField } from "@/lib/validation/fields";

export const createDomainAction = defineAction(
  { name: "admin.domain.create", access: "admin", input: z.object({ name: domainNameField }) },
  async ({ name }, ctx) => createDomain(name, ctx.actor),
);

export const deleteDomainAction = defineAction(
  { name: "admin.domain.delete", access: "admin", input: z.object({ name: domainNameField }) },
  async ({ name }, ctx) => {
    await deleteDomain(name, ctx.actor);
    return { deleted: name };
  },
);

/** "" in the form: no default of its own (DEFAULT_LOCALE applies). */
export const setDomainDefaultLocaleAction = defineAction(
  {
    name: "admin.domain.defaultLocale",
    access: "admin",
    input: z.object({
      name: domainNameField,
      defaultLocale: z.enum(["", ...SUPPORTED_LOCALES], messageKey("validation.localeInvalid")).transform((v) => (v === "" ? null : v)),
    }),
  },
  async ({ name, defaultLocale }, ctx) => setDomainDefaultLocale(name, defaultLocale, ctx.actor),
);

/** The lifetime of a new temporary auth link for the domain's accounts; the range is checked by the operation. */
export const setDomainAuthLinkHoursAction = defineAction(
  {
    name: "admin.domain.authLinkHours",
    access: "admin",
    input: z.object({
      name: domainNameField,
      authLinkHours: z
        .string()
        .trim()
        .max(6)
        .regex(/^\d+$/, messageKey("errors.admin.authLinkHoursRange", { min: AUTH_LINK_HOURS_MIN, max: AUTH_LINK_HOURS_MAX }))
        .transform(Number),
    }),
  },
  async ({ name, authLinkHours }, ctx) => setDomainAuthLinkHours(name, authLinkHours, ctx.actor),
);
