/** Request validation with the shared zod schemas: a 400 that names each bad field, nothing written. */
import type { ZodType } from 'zod';
import { HttpError } from './errors.js';

export function parseBody<T>(schema: ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body ?? {});
  if (result.success) return result.data;
  const problems = result.error.issues.slice(0, 5).map((issue) => {
    const field = issue.path.length > 0 ? issue.path.join('.') : 'body';
    return `${field}: ${issue.message}`;
  });
  throw new HttpError(400, 'invalid_request', problems.join('; '));
}
