"use client";
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
  const router = useRouter();
  const [fresh, setFresh] = useState<string[] | null>(null);
  const retry = useRetryWithProof();
  if (fresh) return <RecoveryCodesPanel codes={fresh} account={account} onDone={() => setFresh(null)} />;
  if (!hasDevice) {
    return <p className="text-sm text-muted">Recovery codes are issued when you turn on your first authenticator app.</p>;
  }
  return (
    <div className="space-y-3">
      <p className="text-sm" data-testid="recovery-status">
        {status.unused} of {status.total} recovery codes left.
        {status.unused <= 3 && " Make a new set soon."}
      </p>
      <ConfirmButton
        variant="secondary"
        confirmVariant="primary"
        title="Make new recovery codes?"
        description="Every old code stops working, used or not. The new codes are shown once."
        confirmLabel="Make new codes"
        onConfirm={async () => {
          setFresh(unwrap(await retry(onRegenerate)).recoveryCodes);
          router.refresh();
        }}
      >
        Regenerate recovery codes
      </ConfirmButton>
    </div>
  );
}
