import { credentialRowOmit, toCredentialView, type CredentialView } from "@/lib/credentials/credential-view";
import { getDb } from "@/lib/db/client";
import { findUser } from "@/lib/users/find-user";

/**
 * One account's credentials, newest first. Callers pass the owner's id: the portal the signed-in
 * user's, the console and CLI the account they resolved. The filter on userId is the access rule.
 */
export async function listCredentials(userId: string, now = new Date()): Promise<CredentialView[]> {
  const rows = await getDb().credential.findMany({
    where: { userId },
    omit: credentialRowOmit,
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
  });
  return rows.map((row) => toCredentialView(row, now));
}

/** The console's and CLI's form: the account by id or email (not_found otherwise), with its credentials. */
export async function listCredentialsOfAccount(
  account: string,
  now = new Date(),
): Promise<{ user: { id: string; email: string }; credentials: CredentialView[] }> {
  const user = await findUser(account);
  return { user: { id: user.id, email: user.email }, credentials: await listCredentials(user.id, now) };
}
