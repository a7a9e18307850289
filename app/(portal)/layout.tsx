import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { ClientMessagesProvider } from "@/components/providers/client-messages-provider";
import { SignOutForm } from "@/components/auth/sign-out-form";
import { AppShell } from "@/components/nav/app-shell";
import { ReauthProvider } from "@/components/security/reauth-dialog";
import { FormMessage } from "@/components/ui/form-message";
import { requireUser } from "@/lib/auth/current-session";
import { reauthMethods } from "@/lib/two-factor/devices/has-second-factor";

export const dynamic = "force-dynamic";

export default async function PortalLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  // Offered in the re-authentication dialog besides the password.
  const methods = await reauthMethods(user.id);
  const t = await getTranslations("portal.layout");
  const nav = [
    { href: "/account", label: t("overview") },
    { href: "/account/security", label: t("security") },
    { href: "/account/credentials", label: t("credentials") },
    ...(user.role === "admin" ? [{ href: "/admin/users", label: t("adminConsole") }] : []),
  ];
  return (
    <ClientMessagesProvider part="portal">
      <AppShell nav={nav} area={t("area")} homeHref="/account" user={user.email} signOut={<SignOutForm />}>
        {user.authMethod === "credential" && <FormMessage tone="info" className="mb-6" message={t("credentialSession")} />}
        <ReauthProvider methods={methods}>{children}</ReauthProvider>
      </AppShell>
    </ClientMessagesProvider>
  );
}
