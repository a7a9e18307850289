import type { Metadata } from "next";
import { AppPasswordForm } from "@/components/credentials/app-password-form";
import { MobileAppForm } from "@/components/credentials/mobile-app-form";
import { MobilePasswordForm } from "@/components/credentials/mobile-password-form";
import { OwnCredentialsList } from "@/components/credentials/own-credentials-list";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/current-session";
import { SELF_SERVICE_SERVICES } from "@/lib/credentials/credential-rules";
import { toCredentialJson } from "@/lib/credentials/credential-view";
import { listCredentials } from "@/lib/credentials/list-credentials";

export const metadata: Metadata = { title: "Credentials" };

export default async function CredentialsPage() {
  const user = await requireUser();
  const credentials = (await listCredentials(user.id)).map(toCredentialJson);
  return (
    <div className="space-y-6">
      <PageHeader
        title="Credentials"
        description="Separate passwords for phones, mail programs and other apps, so your own password stays private. Each one is shown once, when you create it."
      />
      <Card
        title="Mobile passwords (Exchange ActiveSync)"
        description="For the mail, calendar and contacts app built into your phone. Create one per phone."
      >
        <MobilePasswordForm />
      </Card>
      <Card title="Mobile apps" description="Sign the mobile app in by scanning a QR code.">
        <MobileAppForm />
      </Card>
      <Card title="App passwords" description="For mail programs and other apps: choose what each one may use, and when it expires.">
        <AppPasswordForm services={SELF_SERVICE_SERVICES} />
      </Card>
      <Card title="Your credentials" description="Disable or delete any you no longer use; the change applies at its next sign-in.">
        <OwnCredentialsList initial={credentials} />
      </Card>
    </div>
  );
}
