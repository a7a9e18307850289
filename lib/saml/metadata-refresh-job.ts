import { log } from "@/lib/log/logger";
import { describeError } from "@/lib/log/error-facts";
import { refreshDueMetadata } from "@/lib/saml/refresh-idp-metadata";

// Runs in the server process: once an hour, refreshes the IdP metadata of every domain whose last
// refresh is a day old (lib/saml/refresh-idp-metadata.ts). Several instances may all run it; a
// refresh is idempotent, so the worst case is a second download.

const CHECK_EVERY_MS = 60 * 60 * 1000;

export function startMetadataRefreshJob(): () => void {
  const tick = () =>
    refreshDueMetadata().then(
      (results) =>
        results.length > 0 && log.info("saml metadata refreshed", { domains: results.length, failed: results.filter((r) => !r.ok).length }),
      (e: unknown) => log.error("saml metadata refresh job failed", { error: describeError(e) }),
    );
  const first = setTimeout(tick, 60_000);
  const timer = setInterval(tick, CHECK_EVERY_MS);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
