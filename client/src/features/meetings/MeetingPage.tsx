/** Placeholder until this page is built. */
import { Heading } from '@amsterdam/design-system-react';

export function MeetingPage(_props: { caseId: string; meetingId: string }) {
  return <Heading level={1}>MeetingPage</Heading>;
}
