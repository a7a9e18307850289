import { LACKS_SECOND_FACTOR } from "@/lib/two-factor/devices/has-second-factor";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { messageKey } from "@/lib/i18n/message-key";
import { domainNameField } from "@/lib/validation/fields";

export type DomainTwoFactorSettings = {
  domain: string;
  required: boolean;
  graceDays: number;
  userCount: number;
  /** Accounts without an enabled TOTP device: those a requirement would send to enrolment. */
  usersWithoutDevice: number;
};

/** A domain's "require 2FA for every account" setting and how many accounts still lack a device. */
export async function getDomainTwoFactorSettings(domainName: string): Promise<DomainTwoFactorSettings> {
  const name = domainNameField.safeParse(typeof domainName === "string" ? domainName : "");
  if (!name.success)
    throw new AppError("invalid_input", messageKey("errors.auth.notADomain", { value: String(domainName).slice(0, 60) }), {
      domain: [messageKey("validation.domainInvalid")],
    });
  const db = getDb();
  const domain = await db.domain.findUnique({ where: { name: name.data } });
  if (!domain)
    throw new AppError("not_found", messageKey("errors.auth.noSuchDomain", { domain: name.data }), {
      domain: [messageKey("validation.auth.noSuchDomain")],
    });
  const [userCount, usersWithoutDevice] = await Promise.all([
    db.user.count({ where: { domainId: domain.id } }),
    db.user.count({ where: { domainId: domain.id, ...LACKS_SECOND_FACTOR } }),
  ]);
  return { domain: domain.name, required: domain.require2fa, graceDays: domain.twoFactorGraceDays, userCount, usersWithoutDevice };
}
