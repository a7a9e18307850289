import type { ReactNode } from "react";
import { SignOutForm } from "@/components/auth/sign-out-form";
import { AppShell } from "@/components/nav/app-shell";
import { requireUser } from "@/lib/auth/current-session";

export const dynamic = "force-dynamic";

export default async function PortalLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  const nav = [
    { href: "/account", label: "Overview" },
    { href: "/account/security", label: "Security" },
    { href: "/account/credentials", label: "Credentials" },
    ...(user.role === "admin" ? [{ href: "/admin/users", label: "Admin console" }] : []),
  ];
  return (
    <AppShell nav={nav} area="Account" homeHref="/account" user={user.email} signOut={<SignOutForm />}>
      {children}
    </AppShell>
  );
}
