/**
 * Endorsement pinned to a version, the sign-off rule and the 6-week clock, against a real server
 * (002 h1: "gedragen", "binnen 6 weken", "mijlpalen en overgangen"). The first three tests are the
 * reported defects: sign-off with zero endorsements, an endorsement that still counts after the text
 * changed, the clock that kept running after sign-off.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestAnalysisUpdate } from '../../src/endorsements/analysisState.js';
import { runAnalysisWatch } from '../../src/endorsements/outdated.js';
import { addParticipant } from '../support/caseFixture.js';
import { startTestServer } from '../support/testServer.js';
import type { TrackedClient } from '../support/trackedClient.js';
import { addHypothesis, addSummaryPoint, apiFor, caseWithPeople, connect, setParagraphs, write } from './support.js';

let now = new Date('2026-11-23T10:00:00Z');
let server: Awaited<ReturnType<typeof startTestServer>>;
let docId: string;
let caseId: string;
let people: Awaited<ReturnType<typeof caseWithPeople>>['people'];
let education: string;
let client: TrackedClient;

type ErrorBody = { error: { id: string; text: string } };
type Status = {
  currentHash: string;
  missing: string[];
  emptySections: string[];
  signedOff: { versionId: string; hash: string } | null;
  updateRequests: Array<{ reason: string }>;
  clock: { requestedAt: string | null; startedAt: string; dueAt: string; stoppedAt: string | null } | null;
};
type Endorsements = {
  endorsements: Array<{ person: { id: string }; outdatedAt?: string | null; versionHash?: string | null }>;
};

const api = (userId: string) => apiFor(server.services, server.url, userId);
const status = async (userId = people.scientist) =>
  (await (await (await api(userId)).get(`/documents/${docId}/sign-off`)).json()) as Status;
const endorse = async (userId: string, body: Record<string, unknown>) =>
  (await api(userId)).put(`/documents/${docId}/endorsement`, body);
const signOff = async (versionHash: string, userId = people.scientist) =>
  (await api(userId)).post(`/documents/${docId}/sign-off`, { versionHash });
const versions = async () =>
  ((await (await (await api(people.scientist)).get(`/documents/${docId}/versions`)).json()) as { versions: unknown[] })
    .versions;
const caseRow = () =>
  server.services.db.selectFrom('cases').selectAll().where('id', '=', caseId).executeTakeFirstOrThrow() as Promise<
    Record<string, unknown>
  >;
const inbox = (userId: string) =>
  server.services.db
    .selectFrom('inbox_items' as never)
    .select(['kind', 'key', 'link'] as never[])
    .where('user_id' as never, '=', userId as never)
    .execute() as Promise<Array<{ kind: string; key: string; link: string }>>;
async function refusal(res: Response, status: number, id: string) {
  expect(res.status).toBe(status);
  const body = (await res.json()) as ErrorBody;
  expect(body.error.id).toBe(id);
  return body.error.text;
}

beforeAll(async () => {
  server = await startTestServer({}, { clock: () => now });
  ({ docId, caseId, people } = await caseWithPeople(server.services, { dateOfBirth: '2011-01-10' }));
  education = await addParticipant(server.services.db, caseId, 'onderwijsconsulent', 'Els Onderwijs');
  client = await connect(server.wsUrl, docId, people.scientist);
  await write(client, (d) => {
    // The layout of 002 Bijlage 1, as a new analysis is written: the legacy "Problemen en krachten"
    // part (shown only when an old document holds words in it) stays empty.
    setParagraphs(d, 'hulpvraag_professionals', ['Noor gaat niet meer naar school.']);
    setParagraphs(d, 'probleemgedrag', ['Noor blijft thuis als er een toets is.']);
    setParagraphs(d, 'risicofactoren_jeugdige', ['Faalangst.']);
    setParagraphs(d, 'beschermende_factoren_jeugdige', ['Noor tekent graag.']);
    setParagraphs(d, 'risicofactoren_systeem', ['Weinig steun van school.']);
    setParagraphs(d, 'beschermende_factoren_systeem', ['Een betrokken oma.']);
    setParagraphs(d, 'aanknopingspunten', ['Twee ochtenden school met de mentor.']);
    addHypothesis(d, 'h1', 'Noor vermijdt school uit angst');
    addSummaryPoint(d, 's1', 'Noor gaat niet naar school uit angst.');
  });
});
afterAll(async () => {
  client?.destroy();
  await server?.close();
});

describe('defects (002 h1 "gedragen", "binnen 6 weken")', () => {
  it('an analysis in the Bijlage 1 layout is not refused for the old "Problemen en krachten" part it never shows', async () => {
    // The legacy part is on the page only while an old document holds words in it: requiring it made
    // every analysis written in the new layout impossible to sign off.
    const s = await status();
    expect(s.emptySections).toEqual([]);
    expect(s.missing).not.toContain('signoff_required_empty');
  });

  it('a sign-off with zero endorsements is refused with Dutch words, and nothing is written', async () => {
    const { currentHash, missing } = await status();
    expect(missing).toEqual(['signoff_not_endorsed', 'signoff_education_missing']);
    const text = await refusal(await signOff(currentHash), 409, 'signoff_not_endorsed');
    expect(text).toMatch(/jeugdige of een ouder moet eerst instemmen/);
    expect(await versions()).toEqual([]);
    expect((await caseRow()).analysis_completed_at).toBeNull();
  });

  it('an endorsement of text that changed no longer counts, says so, and asks the person again', async () => {
    const before = await status(people.parent);
    expect((await endorse(people.parent, { stance: 'agree', versionHash: before.currentHash })).status).toBe(200);
    expect(
      (await endorse(education, { stance: 'agree', versionHash: (await status(education)).currentHash })).status,
    ).toBe(200);
    expect((await status()).missing).toEqual([]);

    await write(client, (d) => setParagraphs(d, 'aanknopingspunten', ['Eerst thuis rust, dan school.']));
    const read = (await (
      await (await api(people.parent)).get(`/documents/${docId}/endorsements`)
    ).json()) as Endorsements;
    const parent = read.endorsements.find((e) => e.person.id === people.parent);
    expect(parent?.outdatedAt).toBeTruthy();
    expect(await inbox(people.parent)).toEqual([
      {
        kind: 'endorsement-outdated',
        key: `endorsement-outdated:${docId}:${before.currentHash}`,
        link: `/zaken/${caseId}/analyse`,
      },
    ]);
    const after = await status();
    expect(after.missing).toEqual(['signoff_not_endorsed']);
    await refusal(await signOff(after.currentHash), 409, 'signoff_not_endorsed');
    expect(await versions()).toEqual([]);

    // Agreeing again with the hash of the text read before: refused, the text changed.
    const stale = await endorse(people.parent, { stance: 'agree', versionHash: before.currentHash });
    expect(await refusal(stale, 409, 'text_changed')).toMatch(/tekst is intussen veranderd/);
    const again = await status(people.parent);
    expect((await endorse(people.parent, { stance: 'agree', versionHash: again.currentHash })).status).toBe(200);
    expect((await status()).missing).toEqual([]);
  });

  it('the sign-off stops the 6-week clock, pins the version and lists the dissent next to it', async () => {
    const remarks = await endorse(people.youngPerson, {
      stance: 'disagree',
      words: 'Ik wil niet dat school eerst komt.',
      versionHash: (await status(people.youngPerson)).currentHash,
    });
    expect(remarks.status).toBe(200);
    const { currentHash } = await status();
    const res = await signOff(currentHash);
    expect(res.status).toBe(201);
    const body = (await res.json()) as { version: { id: string }; hash: string; dissent: Array<{ words: string }> };
    expect(body.dissent.map((d) => d.words)).toEqual(['Ik wil niet dat school eerst komt.']);
    expect((await caseRow()).analysis_completed_at).toBe(now.toISOString());
    const after = await status();
    expect(after.clock?.stoppedAt).toBe(now.toISOString());
    expect(after.signedOff).toEqual({ versionId: body.version.id, signedOffAt: now.toISOString(), hash: body.hash });
    // The export of the signed-off version shows the dissent under its own heading, never hides it.
    const md = await (
      await (await api(people.scientist)).get(`/documents/${docId}/versions/${body.version.id}/export.md`)
    ).text();
    expect(md).toContain(
      '## Niet eens of met opmerkingen\n\n- Noor (jeugdige): oneens — “Ik wil niet dat school eerst komt.”',
    );
    now = new Date('2027-01-05T10:00:00Z'); // past the 6 weeks from the registration (2026-11-23)
    const escalation = (await (await (await api(people.scientist)).get(`/cases/${caseId}/escalation`)).json()) as {
      notices: Array<{ kind: string }>;
    };
    expect(escalation.notices.map((n) => n.kind)).not.toContain('analysis-due');
  });
});

describe('the sign-off rule on the server (002 h1, bijlage 1)', () => {
  it('refuses a hash the person was not shown, and a client sending no hash', async () => {
    const res = await signOff('0'.repeat(64));
    expect(await refusal(res, 409, 'text_changed')).toMatch(/Lees hem opnieuw/);
    const noHash = await (await api(people.parent)).put(`/documents/${docId}/endorsement`, { stance: 'agree' });
    expect(noHash.status).toBe(400);
  });

  it('only professionals record the facts, on the analysis only; bad facts are refused', async () => {
    const parentTry = await (await api(people.parent)).put(`/documents/${docId}/sign-off-facts`, {
      kind: 'education-consulted',
      words: 'Els',
      consultedOn: '2026-11-20',
    });
    expect(parentTry.status).toBe(403);
    const bad = await (await api(people.scientist)).put(`/documents/${docId}/sign-off-facts`, {
      kind: 'no-endorsement-reason',
      words: '   ',
      childViewRecorded: true,
    });
    expect(bad.status).toBe(400);
    const plan = await (await api(people.scientist)).put(`/documents/${caseId}.futurePlan/sign-off-facts`, {
      kind: 'education-consulted',
      words: 'Els',
      consultedOn: '2026-11-20',
    });
    expect(await refusal(plan, 409, 'signoff_wrong_document')).toMatch(/verklarende analyse/);
  });

  it('a required section emptied: refused, naming nothing half-written', async () => {
    await write(client, (d) => setParagraphs(d, 'risicofactoren_systeem', []));
    const s = await status();
    expect(s.emptySections).toEqual(['risicofactoren_systeem']);
    const before = (await versions()).length;
    expect(await refusal(await signOff(s.currentHash), 409, 'signoff_required_empty')).toMatch(/verplicht onderdeel/);
    expect((await versions()).length).toBe(before);
  });
});

describe('milestones and transitions (002 h1 "mijlpalen en overgangen")', () => {
  it('a change after sign-off, the 16th birthday, a new provider and a placement ask the owner to update', async () => {
    const owner = people.scientist;
    // The change above (a required section emptied) came after the sign-off.
    await runAnalysisWatch(server.services, now);
    now = new Date('2027-01-10T00:00:00Z'); // Amsterdam midnight of the 16th birthday is 2027-01-09T23:00Z
    await runAnalysisWatch(server.services, now);
    await addParticipant(server.services.db, caseId, 'jeugdhulpaanbieder', 'Nieuwe Aanbieder');
    await server.services.db
      .updateTable('participants')
      .set({ added_at: now.toISOString() })
      .where('case_id', '=', caseId)
      .where('role', '=', 'jeugdhulpaanbieder')
      .execute();
    now = new Date('2027-01-11T00:00:00Z');
    await runAnalysisWatch(server.services, now);
    await server.services.db.transaction().execute((trx) => requestAnalysisUpdate(trx, caseId, 'new-placement', now));
    const reasons = (await status()).updateRequests.map((r) => r.reason);
    expect(reasons.sort()).toEqual(['changed-after-sign-off', 'new-placement', 'new-provider', 'turned-16']);
    const items = (await inbox(owner)).filter((i) => i.kind === 'analysis-update-requested');
    expect(items).toHaveLength(4);
    // A second run asks nothing twice.
    await runAnalysisWatch(server.services, now);
    expect((await inbox(owner)).filter((i) => i.kind === 'analysis-update-requested')).toHaveLength(4);
  });

  it('a new sign-off answers the requests', async () => {
    await write(client, (d) => setParagraphs(d, 'risicofactoren_systeem', ['Weinig steun van school, nu een mentor.']));
    for (const who of [people.youngPerson])
      await endorse(who, { stance: 'agree', versionHash: (await status(who)).currentHash });
    expect((await signOff((await status()).currentHash)).status).toBe(201);
    expect((await status()).updateRequests).toEqual([]);
  });

  it('"analyse aangevraagd" starts the clock once; only professionals record it', async () => {
    // (The parents lost access at Noor's 16th birthday above; the young person is the client here.)
    expect((await (await api(people.youngPerson)).post(`/documents/${docId}/analysis-request`)).status).toBe(403);
    const res = await (await api(people.localTeam)).post(`/documents/${docId}/analysis-request`);
    expect(res.status).toBe(201);
    const { clock } = (await res.json()) as { clock: { requestedAt: string; dueAt: string } };
    expect(clock.requestedAt).toBe(now.toISOString());
    expect(clock.dueAt).toBe('2027-02-22T00:00:00.000Z');
    const again = await (await api(people.localTeam)).post(`/documents/${docId}/analysis-request`);
    expect(await refusal(again, 409, 'analysis_already_requested')).toMatch(/al aangevraagd/);
  });
});

describe('a child under 12: a recorded reason and the child’s view (002 h1 "gedragen"; domain §1)', () => {
  it('refuses a reason without the child’s view, accepts it with, and education consulted', async () => {
    const young = await caseWithPeople(server.services, { dateOfBirth: '2017-03-01', name: 'Sem Jansen' });
    const path = `/documents/${young.docId}`;
    const gw = await api(young.people.scientist);
    const writer = await connect(server.wsUrl, young.docId, young.people.scientist);
    try {
      await write(writer, (d) => {
        setParagraphs(d, 'hulpvraag_professionals', ['Sem slaat op school.']);
        setParagraphs(d, 'probleemgedrag', ['Sem slaat als het druk is.']);
        setParagraphs(d, 'risicofactoren_jeugdige', ['Snel overprikkeld.']);
        setParagraphs(d, 'beschermende_factoren_jeugdige', ['Sem is sterk in voetbal.']);
        setParagraphs(d, 'risicofactoren_systeem', ['Drukke klas.']);
        setParagraphs(d, 'beschermende_factoren_systeem', ['Vaste juf.']);
        setParagraphs(d, 'aanknopingspunten', ['Voorspelbare dag.']);
        addHypothesis(d, 'h1', 'Sem raakt overprikkeld');
        addSummaryPoint(d, 's1', 'Sem raakt overprikkeld in een drukke klas.');
      });
      const fact = (body: Record<string, unknown>) => gw.put(`${path}/sign-off-facts`, body);
      expect((await fact({ kind: 'no-endorsement-reason', words: 'Sem is 9.', childViewRecorded: false })).status).toBe(
        200,
      );
      expect((await fact({ kind: 'education-consulted', words: 'Els (SWV)', consultedOn: '2026-11-20' })).status).toBe(
        200,
      );
      const hash = async () => ((await (await gw.get(`${path}/sign-off`)).json()) as Status).currentHash;
      const refused = await gw.post(`${path}/sign-off`, { versionHash: await hash() });
      expect(await refusal(refused, 409, 'signoff_child_view_missing')).toMatch(/mening van het kind/);
      expect((await fact({ kind: 'no-endorsement-reason', words: 'Sem is 9.', childViewRecorded: true })).status).toBe(
        200,
      );
      expect((await gw.post(`${path}/sign-off`, { versionHash: await hash() })).status).toBe(201);
    } finally {
      writer.destroy();
    }
  });
});
