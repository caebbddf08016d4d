/**
 * `verify-log`: walks the access log's hash chain from the first entry. Exit 0 when intact; exit 1
 * naming the first entry whose content was altered or whose predecessor was removed or altered.
 */
import { AccessLog } from '../../audit/accessLog.js';
import type { Config } from '../../config.js';
import { openAppDatabase } from '../../db/database.js';

export const VERIFY_LOG_USAGE = `  verify-log  Check that no access-log entry was altered or removed (exit 1 if one was).
`;

export interface VerifyLogIo {
  config: Config;
  out: (text: string) => void;
  err: (text: string) => void;
}

/** Returns the process exit code. */
export async function verifyLogCommand(io: VerifyLogIo): Promise<number> {
  const { config } = io;
  const app = await openAppDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    schema: config.databaseSchema ?? undefined,
  });
  try {
    const { checked, broken } = await new AccessLog(app.db, app.dialect).verify();
    if (broken) {
      io.err(`access log TAMPERED at entry ${broken.seq}: ${broken.problem}\n`);
      return 1;
    }
    io.out(`access log intact: ${checked} entries\n`);
    return 0;
  } finally {
    await app.close();
  }
}
