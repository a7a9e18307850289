import "server-only";
import { getMessages } from "next-intl/server";

// The messages each part of the app sends to the browser. Only client components need them there
// (server components translate on the server), and the whole catalogue is ~70 KB: sent on every
// page, it tripled the sign-in page's HTML and doubled its render time. Each entry is a namespace
// ("auth") or a part of one ("ui.toast"); tests/unit/client-messages.test.ts reads the client
// code each part reaches and fails when one asks for a namespace missing here.
export const CLIENT_MESSAGES = {
  /** The root layout's own client parts (the toasts) and pages outside the route groups. */
  root: ["ui.toast"],
  auth: ["auth", "passkeys", "security.recoveryCodes", "ui.copy", "ui.toast"],
  portal: ["account", "auth.reauth", "auth.signOut", "auth.totpEnrolment", "credentials", "nav", "passkeys", "security", "ui"],
  admin: ["admin", "auth.reauth", "auth.signOut", "credentials", "nav", "passkeys", "policies", "security", "ui"],
} as const satisfies Record<string, readonly string[]>;

export type ClientMessagesPart = keyof typeof CLIENT_MESSAGES;
type Messages = Record<string, unknown>;

/** The parts of `all` named by dotted paths, nested as in the catalogue. */
export function pickMessages(all: Messages, paths: readonly string[]): Messages {
  const picked: Messages = {};
  for (const dotted of paths) {
    const keys = dotted.split(".");
    let from: unknown = all;
    for (const key of keys) from = from && typeof from === "object" ? (from as Messages)[key] : undefined;
    if (from === undefined) continue;
    let into = picked;
    for (const key of keys.slice(0, -1)) into = (into[key] ??= {}) as Messages;
    into[keys[keys.length - 1]] = from;
  }
  return picked;
}

/** This request's messages (in the person's language) for one part of the app. */
export async function clientMessages(part: ClientMessagesPart): Promise<Messages> {
  return pickMessages((await getMessages()) as Messages, CLIENT_MESSAGES[part]);
}
