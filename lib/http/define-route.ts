import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import type { ActionError } from "@/lib/actions/action-result";
import { runGuarded, type Access, type GuardContext, type GuardOptions } from "@/lib/actions/run-guarded";
import { getCurrentUser } from "@/lib/auth/current-session";
import { getSettings } from "@/lib/config/settings";
import { readJsonBody } from "@/lib/http/read-json-body";
import { contextFromHeaders } from "@/lib/http/request-context";
import { isSameOrigin } from "@/lib/http/same-origin";
import { messageKey } from "@/lib/i18n/message-key";
import { requestTranslator } from "@/lib/i18n/request-translator";
import { translateText } from "@/lib/i18n/translate-message";

const STATUS: Record<ActionError["code"], number> = {
  invalid_input: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  reauth_required: 403,
  not_found: 404,
  conflict: 409,
  expired: 410,
  link_unusable: 410,
  rate_limited: 429,
  internal: 500,
  mail_failed: 502,
  mail_not_configured: 503,
};

// A state-changing request must come from our own origin (lib/http/same-origin.ts).
function sameOrigin(req: NextRequest): boolean {
  return isSameOrigin(req.headers.get("origin"), req.headers.get("host"), getSettings().publicUrl);
}

type RouteOptions<S extends z.ZodType, A extends Access> = GuardOptions<S, A> & {
  /** Polled by a live list on a timer: the request does not count as the person's activity. */
  polled?: boolean;
};

/** Wraps a JSON route handler with the same guard as server actions. GET reads query params. */
export function defineRoute<S extends z.ZodType, T, A extends Access>(
  { polled = false, ...opts }: RouteOptions<S, A>,
  handler: (input: z.output<S>, ctx: GuardContext<A>) => Promise<T>,
) {
  return async (req: NextRequest): Promise<NextResponse> => {
    const isRead = req.method === "GET" || req.method === "HEAD";
    const translate = await requestTranslator();
    if (!isRead && !sameOrigin(req)) {
      return NextResponse.json(
        { ok: false, error: { code: "forbidden", message: translateText(messageKey("errors.crossOrigin"), translate) } },
        { status: 403 },
      );
    }
    let raw: unknown = Object.fromEntries(req.nextUrl.searchParams);
    if (!isRead) {
      const body = await readJsonBody(req);
      if (!body.ok)
        return NextResponse.json({ ok: false, error: { code: "invalid_input", message: body.message } }, { status: body.status });
      raw = body.value;
    }
    const request = contextFromHeaders(req.headers);
    const result = await runGuarded(
      { ...opts, readOnly: isRead },
      raw,
      { user: await getCurrentUser(!polled), request, translate },
      handler,
    );
    const res = NextResponse.json(result, { status: result.ok ? 200 : STATUS[result.error.code] });
    res.headers.set("Cache-Control", "no-store");
    return res;
  };
}
