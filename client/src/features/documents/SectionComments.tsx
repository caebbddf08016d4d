/**
 * The comments of one section, right under it (on a phone the thread stays next to its text): a new
 * comment (on the selected text or on the whole section), threads with replies, resolving. Comments are
 * server records: posting goes through the API, and everyone on the case sees them appear.
 */

import { atLeast, type Permission } from '@samenspraak/shared';
import { type FormEvent, useId, useState } from 'react';
import { useSubmit } from '../../app/useSubmit';
import { Button, Field, Label, Paragraph, Select, TextArea } from '../../components/ui';
import { lang, roleLabel } from '../../i18n';
import { postComment, resolveComment } from './api';
import { type CommentAnchor, type CommentView, shorten, sortThreads, type Thread } from './comments';
import { m } from './messages';

export interface Passage {
  anchor: CommentAnchor;
  text: string;
}

export interface ComposerState {
  section: string;
  anchor: CommentAnchor | null;
  quote: string | null;
  /** Opened without a selection: the sentences one may pick from instead (the anchor is the pick). */
  passages?: Passage[];
}

interface SectionCommentsProps {
  documentId: string;
  sectionId: string;
  title: string;
  threads: Thread[];
  permission: Permission;
  me: string;
  expanded: boolean;
  onExpand(expanded: boolean): void;
  activeThread: string | null;
  onActivate(threadId: string | null): void;
  composer: ComposerState | null;
  onCloseComposer(): void;
  /** A sentence picked in the form (null: the whole section). */
  onChoosePassage(passage: Passage | null): void;
  /** Items sections have no toolbar: they get their own "Reageren" button here. */
  ownCommentButton: boolean;
  onStartComment(): void;
  quoteOf(anchor: CommentAnchor): string | null;
  reveal(anchor: CommentAnchor): void;
  onChanged(): void;
}

function when(iso: string): string {
  return new Date(iso).toLocaleString(lang === 'en' ? 'en-GB' : 'nl-NL', { dateStyle: 'medium', timeStyle: 'short' });
}

export function SectionComments(props: SectionCommentsProps) {
  const { threads, permission, expanded } = props;
  const listId = useId();
  const [showResolved, setShowResolved] = useState(false);
  const canComment = atLeast(permission, 'comment');
  const sorted = sortThreads(threads);
  const open = sorted.filter((t) => !t.resolved);
  const resolved = sorted.filter((t) => t.resolved);
  const toggleLabel = expanded
    ? m.hideComments
    : open.length > 0
      ? m.showComments(open.length)
      : m.showResolved(resolved.length);

  return (
    <div className="section-comments" data-testid={`comments-${props.sectionId}`}>
      {props.composer && (
        <Composer
          documentId={props.documentId}
          sectionId={props.sectionId}
          composer={props.composer}
          onChoosePassage={props.onChoosePassage}
          onDone={(posted) => {
            props.onCloseComposer();
            if (posted) {
              props.onExpand(true);
              props.onActivate(posted.id);
              props.onChanged();
            }
          }}
        />
      )}
      <div className="section-comments__bar">
        {threads.length > 0 && (
          <button
            type="button"
            className="comments-toggle"
            aria-expanded={expanded}
            aria-controls={listId}
            onClick={() => props.onExpand(!expanded)}
            data-testid={`comments-toggle-${props.sectionId}`}
          >
            <span className="comments-toggle__count" aria-hidden="true">
              {open.length}
            </span>
            {toggleLabel}
          </button>
        )}
        {props.ownCommentButton && canComment && !props.composer && (
          <button
            type="button"
            className="rt-tool rt-tool--comment"
            onClick={props.onStartComment}
            aria-label={`${m.comment}: ${props.title}`}
            data-testid={`comment-button-${props.sectionId}`}
          >
            {m.comment}
          </button>
        )}
      </div>
      <div id={listId} hidden={!expanded} className="section-comments__list">
        {expanded && (
          <>
            {open.map((t) => (
              <ThreadView key={t.root.id} thread={t} {...props} />
            ))}
            {resolved.length > 0 && (
              <>
                <button
                  type="button"
                  className="button-link section-comments__resolved-toggle"
                  aria-expanded={showResolved}
                  onClick={() => setShowResolved(!showResolved)}
                >
                  {showResolved ? m.hideComments : m.showResolved(resolved.length)}
                </button>
                {showResolved && resolved.map((t) => <ThreadView key={t.root.id} thread={t} {...props} />)}
              </>
            )}
          </>
        )}
      </div>
    </div>
  );
}

function ThreadView({ thread, ...props }: SectionCommentsProps & { thread: Thread }) {
  const [replying, setReplying] = useState(false);
  // A refused resolve leaves the thread as it is; there is nothing more to say about it.
  const { busy, submit } = useSubmit();
  const headingId = useId();
  const root = thread.root;
  const quote = thread.anchor ? props.quoteOf(thread.anchor) : null;
  const canReply = atLeast(props.permission, 'comment') && !thread.resolved;
  const canResolve = !thread.resolved && (root.author.id === props.me || props.permission === 'edit');
  const active = props.activeThread === root.id;
  return (
    <article
      className={`thread${active ? ' thread--active' : ''}${thread.resolved ? ' thread--resolved' : ''}`}
      id={`thread-${root.id}`}
      tabIndex={-1}
      aria-labelledby={headingId}
      data-testid="thread"
    >
      <h3 className="visually-hidden" id={headingId}>
        {root.author.name}: {shorten(root.text, 60)}
      </h3>
      {thread.anchor && (
        <p className="thread__quote">
          {quote ? (
            <>
              <span className="thread__quote-label">{m.aboutText}</span> <q>{shorten(quote)}</q>{' '}
              <button
                type="button"
                className="button-link"
                onClick={() => {
                  props.onActivate(root.id);
                  if (thread.anchor) props.reveal(thread.anchor);
                }}
              >
                {m.showInText}
              </button>
            </>
          ) : (
            <span className="thread__quote-gone">{m.anchorGone}</span>
          )}
        </p>
      )}
      <ol className="plain-list thread__comments">
        {[root, ...thread.replies].map((c) => (
          <CommentItem key={c.id} comment={c} />
        ))}
      </ol>
      {thread.resolved ? (
        <p className="thread__resolved">{m.resolved}</p>
      ) : (
        <div className="thread__actions">
          {canReply && !replying && (
            <Button variant="tertiary" onClick={() => setReplying(true)}>
              {m.reply}
            </Button>
          )}
          {canResolve && (
            <Button
              variant="tertiary"
              disabled={busy}
              onClick={() =>
                void submit(async () => {
                  await resolveComment(props.documentId, root.id);
                  props.onChanged();
                })
              }
            >
              {m.resolve}
            </Button>
          )}
        </div>
      )}
      {replying && (
        <Composer
          documentId={props.documentId}
          sectionId={props.sectionId}
          composer={{ section: props.sectionId, anchor: null, quote: null }}
          parent={root}
          onDone={(posted) => {
            setReplying(false);
            if (posted) props.onChanged();
          }}
        />
      )}
    </article>
  );
}

function CommentItem({ comment }: { comment: CommentView }) {
  return (
    <li className="comment" data-testid="comment">
      <p className="comment__meta">
        <strong className="comment__author">{comment.author.name}</strong>{' '}
        <span className="comment__role">({roleLabel(comment.author.role)})</span>{' '}
        <time className="comment__time" dateTime={comment.createdAt}>
          {when(comment.createdAt)}
        </time>
      </p>
      <p className="comment__text">{comment.text}</p>
    </li>
  );
}

function Composer({
  documentId,
  sectionId,
  composer,
  parent,
  onChoosePassage,
  onDone,
}: {
  documentId: string;
  sectionId: string;
  composer: ComposerState;
  parent?: CommentView;
  onChoosePassage?(passage: Passage | null): void;
  onDone(posted: CommentView | null): void;
}) {
  const id = useId();
  const [text, setText] = useState('');
  const { busy, failure, submit: run } = useSubmit();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const value = text.trim();
    if (!value || busy) return;
    void run(async () => {
      const posted = await postComment(documentId, {
        section: sectionId,
        text: value,
        anchor: parent ? null : composer.anchor,
        parentId: parent?.id ?? null,
      });
      onDone(posted);
    });
  };
  const label = parent ? m.replyLabel(parent.author.name) : m.newCommentLabel;
  const passages = parent ? [] : (composer.passages ?? []);
  const hint = parent
    ? undefined
    : passages.length > 0
      ? m.newCommentHintPassage
      : composer.anchor
        ? m.newCommentHintSelection
        : m.newCommentHintSection;
  return (
    <form className={`composer${parent ? ' composer--reply' : ''}`} onSubmit={submit} data-testid="comment-form">
      {passages.length > 0 && onChoosePassage && (
        <PassagePicker passages={passages} chosen={composer.anchor} onChoose={onChoosePassage} />
      )}
      {!parent && composer.quote && passages.length === 0 && (
        <p className="composer__quote">
          <span className="thread__quote-label">{m.aboutText}</span> <q>{shorten(composer.quote)}</q>
        </p>
      )}
      <Field>
        <Label htmlFor={id}>{label}</Label>
        {hint && (
          <Paragraph size="small" id={`${id}-hint`}>
            {hint}
          </Paragraph>
        )}
        <TextArea
          id={id}
          rows={3}
          resize="vertical"
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-describedby={hint ? `${id}-hint` : undefined}
          // The form opens because the person asked for it: typing can start at once.
          autoFocus
          onKeyDown={(e) => {
            if (e.key === 'Escape') onDone(null);
          }}
          maxLength={4000}
        />
      </Field>
      {failure !== null && (
        <p className="composer__error" role="alert">
          {m.commentFailed}
        </p>
      )}
      <div className="composer__actions">
        <Button type="submit" disabled={busy || text.trim() === ''}>
          {m.send}
        </Button>
        <Button variant="tertiary" onClick={() => onDone(null)}>
          {m.cancel}
        </Button>
      </div>
    </form>
  );
}

/** "What are you reacting to?": the whole section or one of its sentences, as a plain select. */
function PassagePicker({
  passages,
  chosen,
  onChoose,
}: {
  passages: Passage[];
  chosen: CommentAnchor | null;
  onChoose(passage: Passage | null): void;
}) {
  const id = useId();
  const index = chosen ? passages.findIndex((p) => p.anchor === chosen) : -1;
  return (
    <Field>
      <Label htmlFor={id}>{m.passageLabel}</Label>
      <Select
        id={id}
        value={index < 0 ? WHOLE : String(index)}
        onChange={(e) => onChoose(e.target.value === WHOLE ? null : (passages[Number(e.target.value)] ?? null))}
        data-testid="comment-passage"
      >
        <Select.Option value={WHOLE}>{m.passageWhole}</Select.Option>
        {passages.map((p, i) => (
          <Select.Option key={i} value={String(i)}>
            {`“${shorten(p.text, 90)}”`}
          </Select.Option>
        ))}
      </Select>
    </Field>
  );
}

const WHOLE = 'whole';
