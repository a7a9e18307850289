"use client";
import { useTranslations } from "next-intl";
import { Fragment, useId, useState } from "react";
import { useActionForm } from "@/components/forms/use-action-form";
import { Badge } from "@/components/ui/badge";
import { Button, SubmitButton } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/dialog";
import { controlClassName, FieldFrame } from "@/components/ui/field-parts";
import { FormMessage } from "@/components/ui/form-message";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/ui/table";
import { useConfirmedAction } from "@/components/ui/use-confirmed-action";
import { deleteSamlKeyAction, updateSamlKeyAction } from "@/lib/actions/admin/saml";

export type SamlKeyRow = { key: string; value: string; isDefault: boolean; kind: "boolean" | "pem" | "text" };

/** Certificates are long: the table shows their start, the editor the whole value. */
const shortened = (value: string) => (value.length > 90 ? `${value.slice(0, 90)}…` : value);

/**
 * Every saml.json key with the value in effect, defaults marked. One key at a time is edited in a
 * row opened under it; the server checks the value (errors.saml.*) and a refused one changes nothing.
 * "Reset to default" deletes the key, so its default applies again.
 */
export function SamlKeyEditor({ domain, rows }: { domain: string; rows: SamlKeyRow[] }) {
  const t = useTranslations("admin.saml.keys");
  const [editing, setEditing] = useState<string | null>(null);
  const confirmed = useConfirmedAction();
  return (
    <Table caption={t("caption")} captionSrOnly>
      <THead>
        <Tr>
          <Th>{t("key")}</Th>
          <Th>{t("value")}</Th>
          <Th>
            <span className="sr-only">{t("actions")}</span>
          </Th>
        </Tr>
      </THead>
      <TBody>
        {rows.map((row) => (
          <Fragment key={row.key}>
            <Tr data-testid={`saml-key-${row.key}`}>
              <Th scope="row" className="whitespace-normal break-all font-mono text-xs tracking-normal text-fg">
                {/* The table kit's header cells are upper-case; a key's name is shown as it is spelled. */}
                <span className="normal-case">{row.key}</span>
              </Th>
              <Td className="max-w-md">
                <div className="flex flex-wrap items-center gap-2">
                  {row.value === "" ? (
                    <span className="text-muted">{t("empty")}</span>
                  ) : (
                    <code className="break-all font-mono text-xs">{shortened(row.value)}</code>
                  )}
                  {row.isDefault && <Badge>{t("default")}</Badge>}
                </div>
              </Td>
              <Td>
                <div className="flex flex-wrap gap-2">
                  <Button
                    variant="secondary"
                    size="sm"
                    aria-expanded={editing === row.key}
                    aria-label={t("editLabel", { key: row.key })}
                    onClick={() => setEditing(editing === row.key ? null : row.key)}
                  >
                    {t("edit")}
                  </Button>
                  {!row.isDefault && (
                    <ConfirmButton
                      size="sm"
                      variant="secondary"
                      aria-label={t("resetLabel", { key: row.key })}
                      title={t("resetTitle", { key: row.key })}
                      description={t("resetDescription")}
                      confirmLabel={t("resetConfirm")}
                      onConfirm={() => confirmed(() => deleteSamlKeyAction({ domain, key: row.key }), t("resetDone", { key: row.key }))}
                    >
                      {t("reset")}
                    </ConfirmButton>
                  )}
                </div>
              </Td>
            </Tr>
            {editing === row.key && (
              <Tr>
                <Td colSpan={3} className="bg-surface-muted">
                  <SamlKeyForm domain={domain} row={row} onDone={() => setEditing(null)} />
                </Td>
              </Tr>
            )}
          </Fragment>
        ))}
      </TBody>
    </Table>
  );
}

function SamlKeyForm({ domain, row, onDone }: { domain: string; row: SamlKeyRow; onDone: () => void }) {
  const t = useTranslations("admin.saml.keys");
  const id = useId();
  const { formProps, fieldErrors, formError, pending } = useActionForm(updateSamlKeyAction, {
    refresh: true,
    keepFieldsOnError: true,
    toast: (r) => t("saved", { key: r.key }),
    onSuccess: onDone,
  });
  // The operation names the key in its field errors; the form's one field is "value".
  const error = fieldErrors?.value ?? fieldErrors?.[row.key];
  // A refused value stays in the field as typed (keepFieldsOnError).
  const current = row.value;
  return (
    <form {...formProps} className="flex flex-col gap-3" noValidate>
      <input type="hidden" name="domain" value={domain} />
      <input type="hidden" name="key" value={row.key} />
      <FormMessage message={error ? null : formError} />
      <FieldFrame id={id} label={t("newValue", { key: row.key })} error={error}>
        {(wiring) =>
          row.kind === "boolean" ? (
            <select {...wiring} name="value" defaultValue={current} className={controlClassName}>
              <option value="true">true</option>
              <option value="false">false</option>
            </select>
          ) : row.kind === "pem" ? (
            <textarea
              {...wiring}
              name="value"
              defaultValue={current}
              rows={8}
              spellCheck={false}
              className={`${controlClassName} font-mono text-xs`}
            />
          ) : (
            <input
              {...wiring}
              name="value"
              defaultValue={current}
              maxLength={1024}
              autoComplete="off"
              spellCheck={false}
              className={controlClassName}
            />
          )
        }
      </FieldFrame>
      <div className="flex flex-wrap gap-2">
        <SubmitButton size="sm" pending={pending} pendingLabel={t("saving")}>
          {t("save")}
        </SubmitButton>
        <Button size="sm" variant="ghost" onClick={onDone}>
          {t("cancel")}
        </Button>
      </div>
    </form>
  );
}
