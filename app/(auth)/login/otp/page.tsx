import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { SecondStep } from "@/components/auth/second-step";
import { Card } from "@/components/ui/card";
import { secondStepMethods } from "@/lib/auth/second-step-methods";
import { safeNextPath } from "@/lib/http/safe-next-path";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.otp");
  return { title: t("metaTitle") };
}

/** The second step of sign-in: a passkey (offered first) or a code, as the account has them. */
export default async function OtpPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const methods = await secondStepMethods();
  if (!methods) redirect("/login");
  const t = await getTranslations("auth.otp");
  return (
    <Card
      title={methods.passkey ? t("headingPasskey") : t("heading")}
      description={methods.passkey ? t("descriptionPasskey") : t("description")}
      headingLevel={1}
    >
      <SecondStep next={safeNextPath((await searchParams).next)} methods={methods} />
    </Card>
  );
}
