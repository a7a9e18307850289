/** A post-login destination is only ever a path on this site: no scheme, no host, no "//". */
export function safeNextPath(next: string | undefined | null): string | undefined {
  if (!next || next.length > 512) return undefined;
  return /^\/(?![/\\])[\x21-\x7e]*$/.test(next) ? next : undefined;
}
