import { getTranslations } from "next-intl/server";

/** An audit row's details as labelled fields: translated labels where known, else the key itself. */
export async function AuditDetails({ details, userAgent }: { details: string; userAgent: string }) {
  const t = await getTranslations("admin.audit.detail");
  const labels: Record<string, string> = {
    domain: t("domain"),
    method: t("method"),
    reason: t("reason"),
    service: t("service"),
    services: t("services"),
    label: t("label"),
    scope: t("scope"),
    permanent: t("permanent"),
    count: t("count"),
    from: t("from"),
    to: t("to"),
    via: t("via"),
    by: t("by"),
    role: t("role"),
    expiresAt: t("expiresAt"),
    sessions: t("sessions"),
    linkId: t("linkId"),
    deviceId: t("deviceId"),
    credentialId: t("credentialId"),
    format: t("format"),
    rows: t("rows"),
    filters: t("filters"),
  };
  let fields: [string, string][] = [];
  try {
    const parsed: unknown = JSON.parse(details);
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) {
      fields = Object.entries(parsed as Record<string, unknown>)
        .filter(([, v]) => v !== null && v !== undefined && v !== "")
        .map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)]);
    }
  } catch {
    fields = [["details", details]];
  }
  if (userAgent) fields.push(["userAgent", userAgent]);
  if (fields.length === 0) return null;
  return (
    <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-2 gap-y-0.5 text-xs">
      {fields.map(([key, value]) => (
        <div key={key} className="contents">
          <dt className="text-muted">{key === "userAgent" ? t("userAgent") : (labels[key] ?? key)}</dt>
          {/* Plain text: values and user agents wrap at their spaces, anywhere as a last resort (a lighter DOM than <wbr>s). */}
          <dd className="min-w-0 wrap-anywhere">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
