/**
 * The one seam through which the rest of the server tells the live channel that something changed.
 * Routes and commands receive it in AppServices and call it after a change is stored; what happens then
 * (a `case:changed` to the case room, a fresh `meeting:state`, a notifier run, re-checking who may stay
 * in a case's rooms) is the realtime layer's business. Until socket.io runs it does nothing.
 */
import type { CaseChanged, MeetingPerson } from '@samenspraak/shared';

export interface CaseEvents {
  /** A change on a case was stored (ids only; clients re-read through the API). Never throws. */
  changed(event: CaseChanged): void;
  /**
   * Who may see the case may have changed (participants, consent, status, destruction): its rooms here
   * are re-checked, and every other instance re-checks its rooms and documents of the case. Never throws.
   */
  accessChanged(caseId: string): void;
  /**
   * A person's sessions or tokens changed (logout, log out everywhere, account disabled): their sockets
   * here, and their sockets and documents on every other instance, are re-checked now. Never throws.
   */
  personChanged(userId: string): void;
  /** The domain clock jumped (test clock): re-check access and notifications now; resolves when done. */
  clockMoved(): Promise<void>;
  /** Who is connected to a meeting's room right now (every instance), with their role on the case. */
  meetingOnline(meetingId: string): Promise<MeetingPerson[]>;
}

export const NO_CASE_EVENTS: CaseEvents = {
  changed() {},
  accessChanged() {},
  personChanged() {},
  async clockMoved() {},
  async meetingOnline() {
    return [];
  },
};

/** A CaseEvents that forwards to a target set later (socket.io starts after the services exist). */
export class DeferredCaseEvents implements CaseEvents {
  private target: CaseEvents = NO_CASE_EVENTS;

  bind(target: CaseEvents | null): void {
    this.target = target ?? NO_CASE_EVENTS;
  }

  changed(event: CaseChanged): void {
    this.target.changed(event);
  }

  accessChanged(caseId: string): void {
    this.target.accessChanged(caseId);
  }

  personChanged(userId: string): void {
    this.target.personChanged(userId);
  }

  clockMoved(): Promise<void> {
    return this.target.clockMoved();
  }

  meetingOnline(meetingId: string): Promise<MeetingPerson[]> {
    return this.target.meetingOnline(meetingId);
  }
}
