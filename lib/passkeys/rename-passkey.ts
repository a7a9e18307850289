import { recordAuditEvent, type Actor } from "@/lib/audit/record-audit-event";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { messageKey } from "@/lib/i18n/message-key";
import { passkeyName } from "@/lib/passkeys/passkey-rules";

/** Renames one of `userId`'s passkeys; anyone else's is simply not found. */
export async function renamePasskey(
  userId: string,
  passkeyId: string,
  rawName: unknown,
  actor: Actor,
): Promise<{ id: string; name: string }> {
  const name = passkeyName(rawName);
  return getDb().$transaction(async (tx) => {
    const passkey = await tx.passkey.findFirst({
      where: { id: passkeyId, userId },
      select: { id: true, name: true, user: { select: { id: true, email: true } } },
    });
    if (!passkey) throw new AppError("not_found", messageKey("errors.passkeys.notFound"));
    await tx.passkey.update({ where: { id: passkey.id }, data: { name } });
    await recordAuditEvent(tx, {
      actor,
      subject: passkey.user,
      action: "passkey.rename",
      result: "success",
      details: { passkeyId: passkey.id, from: passkey.name, to: name },
    });
    return { id: passkey.id, name };
  });
}
