"use client";
import type { Service } from "@/lib/services/services";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { clearPolicyAction } from "@/lib/actions/admin/policies";
import { PolicySummary } from "@/components/policies/policy-summary";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/dialog";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/ui/table";
import { useToast } from "@/components/ui/toast";

/** The row an admin picked to edit: one service, at the global or the domain level. */
export type PolicySelection = { service: Service; scope: "global" | "domain" };
import type { PolicyList, PolicyListEntry } from "@/lib/two-factor/policies/list-policies";

export function PoliciesTable({
  global,
  domain,
  onEdit,
}: {
  global: PolicyList;
  domain: PolicyList | null;
  onEdit: (s: PolicySelection) => void;
}) {
  const t = useTranslations("policies.table");
  const router = useRouter();
  const toast = useToast();
  const origin = {
    global: { global: t("setGlobally"), default: t("default"), domain: t("setGlobally") },
    domain: { domain: t("setForDomain"), global: t("followsGlobal"), default: t("default") },
  } as const;
  const domainName = domain?.domain ?? null;

  const clear = async (entry: PolicyListEntry, scope: "global" | "domain") => {
    const r = await clearPolicyAction({
      service: entry.service,
      scope: scope === "domain" && domainName ? domainName : "global",
    });
    if (!r.ok) throw new Error(r.error.message);
    toast.success(
      scope === "domain"
        ? t("clearedDomain", { domain: domainName ?? "", service: entry.service })
        : t("clearedGlobal", { service: entry.service }),
    );
    router.refresh();
  };

  const cell = (entry: PolicyListEntry, scope: "global" | "domain") => {
    const where = scope === "domain" ? t("whereDomain", { domain: domainName ?? "" }) : t("whereGlobal");
    const own = entry.explicit !== null;
    return (
      <Td className="min-w-56">
        <PolicySummary values={entry.applies} origin={origin[scope][entry.applies.source]} originTone={own ? "success" : "neutral"} />
        <div className="mt-2 flex flex-wrap gap-2">
          <Button
            size="sm"
            variant="secondary"
            aria-label={t("editLabel", { service: entry.service, where })}
            onClick={() => onEdit({ service: entry.service, scope })}
          >
            {t("edit")}
          </Button>
          {own && (
            <ConfirmButton
              size="sm"
              variant="ghost"
              title={
                scope === "domain"
                  ? t("useGlobalTitle", { service: entry.service, domain: domainName ?? "" })
                  : t("resetTitle", { service: entry.service })
              }
              description={scope === "domain" ? t("useGlobalDescription") : t("resetDescription")}
              confirmLabel={scope === "domain" ? t("useGlobal") : t("resetConfirm")}
              aria-label={
                scope === "domain"
                  ? t("useGlobalLabel", { service: entry.service, domain: domainName ?? "" })
                  : t("resetLabel", { service: entry.service })
              }
              onConfirm={() => clear(entry, scope)}
            >
              {scope === "domain" ? t("useGlobal") : t("reset")}
            </ConfirmButton>
          )}
        </div>
      </Td>
    );
  };

  return (
    <Table caption={t("caption")} captionSrOnly>
      <THead>
        <Tr>
          <Th>{t("service")}</Th>
          <Th>{t("global")}</Th>
          {domainName && <Th>{t("domainColumn", { domain: domainName })}</Th>}
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
