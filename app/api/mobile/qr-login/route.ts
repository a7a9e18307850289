import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { exchangeQrLoginToken } from "@/lib/credentials/exchange-qr-login-token";
import { AppError } from "@/lib/errors";
import { readJsonBody } from "@/lib/http/read-json-body";
import { contextFromHeaders } from "@/lib/http/request-context";
import { errorFacts } from "@/lib/log/error-facts";
import { log } from "@/lib/log/logger";

export const dynamic = "force-dynamic";

// Called by the mobile app, not a browser: no session cookie is read, so there is nothing for a
// cross-site request to ride on, and the same-origin rule of defineRoute does not apply. The
// token (256 bits, single use, 10 minutes) is the whole authorisation.
const body = z.object({ token: z.string().min(16).max(128) });
const GONE = { ok: false, error: { code: "expired", message: "This QR code is no longer valid. Create a new one in your account." } };

function json(data: unknown, status: number): NextResponse {
  const res = NextResponse.json(data, { status });
  res.headers.set("Cache-Control", "no-store");
  return res;
}

export async function POST(req: NextRequest): Promise<NextResponse> {
  const read = await readJsonBody(req, 4096);
  if (!read.ok) {
    const message = read.status === 413 ? read.message : 'The body must be JSON: {"token": "…"}.';
    return json({ ok: false, error: { code: "invalid_input", message } }, read.status);
  }
  const raw = read.value;
  const parsed = body.safeParse(raw);
  if (!parsed.success) return json(GONE, 410);
  const ctx = contextFromHeaders(req.headers);
  try {
    const result = await exchangeQrLoginToken(parsed.data.token, ctx);
    return result ? json({ ok: true, data: result }, 200) : json(GONE, 410);
  } catch (e) {
    // e.g. the account is at its credential limit: the transaction rolled back, the token is unused.
    if (e instanceof AppError) return json({ ok: false, error: { code: e.code, message: e.message } }, 409);
    log.error("qr_login.failed", errorFacts(e));
    return json({ ok: false, error: { code: "internal", message: "Something went wrong. Try again." } }, 500);
  }
}
