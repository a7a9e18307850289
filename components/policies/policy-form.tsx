"use client";
import { useTranslations } from "next-intl";
import { setPolicyAction } from "@/lib/actions/admin/policies";
import { useActionForm } from "@/components/forms/use-action-form";
import { SubmitButton } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { FormMessage } from "@/components/ui/form-message";
import { Field } from "@/components/ui/input";
import type { PolicyListEntry } from "@/lib/two-factor/policies/list-policies";
import { usePolicyWords } from "@/components/policies/policy-summary";
import { TWO_FACTOR_POLICIES } from "@/lib/two-factor/policies/policy-values";

/** Edits one service's policy at one scope (global or a domain). */
export function PolicyForm({ entry, scope }: { entry: PolicyListEntry; scope: { global: true } | { domain: string } }) {
  const t = useTranslations("policies.form");
  const words = usePolicyWords();
  const explain = { 0: t("explainNone"), 1: t("explainIp"), 2: t("explainDevice") };
  const where = "domain" in scope ? t("whereDomain", { domain: scope.domain }) : t("whereGlobal");
  const {
    state,
    formProps,
    fieldErrors: errors,
    formError,
    values: echo,
  } = useActionForm(setPolicyAction, {
    refresh: true,
    toast: (saved) => t("saved", { service: saved.service, where }),
  });
  const refused = !!state && !state.ok;
  const current = entry.explicit ?? entry.applies;
  const policy = echo.twoFactorPolicy ?? String(current.twoFactorPolicy);
  const ipCanChange = refused ? echo.ipCanChange === "on" : current.ipCanChange;

  return (
    <form {...formProps} className="max-w-2xl space-y-5" noValidate aria-labelledby="policy-form-title">
      <div>
        <h3 id="policy-form-title" className="text-base font-semibold">
          {t("title", { service: entry.service, where })}
        </h3>
        {"domain" in scope && !entry.explicit && (
          <p className="mt-1 text-sm text-muted">{entry.applies.source === "global" ? t("followsGlobal") : t("followsDefault")}</p>
        )}
      </div>
      <FormMessage tone="error" message={formError} />
      <input type="hidden" name="service" value={entry.service} />
      <input type="hidden" name="scope" value={"domain" in scope ? scope.domain : "global"} />
      <fieldset className="space-y-2" aria-describedby={errors?.twoFactorPolicy ? "policy-choice-error" : undefined}>
        <legend className="mb-1 text-sm font-medium">{t("secondFactor")}</legend>
        {TWO_FACTOR_POLICIES.map((p) => (
          <label
            key={p}
            className="flex cursor-pointer items-start gap-2.5 rounded-md border border-line p-3 text-sm has-[:checked]:border-accent"
          >
            <input
              type="radio"
              name="twoFactorPolicy"
              value={String(p)}
              defaultChecked={policy === String(p)}
              className="mt-0.5 size-4 shrink-0 accent-accent"
            />
            <span>
              <span className="block font-medium">
                {p}: {words[p]}
              </span>
              <span className="block text-muted">{explain[p]}</span>
            </span>
          </label>
        ))}
        {errors?.twoFactorPolicy && (
          <p id="policy-choice-error" className="text-sm font-medium text-danger">
            {errors.twoFactorPolicy.join(" ")}
          </p>
        )}
      </fieldset>
      <Field
        name="trustedIpRanges"
        label={t("trustedRanges")}
        defaultValue={echo.trustedIpRanges ?? current.trustedIpRanges.join(", ")}
        hint={t("trustedRangesHint")}
        maxLength={7000}
        autoComplete="off"
        spellCheck={false}
        error={errors?.trustedIpRanges}
      />
      <Checkbox name="ipCanChange" label={t("ipCanChange")} defaultChecked={ipCanChange} error={errors?.ipCanChange} />
      <SubmitButton pendingLabel={t("saving")}>{t("save")}</SubmitButton>
    </form>
  );
}
