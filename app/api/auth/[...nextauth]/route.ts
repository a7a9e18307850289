import NextAuth from "next-auth";
import { NextResponse, NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/auth-options";
import { readCappedText } from "@/lib/http/read-json-body";

// next-auth's forms carry a CSRF token and a callback URL: a few hundred bytes.
const AUTH_BODY_CAP_BYTES = 16 * 1024;

// Options are built per request so settings and keys are read at run time, not at build time.
async function handler(req: NextRequest, ctx: { params: Promise<{ nextauth: string[] }> }) {
  const options = authOptions();
  let request = req;
  if (req.method === "POST") {
    // next-auth would read the whole body; read it here with the cap and hand on a copy.
    const body = await readCappedText(req, AUTH_BODY_CAP_BYTES);
    if (!body.ok) return NextResponse.json({ ok: false, error: { code: "invalid_input", message: body.message } }, { status: body.status });
    request = new NextRequest(req.url, { method: "POST", headers: req.headers, body: body.text });
  }
  return NextAuth(request as never, { params: await ctx.params } as never, options);
}

export { handler as GET, handler as POST };
