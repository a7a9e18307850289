import type { ReactNode } from "react";
import { SignOutForm } from "@/components/auth/sign-out-form";
import { AppShell } from "@/components/nav/app-shell";
import { ReauthProvider } from "@/components/security/reauth-dialog";
import { FormMessage } from "@/components/ui/form-message";
import { requireUser } from "@/lib/auth/current-session";
import { hasEnabledTotp } from "@/lib/two-factor/devices/has-second-factor";

export const dynamic = "force-dynamic";

export default async function PortalLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  // Offered in the re-authentication dialog as "Use a code instead".
  const hasSecondFactor = await hasEnabledTotp(user.id);
  const nav = [
    { href: "/account", label: "Overview" },
    { href: "/account/security", label: "Security" },
    { href: "/account/credentials", label: "Credentials" },
    ...(user.role === "admin" ? [{ href: "/admin/users", label: "Admin console" }] : []),
  ];
  return (
    <AppShell nav={nav} area="Account" homeHref="/account" user={user.email} signOut={<SignOutForm />}>
      {user.authMethod === "credential" && (
        <FormMessage
          tone="info"
          className="mb-6"
          message="You signed in with an app password, so your account settings are read-only here. Sign in with your account password to change them."
        />
      )}
      <ReauthProvider hasSecondFactor={hasSecondFactor}>{children}</ReauthProvider>
    </AppShell>
  );
}
