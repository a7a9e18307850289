import { test } from "node:test";
import assert from "node:assert/strict";

// /api/health must say 503 when the database does not answer (a port nothing listens on).
process.env.DATABASE_URL = "postgresql://nobody@127.0.0.1:1/none";

test("health answers 503 when the database is unreachable", async () => {
  const { GET } = await import("@/app/api/health/route");
  const res = await GET();
  assert.equal(res.status, 503);
  assert.deepEqual(await res.json(), { status: "unavailable" });
  assert.equal(res.headers.get("cache-control"), "no-store");
});
