import { FormMessage } from "@/components/ui/form-message";

/** Shown whenever a credential's services include the web UI: it signs in without the OTP. */
export function WebSessionWarning() {
  return (
    <FormMessage tone="info" className="border-warning/40 bg-warning-soft text-fg">
      <span data-testid="webui-warning">
        Warning: a credential for WebUI signs in to the web UI <strong>without the second factor</strong> (no one-time code is asked). Treat
        it like your password, give it an expiry, and delete it when it is no longer needed.
      </span>
    </FormMessage>
  );
}
