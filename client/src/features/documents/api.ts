/** The document API calls of this feature (server: server/src/http/routes/{document,comment,endorsement}Routes.ts). */
import type { NewComment, Permission } from '@samenspraak/shared';
import { api } from '../../app/api';
import type { CommentView } from './comments';

const base = (documentId: string) => `/api/documents/${encodeURIComponent(documentId)}`;

export interface TokenResponse {
  token: string;
  access: 'read' | 'write';
  sections: Record<string, Permission>;
  expiresAt: string;
}

export function fetchToken(documentId: string): Promise<TokenResponse> {
  return api<TokenResponse>('POST', `${base(documentId)}/token`);
}

export async function fetchComments(documentId: string): Promise<CommentView[]> {
  const { comments } = await api<{ comments: CommentView[] }>('GET', `${base(documentId)}/comments`);
  return comments;
}

export async function postComment(documentId: string, body: NewComment): Promise<CommentView> {
  const { comment } = await api<{ comment: CommentView }>('POST', `${base(documentId)}/comments`, body);
  return comment;
}

export async function resolveComment(documentId: string, commentId: string): Promise<void> {
  await api('POST', `${base(documentId)}/comments/${encodeURIComponent(commentId)}/resolve`);
}

export interface VotePerson {
  id: string;
  name: string;
  role: string;
}

/** Who currently agrees and disagrees with one hypothesis (one current vote per person). */
export interface VoteTally {
  hypothesisId: string;
  agree: VotePerson[];
  disagree: VotePerson[];
}

/** Everyone's current view on the hypotheses of a document. */
export async function fetchVotes(documentId: string): Promise<VoteTally[]> {
  const { tallies } = await api<{ tallies: VoteTally[] }>('GET', `${base(documentId)}/hypotheses/votes`);
  return tallies;
}

export async function voteOnHypothesis(documentId: string, hypothesisId: string, agree: boolean): Promise<VoteTally> {
  const { tally } = await api<{ tally: VoteTally }>(
    'PUT',
    `${base(documentId)}/hypotheses/${encodeURIComponent(hypothesisId)}/vote`,
    { agree },
  );
  return tally;
}
