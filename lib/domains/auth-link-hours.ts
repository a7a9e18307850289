// How long a temporary auth link lasts, in hours (issue 10): 1 hour to 1 week. Client-safe, so
// forms can show the bounds; new domains start at the column's default, 12.
export const AUTH_LINK_HOURS_MIN = 1;
export const AUTH_LINK_HOURS_MAX = 168;

export const isAuthLinkHours = (hours: unknown): hours is number =>
  typeof hours === "number" && Number.isSafeInteger(hours) && hours >= AUTH_LINK_HOURS_MIN && hours <= AUTH_LINK_HOURS_MAX;
