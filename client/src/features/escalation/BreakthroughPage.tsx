/** Placeholder until this page is built. */
import { Heading } from '@amsterdam/design-system-react';

export function BreakthroughPage(_props: { caseId: string }) {
  return <Heading level={1}>BreakthroughPage</Heading>;
}
