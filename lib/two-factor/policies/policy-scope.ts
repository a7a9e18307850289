import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { messageKey } from "@/lib/i18n/message-key";
import { GLOBAL_SCOPE, type PolicyTarget } from "@/lib/two-factor/policies/policy-values";
import { domainNameField } from "@/lib/validation/fields";

/** A policy target looked up in the database: the AuthPolicy.scope value and what to call it. */
export type ResolvedScope = { scope: string; domainId: string | null; label: string };

/** Turns `{ scope: "global" }` or `{ domain: name }` into a scope; an unknown domain is a clear error. */
export async function resolvePolicyScope(tx: Tx, target: PolicyTarget): Promise<ResolvedScope> {
  if ("scope" in target) {
    if (target.scope !== GLOBAL_SCOPE)
      throw new AppError("invalid_input", messageKey("errors.admin.scopeInvalid"), {
        scope: [messageKey("validation.admin.scopeInvalid")],
      });
    return { scope: GLOBAL_SCOPE, domainId: null, label: GLOBAL_SCOPE };
  }
  const raw = typeof target.domain === "string" ? target.domain : "";
  const name = domainNameField.safeParse(raw);
  if (!name.success) {
    throw new AppError("invalid_input", messageKey("errors.admin.notADomain", { name: raw.slice(0, 60) }), {
      domain: [messageKey("validation.domainInvalid")],
    });
  }
  const domain = await tx.domain.findUnique({ where: { name: name.data }, select: { id: true, name: true } });
  if (!domain)
    throw new AppError("not_found", messageKey("errors.admin.domainMissing", { domain: name.data }), {
      domain: [messageKey("validation.admin.noSuchDomain")],
    });
  return { scope: domain.id, domainId: domain.id, label: domain.name };
}
