/**
 * Comments on a case document: server records with an author, on one section, optionally anchored to
 * a stretch of text by two Yjs relative positions (JSON), optionally a reply to another comment.
 * Pure helpers: grouping into threads, and reading anchors defensively (they are untrusted input).
 */
import type { CommentView } from '@samenspraak/shared';

export interface CommentAnchor {
  from: Record<string, unknown>;
  to: Record<string, unknown>;
}

/** A comment as the server answers with it (shared/src/documentContracts.ts). */
export type { CommentView };

export interface Thread {
  root: CommentView;
  replies: CommentView[];
  /** The thread is resolved when its first comment is. */
  resolved: boolean;
  anchor: CommentAnchor | null;
  /** Time of the last comment in the thread. */
  lastActivity: string;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The anchor of a comment when it has the expected shape, else null (shown as a comment on the section). */
export function anchorOf(comment: Pick<CommentView, 'anchor'>): CommentAnchor | null {
  const a = comment.anchor;
  if (!isRecord(a) || !isRecord(a.from) || !isRecord(a.to)) return null;
  return { from: a.from, to: a.to };
}

/**
 * Threads per section, in order of their first comment. A reply whose parent is missing (not
 * readable, or removed) becomes a thread of its own rather than disappearing.
 */
export function threadsBySection(comments: readonly CommentView[]): Map<string, Thread[]> {
  const byId = new Map(comments.map((c) => [c.id, c]));
  const threads = new Map<string, Thread>();
  const rootOf = (c: CommentView): CommentView => {
    let current = c;
    const seen = new Set<string>();
    while (current.parentId && byId.has(current.parentId) && !seen.has(current.id)) {
      seen.add(current.id);
      current = byId.get(current.parentId) as CommentView;
    }
    return current;
  };
  const sorted = [...comments].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  for (const c of sorted) {
    const root = rootOf(c);
    let thread = threads.get(root.id);
    if (!thread) {
      thread = {
        root,
        replies: [],
        resolved: root.resolvedAt !== null,
        anchor: anchorOf(root),
        lastActivity: root.createdAt,
      };
      threads.set(root.id, thread);
    }
    if (c.id !== root.id) thread.replies.push(c);
    if (c.createdAt > thread.lastActivity) thread.lastActivity = c.createdAt;
  }
  const out = new Map<string, Thread[]>();
  for (const thread of threads.values()) {
    const list = out.get(thread.root.section) ?? [];
    list.push(thread);
    out.set(thread.root.section, list);
  }
  return out;
}

/** Open threads first (in order of creation), then the resolved ones. */
export function sortThreads(threads: readonly Thread[]): Thread[] {
  return [...threads].sort((a, b) =>
    a.resolved === b.resolved ? a.root.createdAt.localeCompare(b.root.createdAt) : a.resolved ? 1 : -1,
  );
}

export function openCount(threads: readonly Thread[] | undefined): number {
  return threads ? threads.filter((t) => !t.resolved).length : 0;
}

/** Comments can be long; the quoted text of an anchor is shortened for display. */
export function shorten(text: string, max = 120): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean.length <= max ? clean : `${clean.slice(0, max - 1).trimEnd()}…`;
}
