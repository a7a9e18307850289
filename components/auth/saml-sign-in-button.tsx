import { useTranslations } from "next-intl";
import { buttonClassName } from "@/components/ui/button";

/** "LOGIN SAML": a plain link (a whole-page navigation to the IdP), also usable without JavaScript. */
export function SamlSignInButton({ domain, next }: { domain: string; next?: string }) {
  const t = useTranslations("auth.saml");
  const query = new URLSearchParams({ domain, ...(next ? { redirectUrl: next } : {}) });
  return (
    <a href={`/zx/auth/startSamlWorkflow?${query}`} className={buttonClassName({ fullWidth: true })} data-testid="login-saml">
      {t("button")}
    </a>
  );
}
