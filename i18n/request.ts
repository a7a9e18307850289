import { getRequestConfig } from "next-intl/server";
import { requestLocale } from "@/lib/i18n/request-locale";
import { messagesFor } from "@/lib/i18n/messages";

// next-intl's per-request configuration (found by the plugin in next.config.js). There are no
// locale path prefixes: the language comes from the person, cookie, browser or domain
// (lib/i18n/resolve-locale.ts), so /login stays /login in every language.
export default getRequestConfig(async () => {
  const locale = await requestLocale();
  return { locale, messages: messagesFor(locale) };
});
