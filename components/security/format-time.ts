import type { ActionResult } from "@/lib/actions/action-result";

// Times render the same on the server and in the browser (UTC), so hydration never disagrees.
export function formatWhen(value: Date | string | null | undefined): string {
  if (!value) return "—";
  const date = typeof value === "string" ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return "—";
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

/** Throws the action's message so ConfirmButton shows it in its dialog. */
export function unwrap<T>(result: ActionResult<T>): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.data;
}
