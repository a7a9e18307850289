// What is logged about an unexpected error: its class and its code (Prisma's P2002, Node's
// ECONNREFUSED, PostgreSQL's 23505), never its message, which may quote query arguments such as
// an address, a hash or a token.
export type ErrorFacts = { errorClass: string; errorCode?: string };

const SAFE_CODE = /^[A-Za-z0-9_.-]{1,40}$/;

export function errorFacts(e: unknown): ErrorFacts {
  if (e === null || typeof e !== "object") return { errorClass: typeof e };
  // Error subclasses that set `name` (Prisma's do) survive minification; constructor names may not.
  const named = e instanceof Error && e.name && e.name !== "Error" ? e.name : undefined;
  const errorClass = (named ?? (e.constructor?.name || "Object")).slice(0, 80);
  const code = (e as { code?: unknown }).code;
  return typeof code === "string" && SAFE_CODE.test(code)
    ? { errorClass, errorCode: code }
    : typeof code === "number"
      ? { errorClass, errorCode: String(code) }
      : { errorClass };
}

/** The same facts as one phrase, for a line on a terminal: "PrismaClientKnownRequestError P2002". */
export function describeError(e: unknown): string {
  const { errorClass, errorCode } = errorFacts(e);
  return errorCode ? `${errorClass} ${errorCode}` : errorClass;
}
