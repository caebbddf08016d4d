/** The open comments per section, beside the document, each a link to its section's comments. */

import type { SectionDef } from '@samenspraak/shared';
import { useId } from 'react';
import { lang } from '../../i18n';
import { openCount, type Thread } from './comments';
import { m } from './messages';

export function CommentsOverview({
  sections,
  threads,
  onOpen,
}: {
  sections: SectionDef[];
  threads: Map<string, Thread[]>;
  onOpen(sectionId: string): void;
}) {
  const titleId = useId();
  const withOpen = sections.map((s) => ({ section: s, open: openCount(threads.get(s.id)) })).filter((x) => x.open > 0);
  return (
    <section className="comments-overview" aria-labelledby={titleId} data-testid="comments-overview">
      <h2 className="comments-overview__title" id={titleId}>
        {m.commentsOverview}
      </h2>
      {withOpen.length === 0 ? (
        <p className="comments-overview__none">{m.commentsOverviewNone}</p>
      ) : (
        <ul className="comments-overview__list">
          {withOpen.map(({ section, open }) => (
            <li key={section.id}>
              <a
                href={`#sectie-${section.id}`}
                onClick={(e) => {
                  e.preventDefault();
                  onOpen(section.id);
                }}
              >
                {section.title[lang]}
              </a>{' '}
              <span className="comments-overview__count">{m.openComments(open)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
