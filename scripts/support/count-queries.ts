import { databaseQueryCount } from "@/lib/db/client";

/**
 * Runs `work` and counts the SQL statements it sent (BEGIN and COMMIT included). The process must
 * have started with GATEHOUSE_COUNT_QUERIES=1 before its database client was made.
 */
export async function countingQueries<T>(work: () => Promise<T>): Promise<[number, T]> {
  if (process.env.GATEHOUSE_COUNT_QUERIES !== "1") throw new Error("set GATEHOUSE_COUNT_QUERIES=1 before the database client is made");
  const before = databaseQueryCount();
  const result = await work();
  return [databaseQueryCount() - before, result];
}
