/**
 * Clients editing one document through (possibly different) instances: each edit inserts a unique mark,
 * so afterwards we can tell exactly which edits survived, and which the server had reported saved.
 */
import * as Y from 'yjs';
import { TrackedClient, waitFor } from './trackedClient.js';

export class Editor {
  client: TrackedClient;
  /** Every mark this editor made. */
  readonly marks: string[] = [];
  /** Marks the server reported durable, across every client this editor used. */
  private readonly confirmedBefore = new Set<string>();

  constructor(
    readonly name: string,
    wsUrl: string,
    readonly docId: string,
    readonly token: string,
  ) {
    this.client = new TrackedClient(wsUrl, docId, token);
  }

  get doc(): Y.Doc {
    return this.client.doc;
  }

  get text(): string {
    return this.client.text;
  }

  get confirmed(): Set<string> {
    return new Set([...this.confirmedBefore, ...this.client.confirmed]);
  }

  /** Inserts `[name.n]` at the start or the end of the text. */
  edit(): string {
    const mark = `${this.name}.${this.marks.length}`;
    this.marks.push(mark);
    const atStart = this.marks.length % 3 === 0;
    this.client.edit(mark, (doc) => {
      const t = doc.getText('t');
      t.insert(atStart ? 0 : t.length, `[${mark}]`);
    });
    return mark;
  }

  /** Reconnects the same Y.Doc (with its unsaved edits) through another instance. */
  moveTo(wsUrl: string): void {
    for (const m of this.client.confirmed) this.confirmedBefore.add(m);
    const doc = this.client.doc;
    this.client.destroy();
    this.client = new TrackedClient(wsUrl, this.docId, this.token, { doc });
  }

  destroy(): void {
    this.client.destroy();
  }
}

/** Every editor edits every `intervalMs` until `stop()`; bounded by `maxEdits` per editor. */
export function editContinuously(editors: Editor[], intervalMs = 25, maxEdits = 2000) {
  const timer = setInterval(() => {
    for (const e of editors) if (e.marks.length < maxEdits) e.edit();
  }, intervalMs);
  return { stop: () => clearInterval(timer) };
}

function stateVector(doc: Y.Doc): string {
  return Buffer.from(Y.encodeStateVector(doc)).toString('base64');
}

/** Waits until every editor's edits are saved and all documents are identical (text and state vector). */
export async function waitConverged(editors: Editor[], timeoutMs = 15_000): Promise<void> {
  try {
    await waitFor(
      () =>
        editors.every((e) => e.client.allSaved) &&
        editors.every((e) => e.text === editors[0]!.text && stateVector(e.doc) === stateVector(editors[0]!.doc)),
      timeoutMs,
      'all editors saved and converged',
    );
  } catch (err) {
    const state = editors.map(
      (e) =>
        `${e.name}: connected=${e.client.provider.wsconnected} synced=${e.client.provider.synced} ` +
        `sent=${e.client.sent} saved=${e.client.saved} textLength=${e.text.length} ` +
        `missing=${editors.flatMap((o) => o.marks).filter((m) => !e.text.includes(`[${m}]`)).length}`,
    );
    throw new Error(`${(err as Error).message}\n${state.join('\n')}`);
  }
}

export function sameStateVector(a: Y.Doc, b: Y.Doc): boolean {
  return stateVector(a) === stateVector(b);
}

/** A fresh client's view of the document, for checking what an instance serves. */
export async function readThrough(wsUrl: string, docId: string, token: string, timeoutMs = 5000): Promise<Y.Doc> {
  const reader = new TrackedClient(wsUrl, docId, token);
  try {
    await waitFor(() => reader.provider.synced, timeoutMs, 'reader sync');
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(reader.doc));
    return copy;
  } finally {
    reader.destroy();
  }
}

export function missingMarks(text: string, marks: Iterable<string>): string[] {
  return [...marks].filter((m) => !text.includes(`[${m}]`));
}
