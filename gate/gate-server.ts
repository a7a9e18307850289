import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { errorFacts } from "@/lib/log/error-facts";
import { log } from "@/lib/log/logger";

// The protocol gate: a bare node:http server, kept off Next.js because nginx asks it about every
// mail login (a Next route handler serves ~25x fewer requests per second here). The auth_http and
// auth_request answers arrive with the protocol gate issue; for now it answers liveness.
export type GateOptions = { gateSecret: string };

export function createGateServer(_opts: GateOptions): Server {
  return createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://gate");
    if (req.method === "GET" && url.pathname === "/health") {
      res.writeHead(200, { "Content-Type": "application/json", "Cache-Control": "no-store" });
      res.end('{"status":"ok"}');
      return;
    }
    res.writeHead(404, { "Content-Type": "text/plain" });
    res.end("not found\n");
  }).on("clientError", (err, socket) => {
    log.warn("gate.client_error", errorFacts(err));
    socket.destroy();
  });
}
