"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useCallback, useState } from "react";
import { refreshPage } from "@/components/providers/refresh-page";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/dialog";
import { FormMessage } from "@/components/ui/form-message";
import { useConfirmedAction } from "@/components/ui/use-confirmed-action";
import { createAuthLinkAction, revokeAuthLinksAction, type CreatedAuthLink } from "@/lib/actions/admin/auth-links";
import { AuthLinkOverlay } from "./auth-link-overlay";
import { AuthLinkTable, type AuthLinkRow } from "./auth-link-table";
import { PermanentLinkButton } from "./permanent-link-button";

/**
 * The "Temporary link" box of a user's page: create a link (shown once in the overlay), create a
 * permanent one after a confirmation, and the list with revoke. The list is server-rendered and
 * refreshed after each change.
 */
export function AuthLinksPanel(props: { userId: string; email: string; mailConfigured: boolean; links: AuthLinkRow[] }) {
  const { userId, email, mailConfigured, links } = props;
  const t = useTranslations("admin.authLinks");
  const router = useRouter();
  const queryClient = useQueryClient();
  const confirmed = useConfirmedAction();
  const [created, setCreated] = useState<CreatedAuthLink | null>(null);
  const [creating, setCreating] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const closeOverlay = useCallback(() => setCreated(null), []);

  const show = (link: CreatedAuthLink) => {
    setCreated(link);
    refreshPage(router, queryClient);
  };

  async function createTemporary() {
    setCreating(true);
    setError(null);
    const result = await createAuthLinkAction({ userId });
    setCreating(false);
    if (result.ok) show(result.data);
    else setError(result.error.message);
  }

  const pending = links.filter((l) => l.state === "pending").length;
  return (
    <div className="space-y-4">
      <FormMessage tone="error" message={error} />
      <div className="flex flex-wrap gap-2">
        <Button pending={creating} onClick={() => void createTemporary()}>
          {t("createTemporary")}
        </Button>
        <PermanentLinkButton userId={userId} email={email} onCreated={show} />
        {pending > 0 && (
          <ConfirmButton
            variant="secondary"
            title={t("revokeAllTitle")}
            description={t("revokeAllDescription", { count: pending })}
            confirmLabel={t("revokeAllConfirm")}
            onConfirm={() => confirmed(revokeAuthLinksAction({ userId, which: "all" }), (data) => t("revokedAll", { count: data.revoked }))}
          >
            {t("revokeAll")}
          </ConfirmButton>
        )}
      </div>
      <AuthLinkTable userId={userId} links={links} />
      {created && <AuthLinkOverlay link={created} email={email} mailConfigured={mailConfigured} onClose={closeOverlay} />}
    </div>
  );
}
