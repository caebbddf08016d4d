/**
 * `meeting:state`: the whole meeting, sent to its room whenever anything about it changes (a REST
 * change, someone joining or leaving). One computation at a time per meeting on this instance, so an
 * older state is never sent after a newer one.
 */
import { type MeetingPerson, meetingRoom } from '@samenspraak/shared';
import { findMeeting } from '../meetings/meetingRecords.js';
import { buildMeetingView } from '../meetings/meetingView.js';
import { peopleIn, toRoom } from '../realtime/rooms.js';
import type { HandlerContext } from '../realtime/types.js';

export class MeetingBroadcaster {
  private readonly chains = new Map<string, Promise<void>>();

  constructor(private readonly ctx: HandlerContext) {}

  /** Who is connected to the meeting now, on every instance, with their role on the case. */
  online(meetingId: string): Promise<MeetingPerson[]> {
    return peopleIn(this.ctx, meetingRoom(meetingId));
  }

  publish(caseId: string, meetingId: string): Promise<void> {
    const run = (this.chains.get(meetingId) ?? Promise.resolve())
      .then(() => this.send(caseId, meetingId))
      .catch((err: Error) => this.ctx.log.warn({ err: { message: err.message }, meetingId }, 'meeting:state failed'));
    this.chains.set(meetingId, run);
    void run.then(() => {
      if (this.chains.get(meetingId) === run) this.chains.delete(meetingId);
    });
    return run;
  }

  private async send(caseId: string, meetingId: string): Promise<void> {
    const meeting = await findMeeting(this.ctx.services.db, caseId, meetingId);
    if (!meeting) return;
    const online = await this.online(meetingId);
    const view = await buildMeetingView(this.ctx.services, meeting, new Set(online.map((p) => p.userId)));
    toRoom(this.ctx, meetingRoom(meetingId)).emit('meeting:state', view);
  }
}
