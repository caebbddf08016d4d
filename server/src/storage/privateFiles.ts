/**
 * Files under DATA_DIR hold data about children (SQLite databases and their -wal/-shm) or secure it (the
 * signing secret): owner only, files 0600 and folders 0700, whatever the process umask. Anything the
 * server writes there goes through these helpers.
 *
 * SQLite creates a database's -wal, -shm and -journal files with the database file's own permissions,
 * so creating the database file 0600 first is what keeps those private too.
 */
import fs from 'node:fs';
import path from 'node:path';

export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/**
 * Creates the folder (and missing parents) 0700, and tightens it if it existed with wider rights. A
 * folder owned by another account (a mounted volume's root) cannot be tightened by us: it is left as it
 * is, and the files in it are still 0600.
 */
export function ensurePrivateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  try {
    fs.chmodSync(dir, PRIVATE_DIR_MODE);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') throw err;
  }
}

/** Creates the file empty (or keeps its content) and makes it 0600, before anyone else opens it. */
export function ensurePrivateFile(file: string): void {
  ensurePrivateDir(path.dirname(file));
  fs.closeSync(fs.openSync(file, 'a', PRIVATE_FILE_MODE));
  fs.chmodSync(file, PRIVATE_FILE_MODE);
}

/**
 * A SQLite database file about to be opened: the file itself, and the companions a previous run may
 * have left with wider rights (SQLite only copies the mode when it creates them).
 */
export function preparePrivateDatabase(file: string): void {
  ensurePrivateFile(file);
  for (const suffix of ['-wal', '-shm', '-journal']) {
    try {
      fs.chmodSync(`${file}${suffix}`, PRIVATE_FILE_MODE);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
  }
}

/** Writes a whole file 0600; `exclusive` fails with EEXIST if it is already there. */
export function writePrivateFile(file: string, data: string | Uint8Array, opts: { exclusive?: boolean } = {}): void {
  ensurePrivateDir(path.dirname(file));
  fs.writeFileSync(file, data, { mode: PRIVATE_FILE_MODE, flag: opts.exclusive ? 'wx' : 'w' });
  fs.chmodSync(file, PRIVATE_FILE_MODE);
}
