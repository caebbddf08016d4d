/**
 * Example content for the demo cases, so `npm start` shows what a case looks like in use: the
 * professionals' sections of Daan's analysis and Sanne's future plan. The young people's and parents'
 * own-words sections stay empty — in the demo, you write those yourself as Daan, Sanne or a parent.
 * Written through the collaboration core (durable, like any edit); only into a document nobody wrote
 * in yet, so it never overwrites anything.
 */
import { documentId, itemKindOf } from '@samenspraak/shared';
import * as Y from 'yjs';
import { itemMap } from '../../cases/itemMaps.js';
import type { CollabServer } from '../../collab/collabServer.js';

type Content = Record<string, string[]>;

const DAAN_ANALYSIS: Content = {
  hulpvraag_professionals: [
    'Daan (14) gaat sinds oktober niet meer naar school. De mentor en het lokaal team maken zich zorgen over de spanningen thuis.',
  ],
  hulp_tot_nu: [
    'Acht gesprekken met het lokaal team (voorjaar); een schoolwissel in de zomer. Het verzuim nam daarna toe.',
  ],
  probleemgedrag: ['Schoolverzuim, slecht slapen, ruzies thuis over school.'],
  risicofactoren_jeugdige: ['Daan slaapt slecht en trekt zich terug als het druk wordt.'],
  beschermende_factoren_jeugdige: [
    'Daan is sportief, heeft een goede band met zijn opa en kan goed uitleggen wat hij wil.',
  ],
  risicofactoren_systeem: ['Veel ruzie thuis over school; moeder staat er grotendeels alleen voor.'],
  beschermende_factoren_systeem: ['Opa woont dichtbij en wil helpen; de mentor blijft betrokken.'],
  veiligheid: ['Geen acute onveiligheid. Afspraak: bij hoog oplopende ruzie belt moeder het lokaal team.'],
  aanknopingspunten: ['Daan start met twee ochtenden school per week, met zijn opa als vaste steun onderweg.'],
};

const DAAN_HYPOTHESES = [
  {
    id: 'demo-h1',
    statement: 'De spanning thuis over school houdt het verzuim in stand: hoe meer ruzie, hoe minder Daan durft.',
    evidence: 'Verzuim nam toe na de schoolwissel; Daan zegt dat hij thuis "alleen nog over school hoort".',
    status: 'open',
    mechanisme: 'in_stand_houden',
  },
];

/** 002 Bijlage 1: the summary is a bullet list of points of equal weight. */
const DAAN_SUMMARY = [
  { id: 'demo-s1', tekst: 'Daan gaat sinds oktober niet naar school.' },
  { id: 'demo-s2', tekst: 'Spanning thuis over school lijkt het verzuim in stand te houden.' },
];

const SANNE_PLAN: Content = {
  regie_en_steun: ['Coördinator: Lotte Vos (lokaal team). Steunfiguur (JIM): tante Ria.'],
  risicos: ['Bij terugval in de thuissituatie: direct contact met de jeugdbeschermer.'],
};

const SANNE_DOMAINS: Record<string, Array<Record<string, string>>> = {
  domein_wonen: [
    {
      id: 'demo-a1',
      wat: 'Kennismaken met kamertraining in Hoorn',
      wie: 'Lotte Vos',
      wanneer: '2027-02-01',
      wet: 'Jeugdwet',
    },
  ],
  domein_onderwijs: [
    { id: 'demo-a2', wat: 'Stage zoeken bij de mbo-opleiding zorg', wie: 'Olga Peters', wanneer: '', wet: 'onderwijs' },
  ],
};

function paragraphs(doc: Y.Doc, section: string, texts: string[]): void {
  const fragment = doc.getXmlFragment(section);
  fragment.insert(
    fragment.length,
    texts.map((text) => {
      const p = new Y.XmlElement('paragraph');
      p.insert(0, [new Y.XmlText(text)]);
      return p;
    }),
  );
}

function items(doc: Y.Doc, section: string, list: Array<Record<string, string>>): void {
  const kind = itemKindOf(section);
  if (!kind) throw new Error(`demo content: section ${section} holds no items`);
  doc.getArray<Y.Map<unknown>>(section).push(list.map((item) => itemMap(kind, item)));
}

function isEmpty(doc: Y.Doc): boolean {
  return doc.share.size === 0 || [...doc.share.values()].every((t) => t._length === 0 && t._map.size === 0);
}

/** Writes the example content into the demo documents that are still empty. Returns how many it filled. */
export async function seedDemoDocuments(collab: CollabServer, cases: { daan: string; sanne: string }): Promise<number> {
  let filled = 0;
  const fill = async (docId: string, write: (doc: Y.Doc) => void) => {
    const changed = await collab.applyServerChange(docId, (doc) => {
      if (isEmpty(doc)) write(doc);
    });
    if (changed) filled += 1;
  };
  await fill(documentId(cases.daan, 'analysis'), (doc) => {
    for (const [section, texts] of Object.entries(DAAN_ANALYSIS)) paragraphs(doc, section, texts);
    items(doc, 'hypothesen', DAAN_HYPOTHESES);
    items(doc, 'samenvatting', DAAN_SUMMARY);
  });
  await fill(documentId(cases.sanne, 'futurePlan'), (doc) => {
    for (const [section, texts] of Object.entries(SANNE_PLAN)) paragraphs(doc, section, texts);
    for (const [section, list] of Object.entries(SANNE_DOMAINS)) items(doc, section, list);
  });
  return filled;
}
