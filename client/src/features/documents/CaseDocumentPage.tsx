/** Placeholder until this page is built. */
import { Heading } from '@amsterdam/design-system-react';

export function CaseDocumentPage(_props: { caseId: string; type: 'analysis' | 'futurePlan' }) {
  return <Heading level={1}>CaseDocumentPage</Heading>;
}
