"use server";
import { z } from "zod";
import { defineAction } from "@/lib/actions/safe-action";
import { createDomain } from "@/lib/domains/create-domain";
import { deleteDomain } from "@/lib/domains/delete-domain";
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
