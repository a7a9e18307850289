/**
 * The TanStack Query keys of the lists kept in the browser. Forms invalidate these after a write;
 * the lists read them. One module, so a write and the list it changes cannot drift apart.
 */
export const queryKeys = {
  users: ["users"] as const,
  userPage: (query: string, page: number) => ["users", query, page] as const,
  ownCredentials: ["credentials", "own"] as const,
  userCredentials: (userId: string) => ["credentials", "user", userId] as const,
  ownSessions: ["sessions", "own"] as const,
  userSessions: (userId: string) => ["sessions", "user", userId] as const,
};
