// The web process: Next.js behind a bare node:http server, so that the client address the app
// sees is the one this server decides, not whatever a client wrote into a header. `npm start`
// (scripts/start.ts) runs it for production and `npm run dev` with --dev; both run it with tsx and
// WITHOUT the react-server condition, because Next.js manages its own module layers.
//
// Per request: the address is decided (lib/net/client-address.ts) and sealed into one header
// under a key made here at start (lib/net/client-address-header.ts); any X-Forwarded-For or
// sealed-address header a client sent is dropped, and so are X-Forwarded-Host and
// X-Forwarded-Proto unless the TCP peer is a trusted proxy (Next.js believes them otherwise).
import { createServer } from "node:http";
import { ipInRanges, normaliseIp } from "@/lib/net/cidr";
import { clientAddress, parseTrustedProxies } from "@/lib/net/client-address";
import { strictTransportSecurity } from "@/lib/http/security-headers";
import { CLIENT_ADDRESS_HEADER, newPeerKey, PEER_KEY_ENV, sealClientAddress } from "@/lib/net/client-address-header";
import { closeAfterAnswer, drainServer } from "@/lib/process/drain-server";
import { exitGracefullyOnSignals } from "@/lib/process/graceful-shutdown";
import { isDraining } from "@/lib/process/shutdown-hooks";

const dev = process.argv.includes("--dev");
(process.env as Record<string, string | undefined>).NODE_ENV ??= dev ? "development" : "production";
const host = process.env.HOST || "127.0.0.1";
const port = Number(process.env.PORT || 3000);
// Every response, static files and JSON routes included (proxy.ts sets it on pages for a bare
// `next start` too). start.ts passes the checked PUBLIC_URL; `npm run dev` is http.
const hsts = strictTransportSecurity(process.env.PUBLIC_URL ?? "");

let trusted: ReturnType<typeof parseTrustedProxies>;
try {
  trusted = parseTrustedProxies(process.env.TRUSTED_PROXIES);
} catch (e) {
  process.stderr.write(`gatehouse: invalid setting TRUSTED_PROXIES: ${(e as Error).message}\n`);
  process.exit(1);
}
// Lives only in this process (and is replaced at every start): the app checks seals against it.
const peerKey = newPeerKey();
process.env[PEER_KEY_ENV] = peerKey;

async function main() {
  const { default: next } = await import("next");
  const app = next({ dev, hostname: host, port, dir: process.cwd() });
  const handle = app.getRequestHandler();
  await app.prepare();
  const server = createServer((req, res) => {
    const peer = req.socket.remoteAddress;
    const address = clientAddress(peer, req.headers["x-forwarded-for"], trusted);
    const fromTrustedProxy = ipInRanges(normaliseIp(peer ?? "") ?? "", trusted);
    // Next.js fills X-Forwarded-For from the socket when it is missing; give it the decided address.
    if (address) req.headers["x-forwarded-for"] = address;
    else delete req.headers["x-forwarded-for"];
    if (!fromTrustedProxy) {
      delete req.headers["x-forwarded-host"];
      delete req.headers["x-forwarded-proto"];
    }
    req.headers[CLIENT_ADDRESS_HEADER] = sealClientAddress(address, peerKey);
    if (hsts) res.setHeader("Strict-Transport-Security", hsts);
    if (isDraining()) closeAfterAnswer(res);
    void handle(req, res);
  })
    .on("error", (e) => {
      process.stderr.write(`gatehouse: web cannot listen on ${host}:${port}: ${e.message}\n`);
      process.exit(1);
    })
    .listen(port, host, () => console.log(`gatehouse: web ready on http://${host}:${port}${dev ? " (development)" : ""}`));
  // SIGTERM/SIGINT (from scripts/start.ts or a terminal): /api/health answers 503, then the server
  // stops accepting, finishes what is in flight, runs the shutdown hooks (flushes, then the
  // database client registered by lib/db/client.ts) and exits 0.
  exitGracefullyOnSignals({
    name: "web",
    delayMs: shutdownDelayMs(),
    drain: async () => {
      const { forced } = await drainServer(server);
      if (forced) console.error("gatehouse: web requests cut at shutdown after the drain timeout");
    },
  });
}

/** SHUTDOWN_DELAY_SECONDS, checked by scripts/start.ts (lib/config/settings.ts) before this starts. */
function shutdownDelayMs(): number {
  const seconds = Number(process.env.SHUTDOWN_DELAY_SECONDS || 0);
  return Number.isInteger(seconds) && seconds >= 0 && seconds <= 120 ? seconds * 1000 : 0;
}

void main();
