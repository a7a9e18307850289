import { getDb, type Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { messageKey } from "@/lib/i18n/message-key";
import { userViewSelect, type UserView } from "@/lib/users/user-view";

/** Finds a user by id or by email (case-insensitive); throws not_found otherwise. */
export async function findUser(idOrEmail: string, tx: Tx = getDb() as unknown as Tx): Promise<UserView> {
  const key = idOrEmail.trim();
  const where = key.includes("@") ? { email: key.toLowerCase() } : { id: key };
  const user = await tx.user.findUnique({ where, select: userViewSelect });
  if (!user) throw new AppError("not_found", messageKey("errors.admin.userNotFound"));
  return user;
}
