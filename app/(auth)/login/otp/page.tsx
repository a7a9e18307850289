import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { OtpForm } from "@/components/auth/otp-form";
import { Card } from "@/components/ui/card";
import { hasLoginTicketAt } from "@/lib/auth/current-login-ticket";
import { safeNextPath } from "@/lib/http/safe-next-path";

export const metadata: Metadata = { title: "Two-factor code" };

export default async function OtpPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  if (!(await hasLoginTicketAt("otp", "ready"))) redirect("/login");
  return (
    <Card headingLevel={1} title="Enter your code" description="Open your authenticator app, or use one of your recovery codes.">
      <OtpForm next={safeNextPath((await searchParams).next)} />
    </Card>
  );
}
