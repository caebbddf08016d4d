import { z } from 'zod';

/** How a version came to be: saved by hand, fixed by the behavioural scientist, or left by a restore. */
export const VERSION_KINDS = ['manual', 'signed-off', 'restored'] as const;
export type VersionKind = (typeof VERSION_KINDS)[number];

/** POST /api/documents/:documentId/versions */
export const NewVersionSchema = z.object({
  name: z.string().trim().min(1, 'name is empty').max(200),
});
export type NewVersion = z.infer<typeof NewVersionSchema>;

/** POST /api/documents/:documentId/versions/:versionId/restore — without sections: every section that differs. */
export const RestoreVersionSchema = z.object({
  sections: z.array(z.string().min(1).max(64)).min(1).max(64).optional(),
});
export type RestoreVersion = z.infer<typeof RestoreVersionSchema>;

export const ENDORSEMENT_STANCES = ['agree', 'agree-with-remarks', 'disagree'] as const;
export type EndorsementStance = (typeof ENDORSEMENT_STANCES)[number];

/** A content hash (SHA-256, hex) of a document as one person can read it (GET …/endorsements `current.hash`). */
export const VersionHashSchema = z.string().regex(/^[0-9a-f]{64}$/, 'not a version hash');

/**
 * PUT /api/documents/:documentId/endorsement — remarks and disagreement are given in the person's own
 * words; `versionHash` is the hash of the text the person was shown (the server refuses another).
 */
export const EndorsementSchema = z
  .object({
    stance: z.enum(ENDORSEMENT_STANCES),
    words: z.string().trim().max(4000).optional(),
    versionHash: VersionHashSchema,
  })
  .refine((e) => e.stance === 'agree' || (e.words !== undefined && e.words.length > 0), {
    message: 'words are required when you agree with remarks or disagree',
    path: ['words'],
  });
export type Endorsement = z.infer<typeof EndorsementSchema>;

/** PUT /api/documents/:documentId/hypotheses/:hypothesisId/vote */
export const HypothesisVoteSchema = z.object({ agree: z.boolean() });
export type HypothesisVote = z.infer<typeof HypothesisVoteSchema>;

/**
 * POST /api/documents/:documentId/sign-off — the name defaults to "vastgesteld <date>"; `versionHash` is
 * the text the behavioural scientist was shown (the sign-off pins it; another is refused).
 */
export const SignOffSchema = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  versionHash: VersionHashSchema,
});
