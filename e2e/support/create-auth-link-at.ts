// Run by createAuthLinkHoursAgo (auth-link-clock.ts) in its own process: creates a temporary auth
// link for an account as it would have been created `hoursAgo` hours ago, through the same lib
// operation as the console (the clock is injected; nothing waits), and prints its URL.
import { createAuthLink } from "@/lib/auth-links/create-auth-link";
import { getDb } from "@/lib/db/client";

async function main() {
  const [email, hoursAgo] = process.argv.slice(2);
  const user = await getDb().user.findUniqueOrThrow({ where: { email }, select: { id: true } });
  const now = new Date(Date.now() - Number(hoursAgo) * 60 * 60 * 1000);
  const link = await createAuthLink({ userId: user.id }, { email: "e2e-clock@gatehouse.test" }, now);
  process.stdout.write(link.url + "\n");
  process.exit(0);
}

void main();
