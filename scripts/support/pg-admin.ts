/**
 * Runs one statement on a PostgreSQL server outside any Prisma client, for what a client cannot do
 * inside the database it is connected to: CREATE and DROP DATABASE (the db tests, the instance
 * test, bench:admin).
 */
export async function pgAdmin(url: string, sql: string): Promise<void> {
  const { Client } = await import("pg");
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
