/**
 * A meeting as everyone with access to the case sees it (REST and `meeting:state` alike): the record,
 * the attendance merged with who is connected now, the required-roles check (which reads the young
 * person's and parents' sections of the notes document), the decisions and actions.
 */
import { documentId, type MeetingSummary, type MeetingView } from '@samenspraak/shared';
import { currentDoc } from '../documents/content.js';
import { documentSections } from '../documents/sections.js';
import type { AppServices } from '../services.js';
import { loadAttendance, loadInvitees, loadItems, type MeetingRow } from './meetingRecords.js';
import { mergeAttendance, requiredRolesCheck, type VoiceFacts } from './meetingRules.js';

export const notesDocumentId = (meeting: Pick<MeetingRow, 'id' | 'case_id'>) =>
  documentId(meeting.case_id, 'meetingNotes', meeting.id);

/** Whether the own-words sections of the notes hold any text (live edits included). */
async function voiceInNotes(services: AppServices, meeting: MeetingRow): Promise<Omit<VoiceFacts, 'markedHeard'>> {
  const doc = await currentDoc(services, notesDocumentId(meeting));
  try {
    const sections = documentSections(doc, 'meetingNotes');
    const hasText = (id: string) => {
      const s = sections[id];
      return s?.content === 'richText' && s.text.trim() !== '';
    };
    return { youngPersonInbreng: hasText('inbreng_jeugdige'), parentsInbreng: hasText('inbreng_ouders') };
  } finally {
    doc.destroy();
  }
}

export function summarise(meeting: MeetingRow): MeetingSummary {
  return {
    id: meeting.id,
    caseId: meeting.case_id,
    title: meeting.title,
    scheduledAt: meeting.scheduled_at,
    status: meeting.status,
  };
}

export async function buildMeetingView(
  services: AppServices,
  meeting: MeetingRow,
  online: ReadonlySet<string>,
): Promise<MeetingView> {
  const [invitees, records, items, voice] = await Promise.all([
    loadInvitees(services.db, meeting),
    loadAttendance(services.db, meeting.id),
    loadItems(services.db, meeting.id),
    voiceInNotes(services, meeting),
  ]);
  const attendance = mergeAttendance(records, invitees, online);
  return {
    ...summarise(meeting),
    chairUserId: meeting.chair_user_id,
    agenda: JSON.parse(meeting.agenda) as string[],
    invitees,
    attendance,
    requiredRoles: requiredRolesCheck(attendance, { ...voice, markedHeard: meeting.voice_heard_at !== null }),
    items,
    readBack: meeting.read_back,
    voiceMarkedHeard: meeting.voice_heard_at
      ? { by: meeting.voice_heard_by ?? '', note: meeting.voice_heard_note, at: meeting.voice_heard_at }
      : null,
    startedAt: meeting.started_at,
    endedAt: meeting.ended_at,
    notesDocumentId: notesDocumentId(meeting),
  };
}
