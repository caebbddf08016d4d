/**
 * One case document, co-edited live: the analysis, the future plan or the notes of a meeting. Every
 * section of the template as a titled block with a plain-language hint, in template order; text
 * sections are Tiptap editors on the section's Y.XmlFragment, item sections are lists on its Y.Array.
 *
 * What a person may do per section comes from the server (the permission table after age, consent and
 * case rules): 'edit' → an editor; 'comment' / 'read' → the text read-only (bound to a replica, so it
 * can never send a change), with "Reageren" for 'comment'; 'none' → not shown. The server refuses any
 * change to a section the person may not edit; the interface never offers one.
 *
 * Reused by the meetings feature for meeting notes (type 'meetingNotes', `<caseId>.meetingNotes.<id>`).
 */

import {
  analysisSections,
  atLeast,
  type CaseDetail,
  type DocumentType,
  firstNameOf,
  type Permission,
  PLAIN_GROUP_TITLES,
  PLAIN_PARENT_PART_TITLE,
  PLAIN_SECTION_TITLES,
  parentOfPart,
  SECTION_GROUPS,
  SECTIONS,
  type SectionDef,
  type StatementView,
} from '@samenspraak/shared';
import { createRef, Fragment, type RefObject, useEffect, useMemo, useRef, useState } from 'react';
import type * as Y from 'yjs';
import { useUser } from '../../app/auth';
import { LoadFailed } from '../../app/LoadFailed';
import { type CollabConnection, useCollabStatus } from '../../collab/connection';
import { readOnlyReplica } from '../../collab/replica';
import { PresenceList } from '../../components/PresenceList';
import { SaveStatus } from '../../components/SaveStatus';
import { Paragraph } from '../../components/ui';
import { lang } from '../../i18n';
import { SectionStatements, useStatements } from '../rights/DocumentStatements';
import { DocumentPanels } from '../versions/DocumentPanels';
import { voteOnHypothesis } from './api';
import { CommentsOverview } from './CommentsOverview';
import { ConnectionNotices } from './ConnectionNotices';
import type { Thread } from './comments';
import { ItemsContent, RichTextSection, SectionBlock } from './DocumentSection';
import { Countdown } from './LazyCountdown';
import { m } from './messages';
import { RecorderControls, useOwnWordsParts, whoseWords } from './OwnWordsParts';
import { PanelBoundary } from './PanelBoundary';
import type { EditorHandle } from './RichTextEditor';
import { type ComposerState, SectionComments } from './SectionComments';
import { SectionNav, useJumpToHash } from './SectionNav';
import { useStickyToolbar } from './stickyToolbar';
import { tm } from './templateMessages';
import { tm2 } from './tocMessages';
import { useComments } from './useComments';
import { type DocumentConnectionState, useDocumentConnection } from './useDocumentConnection';
import { useVotes, type VotesState } from './useVotes';
import './documents.css';

export interface CaseDocumentProps {
  caseId: string;
  documentId: string;
  type: DocumentType;
  detail: CaseDetail;
}

export function CaseDocument({ caseId, documentId, type, detail }: CaseDocumentProps) {
  const user = useUser();
  const firstName = detail.youngPerson.name.trim().split(/\s+/)[0] ?? '';
  const live = useDocumentConnection(documentId, user, detail.myRole, m.headingOf(m.docTitle[type], firstName));
  const comments = useComments(caseId, documentId);
  // Only the analysis has hypotheses (and only those who may read them get their votes).
  const hasHypotheses = (detail.effectiveSections[type]?.hypothesen ?? 'none') !== 'none';
  const votes = useVotes(documentId, voteOnHypothesis, hasHypotheses);
  const ownWords = useOwnWordsParts(caseId, type === 'analysis');
  // Own statements of the young person and parents beside the text (not on meeting notes).
  const statements = useStatements(caseId, type !== 'meetingNotes');

  if (live.error) {
    const missing = live.error.status === 404 || live.error.status === 403;
    return <LoadFailed texts={m} headingLevel={2} error={live.error} missing={missing} onRetry={live.retry} />;
  }
  if (!live.connection) {
    return (
      <Paragraph aria-live="polite" className="casedoc__loading">
        {m.loading}
      </Paragraph>
    );
  }
  return (
    <ConnectedDocument
      key={live.connection.doc.guid}
      connection={live.connection}
      live={live}
      caseId={caseId}
      documentId={documentId}
      type={type}
      detail={detail}
      userId={user.id}
      threads={comments.threads}
      reloadComments={() => void comments.reload()}
      votes={votes}
      ownWords={ownWords}
      statements={statements}
    />
  );
}

/** Whether a root holds anything, without creating it (a legacy root is shown only while it does). */
function holdsContent(doc: Y.Doc, id: string): boolean {
  const root = doc.share.get(id);
  return !!root && root._length > 0;
}

const LEGACY_IDS = SECTIONS.analysis.filter((s) => s.legacy).map((s) => s.id);

/**
 * The old-template roots that hold words, following the document: their words may arrive after the
 * first render (sync, another person), and a legacy part once shown stays shown while the page is open,
 * so nobody's editor disappears under their hands when they empty it.
 */
function useLegacyWithContent(doc: Y.Doc): ReadonlySet<string> {
  const [found, setFound] = useState<ReadonlySet<string>>(
    () => new Set(LEGACY_IDS.filter((id) => holdsContent(doc, id))),
  );
  useEffect(() => {
    const check = () =>
      setFound((prev) => {
        const next = LEGACY_IDS.filter((id) => prev.has(id) || holdsContent(doc, id));
        return next.length === prev.size ? prev : new Set(next);
      });
    check();
    doc.on('update', check);
    return () => doc.off('update', check);
  }, [doc]);
  return found;
}

/**
 * The sections of this document: for the analysis the 002 Bijlage 1 layout with one part per parent
 * (the server's list, else the parents on the case), and old-template roots only while they hold words.
 */
function templateSections(
  type: DocumentType,
  detail: CaseDetail,
  parts: OwnWordsState['parts'],
  legacy: ReadonlySet<string>,
) {
  if (type !== 'analysis') return [...SECTIONS[type]];
  const parents = parts
    ? parts.parts.flatMap((p) =>
        p.kind === 'ouder' && p.person.userId ? [{ userId: p.person.userId, name: p.person.name }] : [],
      )
    : detail.participants.filter((p) => p.role === 'ouder').map((p) => ({ userId: p.userId, name: p.name }));
  return analysisSections(parents).filter((s) => !s.legacy || legacy.has(s.id));
}

type OwnWordsState = ReturnType<typeof useOwnWordsParts>;

interface ConnectedProps {
  connection: CollabConnection;
  live: DocumentConnectionState;
  caseId: string;
  documentId: string;
  type: DocumentType;
  detail: CaseDetail;
  userId: string;
  threads: Map<string, Thread[]>;
  reloadComments(): void;
  votes: VotesState;
  ownWords: OwnWordsState;
  statements: StatementView[];
}

const NO_THREADS: Thread[] = [];

function ConnectedDocument(props: ConnectedProps) {
  const { connection, live, type, detail, documentId } = props;
  const status = useCollabStatus(connection);
  const permissions: Record<string, Permission> = live.access?.sections ?? detail.effectiveSections[type] ?? {};
  const legacy = useLegacyWithContent(connection.doc);
  const sections = templateSections(type, detail, props.ownWords.parts, legacy).filter(
    (s) => (permissions[s.id] ?? 'none') !== 'none',
  );
  const parts = props.ownWords.parts;
  const me = { userId: props.userId, role: detail.myRole };
  const grouped = type === 'analysis';
  // The young person and parents read plain headings (the professional term stays next to them) and
  // find their own part first in the section navigation.
  const plain = detail.myRole === 'jeugdige' || detail.myRole === 'ouder';
  const isMine = (section: SectionDef) => {
    const parentId = parentOfPart(section.id);
    return parentId
      ? parentId === props.userId
      : section.owner.kind === 'ownWords' && section.owner.role === detail.myRole;
  };
  const mine = plain ? (sections.find((s) => isMine(s) && permissions[s.id] === 'edit')?.id ?? null) : null;
  const plainTitleOf = (section: SectionDef): string | null => {
    if (!plain) return null;
    const parentId = parentOfPart(section.id);
    if (parentId) {
      if (parentId === props.userId) return PLAIN_PARENT_PART_TITLE[lang];
      const who = parts?.parts.find((p) => p.root === section.id)?.person.name ?? '';
      return tm2.whatThinks(firstNameOf(who));
    }
    if (section.owner.kind === 'ownWords' && section.owner.role === 'jeugdige' && detail.myRole !== 'jeugdige')
      return tm2.whatThinks(firstNameOf(detail.youngPerson.name));
    const words = PLAIN_SECTION_TITLES[section.id]?.[lang];
    return words && words !== section.title[lang] ? words : null;
  };
  useJumpToHash(
    sections.map((s) => s.id),
    status.loaded,
  );
  useStickyToolbar();

  // Sections this person may not edit are bound to a read-only replica of the document.
  const needsReplica = sections.some((s) => s.content === 'richText' && permissions[s.id] !== 'edit');
  const replica = useMemo(
    () => (needsReplica ? readOnlyReplica(connection.doc) : null),
    [needsReplica, connection.doc],
  );
  useEffect(() => () => replica?.destroy(), [replica]);

  const [expanded, setExpanded] = useState<Record<string, boolean>>({});
  const [activeThread, setActiveThread] = useState<string | null>(null);
  const [composer, setComposer] = useState<ComposerState | null>(null);
  const handles = useRef(new Map<string, RefObject<EditorHandle | null>>());
  const handleOf = (sectionId: string) => {
    let handle = handles.current.get(sectionId);
    if (!handle) {
      handle = createRef<EditorHandle | null>();
      handles.current.set(sectionId, handle);
    }
    return handle;
  };

  const focusThread = (threadId: string) => {
    requestAnimationFrame(() => {
      const element = document.getElementById(`thread-${threadId}`);
      element?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
      element?.focus({ preventScroll: true });
    });
  };
  const openThread = (sectionId: string, threadId: string) => {
    setExpanded((e) => ({ ...e, [sectionId]: true }));
    setActiveThread(threadId);
    focusThread(threadId);
  };

  const denied = status.denied;
  const firstName = detail.youngPerson.name.trim().split(/\s+/)[0] ?? '';

  return (
    <div className="casedoc" data-testid="case-document" data-document={documentId}>
      <div className="casedoc__status">
        <SaveStatus status={status} />
      </div>
      <ConnectionNotices status={status} live={live} />
      <div className="casedoc__layout">
        <div className="casedoc__main">
          <SectionNav
            sections={sections}
            mine={mine}
            titleOf={(section) => plainTitleOf(section) ?? section.title[lang]}
          />
          {!denied && <PresenceList awareness={connection.awareness} />}
          {type === 'futurePlan' && (
            <Countdown
              dateOfBirth={detail.youngPerson.dateOfBirth}
              firstName={firstName}
              isYou={detail.myRole === 'jeugdige'}
            />
          )}
          {sections.map((section, index) => {
            const permission = permissions[section.id] ?? 'none';
            const sectionThreads = props.threads.get(section.id) ?? NO_THREADS;
            const handle = handleOf(section.id);
            const part = parts?.parts.find((p) => p.root === section.id);
            const parentId = parentOfPart(section.id);
            const newGroup = grouped && section.group && sections[index - 1]?.group !== section.group;
            return (
              <Fragment key={section.id}>
                {newGroup && section.group && (
                  <h2 className="doc-group" data-testid={`group-${section.group}`}>
                    {plain ? (
                      <>
                        {PLAIN_GROUP_TITLES[section.group][lang]}{' '}
                        <span className="doc-term">
                          <span className="visually-hidden">{tm2.termPrefix} </span>
                          {SECTION_GROUPS[section.group][lang]}
                        </span>
                      </>
                    ) : (
                      SECTION_GROUPS[section.group][lang]
                    )}
                  </h2>
                )}
                <SectionBlock
                  section={section}
                  type={type}
                  permission={permission}
                  isOwnSection={isMine(section)}
                  plainTitle={plainTitleOf(section) ?? undefined}
                  firstName={firstName}
                  headingLevel={grouped ? 3 : 2}
                  whose={part ? whoseWords(part, me) : undefined}
                  hint={
                    parentId
                      ? parentId === props.userId
                        ? tm.parentHintYours
                        : tm.parentHint(firstNameOf(part?.person.name ?? ''))
                      : undefined
                  }
                  extra={
                    part && parts ? (
                      <RecorderControls
                        caseId={props.caseId}
                        part={part}
                        childUnder12={parts.childUnder12}
                        me={me}
                        onChanged={(next) => {
                          props.ownWords.setParts(next);
                          void live.refreshAccess();
                        }}
                      />
                    ) : undefined
                  }
                >
                  {section.content === 'richText' ? (
                    <RichTextSection
                      section={section}
                      permission={permission}
                      connection={connection}
                      fragmentDoc={permission === 'edit' ? connection.doc : (replica?.doc ?? connection.doc)}
                      editable={permission === 'edit' && status.loaded && !denied}
                      threads={sectionThreads}
                      activeThread={activeThread}
                      composer={composer?.section === section.id ? composer : null}
                      handle={handle}
                      onOpenThread={(id) => openThread(section.id, id)}
                      onComment={() => {
                        const selected = handle.current?.selection() ?? null;
                        setComposer({
                          section: section.id,
                          anchor: selected?.anchor ?? null,
                          quote: selected?.text ?? null,
                          // Without a selection, the form offers the sentences instead.
                          passages: selected ? undefined : handle.current?.passages(),
                        });
                      }}
                    />
                  ) : (
                    <ItemsContent
                      section={section}
                      doc={connection.doc}
                      editable={permission === 'edit' && status.loaded && !denied}
                      canVote={atLeast(permission, 'comment') && !denied}
                      userId={props.userId}
                      votes={props.votes}
                    />
                  )}
                  {type !== 'meetingNotes' && (
                    <SectionStatements
                      caseId={props.caseId}
                      document={type}
                      section={section.id}
                      statements={props.statements}
                      mayAdd={detail.myRole === 'jeugdige' || detail.myRole === 'ouder'}
                    />
                  )}
                  <SectionComments
                    documentId={documentId}
                    sectionId={section.id}
                    title={section.title[lang]}
                    threads={sectionThreads}
                    permission={denied ? 'read' : permission}
                    me={props.userId}
                    expanded={expanded[section.id] ?? false}
                    onExpand={(open) => setExpanded((e) => ({ ...e, [section.id]: open }))}
                    activeThread={activeThread}
                    onActivate={(id) => {
                      setActiveThread(id);
                      if (id) focusThread(id);
                    }}
                    composer={composer?.section === section.id ? composer : null}
                    onCloseComposer={() => setComposer(null)}
                    onChoosePassage={(passage) =>
                      setComposer((c) => c && { ...c, anchor: passage?.anchor ?? null, quote: passage?.text ?? null })
                    }
                    ownCommentButton={section.content === 'items'}
                    onStartComment={() => setComposer({ section: section.id, anchor: null, quote: null })}
                    quoteOf={(anchor) => handle.current?.quote(anchor) ?? null}
                    reveal={(anchor) => handle.current?.reveal(anchor)}
                    onChanged={props.reloadComments}
                  />
                </SectionBlock>
              </Fragment>
            );
          })}
        </div>
        <div className="casedoc__side">
          <CommentsOverview
            sections={sections}
            threads={props.threads}
            onOpen={(sectionId) => {
              setExpanded((e) => ({ ...e, [sectionId]: true }));
              requestAnimationFrame(() =>
                document
                  .getElementById(`sectie-${sectionId}`)
                  ?.querySelector<HTMLElement>('.section-comments')
                  ?.scrollIntoView({ block: 'start', behavior: 'smooth' }),
              );
            }}
          />
          {/* Slot for the versions and endorsement panels (features/versions, built separately). */}
          <div className="casedoc__panels" data-slot="document-panels">
            <PanelBoundary>
              <DocumentPanels
                caseId={props.caseId}
                documentId={documentId}
                type={type}
                detail={detail}
                doc={connection.doc}
              />
            </PanelBoundary>
          </div>
        </div>
      </div>
    </div>
  );
}
