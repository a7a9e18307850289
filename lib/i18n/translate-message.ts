// use-intl is next-intl's core (same version): its translator needs no React, so the CLI and tests can use it.
import { createTranslator } from "use-intl/core";
import { parseMessageKey, type MessageParams } from "@/lib/i18n/message-key";
import { messagesFor } from "@/lib/i18n/messages";

/** A translator for whole keys ("errors.internal"), as next-intl's getTranslations() returns. */
export type Translate = (key: string, params?: MessageParams) => string;

/** English, for the CLI, logs and tests: the CLI stays English whatever the locale. */
export const translateToEnglish: Translate = (() => {
  const t = createTranslator({ locale: "en", messages: messagesFor("en"), onError: () => {}, getMessageFallback: ({ key }) => key });
  return (key, params) => t(key as never, params as never);
})();

/** A message key in the given language; any other text (not yet converted to keys) passes through unchanged. */
export function translateText(text: string, translate: Translate): string {
  const parsed = parseMessageKey(text);
  if (!parsed) return text;
  try {
    return translate(parsed.key, parsed.params);
  } catch {
    return translateToEnglish(parsed.key, parsed.params);
  }
}
