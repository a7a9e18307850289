"use client";
import { useTranslations } from "next-intl";
import type { ChangeEvent } from "react";
import { Checkbox } from "@/components/ui/checkbox";

export type RevocableCounts = { credentials: number; qrTokens: number };
/** After a reset: also how many pending auth links it revoked (always, whatever was kept). */
export type RevokedCounts = RevocableCounts & { authLinks?: number };

/** The sentences below in the viewer's language. */
export function useRevocationSentences() {
  const t = useTranslations("credentials.revocation");
  return {
    revocationSentence: ({ credentials, qrTokens }: RevocableCounts): string => {
      if (credentials === 0 && qrTokens === 0) return t("nothing");
      const counted = t("willRevoke", { count: credentials });
      return qrTokens > 0 ? `${counted} ${t("willCancelQr")}` : counted;
    },
    revokedSentence: ({ credentials, qrTokens, authLinks = 0 }: RevokedCounts, kept: boolean): string => {
      const sentence = kept ? t("kept") : qrTokens > 0 ? t("revokedWithQr", { count: credentials }) : t("revoked", { count: credentials });
      return authLinks > 0 ? `${sentence} ${t("authLinksRevoked", { count: authLinks })}` : sentence;
    },
  };
}

/**
 * The admin resets' note and their "keep" box (off by default). Uncontrolled inside a form (`name`
 * posts keepCredentials=on when ticked), or controlled in a dialog with `checked` and `onChange`.
 */
export function KeepCredentialsChoice({
  counts,
  checked,
  onChange,
}: {
  counts: RevocableCounts;
  checked?: boolean;
  onChange?: (keep: boolean) => void;
}) {
  const t = useTranslations("credentials.revocation");
  const { revocationSentence: sentence } = useRevocationSentences();
  const anything = counts.credentials > 0 || counts.qrTokens > 0;
  return (
    <div className="space-y-2" data-testid="credential-revocation">
      <p className="text-sm text-muted">{sentence(counts)}</p>
      {anything && (
        <Checkbox
          name="keepCredentials"
          label={t("keep")}
          hint={t("keepHint")}
          {...(onChange
            ? { checked: !!checked, onChange: (e: ChangeEvent<HTMLInputElement>) => onChange(e.target.checked) }
            : { defaultChecked: false })}
        />
      )}
    </div>
  );
}
