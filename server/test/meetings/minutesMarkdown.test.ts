/**
 * Minutes exported as Markdown keep what participants wrote as literal text (issue 12): a title,
 * agenda item, guest's name, decision, read-back or note written as Markdown or HTML ("# Kop",
 * "[klik](javascript:…)", "<script>", "| a |", "- lijst") does not become structure. Checked on the
 * real route by parsing the file: the same minutes with harmless words have exactly the same structure,
 * and every hostile text is there, word for word, as text.
 */
import type { MeetingView } from '@samenspraak/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession, SESSION_COOKIE } from '../../src/identity/sessions.js';
import {
  bornYearsAgo,
  type CaseHarness,
  type CaseTeam,
  caseWithTeam,
  START,
  startCaseServer,
} from '../cases/support.js';
import { HOSTILE_TEXTS, renderedText, structureOf } from '../support/markdownStructure.js';
import { setParagraphs } from '../versions/support.js';

let h: CaseHarness;
let team: CaseTeam;

type MeetingReply = { meeting: MeetingView };

/** Holds one meeting with `texts` in every free-text field, ended, and returns its minutes.md. */
async function minutesWith(texts: readonly string[]): Promise<string> {
  const base = `/api/cases/${team.caseId}/meetings`;
  const created = await h.api<MeetingReply>(team.regisseur, 'POST', base, {
    title: texts[0],
    scheduledAt: '2026-03-02T14:00:00+01:00',
    agenda: texts,
    inviteeUserIds: [],
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const meeting = created.body.meeting;
  const at = (path: string) => `${base}/${meeting.id}${path}`;
  const ok = async (method: string, path: string, body?: unknown) => {
    const res = await h.api(team.regisseur, method, at(path), body);
    expect(res.status, `${method} ${path}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
  };
  await ok('POST', '/start', { chairUserId: team.regisseur.id });
  for (const [i, text] of texts.entries()) {
    await ok('POST', '/attendance', { name: text, role: 'clientondersteuner', via: 'in-person' });
    await ok('POST', '/items', { kind: i % 2 === 0 ? 'decision' : 'action', text, ownerName: text, due: '2026-04-01' });
  }
  await ok('PUT', '/read-back', { text: texts.join('\n') });
  await h.server.collab.applyServerChange(meeting.notesDocumentId, (d) => setParagraphs(d, 'notulen', [...texts]));
  await ok('POST', '/end');
  return minutesText(at('/minutes.md'));
}

/** The minutes as the file the browser downloads. */
async function minutesText(path: string): Promise<string> {
  const session = await createSession(h.db, {
    userId: team.regisseur.id,
    authenticated: true,
    remoteAddress: '127.0.0.1',
    userAgent: 'vitest',
    now: h.now(),
  });
  const res = await fetch(`${h.server.url}${path}`, { headers: { cookie: `${SESSION_COOKIE}=${session.token}` } });
  expect(res.status).toBe(200);
  return res.text();
}

beforeAll(async () => {
  h = await startCaseServer();
  team = await caseWithTeam(h, bornYearsAgo(START, 15));
});
afterAll(async () => {
  await h?.close();
});

describe('minutes as Markdown', () => {
  it("print every participant's text literally, never as structure", async () => {
    const hostile = await minutesWith(HOSTILE_TEXTS);
    const harmless = await minutesWith(HOSTILE_TEXTS.map((_, i) => `gewone tekst ${i}`));
    expect(structureOf(hostile)).toEqual(structureOf(harmless));
    const text = renderedText(hostile);
    for (const t of HOSTILE_TEXTS) expect(text, t).toContain(t.trim());
    expect(hostile).not.toMatch(/^<script>/m);
  });
});
