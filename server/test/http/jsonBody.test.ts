/**
 * A JSON body is one JSON value and nothing else: trailing garbage, a second value, or a bare scalar are
 * refused with 400 `entity_parse_failed` before any route runs, so no route ever acts on half a message.
 * Compressed request bodies are refused whole (415 `encoding_unsupported`): zlib silently drops bytes
 * after the end of a deflate or gzip stream, which let garbage ride along unseen, and no client of
 * ours compresses what it sends.
 */
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, rowCounts, startIdentityServer } from '../identity/harness.js';

describe('JSON request bodies', () => {
  let t: Awaited<ReturnType<typeof startIdentityServer>>;
  beforeAll(async () => {
    t = await startIdentityServer();
  });
  afterAll(() => t.server.close());

  const valid = '{"login":"someone@example.nl","password":"wrong password here"}';

  it.each([
    ['letters after the object', `${valid}xyz`],
    ['a second object', `${valid}{"login":"other@example.nl"}`],
    ['a second array', `${valid}[]`],
    ['a NUL byte after the object', `${valid}\u0000`],
    ['a comment after the object', `${valid} // hi`],
    ['a bare string', '"someone@example.nl"'],
    ['a bare number', '42'],
  ])('refuses %s with entity_parse_failed, before the route runs', async (_what, raw) => {
    const before = await rowCounts(t.db);
    const r = await new Browser(t.server.url).post('/api/auth/login', undefined, { raw });
    expect(r.status).toBe(400);
    expect(r.body.error.id).toBe('entity_parse_failed');
    expect(await rowCounts(t.db)).toEqual(before);
  });

  it('accepts the same object alone, with surrounding whitespace', async () => {
    const r = await new Browser(t.server.url).post('/api/auth/login', undefined, { raw: ` \n${valid}\r\n ` });
    expect(r.body.error.id).toBe('invalid_credentials');
  });

  it.each([
    [
      'deflate, garbage after the stream',
      'deflate',
      () => Buffer.concat([zlib.deflateSync(valid), Buffer.from('xyz')]),
    ],
    ['gzip, zero bytes after the member', 'gzip', () => Buffer.concat([zlib.gzipSync(valid), Buffer.alloc(16)])],
    [
      'gzip, a second member with another object',
      'gzip',
      () => Buffer.concat([zlib.gzipSync(valid), zlib.gzipSync('{}')]),
    ],
    ['gzip, nothing else', 'gzip', () => zlib.gzipSync(valid)],
  ])('refuses a compressed body (%s) with encoding_unsupported', async (_what, encoding, body) => {
    const before = await rowCounts(t.db);
    const res = await fetch(`${t.server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': encoding },
      body: body(),
    });
    const reply = (await res.json()) as { error: { id: string } };
    expect(reply.error.id).toBe('encoding_unsupported');
    expect(res.status).toBe(415);
    expect(await rowCounts(t.db)).toEqual(before);
  });
});
