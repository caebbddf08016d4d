/**
 * One section of a case document: its title, hint and what this person may do there, around either a
 * rich-text editor (with its comment highlights) or the section's items.
 */

import { atLeast, type DocumentType, type Permission, type SectionDef } from '@samenspraak/shared';
import { type ReactNode, type RefObject, useMemo } from 'react';
import type { CollabConnection } from '../../collab/connection';
import { lang } from '../../i18n';
import { ActionsSection } from './ActionsSection';
import { ChecklistSection } from './ChecklistSection';
import { type Highlight, PENDING_ID } from './commentAnchors';
import type { Thread } from './comments';
import { HypothesesSection } from './HypothesesSection';
import { itemKindOf } from './items';
import { m } from './messages';
import { type EditorHandle, RichTextEditor } from './RichTextEditor';
import type { ComposerState } from './SectionComments';
import { SummarySection } from './SummarySection';
import { tm } from './templateMessages';
import { tm2 } from './tocMessages';
import type { VotesState } from './useVotes';

export function SectionBlock(props: {
  section: SectionDef;
  type: DocumentType;
  permission: Permission;
  isOwnSection: boolean;
  firstName: string;
  /** Whose words, when the page knows better (a parent's own part, a part recorded "zoals verteld"). */
  whose?: string;
  /** The hint, when the page knows better (a parent's own part). */
  hint?: string;
  /** Under the parts of the Bijlage 1 layout the section titles are one level down. */
  headingLevel?: 2 | 3;
  /** The title in plain words (young person and parents); the professional term is shown next to it. */
  plainTitle?: string;
  /** Above the content (who records a child's words). */
  extra?: ReactNode;
  children: ReactNode;
}) {
  const { section, permission } = props;
  const ownWords = section.owner.kind === 'ownWords' ? section.owner : null;
  const whose =
    props.whose ??
    (ownWords
      ? props.isOwnSection
        ? m.ownWordsYours
        : m.ownWordsOf(ownWords.role === 'jeugdige' ? props.firstName || m.ownWordsJeugdige : m.ownWordsOuder)
      : null);
  const Heading = props.headingLevel === 3 ? 'h3' : 'h2';
  return (
    <section
      id={`sectie-${section.id}`}
      className={`doc-section${ownWords ? ' doc-section--own' : ''}`}
      aria-labelledby={`sectie-${section.id}-titel`}
      data-testid={`section-${section.id}`}
      data-permission={permission}
    >
      <div className="doc-section__head">
        <Heading className="doc-section__title" id={`sectie-${section.id}-titel`}>
          {props.plainTitle ? (
            <>
              {props.plainTitle}{' '}
              <span className="doc-term">
                <span className="visually-hidden">{tm2.termPrefix} </span>
                {section.title[lang]}
              </span>
            </>
          ) : (
            section.title[lang]
          )}
        </Heading>
        {whose && (
          <span className="own-words-tag" data-testid="own-words">
            {whose}
          </span>
        )}
        {section.source === 'addition' && (
          <span className="addition-tag" data-testid="addition">
            {tm.addition}
          </span>
        )}
      </div>
      <p className="doc-section__hint" id={`sectie-${section.id}-hint`}>
        {props.hint ?? m.hints[props.type][section.id] ?? tm.hints[section.id] ?? ''}
      </p>
      {section.legacy && <p className="doc-section__legacy">{tm.legacyNote}</p>}
      {props.extra}
      {permission !== 'edit' && (
        <p className="doc-section__access" id={`sectie-${section.id}-toegang`}>
          {permission === 'comment' ? m.mayComment : m.mayRead}
        </p>
      )}
      {props.children}
    </section>
  );
}

export function RichTextSection(props: {
  section: SectionDef;
  permission: Permission;
  connection: CollabConnection;
  fragmentDoc: CollabConnection['doc'];
  editable: boolean;
  threads: Thread[];
  activeThread: string | null;
  composer: ComposerState | null;
  handle: RefObject<EditorHandle | null>;
  onOpenThread(threadId: string): void;
  onComment(): void;
}) {
  const { section, threads, activeThread, composer } = props;
  const fragment = props.fragmentDoc.getXmlFragment(section.id);
  const highlights = useMemo(() => {
    const list: Highlight[] = [];
    for (const thread of threads) {
      if (thread.resolved || !thread.anchor) continue;
      list.push({ id: thread.root.id, anchor: thread.anchor, active: thread.root.id === activeThread });
    }
    if (composer?.anchor) list.push({ id: PENDING_ID, anchor: composer.anchor });
    return list;
  }, [threads, activeThread, composer]);
  const describedBy =
    props.permission === 'edit'
      ? `sectie-${section.id}-hint`
      : `sectie-${section.id}-hint sectie-${section.id}-toegang`;
  return (
    <RichTextEditor
      fragment={fragment}
      awareness={props.connection.awareness}
      title={section.title[lang]}
      sectionId={section.id}
      describedBy={describedBy}
      editable={props.editable}
      canComment={atLeast(props.permission, 'comment')}
      highlights={highlights}
      onOpenThread={props.onOpenThread}
      onComment={props.onComment}
      handle={props.handle}
    />
  );
}

export function ItemsContent(props: {
  section: SectionDef;
  doc: CollabConnection['doc'];
  editable: boolean;
  canVote: boolean;
  userId: string;
  votes: VotesState;
}) {
  const kind = itemKindOf(props.section.id);
  if (kind === 'hypothesis')
    return (
      <HypothesesSection
        doc={props.doc}
        editable={props.editable}
        canVote={props.canVote}
        userId={props.userId}
        votes={props.votes}
      />
    );
  if (kind === 'checklist') return <ChecklistSection doc={props.doc} editable={props.editable} />;
  if (kind === 'summary') return <SummarySection doc={props.doc} editable={props.editable} />;
  if (kind === 'action')
    return <ActionsSection doc={props.doc} sectionId={props.section.id} editable={props.editable} />;
  return null;
}
