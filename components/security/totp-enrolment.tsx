"use client";
import { useTranslations } from "next-intl";
import { QRCodeSVG } from "qrcode.react";
import { useEffect, useId, useRef, useState, useTransition, type FormEvent } from "react";
import { RecoveryCodesPanel } from "@/components/security/recovery-codes-panel";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { FormMessage } from "@/components/ui/form-message";
import { Field } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { useRetryWithProof } from "@/components/ui/use-fresh-proof";
import type { ActionResult } from "@/lib/actions/action-result";

export type TotpEnrolmentOptions = { algorithm?: string; digits?: number; period?: number; secretLength?: number };
export type TotpEnrolmentStart = { deviceId: string; secret: string; uri: string };

export interface TotpEnrolmentProps {
  /** Creates the (disabled) device; returns its secret and otpauth URI once. */
  start: (label: string, options: TotpEnrolmentOptions) => Promise<ActionResult<TotpEnrolmentStart>>;
  /** Checks a code from the new device and turns it on; recovery codes come with the first device. */
  confirm: (deviceId: string, code: string) => Promise<ActionResult<{ recoveryCodes: string[] | null }>>;
  /** Called when the device is on and any recovery codes were acknowledged. */
  onDone: () => void;
  /** When given, a Cancel button on the first step calls it. */
  onCancel?: () => void;
  /** Printed on the recovery codes sheet. */
  account?: string;
  /** Level of the recovery codes' heading: 2 where the enclosing heading is the page's h1. */
  codesHeadingLevel?: 2 | 3;
}

type Step =
  | { name: "details" }
  | { name: "scan"; device: TotpEnrolmentStart; options: Required<TotpEnrolmentOptions> }
  | { name: "codes"; codes: string[] };

type Errors = { form?: string | null; fields?: Record<string, string[]> };

const DEFAULTS = { algorithm: "SHA1", digits: 6, period: 30, secretLength: 20 };

function errorsOf(result: ActionResult<unknown>): Errors {
  if (result.ok) return {};
  const fields = result.error.fieldErrors;
  return { form: fields && Object.keys(fields).length > 0 ? null : result.error.message, fields };
}

/**
 * Authenticator enrolment: name the device (advanced options folded away) → scan the QR code or
 * type the key → prove it with a code → see the recovery codes once. Used by the security page and
 * by the enrolment step of sign-in, each passing its own server actions.
 */
export function TotpEnrolment({ start, confirm, onDone, onCancel, account, codesHeadingLevel }: TotpEnrolmentProps) {
  const t = useTranslations("auth.totpEnrolment");
  const [step, setStep] = useState<Step>({ name: "details" });
  const [errors, setErrors] = useState<Errors>({});
  const [pending, startTransition] = useTransition();
  const retry = useRetryWithProof();
  const baseId = useId();
  // Each step replaces the one before, with the focused control in it: move focus into the new
  // step, so keyboard and screen reader users go on from there, not from the top of the page.
  const stepRef = useRef<HTMLElement>(null);
  const firstStep = useRef(true);
  useEffect(() => {
    if (firstStep.current) {
      firstStep.current = false;
      return;
    }
    if (step.name === "details") stepRef.current?.querySelector<HTMLInputElement>("input[name=label]")?.focus();
    if (step.name === "codes") stepRef.current?.focus();
  }, [step.name]);

  function submitDetails(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const label = String(form.get("label") ?? "");
    const options = {
      algorithm: String(form.get("algorithm") ?? DEFAULTS.algorithm),
      digits: Number(form.get("digits") ?? DEFAULTS.digits),
      period: Number(form.get("period") ?? DEFAULTS.period),
      secretLength: Number(form.get("secretLength") ?? DEFAULTS.secretLength),
    };
    startTransition(async () => {
      const result = await retry(() => start(label, options));
      if (!result.ok) return setErrors(errorsOf(result));
      setErrors({});
      setStep({ name: "scan", device: result.data, options });
    });
  }

  function submitCode(event: FormEvent<HTMLFormElement>, deviceId: string) {
    event.preventDefault();
    const input = event.currentTarget.elements.namedItem("code") as HTMLInputElement | null;
    const code = input?.value ?? "";
    startTransition(async () => {
      const result = await retry(() => confirm(deviceId, code));
      if (!result.ok) {
        if (input) input.value = "";
        input?.focus();
        const found = errorsOf(result);
        // A wrong code is about the field; an expired set-up is about the whole form.
        return setErrors(result.error.code === "invalid_input" ? { fields: { code: [result.error.message] } } : found);
      }
      setErrors({});
      if (result.data.recoveryCodes) setStep({ name: "codes", codes: result.data.recoveryCodes });
      else onDone();
    });
  }

  if (step.name === "codes") {
    return (
      <div ref={(el) => void (stepRef.current = el)} tabIndex={-1} className="space-y-3 outline-none">
        <FormMessage tone="success" message={t("turnedOn")} />
        <RecoveryCodesPanel codes={step.codes} account={account} onDone={onDone} headingLevel={codesHeadingLevel} />
      </div>
    );
  }

  if (step.name === "scan") {
    const { device, options } = step;
    const secretId = `${baseId}-secret`;
    return (
      <div className="space-y-5">
        <FormMessage tone="error" message={errors.form} />
        <ol className="list-decimal space-y-4 pl-5 text-sm">
          <li>
            <p className="mb-3">{t("scan")}</p>
            {/* White quiet zone of at least four modules (20 px), so the code scans in dark mode too. */}
            <div className="inline-block rounded-md bg-white p-5" data-testid="totp-qr">
              <QRCodeSVG value={device.uri} size={184} level="M" title={t("qrTitle")} />
            </div>
            <div className="mt-3 space-y-1">
              <p className="text-muted">{t("cannotScan")}</p>
              <div className="flex flex-wrap items-center gap-2">
                <code
                  id={secretId}
                  data-testid="totp-secret"
                  className="select-all break-all rounded-md border border-line bg-surface px-2 py-1 font-mono text-sm"
                >
                  {device.secret}
                </code>
                <CopyButton text={device.secret} targetId={secretId} label={t("setupKey")} />
              </div>
              <p className="text-xs text-muted">
                {t("optionsSummary", { algorithm: options.algorithm, digits: options.digits, period: options.period })}
              </p>
            </div>
          </li>
          <li>
            <form onSubmit={(e) => submitCode(e, device.deviceId)} className="max-w-xs space-y-3" noValidate>
              <Field
                name="code"
                label={t("code")}
                inputMode="numeric"
                autoComplete="one-time-code"
                pattern="[0-9 ]*"
                maxLength={12}
                required
                autoFocus
                error={errors.fields?.code}
              />
              <div className="flex flex-wrap gap-2">
                <Button type="submit" pending={pending} pendingLabel={t("verifying")}>
                  {t("verify")}
                </Button>
                <Button
                  variant="ghost"
                  disabled={pending}
                  onClick={() => {
                    setErrors({});
                    setStep({ name: "details" });
                  }}
                >
                  {t("startOver")}
                </Button>
              </div>
            </form>
          </li>
        </ol>
      </div>
    );
  }

  return (
    <form ref={(el) => void (stepRef.current = el)} onSubmit={submitDetails} className="max-w-md space-y-4" noValidate>
      <FormMessage tone="error" message={errors.form} />
      <Field
        name="label"
        label={t("deviceName")}
        defaultValue={t("deviceNameDefault")}
        required
        maxLength={64}
        hint={t("deviceNameHint")}
        error={errors.fields?.label}
      />
      <details className="rounded-md border border-line px-3 py-2">
        <summary className="cursor-pointer text-sm font-medium">{t("advanced")}</summary>
        <p className="mt-2 text-sm text-muted">{t("advancedHint")}</p>
        <div className="mt-3 grid grid-cols-1 gap-3 sm:grid-cols-2">
          <Select
            name="algorithm"
            label={t("algorithm")}
            defaultValue={DEFAULTS.algorithm}
            options={["SHA1", "SHA256", "SHA512"].map((v) => ({ value: v, label: v }))}
            error={errors.fields?.algorithm}
          />
          <Select
            name="digits"
            label={t("digits")}
            defaultValue={String(DEFAULTS.digits)}
            options={[
              { value: "6", label: "6" },
              { value: "8", label: "8" },
            ]}
            error={errors.fields?.digits}
          />
          <Select
            name="period"
            label={t("period")}
            defaultValue={String(DEFAULTS.period)}
            options={[
              { value: "30", label: t("seconds", { count: 30 }) },
              { value: "60", label: t("seconds", { count: 60 }) },
            ]}
            error={errors.fields?.period}
          />
          <Select
            name="secretLength"
            label={t("keyLength")}
            defaultValue={String(DEFAULTS.secretLength)}
            options={[16, 20, 32, 64].map((n) => ({ value: String(n), label: t("keyLengthOption", { bytes: n, bits: n * 8 }) }))}
            error={errors.fields?.secretLength}
          />
        </div>
      </details>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" pending={pending} pendingLabel={t("preparing")}>
          {t("continue")}
        </Button>
        {onCancel && (
          <Button variant="ghost" onClick={onCancel} disabled={pending}>
            {t("cancel")}
          </Button>
        )}
      </div>
    </form>
  );
}
