/**
 * Issue 12, critical 2: an invitation must not be a side door into the case. The three attack paths,
 * against the real server: a Doorbraakteam director whose access ended, a cliëntondersteuner and an
 * onderwijsconsulent each try to invite a second "young person" and accept it themself. Plus the rules
 * that close the door: one young person per case, the young person's invitation bound to the date of
 * birth recorded at registration, and every invitation's life in the young person's access log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logAllExpiredInvitations } from '../../src/identity/invitationCommands.js';
import {
  addEndedDirector,
  bornYearsAgo,
  type CaseHarness,
  type CaseTeam,
  caseWithTeam,
  lastSeq,
  logSince,
  START,
  startCaseServer,
  type TestUser,
} from '../cases/support.js';

const DAY = 24 * 3600_000;
let h: CaseHarness;
let team: CaseTeam;
const DOB = bornYearsAgo(START, 14);

interface Created {
  invitationId: string;
  code: string;
}

async function countOf(table: 'invitations' | 'users' | 'participants'): Promise<number> {
  const row = await h.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function join(role: 'onderwijsconsulent' | 'clientondersteuner'): Promise<TestUser> {
  const u = await h.user({ role });
  const added = await h.api(team.regisseur, 'POST', `/api/cases/${team.caseId}/participants`, { userId: u.id, role });
  expect(added.status, JSON.stringify(added.body)).toBe(201);
  return u;
}

/** The attack: invite a "young person", accept it with a login of one's own, then read and export the case. */
async function attack(as: TestUser) {
  const before = { invitations: await countOf('invitations'), users: await countOf('users') };
  const invited = await h.api<Created>(as, 'POST', `/api/cases/${team.caseId}/invitations`, {
    role: 'jeugdige',
    name: 'Noor (echt waar)',
  });
  let accepted = null;
  if (invited.status === 201) {
    accepted = await h.api(null, 'POST', `/api/invitations/${invited.body.invitationId}/accept`, {
      code: invited.body.code,
      login: `sidedoor-${as.id.slice(0, 6)}`,
      password: 'een lang wachtwoord',
      dateOfBirth: DOB,
    });
  }
  return { invited, accepted, before };
}

beforeAll(async () => {
  h = await startCaseServer();
  team = await caseWithTeam(h, DOB);
});
afterAll(async () => {
  await h?.close();
});

describe('the three side doors are shut', () => {
  it('a Doorbraakteam director whose access ended cannot invite: 404, as if the case did not exist', async () => {
    const director = await h.user({ role: 'dbt-lid', name: 'Dirk Directeur' });
    await addEndedDirector(h, team, director);
    const seq = await lastSeq(h.db);
    const { invited, accepted, before } = await attack(director);
    const unknown = await h.api(director, 'POST', '/api/cases/no-such-case/invitations', { role: 'ouder', name: 'X' });
    expect([invited.status, invited.body]).toEqual([404, unknown.body]);
    expect(accepted).toBeNull();
    expect(await countOf('invitations')).toBe(before.invitations);
    const log = await logSince(h.db, seq);
    expect(log[0]).toMatchObject({ case_id: team.caseId, user_id: director.id, outcome: 'denied' });
  });

  it('a cliëntondersteuner cannot invite the young person (403) and nothing is created', async () => {
    const supporter = await join('clientondersteuner');
    const { invited, accepted, before } = await attack(supporter);
    expect([invited.status, invited.body.error?.id]).toEqual([403, 'invite_not_allowed']);
    expect(accepted).toBeNull();
    expect(await countOf('invitations')).toBe(before.invitations);
  });

  it('an onderwijsconsulent cannot invite a second young person and accept it themself', async () => {
    const consultant = await join('onderwijsconsulent');
    const { invited, accepted, before } = await attack(consultant);
    expect([invited.status, invited.body.error?.id]).toEqual([403, 'invite_not_allowed']);
    expect(accepted).toBeNull();
    expect({ invitations: await countOf('invitations'), users: await countOf('users') }).toEqual(before);
    // Not even through a participant row: the table decides there too.
    const accomplice = await h.user({ client: true, name: 'Handlanger' });
    const added = await h.api(consultant, 'POST', `/api/cases/${team.caseId}/participants`, {
      userId: accomplice.id,
      role: 'ouder',
    });
    expect([added.status, added.body.error?.id]).toEqual([403, 'invite_not_allowed']);
  });

  it('an invitation someone made who may not invite (any more) opens nothing', async () => {
    // E.g. one made before these rules, by the onderwijsconsulent: inserted as it would have been.
    const consultant = await join('onderwijsconsulent');
    const made = await h.api<Created>(team.regisseur, 'POST', `/api/cases/${team.caseId}/invitations`, {
      role: 'ouder',
      name: 'Ouder twee',
    });
    expect(made.status).toBe(201);
    await h.db
      .updateTable('invitations')
      .set({ created_by: consultant.id })
      .where('id', '=', made.body.invitationId)
      .execute();
    const users = await countOf('users');
    const reply = await h.api(null, 'POST', `/api/invitations/${made.body.invitationId}/accept`, {
      code: made.body.code,
      login: 'ouder-via-oud',
      password: 'een lang wachtwoord',
      dateOfBirth: DOB,
    });
    expect([reply.status, reply.body.error?.id]).toEqual([410, 'invitation_revoked']);
    expect(await countOf('users')).toBe(users);
  });
});

describe('one young person, bound to the registration', () => {
  it('the case that has its young person accepts no invitation for a second one', async () => {
    const reply = await h.api(team.regisseur, 'POST', `/api/cases/${team.caseId}/invitations`, {
      role: 'jeugdige',
      name: 'Tweede Noor',
    });
    expect([reply.status, reply.body.error?.id]).toEqual([409, 'young_person_exists']);
  });

  it("the young person's invitation needs the date of birth of the registration; a wrong one creates nothing", async () => {
    const created = await h.api<{ case: { id: string } }>(team.regisseur, 'POST', '/api/cases', {
      youngPerson: { name: 'Mila de Wit', dateOfBirth: DOB, municipality: 'Alkmaar' },
      region: 'Alkmaar (Noord-Kennemerland)',
    });
    const caseId = created.body.case.id;
    const inv = await h.api<Created>(team.regisseur, 'POST', `/api/cases/${caseId}/invitations`, {
      role: 'jeugdige',
      name: 'Iemand anders',
    });
    expect(inv.status).toBe(201);
    // Only one open invitation for the young person at a time.
    const second = await h.api(team.regisseur, 'POST', `/api/cases/${caseId}/invitations`, { role: 'jeugdige' });
    expect([second.status, second.body.error?.id]).toEqual([409, 'invitation_open']);

    const users = await countOf('users');
    const participants = await countOf('participants');
    const body = (dateOfBirth: string) => ({
      code: inv.body.code,
      login: 'mila',
      password: 'een lang wachtwoord',
      dateOfBirth,
    });
    const wrong = await h.api(null, 'POST', `/api/invitations/${inv.body.invitationId}/accept`, body('2010-01-01'));
    expect(wrong.status).toBe(403);
    expect(wrong.body.error).toMatchObject({ id: 'wrong_date_of_birth', details: { attemptsLeft: 4 } });
    expect([await countOf('users'), await countOf('participants')]).toEqual([users, participants]);

    const right = await h.api<{ user: { id: string; name: string } }>(
      null,
      'POST',
      `/api/invitations/${inv.body.invitationId}/accept`,
      body(DOB),
    );
    expect(right.status, JSON.stringify(right.body)).toBe(201);
    // The name recorded at registration, not the one the inviter typed.
    expect(right.body.user.name).toBe('Mila de Wit');
  });

  it('wrong dates of birth count against the same 5 attempts as wrong codes', async () => {
    const created = await h.api<{ case: { id: string } }>(team.regisseur, 'POST', '/api/cases', {
      youngPerson: { name: 'Jop Smit', dateOfBirth: DOB, municipality: 'Alkmaar' },
      region: 'Alkmaar (Noord-Kennemerland)',
    });
    const inv = await h.api<Created>(team.regisseur, 'POST', `/api/cases/${created.body.case.id}/invitations`, {
      role: 'jeugdige',
    });
    const url = `/api/invitations/${inv.body.invitationId}/accept`;
    const body = (dateOfBirth: string) => ({
      code: inv.body.code,
      login: 'jop',
      password: 'een lang wachtwoord',
      dateOfBirth,
    });
    const statuses = [];
    for (let i = 0; i < 5; i += 1) statuses.push((await h.api(null, 'POST', url, body('2011-02-03'))).status);
    expect(statuses).toEqual([403, 403, 403, 403, 410]);
    const right = await h.api(null, 'POST', url, body(DOB));
    expect([right.status, right.body.error?.id]).toEqual([410, 'invitation_blocked']);
  });
});

describe('every invitation is in the access log, visible to the young person, without its secret id', () => {
  it('created, revoked, accepted and expired invitations all show; no entry carries an invitation id', async () => {
    const seq = await lastSeq(h.db);
    const one = await h.api<Created>(team.regisseur, 'POST', `/api/cases/${team.caseId}/invitations`, {
      role: 'ouder',
      name: 'Oom Piet',
    });
    const two = await h.api<Created>(team.regisseur, 'POST', `/api/cases/${team.caseId}/invitations`, {
      role: 'ouder',
      name: 'Tante Ans',
    });
    const three = await h.api<Created>(team.regisseur, 'POST', `/api/cases/${team.caseId}/invitations`, {
      role: 'ouder',
      name: 'Opa Kees',
    });
    const listed = await h.api<{ invitations: Array<{ ref: string; name: string; state: string }> }>(
      team.regisseur,
      'GET',
      `/api/cases/${team.caseId}/invitations`,
    );
    expect(listed.status).toBe(200);
    expect(JSON.stringify(listed.body)).not.toContain(one.body.invitationId);
    const refOf = (name: string) => listed.body.invitations.find((i) => i.name === name)?.ref as string;
    // Those who cannot act on invitations do not get the list.
    expect((await h.api(team.provider, 'GET', `/api/cases/${team.caseId}/invitations`)).status).toBe(403);
    expect((await h.api(team.youngPerson, 'GET', `/api/cases/${team.caseId}/invitations`)).status).toBe(403);

    const revoked = await h.api(
      team.regisseur,
      'DELETE',
      `/api/cases/${team.caseId}/invitations/${refOf('Tante Ans')}`,
    );
    expect(revoked.status).toBe(204);
    const late = await h.api(null, 'POST', `/api/invitations/${two.body.invitationId}/accept`, {
      code: two.body.code,
      login: 'tante-ans',
      password: 'een lang wachtwoord',
      dateOfBirth: DOB,
    });
    expect([late.status, late.body.error?.id]).toEqual([410, 'invitation_revoked']);
    const ok = await h.api(null, 'POST', `/api/invitations/${one.body.invitationId}/accept`, {
      code: one.body.code,
      login: 'oom-piet',
      password: 'een lang wachtwoord',
      dateOfBirth: DOB,
    });
    expect(ok.status).toBe(201);
    h.setClock(new Date(Date.parse(START) + 8 * DAY).toISOString());
    try {
      // The periodic sweep writes the expiry without anyone reading the log.
      expect(await logAllExpiredInvitations(h.services)).toBeGreaterThan(0);
      expect(
        (await logSince(h.db, seq)).filter((e) => e.detail.includes(`${refOf('Opa Kees')} (ouder) expired`)),
      ).toHaveLength(1);
      const view = await h.api<{ entries: Array<{ what: string; event: string; outcome: string }> }>(
        team.youngPerson,
        'GET',
        `/api/cases/${team.caseId}/access-log`,
      );
      expect(view.status).toBe(200);
      const text = JSON.stringify(view.body);
      for (const id of [one, two, three].map((r) => r.body.invitationId)) expect(text).not.toContain(id);
      // The view is newest first; read it in order.
      const about = (ref: string) =>
        [...view.body.entries]
          .reverse()
          .filter((e) => e.what.includes(ref))
          .map((e) => [e.event, e.outcome, e.what]);
      expect(about(refOf('Oom Piet'))).toEqual([
        ['create', 'success', expect.stringContaining('created')],
        ['create', 'success', expect.stringContaining('accepted')],
      ]);
      expect(about(refOf('Tante Ans'))).toEqual([
        ['create', 'success', expect.stringContaining('created')],
        ['delete', 'success', expect.stringContaining('revoked')],
        ['login', 'denied', expect.stringContaining('revoked')],
      ]);
      expect(about(refOf('Opa Kees'))).toEqual([
        ['create', 'success', expect.stringContaining('created')],
        ['delete', 'success', expect.stringContaining('expired')],
      ]);
      // Logged once, not at every read.
      await h.api(team.youngPerson, 'GET', `/api/cases/${team.caseId}/access-log`);
      const log = await logSince(h.db, seq);
      expect(log.filter((e) => e.detail.includes(`${refOf('Opa Kees')} (ouder) expired`))).toHaveLength(1);
    } finally {
      h.setClock(START);
    }
  });
});
