import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { OtpForm } from "@/components/auth/otp-form";
import { Card } from "@/components/ui/card";
import { hasLoginTicketAt } from "@/lib/auth/current-login-ticket";
import { safeNextPath } from "@/lib/http/safe-next-path";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.otp");
  return { title: t("metaTitle") };
}

export default async function OtpPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  if (!(await hasLoginTicketAt("otp", "ready"))) redirect("/login");
  const t = await getTranslations("auth.otp");
  return (
    <Card title={t("heading")} description={t("description")} headingLevel={1}>
      <OtpForm next={safeNextPath((await searchParams).next)} />
    </Card>
  );
}
