// CSRF rule for state-changing requests (server actions, JSON routes): the browser's Origin must
// be PUBLIC_URL's origin, or this server as addressed by the Host header. A missing Origin is
// refused too: browsers always send one on POST, so only hand-made requests lack it. Neither
// X-Forwarded-Host nor a client-chosen Origin alone can make a request look same-origin.
export function isSameOrigin(origin: string | null, host: string | null, publicUrl: string): boolean {
  if (!origin || origin === "null") return false;
  if (origin === new URL(publicUrl).origin) return true;
  return !!host && (origin === `http://${host}` || origin === `https://${host}`);
}
