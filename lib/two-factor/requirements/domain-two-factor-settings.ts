import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
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
    throw new AppError("invalid_input", `"${String(domainName).slice(0, 60)}" is not a domain name.`, { domain: ["Enter a domain name."] });
  const db = getDb();
  const domain = await db.domain.findUnique({ where: { name: name.data } });
  if (!domain) throw new AppError("not_found", `The domain ${name.data} does not exist.`, { domain: ["No such domain."] });
  const [userCount, usersWithoutDevice] = await Promise.all([
    db.user.count({ where: { domainId: domain.id } }),
    db.user.count({ where: { domainId: domain.id, totpDevices: { none: { enabled: true } } } }),
  ]);
  return { domain: domain.name, required: domain.require2fa, graceDays: domain.twoFactorGraceDays, userCount, usersWithoutDevice };
}
