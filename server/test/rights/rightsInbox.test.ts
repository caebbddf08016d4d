/**
 * Producers 'own-statement-added' and 'correction-requested' (issue #18) through the real routes: when the
 * young person adds an own statement or asks for a correction, the responsible gedragswetenschapper and
 * the holder of procesregie each get one inbox item (the statement links to its part of the document, the
 * request to the rights page with its answer date); other professionals get none, the writer gets none;
 * with the 'immediate' mail preference exactly one 'inbox-new' mail per item is queued, and neither the
 * item nor the mail carries the young person's words.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseDb } from '../../src/cases/caseDb.js';
import { inboxDb } from '../../src/inbox/inboxDb.js';
import {
  bornYearsAgo,
  type CaseHarness,
  type CaseTeam,
  caseWithTeam,
  START,
  startCaseServer,
  type TestUser,
} from '../cases/support.js';

let h: CaseHarness;
let team: CaseTeam;
const STATEMENT = 'Ik slaap slecht omdat het thuis laat onrustig is.';
const WHAT = 'Er staat dat ik wegloop, maar dat klopt niet.';

type Inbox = { items: { id: string; kind: string; link: string; params: Record<string, string> }[] };
const inbox = async (as: TestUser) => (await h.api<Inbox>(as, 'GET', '/api/inbox')).body.items;

const outbox = () =>
  inboxDb(h.services.db)
    .selectFrom('mail_outbox' as never)
    .selectAll()
    .execute() as Promise<Array<Record<string, unknown> & { idempotency_key: string; user_id: string; kind: string }>>;

beforeAll(async () => {
  h = await startCaseServer();
  team = await caseWithTeam(h, bornYearsAgo(START, 14, 10), 'Daan Visser');
  // The scientist answers for the analysis; the regisseur holds procesregie.
  await caseDb(h.db)
    .updateTable('cases')
    .set({ responsible_scientist_id: team.scientist.id, process_director_id: team.regisseur.id })
    .where('id', '=', team.caseId)
    .execute();
  await h.db.updateTable('users').set({ email: 'gert@example.nl' }).where('id', '=', team.scientist.id).execute();
  const pref = await h.api(team.scientist, 'PUT', '/api/me/mail-preference', { preference: 'immediate' });
  expect(pref.status).toBe(200);
});
afterAll(async () => {
  await h?.close();
});

describe('the professionals hear of a statement or a correction request', () => {
  it('an own statement: one item each for the responsible scientist and the process director, linking to the part', async () => {
    const mailsBefore = (await outbox()).length;
    const res = await h.api<{ statement: { id: string } }>(
      team.youngPerson,
      'POST',
      `/api/cases/${team.caseId}/statements`,
      {
        document: 'analysis',
        section: 'risicofactoren_jeugdige',
        text: STATEMENT,
      },
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    for (const who of [team.scientist, team.regisseur]) {
      const items = (await inbox(who)).filter((i) => i.kind === 'own-statement-added');
      expect(items).toHaveLength(1);
      expect(items[0]?.link).toBe(`/zaken/${team.caseId}/analyse#sectie-risicofactoren_jeugdige`);
      expect(items[0]?.params).toMatchObject({
        document: 'analysis',
        section: 'risicofactoren_jeugdige',
        byRole: 'jeugdige',
      });
      expect(JSON.stringify(items[0])).not.toContain('slaap');
    }
    // Not the provider (not answering for the file), not the writer.
    expect((await inbox(team.provider)).filter((i) => i.kind === 'own-statement-added')).toEqual([]);
    expect((await inbox(team.youngPerson)).filter((i) => i.kind === 'own-statement-added')).toEqual([]);
    // The scientist asked for mail at once: exactly one mail, with a link only.
    const mails = (await outbox()).slice(mailsBefore);
    expect(mails.map((m) => [m.user_id, m.kind])).toEqual([[team.scientist.id, 'inbox-new']]);
    expect(JSON.stringify(mails)).not.toContain('slaap');
  });

  it('a correction request: an item for those who answer it, linking to the rights page with its answer date', async () => {
    const mailsBefore = (await outbox()).length;
    const res = await h.api<{ correction: { id: string; dueBy: string } }>(
      team.youngPerson,
      'POST',
      `/api/cases/${team.caseId}/corrections`,
      { document: 'analysis', section: 'veiligheid', what: WHAT, why: 'Ik ben nooit weggelopen.' },
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    for (const who of [team.scientist, team.regisseur]) {
      const items = (await inbox(who)).filter((i) => i.kind === 'correction-requested');
      expect(items).toHaveLength(1);
      expect(items[0]?.link).toBe(`/zaken/${team.caseId}/rechten#verbeteren`);
      expect(items[0]?.params).toMatchObject({ document: 'analysis', section: 'veiligheid', byRole: 'jeugdige' });
      expect(Date.parse(items[0]?.params.dueBy ?? '')).toBeGreaterThan(Date.parse(START));
      expect(JSON.stringify(items[0])).not.toContain('weggelopen');
    }
    expect((await inbox(team.provider)).filter((i) => i.kind === 'correction-requested')).toEqual([]);
    const mails = (await outbox()).slice(mailsBefore);
    expect(mails.map((m) => [m.user_id, m.kind])).toEqual([[team.scientist.id, 'inbox-new']]);
    expect(JSON.stringify(mails)).not.toContain('weggelopen');
  });

  it('a refused statement (a section the writer may not read) adds no item', async () => {
    const before = (await inbox(team.scientist)).length;
    const res = await h.api(team.youngPerson, 'POST', `/api/cases/${team.caseId}/statements`, {
      document: 'analysis',
      section: 'bestaat_niet',
      text: STATEMENT,
    });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect((await inbox(team.scientist)).length).toBe(before);
  });
});
