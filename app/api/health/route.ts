import { NextResponse } from "next/server";
import { getDb } from "@/lib/db/client";
import { isDraining } from "@/lib/process/shutdown-hooks";
import { countDatabaseFault } from "@/lib/metrics/count-metric";

export const dynamic = "force-dynamic";

/** 200 {"status":"ok"} when the database answers, 503 otherwise (DESIGN.md), and 503 {"status":"draining"} once shutting down. */
export async function GET() {
  if (isDraining()) return NextResponse.json({ status: "draining" }, { status: 503, headers: { "Cache-Control": "no-store" } });
  try {
    await getDb().$queryRawUnsafe("SELECT 1");
    return NextResponse.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
  } catch (e) {
    countDatabaseFault(e);
    return NextResponse.json({ status: "unavailable" }, { status: 503, headers: { "Cache-Control": "no-store" } });
  }
}
