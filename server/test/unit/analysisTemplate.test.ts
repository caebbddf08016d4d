/**
 * The analysis template against its source, 002 Bijlage 1 "Toelichting Verklarende Analyse", and the
 * pure rules of the own-words parts (shared/src/analysisParts.ts).
 */
import {
  ADDITION_LABEL,
  analysisRequiredRoots,
  analysisSections,
  CASE_PROFESSIONALS,
  HYPOTHESIS_MECHANISMS,
  itemKindOf,
  itemText,
  type OwnWordsPart,
  ownWordsPartPermission,
  ownWordsParts,
  parentOfPart,
  parentPartRoot,
  recorderNaming,
  SECTION_GROUPS,
  SECTIONS,
} from '@samenspraak/shared';
import { describe, expect, it } from 'vitest';
import { effectiveSections } from '../../src/domain/caseAccess.js';

const byId = (id: string) => SECTIONS.analysis.find((s) => s.id === id);

describe('002 Bijlage 1: the parts of the analysis, with the source’s own headings', () => {
  it('002 Bijlage 1: Analyse van de hulpvraag, Probleem- en krachtenanalyse, hypothesen, aanknopingspunten voor verandering, samenvatting', () => {
    expect(SECTION_GROUPS.hulpvraag.nl).toBe('Analyse van de hulpvraag');
    expect(SECTION_GROUPS.probleemEnKrachten.nl).toBe('Probleem- en krachtenanalyse');
    expect(SECTION_GROUPS.aanpak.nl).toBe('Aanknopingspunten voor verandering');
    expect(byId('aanknopingspunten')?.title.nl).toBe('Aanknopingspunten en passende aanpak');
    expect(SECTION_GROUPS.samenvatting.nl).toBe('Samenvatting');
    const groups = [...new Set(SECTIONS.analysis.map((s) => s.group))];
    expect(groups).toEqual(['hulpvraag', 'probleemEnKrachten', 'verklarend', 'aanpak', 'samenvatting']);
  });

  it('002 Bijlage 1: the request for help in the words of the young person, each parent, and referrer/professionals', () => {
    expect(byId('hulpvraag_jeugdige')?.owner).toEqual({ kind: 'ownWords', role: 'jeugdige' });
    expect(byId('hulpvraag_professionals')?.title.nl).toBe('Hulpvraag van verwijzer en professionals');
    const sections = analysisSections([
      { userId: 'u-anna', name: 'Anna Bakker' },
      { userId: 'u-karim', name: 'Karim Bakker' },
    ]);
    expect(sections.slice(0, 3).map((s) => [s.id, s.title.nl])).toEqual([
      ['hulpvraag_jeugdige', 'Hulpvraag van de jeugdige — in eigen woorden'],
      ['hulpvraag_ouder_u-anna', 'Hulpvraag van Anna (ouder) — in eigen woorden'],
      ['hulpvraag_ouder_u-karim', 'Hulpvraag van Karim (ouder) — in eigen woorden'],
    ]);
  });

  it('002 Bijlage 1: problem behaviour, risk and protective factors of the young person and of the system', () => {
    const parts = SECTIONS.analysis.filter((s) => s.group === 'probleemEnKrachten' && s.source === 'bijlage1');
    expect(parts.map((s) => s.title.nl)).toEqual([
      '(Probleem)gedrag',
      'Risicofactoren — jeugdige',
      'Beschermende factoren — jeugdige',
      'Risicofactoren — systeem',
      'Beschermende factoren — systeem',
    ]);
  });

  it('002 Bijlage 1: hypotheses on how the problem arises, persists, worsens and lessens, with evidence and status', () => {
    expect(byId('hypothesen')?.content).toBe('items');
    expect(HYPOTHESIS_MECHANISMS).toEqual(['ontstaan', 'in_stand_houden', 'verergeren', 'verminderen']);
    expect(
      itemText({
        id: 'h1',
        statement: 'Spanning thuis',
        mechanisme: 'in_stand_houden',
        evidence: 'verzuim op maandag',
        status: 'supported',
      }),
    ).toBe('Spanning thuis — mechanisme: in stand houden — waarom: verzuim op maandag — stand: ondersteund');
  });

  it('002 Bijlage 1: the summary is "een puntsgewijze opsomming" — a list of bullets', () => {
    expect(byId('samenvatting')?.content).toBe('items');
    expect(itemKindOf('samenvatting')).toBe('summary');
    expect(SECTIONS.analysis.at(-1)?.id).toBe('samenvatting');
  });

  it('002 Bijlage 1: our additions (help so far, safety, differences of view, evaluation) are marked as such', () => {
    const additions = SECTIONS.analysis.filter((s) => s.source === 'addition').map((s) => s.id);
    expect(additions).toEqual(['hulp_tot_nu', 'veiligheid', 'verschillen_van_inzicht', 'evaluatie']);
    expect(ADDITION_LABEL.nl).toBe('Toevoeging Samenspraak (niet uit Bijlage 1)');
    // Every other section is either from Bijlage 1 or a kept root of the old template.
    for (const s of SECTIONS.analysis.filter((x) => x.source !== 'addition'))
      expect(s.source === 'bijlage1' || s.legacy, s.id).toBe(true);
  });

  it('002 Bijlage 1: the old roots stay in the template (no character lost), flagged legacy', () => {
    expect(SECTIONS.analysis.filter((s) => s.legacy).map((s) => [s.id, s.title.nl])).toEqual([
      ['hulpvraag_ouders', 'Hulpvraag ouders (samen, van vóór de nieuwe indeling)'],
      ['problemen_en_krachten', 'Problemen en krachten (van vóór de nieuwe indeling)'],
    ]);
  });

  it('002 Bijlage 1: what must be non-empty before sign-off: the Bijlage 1 parts and every own-words part', () => {
    const parts = ownWordsParts({ userId: null, name: 'Sem' }, [{ userId: 'u-anna', name: 'Anna' }], {});
    expect(analysisRequiredRoots(parts)).toEqual([
      'hulpvraag_professionals',
      'probleemgedrag',
      'risicofactoren_jeugdige',
      'beschermende_factoren_jeugdige',
      'risicofactoren_systeem',
      'beschermende_factoren_systeem',
      'hypothesen',
      'aanknopingspunten',
      'samenvatting',
      'hulpvraag_jeugdige',
      'hulpvraag_ouder_u-anna',
    ]);
  });
});

describe('002 Bijlage 1: one own-words part per person (pure rules)', () => {
  const recorder = { userId: 'u-pro', name: 'Petra Hulp', role: 'jeugdhulpaanbieder' as const, onRequest: false };
  const parts: OwnWordsPart[] = ownWordsParts(
    { userId: null, name: 'Sem' },
    [
      { userId: 'u-anna', name: 'Anna' },
      { userId: 'u-karim', name: 'Karim' },
    ],
    { hulpvraag_jeugdige: recorder },
  );
  const [young, anna] = parts as [OwnWordsPart, OwnWordsPart];

  it('roots per parent are exact and reversible; a bad id is no root', () => {
    expect(parentPartRoot('u-anna')).toBe('hulpvraag_ouder_u-anna');
    expect(parentOfPart('hulpvraag_ouder_u-anna')).toBe('u-anna');
    expect(parentOfPart('hulpvraag_ouders')).toBeNull();
    expect(() => parentPartRoot('a b')).toThrow();
  });

  it.each([
    ['the parent themselves', { userId: 'u-anna', role: 'ouder' as const }, 'edit'],
    ['the other parent', { userId: 'u-karim', role: 'ouder' as const }, 'comment'],
    ['the young person', { userId: 'u-sem', role: 'jeugdige' as const }, 'comment'],
    ['a professional', { userId: 'u-x', role: 'gedragswetenschapper' as const }, 'comment'],
    ['a DBT director', { userId: 'u-d', role: 'dbt-lid' as const }, 'read'],
    ['the municipality', { userId: 'u-g', role: 'gemeente' as const }, 'none'],
  ])('a parent’s part: %s → %s', (_who, viewer, expected) => {
    expect(ownWordsPartPermission(anna, viewer)).toBe(expected);
  });

  it('the child’s part: the named recorder writes "zoals verteld"; other professionals comment', () => {
    expect(ownWordsPartPermission(young, { userId: 'u-pro', role: 'jeugdhulpaanbieder' })).toBe('edit');
    expect(ownWordsPartPermission(young, { userId: 'u-other', role: 'jeugdhulpaanbieder' })).toBe('comment');
    expect(ownWordsPartPermission(young, { userId: 'u-sem', role: 'jeugdige' })).toBe('edit');
  });

  it('who may name a recorder: any professional for a child under 12; otherwise only the person', () => {
    const pro = { userId: 'u-x', role: 'onderwijsconsulent' as const };
    expect(recorderNaming(young, pro, true, CASE_PROFESSIONALS)).toEqual({ allowed: true, onRequest: false });
    expect(recorderNaming(young, pro, false, CASE_PROFESSIONALS)).toEqual({ allowed: false });
    expect(recorderNaming(young, { userId: 'u-sem', role: 'jeugdige' }, false, CASE_PROFESSIONALS)).toEqual({
      allowed: true,
      onRequest: true,
    });
    expect(recorderNaming(anna, { userId: 'u-anna', role: 'ouder' }, true, CASE_PROFESSIONALS)).toEqual({
      allowed: true,
      onRequest: true,
    });
    expect(recorderNaming(anna, { userId: 'u-karim', role: 'ouder' }, true, CASE_PROFESSIONALS)).toEqual({
      allowed: false,
    });
  });

  it('age, consent and a closed case still come first', () => {
    const now = new Date('2026-11-23T10:00:00Z');
    const facts = { dateOfBirth: '2017-04-02', parentsConsent: false, closed: false };
    const ctx = { userId: 'u-anna', parts };
    expect(effectiveSections(facts, 'analysis', 'ouder', now, ctx)['hulpvraag_ouder_u-anna']).toBe('edit');
    expect(effectiveSections({ ...facts, closed: true }, 'analysis', 'ouder', now, ctx)['hulpvraag_ouder_u-anna']).toBe(
      'read',
    );
    // 17 years old without consent: the parent sees nothing, not even their own part.
    expect(
      effectiveSections({ ...facts, dateOfBirth: '2009-01-01' }, 'analysis', 'ouder', now, ctx)[
        'hulpvraag_ouder_u-anna'
      ],
    ).toBe('none');
  });
});
