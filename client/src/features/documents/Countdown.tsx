/** "Nog 1 jaar en 5 maanden tot Sanne 18 wordt": the clock of the future plan. */
import { amsterdamDate } from '@samenspraak/shared';
import { formatDate } from '../../dates';
import { countdownTo18 } from './countdown';
import { m } from './messages';

/** "1 jaar, 5 maanden en 3 dagen" — the parts that are not zero. */
export function spanText(years: number, months: number, days: number): string {
  const parts = [
    years > 0 ? m.years(years) : null,
    months > 0 ? m.months(months) : null,
    days > 0 ? m.days(days) : null,
  ].filter((p): p is string => p !== null);
  if (parts.length <= 1) return parts[0] ?? m.days(0);
  return `${parts.slice(0, -1).join(', ')} ${m.and} ${parts[parts.length - 1]}`;
}

export function Countdown({
  dateOfBirth,
  firstName,
  isYou,
  now = new Date(),
}: {
  dateOfBirth: string;
  firstName: string;
  /** The young person reads it: "tot je 18 wordt" instead of their name. */
  isYou: boolean;
  now?: Date;
}) {
  let c: ReturnType<typeof countdownTo18>;
  try {
    c = countdownTo18(dateOfBirth, amsterdamDate(now));
  } catch {
    return null;
  }
  const date = formatDate(c.birthday);
  const span = spanText(c.years, c.months, c.remainingDays);
  const text =
    c.phase === 'before'
      ? isYou
        ? m.countdownBeforeYou(span, date)
        : m.countdownBefore(span, firstName, date)
      : c.phase === 'today'
        ? isYou
          ? m.countdownTodayYou
          : m.countdownToday(firstName)
        : isYou
          ? m.countdownAfterYou(date)
          : m.countdownAfter(firstName, date);
  const urgent = c.phase === 'before' && c.days <= 183;
  return (
    <section
      className={`countdown${urgent ? ' countdown--soon' : ''}`}
      aria-labelledby="countdown-title"
      data-testid="countdown"
      data-days={c.days}
    >
      <h2 className="countdown__title" id="countdown-title">
        {m.countdownTitle}
      </h2>
      <p className="countdown__text">{text}</p>
      {c.phase === 'before' && <p className="countdown__note">{m.countdownNote}</p>}
    </section>
  );
}
