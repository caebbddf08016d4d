/**
 * Domain errors (server/src/kernel/errors.ts) know nothing of HTTP; the one error handler gives each
 * kind its status code and keeps the stable id, the message and the details as they were thrown.
 */
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorHandler } from '../../src/http/errors.js';
import { Conflict, type DomainError, Forbidden, Invalid, NotFound, notFound } from '../../src/kernel/errors.js';
import { createLogger } from '../../src/observability/logger.js';

const thrown: Record<string, DomainError> = {
  invalid: new Invalid('userId: does not take part in this case'),
  weak: new Invalid('password refused', 'weak_password', { passwordReason: 'common' }),
  forbidden: new Forbidden('a ouder may not do this'),
  missing: notFound('case'),
  request: new NotFound('no such destruction request for this case', 'request_not_found'),
  conflict: new Conflict('the commitment is already met'),
  meeting: new Conflict('meeting start: already started', 'meeting_state'),
};

let server: ReturnType<ReturnType<typeof express>['listen']>;
let base: string;

beforeAll(async () => {
  const app = express();
  app.get('/throw/:which', (req) => {
    throw thrown[req.params.which];
  });
  app.use(errorHandler(createLogger('silent')));
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

describe('domain errors over HTTP', () => {
  it.each([
    [
      'invalid',
      400,
      { id: 'invalid_request', message: 'userId: does not take part in this case' },
      'Niet alles is goed ingevuld.',
    ],
    [
      'weak',
      400,
      { id: 'weak_password', message: 'password refused', details: { passwordReason: 'common' } },
      'Kies een ander wachtwoord: dit is te makkelijk te raden. Het is (een variant van) een veelgebruikt wachtwoord dat in gelekte lijsten staat.',
    ],
    ['forbidden', 403, { id: 'forbidden', message: 'a ouder may not do this' }, 'Dit mag je niet doen met jouw rol.'],
    [
      'missing',
      404,
      { id: 'not_found', message: 'case not found' },
      'Dit bestaat niet (meer), of je mag het niet zien.',
    ],
    [
      'request',
      404,
      { id: 'request_not_found', message: 'no such destruction request for this case' },
      'Dat verzoek bestaat niet.',
    ],
    [
      'conflict',
      409,
      { id: 'conflict', message: 'the commitment is already met' },
      'Iemand anders veranderde dit net. Laad de pagina opnieuw en probeer het nog eens.',
    ],
    [
      'meeting',
      409,
      { id: 'meeting_state', message: 'meeting start: already started' },
      'Dat kan nu niet in deze fase van het overleg. Misschien veranderde het net.',
    ],
  ])('%s → %i with its id, message and Dutch words', async (which, status, error, text) => {
    const res = await fetch(`${base}/throw/${which}`);
    expect(res.status).toBe(status);
    expect(await res.json()).toEqual({ error: { ...error, text } });
  });
});
