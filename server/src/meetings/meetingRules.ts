/**
 * The rules of a case meeting (MDO, domain brief §5), pure: who runs it, which steps the status allows,
 * who counts as attending, whether the required roles were there (education, and the young person's or
 * parents' voice), and how a decision reads where it lands in the analysis or the plan.
 */
import {
  type AttendanceVia,
  CASE_PROFESSIONALS,
  MEETING_EDUCATION_ROLES,
  type MeetingAttendance,
  type MeetingItemKind,
  type MeetingPerson,
  type MeetingStatus,
  type RequiredRolesCheck,
  type Role,
} from '@samenspraak/shared';
import { dutchDate, dutchDay } from '../domain/dutchDates.js';

/**
 * Who schedules, chairs and records a meeting: the professionals who work on the case content (the RET
 * process director and the behavioural scientist among them). Not the client supporter, not a DBT member.
 */
export const MEETING_MANAGER_ROLES: readonly Role[] = CASE_PROFESSIONALS;

export type MeetingAction = 'start' | 'end' | 'chair' | 'attendance' | 'item' | 'readBack' | 'voiceHeard';

/** In which status each action is possible. */
const ALLOWED_IN: Record<MeetingAction, readonly MeetingStatus[]> = {
  start: ['scheduled'],
  end: ['live'],
  chair: ['scheduled', 'live'],
  attendance: ['live'],
  item: ['live'],
  // The read-back and the voice are often settled at the very end, or just after.
  readBack: ['live', 'ended'],
  voiceHeard: ['live', 'ended'],
};

/** Null when the action is possible in this status, otherwise why not. */
export function refusalFor(status: MeetingStatus, action: MeetingAction): string | null {
  if (ALLOWED_IN[action].includes(status)) return null;
  const where = ALLOWED_IN[action].join(' or ');
  return `the meeting is ${status}; this can be done only while it is ${where}`;
}

export function mayManageMeeting(role: Role): boolean {
  return MEETING_MANAGER_ROLES.includes(role);
}

/** A stored attendance entry: someone who joined live, or was entered by hand. */
export interface AttendanceRecord {
  userId: string | null;
  name: string;
  role: Role;
  via: AttendanceVia;
}

/**
 * The attendance list: everyone recorded (one entry per person with an account, the first record
 * winning; hand entries without an account each count), then the invitees who did not come.
 */
export function mergeAttendance(
  records: readonly AttendanceRecord[],
  invitees: readonly MeetingPerson[],
  online: ReadonlySet<string>,
): MeetingAttendance[] {
  const seen = new Set<string>();
  const list: MeetingAttendance[] = [];
  for (const r of records) {
    if (r.userId !== null) {
      if (seen.has(r.userId)) continue;
      seen.add(r.userId);
    }
    list.push({ ...r, present: true, online: r.userId !== null && online.has(r.userId) });
  }
  for (const i of invitees) {
    if (seen.has(i.userId)) continue;
    seen.add(i.userId);
    list.push({ ...i, via: 'presence', present: false, online: online.has(i.userId) });
  }
  return list;
}

export interface VoiceFacts {
  /** The young person's own section in the meeting notes has text. */
  youngPersonInbreng: boolean;
  /** The parents' own section in the meeting notes has text. */
  parentsInbreng: boolean;
  /** Someone marked the voice as heard another way (e.g. a talk beforehand with their JIM). */
  markedHeard: boolean;
}

export const MISSING_EDUCATION = 'Onderwijs ontbreekt: er is geen onderwijsconsulent bij het overleg.';
export const MISSING_VOICE =
  'De stem van de jeugdige of de ouders ontbreekt: zij zijn er niet bij, hun inbreng in het verslag is leeg ' +
  'en niemand heeft vastgelegd dat zij op een andere manier gehoord zijn.';

/** The required-roles check of an MDO: education present, and the young person or parents heard. */
export function requiredRolesCheck(
  attendance: readonly Pick<MeetingAttendance, 'role' | 'present'>[],
  voice: VoiceFacts,
): RequiredRolesCheck {
  const present = attendance.filter((a) => a.present);
  const educationPresent = present.some((a) => MEETING_EDUCATION_ROLES.includes(a.role));
  const youngPersonOrParentsHeard =
    present.some((a) => a.role === 'jeugdige' || a.role === 'ouder') ||
    voice.youngPersonInbreng ||
    voice.parentsInbreng ||
    voice.markedHeard;
  const missing: string[] = [];
  if (!educationPresent) missing.push(MISSING_EDUCATION);
  if (!youngPersonOrParentsHeard) missing.push(MISSING_VOICE);
  return { educationPresent, youngPersonOrParentsHeard, missing };
}

export interface ItemWords {
  kind: MeetingItemKind;
  text: string;
  ownerName: string | null;
  due: string | null;
}

/** "Besluit MDO 23-11-2026: <text> — <owner>, uiterlijk <due>": how a decision or action reads in a document. */
export function itemLine(item: ItemWords, meetingAt: Date): string {
  const label = item.kind === 'decision' ? 'Besluit' : 'Actie';
  const tail = [item.ownerName, item.due ? `uiterlijk ${dutchDate(item.due)}` : null].filter(Boolean).join(', ');
  return `${label} MDO ${dutchDay(meetingAt)}: ${item.text}${tail ? ` — ${tail}` : ''}`;
}
