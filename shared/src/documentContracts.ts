/**
 * The answers of the document routes (`/api/documents/:documentId/...`: token, comments, versions,
 * endorsements, hypothesis votes), written once: the server answers through `reply()` typed by them, the
 * client reads them. zod schemas with the types inferred from them.
 */
import { z } from 'zod';
import { DocumentAccessSchema } from './access.js';
import { PERMISSIONS } from './permissions.js';
import { ENDORSEMENT_STANCES, VERSION_KINDS } from './versionSchemas.js';

export const PermissionSchema = z.enum(PERMISSIONS);

/** A person as recorded on a comment, version, endorsement or vote: their role on the case then. */
export const RecordedPersonSchema = z.object({ id: z.string(), name: z.string(), role: z.string() });
export type RecordedPerson = z.infer<typeof RecordedPersonSchema>;

/** POST /api/documents/:documentId/token */
export const DocumentTokenResponseSchema = z.object({
  token: z.string(),
  access: DocumentAccessSchema,
  sections: z.record(z.string(), PermissionSchema),
  expiresAt: z.string(),
});
export type DocumentTokenResponse = z.infer<typeof DocumentTokenResponseSchema>;

export const CommentViewSchema = z.object({
  id: z.string(),
  section: z.string(),
  parentId: z.string().nullable(),
  author: RecordedPersonSchema,
  text: z.string(),
  /** Yjs relative positions as the author's client sent them: untrusted, read defensively. */
  anchor: z.unknown(),
  createdAt: z.string(),
  resolvedAt: z.string().nullable(),
});
export type CommentView = z.infer<typeof CommentViewSchema>;

/** GET …/comments */
export const CommentsResponseSchema = z.object({ comments: z.array(CommentViewSchema) });
export type CommentsResponse = z.infer<typeof CommentsResponseSchema>;
/** POST …/comments (201) */
export const CommentResponseSchema = z.object({ comment: CommentViewSchema });
export type CommentResponse = z.infer<typeof CommentResponseSchema>;
/** POST …/comments/:commentId/resolve */
export const OkResponseSchema = z.object({ ok: z.literal(true) });
export type OkResponse = z.infer<typeof OkResponseSchema>;

export const VersionSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(VERSION_KINDS),
  author: RecordedPersonSchema,
  createdAt: z.string(),
  restoredFrom: z.string().nullable(),
});
export type VersionSummary = z.infer<typeof VersionSummarySchema>;

export const EndorsementViewSchema = z.object({
  id: z.string(),
  person: RecordedPersonSchema,
  stance: z.enum(ENDORSEMENT_STANCES),
  /** Exactly as the person wrote them (trimmed); null for a plain "agree". */
  words: z.string().nullable(),
  createdAt: z.string(),
  supersededAt: z.string().nullable(),
  /**
   * The content hash of the text the person endorsed (null: given before endorsements were pinned to
   * a version). Optional because versions saved before carry endorsements without it.
   */
  versionHash: z.string().nullable().optional(),
  /** Set once a section the person endorsed changed: "gegeven op een eerdere versie"; it no longer counts. */
  outdatedAt: z.string().nullable().optional(),
});
export type EndorsementView = z.infer<typeof EndorsementViewSchema>;

/** One section of a document at a version, as far as the reader may read it. */
export const SectionContentSchema = z.discriminatedUnion('content', [
  z.object({ title: z.string(), content: z.literal('richText'), text: z.string() }),
  z.object({ title: z.string(), content: z.literal('items'), items: z.array(z.unknown()) }),
  z.object({ title: z.string(), content: z.literal('unreadable'), error: z.string() }),
]);
export type SectionContent = z.infer<typeof SectionContentSchema>;

export const DiffPartSchema = z.object({ op: z.enum(['equal', 'insert', 'delete']), text: z.string() });
export type DiffPart = z.infer<typeof DiffPartSchema>;

export const SectionDiffSchema = z.object({ title: z.string(), changed: z.boolean(), parts: z.array(DiffPartSchema) });
export type SectionDiff = z.infer<typeof SectionDiffSchema>;

/** GET …/versions */
export const VersionsResponseSchema = z.object({ versions: z.array(VersionSummarySchema) });
export type VersionsResponse = z.infer<typeof VersionsResponseSchema>;
/** POST …/versions (201) */
export const VersionResponseSchema = z.object({ version: VersionSummarySchema });
export type VersionResponse = z.infer<typeof VersionResponseSchema>;
/** GET …/versions/:versionId */
export const VersionDetailSchema = z.object({
  version: VersionSummarySchema,
  sections: z.record(z.string(), SectionContentSchema),
  endorsements: z.array(EndorsementViewSchema),
});
export type VersionDetail = z.infer<typeof VersionDetailSchema>;
/** GET …/versions/:from/diff/:to ("current" for the document as it is now) */
export const VersionDiffSchema = z.object({
  from: z.string(),
  to: z.string(),
  sections: z.record(z.string(), SectionDiffSchema),
});
export type VersionDiff = z.infer<typeof VersionDiffSchema>;
/** POST …/versions/:versionId/restore: the sections put back, and the version that records it (null: nothing differed). */
export const RestoreResponseSchema = z.object({
  changed: z.array(z.string()),
  version: VersionSummarySchema.nullable(),
});
export type RestoreResponse = z.infer<typeof RestoreResponseSchema>;

/** PUT …/endorsement */
export const EndorsementResponseSchema = z.object({ endorsement: EndorsementViewSchema });
export type EndorsementResponse = z.infer<typeof EndorsementResponseSchema>;
/** GET …/endorsements: the current ones, and every one ever given. */
export const EndorsementsResponseSchema = z.object({
  endorsements: z.array(EndorsementViewSchema),
  history: z.array(EndorsementViewSchema),
});
export type EndorsementsResponse = z.infer<typeof EndorsementsResponseSchema>;
/** POST …/sign-off (201) */
export const SignOffResponseSchema = z.object({
  version: VersionSummarySchema,
  endorsements: z.array(EndorsementViewSchema),
  /** Who disagrees or agrees with remarks: shown next to the sign-off, never hidden. */
  dissent: z.array(EndorsementViewSchema),
  /** The content hash the sign-off pinned. */
  hash: z.string(),
});
export type SignOffResponse = z.infer<typeof SignOffResponseSchema>;

/** Who currently agrees and disagrees with one hypothesis (one current vote per person). */
export const VoteTallySchema = z.object({
  hypothesisId: z.string(),
  agree: z.array(RecordedPersonSchema),
  disagree: z.array(RecordedPersonSchema),
});
export type VoteTally = z.infer<typeof VoteTallySchema>;
/** GET …/hypotheses/votes */
export const VoteTalliesResponseSchema = z.object({ tallies: z.array(VoteTallySchema) });
export type VoteTalliesResponse = z.infer<typeof VoteTalliesResponseSchema>;
/** PUT …/hypotheses/:hypothesisId/vote */
export const VoteTallyResponseSchema = z.object({ tally: VoteTallySchema });
export type VoteTallyResponse = z.infer<typeof VoteTallyResponseSchema>;
