import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Card } from "@/components/ui/card";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("notFound");
  return { title: t("metaTitle") };
}

// Our own 404: Next's built-in one styles itself inline, which the nonce CSP (proxy.ts) refuses,
// so it rendered unstyled. This one uses the app's stylesheet and speaks the person's language.
export default async function NotFound() {
  const t = await getTranslations("notFound");
  return (
    <div className="flex min-h-dvh items-start justify-center px-4 py-10 sm:items-center">
      <main id="main" className="w-full max-w-sm">
        <Card title={t("heading")} headingLevel={1}>
          <p className="text-sm text-muted">{t("body")}</p>
          <p className="mt-4 text-sm">
            <Link href="/" className="font-medium underline underline-offset-2">
              {t("home")}
            </Link>
          </p>
        </Card>
      </main>
    </div>
  );
}
