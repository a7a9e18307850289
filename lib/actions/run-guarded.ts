import { z } from "zod";
import type { Actor } from "@/lib/audit/record-audit-event";
import { hasFreshProof, REAUTH_REQUIRED_MESSAGE } from "@/lib/auth/fresh-proof";
import { AppError } from "@/lib/errors";
import type { ActionError, ActionResult } from "@/lib/actions/action-result";
import { messageKey } from "@/lib/i18n/message-key";
import { translateActionError } from "@/lib/actions/translate-action-error";
import { translateToEnglish, type Translate } from "@/lib/i18n/translate-message";
import { errorFacts } from "@/lib/log/error-facts";
import { countDatabaseFault } from "@/lib/metrics/count-metric";
import { log } from "@/lib/log/logger";
import type { RequestContext } from "@/lib/http/request-context";
import type { SessionUser } from "@/lib/sessions/session-store";
import { zodIssueMessage } from "@/lib/validation/zod-issue-message";

export type Access = "public" | "user" | "admin";
export type GuardOptions<S extends z.ZodType, A extends Access> = {
  name: string;
  access: A;
  input: S;
  /** Sensitive self-service action: refused with "reauth_required" unless the session proved who it is within 10 minutes. */
  freshProof?: boolean;
};
export type GuardContext<A extends Access> = RequestContext & {
  user: A extends "public" ? SessionUser | null : SessionUser;
  actor: Actor;
};

/**
 * Shared core of the action and route wrappers: role check, zod validation, error shape.
 * Expected failures (AppError) become typed errors; anything else is logged and answered with a
 * generic message, so stack traces and internals never reach a client. Messages that are message
 * keys (AppError's, zod's) are answered in the request's language by `who.translate`, English
 * without one.
 */
export async function runGuarded<S extends z.ZodType, T, A extends Access>(
  opts: GuardOptions<S, A> & { readOnly?: boolean },
  raw: unknown,
  who: { user: SessionUser | null; request: RequestContext; now?: Date; translate?: Translate },
  handler: (input: z.output<S>, ctx: GuardContext<A>) => Promise<T>,
): Promise<ActionResult<T>> {
  const result = await runChecked(opts, raw, who, handler);
  return result.ok ? result : { ok: false, error: translateActionError(result.error, who.translate ?? translateToEnglish) };
}

async function runChecked<S extends z.ZodType, T, A extends Access>(
  opts: GuardOptions<S, A> & { readOnly?: boolean },
  raw: unknown,
  who: { user: SessionUser | null; request: RequestContext; now?: Date },
  handler: (input: z.output<S>, ctx: GuardContext<A>) => Promise<T>,
): Promise<{ ok: true; data: T } | { ok: false; error: ActionError }> {
  const { user, request } = who;
  try {
    if (opts.access !== "public" && !user) throw new AppError("unauthenticated", messageKey("errors.sessionEnded"));
    if (opts.access === "admin" && user?.role !== "admin") throw new AppError("forbidden", messageKey("errors.adminOnly"));
    // A session opened with a service credential skipped the second factor: it may use the web UI
    // but not change the account (credentials, devices, codes, password, sessions).
    if (opts.access !== "public" && !opts.readOnly && user?.authMethod === "credential") {
      throw new AppError("forbidden", messageKey("errors.credentialSession"));
    }
    const parsed = opts.input.safeParse(raw, { error: zodIssueMessage });
    if (!parsed.success) {
      const fieldErrors: Record<string, string[]> = {};
      for (const issue of parsed.error.issues) (fieldErrors[String(issue.path[0] ?? "form")] ??= []).push(issue.message);
      return { ok: false, error: { code: "invalid_input", message: messageKey("errors.checkFields"), fieldErrors, values: echoable(raw) } };
    }
    if (opts.freshProof && (!user || !hasFreshProof(user, who.now ?? new Date()))) {
      throw new AppError("reauth_required", REAUTH_REQUIRED_MESSAGE);
    }
    const actor: Actor = { id: user?.id, email: user?.email, ip: request.ip, userAgent: request.userAgent };
    const data = await handler(parsed.data, { ...request, user, actor } as GuardContext<A>);
    return { ok: true, data };
  } catch (e) {
    if (e instanceof AppError)
      return { ok: false, error: { code: e.code, message: e.text, fieldErrors: e.fieldErrors, values: echoable(raw) } };
    // next/navigation's redirect() and notFound() work by throwing: let them through.
    if (e && typeof e === "object" && "digest" in e && String((e as { digest: unknown }).digest).startsWith("NEXT_")) throw e;
    log.error("action.failed", { action: opts.name, ...errorFacts(e) });
    countDatabaseFault(e);
    return {
      ok: false,
      error: { code: "internal", message: messageKey("errors.internal") },
    };
  }
}

/** FormData to a plain object; repeated keys (checkbox groups) become arrays. */
export function formDataToObject(fd: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(fd.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const all = fd.getAll(key).filter((v): v is string => typeof v === "string");
    out[key] = all.length > 1 || key.endsWith("[]") ? all : all[0];
  }
  return out;
}

const SECRET_FIELD = /pass|secret|token|code|otp/i;

/** What may be sent back into a refused form: short strings from fields that are not secrets. */
function echoable(raw: unknown): Record<string, string> {
  if (!raw || typeof raw !== "object") return {};
  return Object.fromEntries(
    Object.entries(raw as Record<string, unknown>)
      .filter(([k, v]) => typeof v === "string" && !SECRET_FIELD.test(k) && k !== "id")
      .map(([k, v]) => [k, (v as string).slice(0, 300)]),
  );
}
