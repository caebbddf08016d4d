/** The application database an operator command works on: the one the configuration names. */

import type { Config } from '../../config.js';
import { type AppDatabase, openAppDatabase } from '../../db/database.js';
import { SCHEMA_MIGRATIONS } from '../../schemaMigrations.js';

export function openConfiguredDatabase(config: Config): Promise<AppDatabase> {
  return openAppDatabase({
    migrations: SCHEMA_MIGRATIONS,
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    schema: config.databaseSchema ?? undefined,
  });
}
