import { noteAccessChanged } from "@/lib/gate/access-changes";
import { recordAuditEvent, type Actor } from "@/lib/audit/record-audit-event";
import {
  checkCredentialExpiry,
  parseAllowedIpRanges,
  parseCredentialLabel,
  parseCredentialServices,
} from "@/lib/credentials/credential-rules";
import { credentialRowOmit, toCredentialView, type CredentialView } from "@/lib/credentials/credential-view";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { SERVICES, type Service } from "@/lib/services/services";
import { messageKey } from "@/lib/i18n/message-key";

export type CredentialChanges = {
  label?: string;
  enabled?: boolean;
  services?: string | readonly string[];
  /** null removes the expiry. */
  expiresAt?: Date | null;
  /** "" allows any address. */
  allowedIpRanges?: string;
};

/** Who is changing a credential: its owner in the portal, or an admin (console, CLI). */
export type CredentialEditor = "admin" | "user";

export const ADMIN_DISABLED_MESSAGE = messageKey("errors.credentials.adminDisabled");

/**
 * Changes one credential of one account (label, enabled, services, expiry, IP ranges). The secret
 * never changes: to replace it, create a new credential. Disabling takes effect at the next check.
 * Turning a credential off records who did it (`opts.by`, the owner unless an admin says so); one an
 * admin turned off stays off for its owner.
 */
export async function updateCredential(
  owner: { userId: string; id: string },
  changes: CredentialChanges,
  actor: Actor,
  opts: { allowedServices?: readonly Service[]; by?: CredentialEditor } = {},
  now = new Date(),
): Promise<CredentialView> {
  const by: CredentialEditor = opts.by ?? "user";
  const data: {
    label?: string;
    enabled?: boolean;
    disabledBy?: string | null;
    services?: string;
    expiresAt?: Date | null;
    allowedIpRanges?: string;
  } = {};
  if (changes.label !== undefined) data.label = parseCredentialLabel(changes.label);
  if (changes.enabled !== undefined) data.enabled = changes.enabled;
  if (changes.services !== undefined) data.services = parseCredentialServices(changes.services, opts.allowedServices ?? SERVICES).join(",");
  if (changes.expiresAt !== undefined) data.expiresAt = checkCredentialExpiry(changes.expiresAt, now);
  if (changes.allowedIpRanges !== undefined) data.allowedIpRanges = parseAllowedIpRanges(changes.allowedIpRanges);
  if (Object.keys(data).length === 0) {
    throw new AppError("invalid_input", messageKey("errors.credentials.nothingToChange"));
  }

  return getDb().$transaction(async (tx) => {
    const before = await tx.credential.findFirst({
      where: { id: owner.id, userId: owner.userId },
      select: { id: true, label: true, enabled: true, disabledBy: true, services: true, user: { select: { id: true, email: true } } },
    });
    if (!before) throw new AppError("not_found", messageKey("errors.credentials.notFound"));
    const reEnabling = data.enabled === true && !before.enabled;
    if (reEnabling && by !== "admin" && before.disabledBy === "admin") throw new AppError("forbidden", ADMIN_DISABLED_MESSAGE);
    // Only a change of state moves disabledBy, so re-saving an edit form keeps who turned it off.
    const stateChange = data.enabled === true ? { disabledBy: null } : data.enabled === false && before.enabled ? { disabledBy: by } : {};
    // The owner's update carries the admin rule in its WHERE, so an admin's disable committed a moment
    // earlier is never undone by it.
    const ownerGuard = by === "admin" ? {} : { OR: [{ disabledBy: null }, { disabledBy: { not: "admin" } }] };
    const updated = await tx.credential.updateMany({
      where: { id: before.id, userId: owner.userId, ...(data.enabled === true ? ownerGuard : {}) },
      data: { ...data, ...stateChange },
    });
    if (updated.count !== 1) throw new AppError("forbidden", ADMIN_DISABLED_MESSAGE);
    const row = await tx.credential.findUniqueOrThrow({ where: { id: before.id }, omit: credentialRowOmit });
    // Any change to what the credential may do (or to its expiry, ranges, enabled flag) ends the web
    // sessions it opened; the next sign-in is checked against the new rules. A new label changes nothing.
    if (Object.keys(data).some((k) => k !== "label")) {
      await tx.session.deleteMany({ where: { credentialId: before.id } });
      noteAccessChanged(owner.userId); // and the gate's cached yeses
    }
    const action =
      changes.enabled !== undefined && Object.keys(data).length === 1
        ? data.enabled
          ? "credential.enable"
          : "credential.disable"
        : "credential.update";
    await recordAuditEvent(tx, {
      actor,
      subject: before.user,
      action,
      result: "success",
      details: {
        credentialId: before.id,
        changed: Object.keys(data).join(","),
        ...(data.label !== undefined ? { label: data.label, previousLabel: before.label } : {}),
        ...(data.enabled !== undefined ? { enabled: data.enabled } : {}),
        ...(data.services !== undefined ? { services: data.services, previousServices: before.services } : {}),
        ...(data.expiresAt !== undefined ? { expiresAt: data.expiresAt?.toISOString() ?? null } : {}),
        ...(data.allowedIpRanges !== undefined ? { allowedIpRanges: data.allowedIpRanges || null } : {}),
      },
    });
    return toCredentialView(row, now);
  });
}
