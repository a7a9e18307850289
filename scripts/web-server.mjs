// The web process: Next.js behind a bare node:http server, so that the client address the app sees
// is the one this server decides, not whatever a client wrote into X-Forwarded-For. Started by
// scripts/start.ts (plain node, no react-server condition: Next manages its own module layers).
//
// The address is the TCP peer, unless the peer is a proxy listed in TRUSTED_PROXIES: then the
// right-most X-Forwarded-For entry that is not itself a trusted proxy.
import { createServer } from "node:http";
import { BlockList, isIP } from "node:net";
import next from "next";

const host = process.env.HOST || "127.0.0.1";
const port = Number(process.env.PORT || 3000);
const trusted = new BlockList();
for (const entry of (process.env.TRUSTED_PROXIES ?? "")
  .split(",")
  .map((s) => s.trim())
  .filter(Boolean)) {
  const [address, bits] = entry.split("/");
  const family = isIP(address) === 6 ? "ipv6" : "ipv4";
  if (bits === undefined) trusted.addAddress(address, family);
  else trusted.addSubnet(address, Number(bits), family);
}

const plain = (ip) => (ip ?? "").replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, "");
const isTrusted = (ip) => isIP(ip) !== 0 && trusted.check(ip, isIP(ip) === 6 ? "ipv6" : "ipv4");

export function clientAddress(peer, forwardedFor) {
  let address = plain(peer);
  if (!isTrusted(address)) return address;
  const hops = String(forwardedFor ?? "")
    .split(",")
    .map((s) => plain(s.trim()))
    .filter((s) => isIP(s) !== 0);
  while (hops.length > 0) {
    address = hops.pop();
    if (!isTrusted(address)) break;
  }
  return address;
}

const app = next({ dev: false, hostname: host, port, dir: process.cwd() });
const handle = app.getRequestHandler();
await app.prepare();
createServer((req, res) => {
  req.headers["x-forwarded-for"] = clientAddress(req.socket.remoteAddress, req.headers["x-forwarded-for"]);
  handle(req, res);
})
  .on("error", (e) => {
    process.stderr.write(`gatehouse: web cannot listen on ${host}:${port}: ${e.message}\n`);
    process.exit(1);
  })
  .listen(port, host, () => console.log(`gatehouse: web ready on http://${host}:${port}`));
