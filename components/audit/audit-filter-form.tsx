import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { parseAuditTime } from "@/lib/audit/parse-audit-filters";
import { AUDIT_ACTION_GROUPS } from "@/lib/audit/action-group";

const field = "min-w-0 rounded-md border border-line-strong bg-surface px-3 py-2 text-sm";

/** The viewer's filters as a plain GET form: the URL carries them, so a view can be bookmarked or shared. */
export async function AuditFilterForm({ values }: { values: Record<string, string> }) {
  const t = await getTranslations("admin.audit");
  const groups: Record<string, string> = {
    login: t("group.login"),
    session: t("group.session"),
    "2fa": t("group.2fa"),
    credential: t("group.credential"),
    user: t("group.user"),
    auth_link: t("group.auth_link"),
    saml: t("group.saml"),
    gate: t("group.gate"),
    domain: t("group.domain"),
    policy: t("group.policy"),
    setup: t("group.setup"),
    audit: t("group.audit"),
  };
  // datetime-local shows UTC here (the label says so); an unparsable value is shown as typed.
  const local = (v: string | undefined) => {
    if (!v) return "";
    const d = parseAuditTime(v);
    return d ? d.toISOString().slice(0, 16) : v;
  };
  const text = (name: "actor" | "subject" | "ip", label: string, max: number, placeholder?: string) => (
    <label className="flex flex-col gap-1 text-sm">
      {label}
      <input name={name} defaultValue={values[name] ?? ""} maxLength={max} placeholder={placeholder} className={field} />
    </label>
  );
  return (
    <form role="search" aria-label={t("filters")} className="mb-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-4" method="get">
      <label className="flex flex-col gap-1 text-sm">
        {t("groupLabel")}
        <select name="group" defaultValue={values.group ?? ""} className={field}>
          <option value="">{t("any")}</option>
          {AUDIT_ACTION_GROUPS.map((g) => (
            <option key={g} value={g}>
              {groups[g]}
            </option>
          ))}
          {values.group && !(values.group in groups) && <option value={values.group}>{values.group}</option>}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-sm">
        {t("result")}
        <select name="result" defaultValue={values.result ?? ""} className={field}>
          <option value="">{t("any")}</option>
          <option value="success">{t("resultSuccess")}</option>
          <option value="failure">{t("resultFailure")}</option>
          <option value="denied">{t("resultDenied")}</option>
        </select>
      </label>
      {text("actor", t("actor"), 320, t("addressPlaceholder"))}
      {text("subject", t("subject"), 320, t("addressPlaceholder"))}
      {text("ip", t("ip"), 64)}
      <label className="flex flex-col gap-1 text-sm">
        {t("from")}
        <input type="datetime-local" name="from" defaultValue={local(values.from)} className={field} />
      </label>
      <label className="flex flex-col gap-1 text-sm">
        {t("to")}
        <input type="datetime-local" name="to" defaultValue={local(values.to)} className={field} />
      </label>
      <div className="flex items-end gap-3">
        <button className="rounded-md border border-line px-3 py-2 text-sm">{t("apply")}</button>
        <Link href="/admin/audit" className="py-2 text-sm">
          {t("clear")}
        </Link>
      </div>
    </form>
  );
}
