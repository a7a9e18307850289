import { INVALID_CREDENTIALS_MESSAGE } from "@/lib/auth/verify-account-password";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { samlOnlyIn } from "@/lib/saml/is-saml-only-domain";
import { adminsRequireTwoFactor } from "@/lib/two-factor/requirements/admin-two-factor-setting";
import { REQUIREMENT_FACTS, requirementDetailsOf, type TwoFactorRequirement } from "@/lib/two-factor/requirements/two-factor-requirement";

export type SignInFacts = {
  /** The account's domain signs its people in by SAML only (lib/saml/is-saml-only-domain.ts). */
  samlOnly: boolean;
  /** The user has a confirmed TOTP device (lib/two-factor/devices/has-second-factor.ts). */
  enrolled: boolean;
  requirement: TwoFactorRequirement;
};

/**
 * What the password step decides on once the password is right, read together: one query for the
 * user with their enabled devices counted, their domain and its SAML settings (Prisma sends it as
 * a few statements), where isSamlOnlyDomain, hasSecondFactor and twoFactorRequirement would each
 * read the user or the domain again. Read only after the password was verified, so a wrong password
 * costs the same whether or not the account exists.
 */
export async function loadSignInFacts(userId: string, now: Date): Promise<SignInFacts> {
  const user = await getDb().user.findUnique({
    where: { id: userId },
    select: {
      ...REQUIREMENT_FACTS,
      domain: { select: { ...REQUIREMENT_FACTS.domain.select, saml: { select: { settings: true } } } },
    },
  });
  // Deleted between the password check and here: the sign-in fails like a wrong password.
  if (!user) throw new AppError("invalid_credentials", INVALID_CREDENTIALS_MESSAGE);
  const adminRequires = user.role === "admin" && (await adminsRequireTwoFactor());
  const { required, graceEndsAt, inGrace, hasDevice } = requirementDetailsOf(user, adminRequires, now);
  return { samlOnly: samlOnlyIn(user.domain.saml?.settings), enrolled: hasDevice, requirement: { required, graceEndsAt, inGrace } };
}
