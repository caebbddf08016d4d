/**
 * After a destruction the deleted rows must not survive as bytes on disk. SQLite: both databases run
 * with secure_delete (deleted content is overwritten with zeros), and the WAL — which still holds the
 * pages as they were before — is folded into the database and truncated to zero. Postgres: deleted
 * tuples stay in the table files until vacuumed, and a plain VACUUM only marks their space free, so the
 * tables are rewritten (VACUUM FULL, which writes new files and removes the old). The access log is left
 * alone: nothing is ever deleted from it.
 *
 * What this cannot reach: Postgres's own WAL segments and any WAL archive or backup keep the old bytes
 * until they are recycled or expire (see docs/SECURITY.md).
 */
import { sql } from 'kysely';
import type { AppServices } from '../services.js';

/** Tables never deleted from, or the document store's own (it scrubs those itself). */
const SKIP = new Set(['access_log', 'doc_updates', 'doc_snapshots']);

export async function scrubFreedSpace(services: AppServices): Promise<void> {
  if (services.dialect === 'sqlite') {
    await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(services.db);
  } else {
    const tables = await sql<{ name: string }>`
      SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`.execute(services.db);
    await services.db.connection().execute(async (conn) => {
      // The pool's statement timeout is for requests; rewriting a table may take longer.
      await sql`SET statement_timeout = 0`.execute(conn);
      try {
        for (const { name } of tables.rows) {
          if (SKIP.has(name) || name.startsWith('kysely_')) continue;
          await sql`VACUUM (FULL) ${sql.table(name)}`.execute(conn);
        }
      } finally {
        await sql`RESET statement_timeout`.execute(conn);
      }
    });
  }
  await services.store.scrubFreedSpace?.();
}
