import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { ClientMessagesProvider } from "@/components/providers/client-messages-provider";
import { SignOutForm } from "@/components/auth/sign-out-form";
import { AppShell } from "@/components/nav/app-shell";
import { requireAdmin } from "@/lib/auth/current-session";

export const dynamic = "force-dynamic";

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const admin = await requireAdmin();
  const t = await getTranslations("admin.nav");
  const nav = [
    { href: "/admin", label: t("overview") },
    { href: "/admin/users", label: t("users") },
    { href: "/admin/domains", label: t("domains") },
    { href: "/admin/policies", label: t("policies") },
    { href: "/admin/audit", label: t("audit") },
    { href: "/account", label: t("myAccount") },
  ];
  return (
    <ClientMessagesProvider part="admin">
      <AppShell nav={nav} area={t("area")} homeHref="/admin" user={admin.email} signOut={<SignOutForm />}>
        {children}
      </AppShell>
    </ClientMessagesProvider>
  );
}
