/**
 * Signing an analysis off the way the rule asks (002 h1 "gedragen", Bijlage 1), for tests about what
 * comes after a sign-off (placements, the DBT, exports): every required section written, a recorded
 * reason why no young person or parent endorsed (with the child's view recorded) and education consulted,
 * then the sign-off of the text as the scientist is shown it (its hash). The rule itself is tested in
 * server/test/versions/signOff.test.ts.
 */
import { documentId, SECTIONS } from '@samenspraak/shared';
import * as Y from 'yjs';

/** One API call as the responsible scientist: method, path (from /api), body → status and JSON body. */
export type ScientistCall = (
  method: string,
  path: string,
  body?: unknown,
) => Promise<{ status: number; body: unknown }>;

/** Writes a paragraph into a rich-text section, the way Tiptap writes it. */
export function paragraphInto(doc: Y.Doc, section: string, text: string): void {
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  doc.getXmlFragment(section).insert(0, [paragraph]);
}

/** Fills every required section of the analysis that is empty in `doc` (a hypothesis, a summary point, a paragraph). */
export function writeRequiredAnalysis(doc: Y.Doc, words = 'ingevuld', skip: readonly string[] = []): void {
  for (const s of SECTIONS.analysis.filter((x) => x.required && !skip.includes(x.id))) {
    if (s.content === 'items') {
      if (doc.getArray(s.id).length > 0) continue;
      const item = new Y.Map<unknown>();
      item.set('id', `req-${s.id}`);
      if (s.id === 'hypothesen') {
        item.set('text', `${s.title.nl}: ${words}`);
        item.set('status', 'open');
      } else item.set('tekst', new Y.Text(`${s.title.nl}: ${words}`));
      doc.getArray(s.id).push([item]);
    } else if (doc.getXmlFragment(s.id).length === 0) paragraphInto(doc, s.id, `${s.title.nl}: ${words}.`);
  }
}

async function expectStatus(what: string, res: Promise<{ status: number; body: unknown }>, status: number) {
  const r = await res;
  if (r.status !== status) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

/**
 * Records what the sign-off rule needs besides the text and signs the analysis off through the API.
 * `writeSections` must already have put the required sections into the document (e.g. through the store
 * with `writeRequiredAnalysis`, or a real client).
 */
export async function signOffByRule(scientist: ScientistCall, caseId: string): Promise<{ hash: string }> {
  const doc = `/api/documents/${documentId(caseId, 'analysis')}`;
  for (const fact of [
    { kind: 'no-endorsement-reason', words: 'Vastgelegd voor de test.', childViewRecorded: true },
    { kind: 'education-consulted', words: 'Onderwijsconsulent SWV', consultedOn: '2026-01-05' },
  ]) {
    await expectStatus('sign-off fact', scientist('PUT', `${doc}/sign-off-facts`, fact), 200);
  }
  const status = (await expectStatus('sign-off status', scientist('GET', `${doc}/sign-off`), 200)) as {
    currentHash: string;
  };
  const signed = (await expectStatus(
    'sign-off',
    scientist('POST', `${doc}/sign-off`, { versionHash: status.currentHash }),
    201,
  )) as { hash: string };
  return { hash: signed.hash };
}
