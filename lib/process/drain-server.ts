import type { Server } from "node:http";

/** Longest a process waits for requests in flight before it drops them. */
export const DRAIN_TIMEOUT_MS = 10_000;

/**
 * Stops `server` accepting connections and resolves once every request in flight has been answered
 * (idle keep-alive connections are closed at once, and each busy one as soon as its answer is
 * out). After `timeoutMs` whatever is still open is cut. `forced` says whether that happened.
 */
export function drainServer(server: Server, timeoutMs = DRAIN_TIMEOUT_MS): Promise<{ forced: boolean }> {
  return new Promise((resolve) => {
    let forced = false;
    if (!server.listening) {
      server.closeAllConnections();
      return resolve({ forced });
    }
    // A keep-alive connection whose request just finished becomes idle: close it then, rather than
    // leaving it for the client's next request (Node closes only the idle ones it sees at close()).
    const sweep = setInterval(() => server.closeIdleConnections(), 25);
    const cut = setTimeout(() => {
      forced = true;
      server.closeAllConnections();
    }, timeoutMs);
    server.close(() => {
      clearInterval(sweep);
      clearTimeout(cut);
      resolve({ forced });
    });
    server.closeIdleConnections();
  });
}

/** While draining: tell the client this connection closes after the answer. */
export function closeAfterAnswer(res: { setHeader(name: string, value: string): unknown; headersSent: boolean }): void {
  if (!res.headersSent) res.setHeader("Connection", "close");
}
