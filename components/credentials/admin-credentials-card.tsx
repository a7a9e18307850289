import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { CREDENTIAL_PRESETS } from "@/lib/credentials/credential-format";
import type { CredentialJson } from "@/lib/credentials/credential-view";
import { SERVICES } from "@/lib/services/services";
import { AdminCredentialsPanel } from "./admin-credentials-panel";

/**
 * The credentials panel of a user's page in the console (server part: passes the static lists and
 * the credentials the page loaded, which the panel's query starts from).
 */
export async function AdminCredentialsCard({
  userId,
  email,
  credentials,
}: {
  userId: string;
  email: string;
  credentials: CredentialJson[];
}) {
  const t = await getTranslations("admin.credentials");
  const presetLabels: Record<string, string> = {
    "web-only": t("presetWebOnly"),
    "imap-pop3": t("presetImapPop3"),
    "smtp-only": t("presetSmtpOnly"),
    "eas-phone": t("presetEasPhone"),
  };
  const presets = CREDENTIAL_PRESETS.map((p) => ({ id: p.id, label: presetLabels[p.id] ?? p.label, services: [...p.services] }));
  return (
    <Card title={t("title")} description={t("description")}>
      <AdminCredentialsPanel userId={userId} email={email} services={[...SERVICES]} presets={presets} initial={credentials} />
    </Card>
  );
}
