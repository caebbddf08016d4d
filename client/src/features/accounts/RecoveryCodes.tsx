/** Ten recovery codes, shown once: a list that is easy to copy, print or write down. */
import { Alert, Paragraph } from '../../components/ui';
import { m } from './messages';

export function RecoveryCodes({ codes }: { codes: readonly string[] }) {
  return (
    <Alert heading={m.codesTitle} headingLevel={2} severity="warning" role="status">
      <Paragraph>{m.codesIntro}</Paragraph>
      <ol className="recovery-codes" data-testid="recovery-codes">
        {codes.map((c) => (
          <li key={c}>
            <code>{c}</code>
          </li>
        ))}
      </ol>
    </Alert>
  );
}
