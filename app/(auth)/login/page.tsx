import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { Card } from "@/components/ui/card";
import { getCurrentUser } from "@/lib/auth/current-session";
import { safeNextPath } from "@/lib/http/safe-next-path";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const next = safeNextPath((await searchParams).next);
  const user = await getCurrentUser();
  if (user) redirect(next ?? (user.role === "admin" ? "/admin/users" : "/account"));
  return (
    <Card title="Sign in">
      <LoginForm next={next} />
    </Card>
  );
}
