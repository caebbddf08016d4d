/**
 * Registering a case (issue "Register a case"): one transaction creates the case, its two documents,
 * its first participants and (through its creation time) its clocks; a young person with an open case,
 * an unknown region and bad or future dates are refused in Dutch with nothing written. And the team on
 * the case page: ending access needs a reason (stored and logged), procesregie is handed over by its
 * holder or the RET procesregisseur, and an invitation to a role the inviter may not invite is refused.
 */
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bornYearsAgo,
  type CaseHarness,
  type CaseTeam,
  caseWithTeam,
  lastSeq,
  logSince,
  START,
  startCaseServer,
  type TestUser,
} from './support.js';

let h: CaseHarness;
let registrant: TestUser;
let scientist: TestUser;

beforeAll(async () => {
  h = await startCaseServer();
  registrant = await h.user({ role: 'lokaal-team', name: 'Lotte Lokaal', organisation: 'Lokaal team Hoorn' });
  scientist = await h.user({ role: 'gedragswetenschapper', name: 'Gijs Gedrag' });
});
afterAll(async () => {
  await h?.close();
});

const registration = (over: Record<string, unknown> = {}, young: Record<string, unknown> = {}) => ({
  youngPerson: { name: 'Daan Bakker', dateOfBirth: bornYearsAgo(START, 16, 10), municipality: 'Hoorn', ...young },
  region: 'West-Friesland',
  requester: 'ouder',
  question: 'Daan gaat al drie maanden niet naar school; wat helpt hem?',
  responsibleScientistId: scientist.id,
  ...over,
});

// biome-ignore lint/suspicious/noExplicitAny: the tables of several features, read plainly
const rawDb = () => h.db as unknown as Kysely<any>;

/** The Dutch words of an error answer. */
const textOf = (r: { body: { error?: unknown } }) => (r.body.error as { text?: string } | undefined)?.text;

async function count(table: string): Promise<number> {
  const row = await rawDb()
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function counts() {
  const n = count;
  return { cases: await n('cases'), participants: await n('participants'), documents: await n('case_documents') };
}

describe('POST /api/cases (registration)', () => {
  it('creates the case with who asked and what for, its two documents, its participants and its clocks', async () => {
    const res = await h.api<{ case: Record<string, unknown> & { id: string } }>(
      registrant,
      'POST',
      '/api/cases',
      registration(),
    );
    expect(res.status).toBe(201);
    const c = res.body.case;
    expect(c).toMatchObject({
      requester: 'ouder',
      question: 'Daan gaat al drie maanden niet naar school; wat helpt hem?',
      // A parent's question counts as the parents' registration in the monitor (domain brief §6).
      registeredBy: 'ouders',
      status: 'aanmelding',
      // Procesregie starts with the responsible scientist when the registrant does not direct processes.
      processDirectorId: scientist.id,
    });
    const docs: Array<{ type: string }> = await rawDb()
      .selectFrom('case_documents')
      .select('type')
      .where('case_id', '=', c.id)
      .execute();
    expect(docs.map((d) => d.type).sort()).toEqual(['analysis', 'futurePlan']);
    const people = await h.db
      .selectFrom('participants')
      .select(['user_id', 'role'])
      .where('case_id', '=', c.id)
      .orderBy('role')
      .execute();
    expect(people).toEqual([
      { user_id: scientist.id, role: 'gedragswetenschapper' },
      { user_id: registrant.id, role: 'lokaal-team' },
    ]);
    const clocks = await h.api<{ notices: Array<{ kind: string }> }>(
      registrant,
      'GET',
      `/api/cases/${c.id}/escalation`,
    );
    expect(clocks.status).toBe(200);
    // The analysis is due 6 weeks after registration; a 16-year-old needs a future plan.
    expect(clocks.body.notices.map((n) => n.kind)).toContain('analysis-due');
  });

  it('refuses the same young person (name normalised, date of birth, municipality) with an open case: 409, nothing created', async () => {
    const before = await counts();
    const seq = await lastSeq(h.db);
    const res = await h.api(
      scientist,
      'POST',
      '/api/cases',
      registration({ requester: 'professional' }, { name: '  daan   BAKKER ', municipality: 'hoorn' }),
    );
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ id: 'duplicate_young_person' });
    expect(textOf(res)).toMatch(/heeft al een open zaak/);
    expect(await counts()).toEqual(before);
    const log = await logSince(h.db, seq);
    expect(log.map((e) => [e.event, e.outcome, e.case_id])).toEqual([['create', 'failure', null]]);
    // Another municipality is another young person.
    const other = await h.api(scientist, 'POST', '/api/cases', registration({}, { municipality: 'Enkhuizen' }));
    expect(other.status).toBe(201);
  });

  it('refuses an unknown region with its own Dutch words, nothing created', async () => {
    const before = await counts();
    const res = await h.api(
      registrant,
      'POST',
      '/api/cases',
      registration({ region: 'Utrecht' }, { name: 'Iemand Anders' }),
    );
    expect([res.status, res.body.error?.id]).toEqual([400, 'unknown_region']);
    expect(textOf(res)).toBe('Kies een van de negen jeugdregio’s van Noord-Holland.');
    expect(await counts()).toEqual(before);
  });

  it.each([
    ['2012-02-30', 'not a calendar date'],
    ['30-01-2012', 'not YYYY-MM-DD'],
    ['2099-01-01', 'in the future'],
    ['1990-01-01', 'too old for youth care'],
  ])('refuses date of birth %s (%s): 400 invalid_date_of_birth, nothing created', async (dateOfBirth) => {
    const before = await counts();
    const res = await h.api(registrant, 'POST', '/api/cases', registration({}, { name: 'Bo Datum', dateOfBirth }));
    expect([res.status, res.body.error?.id]).toEqual([400, 'invalid_date_of_birth']);
    expect(textOf(res)).toBe('De geboortedatum klopt niet.');
    expect(await counts()).toEqual(before);
  });

  it('refuses an unknown requester (400) and keeps requester optional for older clients', async () => {
    const bad = await h.api(
      registrant,
      'POST',
      '/api/cases',
      registration({ requester: 'buurman' }, { name: 'Bo Buur' }),
    );
    expect([bad.status, bad.body.error?.id]).toEqual([400, 'invalid_request']);
    const plain = await h.api<{ case: { requester: null; question: null } }>(registrant, 'POST', '/api/cases', {
      youngPerson: { name: 'Bo Zonder', dateOfBirth: bornYearsAgo(START, 10), municipality: 'Hoorn' },
      region: 'West-Friesland',
    });
    expect(plain.status).toBe(201);
    expect(plain.body.case).toMatchObject({ requester: null, question: null });
  });
});

describe('GET /api/directory/professionals', () => {
  it('finds active professionals by role and name: name, role, organisation only; the search is logged', async () => {
    const seq = await lastSeq(h.db);
    const res = await h.api<{ professionals: Array<Record<string, unknown>> }>(
      registrant,
      'GET',
      '/api/directory/professionals?role=gedragswetenschapper&q=gijs',
    );
    expect(res.status).toBe(200);
    expect(res.body.professionals).toEqual([
      {
        userId: scientist.id,
        name: 'Gijs Gedrag',
        role: 'gedragswetenschapper',
        organisation: 'Organisatie gedragswetenschapper',
      },
    ]);
    const log = await logSince(h.db, seq);
    expect(log.map((e) => [e.event, e.outcome, e.detail])).toEqual([
      [
        'search',
        'success',
        'GET /api/directory/professionals professional directory role=gedragswetenschapper answers=1',
      ],
    ]);
  });

  it('is not for clients (403) nor a municipality role, and refuses a role that never takes part', async () => {
    const client = await h.user({ client: true });
    expect((await h.api(client, 'GET', '/api/directory/professionals')).status).toBe(403);
    expect((await h.api(await h.user({ role: 'gemeente' }), 'GET', '/api/directory/professionals')).status).toBe(403);
    expect((await h.api(registrant, 'GET', '/api/directory/professionals?role=gemeente')).status).toBe(400);
  });
});

describe('team management', () => {
  let team: CaseTeam;
  beforeAll(async () => {
    team = await caseWithTeam(h, bornYearsAgo(START, 14), 'Fenna Visser');
  });

  it('ending access needs a reason: 400 reason_required, nobody removed; with a reason it is stored and logged', async () => {
    const url = `/api/cases/${team.caseId}/participants/${team.provider.id}`;
    const seq = await lastSeq(h.db);
    const without = await h.api(team.regisseur, 'DELETE', url, { reason: '   ' });
    expect([without.status, without.body.error?.id]).toEqual([400, 'reason_required']);
    expect(textOf(without)).toMatch(/^Schrijf op waarom/);
    expect((await h.api(team.provider, 'GET', `/api/cases/${team.caseId}`)).status).toBe(200);
    const ok = await h.api(team.regisseur, 'DELETE', url, { reason: 'Hulp is overgedragen aan een andere aanbieder' });
    expect(ok.status).toBe(204);
    const stored = await rawDb()
      .selectFrom('participant_removals')
      .selectAll()
      .where('case_id', '=', team.caseId)
      .execute();
    expect(stored).toMatchObject([
      {
        user_id: team.provider.id,
        role: 'jeugdhulpaanbieder',
        reason: 'Hulp is overgedragen aan een andere aanbieder',
      },
    ]);
    const log = await logSince(h.db, seq);
    const removals = log.filter((e) => e.detail.startsWith('DELETE'));
    expect(removals.map((e) => [e.outcome, e.detail.replace(/^DELETE \S+ /, '')])).toEqual([
      ['failure', `participant ${team.provider.id}: reason: ending access needs a reason`],
      [
        'success',
        `participant removed: ${team.provider.id} (jeugdhulpaanbieder); reason: Hulp is overgedragen aan een andere aanbieder`,
      ],
    ]);
    // The young person sees the entry (with its reason) in "who looked at my dossier".
    const seen = await h.api<{ entries: Array<{ what: string }> }>(
      team.regisseur,
      'GET',
      `/api/cases/${team.caseId}/access-log`,
    );
    expect(seen.body.entries.some((e) => e.what.includes('reason: Hulp is overgedragen'))).toBe(true);
  });

  it('hands over procesregie: the holder or the RET procesregisseur, only to a director on the case', async () => {
    const url = `/api/cases/${team.caseId}/process-direction`;
    const second = await h.user({ role: 'gedragswetenschapper', name: 'Tweede Gedrag' });
    expect(
      (
        await h.api(team.regisseur, 'POST', `/api/cases/${team.caseId}/participants`, {
          userId: second.id,
          role: 'gedragswetenschapper',
        })
      ).status,
    ).toBe(201);
    // The regisseur registered the case and holds procesregie; the scientist (not the holder) may not hand it over.
    const detail = await h.api<{ case: { processDirectorId: string } }>(
      team.regisseur,
      'GET',
      `/api/cases/${team.caseId}`,
    );
    expect(detail.body.case.processDirectorId).toBe(team.regisseur.id);
    const seq = await lastSeq(h.db);
    const notHolder = await h.api(team.scientist, 'POST', url, { userId: second.id });
    expect([notHolder.status, notHolder.body.error?.id]).toEqual([403, 'not_process_director']);
    expect(await logSince(h.db, seq)).toMatchObject([{ event: 'update', outcome: 'denied' }]);
    // A contributing professional does not direct at all (the gate).
    const parentTry = await h.api(team.parent, 'POST', url, { userId: second.id });
    expect(parentTry.status).toBe(403);
    // Not to someone who cannot direct, nor to someone not on the case.
    const toParent = await h.api(team.regisseur, 'POST', url, { userId: team.parent.id });
    expect([toParent.status, toParent.body.error?.id]).toEqual([400, 'invalid_process_director']);
    const toStranger = await h.api(team.regisseur, 'POST', url, { userId: scientist.id });
    expect([toStranger.status, toStranger.body.error?.id]).toEqual([400, 'invalid_process_director']);
    const ok = await h.api<{ processDirectorId: string }>(team.regisseur, 'POST', url, { userId: team.scientist.id });
    expect([ok.status, ok.body.processDirectorId]).toEqual([200, team.scientist.id]);
    // Now the scientist holds it and hands it on.
    const on = await h.api(team.scientist, 'POST', url, { userId: second.id });
    expect(on.status).toBe(200);
    const after = await h.api<{ case: { processDirectorId: string } }>(
      team.regisseur,
      'GET',
      `/api/cases/${team.caseId}`,
    );
    expect(after.body.case.processDirectorId).toBe(second.id);
  });

  it('an invitation to a role the inviter may not invite: 403 invite_not_allowed in Dutch, nothing created', async () => {
    const before = await count('invitations');
    // The behavioural scientist did not register the case: the parents are invited by the registrant or the RET.
    const res = await h.api(team.scientist, 'POST', `/api/cases/${team.caseId}/invitations`, {
      role: 'ouder',
      name: 'Vader Visser',
    });
    expect([res.status, res.body.error?.id]).toEqual([403, 'invite_not_allowed']);
    expect(textOf(res)).toMatch(/^Met jouw rol mag je deze persoon niet uitnodigen/);
    const after = await count('invitations');
    expect(after).toBe(before);
    // The RET procesregisseur may; the code is answered once, to pass on by letter or SMS.
    const ok = await h.api<{ code: string; link: string }>(
      team.regisseur,
      'POST',
      `/api/cases/${team.caseId}/invitations`,
      {
        role: 'ouder',
        name: 'Vader Visser',
      },
    );
    expect(ok.status).toBe(201);
    expect(ok.body.code).toMatch(/\S{6,}/);
  });
});
