"use client";
import { useTranslations } from "next-intl";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { deleteOwnCredentialAction, setOwnCredentialEnabledAction } from "@/lib/actions/portal/credentials";
import { fetchJson } from "@/components/admin/fetch-json";
import { queryKeys } from "@/components/providers/query-keys";
import { FormMessage } from "@/components/ui/form-message";
import { useToast } from "@/components/ui/toast";
import { unwrapResult } from "@/lib/actions/action-result";
import type { CredentialJson } from "@/lib/credentials/credential-view";
import { CredentialTable } from "./credential-table";

/**
 * The signed-in user's credentials, with enable/disable and delete (server action, then the list is
 * invalidated). `initial` is the list the page rendered, so the first paint needs no request.
 */
export function OwnCredentialsList({ initial }: { initial: CredentialJson[] }) {
  const t = useTranslations("credentials.own");
  const queryClient = useQueryClient();
  const toast = useToast();
  const list = useQuery({
    queryKey: queryKeys.ownCredentials,
    queryFn: () => fetchJson<{ credentials: CredentialJson[] }>("/api/account/credentials"),
    initialData: { credentials: initial },
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.ownCredentials });
  return (
    <>
      {list.isError && <FormMessage tone="error" message={list.error.message} />}
      <CredentialTable
        credentials={list.data.credentials}
        emptyText={t("empty")}
        viewer="owner"
        onSetEnabled={async (id, enabled) => {
          unwrapResult(await setOwnCredentialEnabledAction({ id, enabled }));
          toast.success(enabled ? t("enabled") : t("disabled"));
          await refresh();
        }}
        onDelete={async (id) => {
          const gone = unwrapResult(await deleteOwnCredentialAction({ id }));
          toast.success(t("deleted", { label: gone.label }));
          await refresh();
        }}
      />
    </>
  );
}
