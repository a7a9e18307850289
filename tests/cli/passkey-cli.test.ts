// `gatehouse auth passkey list|delete` through the real CLI binary, on passkeys this process
// registers with a software authenticator in the same SQLite database.
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import { SoftAuthenticator } from "../soft-authenticator";
import { freshDataDir, gatehouse } from "./support";

const dataDir = freshDataDir();
process.env.DATA_DIR = dataDir;
process.env.LOG_LEVEL = "warn";
delete process.env.DATABASE_URL;
const ACCOUNT = "keys@passkey-cli.test";
const cli = (args: string[], stdin = "") => gatehouse(args, { dataDir, stdin });

after(async () => {
  const { getDb } = await import("@/lib/db/client");
  await getDb().$disconnect();
  rmSync(dataDir, { recursive: true, force: true });
});

type Listed = { account: string; passkeys: { id: string; name: string; synced: boolean; lastUsedAt: string | null }[] };

test("list shows an account's passkeys; delete removes one, then all; an unknown id changes nothing", async () => {
  assert.equal(cli(["user", "create", ACCOUNT, "--password-stdin", "--create-domain"], "plenty long passphrase 42\n").code, 0);
  const { findUser } = await import("@/lib/users/find-user");
  const { relyingParty } = await import("@/lib/passkeys/passkey-rules");
  const { startPasskeyRegistration } = await import("@/lib/passkeys/start-passkey-registration");
  const { finishPasskeyRegistration } = await import("@/lib/passkeys/finish-passkey-registration");
  const user = await findUser(ACCOUNT);
  const rp = relyingParty();
  const authenticator = new SoftAuthenticator(rp.origin, rp.id);
  for (const name of ["Laptop", "Security key"]) {
    const options = await startPasskeyRegistration(user.id);
    await finishPasskeyRegistration(user.id, { name, response: authenticator.register(options) }, { email: "test" });
  }

  const listed = JSON.parse(cli(["auth", "passkey", "list", ACCOUNT, "--json"]).stdout) as Listed;
  assert.equal(listed.account, ACCOUNT);
  assert.deepEqual(listed.passkeys.map((p) => p.name).sort(), ["Laptop", "Security key"]);
  const text = cli(["auth", "passkey", "list", ACCOUNT]);
  assert.match(text.stdout, /Security key/);

  const unknown = cli(["auth", "passkey", "delete", ACCOUNT, "no-such-id"]);
  assert.equal(unknown.code, 1);
  assert.match(unknown.stderr, /Passkey not found/);
  const laptop = listed.passkeys.find((p) => p.name === "Laptop")!;
  const one = cli(["auth", "passkey", "delete", ACCOUNT, laptop.id]);
  assert.equal(one.code, 0, one.stderr);
  assert.equal(one.stdout.trim(), `1 passkey of ${ACCOUNT} deleted`);
  assert.deepEqual(
    (JSON.parse(cli(["auth", "passkey", "list", ACCOUNT, "--json"]).stdout) as Listed).passkeys.map((p) => p.name),
    ["Security key"],
  );
  assert.deepEqual(JSON.parse(cli(["auth", "passkey", "delete", ACCOUNT, "ALL", "--json"]).stdout), {
    account: ACCOUNT,
    deleted: 1,
    recoveryCodesDeleted: 0,
    trustedDevicesForgotten: 0,
  });
  assert.deepEqual((JSON.parse(cli(["auth", "passkey", "list", ACCOUNT, "--json"]).stdout) as Listed).passkeys, []);
  assert.equal(cli(["auth", "passkey", "list", "nobody@passkey-cli.test"]).code, 1);
});
