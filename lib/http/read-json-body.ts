// Reads a request body as JSON with a byte cap enforced while reading: a declared Content-Length
// over the cap is refused before any byte is read, and a body that grows past it (chunked, or a
// lying length) is refused as soon as the running count passes the cap; the rest of the stream
// is cancelled, never buffered.
export const JSON_BODY_CAP_BYTES = 64 * 1024;

export type JsonBody = { ok: true; value: unknown } | { ok: false; status: 400 | 413; message: string };

export type CappedText = { ok: true; text: string } | { ok: false; status: 413; message: string };

const TOO_LARGE = { ok: false, status: 413, message: "Request too large." } as const;

/** The body as text, or 413 once it passes `cap` bytes. */
export async function readCappedText(req: Request, cap: number): Promise<CappedText> {
  const declared = req.headers.get("content-length");
  if (declared !== null && !(Number(declared) <= cap)) return TOO_LARGE;
  if (!req.body) return { ok: true, text: "" };
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > cap) {
      await reader.cancel().catch(() => undefined);
      return TOO_LARGE;
    }
    chunks.push(value);
  }
  return { ok: true, text: Buffer.concat(chunks).toString("utf8") };
}

/** The body parsed as JSON (an empty body is `{}`), or 413 / 400. */
export async function readJsonBody(req: Request, cap = JSON_BODY_CAP_BYTES): Promise<JsonBody> {
  const read = await readCappedText(req, cap);
  if (!read.ok) return read;
  try {
    return { ok: true, value: read.text ? JSON.parse(read.text) : {} };
  } catch {
    return { ok: false, status: 400, message: "The body must be JSON." };
  }
}
