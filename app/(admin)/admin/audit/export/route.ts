import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { runGuarded } from "@/lib/actions/run-guarded";
import { getCurrentUser } from "@/lib/auth/current-session";
import { startAuditExport, chunksToStream } from "@/lib/audit/start-audit-export";
import { parseAuditFilters } from "@/lib/audit/parse-audit-filters";
import { AppError } from "@/lib/errors";
import { contextFromHeaders } from "@/lib/http/request-context";
import { requestTranslator } from "@/lib/i18n/request-translator";

export const dynamic = "force-dynamic";

const input = z.object({
  format: z.enum(["csv", "jsonl"]),
  group: z.string().max(32).optional(),
  result: z.string().max(16).optional(),
  actor: z.string().max(320).optional(),
  subject: z.string().max(320).optional(),
  ip: z.string().max(64).optional(),
  from: z.string().max(40).optional(),
  to: z.string().max(40).optional(),
});

/** GET /admin/audit/export?format=csv|jsonl&<filters>: the filtered audit log, streamed; admins only. */
export async function GET(req: NextRequest): Promise<Response> {
  const result = await runGuarded(
    { name: "admin.audit.export", access: "admin", input, readOnly: true },
    Object.fromEntries(req.nextUrl.searchParams),
    { user: await getCurrentUser(), request: contextFromHeaders(req.headers), translate: await requestTranslator() },
    async ({ format, ...raw }, ctx) => {
      const parsed = parseAuditFilters(raw);
      if (!parsed.ok) throw new AppError("invalid_input", parsed.error.message);
      return { format, ...(await startAuditExport(parsed.query.filters, format, ctx.actor)) };
    },
  );
  if (!result.ok) {
    const status =
      result.error.code === "unauthenticated"
        ? 401
        : result.error.code === "forbidden"
          ? 403
          : result.error.code === "invalid_input"
            ? 400
            : 500;
    return NextResponse.json(result, { status, headers: { "Cache-Control": "no-store" } });
  }
  const { format, chunks } = result.data;
  const stamp = new Date().toISOString().replace(/[:.]/g, "-").slice(0, 19);
  return new Response(chunksToStream(chunks), {
    headers: {
      "Content-Type": format === "csv" ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8",
      "Content-Disposition": `attachment; filename="gatehouse-audit-${stamp}.${format}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
