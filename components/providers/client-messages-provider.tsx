import { NextIntlClientProvider } from "next-intl";
import type { ReactNode } from "react";
import { clientMessages, type ClientMessagesPart } from "@/lib/i18n/client-messages";

/** Gives the client components below it the messages of their part of the app, and no others. */
export async function ClientMessagesProvider({ part, children }: { part: ClientMessagesPart; children: ReactNode }) {
  return <NextIntlClientProvider messages={await clientMessages(part)}>{children}</NextIntlClientProvider>;
}
