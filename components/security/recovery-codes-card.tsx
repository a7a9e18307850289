"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { unwrapResult as unwrap } from "@/lib/actions/action-result";
import { RecoveryCodesPanel } from "@/components/security/recovery-codes-panel";
import { ConfirmButton } from "@/components/ui/dialog";
import { useRetryWithProof } from "@/components/ui/use-fresh-proof";
import type { ActionResult } from "@/lib/actions/action-result";

export interface RecoveryCodesCardProps {
  status: { total: number; unused: number };
  /** A passkey or an authenticator app: recovery codes stand in for either. */
  hasSecondFactor: boolean;
  onRegenerate: () => Promise<ActionResult<{ recoveryCodes: string[] }>>;
  account?: string;
}

/** How many recovery codes are left, and a regenerate that shows the new set once. */
export function RecoveryCodesCard({ status, hasSecondFactor, onRegenerate, account }: RecoveryCodesCardProps) {
  const t = useTranslations("security.recoveryCodes");
  const router = useRouter();
  const [fresh, setFresh] = useState<string[] | null>(null);
  const retry = useRetryWithProof();
  if (fresh) return <RecoveryCodesPanel codes={fresh} account={account} onDone={() => setFresh(null)} />;
  if (!hasSecondFactor) {
    return <p className="text-sm text-muted">{t("noDevice")}</p>;
  }
  // A passkey-only account has none until the person makes them.
  const none = status.total === 0;
  return (
    <div className="space-y-3">
      <p className="text-sm" data-testid="recovery-status">
        {none ? t("none") : t("left", { unused: status.unused, total: status.total })}
        {!none && status.unused <= 3 && ` ${t("makeNewSoon")}`}
      </p>
      <ConfirmButton
        variant="secondary"
        confirmVariant="primary"
        title={none ? t("generateTitle") : t("regenerateTitle")}
        description={none ? t("generateDescription") : t("regenerateDescription")}
        confirmLabel={none ? t("generate") : t("regenerateConfirm")}
        onConfirm={async () => {
          setFresh(unwrap(await retry(onRegenerate)).recoveryCodes);
          router.refresh();
        }}
      >
        {none ? t("generate") : t("regenerate")}
      </ConfirmButton>
    </div>
  );
}
