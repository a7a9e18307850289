import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { PolicyValues, TwoFactorPolicy } from "@/lib/two-factor/policies/policy-values";

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
  const t = useTranslations("policies.summary");
  const words = usePolicyWords();
  return (
    <div className="space-y-1">
      <p className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <span className="font-medium">{words[values.twoFactorPolicy]}</span>
        <Badge tone={originTone}>{origin}</Badge>
      </p>
      <p className="text-muted">
        {t("trustedRanges")}{" "}
        <span className="break-all text-fg">{values.trustedIpRanges.length ? values.trustedIpRanges.join(", ") : t("none")}</span>
      </p>
      <p className="text-muted">
        {t("ipCanChange")} <span className="text-fg">{values.ipCanChange ? t("yes") : t("no")}</span>
      </p>
    </div>
  );
}

/** The three policies in words, in the viewer's language (lib's POLICY_WORDS stay English for the CLI). */
export function usePolicyWords(): Record<TwoFactorPolicy, string> {
  const tw = useTranslations("policies.words");
  return { 0: tw("none"), 1: tw("ipSkips"), 2: tw("deviceSkips") };
}
