import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { createServer, request, type IncomingMessage, type Server } from "node:http";
import path from "node:path";
import { drainServer } from "@/lib/process/drain-server";
import { isDraining, onShutdown, resetShutdownForTests, runShutdownHooks } from "@/lib/process/shutdown-hooks";

// Graceful shutdown (issue 13): a stopping process finishes what it has started, refuses what
// comes after, flushes and closes in order, and exits 0.

function get(port: number, urlPath: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    request({ host: "127.0.0.1", port, path: urlPath }, (res: IncomingMessage) => {
      let body = "";
      res.on("data", (c) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    })
      .on("error", reject)
      .end();
  });
}

function listen(handler: Parameters<typeof createServer>[1]): Promise<{ server: Server; port: number }> {
  const server = createServer(handler);
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve({ server, port: (server.address() as { port: number }).port })),
  );
}

test("a draining server finishes the request in flight and refuses new connections", async () => {
  let arrived!: () => void;
  let release!: () => void;
  const here = new Promise<void>((r) => (arrived = r));
  const released = new Promise<void>((r) => (release = r));
  const { server, port } = await listen((_req, res) => {
    arrived();
    void released.then(() => res.end("finished"));
  });
  const inFlight = get(port, "/work");
  await here;
  const drained = drainServer(server, 5_000);
  await assert.rejects(get(port, "/later"), /ECONNREFUSED/);
  release();
  assert.deepEqual(await inFlight, { status: 200, body: "finished" });
  assert.deepEqual(await drained, { forced: false });
});

test("a request that never finishes is cut after the drain timeout", async () => {
  let arrived!: () => void;
  const here = new Promise<void>((r) => (arrived = r));
  const { server, port } = await listen(() => arrived()); // never answers
  const stuck = get(port, "/stuck").catch((e: Error) => e);
  await here;
  assert.deepEqual(await drainServer(server, 100), { forced: true });
  assert.ok((await stuck) instanceof Error, "the client sees its connection closed");
});

test("shutdown hooks: flushes before closes, a failing hook does not stop the others, each runs once", async () => {
  resetShutdownForTests();
  const order: string[] = [];
  onShutdown(() => order.push("close"), "close");
  onShutdown(async () => {
    await new Promise((r) => setTimeout(r, 20));
    order.push("flush slow");
  });
  onShutdown(() => {
    throw new Error("flush failed");
  });
  const removed = onShutdown(() => order.push("removed"));
  removed();
  await runShutdownHooks();
  await runShutdownHooks();
  assert.deepEqual(order, ["flush slow", "close"]);
  assert.equal(isDraining(), false, "hooks alone do not set the flag");
  resetShutdownForTests();
});

test("SIGTERM during a request in flight: /health 503 while draining, the request completes, hooks run, exit 0", async () => {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(__dirname, "fixtures", "graceful-server.ts")], {
    env: { ...process.env, DELAY_MS: "400", SLOW_MS: "800", LOG_LEVEL: "error" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let out = "";
  const waiting = new Set<() => void>();
  child.stdout!.on("data", (c: Buffer) => {
    out += c;
    for (const check of waiting) check();
  });
  const seen = (re: RegExp) =>
    new Promise<RegExpMatchArray>((resolve) => {
      const check = () => {
        const m = out.match(re);
        if (m) {
          waiting.delete(check);
          resolve(m);
        }
      };
      waiting.add(check);
      check();
    });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const port = Number((await seen(/listening (\d+)/))[1]);
  assert.equal((await get(port, "/health")).status, 200);
  await get(port, "/write");

  const slow = get(port, "/slow");
  await seen(/slow started/);
  child.kill("SIGTERM");
  await new Promise((r) => setTimeout(r, 100));
  assert.deepEqual(await get(port, "/health"), { status: 503, body: "draining" });

  assert.deepEqual(await slow, { status: 200, body: "slow done" });
  assert.equal(await exited, 0);
  assert.match(out, /flushed 1\nclosed\n/);
});
