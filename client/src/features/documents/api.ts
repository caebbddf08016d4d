/** The document API calls of this feature (server: server/src/{documents/documentRoutes,comments/commentRoutes,endorsements/endorsementRoutes}.ts). */
import type {
  CommentResponse,
  CommentsResponse,
  CommentView,
  DocumentTokenResponse,
  NewComment,
  OwnWordsPartsResponse,
  VoteTalliesResponse,
  VoteTally,
  VoteTallyResponse,
} from '@samenspraak/shared';
import { api } from '../../app/api';

/** The answer shapes are the server's, from shared/src/documentContracts.ts. */
export type { VoteTally };
export type TokenResponse = DocumentTokenResponse;

const base = (documentId: string) => `/api/documents/${encodeURIComponent(documentId)}`;

export function fetchToken(documentId: string): Promise<TokenResponse> {
  return api<TokenResponse>('POST', `${base(documentId)}/token`);
}

export async function fetchComments(documentId: string): Promise<CommentView[]> {
  const { comments } = await api<CommentsResponse>('GET', `${base(documentId)}/comments`);
  return comments;
}

export async function postComment(documentId: string, body: NewComment): Promise<CommentView> {
  const { comment } = await api<CommentResponse>('POST', `${base(documentId)}/comments`, body);
  return comment;
}

export async function resolveComment(documentId: string, commentId: string): Promise<void> {
  await api('POST', `${base(documentId)}/comments/${encodeURIComponent(commentId)}/resolve`);
}

/** Everyone's current view on the hypotheses of a document. */
export async function fetchVotes(documentId: string): Promise<VoteTally[]> {
  const { tallies } = await api<VoteTalliesResponse>('GET', `${base(documentId)}/hypotheses/votes`);
  return tallies;
}

export async function voteOnHypothesis(documentId: string, hypothesisId: string, agree: boolean): Promise<VoteTally> {
  const { tally } = await api<VoteTallyResponse>(
    'PUT',
    `${base(documentId)}/hypotheses/${encodeURIComponent(hypothesisId)}/vote`,
    { agree },
  );
  return tally;
}

/** The own-words parts of the analysis (server/src/documents/ownWordsRoutes.ts). */
const partsBase = (caseId: string) => `/api/cases/${encodeURIComponent(caseId)}/analysis/parts`;

export function fetchOwnWordsParts(caseId: string): Promise<OwnWordsPartsResponse> {
  return api<OwnWordsPartsResponse>('GET', partsBase(caseId));
}

export function nameRecorder(caseId: string, part: string, recorderId: string): Promise<OwnWordsPartsResponse> {
  return api<OwnWordsPartsResponse>('PUT', `${partsBase(caseId)}/${encodeURIComponent(part)}/recorder`, {
    recorderId,
  });
}

export function endRecorder(caseId: string, part: string): Promise<OwnWordsPartsResponse> {
  return api<OwnWordsPartsResponse>('DELETE', `${partsBase(caseId)}/${encodeURIComponent(part)}/recorder`);
}
