import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { LanguageSwitch } from "@/components/auth/language-switch";
import { LoginForm } from "@/components/auth/login-form";
import { Card } from "@/components/ui/card";
import { getCurrentUser } from "@/lib/auth/current-session";
import { safeNextPath } from "@/lib/http/safe-next-path";
import { samlSignInOption } from "@/lib/saml/saml-sign-in-option";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.login");
  return { title: t("metaTitle") };
}

type LoginParams = { next?: string; domain?: string; method?: string };

export default async function LoginPage({ searchParams }: { searchParams: Promise<LoginParams> }) {
  const params = await searchParams;
  const next = safeNextPath(params.next);
  const user = await getCurrentUser();
  if (user) redirect(next ?? (user.role === "admin" ? "/admin/users" : "/account"));
  const t = await getTranslations("auth.login");
  // ?domain= names the domain; otherwise the host name may (mail.example.com → example.com).
  const saml = await samlSignInOption({ domain: params.domain?.slice(0, 253), host: params.domain ? null : (await headers()).get("host") });
  return (
    <div className="space-y-4">
      <Card title={t("heading")} headingLevel={1}>
        <LoginForm next={next} saml={saml} passwordForced={params.method === "password"} />
      </Card>
      <LanguageSwitch />
    </div>
  );
}
