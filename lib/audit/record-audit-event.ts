import type { Tx } from "@/lib/db/client";
import { reportSignInOutcome } from "@/lib/activity/report-sign-in-outcome";
import { signInOutcome } from "@/lib/activity/sign-in-outcome";
import { log } from "@/lib/log/logger";
import { actionGroupOf } from "@/lib/audit/action-group";

export type Actor = { id?: string | null; email?: string | null; ip?: string; userAgent?: string };
export type AuditInput = {
  actor?: Actor;
  subject?: { id?: string | null; email?: string | null };
  action: string;
  result: "success" | "failure" | "denied";
  details?: Record<string, string | number | boolean | null | undefined>;
};

/**
 * Writes one audit row with the transaction that made the change, so a change and its record
 * stand or fall together. Details are short facts: never passwords, codes or tokens.
 */
export async function recordAuditEvent(tx: Tx, input: AuditInput): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorId: input.actor?.id ?? null,
      actorEmail: input.actor?.email ?? null,
      subjectId: input.subject?.id ?? null,
      subjectEmail: input.subject?.email ?? null,
      action: input.action,
      actionGroup: actionGroupOf(input.action),
      result: input.result,
      ip: (input.actor?.ip ?? "").slice(0, 64),
      userAgent: (input.actor?.userAgent ?? "").slice(0, 512),
      details: JSON.stringify(input.details ?? {}),
    },
  });
  const outcome = signInOutcome(input);
  if (outcome) reportSignInOutcome(outcome);
  log.info("audit", {
    action: input.action,
    result: input.result,
    actor: input.actor?.email ?? undefined,
    subject: input.subject?.email ?? undefined,
  });
}
