import { log } from "@/lib/log/logger";
import { startHourlyJob } from "@/lib/process/hourly-job";
import { refreshDueMetadata } from "@/lib/saml/refresh-idp-metadata";

// Runs in the server process: once an hour, refreshes the IdP metadata of every domain whose last
// refresh is a day old (lib/saml/refresh-idp-metadata.ts). Several instances may all run it; a
// refresh is idempotent, so the worst case is a second download.
export function startMetadataRefreshJob(): () => void {
  return startHourlyJob("saml metadata refresh", async () => {
    const results = await refreshDueMetadata();
    if (results.length > 0) log.info("saml metadata refreshed", { domains: results.length, failed: results.filter((r) => !r.ok).length });
  });
}
