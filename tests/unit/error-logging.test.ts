import { test } from "node:test";
import assert from "node:assert/strict";
import { z } from "zod";
import { runGuarded } from "@/lib/actions/run-guarded";
import { describeError, errorFacts } from "@/lib/log/error-facts";

// Unexpected errors are logged by class and code, never by a message that may quote query arguments.
const SECRET = "hunter2-$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA";

class PrismaClientKnownRequestError extends Error {
  code = "P2002";
  constructor(message: string) {
    super(message);
    this.name = "PrismaClientKnownRequestError";
  }
}

async function stderrOf(run: () => Promise<unknown>): Promise<string> {
  const stderr = process.stderr;
  const write = stderr.write.bind(stderr);
  let captured = "";
  stderr.write = ((chunk: string | Uint8Array) => {
    captured += String(chunk);
    return true;
  }) as typeof stderr.write;
  try {
    await run();
  } finally {
    stderr.write = write;
  }
  return captured;
}

test("a failing action logs the error's class and code, and not a word of its message", async () => {
  const request = { ip: "127.0.0.1", userAgent: "test" };
  const line = await stderrOf(() =>
    runGuarded({ name: "users.create", access: "public", input: z.object({}) }, {}, { user: null, request }, async () => {
      throw new PrismaClientKnownRequestError(`Unique constraint failed: data { email: "ann@example.com", passwordHash: "${SECRET}" }`);
    }),
  );
  const entry = JSON.parse(line.trim());
  assert.equal(entry.event, "action.failed");
  assert.equal(entry.action, "users.create");
  assert.equal(entry.errorClass, "PrismaClientKnownRequestError");
  assert.equal(entry.errorCode, "P2002");
  assert.doesNotMatch(line, /hunter2|argon2id|ann@example\.com|Unique constraint/);
});

test("error facts: plain errors, Node system errors, odd throws, and codes that are not codes", () => {
  assert.deepEqual(errorFacts(new TypeError(`cannot read ${SECRET}`)), { errorClass: "TypeError" });
  const refused = Object.assign(new Error("connect ECONNREFUSED 10.0.0.1:5432"), { code: "ECONNREFUSED" });
  assert.deepEqual(errorFacts(refused), { errorClass: "Error", errorCode: "ECONNREFUSED" });
  assert.deepEqual(errorFacts(Object.assign(new Error("x"), { code: `leak ${SECRET}` })), { errorClass: "Error" });
  assert.deepEqual(errorFacts(SECRET), { errorClass: "string" });
  assert.deepEqual(errorFacts(undefined), { errorClass: "undefined" });
  assert.equal(describeError(new PrismaClientKnownRequestError(SECRET)), "PrismaClientKnownRequestError P2002");
});
