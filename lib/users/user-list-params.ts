// The users list's place in its URL (`?q=…&page=…`), read the same way by the server page and the
// list in the browser. Client-safe: no database or server-only imports.

export const USER_QUERY_MAX = 100;
const PAGE_MAX = 100_000;

export type UserListParams = { query: string; page: number };

type Raw = string | string[] | null | undefined;
const first = (value: Raw) => (Array.isArray(value) ? value[0] : value) ?? "";

/** `q` trimmed and cut to the search limit; `page` a whole number from 1, anything else page 1. */
export function readUserListParams(q: Raw, page: Raw): UserListParams {
  const n = Number(first(page));
  return {
    query: first(q).trim().slice(0, USER_QUERY_MAX),
    page: Number.isInteger(n) && n >= 1 ? Math.min(n, PAGE_MAX) : 1,
  };
}

/** The search part of the list's URL; the defaults (no query, page 1) are left out. */
export function userListSearch({ query, page }: UserListParams): string {
  const params = new URLSearchParams();
  if (query) params.set("q", query);
  if (page > 1) params.set("page", String(page));
  const search = params.toString();
  return search ? `?${search}` : "";
}
