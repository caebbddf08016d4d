/** Placeholder until this page is built. */
import { Heading } from '@amsterdam/design-system-react';

export function CasesPage() {
  return <Heading level={1}>CasesPage</Heading>;
}
