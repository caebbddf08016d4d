/**
 * Answers with JSON typed by its shared response schema (shared/src/*Contracts.ts, *Schemas.ts), so the
 * body the server sends and the type the client reads are one definition. Type-checked, not re-parsed:
 * the server builds these bodies itself.
 */
import type { Response } from 'express';
import type { z } from 'zod';

export function reply<S extends z.ZodType>(res: Response, _schema: S, body: z.infer<S>, status = 200): void {
  res.status(status).json(body);
}
