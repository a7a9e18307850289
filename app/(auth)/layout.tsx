import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { ClientMessagesProvider } from "@/components/providers/client-messages-provider";

/** Sign-in and setup: one narrow card, nothing else on the page. */
export default async function AuthLayout({ children }: { children: ReactNode }) {
  const t = await getTranslations("common");
  return (
    <div className="flex min-h-dvh items-start justify-center px-4 py-10 sm:items-center">
      <main id="main" className="w-full max-w-sm">
        <p className="mb-6 text-center text-lg font-semibold tracking-tight">{t("appName")}</p>
        <ClientMessagesProvider part="auth">{children}</ClientMessagesProvider>
      </main>
    </div>
  );
}
