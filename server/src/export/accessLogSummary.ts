/**
 * The access log for the young person to read: not thousands of log lines but who looked, when and at
 * what. Entries of one person doing the same thing to the same part of the dossier on one day (Amsterdam
 * time) are one row with how often; before the table, one line per person with how often and when.
 */
import { eventWords, subjectWords } from '@samenspraak/shared';
import type { CaseExport } from './caseExport.js';

type LogEntry = CaseExport['accessLog'][number];

export interface LogGroup {
  name: string;
  role: string | null;
  what: string;
  about: string;
  outcome: string;
  first: string;
  count: number;
}

export interface PersonSummary {
  name: string;
  role: string | null;
  count: number;
  first: string;
  last: string;
}

/** The day in Amsterdam, as 2026-03-01. */
function amsterdamDay(iso: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date(iso));
}

/** Groups the entries (oldest first) per day, person, event, subject and outcome, in order of first occurrence. */
export function groupAccessLog(entries: LogEntry[]): LogGroup[] {
  const groups = new Map<string, LogGroup>();
  for (const e of entries) {
    const name = e.name ?? 'onbekend';
    const what = eventWords(e.event, 'nl');
    const about = subjectWords(e.what, 'nl');
    const key = JSON.stringify([amsterdamDay(e.at), name, e.role, what, about, e.outcome]);
    const group = groups.get(key);
    if (group) group.count += 1;
    else groups.set(key, { name, role: e.role, what, about, outcome: e.outcome, first: e.at, count: 1 });
  }
  return [...groups.values()];
}

/** One line per person: how often, first and last time; most active first. */
export function summarisePeople(entries: LogEntry[]): PersonSummary[] {
  const people = new Map<string, PersonSummary>();
  for (const e of entries) {
    const name = e.name ?? 'onbekend';
    const key = JSON.stringify([name, e.role]);
    const person = people.get(key);
    if (person) {
      person.count += 1;
      person.last = e.at;
    } else people.set(key, { name, role: e.role, count: 1, first: e.at, last: e.at });
  }
  return [...people.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'nl'));
}
