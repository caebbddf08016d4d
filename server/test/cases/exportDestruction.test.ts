/** The young person's export, and the destruction flow from request to wiped case. */
import { documentId } from '@samenspraak/shared';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { registerCaseDocument } from '../../src/cases/caseDocuments.js';
import { addComment } from '../../src/comments/comments.js';
import type { Config } from '../../src/config.js';
import { executeDueDestructions } from '../../src/retention/executeDestructions.js';
import { DATABASE_URL, describeWithServices, dropSchema, freshSchemaName } from '../support/services.js';
import {
  bornYearsAgo,
  type CaseHarness,
  type CaseTeam,
  caseWithTeam,
  lastSeq,
  logSince,
  START,
  startCaseServer,
} from './support.js';

function paragraphUpdate(section: string, text: string): Uint8Array {
  const doc = new Y.Doc();
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  doc.getXmlFragment(section).insert(0, [paragraph]);
  return Y.encodeStateAsUpdate(doc);
}

function hypothesisUpdate(): Uint8Array {
  const doc = new Y.Doc();
  const item = new Y.Map<unknown>();
  doc.getArray('hypothesen').insert(0, [item]);
  item.set('text', 'Spanning thuis houdt het schoolverzuim in stand');
  item.set('status', 'open');
  return Y.encodeStateAsUpdate(doc);
}

interface ExportBody {
  format: string;
  case: { id: string; youngPerson: { name: string } };
  participants: Array<{ role: string }>;
  documents: Array<{
    docId: string;
    type: string;
    sections: Record<string, { text?: string; items?: unknown[] }>;
    comments: Array<{ section: string; text: string; author: { role: string } }>;
  }>;
  accessLog: Array<Record<string, unknown>>;
}

function exportDestructionSuite(overrides: Partial<Config>, cleanup?: () => Promise<void>): void {
  let h: CaseHarness;
  let team: CaseTeam;
  let meetingDoc: string;

  beforeAll(async () => {
    h = await startCaseServer(overrides);
    team = await caseWithTeam(h, bornYearsAgo(START, 16, 180));
    meetingDoc = documentId(team.caseId, 'meetingNotes', 'mdo1');
    await registerCaseDocument(h.db, meetingDoc, h.now());
    await h.services.store.append([
      {
        docId: documentId(team.caseId, 'analysis'),
        update: paragraphUpdate('hulpvraag_jeugdige', 'Ik wil gewoon weer naar school.'),
      },
      { docId: documentId(team.caseId, 'analysis'), update: hypothesisUpdate() },
      {
        docId: documentId(team.caseId, 'futurePlan'),
        update: paragraphUpdate('toekomstbeeld_jeugdige', 'Op mezelf wonen in Alkmaar.'),
      },
      { docId: meetingDoc, update: paragraphUpdate('notulen', 'Afgesproken: school belt maandag.') },
    ]);
    await addComment(h.db, {
      documentId: documentId(team.caseId, 'analysis'),
      caseId: team.caseId,
      section: 'veiligheid',
      parentId: null,
      author: { id: team.parent.id, name: team.parent.name, role: 'ouder' },
      text: 'Thuis is het nu rustiger.',
      anchor: null,
      now: h.now(),
    });
  });
  afterAll(async () => {
    await h?.close();
    await cleanup?.();
  });

  describe('POST /api/cases/:id/export', () => {
    it('gives the young person every document section as JSON, participants and the access log; logs one export', async () => {
      const before = await lastSeq(h.db);
      const res = await h.api<ExportBody>(team.youngPerson, 'POST', `/api/cases/${team.caseId}/export`);
      expect(res.status).toBe(200);
      const x = res.body;
      expect(x.format).toBe('samenspraak.case-export');
      expect(x.case.youngPerson.name).toBe('Noor Jansen');
      expect(x.participants).toHaveLength(5);
      expect(x.documents.map((d) => d.type)).toEqual(['analysis', 'futurePlan', 'meetingNotes']);
      const [analysis, plan, meeting] = x.documents;
      expect(analysis?.sections.hulpvraag_jeugdige?.text).toBe('Ik wil gewoon weer naar school.');
      expect(analysis?.sections.hypothesen?.items).toEqual([
        { text: 'Spanning thuis houdt het schoolverzuim in stand', status: 'open' },
      ]);
      expect(analysis?.sections.veiligheid?.text).toBe('');
      expect(analysis?.comments).toMatchObject([
        { section: 'veiligheid', text: 'Thuis is het nu rustiger.', author: { role: 'ouder' } },
      ]);
      expect(plan?.sections.toekomstbeeld_jeugdige?.text).toBe('Op mezelf wonen in Alkmaar.');
      expect(meeting?.docId).toBe(meetingDoc);
      expect(meeting?.sections.notulen?.text).toBe('Afgesproken: school belt maandag.');
      expect(x.accessLog.length).toBeGreaterThan(3);
      expect(JSON.stringify(x.accessLog)).not.toContain('127.0.0.1');
      const log = await logSince(h.db, before);
      expect(log.map((e) => [e.event, e.user_id, e.outcome, e.detail])).toEqual([
        ['export', team.youngPerson.id, 'success', 'POST /api/cases/:id/export'],
      ]);
    });

    it('lets the responsible scientist export on the young person’s behalf, nobody else', async () => {
      expect((await h.api(team.scientist, 'POST', `/api/cases/${team.caseId}/export`)).status).toBe(200);
      const before = await lastSeq(h.db);
      for (const u of [team.parent, team.provider, team.regisseur]) {
        expect((await h.api(u, 'POST', `/api/cases/${team.caseId}/export`)).status).toBe(u === team.parent ? 404 : 403);
      }
      const log = await logSince(h.db, before);
      expect(log.map((e) => [e.event, e.outcome])).toEqual([
        ['export', 'denied'],
        ['export', 'denied'],
        ['export', 'denied'],
      ]);
    });
  });

  describe('destruction on request', () => {
    let requestId: string;

    it('the young person asks; due within 3 months; a second open request and professionals are refused', async () => {
      const url = `/api/cases/${team.caseId}/destruction-requests`;
      expect((await h.api(team.provider, 'POST', url, { reason: 'x' })).status).toBe(403);
      const before = await lastSeq(h.db);
      const res = await h.api<{ request: { id: string; dueBy: string; decision: null } }>(
        team.youngPerson,
        'POST',
        url,
        {
          reason: 'Ik wil niet dat dit bewaard blijft.',
        },
      );
      expect(res.status).toBe(201);
      // 11:00 winter time + 3 months = 11:00 summer time (issue 13: was 10:00 UTC, 12:00 local).
      expect(res.body.request).toMatchObject({ dueBy: '2026-06-01T09:00:00.000Z', decision: null });
      requestId = res.body.request.id;
      const log = await logSince(h.db, before);
      expect(log.map((e) => [e.event, e.outcome, e.detail])).toEqual([
        ['create', 'success', `POST /api/cases/:id/destruction-requests destruction request ${requestId}`],
      ]);
      expect((await h.api(team.youngPerson, 'POST', url, { reason: 'nog een keer' })).status).toBe(409);
      const listed = await h.api<{ requests: unknown[] }>(team.regisseur, 'GET', url);
      expect(listed.body.requests).toHaveLength(1);
    });

    it('a refusal without motivation is a 400 and changes nothing; with one it is recorded', async () => {
      const url = `/api/cases/${team.caseId}/destruction-requests/${requestId}/decision`;
      const before = await lastSeq(h.db);
      const bare = await h.api(team.regisseur, 'POST', url, { decision: 'refused' });
      expect(bare.status).toBe(400);
      expect(bare.body.error?.message).toContain('motivation');
      expect(await logSince(h.db, before)).toHaveLength(0);
      const row = await h.db
        .selectFrom('destruction_requests')
        .selectAll()
        .where('id', '=', requestId)
        .executeTakeFirstOrThrow();
      expect(row.decision).toBeNull();

      expect((await h.api(team.provider, 'POST', url, { decision: 'approved' })).status).toBe(403);
      const refused = await h.api<{ request: { decision: string; motivation: string } }>(team.regisseur, 'POST', url, {
        decision: 'refused',
        motivation: 'Wettelijke plicht: lopende kinderbeschermingsmaatregel.',
      });
      expect(refused.status).toBe(200);
      expect(refused.body.request).toMatchObject({
        decision: 'refused',
        motivation: expect.stringContaining('Wettelijke'),
      });
      expect((await h.api(team.regisseur, 'POST', url, { decision: 'approved' })).status).toBe(409);
      // Nothing was destroyed.
      expect((await h.services.store.load(documentId(team.caseId, 'analysis'))).tail.length).toBeGreaterThan(0);
    });

    it('an approval destroys: documents gone from the store, personal data wiped, the log and the request remain', async () => {
      const asked = await h.api<{ request: { id: string } }>(
        team.youngPerson,
        'POST',
        `/api/cases/${team.caseId}/destruction-requests`,
        {
          reason: 'Nu wel graag.',
        },
      );
      const rid = asked.body.request.id;
      const before = await lastSeq(h.db);
      const res = await h.api<{ request: { decision: string; executedAt: string | null } }>(
        team.scientist,
        'POST',
        `/api/cases/${team.caseId}/destruction-requests/${rid}/decision`,
        { decision: 'approved' },
      );
      expect(res.status).toBe(200);
      expect(res.body.request).toMatchObject({ decision: 'approved', executedAt: START });

      for (const docId of [documentId(team.caseId, 'analysis'), documentId(team.caseId, 'futurePlan'), meetingDoc]) {
        expect(await h.services.store.load(docId)).toEqual({ snapshot: null, tail: [], claims: [] });
      }
      const row = await h.db.selectFrom('cases').selectAll().where('id', '=', team.caseId).executeTakeFirstOrThrow();
      expect(row).toMatchObject({
        young_person_name: '[vernietigd]',
        date_of_birth: '[vernietigd]',
        responsible_scientist_id: null,
      });
      expect(await h.db.selectFrom('participants').selectAll().where('case_id', '=', team.caseId).execute()).toEqual(
        [],
      );
      const comments = await sql`SELECT count(*) AS n FROM comments WHERE case_id = ${team.caseId}`.execute(h.db);
      expect(Number((comments.rows[0] as { n: number | string }).n)).toBe(0);
      const request = await h.db
        .selectFrom('destruction_requests')
        .selectAll()
        .where('id', '=', rid)
        .executeTakeFirstOrThrow();
      expect(request).toMatchObject({ decision: 'approved', reason: '[vernietigd]', executed_at: START });

      const log = await logSince(h.db, before);
      expect(log.map((e) => [e.event, e.outcome, e.user_role])).toEqual([
        ['update', 'success', 'gedragswetenschapper'],
        ['delete', 'success', 'systeem'],
        ['delete', 'success', 'systeem'], // client accounts that existed only for this case
        ['delete', 'success', 'systeem'],
        ['delete', 'success', 'systeem'],
        ['delete', 'success', 'systeem'],
        ['delete', 'success', 'systeem'], // versions, endorsements, votes, escalation texts
        ['delete', 'success', 'systeem'],
        ['destroy', 'success', 'systeem'],
      ]);
      expect(log.at(-1)?.responsible).toBe('besluit Gert Gedrag (gedragswetenschapper)');
      // Earlier entries about the case are all still there, and the chain is intact.
      const all = await h.services.accessLog.forCase(team.caseId, 10_000);
      expect(all.length).toBeGreaterThan(20);
      expect((await h.services.accessLog.verify()).broken).toBeNull();

      // The case is gone for everyone; a second run has nothing left to do.
      // The young person's and parent's accounts existed only for this case: they are gone with it.
      const left = await h.db
        .selectFrom('users')
        .select('id')
        .where('id', 'in', [team.youngPerson.id, team.parent.id])
        .execute();
      expect(left).toEqual([]);
      expect((await h.api(team.provider, 'GET', `/api/cases/${team.caseId}`)).status).toBe(404);
      expect((await h.api<{ cases: unknown[] }>(team.regisseur, 'GET', '/api/cases')).body.cases).toEqual([]);
      expect(await executeDueDestructions(h.services)).toEqual({ executed: [], overdue: [] });
    });

    it('reports undecided requests past their deadline without destroying anything', async () => {
      const other = await caseWithTeam(h, bornYearsAgo(START, 13));
      const asked = await h.api<{ request: { id: string } }>(
        other.parent,
        'POST',
        `/api/cases/${other.caseId}/destruction-requests`,
        {
          reason: 'Graag vernietigen.',
        },
      );
      expect(asked.status).toBe(201);
      h.setClock('2026-06-02T10:00:00.000Z');
      expect(await executeDueDestructions(h.services)).toEqual({ executed: [], overdue: [asked.body.request.id] });
      expect((await h.api(other.youngPerson, 'GET', `/api/cases/${other.caseId}`)).status).toBe(200);
    });
  });
}

describe('on SQLite', () => exportDestructionSuite({}));

const schema = freshSchemaName('cases');
await describeWithServices('on Postgres', { postgres: true }, () =>
  exportDestructionSuite({ databaseUrl: DATABASE_URL, databaseSchema: schema }, () => dropSchema(schema)),
);
