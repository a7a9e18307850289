import { getTranslations } from "next-intl/server";
import { CopyButton } from "@/components/ui/copy-button";

/**
 * What an IdP administrator pastes into their IdP: each value shown in full (so it can also be
 * selected by hand) with a copy button, as the auth link overlay offers its link.
 */
export async function SamlSpValues(props: { entityId: string; serviceUrl: string; metadataUrl: string; logoutUrl: string }) {
  const t = await getTranslations("admin.saml.sp");
  const values = [
    { id: "saml-entity-id", label: t("entityId"), value: props.entityId },
    { id: "saml-service-url", label: t("serviceUrl"), value: props.serviceUrl },
    { id: "saml-metadata-url", label: t("metadataUrl"), value: props.metadataUrl },
    { id: "saml-logout-url", label: t("logoutUrl"), value: props.logoutUrl },
  ];
  return (
    <dl className="grid grid-cols-1 gap-x-6 gap-y-4 text-sm sm:grid-cols-[max-content_1fr]">
      {values.map((v) => (
        <div key={v.id} className="contents">
          <dt className="font-medium text-fg sm:pt-1.5">{v.label}</dt>
          <dd className="flex min-w-0 flex-col gap-2 sm:flex-row sm:items-center">
            <code
              id={v.id}
              className="block min-w-0 flex-1 break-all rounded-md border border-line bg-surface-muted px-3 py-1.5 font-mono text-sm"
            >
              {v.value}
            </code>
            <CopyButton text={v.value} label={v.label} targetId={v.id} />
          </dd>
        </div>
      ))}
    </dl>
  );
}
