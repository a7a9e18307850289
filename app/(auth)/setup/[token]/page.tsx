import type { Metadata } from "next";
import { SetupForm } from "@/components/auth/setup-form";
import { Card } from "@/components/ui/card";
import { isSetupTokenUsable } from "@/lib/setup/first-admin-setup";

export const metadata: Metadata = { title: "First-time setup", referrer: "no-referrer" };

export default async function SetupPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  if (!(await isSetupTokenUsable(token))) {
    return (
      <Card title="This setup link cannot be used" headingLevel={1}>
        <p className="text-sm text-muted">
          It has expired, was already used, or an administrator exists already. Restart Gatehouse to print a new link, or create an admin
          with <code>npx gatehouse user create you@example.com --admin</code>.
        </p>
      </Card>
    );
  }
  return (
    <Card headingLevel={1} title="Create the first administrator" description="This link works once and for one hour.">
      <SetupForm token={token} />
    </Card>
  );
}
