/**
 * The person's start page (`GET /api/start`, issue #18): per case they may open now, what is waiting for
 * them, who is on the case, and the next meeting. Every case enters through the case gate (`enterCase`,
 * rule `START_POLICY`), so a case the person is not on, or cannot open now (under 12, a parent without
 * consent from 16, closed, destroyed), never shows; each case shown is logged once ('read', 'start page').
 * Ids and small facts only: the client words everything in plain language.
 */
import {
  documentId,
  type InboxKind,
  parentPartRoot,
  type Role,
  type StartCase,
  type StartMeeting,
  type StartView,
  type StartWaiting,
  sectionAnchor,
} from '@samenspraak/shared';
import type { RequestAudit } from '../audit/caseAudit.js';
import { enterCase, type GateRule } from '../cases/caseGate.js';
import { firstName, listMyCases, listParticipants } from '../cases/caseQueries.js';
import { currentDoc, readDocument } from '../documents/content.js';
import { signedOffAnalysis } from '../endorsements/analysisState.js';
import { currentPinned } from '../endorsements/endorsements.js';
import { inboxDb } from '../inbox/inboxDb.js';
import { appPaths } from '../inbox/inboxItems.js';
import { listMeetings } from '../meetings/meetingRecords.js';
import type { AppServices } from '../services.js';
import { hasWords, myPartRoot } from './startRules.js';

/** Every participant with access may read their own start view of the case. */
export const START_POLICY: GateRule = { event: 'read', what: 'start page' };

const COMMENT_KINDS: readonly InboxKind[] = ['comment-reply', 'mention'];
const ENDORSEMENT_KINDS: readonly InboxKind[] = ['endorsement-outdated'];
/** Covered by the part's own state (empty or written), not repeated from the inbox. */
const COVERED_KINDS: readonly InboxKind[] = ['own-words-waiting'];

export async function startView(services: AppServices, audit: RequestAudit): Promise<StartView> {
  const userId = audit.actor.userId;
  const user = await services.db
    .selectFrom('users')
    .select(['name', 'kind'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  const cases: StartCase[] = [];
  for (const summary of await listMyCases(services, userId)) {
    if (!summary.hasAccess) continue;
    cases.push(await startCase(services, audit, summary.id));
  }
  return {
    firstName: firstName(user.name),
    kind: user.kind === 'client' ? 'client' : 'professional',
    cases,
  };
}

async function startCase(services: AppServices, audit: RequestAudit, caseId: string): Promise<StartCase> {
  const scope = await enterCase(services, audit, caseId, START_POLICY);
  const userId = audit.actor.userId;
  const analysisId = documentId(caseId, 'analysis');
  const analysisPath = appPaths.document(caseId, 'analysis');

  // My own-words part of the analysis (the young person's, or this parent's), with whether it holds words.
  const root = myPartRoot(scope.role, userId, parentPartRoot);
  const myPart = root
    ? {
        sectionId: root,
        link: `${analysisPath}#${sectionAnchor(root)}`,
        written: await readDocument(currentDoc(services, analysisId), (doc) => hasWords(doc, root)),
      }
    : null;

  const waiting: StartWaiting[] = [];
  if (myPart && !myPart.written) {
    waiting.push({
      kind: 'own-words',
      link: myPart.link,
      documentType: 'analysis',
      sectionId: myPart.sectionId,
      inboxItemId: null,
    });
  }

  const unread = await inboxDb(services.db)
    .selectFrom('inbox_items')
    .selectAll()
    .where('user_id', '=', userId)
    .where('case_id', '=', caseId)
    .where('read_at', 'is', null)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  for (const item of unread) {
    const kind = item.kind as InboxKind;
    if (COVERED_KINDS.includes(kind)) continue;
    const params = safeParams(item.params);
    waiting.push({
      kind: COMMENT_KINDS.includes(kind) ? 'comment' : ENDORSEMENT_KINDS.includes(kind) ? 'endorsement' : 'other',
      link: item.link,
      documentType: params.document === 'analysis' || params.document === 'futurePlan' ? params.document : null,
      sectionId: params.section ?? null,
      inboxItemId: item.id,
    });
  }

  // An endorsement asked of the young person or a parent: the analysis was requested, is not signed off,
  // and they have no current stance on it (or only one on older text, which the inbox item above covers).
  const client = scope.role === 'jeugdige' || scope.role === 'ouder';
  const requested = (scope.row as { analysis_requested_at?: string | null }).analysis_requested_at ?? null;
  if (client && requested && !waiting.some((w) => w.kind === 'endorsement')) {
    const signed = await signedOffAnalysis(services.db, caseId);
    const mine = (await currentPinned(services.db, analysisId)).find((e) => e.userId === userId);
    if (!signed && !mine) {
      waiting.push({
        kind: 'endorsement',
        link: analysisPath,
        documentType: 'analysis',
        sectionId: null,
        inboxItemId: null,
      });
    }
  }

  const participants = await listParticipants(services, caseId);
  const team = participants.map((p) => ({
    userId: p.userId,
    name: p.name,
    role: p.role as Role,
    organisation: p.organisation,
    processDirector: p.userId === (scope.row.process_director_id ?? null),
    isMe: p.userId === userId,
  }));

  await scope.log('read', 'success', 'start page');
  return {
    caseId,
    firstName: firstName(scope.row.young_person_name),
    myRole: scope.role,
    myPart,
    waiting,
    team,
    nextMeeting: await nextMeeting(services, caseId),
  };
}

/** The meeting that runs now, else the first one still to come (ended meetings never). */
async function nextMeeting(services: AppServices, caseId: string): Promise<StartMeeting | null> {
  const open = (await listMeetings(services.db, caseId)).filter((m) => m.status !== 'ended');
  const next = open.find((m) => m.status === 'live') ?? open[0];
  return next
    ? { id: next.id, scheduledAt: next.scheduled_at, status: next.status, link: appPaths.meeting(caseId, next.id) }
    : null;
}

function safeParams(json: string): Record<string, string> {
  try {
    const value: unknown = JSON.parse(json);
    return value && typeof value === 'object' ? (value as Record<string, string>) : {};
  } catch {
    return {};
  }
}
