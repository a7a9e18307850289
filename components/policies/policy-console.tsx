"use client";
import { useRef, useState } from "react";
import { PoliciesTable, type PolicySelection } from "@/components/policies/policies-table";
import { PolicyForm } from "@/components/policies/policy-form";
import type { PolicyList } from "@/lib/two-factor/policies/list-policies";

/** The services × (global, domain) table and the edit form for the cell chosen in it. */
export function PolicyConsole({ global, domain }: { global: PolicyList; domain: PolicyList | null }) {
  const [selection, setSelection] = useState<PolicySelection>({
    service: "WebUI",
    scope: domain ? "domain" : "global",
  });
  const formRef = useRef<HTMLDivElement>(null);
  // The selection may name a domain that is no longer shown (another domain was picked).
  const scope = selection.scope === "domain" && !domain ? "global" : selection.scope;
  const list = scope === "domain" && domain ? domain : global;
  const entry = list.policies.find((p) => p.service === selection.service) ?? list.policies[0];

  return (
    <div className="space-y-8">
      <PoliciesTable
        global={global}
        domain={domain}
        onEdit={(next) => {
          setSelection(next);
          // Bring the form into view and put the keyboard there, since it may be far below on a phone.
          requestAnimationFrame(() => {
            formRef.current?.scrollIntoView({
              block: "start",
              behavior: "smooth",
            });
            formRef.current?.querySelector<HTMLInputElement>("input[name=twoFactorPolicy]:checked")?.focus();
          });
        }}
      />
      <div ref={formRef}>
        <PolicyForm
          // A new cell, or new values after a save, start the form afresh.
          key={`${entry.service}:${scope}:${JSON.stringify(entry.explicit ?? entry.applies)}`}
          entry={entry}
          scope={scope === "domain" && domain?.domain ? { domain: domain.domain } : { global: true }}
        />
      </div>
    </div>
  );
}
