import de from "@/messages/de.json";
import en from "@/messages/en.json";
import it from "@/messages/it.json";
import { SOURCE_LOCALE, type Locale } from "@/lib/i18n/locales";

export type Messages = typeof en;
type Tree = { [key: string]: string | Tree };

const CATALOGUES: Record<Locale, Tree> = { en, it, de };

/** The catalogue for a language, English underneath: a key a translation lacks shows in English, never as its key. */
export function messagesFor(locale: Locale): Messages {
  return (locale === SOURCE_LOCALE ? en : withFallback(CATALOGUES[locale], en)) as Messages;
}

function withFallback(messages: Tree, fallback: Tree): Tree {
  const out: Tree = { ...fallback };
  for (const [key, value] of Object.entries(messages)) {
    const base = fallback[key];
    out[key] = typeof value === "object" && typeof base === "object" ? withFallback(value, base) : value;
  }
  return out;
}
