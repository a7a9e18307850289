"use client";
import { useTranslations } from "next-intl";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { adminDeleteCredentialAction, adminUpdateCredentialAction } from "@/lib/actions/admin/user-credentials";
import { fetchJson, NoAnswerError } from "@/components/admin/fetch-json";
import { queryKeys } from "@/components/providers/query-keys";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { useToast } from "@/components/ui/toast";
import { unwrapResult } from "@/lib/actions/action-result";
import type { CredentialJson } from "@/lib/credentials/credential-view";
import { AdminCreateCredentialForm, type PresetOption } from "./admin-create-credential-form";
import { AdminEditCredentialForm } from "./admin-edit-credential-form";
import { CredentialTable } from "./credential-table";

/** List (with last use), create, edit, enable/disable and delete one account's credentials. */
export function AdminCredentialsPanel({
  userId,
  email,
  services,
  presets,
  initial,
}: {
  userId: string;
  email: string;
  services: string[];
  presets: PresetOption[];
  /** The credentials the page rendered: the list's first data, so it shows without a request. */
  initial: CredentialJson[];
}) {
  const t = useTranslations("admin.credentials");
  const queryClient = useQueryClient();
  const toast = useToast();
  const key = queryKeys.userCredentials(userId);
  const [editing, setEditing] = useState<string | null>(null);
  const list = useQuery({
    queryKey: key,
    queryFn: () => fetchJson<{ credentials: CredentialJson[] }>(`/api/admin/users/${encodeURIComponent(userId)}/credentials`),
    initialData: { credentials: initial },
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: key });
  const editedCredential = list.data.credentials.find((c) => c.id === editing);

  return (
    <div className="space-y-6">
      {list.isError && <FormMessage tone="error" message={list.error instanceof NoAnswerError ? t("noAnswer") : list.error.message} />}
      <CredentialTable
        credentials={list.data.credentials}
        emptyText={t("empty", { email })}
        viewer="admin"
        extra={(c) => (
          <Button size="sm" variant="secondary" aria-label={t("editLabel", { label: c.label })} onClick={() => setEditing(c.id)}>
            {t("edit")}
          </Button>
        )}
        onSetEnabled={async (id, enabled) => {
          unwrapResult(await adminUpdateCredentialAction({ userId, id, enabled }));
          toast.success(enabled ? t("enabled") : t("disabled"));
          await refresh();
        }}
        onDelete={async (id) => {
          const gone = unwrapResult(await adminDeleteCredentialAction({ userId, id }));
          toast.success(t("deleted", { label: gone.label }));
          if (editing === id) setEditing(null);
          await refresh();
        }}
      />
      {editedCredential && (
        <AdminEditCredentialForm
          key={editedCredential.id}
          userId={userId}
          credential={editedCredential}
          services={services}
          onDone={() => setEditing(null)}
        />
      )}
      <section aria-labelledby="create-credential-heading" className="space-y-3 border-t border-line pt-4">
        <h3 id="create-credential-heading" className="text-sm font-semibold">
          {t("createHeading", { email })}
        </h3>
        <AdminCreateCredentialForm userId={userId} services={services} presets={presets} />
      </section>
    </div>
  );
}
