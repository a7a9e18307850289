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

test("health answers 503 {status: draining} once the process shuts down, though the database answers", async () => {
  const { beginDraining, resetShutdownForTests } = await import("@/lib/process/shutdown-hooks");
  const { GET } = await import("@/app/api/health/route");
  beginDraining();
  try {
    const res = await GET();
    assert.equal(res.status, 503);
    assert.deepEqual(await res.json(), { status: "draining" });
  } finally {
    resetShutdownForTests();
  }
});
