import { Card } from "@/components/ui/card";
import { CREDENTIAL_PRESETS } from "@/lib/credentials/credential-format";
import type { CredentialJson } from "@/lib/credentials/credential-view";
import { SERVICES } from "@/lib/services/services";
import { AdminCredentialsPanel } from "./admin-credentials-panel";

/**
 * The credentials panel of a user's page in the console (server part: passes the static lists and
 * the credentials the page loaded, which the panel's query starts from).
 */
export function AdminCredentialsCard({ userId, email, credentials }: { userId: string; email: string; credentials: CredentialJson[] }) {
  const presets = CREDENTIAL_PRESETS.map((p) => ({ id: p.id, label: p.label, services: [...p.services] }));
  return (
    <Card
      title="Credentials"
      description="App and mobile passwords of this account: scope each to services, an expiry and IP ranges. A password is shown once."
    >
      <AdminCredentialsPanel userId={userId} email={email} services={[...SERVICES]} presets={presets} initial={credentials} />
    </Card>
  );
}
