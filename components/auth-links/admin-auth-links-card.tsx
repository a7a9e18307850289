import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { listAuthLinks } from "@/lib/auth-links/list-auth-links";
import { mailConfigured } from "@/lib/mail/mail-transport";
import { AuthLinksPanel } from "./auth-links-panel";

/** The "Temporary link" box of a user's page in the console (server part: loads the links). */
export async function AdminAuthLinksCard({ userId, email }: { userId: string; email: string }) {
  const t = await getTranslations("admin.authLinks");
  const links = await listAuthLinks(userId);
  const rows = links.map((l) => ({
    ...l,
    createdAt: l.createdAt.toISOString(),
    expiresAt: l.expiresAt?.toISOString() ?? null,
    usedAt: l.usedAt?.toISOString() ?? null,
  }));
  return (
    <Card title={t("title")} description={t("description")}>
      <AuthLinksPanel userId={userId} email={email} mailConfigured={mailConfigured()} links={rows} />
    </Card>
  );
}
