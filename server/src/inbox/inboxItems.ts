/**
 * What each producer adds to someone's inbox: kind, a key unique per thing (so one event, repeated or
 * seen by two instances, is one item), a link into the app (the client's Dutch paths) and a few ids.
 * Pure: the producers call these inside the transaction of their event and pass them to `addToInbox`.
 */
import { type DocumentType, type NewInboxItem, type NoticeView, parentPartRoot } from '@samenspraak/shared';

const enc = encodeURIComponent;

export const appPaths = {
  case: (caseId: string) => `/zaken/${enc(caseId)}`,
  document: (caseId: string, type: DocumentType) =>
    `/zaken/${enc(caseId)}/${type === 'futurePlan' ? 'toekomstplan' : 'analyse'}`,
  breakthrough: (caseId: string) => `/zaken/${enc(caseId)}/doorbraak`,
  meeting: (caseId: string, meetingId: string) => `/zaken/${enc(caseId)}/overleg/${enc(meetingId)}`,
  rights: (caseId: string) => `/zaken/${enc(caseId)}/rechten`,
};

/** A director invited to a breakthrough session (escalation/escalationCommands.ts inviteDirector). */
export function breakthroughInvitationItem(
  userId: string,
  caseId: string,
  sessionId: string,
  at: string,
): NewInboxItem {
  return {
    userId,
    caseId,
    kind: 'session-invitation',
    key: `dbt-session:${sessionId}`,
    link: appPaths.breakthrough(caseId),
    params: { session: 'breakthrough', sessionId, at },
  };
}

/** Someone invited to a case meeting. */
export function meetingInvitationItem(userId: string, caseId: string, meetingId: string, at: string): NewInboxItem {
  return {
    userId,
    caseId,
    kind: 'session-invitation',
    key: `meeting:${meetingId}`,
    link: appPaths.meeting(caseId, meetingId),
    params: { session: 'meeting', meetingId, at },
  };
}

/** A young person or parent joined a case: their own words in the analysis wait for them. */
export function ownWordsItem(userId: string, caseId: string, role: string): NewInboxItem | null {
  // Each parent has an own part of the request for help (002 Bijlage 1: in the words of each person).
  const section = role === 'jeugdige' ? 'hulpvraag_jeugdige' : role === 'ouder' ? parentPartRoot(userId) : null;
  if (!section) return null;
  return {
    userId,
    caseId,
    kind: 'own-words-waiting',
    key: `own-words:${caseId}:${section}`,
    link: `${appPaths.document(caseId, 'analysis')}#${section}`,
    params: { section, document: 'analysis' },
  };
}

export interface CommentRef {
  id: string;
  caseId: string;
  documentType: DocumentType;
  section: string;
  authorRole: string;
}

/** A reply to your comment. */
export function replyItem(userId: string, comment: CommentRef): NewInboxItem {
  return {
    userId,
    caseId: comment.caseId,
    kind: 'comment-reply',
    key: `reply:${comment.id}`,
    link: `${appPaths.document(comment.caseId, comment.documentType)}#${comment.section}`,
    params: { commentId: comment.id, section: comment.section, byRole: comment.authorRole },
  };
}

/** You were mentioned (`@Name`) in a comment. */
export function mentionItem(userId: string, comment: CommentRef): NewInboxItem {
  return { ...replyItem(userId, comment), kind: 'mention', key: `mention:${comment.id}` };
}

/**
 * A clock about to run out or an overdue commitment, as the professional's bell showed it: one item per
 * notice and state (the same deadline comes again only when it gets more pressing), key `notice:<pushKey>`.
 */
export function noticeItem(userId: string, notice: NoticeView, pushKey: string): NewInboxItem {
  const commitment = notice.kind.startsWith('commitment');
  return {
    userId,
    caseId: notice.caseId,
    kind: commitment ? 'commitment-due' : 'clock-running-out',
    key: `notice:${pushKey}`,
    link: commitment ? appPaths.breakthrough(notice.caseId) : appPaths.case(notice.caseId),
    params: {
      notice: notice.kind,
      dueAt: notice.dueAt,
      severity: notice.severity,
      overdue: notice.overdue ? 'true' : 'false',
      ...(notice.commitmentId ? { commitmentId: notice.commitmentId } : {}),
    },
  };
}
