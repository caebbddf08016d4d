/** Placeholder until this page is built. */
import { Heading } from '@amsterdam/design-system-react';

export function CasePage(_props: { caseId: string }) {
  return <Heading level={1}>CasePage</Heading>;
}
