"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useState, type ChangeEvent } from "react";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button, SubmitButton } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { FieldError, FieldHint } from "@/components/ui/field-parts";
import { FormMessage } from "@/components/ui/form-message";
import { Field } from "@/components/ui/input";
import { LocalTime } from "@/components/ui/local-time";
import { useToast } from "@/components/ui/toast";
import { importSamlFileAction, importSamlMetadataUrlAction, refreshSamlMetadataAction } from "@/lib/actions/admin/saml";
import { MAX_SAML_UPLOAD_BYTES } from "@/lib/saml/saml-upload-limit";

// Getting the IdP's side in: its metadata URL (remembered, refreshed daily and on demand), or a
// saml.json / metadata XML file. The server reads and checks everything before writing anything.

export function SamlMetadataUrlForm({
  domain,
  metadataUrl,
  allowUnsecure,
}: {
  domain: string;
  metadataUrl: string | null;
  allowUnsecure: boolean;
}) {
  const t = useTranslations("admin.saml.import");
  const { formProps, fieldErrors, formError, values, pending } = useActionForm(importSamlMetadataUrlAction, {
    refresh: true,
    keepFieldsOnError: true,
    toast: (r) => t("imported", { keys: r.keys }),
  });
  return (
    <form {...formProps} className="flex flex-col gap-3" noValidate>
      <input type="hidden" name="domain" value={domain} />
      <Field
        name="url"
        type="url"
        label={t("url")}
        hint={t("urlHint")}
        defaultValue={values.url ?? metadataUrl ?? ""}
        maxLength={2048}
        autoComplete="off"
        error={fieldErrors?.url ?? formError}
      />
      <Checkbox name="allowUnsecure" defaultChecked={allowUnsecure} label={t("allowUnsecure")} hint={t("allowUnsecureHint")} />
      <div>
        <SubmitButton pending={pending} pendingLabel={t("importing")}>
          {t("importUrl")}
        </SubmitButton>
      </div>
    </form>
  );
}

/** Where the metadata came from, when it was last read, the last failure, and "Refresh now". */
export function SamlRefreshStatus(props: {
  domain: string;
  metadataUrl: string | null;
  lastRefreshAt: string | null;
  lastRefreshError: string | null;
}) {
  const t = useTranslations("admin.saml.import");
  const router = useRouter();
  const toast = useToast();
  const [running, setRunning] = useState(false);
  if (!props.metadataUrl) return <p className="text-sm text-muted">{t("notFromUrl")}</p>;

  // A failed download is recorded (and shown below after the refresh), not thrown.
  async function refresh() {
    setRunning(true);
    const result = await refreshSamlMetadataAction({ domain: props.domain });
    setRunning(false);
    if (!result.ok) toast.error(result.error.message);
    else if (result.data.ok) toast.success(t("refreshed", { certificates: result.data.certificates }));
    else toast.error(t("refreshFailed"));
    router.refresh();
  }

  return (
    <div className="space-y-2 rounded-md border border-line p-3 text-sm" data-testid="saml-refresh-status">
      <p>{t.rich("fromUrl", { url: () => <code className="break-all font-mono">{props.metadataUrl}</code> })}</p>
      <p>
        {t("lastRefresh")} <LocalTime value={props.lastRefreshAt} />
      </p>
      {props.lastRefreshError && <FormMessage tone="error" message={t("lastRefreshError", { error: props.lastRefreshError })} />}
      <Button variant="secondary" size="sm" pending={running} onClick={refresh}>
        {t("refreshNow")}
      </Button>
    </div>
  );
}

/** A saml.json or IdP metadata XML file, read in the browser and sent as text (capped in size). */
export function SamlFileImportForm({ domain }: { domain: string }) {
  const t = useTranslations("admin.saml.import");
  const inputId = useId();
  const [content, setContent] = useState("");
  const [localError, setLocalError] = useState<string | null>(null);
  const { formProps, fieldErrors, formError, pending } = useActionForm(importSamlFileAction, {
    refresh: true,
    keepFieldsOnError: true,
    toast: (r) => t("imported", { keys: r.keys }),
    onSuccess: () => setContent(""),
  });

  async function choose(event: ChangeEvent<HTMLInputElement>) {
    const file = event.currentTarget.files?.[0];
    setLocalError(null);
    setContent("");
    if (!file) return;
    if (file.size > MAX_SAML_UPLOAD_BYTES) {
      setLocalError(t("fileTooLarge", { max: MAX_SAML_UPLOAD_BYTES / 1024 }));
      event.currentTarget.value = "";
      return;
    }
    setContent(await file.text());
  }

  const messages = localError ? [localError] : (fieldErrors?.file ?? (formError ? [formError] : []));
  const hintId = `${inputId}-hint`;
  const errorId = messages.length > 0 ? `${inputId}-error` : undefined;
  return (
    <form {...formProps} className="flex flex-col gap-3" noValidate>
      <input type="hidden" name="domain" value={domain} />
      <input type="hidden" name="file" value={content} />
      <div className="flex flex-col gap-1.5">
        <label htmlFor={inputId} className="block text-sm font-medium text-fg">
          {t("file")}
        </label>
        {/* No name: the file goes to the server as the text read above, not as an upload. */}
        <input
          id={inputId}
          type="file"
          accept=".json,.xml,application/json,application/xml,text/xml,application/samlmetadata+xml"
          onChange={choose}
          aria-invalid={errorId ? true : undefined}
          aria-describedby={[hintId, errorId].filter(Boolean).join(" ")}
          className="block w-full text-sm"
        />
        <FieldHint id={hintId}>{t("fileHint", { max: MAX_SAML_UPLOAD_BYTES / 1024 })}</FieldHint>
        <FieldError id={errorId} messages={messages} />
      </div>
      <div>
        <SubmitButton pending={pending} disabled={!content} pendingLabel={t("importing")}>
          {t("importFile")}
        </SubmitButton>
      </div>
    </form>
  );
}
