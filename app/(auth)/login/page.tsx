import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { LanguageSwitch } from "@/components/auth/language-switch";
import { LoginForm } from "@/components/auth/login-form";
import { Card } from "@/components/ui/card";
import { getCurrentUser } from "@/lib/auth/current-session";
import { safeNextPath } from "@/lib/http/safe-next-path";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.login");
  return { title: t("metaTitle") };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const next = safeNextPath((await searchParams).next);
  const user = await getCurrentUser();
  if (user) redirect(next ?? (user.role === "admin" ? "/admin/users" : "/account"));
  const t = await getTranslations("auth.login");
  return (
    <div className="space-y-4">
      <Card title={t("heading")} headingLevel={1}>
        <LoginForm next={next} />
      </Card>
      <LanguageSwitch />
    </div>
  );
}
