import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { SamlCertificateForm } from "@/components/saml/saml-certificate-form";
import { SamlExportButtons } from "@/components/saml/saml-export-buttons";
import { SamlFileImportForm, SamlMetadataUrlForm, SamlRefreshStatus } from "@/components/saml/saml-import-forms";
import { SamlKeyEditor, type SamlKeyRow } from "@/components/saml/saml-key-editor";
import { SamlSpValues } from "@/components/saml/saml-sp-values";
import { ReauthProvider } from "@/components/security/reauth-dialog";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireAdmin } from "@/lib/auth/current-session";
import { AppError } from "@/lib/errors";
import { getSamlConfig } from "@/lib/saml/get-saml-config";
import { samlDefaultsContext } from "@/lib/saml/saml-config-store";
import { PRIVATE_KEY, SAML_KEY_NAMES, SAML_KEYS, spEntityId } from "@/lib/saml/saml-keys";
import { reauthMethods } from "@/lib/two-factor/devices/has-second-factor";
import { domainNameField } from "@/lib/validation/fields";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.saml");
  return { title: t("metaTitle") };
}

/** How the editor lets a key be typed: a true/false choice, a PEM block, or one line of text. */
function keyKind(key: (typeof SAML_KEY_NAMES)[number]): SamlKeyRow["kind"] {
  if (key.endsWith("x509cert")) return "pem";
  return typeof SAML_KEYS[key].fallback(samlDefaultsContext("example.com")) === "boolean" ? "boolean" : "text";
}

/** The path segment as typed; a malformed escape is simply not a domain. */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return "";
  }
}

export default async function DomainSamlPage({ params }: { params: Promise<{ domain: string }> }) {
  const admin = await requireAdmin();
  const domain = domainNameField.safeParse(decodeSegment((await params).domain));
  if (!domain.success) notFound();
  // Reading without the private key audits nothing; the actor is only used when the key is read.
  const view = await getSamlConfig(domain.data, {}, { id: admin.id, email: admin.email }).catch((e) => {
    if (e instanceof AppError && e.code === "not_found") notFound();
    throw e;
  });
  const reauth = await reauthMethods(admin.id);
  const t = await getTranslations("admin.saml");
  const value = (key: (typeof SAML_KEY_NAMES)[number]) => String(view.settings[key] ?? "");
  const rows: SamlKeyRow[] = SAML_KEY_NAMES.filter((key) => key !== PRIVATE_KEY).map((key) => ({
    key,
    value: value(key),
    isDefault: !view.setKeys.includes(key),
    kind: keyKind(key),
  }));
  const testLink = `/zx/auth/startSamlWorkflow?domain=${encodeURIComponent(view.domain)}`;

  return (
    <ReauthProvider methods={reauth}>
      <div className="space-y-6">
        <Link href="/admin/domains" className="text-sm underline">
          ← {t("allDomains")}
        </Link>
        <PageHeader
          title={t("title", { domain: view.domain })}
          description={t("description")}
          actions={
            <a href={testLink} target="_blank" rel="noopener" className="text-sm font-medium underline">
              {t("testSignIn")}
              <span className="sr-only"> {t("opensInNewTab")}</span>
            </a>
          }
        />
        <Card title={t("sp.title")} description={t("sp.description")}>
          <SamlSpValues
            entityId={value("sp.entityid")}
            serviceUrl={value("sp.assertion_consumer_service.url")}
            metadataUrl={spEntityId(samlDefaultsContext(view.domain))}
            logoutUrl={value("sp.single_logout_service.url")}
          />
        </Card>
        <Card title={t("import.title")} description={t("import.description")}>
          <div className="space-y-6">
            <SamlMetadataUrlForm domain={view.domain} metadataUrl={view.metadataUrl} allowUnsecure={view.allowUnsecure} />
            <SamlRefreshStatus
              domain={view.domain}
              metadataUrl={view.metadataUrl}
              lastRefreshAt={view.lastRefreshAt?.toISOString() ?? null}
              lastRefreshError={view.lastRefreshError}
            />
            <SamlFileImportForm domain={view.domain} />
          </div>
        </Card>
        <Card title={t("certificate.title")} description={t("certificate.description")}>
          <SamlCertificateForm domain={view.domain} hasPrivateKey={view.hasPrivateKey} />
        </Card>
        <Card title={t("export.title")} description={t("export.description")}>
          <SamlExportButtons domain={view.domain} hasPrivateKey={view.hasPrivateKey} />
        </Card>
        <Card title={t("keys.title")} description={t("keys.description")}>
          <SamlKeyEditor domain={view.domain} rows={rows} />
        </Card>
      </div>
    </ReauthProvider>
  );
}
