import type { ReactNode } from "react";
import { SignOutForm } from "@/components/auth/sign-out-form";
import { AppShell } from "@/components/nav/app-shell";
import { requireAdmin } from "@/lib/auth/current-session";

export const dynamic = "force-dynamic";

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const admin = await requireAdmin();
  const nav = [
    { href: "/admin/users", label: "Users" },
    { href: "/admin/domains", label: "Domains" },
    { href: "/admin/policies", label: "2FA policies" },
    { href: "/admin/audit", label: "Audit log" },
    { href: "/account", label: "My account" },
  ];
  return (
    <AppShell nav={nav} area="Admin" homeHref="/admin/users" user={admin.email} signOut={<SignOutForm />}>
      {children}
    </AppShell>
  );
}
