"use client";
import { useTranslations } from "next-intl";
import { QRCodeSVG } from "qrcode.react";
import { useId } from "react";
import { CopyButton } from "@/components/ui/copy-button";
import { Button } from "@/components/ui/button";
import { SecretReveal } from "@/components/ui/secret-reveal";
import { WebSessionWarning } from "./web-session-warning";
import { opensWebSessionWithoutOtp } from "@/lib/credentials/service-rules";

/**
 * The one time a new credential's secret (and QR code) can be seen. The parent drops it on "Done"
 * or on the next creation; nothing keeps it after a reload.
 */
export function CredentialReveal({
  title,
  secret,
  user,
  services = [],
  qr,
  qrLabel,
  note,
  onDone,
}: {
  title: string;
  secret?: string | null;
  user?: string;
  services?: readonly string[];
  qr?: string | null;
  qrLabel?: string;
  note?: string;
  onDone: () => void;
}) {
  const t = useTranslations("credentials.reveal");
  const qrTextId = `qr-text-${useId()}`;
  return (
    <div className="space-y-3" data-testid="credential-reveal">
      {qr && (
        <figure className="flex flex-col items-start gap-2 rounded-lg border border-warning/40 bg-warning-soft p-4">
          {/* White quiet zone of at least four modules (20 px), so the code scans in dark mode too. */}
          <div className="rounded-md bg-white p-5">
            <QRCodeSVG value={qr} size={232} level="M" role="img" aria-label={qrLabel ?? t("qrLabel")} data-testid="credential-qr" />
          </div>
          <figcaption className="text-sm text-fg">{t.rich("scanNow", { strong: (chunks) => <strong>{chunks}</strong> })}</figcaption>
          {/* For apps that take the setup text pasted rather than scanned. */}
          <details className="w-full text-sm">
            <summary className="cursor-pointer text-muted">{t("cannotScan")}</summary>
            <div className="mt-2 flex flex-col gap-2 sm:flex-row sm:items-start">
              <code
                id={qrTextId}
                data-testid="qr-text"
                className="block min-w-0 flex-1 select-all break-all rounded-md border border-line bg-surface px-3 py-2 font-mono text-xs"
              >
                {qr}
              </code>
              <CopyButton text={qr} targetId={qrTextId} label={t("qrContent")} />
            </div>
          </details>
        </figure>
      )}
      {secret && <SecretReveal label={title} value={secret} note={user ? t("signInWith", { user }) : note} />}
      {opensWebSessionWithoutOtp(services) && <WebSessionWarning />}
      <Button variant="secondary" size="sm" onClick={onDone}>
        {t("done")}
      </Button>
    </div>
  );
}
