"use client";
import { setPolicyAction } from "@/lib/actions/admin/policies";
import { useActionForm } from "@/components/forms/use-action-form";
import { SubmitButton } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { FormMessage } from "@/components/ui/form-message";
import { Field } from "@/components/ui/input";
import type { PolicyListEntry } from "@/lib/two-factor/policies/list-policies";
import { POLICY_WORDS, TWO_FACTOR_POLICIES, type TwoFactorPolicy } from "@/lib/two-factor/policies/policy-values";

const EXPLAIN: Record<TwoFactorPolicy, string> = {
  0: "The password alone signs in. Users who enrolled a device are still asked for it on web sign-in.",
  1: "A code is needed, except from the trusted IP ranges below or an address the user chose to trust.",
  2: "A code is needed, except on a device the user chose to trust.",
};

/** Edits one service's policy at one scope (global or a domain). */
export function PolicyForm({ entry, scope }: { entry: PolicyListEntry; scope: { global: true } | { domain: string } }) {
  const where = "domain" in scope ? `domain ${scope.domain}` : "global";
  const {
    state,
    formProps,
    fieldErrors: errors,
    formError,
    values: echo,
  } = useActionForm(setPolicyAction, {
    refresh: true,
    toast: (saved) => `${saved.service} policy saved (${where}).`,
  });
  const refused = !!state && !state.ok;
  const current = entry.explicit ?? entry.applies;
  const policy = echo.twoFactorPolicy ?? String(current.twoFactorPolicy);
  const ipCanChange = refused ? echo.ipCanChange === "on" : current.ipCanChange;

  return (
    <form {...formProps} className="max-w-2xl space-y-5" noValidate aria-labelledby="policy-form-title">
      <div>
        <h3 id="policy-form-title" className="text-base font-semibold">
          Edit policy: {entry.service}, {where}
        </h3>
        {"domain" in scope && !entry.explicit && (
          <p className="mt-1 text-sm text-muted">This domain follows the {entry.applies.source} policy now; saving gives it its own.</p>
        )}
      </div>
      <FormMessage tone="error" message={formError} />
      <input type="hidden" name="service" value={entry.service} />
      <input type="hidden" name="scope" value={"domain" in scope ? scope.domain : "global"} />
      <fieldset className="space-y-2" aria-describedby={errors?.twoFactorPolicy ? "policy-choice-error" : undefined}>
        <legend className="mb-1 text-sm font-medium">Second factor</legend>
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
                {p}: {POLICY_WORDS[p]}
              </span>
              <span className="block text-muted">{EXPLAIN[p]}</span>
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
        label="Trusted IP ranges"
        defaultValue={echo.trustedIpRanges ?? current.trustedIpRanges.join(", ")}
        hint="Comma-separated IPv4 or IPv6 networks, such as 10.0.0.0/8, 2001:db8::/32. Leave empty for none."
        maxLength={7000}
        autoComplete="off"
        spellCheck={false}
        error={errors?.trustedIpRanges}
      />
      <Checkbox
        name="ipCanChange"
        label="IP may change: a trusted device stays trusted when its IP address changes"
        defaultChecked={ipCanChange}
        error={errors?.ipCanChange}
      />
      <SubmitButton pendingLabel="Saving…">Save policy</SubmitButton>
    </form>
  );
}
