/**
 * "The disk is full", whichever layer says it: SQLite (SQLITE_FULL), Node's file system (ENOSPC) or
 * Postgres (53100 disk_full). The HTTP layer answers 503 storage_full for it — a state that passes
 * when space returns — instead of a generic 500.
 */
const FULL_CODES = new Set(['SQLITE_FULL', 'ENOSPC', '53100']);

export function isDiskFull(err: unknown): boolean {
  for (let e = err, depth = 0; e && depth < 5; depth += 1) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && FULL_CODES.has(code)) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}
