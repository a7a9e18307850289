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
  hasDevice: boolean;
  onRegenerate: () => Promise<ActionResult<{ recoveryCodes: string[] }>>;
  account?: string;
}

/** How many recovery codes are left, and a regenerate that shows the new set once. */
export function RecoveryCodesCard({ status, hasDevice, onRegenerate, account }: RecoveryCodesCardProps) {
  const t = useTranslations("security.recoveryCodes");
  const router = useRouter();
  const [fresh, setFresh] = useState<string[] | null>(null);
  const retry = useRetryWithProof();
  if (fresh) return <RecoveryCodesPanel codes={fresh} account={account} onDone={() => setFresh(null)} />;
  if (!hasDevice) {
    return <p className="text-sm text-muted">{t("noDevice")}</p>;
  }
  return (
    <div className="space-y-3">
      <p className="text-sm" data-testid="recovery-status">
        {t("left", { unused: status.unused, total: status.total })}
        {status.unused <= 3 && ` ${t("makeNewSoon")}`}
      </p>
      <ConfirmButton
        variant="secondary"
        confirmVariant="primary"
        title={t("regenerateTitle")}
        description={t("regenerateDescription")}
        confirmLabel={t("regenerateConfirm")}
        onConfirm={async () => {
          setFresh(unwrap(await retry(onRegenerate)).recoveryCodes);
          router.refresh();
        }}
      >
        {t("regenerate")}
      </ConfirmButton>
    </div>
  );
}
