import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/auth-options";

// Options are built per request so settings and keys are read at run time, not at build time.
async function handler(req: Request, ctx: { params: Promise<{ nextauth: string[] }> }) {
  return NextAuth(req as never, { params: await ctx.params } as never, authOptions());
}

export { handler as GET, handler as POST };
