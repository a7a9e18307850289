import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/ui/form-message";

/** Shown whenever a credential's services include the web UI: it signs in without the OTP. */
export function WebSessionWarning() {
  const t = useTranslations("credentials.webSessionWarning");
  return (
    <FormMessage tone="info" className="border-warning/40 bg-warning-soft text-fg">
      <span data-testid="webui-warning">{t.rich("text", { strong: (chunks) => <strong>{chunks}</strong> })}</span>
    </FormMessage>
  );
}
