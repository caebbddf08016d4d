/** Pure helpers of the meeting page: who may do what (display only), link options, agenda parsing. */
import {
  CASE_PROFESSIONALS,
  MEETING_AGENDA_MAX_ITEMS,
  MEETING_LINK_DOCUMENTS,
  MEETING_LINKABLE_SECTIONS,
  type MeetingAttendance,
  type MeetingLink,
  type MeetingLinkDocument,
  type MeetingSummary,
  type MeetingView,
  type Role,
  SECTIONS,
} from '@samenspraak/shared';
import type { Lang } from '../../i18n';

/** Professionals on the case schedule, chair and record meetings (the server checks the same list). */
export function mayManageMeeting(role: Role | null | undefined): boolean {
  return role ? CASE_PROFESSIONALS.includes(role) : false;
}

/** The chair writes the read-back; with no chair yet, any professional who runs the meeting may. */
export function mayEditReadBack(meeting: Pick<MeetingView, 'chairUserId'>, userId: string, role: Role | null): boolean {
  if (!mayManageMeeting(role)) return false;
  return meeting.chairUserId === null || meeting.chairUserId === userId;
}

export interface LinkGroup {
  document: MeetingLinkDocument;
  sections: { id: string; title: string; value: string }[];
}

export function encodeLink(link: MeetingLink): string {
  return `${link.document}:${link.section}`;
}

export function decodeLink(value: string): MeetingLink | null {
  const [document, section] = value.split(':');
  if (!document || !section) return null;
  if (!(MEETING_LINK_DOCUMENTS as readonly string[]).includes(document)) return null;
  const doc = document as MeetingLinkDocument;
  return MEETING_LINKABLE_SECTIONS[doc].includes(section) ? { document: doc, section } : null;
}

/** The sections a decision may land in, per document, with their titles in the page's language. */
export function linkGroups(lang: Lang): LinkGroup[] {
  return MEETING_LINK_DOCUMENTS.map((document) => ({
    document,
    sections: MEETING_LINKABLE_SECTIONS[document].map((id) => ({
      id,
      title: sectionTitle(document, id, lang),
      value: encodeLink({ document, section: id }),
    })),
  }));
}

export function sectionTitle(document: MeetingLinkDocument, section: string, lang: Lang): string {
  return SECTIONS[document].find((s) => s.id === section)?.title[lang] ?? section;
}

/** Agenda text, one item per line → the items (trimmed, empty lines dropped, at most the server's limit). */
export function agendaFromText(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.replace(/^\s*(?:[-*•]|\d+[.)])\s*/, '').trim())
    .filter((line) => line.length > 0)
    .slice(0, MEETING_AGENDA_MAX_ITEMS);
}

/** Present first (online ones first), then those invited who did not come; by name within. */
export function sortAttendance(list: readonly MeetingAttendance[]): MeetingAttendance[] {
  return [...list].sort(
    (a, b) =>
      Number(b.present) - Number(a.present) || Number(b.online) - Number(a.online) || a.name.localeCompare(b.name),
  );
}

/** Live first, then upcoming (soonest first), then ended (latest first). */
export function sortMeetings(list: readonly MeetingSummary[]): MeetingSummary[] {
  const rank = { live: 0, scheduled: 1, ended: 2 } as const;
  return [...list].sort((a, b) => {
    const r = rank[a.status] - rank[b.status];
    if (r !== 0) return r;
    return a.status === 'ended'
      ? b.scheduledAt.localeCompare(a.scheduledAt)
      : a.scheduledAt.localeCompare(b.scheduledAt);
  });
}

/** A `meeting:state` replaces what we have only if it is about this meeting. */
export function acceptState(current: MeetingView | null, incoming: MeetingView, meetingId: string): MeetingView | null {
  if (incoming.id !== meetingId) return current;
  return incoming;
}
