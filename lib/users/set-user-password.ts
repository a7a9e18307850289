import type { Actor } from "@/lib/audit/record-audit-event";
import type { AccessRevocation } from "@/lib/sessions/revoke-user-access";
import { findUser } from "@/lib/users/find-user";
import { checkPasswordPolicy, storeNewPassword } from "@/lib/users/store-new-password";

/**
 * Admin reset: sets a new password and signs the user out everywhere. The user's service
 * credentials and unused one-time QR codes are revoked too, unless the admin asks to keep them:
 * whoever made the reset necessary may have made credentials as well.
 */
export async function setUserPassword(
  idOrEmail: string,
  password: string,
  actor: Actor,
  opts: { keepCredentials?: boolean } = {},
): Promise<AccessRevocation> {
  const user = await findUser(idOrEmail);
  await checkPasswordPolicy(password, user, "password");
  return storeNewPassword(user, password, { action: "user.password.reset", actor, keepCredentials: !!opts.keepCredentials });
}
