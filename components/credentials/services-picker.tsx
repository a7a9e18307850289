"use client";
import { useTranslations } from "next-intl";
import { Checkbox } from "@/components/ui/checkbox";
import { FieldError, type FieldErrorValue, errorMessages } from "@/components/ui/field-parts";

/** What each service is for, in the viewer's language (the service names are product names). */
function useServiceHints(): Record<string, string> {
  const t = useTranslations("credentials.services");
  return {
    WebUI: t("webUi"),
    WebAdminUI: t("webAdminUi"),
    EAS: t("eas"),
    MobileApp: t("mobileApp"),
    DesktopApp: t("desktopApp"),
    DAV: t("dav"),
    IMAP: t("imap"),
    POP3: t("pop3"),
    SMTP: t("smtp"),
    CLI: t("cli"),
  };
}

/** A group of service checkboxes named `name`; controlled so presets and warnings can follow it. */
export function ServicesPicker({
  name = "services",
  services,
  value,
  onChange,
  error,
  legend,
}: {
  name?: string;
  services: readonly string[];
  value: readonly string[];
  onChange: (next: string[]) => void;
  error?: FieldErrorValue;
  legend?: string;
}) {
  const t = useTranslations("credentials.services");
  const hints = useServiceHints();
  const messages = errorMessages(error);
  const errorId = `${name}-services-error`;
  return (
    <fieldset className="space-y-2" aria-describedby={messages.length ? errorId : undefined}>
      <legend className="mb-1 text-sm font-medium text-fg">{legend ?? t("legend")}</legend>
      <div className="grid grid-cols-1 gap-2 sm:grid-cols-2">
        {services.map((service) => (
          <Checkbox
            key={service}
            name={name}
            value={service}
            checked={value.includes(service)}
            onChange={(e) => onChange(e.target.checked ? [...value, service] : value.filter((s) => s !== service))}
            label={
              <>
                <span className="font-medium">{service}</span>
                {hints[service] && <span className="text-muted"> — {hints[service]}</span>}
              </>
            }
          />
        ))}
      </div>
      <FieldError id={messages.length ? errorId : undefined} messages={messages} />
    </fieldset>
  );
}
