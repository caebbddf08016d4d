/**
 * One running clock: what must happen, and how many days are left or how late it is — in words and in
 * colour (the colour is never the only cue: the tone is written out too).
 */

import type { NoticeView } from '@samenspraak/shared';
import type { ReactNode } from 'react';
import { formatDate } from '../../dates';
import { countdown, countdownText } from './clocks';
import { m } from './messages';

export function clockLabel(kind: string): string {
  return m.clockKinds[kind] ?? kind;
}

export function ClockText({ notice, now }: { notice: NoticeView; now: number }) {
  const text = countdownText(countdown(notice.dueAt, now, notice.overdue), m);
  return (
    <span className={`clock-chip clock-chip--${notice.severity}`} data-testid="clock-countdown">
      <span className="clock-chip__tone">{m.tone[notice.severity] ?? notice.severity}:</span> {text}
    </span>
  );
}

/** A list item: the clock's label, the countdown and the due date. `prefix` (e.g. the case) goes first. */
export function ClockItem({
  notice,
  now,
  prefix,
  showDate = true,
}: {
  notice: NoticeView;
  now: number;
  prefix?: ReactNode;
  showDate?: boolean;
}) {
  return (
    <li className={`clock clock--${notice.severity}`}>
      <span className="clock__what">
        {prefix}
        {clockLabel(notice.kind)}
      </span>
      <span className="clock__when">
        <ClockText notice={notice} now={now} />
        {showDate && <span className="clock__date"> ({m.dueOn(formatDate(notice.dueAt))})</span>}
      </span>
    </li>
  );
}
