/**
 * The CaseEvents of a running socket.io channel: a stored change becomes `case:changed` in the case's
 * room (ids only), a fresh `meeting:state` for meeting changes, and a notifier run for changes that
 * move deadlines; an access change re-checks the case's rooms before anyone is told, here and (through
 * `peerAccess`) on every other instance.
 */
import { type CaseChanged, caseRoom, type MeetingPerson } from '@samenspraak/shared';
import type { Notifier } from '../escalation/notifier.js';
import type { CaseEvents } from '../kernel/caseEvents.js';
import { toRoom } from '../realtime/rooms.js';
import type { HandlerContext } from '../realtime/types.js';
import { sweep } from './accessSweep.js';
import type { MeetingBroadcaster } from './meetingBroadcast.js';
import type { PeerAccess } from './peerAccess.js';

/** Changes after which someone's notices may differ. */
const MOVES_DEADLINES: ReadonlySet<CaseChanged['kind']> = new Set(['escalation', 'commitments', 'case']);

export function liveCaseEvents(
  ctx: HandlerContext,
  broadcaster: MeetingBroadcaster,
  notifier: Notifier,
  peers: PeerAccess,
): CaseEvents {
  const emit = (event: CaseChanged) => toRoom(ctx, caseRoom(event.caseId)).emit('case:changed', event);
  return {
    changed(event) {
      try {
        emit(event);
        if (event.kind === 'meetings' && event.meetingId) void broadcaster.publish(event.caseId, event.meetingId);
        if (MOVES_DEADLINES.has(event.kind)) notifier.poke();
      } catch (err) {
        ctx.log.warn({ err: { message: (err as Error).message }, caseId: event.caseId }, 'case:changed failed');
      }
    },
    accessChanged(caseId) {
      peers.caseChanged(caseId);
      sweep(ctx, broadcaster, { caseId })
        .catch((err: Error) => ctx.log.warn({ err: { message: err.message }, caseId }, 'access re-check failed'))
        .finally(() => {
          emit({ caseId, kind: 'case' });
          notifier.poke();
        });
    },
    personChanged(userId) {
      peers.personChanged(userId);
      sweep(ctx, broadcaster, { userId }).catch((err: Error) =>
        ctx.log.warn({ err: { message: err.message } }, 'session re-check after logout failed'),
      );
    },
    async clockMoved() {
      // Time alone ends access (a DBT follow-up, a birthday): documents are re-checked like rooms.
      await Promise.all([sweep(ctx, broadcaster), ctx.services.collab?.recheckAccess(() => true)]);
      await notifier.runNow();
    },
    meetingOnline(meetingId: string): Promise<MeetingPerson[]> {
      return broadcaster.online(meetingId);
    },
  };
}
