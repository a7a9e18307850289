import "server-only";
import { getTranslations } from "next-intl/server";
import type { Translate } from "@/lib/i18n/translate-message";

/** Whole-key translation ("errors.internal") in this request's language, for the action and route guards. */
export async function requestTranslator(): Promise<Translate> {
  const t = await getTranslations();
  return (key, params) => t(key as never, params as never);
}
