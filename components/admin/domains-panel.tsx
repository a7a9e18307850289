"use client";
import { LocalTime } from "@/components/ui/local-time";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { createDomainAction, deleteDomainAction } from "@/lib/actions/admin/domains";
import { fetchJson } from "@/components/admin/fetch-json";
import { SubmitButton } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { FormMessage } from "@/components/ui/form-message";
import { Field } from "@/components/ui/input";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/ui/table";
import { useFormAction } from "@/components/ui/use-form-action";
import { valuesOf } from "@/lib/actions/action-result";
import type { DomainView } from "@/lib/domains/domain-view";

export function DomainsPanel() {
  const queryClient = useQueryClient();
  const domains = useQuery({ queryKey: ["domains"], queryFn: () => fetchJson<DomainView[]>("/api/admin/domains") });
  const { state, formAction, formRef } = useFormAction(createDomainAction, () => {
    void queryClient.invalidateQueries({ queryKey: ["domains"] });
  });

  return (
    <div className="space-y-6">
      {domains.isError && <FormMessage tone="error" message={domains.error.message} />}
      {domains.data?.length === 0 ? (
        <EmptyState title="No domains yet" description="Add the first one below." />
      ) : (
        <Table caption="Domains" captionSrOnly>
          <THead>
            <Tr>
              <Th>Domain</Th>
              <Th>Users</Th>
              <Th>Created</Th>
              <Th>
                <span className="sr-only">Actions</span>
              </Th>
            </Tr>
          </THead>
          <TBody>
            {domains.data?.map((d) => (
              <Tr key={d.id}>
                <Td className="font-medium">{d.name}</Td>
                <Td>{d.userCount}</Td>
                <Td>
                  <LocalTime value={d.createdAt} format="date" />
                </Td>
                <Td>
                  <ConfirmButton
                    size="sm"
                    title={`Delete ${d.name}?`}
                    description="Only a domain without users can be deleted."
                    confirmLabel="Delete domain"
                    disabled={d.userCount > 0}
                    aria-label={`Delete ${d.name}`}
                    onConfirm={async () => {
                      const r = await deleteDomainAction({ name: d.name });
                      if (!r.ok) throw new Error(r.error.message);
                      await queryClient.invalidateQueries({ queryKey: ["domains"] });
                    }}
                  >
                    Delete
                  </ConfirmButton>
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
      <form ref={formRef} action={formAction} className="flex max-w-xl flex-col gap-3 sm:flex-row sm:items-start" noValidate>
        <Field
          className="flex-1"
          name="name"
          defaultValue={valuesOf(state).name}
          label="New domain"
          maxLength={253}
          autoComplete="off"
          error={state && !state.ok ? (state.error.fieldErrors?.name ?? state.error.message) : undefined}
        />
        <SubmitButton className="sm:mt-6" pendingLabel="Adding…">
          Add domain
        </SubmitButton>
      </form>
      {state?.ok && <FormMessage tone="success" message={`Domain ${state.data.name} added.`} />}
    </div>
  );
}
