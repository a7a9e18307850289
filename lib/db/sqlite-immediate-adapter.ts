import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";

type Prepare = (sql: string) => unknown;

/**
 * Prisma's better-sqlite3 adapter with every transaction begun IMMEDIATE (it begins DEFERRED).
 * Several processes write one SQLite file (the web, the gate, the CLI). A deferred transaction
 * reads first; when it then writes after another process has written, SQLite answers SQLITE_BUSY
 * at once, without waiting (in WAL mode its snapshot is stale; waiting could deadlock), and the
 * operation fails. BEGIN IMMEDIATE takes the write lock at the start and waits for it with the
 * busy timeout instead. Transactions within one process are already serialised by the adapter.
 */
export class PrismaBetterSqlite3Immediate extends PrismaBetterSqlite3 {
  override async connect() {
    const adapter = await super.connect();
    // The adapter issues its BEGIN through the client's prepare(): rewrite that one statement.
    const client = (adapter as unknown as { client: { prepare: Prepare } }).client;
    const prepare = client.prepare.bind(client);
    client.prepare = (sql: string) => prepare(sql === "BEGIN" ? "BEGIN IMMEDIATE" : sql);
    return adapter;
  }
}
