/**
 * Live re-reads for a case: keeps the case room joined while mounted (counted per tab, see
 * app/rooms.ts) and calls `onChange` on `case:changed` events of the given kinds, and with `null`
 * after a reconnect, when events may have been missed.
 */
import type { CaseChanged } from '@samenspraak/shared';
import { useRef } from 'react';
import { useCaseRooms, useLiveEvent } from '../../app/rooms';

export function useCaseLive(
  caseId: string | null,
  kinds: readonly CaseChanged['kind'][],
  onChange: (event: CaseChanged | null) => void,
): void {
  const handler = useRef(onChange);
  handler.current = onChange;
  const kindsKey = kinds.join(',');

  useCaseRooms(caseId ? [caseId] : []);
  useLiveEvent('case:changed', (event) => {
    if (!caseId) return;
    if (event === null) return handler.current(null);
    if (event.caseId !== caseId || !kindsKey.split(',').includes(event.kind)) return;
    handler.current(event);
  });
}
