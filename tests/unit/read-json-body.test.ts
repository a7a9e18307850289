import { test } from "node:test";
import assert from "node:assert/strict";
import { readJsonBody } from "@/lib/http/read-json-body";

// JSON routes cap the body at 64 KiB while reading it (README "Security model").
const KIB = 1024;

/** A request whose body is `chunks` chunks of 1 KiB, produced on demand; counts what was read. */
function streamingRequest(chunks: number, headers: Record<string, string> = {}) {
  const seen = { pulled: 0, cancelled: false };
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (seen.pulled === chunks) return controller.close();
        seen.pulled++;
        controller.enqueue(new Uint8Array(KIB).fill(0x20)); // spaces: valid JSON padding
      },
      cancel() {
        seen.cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  const req = new Request("http://127.0.0.1/api/x", { method: "POST", body, headers, duplex: "half" } as RequestInit);
  return { req, seen };
}

test("a body streamed past 64 KiB is refused with 413 and the rest is never read", async () => {
  const { req, seen } = streamingRequest(10 * KIB); // 10 MiB on offer
  const result = await readJsonBody(req);
  assert.deepEqual(result, { ok: false, status: 413, message: "Request too large." });
  assert.equal(seen.cancelled, true, "the stream is cancelled");
  assert.ok(seen.pulled <= 66, `read ${seen.pulled} KiB of 10240`);
});

test("a declared Content-Length over 64 KiB is refused before reading anything", async () => {
  const { req, seen } = streamingRequest(100, { "content-length": String(100 * KIB) });
  assert.deepEqual(await readJsonBody(req), { ok: false, status: 413, message: "Request too large." });
  assert.equal(seen.pulled, 0);
});

test("a body of exactly 64 KiB is read whole; JSON errors are 400; empty is {}", async () => {
  const { req } = streamingRequest(64);
  assert.deepEqual(
    await readJsonBody(req),
    { ok: false, status: 400, message: "The body must be JSON." },
    "64 KiB of spaces is read, then fails to parse",
  );
  const json = new Request("http://127.0.0.1/api/x", { method: "POST", body: JSON.stringify({ name: "ä".repeat(100) }) });
  assert.deepEqual(await readJsonBody(json), { ok: true, value: { name: "ä".repeat(100) } });
  const empty = new Request("http://127.0.0.1/api/x", { method: "POST" });
  assert.deepEqual(await readJsonBody(empty), { ok: true, value: {} });
  const cap = new Request("http://127.0.0.1/api/x", { method: "POST", body: JSON.stringify({ t: "x".repeat(5000) }) });
  assert.equal((await readJsonBody(cap, 4096)).ok, false, "a route can set a smaller cap");
});
