/**
 * socket.io at /realtime across two server processes joined by the Redis adapter: handshake
 * authentication, joining a document's room, presence across instances, notices, invalid payloads.
 */
import { randomBytes } from 'node:crypto';
import {
  type ClientToServerEvents,
  type Notice,
  type PresenceChanged,
  REALTIME_PATH,
  type RealtimeAck,
  type RealtimeError,
  type ServerToClientEvents,
} from '@samenspraak/shared';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, type Instance, killAllInstances, startInstance } from '../support/instances.js';
import { describeWithServices, REDIS_URL } from '../support/services.js';
import { tokenFor } from '../support/tokens.js';
import { waitFor } from '../support/trackedClient.js';

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

interface Participant {
  socket: ClientSocket;
  presence: PresenceChanged[];
  notices: Notice[];
  errors: RealtimeError[];
}

const sockets: ClientSocket[] = [];
let a: Instance;
let b: Instance;

function connect(instance: Instance, auth: Record<string, unknown>): ClientSocket {
  const socket: ClientSocket = io(instance.url, {
    path: REALTIME_PATH,
    auth,
    transports: ['websocket'],
    reconnection: false,
    timeout: 5000,
  });
  sockets.push(socket);
  return socket;
}

async function participant(instance: Instance, userId: string, docs: string[]): Promise<Participant> {
  const token = await tokenFor(Object.fromEntries(docs.map((d) => [d, 'write' as const])), {
    sub: userId,
    name: `User ${userId}`,
  });
  const socket = connect(instance, { token });
  const p: Participant = { socket, presence: [], notices: [], errors: [] };
  socket.on('presence:changed', (e) => p.presence.push(e));
  socket.on('notice', (n) => p.notices.push(n));
  socket.on('error', (e) => p.errors.push(e));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', reject);
  });
  return p;
}

function connectError(socket: ClientSocket): Promise<Error & { data?: unknown }> {
  return new Promise((resolve, reject) => {
    socket.once('connect', () => reject(new Error('connected although it should have been refused')));
    socket.once('connect_error', resolve);
  });
}

/** Emits with an acknowledgement; the payload is `unknown` so tests can send invalid ones too. */
function send(p: Participant, event: keyof ClientToServerEvents, payload: unknown): Promise<RealtimeAck> {
  const socket = p.socket.timeout(5000) as unknown as {
    emitWithAck(event: string, payload: unknown): Promise<RealtimeAck>;
  };
  return socket.emitWithAck(event, payload);
}

const usersOf = (e: PresenceChanged | undefined) => e?.users.map((u) => u.userId);

await describeWithServices('socket.io /realtime across two instances (Redis adapter)', { redis: true }, () => {
  beforeAll(async () => {
    assertBuilt();
    // The document store does not matter here: each instance keeps its own SQLite.
    a = await startInstance({ name: 'rt-a', redisUrl: REDIS_URL });
    b = await startInstance({ name: 'rt-b', redisUrl: REDIS_URL });
  });

  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await killAllInstances();
  });

  describe('handshake', () => {
    it('refuses a connection without a token, with a clear reason', async () => {
      const err = await connectError(connect(a, {}));
      expect(err.message).toMatch(/authentication required/);
      expect(err.data).toEqual({ code: 'unauthenticated' });
    });

    it('refuses a bad or forged token', async () => {
      expect((await connectError(connect(a, { token: 'not-a-jwt' }))).message).toBe('access token invalid');
      const forged = await tokenFor({ d: 'write' }, { key: new TextEncoder().encode('x'.repeat(40)) });
      expect((await connectError(connect(b, { token: forged }))).message).toBe('access token invalid');
      const expired = await tokenFor({ d: 'write' }, { ttlSeconds: -10 });
      expect((await connectError(connect(b, { token: expired }))).message).toBe('access token expired');
    });
  });

  it('joins, sees presence across instances, delivers notices to the other instance, and updates on leave', async () => {
    const doc = `rt-${randomBytes(5).toString('hex')}`;
    const u1 = await participant(a, 'u1', [doc]);
    const u2 = await participant(b, 'u2', [doc]);

    expect(await send(u1, 'document:join', { documentId: doc })).toEqual({ ok: true });
    await waitFor(() => usersOf(u1.presence.at(-1))?.join() === 'u1', 5000, 'u1 presence');
    expect(await send(u2, 'document:join', { documentId: doc })).toEqual({ ok: true });
    // u1 is on instance a, u2 joined on b: b's fetchSockets found u1 through Redis and its broadcast reached a.
    await waitFor(() => usersOf(u1.presence.at(-1))?.join() === 'u1,u2', 5000, 'u1 to see u2 (other instance)');
    await waitFor(() => usersOf(u2.presence.at(-1))?.join() === 'u1,u2', 5000, 'u2 presence');
    expect(u1.presence.at(-1)).toEqual({
      documentId: doc,
      users: [
        { userId: 'u1', name: 'User u1', role: 'gedragswetenschapper' },
        { userId: 'u2', name: 'User u2', role: 'gedragswetenschapper' },
      ],
    });

    expect(await send(u2, 'notice:send', { documentId: doc, text: '  Overleg om 14:00  ' })).toEqual({ ok: true });
    await waitFor(() => u1.notices.length === 1 && u2.notices.length === 1, 5000, 'the notice on both instances');
    expect(u1.notices[0]).toMatchObject({
      documentId: doc,
      from: { userId: 'u2', name: 'User u2', role: 'gedragswetenschapper' },
      text: 'Overleg om 14:00',
    });
    expect(Number.isNaN(Date.parse(u1.notices[0]!.at))).toBe(false);

    expect(await send(u2, 'document:leave', { documentId: doc })).toEqual({ ok: true });
    await waitFor(() => usersOf(u1.presence.at(-1))?.join() === 'u1', 5000, 'u2 gone from u1 presence');
    // Not in the room any more: no notices reach u2, and it may not send any.
    await send(u1, 'notice:send', { documentId: doc, text: 'alleen voor u1' });
    await waitFor(() => u1.notices.length === 2, 5000, 'second notice');
    expect(u2.notices).toHaveLength(1);

    // A disconnect on the other instance also updates presence.
    await send(u2, 'document:join', { documentId: doc });
    await waitFor(() => usersOf(u1.presence.at(-1))?.join() === 'u1,u2', 5000, 'u2 back');
    u2.socket.disconnect();
    await waitFor(() => usersOf(u1.presence.at(-1))?.join() === 'u1', 5000, 'u2 disconnected');
  });

  it('answers invalid payloads and forbidden documents with an error event, and keeps the socket usable', async () => {
    const doc = `rt-${randomBytes(5).toString('hex')}`;
    const u = await participant(a, 'u3', [doc]);

    const tooLong = await send(u, 'notice:send', { documentId: doc, text: 'x'.repeat(501) });
    expect(tooLong.ok).toBe(false);
    await waitFor(() => u.errors.length === 1, 3000, 'error event');
    expect(u.errors[0]).toMatchObject({ event: 'notice:send', code: 'invalid-payload' });
    expect(u.errors[0]!.message).toMatch(/text: text must be at most 500 characters/);

    u.socket.emit('document:join', 42 as never);
    await waitFor(() => u.errors.length === 2, 3000, 'second error event');
    expect(u.errors[1]).toMatchObject({ event: 'document:join', code: 'invalid-payload' });

    u.socket.emit('document:join', { documentId: '../etc' });
    await waitFor(() => u.errors.length === 3, 3000, 'third error event');
    expect(u.errors[2]!.message).toMatch(/documentId: invalid document id/);

    expect(await send(u, 'document:join', { documentId: 'not-granted' })).toEqual({
      ok: false,
      error: 'token does not grant document not-granted',
    });
    expect(u.errors[3]).toMatchObject({ event: 'document:join', code: 'forbidden' });
    expect(await send(u, 'notice:send', { documentId: doc, text: 'before joining' })).toMatchObject({ ok: false });
    expect(u.errors[4]).toMatchObject({ code: 'forbidden' });

    // Still connected and working.
    expect(u.socket.connected).toBe(true);
    expect(await send(u, 'document:join', { documentId: doc })).toEqual({ ok: true });
    expect(await send(u, 'notice:send', { documentId: doc, text: 'ok' })).toEqual({ ok: true });
    await waitFor(() => u.notices.length === 1, 3000, 'own notice');
    expect(a.alive && b.alive).toBe(true);
  });

  it('limits how fast one socket may send events', async () => {
    const doc = `rt-${randomBytes(5).toString('hex')}`;
    const u = await participant(b, 'u4', [doc]);
    await send(u, 'document:join', { documentId: doc });
    const acks = await Promise.all(
      Array.from({ length: 40 }, (_, i) => send(u, 'notice:send', { documentId: doc, text: `n${i}` })),
    );
    const refused = acks.filter((a) => !a.ok);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused[0]).toEqual({ ok: false, error: 'too many events; slow down' });
    expect(u.socket.connected).toBe(true);
  });

  it('closes socket.io in the graceful shutdown (SIGTERM exits 0)', async () => {
    const doc = `rt-${randomBytes(5).toString('hex')}`;
    const u = await participant(a, 'u5', [doc]);
    const reason = new Promise<string>((resolve) => u.socket.once('disconnect', resolve));
    expect(await a.stop()).toBe(0);
    expect(await reason).toBe('io server disconnect');
  });
});
