/** A stored version, read-only: its sections as text and the endorsements it was saved with. */
import { Alert, Heading, Paragraph, UnorderedList } from '../../components/ui';
import { roleLabel } from '../../i18n';
import { sectionLines } from './content';
import { m } from './messages';
import type { VersionDetail } from './types';

export function VersionView({ detail }: { detail: VersionDetail }) {
  const sections = Object.entries(detail.sections);
  return (
    <div className="stack version-view" data-testid="version-view">
      <Paragraph>
        <em>{m.readOnlyNote}</em>
      </Paragraph>
      {sections.map(([id, s]) => {
        const lines = sectionLines(s);
        return (
          <section key={id} className="version-view__section" aria-labelledby={`vv-${id}`}>
            <Heading level={3} size="level-4" id={`vv-${id}`}>
              {s.title}
            </Heading>
            {s.content === 'unreadable' ? (
              <Paragraph>{m.unreadable}</Paragraph>
            ) : lines.length === 0 ? (
              <Paragraph className="muted">{m.empty}</Paragraph>
            ) : s.content === 'items' ? (
              <UnorderedList>
                {lines.map((line, i) => (
                  <UnorderedList.Item key={i}>{line}</UnorderedList.Item>
                ))}
              </UnorderedList>
            ) : (
              lines.map((line, i) => <Paragraph key={i}>{line}</Paragraph>)
            )}
          </section>
        );
      })}
      {detail.endorsements.length > 0 && (
        <Alert heading={m.endorsementsAtVersion} headingLevel={3}>
          <UnorderedList>
            {detail.endorsements.map((e) => (
              <UnorderedList.Item key={e.id}>
                {e.person.name} ({roleLabel(e.person.role)}): {m.stanceShort[e.stance] ?? e.stance}
                {e.words ? ` — “${e.words}”` : ''}
              </UnorderedList.Item>
            ))}
          </UnorderedList>
        </Alert>
      )}
    </div>
  );
}
