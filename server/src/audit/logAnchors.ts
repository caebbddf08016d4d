/**
 * Anchors of the access log: now and then the chain's head (seq and hash) is appended to a file outside
 * the database (mode 0600, append-only use). Whoever rewrites or truncates the log in the database
 * cannot make it match an anchor they cannot change: `verify` checks every anchored entry still has the
 * anchored hash, and that no anchored entry is gone. `keyedFrom` records where the keyed chain began, so
 * rows from there on rewritten as the old, recomputable kind are found too.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface Anchor {
  at: string;
  seq: number;
  mac: string;
  /** The first keyed entry's seq, once there is one. */
  keyedFrom: number | null;
}

export function appendAnchor(file: string, anchor: Anchor): Promise<void> {
  const line = `${JSON.stringify(anchor)}\n`;
  return (async () => {
    await fs.promises.mkdir(path.dirname(file), { recursive: true });
    // 'a': O_APPEND, so concurrent writers (instances sharing the file) never overwrite each other.
    await fs.promises.appendFile(file, line, { mode: 0o600, flag: 'a' });
  })();
}

function isAnchor(v: unknown): v is Anchor {
  const a = v as Anchor;
  return (
    typeof a === 'object' &&
    a !== null &&
    typeof a.seq === 'number' &&
    typeof a.mac === 'string' &&
    (a.keyedFrom === null || typeof a.keyedFrom === 'number')
  );
}

/** Every anchor in the file (none when there is no file yet). A torn last line (crash mid-write) is skipped. */
export function readAnchors(file: string): Anchor[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  const anchors: Anchor[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      const parsed: unknown = JSON.parse(line);
      if (isAnchor(parsed)) anchors.push(parsed);
    } catch {
      // a torn line: the anchors before and after it still count
    }
  }
  return anchors;
}

export function anchorFileOf(config: { auditAnchorFile: string | null; dataDir: string }): string {
  return config.auditAnchorFile ?? path.join(config.dataDir, 'access-log-anchors.jsonl');
}
