import { Card } from "@/components/ui/card";
import { CREDENTIAL_PRESETS } from "@/lib/credentials/credential-format";
import { SERVICES } from "@/lib/services/services";
import { AdminCredentialsPanel } from "./admin-credentials-panel";

/** The credentials panel of a user's page in the console (server part: passes the static lists). */
export function AdminCredentialsCard({ userId, email }: { userId: string; email: string }) {
  const presets = CREDENTIAL_PRESETS.map((p) => ({ id: p.id, label: p.label, services: [...p.services] }));
  return (
    <Card
      title="Credentials"
      description="App and mobile passwords of this account: scope each to services, an expiry and IP ranges. A password is shown once."
    >
      <AdminCredentialsPanel userId={userId} email={email} services={[...SERVICES]} presets={presets} />
    </Card>
  );
}
