/**
 * Live rooms follow access as it changes: a participant removed, consent withdrawn, a case closed or
 * destroyed, a DBT member's follow-up ended, a session logged out or gone idle, a token revoked. A sweep
 * re-checks the sockets on this instance (all, those in one case's rooms, or one person's): a socket
 * whose session ended or token was revoked is told and closed; one that lost a case leaves its rooms,
 * is told, and the others see it go.
 */
import { type AccessEndReason, ageOn, parseDocumentId } from '@samenspraak/shared';
import { caseDb } from '../cases/caseDb.js';
import { documentAccessFor } from '../cases/documentAccess.js';
import { participationEnded } from '../domain/caseAccess.js';
import { announcePresence } from '../realtime/rooms.js';
import type { HandlerContext, RealtimeSocket } from '../realtime/types.js';
import { currentCaseRole, socketAudit } from './caseChannel.js';
import type { MeetingBroadcaster } from './meetingBroadcast.js';
import { sessionStillLive, socketActor } from './socketAuth.js';

/** The join event a room belongs to (named in the `error` the person gets when they lose it). */
export function joinEventOf(room: string): 'case:join' | 'meeting:join' | 'document:join' {
  if (room.startsWith('meeting:')) return 'meeting:join';
  if (room.startsWith('doc:')) return 'document:join';
  return 'case:join';
}

/** Leaves a checked room and lets the others in it know (presence, meeting state). */
export async function leaveRoom(
  ctx: HandlerContext,
  broadcaster: MeetingBroadcaster,
  socket: RealtimeSocket,
  room: string,
): Promise<void> {
  const joined = socket.data.joined[room];
  delete socket.data.joined[room];
  await socket.leave(room);
  if (room.startsWith('doc:')) await announcePresence(ctx, room.slice('doc:'.length));
  if (room.startsWith('meeting:') && joined) await broadcaster.publish(joined.caseId, room.slice('meeting:'.length));
}

async function stillAllowed(ctx: HandlerContext, socket: RealtimeSocket, room: string, caseId: string) {
  if (room.startsWith('doc:')) {
    const docId = room.slice('doc:'.length);
    return parseDocumentId(docId)
      ? (await documentAccessFor(ctx.services.db, socket.data.userId, docId, ctx.services.clock())) !== null
      : true;
  }
  return (await currentCaseRole(ctx.services, socket.data.userId, caseId)) !== null;
}

/** Why this person lost the case, in the terms the client explains (no case content, only the kind). */
async function whyAccessEnded(ctx: HandlerContext, userId: string, caseId: string): Promise<AccessEndReason> {
  const found = await caseDb(ctx.services.db)
    .selectFrom('cases')
    .leftJoin('participants', (join) =>
      join.onRef('participants.case_id', '=', 'cases.id').on('participants.user_id', '=', userId),
    )
    .select([
      'cases.destroyed_at',
      'cases.date_of_birth',
      'cases.parents_consent',
      'participants.role as role',
      'participants.access_until as access_until',
    ])
    .where('cases.id', '=', caseId)
    .executeTakeFirst();
  if (!found || found.destroyed_at) return 'destroyed';
  if (!found.role) return 'removed';
  const now = ctx.services.clock();
  if (participationEnded(found.access_until, now)) return 'ended';
  if (found.role === 'ouder' && ageOn(found.date_of_birth, now) >= 16 && found.parents_consent !== 1) return 'consent';
  return 'other';
}

/** Which sockets a sweep looks at: all, those in one case's rooms, or one person's. */
export type SweepScope = { caseId: string } | { userId: string };

export async function sweep(ctx: HandlerContext, broadcaster: MeetingBroadcaster, only?: SweepScope): Promise<void> {
  const caseId = only && 'caseId' in only ? only.caseId : null;
  for (const socket of [...ctx.io.of('/').sockets.values()] as RealtimeSocket[]) {
    try {
      if (only && 'userId' in only && socket.data.userId !== only.userId) continue;
      // A token socket lives for its documents: any change may end it. A session outlives one case.
      const checkIdentity = caseId === null || socket.data.via === 'token';
      if (checkIdentity && !(await sessionStillLive(ctx.services, socket, false))) {
        socket.emit('error', {
          event: 'session',
          code: 'unauthenticated',
          message:
            socket.data.via === 'token'
              ? 'your access token no longer opens its documents'
              : 'your session ended; log in again',
        });
        // Without closing the connection outright: the error above arrives first, then the disconnect.
        socket.disconnect();
        continue;
      }
      for (const [room, joined] of Object.entries(socket.data.joined)) {
        if (caseId !== null && joined.caseId !== caseId) continue;
        if (await stillAllowed(ctx, socket, room, joined.caseId)) continue;
        await leaveRoom(ctx, broadcaster, socket, room);
        const { role } = joined;
        const actor = await socketActor(ctx.services, socket);
        if (actor) {
          await socketAudit(ctx.services, actor, joinEventOf(room)).log({
            event: 'read',
            caseId: joined.caseId,
            outcome: 'denied',
            caseRole: role,
            what: `${room}: access ended, left the room`,
          });
        }
        socket.emit('error', {
          event: joinEventOf(room),
          code: 'forbidden',
          message: 'your access to this case ended',
          accessEnded: { caseId: joined.caseId, reason: await whyAccessEnded(ctx, socket.data.userId, joined.caseId) },
        });
      }
    } catch (err) {
      ctx.log.warn(
        { err: { message: (err as Error).message }, user: socket.data.userId },
        'realtime access sweep failed',
      );
    }
  }
}
