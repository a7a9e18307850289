import Link from "next/link";
import { UserTwoFactorRequirementForm } from "@/components/policies/user-two-factor-requirement-form";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { twoFactorRequirementDetails } from "@/lib/two-factor/requirements/two-factor-requirement";

/** Admin user page: whether this account must use 2FA, why, and until when it may still enrol. */
export async function UserTwoFactorRequirementPanel({ userId, now = new Date() }: { userId: string; now?: Date }) {
  const r = await twoFactorRequirementDetails(userId, now);
  const deadline = r.graceEndsAt?.toUTCString();
  return (
    <Card
      title="Two-factor requirement"
      description="Whether this account must sign in with a second factor, set here or for its whole domain."
      actions={<Badge tone={r.required ? "success" : "neutral"}>{r.required ? "2FA required" : "2FA not required"}</Badge>}
    >
      <dl className="mb-5 grid grid-cols-1 gap-x-6 gap-y-3 text-sm sm:grid-cols-[max-content_1fr]" data-testid="two-factor-requirement">
        <dt className="text-muted">For this account</dt>
        <dd className="font-medium">{r.userRequires ? "Required" : "Not required"}</dd>
        <dt className="text-muted">For domain {r.domain}</dt>
        <dd className="font-medium">
          {r.domainRequires ? "Required for every account" : "Not required"}{" "}
          <Link href={`/admin/policies?domain=${encodeURIComponent(r.domain)}`} className="text-sm font-normal underline">
            Domain settings
          </Link>
        </dd>
        {r.adminRequires && (
          <>
            <dt className="text-muted">As an administrator</dt>
            <dd className="font-medium">
              Required for every administrator{" "}
              <Link href="/admin/policies" className="text-sm font-normal underline">
                Administrators setting
              </Link>
            </dd>
          </>
        )}
        <dt className="text-muted">Authenticator device</dt>
        <dd className="font-medium">{r.hasDevice ? "Enrolled" : "None yet"}</dd>
        {r.required && (
          <>
            <dt className="text-muted">Enrolment deadline</dt>
            <dd className="font-medium">
              {deadline}{" "}
              {r.hasDevice ? null : r.inGrace ? (
                <Badge tone="warning">in grace period</Badge>
              ) : (
                <Badge tone="danger">passed: sign-in is refused until a device is enrolled</Badge>
              )}
            </dd>
          </>
        )}
      </dl>
      <UserTwoFactorRequirementForm userId={userId} userRequires={r.userRequires} graceDays={r.graceDays} />
    </Card>
  );
}
