"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { useRetryWithProof } from "@/components/ui/use-fresh-proof";
import { exportSamlConfigAction, exportSamlPrivateKeyAction } from "@/lib/actions/admin/saml";
import type { ActionResult } from "@/lib/actions/action-result";

type ExportedFile = { fileName: string; content: string };

/** Hands the browser a file made here; nothing is kept after the download starts. */
function download({ fileName, content }: ExportedFile) {
  const url = URL.createObjectURL(new Blob([content], { type: "application/json" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Export as saml.json. The ordinary export leaves the SP private key out; the private key leaves
 * only through its own button, after a fresh proof of identity, and the server audits it.
 */
export function SamlExportButtons({ domain, hasPrivateKey }: { domain: string; hasPrivateKey: boolean }) {
  const t = useTranslations("admin.saml.export");
  const retryWithProof = useRetryWithProof();
  const [running, setRunning] = useState<"json" | "key" | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function run(which: "json" | "key", action: () => Promise<ActionResult<ExportedFile>>) {
    setRunning(which);
    setError(null);
    const result = await action();
    setRunning(null);
    if (result.ok) download(result.data);
    else setError(result.error.message);
  }

  return (
    <div className="space-y-4">
      <FormMessage message={error} />
      <div className="flex flex-col gap-2">
        <div>
          <Button variant="secondary" pending={running === "json"} onClick={() => run("json", () => exportSamlConfigAction({ domain }))}>
            {t("download")}
          </Button>
        </div>
        <p className="text-sm text-muted">{t("downloadHint")}</p>
      </div>
      <div className="flex flex-col gap-2 border-t border-line pt-4">
        <div>
          <Button
            variant="danger"
            disabled={!hasPrivateKey}
            pending={running === "key"}
            onClick={() => run("key", () => retryWithProof(() => exportSamlPrivateKeyAction({ domain })))}
          >
            {t("privateKey")}
          </Button>
        </div>
        <p className="text-sm text-warning">{hasPrivateKey ? t("privateKeyHint") : t("noPrivateKey")}</p>
      </div>
    </div>
  );
}
