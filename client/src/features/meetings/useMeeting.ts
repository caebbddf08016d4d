/**
 * One meeting, live: read once through the API, then joined as the meeting's socket.io room, where the
 * server sends the whole `meeting:state` now and after every change (attendance from presence
 * included). Answers of our own actions are applied at once too; the latest view received wins.
 */
import type { MeetingResponse, MeetingView } from '@samenspraak/shared';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../../app/api';
import { useRealtimeConnected, useRealtimeEvent } from '../../app/realtime';
import { useRoom } from '../../app/rooms';
import { useApi } from '../../app/useApi';
import { acceptState } from './meetingText';

export function meetingPath(caseId: string, meetingId?: string): string {
  const base = `/api/cases/${encodeURIComponent(caseId)}/meetings`;
  return meetingId ? `${base}/${encodeURIComponent(meetingId)}` : base;
}

export interface LiveMeeting {
  meeting: MeetingView | null;
  error: ReturnType<typeof useApi>['error'];
  loading: boolean;
  connected: boolean;
  reload(): Promise<void>;
  /** Runs an action (`start`, `end`, `items`, …) and applies the meeting the server answers with. */
  act(method: 'POST' | 'PUT', action: string, body?: unknown): Promise<void>;
}

export function useMeeting(caseId: string, meetingId: string): LiveMeeting {
  const path = meetingPath(caseId, meetingId);
  const res = useApi<MeetingResponse>(path);
  const [current, setCurrent] = useState<MeetingView | null>(null);
  const connected = useRealtimeConnected();

  useEffect(() => {
    if (res.data) setCurrent((prev) => acceptState(prev, res.data!.meeting, meetingId));
  }, [res.data, meetingId]);

  useRoom('meeting:join', 'meeting:leave', { caseId, meetingId });
  useRealtimeEvent('meeting:state', (view) => setCurrent((prev) => acceptState(prev, view, meetingId)));

  const act = useCallback(
    async (method: 'POST' | 'PUT', action: string, body?: unknown) => {
      const answer = await api<{ meeting?: MeetingView }>(method, `${path}/${action}`, body ?? {});
      if (answer?.meeting) setCurrent((prev) => acceptState(prev, answer.meeting!, meetingId));
    },
    [path, meetingId],
  );

  return { meeting: current, error: res.error, loading: res.loading, connected, reload: res.reload, act };
}
