/**
 * `GET/PUT /api/test/clock`: the settable domain clock of end-to-end tests (mounted only when the
 * configuration allows it; server/src/http/testClockRoutes.ts).
 */
import { z } from 'zod';

export const TestClockBodySchema = z.strictObject({
  now: z.iso.datetime({ offset: true, message: 'expected an ISO date-time, e.g. 2026-03-01T10:00:00Z' }),
});
export type TestClockBody = z.infer<typeof TestClockBodySchema>;

/** The domain clock's time after the call. */
export const TestClockResponseSchema = z.object({ now: z.string() });
export type TestClockResponse = z.infer<typeof TestClockResponseSchema>;
