/**
 * Runs the store contract against a real Postgres (TEST_DATABASE_URL, default the local `test`
 * database) in a schema created for this run and dropped afterwards. Without Postgres the suite is
 * skipped loudly on a workstation and fails in CI: it must never pass silently.
 */
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import os from 'node:os';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate } from '../../src/storage/postgresMigrations.js';
import { PostgresStore } from '../../src/storage/postgresStore.js';
import { runStoreSuite } from './storeSuite.js';

/**
 * libpq (psql) defaults the user to the OS account, node-postgres only to $USER/$PGUSER, which
 * containers often leave unset; fill it in so a user-less URL means the same to both.
 */
function withDefaultUser(connectionString: string): string {
  if (process.env.PGUSER || process.env.USER) return connectionString;
  try {
    const u = new URL(connectionString);
    if (u.username) return connectionString;
    u.username = os.userInfo().username;
    return u.toString();
  } catch {
    return connectionString;
  }
}

const url = withDefaultUser(process.env.TEST_DATABASE_URL ?? 'postgres://127.0.0.1:5432/test');
const schema = `t_${randomBytes(6).toString('hex')}`;

/** The URL without its password, for messages. */
function redacted(connectionString: string): string {
  try {
    const u = new URL(connectionString);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '<unparseable connection string>';
  }
}

/** null when Postgres answers, otherwise why not. */
async function probe(): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000, query_timeout: 5_000 });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (err) {
    return err instanceof Error ? err.message || err.name : String(err);
  } finally {
    await client.end().catch(() => {});
  }
}

async function dropSchema(name: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${pg.escapeIdentifier(name)} CASCADE`);
  } finally {
    await client.end();
  }
}

const unreachable = await probe();
const where = redacted(url);

if (unreachable === null) {
  runStoreSuite(
    'postgres',
    () => PostgresStore.open(url, { schema }),
    () => dropSchema(schema),
  );

  describe('PostgresStore specifics', () => {
    // Own schemas: the contract suite drops the shared one in its afterAll, which runs before these.
    const extraSchemas: string[] = [];
    const freshSchema = () => {
      const name = `t_${randomBytes(6).toString('hex')}`;
      extraSchemas.push(name);
      return name;
    };
    afterAll(async () => {
      for (const s of extraSchemas) await dropSchema(s);
    });

    it('applies migrations exactly once when instances start concurrently', async () => {
      const fresh = freshSchema();
      const pools = [new pg.Pool({ connectionString: url }), new pg.Pool({ connectionString: url })];
      try {
        const applied = await Promise.all(pools.map((p) => migrate(p, fresh)));
        expect(applied.flat()).toEqual(MIGRATIONS.map((m) => m.id));
        await expect(migrate(pools[0]!, fresh)).resolves.toEqual([]);
        const rows = await pools[0]!.query(`SELECT id FROM ${pg.escapeIdentifier(fresh)}.schema_migrations`);
        expect(rows.rows.map((r) => Number(r.id)).sort()).toEqual(MIGRATIONS.map((m) => m.id));
      } finally {
        await Promise.all(pools.map((p) => p.end()));
      }
    });

    it('opens concurrently on a fresh schema and shares one seq counter', async () => {
      const fresh = freshSchema();
      const [a, b] = await Promise.all([
        PostgresStore.open(url, { schema: fresh }),
        PostgresStore.open(url, { schema: fresh }),
      ]);
      try {
        const [sa] = await a.append([{ docId: 'd', update: new Uint8Array([1]) }]);
        const [sb] = await b.append([{ docId: 'd', update: new Uint8Array([2]) }]);
        expect(sb).toBeGreaterThan(sa!);
        expect((await a.load('d')).tail.map((e) => e.seq)).toEqual([sa, sb]);
      } finally {
        await Promise.all([a.close(), b.close()]);
      }
    });

    it('rolls back a failed append completely and stays usable', async () => {
      const store = await PostgresStore.open(url, { schema: freshSchema() });
      try {
        // Postgres text cannot hold NUL, so the second row fails after the first was inserted.
        const append = store.append([
          { docId: 'atomic', update: new Uint8Array([1]) },
          { docId: 'bad\u0000id', update: new Uint8Array([2]) },
        ]);
        await expect(append).rejects.toThrow();
        await expect(store.load('atomic')).resolves.toEqual({ snapshot: null, tail: [], claims: [] });
        const [seq] = await store.append([{ docId: 'atomic', update: new Uint8Array([3]) }]);
        expect((await store.load('atomic')).tail.map((e) => e.seq)).toEqual([seq]);
      } finally {
        await store.close();
      }
    });

    it('rejects calls after close instead of hanging', async () => {
      const store = await PostgresStore.open(url, { schema: freshSchema() });
      await store.close();
      await expect(store.ping()).rejects.toThrow();
    });
  });
} else if (process.env.CI === 'true') {
  describe('PostgresStore', () => {
    it('needs a reachable Postgres', () => {
      throw new Error(`Postgres is required in CI: cannot reach ${where} (${unreachable}). Set TEST_DATABASE_URL.`);
    });
  });
} else {
  console.warn(
    `\n!!! Postgres not reachable at ${where} (${unreachable}): Postgres storage tests SKIPPED. ` +
      'Start Postgres or set TEST_DATABASE_URL to run them.\n',
  );
  describe.skip('PostgresStore (Postgres unreachable)', () => {
    runStoreSuite('postgres', () => PostgresStore.open(url, { schema }));
  });
}

// Needs no Postgres: an unreachable database must make calls fail fast rather than hang.
describe('PostgresStore with the database down', () => {
  it('rejects instead of hanging when the server accepts TCP but never answers', async () => {
    const sockets = new Set<net.Socket>();
    const blackhole = net.createServer((socket) => {
      sockets.add(socket);
      socket.on('error', () => {});
    });
    await new Promise<void>((resolve) => blackhole.listen(0, '127.0.0.1', resolve));
    const { port } = blackhole.address() as net.AddressInfo;
    const store = new PostgresStore(`postgres://u@127.0.0.1:${port}/test`, { connectionTimeoutMillis: 1_000 });
    try {
      // Without the connection timeout this would wait forever (the test's own timeout bounds the hang).
      await expect(store.append([{ docId: 'd', update: new Uint8Array([1]) }])).rejects.toThrow(/timeout/i);
    } finally {
      await store.close();
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => blackhole.close(resolve));
    }
  }, 30_000);

  it('rejects append and open when the port is closed', async () => {
    const dead = 'postgres://127.0.0.1:1/test';
    const store = new PostgresStore(dead, { connectionTimeoutMillis: 2_000 });
    try {
      await expect(store.append([{ docId: 'd', update: new Uint8Array([1]) }])).rejects.toThrow();
      await expect(store.ping()).rejects.toThrow();
      await expect(PostgresStore.open(dead, { connectionTimeoutMillis: 2_000 })).rejects.toThrow();
    } finally {
      await store.close();
    }
  }, 30_000);
});
