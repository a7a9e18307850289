import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { CreateDomainForm, DeleteDomainButton, DomainAuthLinkHoursForm, DomainLocaleForm } from "@/components/admin/domain-controls";
import { EmptyState } from "@/components/ui/empty-state";
import { LocalTime } from "@/components/ui/local-time";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/ui/table";
import type { DomainView } from "@/lib/domains/domain-view";

/**
 * The domains, rendered on the server (they rarely change): adding or deleting one runs its server
 * action and refreshes this render.
 */
export async function DomainsPanel({ domains }: { domains: DomainView[] }) {
  const t = await getTranslations("admin.domains");
  return (
    <div className="space-y-6">
      {domains.length === 0 ? (
        <EmptyState title={t("empty")} description={t("emptyHint")} />
      ) : (
        <Table caption={t("caption")} captionSrOnly>
          <THead>
            <Tr>
              <Th>{t("domain")}</Th>
              <Th>{t("users")}</Th>
              <Th>{t("defaultLocale")}</Th>
              <Th>{t("authLinkHours")}</Th>
              <Th>{t("created")}</Th>
              <Th>
                <span className="sr-only">{t("actions")}</span>
              </Th>
            </Tr>
          </THead>
          <TBody>
            {domains.map((d) => (
              <Tr key={d.id}>
                <Td className="font-medium">{d.name}</Td>
                <Td>{d.userCount}</Td>
                <Td>
                  <DomainLocaleForm name={d.name} defaultLocale={d.defaultLocale} />
                </Td>
                <Td>
                  <DomainAuthLinkHoursForm name={d.name} authLinkHours={d.authLinkHours} />
                </Td>
                <Td>
                  <LocalTime value={d.createdAt} format="date" />
                </Td>
                <Td>
                  <div className="flex flex-wrap items-center gap-3">
                    <Link
                      href={`/admin/domains/${encodeURIComponent(d.name)}/saml`}
                      className="text-sm font-medium underline"
                      aria-label={t("samlLabel", { domain: d.name })}
                    >
                      {t("saml")}
                    </Link>
                    <DeleteDomainButton name={d.name} userCount={d.userCount} />
                  </div>
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
      <CreateDomainForm />
    </div>
  );
}
