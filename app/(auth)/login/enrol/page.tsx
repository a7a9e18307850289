import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { EnrolAtSignIn } from "@/components/auth/enrol-at-sign-in";
import { Card } from "@/components/ui/card";
import { hasLoginTicketAt } from "@/lib/auth/current-login-ticket";
import { safeNextPath } from "@/lib/http/safe-next-path";

export const metadata: Metadata = { title: "Set up two-factor authentication" };

export default async function EnrolPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  if (!(await hasLoginTicketAt("enrol", "ready"))) redirect("/login");
  return (
    <Card
      headingLevel={1}
      title="Set up two-factor authentication"
      description="Your account needs a second factor. Add an authenticator app to continue."
    >
      <EnrolAtSignIn next={safeNextPath((await searchParams).next)} />
    </Card>
  );
}
