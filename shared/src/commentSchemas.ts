import { z } from 'zod';

/** POST /api/documents/:documentId/comments */
export const NewCommentSchema = z.object({
  section: z.string().min(1).max(64),
  text: z.string().trim().min(1, 'text is empty').max(4000),
  /** Yjs relative positions of the selection ({ from, to } as produced by Y.relativePositionToJSON). */
  anchor: z
    .object({ from: z.record(z.string(), z.unknown()), to: z.record(z.string(), z.unknown()) })
    .nullish()
    .refine((a) => a === null || a === undefined || JSON.stringify(a).length <= 2000, 'anchor too large'),
  parentId: z.string().uuid().nullish(),
});
export type NewComment = z.infer<typeof NewCommentSchema>;
