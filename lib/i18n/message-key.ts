// A translatable message travelling as a plain string, so it fits where only strings fit (zod
// messages, AppError, fieldErrors): "$t:<key>" or "$t:<key>?<JSON params>". The guard translates it
// into the request's language at the edge (lib/i18n/translate-message.ts). Client-safe.

export type MessageParams = Record<string, string | number>;
export type Translatable = { key: string; params?: MessageParams };

const MARK = "$t:";

/** `messageKey("validation.tooLong", { max: 254 })`: the key must exist in messages/en.json. */
export function messageKey(key: string, params?: MessageParams): string {
  return params ? `${MARK}${key}?${JSON.stringify(params)}` : `${MARK}${key}`;
}

export function parseMessageKey(text: string): Translatable | null {
  if (!text.startsWith(MARK)) return null;
  const body = text.slice(MARK.length);
  const q = body.indexOf("?");
  if (q < 0) return { key: body };
  try {
    return { key: body.slice(0, q), params: JSON.parse(body.slice(q + 1)) as MessageParams };
  } catch {
    return { key: body.slice(0, q) };
  }
}
