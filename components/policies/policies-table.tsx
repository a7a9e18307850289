"use client";
import { useRouter } from "next/navigation";
import { clearPolicyAction } from "@/lib/actions/admin/policies";
import { PolicySummary } from "@/components/policies/policy-summary";
import type { PolicySelection } from "@/components/policies/policy-console";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/dialog";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/ui/table";
import { useToast } from "@/components/ui/toast";
import type { PolicyList, PolicyListEntry } from "@/lib/two-factor/policies/list-policies";

const ORIGIN = {
  global: {
    global: "Set globally",
    default: "Default",
    domain: "Set globally",
  },
  domain: {
    domain: "Set for this domain",
    global: "Follows global",
    default: "Default",
  },
} as const;

export function PoliciesTable({
  global,
  domain,
  onEdit,
}: {
  global: PolicyList;
  domain: PolicyList | null;
  onEdit: (s: PolicySelection) => void;
}) {
  const router = useRouter();
  const toast = useToast();
  const domainName = domain?.domain ?? null;

  const clear = async (entry: PolicyListEntry, scope: "global" | "domain") => {
    const r = await clearPolicyAction({
      service: entry.service,
      scope: scope === "domain" && domainName ? domainName : "global",
    });
    if (!r.ok) throw new Error(r.error.message);
    toast.success(
      scope === "domain"
        ? `${domainName} follows the global ${entry.service} policy again.`
        : `The global ${entry.service} policy is back to the default.`,
    );
    router.refresh();
  };

  const cell = (entry: PolicyListEntry, scope: "global" | "domain") => {
    const where = scope === "domain" ? `domain ${domainName}` : "global";
    const own = entry.explicit !== null;
    return (
      <Td className="min-w-56">
        <PolicySummary values={entry.applies} origin={ORIGIN[scope][entry.applies.source]} originTone={own ? "success" : "neutral"} />
        <div className="mt-2 flex flex-wrap gap-2">
          <Button
            size="sm"
            variant="secondary"
            aria-label={`Edit ${entry.service} policy, ${where}`}
            onClick={() => onEdit({ service: entry.service, scope })}
          >
            Edit
          </Button>
          {own && (
            <ConfirmButton
              size="sm"
              variant="ghost"
              title={
                scope === "domain"
                  ? `Use the global ${entry.service} policy for ${domainName}?`
                  : `Reset the global ${entry.service} policy?`
              }
              description={
                scope === "domain"
                  ? "The domain's own setting is removed; its accounts get the global policy."
                  : "Domains without their own setting fall back to the default: no second factor."
              }
              confirmLabel={scope === "domain" ? "Use global" : "Reset to default"}
              aria-label={
                scope === "domain" ? `Use the global ${entry.service} policy for ${domainName}` : `Reset the global ${entry.service} policy`
              }
              onConfirm={() => clear(entry, scope)}
            >
              {scope === "domain" ? "Use global" : "Reset"}
            </ConfirmButton>
          )}
        </div>
      </Td>
    );
  };

  return (
    <Table caption="2FA policy of each service" captionSrOnly>
      <THead>
        <Tr>
          <Th>Service</Th>
          <Th>Global</Th>
          {domainName && <Th>Domain {domainName}</Th>}
        </Tr>
      </THead>
      <TBody>
        {global.policies.map((g) => {
          const d = domain?.policies.find((p) => p.service === g.service);
          return (
            <Tr key={g.service} data-testid={`policy-row-${g.service}`}>
              <th scope="row" className="whitespace-nowrap px-4 py-3 text-left font-semibold text-fg">
                {g.service}
              </th>
              {cell(g, "global")}
              {d && cell(d, "domain")}
            </Tr>
          );
        })}
      </TBody>
    </Table>
  );
}
