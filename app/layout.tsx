import type { Metadata, Viewport } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { ClientMessagesProvider } from "@/components/providers/client-messages-provider";
import { HydrationMark } from "@/components/providers/hydration-mark";
import { QueryProvider } from "@/components/providers/query-provider";
import { ToastProvider } from "@/components/ui/toast";
import { requestTheme } from "@/lib/i18n/request-locale";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common");
  return { title: { default: t("appName"), template: `%s · ${t("appName")}` }, description: t("appDescription") };
}

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page is rendered per request, so that Next.js can put proxy.ts's fresh CSP nonce on its scripts.
  await connection();
  const [locale, theme] = await Promise.all([getLocale(), requestTheme()]);
  // A saved theme is rendered here, on the server, so the page never flashes the other one;
  // without one, globals.css follows prefers-color-scheme.
  return (
    <html lang={locale} data-theme={theme ?? undefined}>
      <body className="bg-bg text-fg antialiased">
        <ClientMessagesProvider part="root">
          <QueryProvider>
            <ToastProvider>{children}</ToastProvider>
          </QueryProvider>
          <HydrationMark />
        </ClientMessagesProvider>
      </body>
    </html>
  );
}
