/**
 * `verify-log`: walks the access log's chain from the first entry with the audit key (AUDIT_KEY, or
 * derived from AUTH_SECRET) and against the anchor file. Exit 0 when intact; exit 1 naming the first
 * entry that was altered, removed, recomputed without the key, or no longer matches its anchor.
 */
import { AccessLog } from '../../audit/accessLog.js';
import { accessLogOptions } from '../../audit/auditKey.js';
import type { Config } from '../../config.js';
import { openConfiguredDatabase } from './configuredDatabase.js';

export const VERIFY_LOG_USAGE = `  verify-log  Check that no access-log entry was altered or removed (exit 1 if one was).
              Needs the same AUDIT_KEY (or AUTH_SECRET) and DATA_DIR / AUDIT_ANCHOR_FILE as the server.
`;

export interface VerifyLogIo {
  config: Config;
  out: (text: string) => void;
  err: (text: string) => void;
}

/** Returns the process exit code. */
export async function verifyLogCommand(io: VerifyLogIo): Promise<number> {
  const { config } = io;
  const app = await openConfiguredDatabase(config);
  try {
    const log = new AccessLog(app.db, app.dialect, () => new Date(), accessLogOptions(config));
    const { checked, keyed, anchors, broken } = await log.verify();
    if (broken) {
      io.err(`access log TAMPERED at entry ${broken.seq}: ${broken.problem}\n`);
      return 1;
    }
    io.out(`access log intact: ${checked} entries (${keyed} keyed), ${anchors} anchors matched\n`);
    if (anchors === 0) io.out(`no anchors in ${log.anchorFile}: removal of the newest entries cannot be seen\n`);
    return 0;
  } finally {
    await app.close();
  }
}
