import { test } from "node:test";
import assert from "node:assert/strict";
import { ACTOR, useTestDatabase } from "./support";

useTestDatabase();

// The portal's "Recent activity" (issue 13): the person's own sign-ins with their way in, wrong
// passwords for their address, credential uses; and "This wasn't me".

const FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
const PASSWORD = "plenty long passphrase for tests";

async function lib() {
  const { createUser } = await import("@/lib/users/create-user");
  const { beginPasswordSignIn } = await import("@/lib/auth/begin-password-sign-in");
  const { completeSignIn } = await import("@/lib/auth/complete-sign-in");
  const { listRecentActivity } = await import("@/lib/activity/list-recent-activity");
  const { reportUnrecognisedActivity } = await import("@/lib/activity/report-unrecognised-activity");
  const { sha256Hex } = await import("@/lib/crypto/tokens");
  const { getDb } = await import("@/lib/db/client");
  return { createUser, beginPasswordSignIn, completeSignIn, listRecentActivity, reportUnrecognisedActivity, sha256Hex, db: getDb() };
}

async function signIn(email: string, ip: string) {
  const { beginPasswordSignIn, completeSignIn } = await lib();
  const client = { ip, userAgent: FIREFOX };
  const { ticket } = await beginPasswordSignIn({ email, password: PASSWORD }, client);
  const done = await completeSignIn(ticket, client);
  assert.ok(done);
  return done;
}

test("recent activity lists the person's own sign-ins (newest first, with the way in) and wrong passwords, not other people's", async () => {
  const { createUser, beginPasswordSignIn, listRecentActivity, db } = await lib();
  const ann = await createUser({ email: "ann@activity.test", password: PASSWORD, createDomain: true }, ACTOR);
  await createUser({ email: "bob@activity.test", password: PASSWORD }, ACTOR);
  await signIn("ann@activity.test", "127.0.0.10");
  await assert.rejects(beginPasswordSignIn({ email: "ann@activity.test", password: "a wrong guess of a password" }, { ip: "127.0.0.66" }));
  await signIn("bob@activity.test", "127.0.0.20");
  await signIn("ann@activity.test", "127.0.0.11");
  await db.credential.create({
    data: {
      id: "cred-ann-1",
      userId: ann.id,
      label: "Thunderbird",
      services: "IMAP,SMTP",
      algorithm: "HMAC-SHA256",
      lastUsedAt: new Date(),
      lastUsedIp: "127.0.0.12",
    },
  });

  const activity = await listRecentActivity(ann.id);
  assert.deepEqual(
    activity.entries.map((e) => [e.kind, e.ip, e.method]),
    [
      ["sign_in", "127.0.0.11", "password"],
      ["failed_sign_in", "127.0.0.66", null],
      ["sign_in", "127.0.0.10", "password"],
    ],
  );
  assert.deepEqual(activity.entries[0].device, { browser: "Firefox", os: "Linux" });
  assert.deepEqual(
    activity.credentials.map((c) => [c.label, c.services, c.lastUsedIp]),
    [["Thunderbird", ["IMAP", "SMTP"], "127.0.0.12"]],
  );
});

test("“This wasn't me” ends every other session and trusted device, keeps this one, and is audited", async () => {
  const { createUser, reportUnrecognisedActivity, sha256Hex, db } = await lib();
  const cat = await createUser({ email: "cat@activity.test", password: PASSWORD, createDomain: true }, ACTOR);
  const here = await signIn("cat@activity.test", "127.0.0.30");
  await signIn("cat@activity.test", "127.0.0.31");
  await signIn("cat@activity.test", "127.0.0.32");
  await db.trustedDevice.create({
    data: {
      userId: cat.id,
      tokenHash: "t".repeat(64),
      description: "Firefox on Linux",
      ip: "127.0.0.31",
      expiresAt: new Date(Date.now() + 86_400_000),
    },
  });
  const revoked = await reportUnrecognisedActivity({ id: cat.id, email: cat.email, sessionId: sha256Hex(here.sessionId) }, ACTOR);
  assert.deepEqual({ sessions: revoked.sessions, trustedDevices: revoked.trustedDevices }, { sessions: 2, trustedDevices: 1 });
  const left = await db.session.findMany({ where: { userId: cat.id }, select: { id: true } });
  assert.deepEqual(left, [{ id: sha256Hex(here.sessionId) }]);
  assert.equal(await db.auditEvent.count({ where: { action: "account.unrecognised_activity", subjectId: cat.id } }), 1);
});
