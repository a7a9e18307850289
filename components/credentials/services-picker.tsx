"use client";
import { Checkbox } from "@/components/ui/checkbox";
import { FieldError, type FieldErrorValue, errorMessages } from "@/components/ui/field-parts";

export const SERVICE_HINTS: Record<string, string> = {
  WebUI: "web mail and apps in the browser",
  WebAdminUI: "the admin console",
  EAS: "Exchange ActiveSync: phone mail, calendar, contacts",
  MobileApp: "the mobile apps",
  DesktopApp: "desktop apps",
  DAV: "CalDAV / CardDAV",
  IMAP: "reading mail in a mail program",
  POP3: "downloading mail",
  SMTP: "sending mail",
  CLI: "command-line tools",
};

/** A group of service checkboxes named `name`; controlled so presets and warnings can follow it. */
export function ServicesPicker({
  name = "services",
  services,
  value,
  onChange,
  error,
  legend = "Services",
}: {
  name?: string;
  services: readonly string[];
  value: readonly string[];
  onChange: (next: string[]) => void;
  error?: FieldErrorValue;
  legend?: string;
}) {
  const messages = errorMessages(error);
  const errorId = `${name}-services-error`;
  return (
    <fieldset className="space-y-2" aria-describedby={messages.length ? errorId : undefined}>
      <legend className="mb-1 text-sm font-medium text-fg">{legend}</legend>
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
                {SERVICE_HINTS[service] && <span className="text-muted"> — {SERVICE_HINTS[service]}</span>}
              </>
            }
          />
        ))}
      </div>
      <FieldError id={messages.length ? errorId : undefined} messages={messages} />
    </fieldset>
  );
}
