import { describe, expect, it } from 'vitest';
import { anchorOf, type CommentView, openCount, shorten, sortThreads, threadsBySection } from './comments';

let seq = 0;
function comment(partial: Partial<CommentView>): CommentView {
  seq += 1;
  return {
    id: `c${seq}`,
    section: 'veiligheid',
    parentId: null,
    author: { id: 'u1', name: 'Marieke Visser', role: 'ouder' },
    text: 'tekst',
    anchor: null,
    createdAt: `2026-03-01T10:00:${String(seq).padStart(2, '0')}Z`,
    resolvedAt: null,
    ...partial,
  };
}

describe('comment threads', () => {
  it('groups replies under their first comment, per section', () => {
    const a = comment({});
    const b = comment({ section: 'hypothesen' });
    const reply = comment({ parentId: a.id, text: 'antwoord' });
    const replyToReply = comment({ parentId: reply.id, text: 'nog een' });
    const threads = threadsBySection([replyToReply, b, reply, a]);
    expect([...threads.keys()].sort()).toEqual(['hypothesen', 'veiligheid']);
    const [thread] = threads.get('veiligheid')!;
    expect(thread?.root.id).toBe(a.id);
    expect(thread?.replies.map((r) => r.text)).toEqual(['antwoord', 'nog een']);
    expect(thread?.lastActivity).toBe(replyToReply.createdAt);
  });

  it('keeps a reply whose parent it cannot see as a thread of its own', () => {
    const orphan = comment({ parentId: 'not-visible' });
    expect(threadsBySection([orphan]).get('veiligheid')?.[0]?.root.id).toBe(orphan.id);
  });

  it('survives a loop in parent ids', () => {
    const x = comment({ id: 'x', parentId: 'y' });
    const y = comment({ id: 'y', parentId: 'x' });
    const threads = threadsBySection([x, y]).get('veiligheid') ?? [];
    expect(threads.length).toBeGreaterThan(0);
  });

  it('puts open threads before resolved ones and counts the open ones', () => {
    const resolved = comment({ resolvedAt: '2026-03-02T00:00:00Z' });
    const open1 = comment({});
    const open2 = comment({});
    const threads = threadsBySection([resolved, open1, open2]).get('veiligheid')!;
    expect(sortThreads(threads).map((t) => t.root.id)).toEqual([open1.id, open2.id, resolved.id]);
    expect(openCount(threads)).toBe(2);
    expect(openCount(undefined)).toBe(0);
  });

  it('accepts only anchors of the expected shape', () => {
    const from = { type: { client: 1, clock: 2 }, tname: null, item: { client: 1, clock: 3 }, assoc: -1 };
    expect(anchorOf({ anchor: { from, to: from } })).toEqual({ from, to: from });
    expect(anchorOf({ anchor: null })).toBeNull();
    expect(anchorOf({ anchor: { from } })).toBeNull();
    expect(anchorOf({ anchor: 'x' })).toBeNull();
    expect(anchorOf({ anchor: { from: [], to: from } })).toBeNull();
  });

  it('shortens long quotes on a word boundary-ish, without trailing space', () => {
    expect(shorten('kort')).toBe('kort');
    expect(shorten('een  twee\n drie')).toBe('een twee drie');
    expect(shorten('a'.repeat(200), 10)).toBe(`${'a'.repeat(9)}…`);
  });
});
