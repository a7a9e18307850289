import { recordAuditEvent, type Actor } from "@/lib/audit/record-audit-event";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { messageKey } from "@/lib/i18n/message-key";
import { TWO_FACTOR_GRACE_DAYS } from "@/lib/two-factor/policies/policy-values";
import { adminsRequireTwoFactor } from "@/lib/two-factor/requirements/admin-two-factor-setting";
import { findUser } from "@/lib/users/find-user";
import { domainNameField } from "@/lib/validation/fields";

// The grace period runs from User.twoFactorRequiredAt. It is set when a requirement starts for a
// user who has none running, and cleared when no requirement is left, so switching a requirement
// off and on again starts a new grace period while toggling one of two requirements does not.

/** Requires (or stops requiring) 2FA for one account. */
export async function setUserTwoFactorRequired(userIdOrEmail: string, required: boolean, actor: Actor, now = new Date()): Promise<void> {
  if (typeof required !== "boolean")
    throw new AppError("invalid_input", messageKey("errors.auth.trueOrFalse"), {
      required: [messageKey("validation.auth.chooseTrueOrFalse")],
    });
  await getDb().$transaction(async (tx) => {
    const found = await findUser(userIdOrEmail, tx);
    const user = await tx.user.findUniqueOrThrow({
      where: { id: found.id },
      select: { require2fa: true, twoFactorRequiredAt: true, createdAt: true, role: true, domain: { select: { require2fa: true } } },
    });
    // Another requirement (the domain's, or the administrators') may already be running.
    const otherRequirement = user.domain.require2fa || (user.role === "admin" && (await adminsRequireTwoFactor(tx)));
    // Under another requirement a missing start means "since the account was created": write
    // that down, so the user's own requirement keeps its start if the other one is switched off.
    const runningSince = user.twoFactorRequiredAt ?? (otherRequirement ? user.createdAt : null);
    const twoFactorRequiredAt = required ? (runningSince ?? now) : otherRequirement ? user.twoFactorRequiredAt : null;
    await tx.user.update({ where: { id: found.id }, data: { require2fa: required, twoFactorRequiredAt } });
    await recordAuditEvent(tx, {
      actor,
      subject: found,
      action: "user.2fa_requirement",
      result: "success",
      details: { required, previous: user.require2fa, domainRequires: user.domain.require2fa },
    });
  });
}

/** Requires (or stops requiring) 2FA for every account of a domain, optionally changing its grace days (0..90). */
export async function setDomainTwoFactorRequired(
  domainName: string,
  input: { required: boolean; graceDays?: number },
  actor: Actor,
  now = new Date(),
): Promise<void> {
  const { required, graceDays } = input;
  if (typeof required !== "boolean")
    throw new AppError("invalid_input", messageKey("errors.auth.trueOrFalse"), {
      required: [messageKey("validation.auth.chooseTrueOrFalse")],
    });
  if (
    graceDays !== undefined &&
    !(Number.isSafeInteger(graceDays) && graceDays >= TWO_FACTOR_GRACE_DAYS.min && graceDays <= TWO_FACTOR_GRACE_DAYS.max)
  ) {
    const range = { min: TWO_FACTOR_GRACE_DAYS.min, max: TWO_FACTOR_GRACE_DAYS.max };
    throw new AppError("invalid_input", messageKey("errors.auth.graceDays", range), {
      graceDays: [messageKey("validation.auth.graceDays", range)],
    });
  }
  const name = domainNameField.safeParse(typeof domainName === "string" ? domainName : "");
  if (!name.success)
    throw new AppError("invalid_input", messageKey("errors.auth.notADomain", { value: String(domainName).slice(0, 60) }), {
      domain: [messageKey("validation.domainInvalid")],
    });

  await getDb().$transaction(async (tx) => {
    const domain = await tx.domain.findUnique({ where: { name: name.data } });
    if (!domain)
      throw new AppError("not_found", messageKey("errors.auth.noSuchDomain", { domain: name.data }), {
        domain: [messageKey("validation.auth.noSuchDomain")],
      });
    await tx.domain.update({
      where: { id: domain.id },
      data: { require2fa: required, ...(graceDays !== undefined ? { twoFactorGraceDays: graceDays } : {}) },
    });
    let usersChanged = 0;
    // Administrators under the administrators' requirement already have a grace period running
    // (from their creation when no start is written): neither switch moves it.
    const notRunningForAdmins = (await adminsRequireTwoFactor(tx)) ? { role: { not: "admin" } } : {};
    if (required && !domain.require2fa) {
      // Existing accounts get the full grace from now rather than from when they were created.
      ({ count: usersChanged } = await tx.user.updateMany({
        where: { domainId: domain.id, twoFactorRequiredAt: null, ...notRunningForAdmins },
        data: { twoFactorRequiredAt: now },
      }));
    } else if (!required && domain.require2fa) {
      ({ count: usersChanged } = await tx.user.updateMany({
        where: { domainId: domain.id, require2fa: false, twoFactorRequiredAt: { not: null }, ...notRunningForAdmins },
        data: { twoFactorRequiredAt: null },
      }));
    }
    await recordAuditEvent(tx, {
      actor,
      action: "domain.2fa_requirement",
      result: "success",
      details: {
        domain: domain.name,
        required,
        previous: domain.require2fa,
        graceDays: graceDays ?? domain.twoFactorGraceDays,
        usersChanged,
      },
    });
  });
}
