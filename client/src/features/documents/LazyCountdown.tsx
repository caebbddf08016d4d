/**
 * The countdown to 18, loaded when a future plan shows it: it brings the calendar library (Temporal,
 * through `legalDates.ts` in shared), which no other document needs.
 */
import { type ComponentProps, lazy, Suspense } from 'react';

const Loaded = lazy(async () => ({ default: (await import('./Countdown')).Countdown }));

export function Countdown(props: ComponentProps<typeof Loaded>) {
  return (
    <Suspense fallback={null}>
      <Loaded {...props} />
    </Suspense>
  );
}
