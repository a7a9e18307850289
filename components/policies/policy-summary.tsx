import { Badge } from "@/components/ui/badge";
import { POLICY_WORDS, type PolicyValues } from "@/lib/two-factor/policies/policy-values";

/** One policy in words: what it asks for, the trusted ranges, and whether a trusted device may roam. */
export function PolicySummary({
  values,
  origin,
  originTone = "neutral",
}: {
  values: PolicyValues;
  origin: string;
  originTone?: "neutral" | "success";
}) {
  return (
    <div className="space-y-1">
      <p className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <span className="font-medium">{POLICY_WORDS[values.twoFactorPolicy]}</span>
        <Badge tone={originTone}>{origin}</Badge>
      </p>
      <p className="text-muted">
        Trusted IP ranges:{" "}
        <span className="break-all text-fg">{values.trustedIpRanges.length ? values.trustedIpRanges.join(", ") : "none"}</span>
      </p>
      <p className="text-muted">
        IP may change: <span className="text-fg">{values.ipCanChange ? "yes" : "no"}</span>
      </p>
    </div>
  );
}
