// An audit action's group, for the viewer's filter: the part before the first dot, with the
// second-factor areas (totp, passkeys, recovery codes, trusted devices) under "2fa" and the person's own
// account actions under "user". Stored in AuditEvent.actionGroup by recordAuditEvent; the
// migration 20261205010000_audit_viewer fills old rows with the same rule in SQL.

/** The groups the viewer offers; other prefixes still get their own group and can be typed in the CLI. */
export const AUDIT_ACTION_GROUPS = [
  "login",
  "session",
  "2fa",
  "credential",
  "user",
  "auth_link",
  "saml",
  "gate",
  "domain",
  "policy",
  "setup",
  "audit",
] as const;

export type AuditActionGroup = (typeof AUDIT_ACTION_GROUPS)[number];

const FOLDED: Record<string, AuditActionGroup> = {
  totp: "2fa",
  recovery_codes: "2fa",
  trusted_device: "2fa",
  passkey: "2fa",
  account: "user",
};

export function actionGroupOf(action: string): string {
  const dot = action.indexOf(".");
  const prefix = dot === -1 ? action : action.slice(0, dot);
  return FOLDED[prefix] ?? prefix;
}
