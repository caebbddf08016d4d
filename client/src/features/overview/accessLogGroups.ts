/**
 * The access log grouped for reading. Opening one page reads several parts of the dossier (the document,
 * its comments, versions…), each logged on its own; a person reading a dossier is one visit. Entries
 * next to each other of the same person, each within 5 minutes of the next, become one row listing what
 * happened (each kind once, with a count). Pure.
 */
import type { AccessLogView } from '@samenspraak/shared';
import { subjectWords } from './accessLogWords';

export interface LogItem {
  event: string;
  subject: string;
  outcome: string;
  count: number;
}

export interface LogRow {
  /** The newest entry of the visit. */
  at: string;
  /** The oldest entry of the visit. */
  since: string;
  name: string | null;
  role: string | null;
  /** What happened, oldest first, each kind once. */
  items: LogItem[];
}

const VISIT_GAP_MS = 5 * 60_000;

/** `entries` newest first (as the server gives them); rows newest first. */
export function groupLog(entries: readonly AccessLogView[], language?: 'nl' | 'en'): LogRow[] {
  const rows: LogRow[] = [];
  for (const e of entries) {
    const subject = subjectWords(e.what, language);
    let row = rows.at(-1);
    const sameVisit =
      row && row.name === e.name && row.role === e.role && Date.parse(row.since) - Date.parse(e.at) <= VISIT_GAP_MS;
    if (!row || !sameVisit) {
      row = { at: e.at, since: e.at, name: e.name, role: e.role, items: [] };
      rows.push(row);
    }
    row.since = e.at;
    // Kept in order of first occurrence: an older entry of a kind already listed moves that kind forward.
    const index = row.items.findIndex((i) => i.event === e.event && i.subject === subject && i.outcome === e.outcome);
    const item = index >= 0 ? row.items.splice(index, 1)[0] : undefined;
    row.items.unshift(
      item ? { ...item, count: item.count + 1 } : { event: e.event, subject, outcome: e.outcome, count: 1 },
    );
  }
  return rows;
}

/** Whether a row is the reader's own (the view has names and roles, no ids). */
export function isOwn(row: Pick<LogRow, 'name' | 'role'>, me: { name: string; role: string }): boolean {
  return row.name === me.name && row.role === me.role;
}
