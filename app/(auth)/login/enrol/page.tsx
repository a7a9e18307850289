import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { EnrolAtSignIn } from "@/components/auth/enrol-at-sign-in";
import { Card } from "@/components/ui/card";
import { hasLoginTicketAt } from "@/lib/auth/current-login-ticket";
import { safeNextPath } from "@/lib/http/safe-next-path";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.enrol");
  return { title: t("metaTitle") };
}

export default async function EnrolPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  if (!(await hasLoginTicketAt("enrol", "ready"))) redirect("/login");
  const t = await getTranslations("auth.enrol");
  return (
    <Card title={t("heading")} description={t("description")} headingLevel={1}>
      <EnrolAtSignIn next={safeNextPath((await searchParams).next)} />
    </Card>
  );
}
