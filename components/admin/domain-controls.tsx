"use client";
import { createDomainAction, deleteDomainAction } from "@/lib/actions/admin/domains";
import { SubmitButton } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/dialog";
import { useActionForm } from "@/components/forms/use-action-form";
import { Field } from "@/components/ui/input";
import { useConfirmedAction } from "@/components/ui/use-confirmed-action";

// The domains page's writes: server actions, then the server-rendered list is refreshed.

export function CreateDomainForm() {
  const { formProps, fieldErrors, formError, values } = useActionForm(createDomainAction, {
    refresh: true,
    toast: (domain) => `Domain ${domain.name} added.`,
  });
  return (
    <form {...formProps} className="flex max-w-xl flex-col gap-3 sm:flex-row sm:items-start" noValidate>
      <Field
        className="flex-1"
        name="name"
        defaultValue={values.name}
        label="New domain"
        maxLength={253}
        autoComplete="off"
        error={fieldErrors?.name ?? formError}
      />
      <SubmitButton className="sm:mt-6" pendingLabel="Adding…">
        Add domain
      </SubmitButton>
    </form>
  );
}

export function DeleteDomainButton({ name, userCount }: { name: string; userCount: number }) {
  const confirmed = useConfirmedAction();
  return (
    <ConfirmButton
      size="sm"
      title={`Delete ${name}?`}
      description="Only a domain without users can be deleted."
      confirmLabel="Delete domain"
      disabled={userCount > 0}
      aria-label={`Delete ${name}`}
      onConfirm={() => confirmed(() => deleteDomainAction({ name }), `Domain ${name} deleted.`)}
    >
      Delete
    </ConfirmButton>
  );
}
