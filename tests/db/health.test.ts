import { test } from "node:test";
import assert from "node:assert/strict";
import { useTestDatabase } from "./support";

useTestDatabase();

test("health answers 200 {status: ok} when the database answers", async () => {
  const { GET } = await import("@/app/api/health/route");
  const res = await GET();
  assert.equal(res.status, 200);
  assert.deepEqual(await res.json(), { status: "ok" });
});
