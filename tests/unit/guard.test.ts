import { test } from "node:test";
import assert from "node:assert/strict";
import { z } from "zod";
import { runGuarded } from "@/lib/actions/run-guarded";
import { AppError } from "@/lib/errors";
import { emailField, passwordField } from "@/lib/validation/fields";

// The one guard every server action and JSON route goes through.
const request = { ip: "127.0.0.1", userAgent: "test" };
const user = { id: "u1", email: "u@example.com", displayName: "", role: "user" as const, sessionId: "s", authMethod: "password" };
const input = z.object({ email: emailField, password: passwordField });

test("oversize or malformed input is refused per field before the handler runs, and secrets are not echoed", async () => {
  let ran = false;
  const r = await runGuarded(
    { name: "t", access: "public", input },
    { email: `${"a".repeat(400)}@x.io`, password: "p".repeat(300) },
    { user: null, request },
    async () => {
      ran = true;
    },
  );
  assert.equal(ran, false);
  assert.ok(!r.ok);
  assert.equal(r.error.code, "invalid_input");
  assert.match(r.error.fieldErrors!.email[0], /at most 254/);
  assert.match(r.error.fieldErrors!.password[0], /at most 256/);
  assert.equal(r.error.values?.password, undefined, "a password is never sent back into the form");
  assert.equal(r.error.values?.email?.length, 300, "other fields come back capped");
});

test("access levels: no session, and a user at an admin action, are refused", async () => {
  const handler = async () => "done";
  const none = await runGuarded({ name: "t", access: "user", input: z.object({}) }, {}, { user: null, request }, handler);
  assert.equal(!none.ok && none.error.code, "unauthenticated");
  const notAdmin = await runGuarded({ name: "t", access: "admin", input: z.object({}) }, {}, { user, request }, handler);
  assert.equal(!notAdmin.ok && notAdmin.error.code, "forbidden");
  const ok = await runGuarded({ name: "t", access: "user", input: z.object({}) }, {}, { user, request }, handler);
  assert.deepEqual(ok, { ok: true, data: "done" });
});

test("expected failures keep their message; unexpected ones never reach the client", async () => {
  const known = await runGuarded({ name: "t", access: "user", input: z.object({}) }, {}, { user, request }, async () => {
    throw new AppError("conflict", "That name is taken.");
  });
  assert.deepEqual(!known.ok && [known.error.code, known.error.message], ["conflict", "That name is taken."]);
  const process_ = globalThis.process;
  const write = process_.stderr.write.bind(process_.stderr);
  process_.stderr.write = (() => true) as typeof process_.stderr.write; // the log line is expected; keep the output clean
  try {
    const crash = await runGuarded({ name: "t", access: "user", input: z.object({}) }, {}, { user, request }, async () => {
      throw new Error('relation "User" does not exist at /srv/app/lib/db.ts:12');
    });
    assert.ok(!crash.ok);
    assert.equal(crash.error.code, "internal");
    assert.doesNotMatch(crash.error.message, /relation|\/srv|\.ts/);
  } finally {
    process_.stderr.write = write;
  }
});
