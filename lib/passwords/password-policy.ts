import { readFileSync } from "node:fs";
import path from "node:path";
import { messageKey } from "@/lib/i18n/message-key";

// NIST 800-63B: length, a blocklist, nothing else. No composition rules; never truncated or
// case-folded (only the blocklist comparison ignores case).
export const PASSWORD_MIN = 8;
/** Minimum for accounts with no second factor (NIST 800-63B rev 4 single-factor). */
export const PASSWORD_MIN_SINGLE_FACTOR = 15;
export const PASSWORD_MAX = 256;

let blocklist: Set<string> | undefined;
function commonPasswords(): Set<string> {
  if (!blocklist) {
    const file = path.join(process.env.GATEHOUSE_ROOT ?? process.cwd(), "lib", "passwords", "common-passwords.txt");
    blocklist = new Set(
      readFileSync(file, "utf8")
        .split("\n")
        .filter((l) => l && !l.startsWith("#")),
    );
  }
  return blocklist;
}

/**
 * Returns why the password is refused (a message key: AppError keeps its English text as `message`),
 * or null when it is acceptable. The floor is 15 characters
 * unless the account has a second factor (then 8), per NIST 800-63B rev 4.
 */
export function passwordProblem(password: string, opts: { hasSecondFactor?: boolean; email?: string } = {}): string | null {
  const min = opts.hasSecondFactor ? PASSWORD_MIN : PASSWORD_MIN_SINGLE_FACTOR;
  const length = [...password].length;
  if (length < min) return messageKey("validation.tooShort", { min });
  if (length > PASSWORD_MAX) return messageKey("validation.tooLong", { max: PASSWORD_MAX });
  const lower = password.toLowerCase();
  if (commonPasswords().has(lower)) return messageKey("errors.account.passwordTooCommon");
  if (opts.email && lower.includes(opts.email.toLowerCase().split("@")[0]) && opts.email.split("@")[0].length >= 4)
    return messageKey("errors.account.passwordHasAddress");
  return null;
}
