/** Endorsement (gedragen), the behavioural scientist's sign-off, and votes on hypotheses. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addParticipant, createCase } from '../support/caseFixture.js';
import { startTestServer } from '../support/testServer.js';
import type { TrackedClient } from '../support/trackedClient.js';
import {
  addHypothesis,
  apiFor,
  caseWithPeople,
  connect,
  currentHash,
  endorseNow,
  satisfySignOffRule,
  setParagraphs,
  signOffNow,
  write,
} from './support.js';

const now = new Date('2026-11-23T10:00:00Z');
let server: Awaited<ReturnType<typeof startTestServer>>;
let docId: string;
let caseId: string;
let people: Awaited<ReturnType<typeof caseWithPeople>>['people'];
let client: TrackedClient;

beforeAll(async () => {
  server = await startTestServer({}, { clock: () => now });
  ({ docId, caseId, people } = await caseWithPeople(server.services));
  client = await connect(server.wsUrl, docId, people.scientist);
  await write(client, (d) => {
    setParagraphs(d, 'aanknopingspunten', ['Noor gaat weer twee ochtenden naar school.']);
    addHypothesis(d, 'h1', 'Noor vermijdt school uit angst');
  });
});
afterAll(async () => {
  client?.destroy();
  await server?.close();
});

type Endorsements = {
  endorsements: Array<{ person: { id: string; role: string }; stance: string; words: string | null }>;
  history: Array<{ person: { id: string }; stance: string; supersededAt: string | null }>;
};
const api = (userId: string) => apiFor(server.services, server.url, userId);
const endorsements = async () =>
  (await (await (await api(people.scientist)).get(`/documents/${docId}/endorsements`)).json()) as Endorsements;
const errorOf = async (res: Response) => ((await res.json()) as { error: { message: string } }).error.message;

describe('endorsement', () => {
  it('remarks and disagreement need words; bad input writes nothing', async () => {
    const parent = await api(people.parent);
    const versionHash = await currentHash(parent, docId);
    for (const body of [
      { stance: 'disagree' },
      { stance: 'agree-with-remarks', words: '   ' },
      { stance: 'misschien', words: 'weet niet' },
      { words: 'alleen woorden' },
      { stance: 'agree', words: 'x'.repeat(4001) },
    ]) {
      const res = await parent.put(`/documents/${docId}/endorsement`, { ...body, versionHash });
      expect(res.status).toBe(400);
      expect(await errorOf(res)).toMatch(/words|stance/);
    }
    expect(
      await errorOf(await parent.put(`/documents/${docId}/endorsement`, { stance: 'disagree', versionHash })),
    ).toBe('words: words are required when you agree with remarks or disagree');
    expect((await endorsements()).history).toEqual([]);
  });

  it('the young person endorses in their own words, kept as written', async () => {
    const youngPerson = await api(people.youngPerson);
    const res = await endorseNow(youngPerson, docId, {
      stance: 'agree-with-remarks',
      words: '  Ik wil wel dat mijn mentor meedenkt, niet alleen mama.  ',
    });
    expect(res.status).toBe(200);
    const { endorsements: current } = await endorsements();
    expect(current).toEqual([
      expect.objectContaining({
        person: expect.objectContaining({ id: people.youngPerson, role: 'jeugdige', name: 'Noor' }),
        stance: 'agree-with-remarks',
        words: 'Ik wil wel dat mijn mentor meedenkt, niet alleen mama.',
      }),
    ]);
  });

  it('one current stance per person; earlier stances stay in the history', async () => {
    const parent = await api(people.parent);
    expect((await endorseNow(parent, docId, { stance: 'agree' })).status).toBe(200);
    expect(
      (
        await endorseNow(parent, docId, {
          stance: 'disagree',
          words: 'School is het probleem niet.',
        })
      ).status,
    ).toBe(200);
    const { endorsements: current, history } = await endorsements();
    expect(current.filter((e) => e.person.id === people.parent)).toEqual([
      expect.objectContaining({ stance: 'disagree', words: 'School is het probleem niet.' }),
    ]);
    const parentHistory = history.filter((e) => e.person.id === people.parent);
    expect(parentHistory.map((e) => [e.stance, e.supersededAt !== null])).toEqual([
      ['agree', true],
      ['disagree', false],
    ]);
  });

  it('only participants with access endorse', async () => {
    const otherCase = await createCase(server.services.db, { dateOfBirth: '2011-01-01' });
    const outsider = await api(await addParticipant(server.services.db, otherCase, 'gedragswetenschapper'));
    const res = await outsider.put(`/documents/${docId}/endorsement`, { stance: 'agree', versionHash: 'a'.repeat(64) });
    expect(res.status).toBe(404);
    // A director in a breakthrough session reads the analysis; endorsing it is not theirs to do.
    const director = await api(await addParticipant(server.services.db, caseId, 'dbt-lid'));
    const denied = await endorseNow(director, docId, { stance: 'agree' }); // the director reads: their hash is real
    expect(denied.status).toBe(403);
    expect((await endorsements()).endorsements.map((e) => e.person.id).sort()).toEqual(
      [people.parent, people.youngPerson].sort(),
    );
  });
});

describe('sign-off by the responsible behavioural scientist', () => {
  it('is refused to anyone else, and nothing is written', async () => {
    const otherScientist = await addParticipant(server.services.db, caseId, 'gedragswetenschapper', 'Tweede GW');
    for (const userId of [people.localTeam, people.youngPerson, people.parent, otherScientist]) {
      const res = await signOffNow(await api(userId), docId);
      expect(res.status).toBe(403);
      expect(await errorOf(res)).toMatch(/responsible behavioural scientist/);
    }
    const list = await (await (await api(people.scientist)).get(`/documents/${docId}/versions`)).json();
    expect(list).toEqual({ versions: [] });
  });

  it('fixes a "vastgesteld" version with the endorsements of that moment', async () => {
    const scientist = await api(people.scientist);
    await endorseNow(scientist, docId, { stance: 'agree' });
    await satisfySignOffRule(scientist, client, docId);
    const res = await signOffNow(scientist, docId);
    expect(res.status).toBe(201);
    const { version } = (await res.json()) as { version: { id: string; name: string; kind: string } };
    expect(version).toMatchObject({ name: 'vastgesteld 2026-11-23', kind: 'signed-off' });

    // A later change of mind does not change what was signed off.
    await endorseNow(await api(people.parent), docId, { stance: 'agree' });
    const read = (await (await scientist.get(`/documents/${docId}/versions/${version.id}`)).json()) as {
      version: { kind: string };
      endorsements: Array<{ person: { id: string }; stance: string; words: string | null }>;
      sections: Record<string, { text?: string }>;
    };
    expect(read.version.kind).toBe('signed-off');
    expect(read.sections.aanknopingspunten?.text).toBe('Noor gaat weer twee ochtenden naar school.');
    const byPerson = Object.fromEntries(read.endorsements.map((e) => [e.person.id, [e.stance, e.words]]));
    expect(byPerson).toEqual({
      [people.youngPerson]: ['agree-with-remarks', 'Ik wil wel dat mijn mentor meedenkt, niet alleen mama.'],
      [people.parent]: ['disagree', 'School is het probleem niet.'],
      [people.scientist]: ['agree', null],
    });
  });
});

describe('votes on hypotheses', () => {
  it('records one current vote per person on a hypothesis that exists', async () => {
    const parent = await api(people.parent);
    const scientist = await api(people.scientist);
    expect((await parent.put(`/documents/${docId}/hypotheses/h1/vote`, { agree: true })).status).toBe(200);
    await scientist.put(`/documents/${docId}/hypotheses/h1/vote`, { agree: true });
    const res = await parent.put(`/documents/${docId}/hypotheses/h1/vote`, { agree: false });
    const { tally } = (await res.json()) as {
      tally: { agree: Array<{ id: string }>; disagree: Array<{ id: string }> };
    };
    expect(tally.agree.map((p) => p.id)).toEqual([people.scientist]);
    expect(tally.disagree.map((p) => p.id)).toEqual([people.parent]);

    // Everyone who may read the hypotheses sees everyone's current view, before voting themselves.
    const youngPerson = await api(people.youngPerson);
    const all = await youngPerson.get(`/documents/${docId}/hypotheses/votes`);
    expect(all.status).toBe(200);
    const { tallies } = (await all.json()) as {
      tallies: Array<{ hypothesisId: string; agree: Array<{ id: string }>; disagree: Array<{ id: string }> }>;
    };
    expect(tallies.map((t) => [t.hypothesisId, t.agree.map((p) => p.id), t.disagree.map((p) => p.id)])).toEqual([
      ['h1', [people.scientist], [people.parent]],
    ]);
    const noHypotheses = await scientist.get(`/documents/${caseId}.futurePlan/hypotheses/votes`);
    expect(noHypotheses.status).toBe(404);
    expect(await errorOf(noHypotheses)).toBe('this document has no hypotheses');
  });

  it('refuses unknown hypotheses, documents without hypotheses and bad input', async () => {
    const parent = await api(people.parent);
    const unknown = await parent.put(`/documents/${docId}/hypotheses/h9/vote`, { agree: true });
    expect(unknown.status).toBe(404);
    expect(await errorOf(unknown)).toBe('no hypothesis "h9" in this document');
    const bad = await parent.put(`/documents/${docId}/hypotheses/h1/vote`, { agree: 'ja' });
    expect(bad.status).toBe(400);
    expect(await errorOf(bad)).toMatch(/^agree: /);
    const plan = await parent.put(`/documents/${caseId}.futurePlan/hypotheses/h1/vote`, { agree: true });
    expect(plan.status).toBe(404);
  });
});
