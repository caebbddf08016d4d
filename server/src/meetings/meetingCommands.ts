/**
 * Meeting commands: each runs after the case gate, checks the meeting's rules (meetings/meetingRules.ts) and
 * the people involved against the case, writes, and logs its outcome — a refusal too (who tried what,
 * never the content). Telling the live channel is the caller's job.
 */
import crypto from 'node:crypto';
import {
  documentId,
  type ManualAttendanceBody,
  type MeetingItemBody,
  type MeetingItemView,
  type MeetingPerson,
  type ScheduleMeetingBody,
} from '@samenspraak/shared';
import type { Updateable } from 'kysely';
import { registerCaseDocument } from '../cases/caseDocuments.js';
import type { CaseScope, GateRule } from '../cases/caseGate.js';
import { effectiveSections } from '../domain/caseAccess.js';
import { Conflict, type DomainError, Forbidden, Invalid, notFound } from '../kernel/errors.js';
import type { AppServices } from '../services.js';
import { landItem } from './linkedItems.js';
import type { MeetingsTable } from './meetingDb.js';
import {
  caseParticipant,
  deleteItem,
  findMeeting,
  insertItem,
  insertManualAttendance,
  insertMeeting,
  insertPresence,
  type MeetingRow,
  presentItem,
  updateMeeting,
} from './meetingRecords.js';
import { MEETING_MANAGER_ROLES, type MeetingAction, mayManageMeeting, refusalFor } from './meetingRules.js';

const openCase = (s: CaseScope) => (s.facts.closed ? 'the case is closed; its meetings can no longer change' : null);

/** The gate rules of the meeting routes. Everyone with access to the case reads its meetings. */
export const MEETING_POLICIES = {
  read: { event: 'read', what: 'meeting' },
  schedule: { event: 'create', roles: MEETING_MANAGER_ROLES, what: 'meeting', check: openCase },
  manage: { event: 'update', roles: MEETING_MANAGER_ROLES, what: 'meeting', check: openCase },
} satisfies Record<string, GateRule>;

async function refuse(scope: CaseScope, error: DomainError, event: 'update' | 'create' = 'update'): Promise<never> {
  await scope.log(event, error instanceof Forbidden ? 'denied' : 'failure', error.message);
  throw error;
}

export async function meetingOr404(services: AppServices, scope: CaseScope, meetingId: string): Promise<MeetingRow> {
  const meeting = await findMeeting(services.db, scope.caseId, meetingId);
  if (meeting) return meeting;
  await scope.log('read', 'failure', 'unknown meeting');
  throw notFound('meeting');
}

async function inState(services: AppServices, scope: CaseScope, meetingId: string, action: MeetingAction) {
  const meeting = await meetingOr404(services, scope, meetingId);
  const why = refusalFor(meeting.status, action);
  if (why) return refuse(scope, new Conflict(`meeting ${action}: ${why}`, 'meeting_state'));
  return meeting;
}

/** Writes while the meeting is still in a status that allows the action (else someone was quicker). */
async function write(
  services: AppServices,
  scope: CaseScope,
  meeting: MeetingRow,
  action: MeetingAction,
  set: Updateable<MeetingsTable>,
): Promise<void> {
  const from = (['scheduled', 'live', 'ended'] as const).filter((s) => refusalFor(s, action) === null);
  if (!(await updateMeeting(services.db, meeting.id, from, set))) {
    await refuse(scope, new Conflict(`meeting ${action}: the meeting changed meanwhile; reload`, 'meeting_state'));
  }
}

async function chairOrRefuse(services: AppServices, scope: CaseScope, userId: string): Promise<string> {
  const person = await caseParticipant(services.db, scope.caseId, userId);
  if (person?.kind !== 'professional' || !mayManageMeeting(person.role)) {
    return refuse(scope, new Invalid('chairUserId: the chair must be a professional on this case'));
  }
  return person.userId;
}

export async function scheduleMeeting(
  services: AppServices,
  scope: CaseScope,
  body: ScheduleMeetingBody,
): Promise<MeetingRow> {
  for (const userId of body.inviteeUserIds) {
    if (!(await caseParticipant(services.db, scope.caseId, userId))) {
      return refuse(scope, new Invalid(`inviteeUserIds: ${userId} does not take part in this case`), 'create');
    }
  }
  const id = crypto.randomUUID();
  const row: MeetingRow = {
    id,
    case_id: scope.caseId,
    title: body.title,
    scheduled_at: new Date(body.scheduledAt).toISOString(),
    status: 'scheduled',
    chair_user_id: null,
    agenda: JSON.stringify(body.agenda),
    read_back: null,
    voice_heard_by: null,
    voice_heard_note: null,
    voice_heard_at: null,
    started_at: null,
    ended_at: null,
    created_by: scope.audit.actor.userId,
    created_at: scope.now.toISOString(),
  };
  // The notes document is registered first: export and destruction must find every document of a case.
  await registerCaseDocument(services.db, documentId(scope.caseId, 'meetingNotes', id), scope.now);
  await insertMeeting(services.db, row, body.inviteeUserIds);
  await scope.log('create', 'success', `meeting ${id}`);
  return row;
}

/** Starts the meeting; whoever is connected to it already counts as present. */
export async function startMeeting(
  services: AppServices,
  scope: CaseScope,
  meetingId: string,
  chairUserId: string | undefined,
  online: readonly MeetingPerson[],
): Promise<void> {
  const meeting = await inState(services, scope, meetingId, 'start');
  const chair = await chairOrRefuse(services, scope, chairUserId ?? scope.audit.actor.userId);
  await write(services, scope, meeting, 'start', {
    status: 'live',
    started_at: scope.now.toISOString(),
    chair_user_id: chair,
  });
  await insertPresence(services.db, meetingId, online, scope.now);
  await scope.log('update', 'success', `meeting ${meetingId} started`);
}

export async function endMeeting(services: AppServices, scope: CaseScope, meetingId: string): Promise<void> {
  const meeting = await inState(services, scope, meetingId, 'end');
  await write(services, scope, meeting, 'end', { status: 'ended', ended_at: scope.now.toISOString() });
  await scope.log('update', 'success', `meeting ${meetingId} ended`);
}

export async function setChair(services: AppServices, scope: CaseScope, meetingId: string, userId: string) {
  const meeting = await inState(services, scope, meetingId, 'chair');
  const chair = await chairOrRefuse(services, scope, userId);
  await write(services, scope, meeting, 'chair', { chair_user_id: chair });
  await scope.log('update', 'success', `meeting ${meetingId} chair`);
}

/** Someone attending by phone or in the room; a person with an account is recorded as on the case. */
export async function addAttendance(
  services: AppServices,
  scope: CaseScope,
  meetingId: string,
  body: ManualAttendanceBody,
): Promise<void> {
  await inState(services, scope, meetingId, 'attendance');
  let person = { userId: null as string | null, name: body.name, role: body.role };
  if (body.userId) {
    const found = await caseParticipant(services.db, scope.caseId, body.userId);
    if (!found) return refuse(scope, new Invalid('userId: does not take part in this case'));
    person = { userId: found.userId, name: found.name, role: found.role };
  }
  const id = crypto.randomUUID();
  await insertManualAttendance(
    services.db,
    { id, meetingId, ...person, via: body.via },
    scope.audit.actor.userId,
    scope.now,
  );
  await scope.log('update', 'success', `meeting ${meetingId} attendance (${body.via})`);
}

/** People connected to a live meeting count as present (once each); nothing happens otherwise. */
export async function recordPresence(
  services: AppServices,
  meeting: MeetingRow,
  people: readonly MeetingPerson[],
): Promise<number> {
  if (meeting.status !== 'live') return 0;
  return insertPresence(services.db, meeting.id, people, services.clock());
}

/** A decision or action; with a link it lands in that section of the analysis or the plan as well. */
export async function addItem(
  services: AppServices,
  scope: CaseScope,
  meetingId: string,
  body: MeetingItemBody,
): Promise<MeetingItemView> {
  const meeting = await inState(services, scope, meetingId, 'item');
  let ownerName = body.ownerName ?? null;
  if (body.ownerUserId) {
    const owner = await caseParticipant(services.db, scope.caseId, body.ownerUserId);
    if (!owner) return refuse(scope, new Invalid('ownerUserId: does not take part in this case'));
    ownerName = owner.name;
  }
  const link = body.link ?? null;
  if (link && effectiveSections(scope.facts, link.document, scope.role, scope.now)[link.section] !== 'edit') {
    return refuse(scope, new Forbidden(`you may not write in ${link.document}.${link.section}`));
  }
  const row = {
    id: crypto.randomUUID(),
    meeting_id: meetingId,
    case_id: scope.caseId,
    kind: body.kind,
    text: body.text,
    owner_user_id: body.ownerUserId ?? null,
    owner_name: ownerName,
    due: body.due ?? null,
    link_document: link?.document ?? null,
    link_section: link?.section ?? null,
    created_by: scope.audit.actor.userId,
    created_at: scope.now.toISOString(),
  };
  await insertItem(services.db, row);
  if (link) {
    try {
      const at = new Date(meeting.started_at ?? meeting.scheduled_at);
      await landItem(
        services,
        scope.caseId,
        { ...body, id: row.id, ownerName, due: row.due, link },
        {
          id: meetingId,
          at,
        },
      );
    } catch (err) {
      // Not in the document means not recorded: the meeting must not claim a decision the plan lacks.
      await deleteItem(services.db, row.id);
      services.log.warn({ err, meetingId }, 'linked meeting item refused by its document');
      return refuse(scope, new Conflict(`the ${link.document} document did not accept the item`, 'document_refused'));
    }
  }
  await scope.log(
    'update',
    'success',
    `meeting ${meetingId} ${body.kind}${link ? ` → ${link.document}.${link.section}` : ''}`,
  );
  return presentItem({ ...row, position: 0 });
}

export async function setReadBack(services: AppServices, scope: CaseScope, meetingId: string, text: string) {
  const meeting = await inState(services, scope, meetingId, 'readBack');
  await write(services, scope, meeting, 'readBack', { read_back: text });
  await scope.log('update', 'success', `meeting ${meetingId} read-back`);
}

export async function setVoiceHeard(
  services: AppServices,
  scope: CaseScope,
  meetingId: string,
  heard: boolean,
  note: string | undefined,
) {
  const meeting = await inState(services, scope, meetingId, 'voiceHeard');
  await write(
    services,
    scope,
    meeting,
    'voiceHeard',
    heard
      ? {
          voice_heard_by: scope.audit.actor.userId,
          voice_heard_note: note || null,
          voice_heard_at: scope.now.toISOString(),
        }
      : { voice_heard_by: null, voice_heard_note: null, voice_heard_at: null },
  );
  await scope.log('update', 'success', `meeting ${meetingId} voice ${heard ? 'marked heard' : 'mark withdrawn'}`);
}
