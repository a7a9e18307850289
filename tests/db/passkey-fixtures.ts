import { ACTOR } from "./support";
import { SoftAuthenticator } from "../soft-authenticator";

// Shared by the passkey tests: an account with a software authenticator that signs for real, a
// registration through lib/, the library modules (imported lazily: the test database's settings
// must be in place first) and the audit rows of an action.

export const PASSWORD = "plenty long passphrase for tests";
export const T0 = new Date(Date.UTC(2026, 11, 5, 9, 0, 0));
export const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

export async function setUp(email: string, step = 1) {
  const { createUser } = await import("@/lib/users/create-user");
  const { relyingParty } = await import("@/lib/passkeys/passkey-rules");
  const user = await createUser({ email, password: PASSWORD, createDomain: true }, ACTOR);
  const rp = relyingParty();
  return { user, rp, authenticator: new SoftAuthenticator(rp.origin, rp.id, step) };
}

export async function register(userId: string, authenticator: SoftAuthenticator, name = "Laptop", when = T0) {
  const { startPasskeyRegistration } = await import("@/lib/passkeys/start-passkey-registration");
  const { finishPasskeyRegistration } = await import("@/lib/passkeys/finish-passkey-registration");
  const options = await startPasskeyRegistration(userId, when);
  return finishPasskeyRegistration(userId, { name, response: authenticator.register(options) }, ACTOR, when);
}

export const lib = async () => ({
  ...(await import("@/lib/passkeys/start-passkey-registration")),
  ...(await import("@/lib/passkeys/finish-passkey-registration")),
  ...(await import("@/lib/passkeys/start-passkey-authentication")),
  ...(await import("@/lib/passkeys/verify-passkey-assertion")),
  ...(await import("@/lib/passkeys/list-passkeys")),
  ...(await import("@/lib/passkeys/delete-passkeys")),
  ...(await import("@/lib/passkeys/rename-passkey")),
  db: (await import("@/lib/db/client")).getDb(),
});

export const audit = async (action: string, email: string) =>
  (await lib()).db.auditEvent.findMany({
    where: { action, subjectEmail: email },
    orderBy: { createdAt: "asc" },
    select: { result: true, details: true },
  });
