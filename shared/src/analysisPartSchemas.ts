/** Wire contracts of the own-words parts of the analysis (`/api/cases/:id/analysis/parts…`). */
import { z } from 'zod';
import { RoleSchema } from './access.js';

export const OwnWordsPartSchema = z.object({
  root: z.string(),
  kind: z.enum(['jeugdige', 'ouder']),
  person: z.object({ userId: z.string().nullable(), name: z.string() }),
  recorder: z.object({ userId: z.string(), name: z.string(), role: RoleSchema, onRequest: z.boolean() }).nullable(),
});

export const OwnWordsPartsResponseSchema = z.object({
  parts: z.array(OwnWordsPartSchema),
  /** The young person is under 12: their part is written by a professional "zoals verteld door" them. */
  childUnder12: z.boolean(),
});
export type OwnWordsPartsResponse = z.infer<typeof OwnWordsPartsResponseSchema>;

export const NameRecorderBodySchema = z.object({ recorderId: z.string().min(1).max(64) }).strict();
