/**
 * The case export holds the future plan's records (server/src/plan/): the young person's right to see
 * everything about them. Through the real server: the local team, the GI and the young person write the
 * plan (a domain with funders and the switch at 18, a BIG5 confirmation, the supporter, a move near 18),
 * then the young person's JSON export carries them and the dossier PDF, read with poppler's `pdftotext`,
 * shows them in words. A case without any plan record exports `futurePlan: null`.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CaseExportSchema } from '@samenspraak/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bornYearsAgo,
  type CaseHarness,
  type CaseTeam,
  caseWithTeam,
  START,
  startCaseServer,
  type TestUser,
} from '../cases/support.js';
import { addParticipant } from '../escalation/support.js';
import { apiFor } from '../versions/support.js';

let h: CaseHarness;
let team: CaseTeam & { lokaal: TestUser; gi: TestUser };
let dir: string;
const base = () => `/api/cases/${team.caseId}/future-plan`;

async function ok(as: TestUser, method: string, url: string, body: unknown) {
  const res = await h.api(as, method, url, body);
  expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
}

function pdftotext(bytes: Buffer): string {
  const file = path.join(dir, `export-${Date.now()}.pdf`);
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'plan-export-'));
  h = await startCaseServer();
  // 17 years and 9 months on START (2026-03-01): 18 on 2026-06-01, so a move now is near 18.
  const c = await caseWithTeam(h, bornYearsAgo(START, 17, 274), 'Sanne de Vries');
  const lokaal = await h.user({ role: 'lokaal-team', name: 'Lotte Lokaal' });
  const gi = await h.user({ role: 'jeugdbeschermer', name: 'Gijs GI' });
  team = { ...c, lokaal, gi };
  await addParticipant(h, team, lokaal, 'lokaal-team');
  await addParticipant(h, team, gi, 'jeugdbeschermer');
});
afterAll(async () => {
  await h?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the future plan in the case export', () => {
  it('a case without plan records exports futurePlan: null', async () => {
    const api = await apiFor(h.services, h.server.url, team.youngPerson.id);
    const res = await api.post(`/cases/${team.caseId}/export`);
    expect(res.status).toBe(200);
    const data = CaseExportSchema.parse(await res.json());
    expect(data.futurePlan).toBeNull();
  });

  it('the JSON export and the PDF hold the domains, funders, BIG5, supporter and move', async () => {
    await ok(team.provider, 'PUT', `${base()}/domains/wonen`, {
      situation: 'Woont in een gezinshuis in Heiloo',
      goal: 'Zelfstandig wonen met begeleiding',
      service: 'Begeleid wonen',
    });
    await ok(team.lokaal, 'PUT', `${base()}/domains/wonen`, {
      funderNow: 'Jeugdwet',
      funderFrom18: 'Wmo',
      switchArrangedOn: '2026-02-20',
      switchContact: 'Karin de Wit, Wmo-consulent',
    });
    await ok(team.youngPerson, 'PUT', `${base()}/domains/wonen`, { youthComment: 'Ik wil in Alkmaar blijven wonen' });
    await ok(team.lokaal, 'PUT', `${base()}/big5`, { item: 'wonen', status: 'nog_niet' });
    await ok(team.youngPerson, 'PUT', `${base()}/supporter`, { kind: 'jim', name: 'Tante Els' });
    await ok(team.provider, 'POST', `${base()}/moves`, {
      movedOn: '2026-02-15',
      newAddressKind: 'Kamertraining',
      reason: 'eigen_keuze',
      explanation: 'Dichter bij school',
    });

    const api = await apiFor(h.services, h.server.url, team.youngPerson.id);
    const json = await api.post(`/cases/${team.caseId}/export`);
    expect(json.status).toBe(200);
    const data = CaseExportSchema.parse(await json.json());
    const plan = data.futurePlan;
    expect(plan).not.toBeNull();
    expect(plan?.domains.find((d) => d.domain === 'wonen')).toMatchObject({
      situation: 'Woont in een gezinshuis in Heiloo',
      goal: 'Zelfstandig wonen met begeleiding',
      service: 'Begeleid wonen',
      funderNow: 'Jeugdwet',
      funderFrom18: 'Wmo',
      switchArrangedOn: '2026-02-20',
      switchContact: 'Karin de Wit, Wmo-consulent',
      youthComment: 'Ik wil in Alkmaar blijven wonen',
    });
    expect(plan?.big5.find((b) => b.item === 'wonen')).toMatchObject({
      confirmed: 'nog_niet',
      confirmedByName: 'Lotte Lokaal',
    });
    expect(plan).toMatchObject({ supporterKind: 'jim', supporterName: 'Tante Els' });
    expect(plan?.moves).toEqual([
      expect.objectContaining({ movedOn: '2026-02-15', reason: 'eigen_keuze', nearEighteen: true }),
    ]);
    // The municipality's half-year check and the reader's write rights are not part of the dossier.
    expect(plan && 'halfYearCheck' in plan).toBe(false);
    expect(plan && 'mayWrite' in plan).toBe(false);

    const pdf = await api.get(`/cases/${team.caseId}/export.pdf`);
    expect(pdf.status).toBe(200);
    const text = pdftotext(Buffer.from(await pdf.arrayBuffer()));
    for (const words of [
      'Afspraken per levensgebied en de overgang naar 18',
      'Hoe gaat het nu?: Woont in een gezinshuis in Heiloo',
      'Doel: Zelfstandig wonen met begeleiding',
      'Welke hulp is nodig?: Begeleid wonen',
      'Wie betaalt: nu Jeugdwet (gemeente); vanaf 18 Wmo (gemeente)',
      'Overstap geregeld op 20 februari 2026, contactpersoon Karin de Wit, Wmo-consulent',
      'Jouw reactie: Ik wil in Alkmaar blijven wonen',
      'Wonen: nog niet (bevestigd door Lotte Lokaal)',
      'JIM (jouw ingebrachte mentor): Tante Els',
      'Verhuisd op 15 februari 2026 naar Kamertraining; reden: eigen keuze van de jongere (Dichter bij school); rond je 18e verjaardag',
    ]) {
      expect(text).toContain(words);
    }
  });
});
