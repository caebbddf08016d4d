/** Placeholder until this page is built. */
import { Heading } from '@amsterdam/design-system-react';

export function MonitorPage() {
  return <Heading level={1}>MonitorPage</Heading>;
}
