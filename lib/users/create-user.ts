import { recordAuditEvent, type Actor } from "@/lib/audit/record-audit-event";
import { getDb, type Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { messageKey } from "@/lib/i18n/message-key";
import { hashPassword } from "@/lib/passwords/hash-password";
import { passwordProblem } from "@/lib/passwords/password-policy";
import { searchKeyOf, userViewSelect, type UserView } from "@/lib/users/user-view";

export type CreateUserInput = {
  email: string; // already validated and lower-cased
  displayName?: string;
  password?: string;
  role?: "admin" | "user";
  /** Create the address's domain when it does not exist (first admin, CLI --create-domain). */
  createDomain?: boolean;
};

export async function createUser(input: CreateUserInput, actor: Actor): Promise<UserView> {
  if (input.password !== undefined) {
    const problem = passwordProblem(input.password, { email: input.email });
    if (problem) throw new AppError("invalid_input", problem, { password: [problem] });
  }
  const passwordHash = input.password !== undefined ? await hashPassword(input.password) : null;
  return getDb().$transaction((tx) => insertUser(tx, input, passwordHash, actor));
}

/** The transactional half of createUser, for callers that create a user as part of a larger change. */
export async function insertUser(tx: Tx, input: CreateUserInput, passwordHash: string | null, actor: Actor): Promise<UserView> {
  const domainName = input.email.split("@")[1];
  const displayName = input.displayName ?? "";
  {
    let domain = await tx.domain.findUnique({ where: { name: domainName } });
    if (!domain && input.createDomain) {
      domain = await tx.domain.create({ data: { name: domainName } });
      await recordAuditEvent(tx, { actor, action: "domain.create", result: "success", details: { domain: domainName } });
    }
    if (!domain) {
      throw new AppError("invalid_input", messageKey("errors.admin.domainMissingCreateFirst", { domain: domainName }), {
        email: [messageKey("validation.admin.domainMissing", { domain: domainName })],
      });
    }
    if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
      throw new AppError("conflict", messageKey("errors.admin.userExists"), { email: [messageKey("validation.admin.addressTaken")] });
    }
    const user = await tx.user.create({
      data: {
        email: input.email,
        displayName,
        searchKey: searchKeyOf(input.email, displayName),
        role: input.role ?? "user",
        domainId: domain.id,
        passwordHash,
        passwordChangedAt: passwordHash ? new Date() : null,
      },
      select: userViewSelect,
    });
    await recordAuditEvent(tx, {
      actor,
      subject: user,
      action: "user.create",
      result: "success",
      details: { role: user.role, withPassword: passwordHash !== null },
    });
    return user;
  }
}
