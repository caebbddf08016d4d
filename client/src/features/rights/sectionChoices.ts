/**
 * The parts of the analysis and the plan a person may say something about: those they can read (the
 * server's effective permissions), in template order, with their titles; old-template parts left out.
 */
import { analysisSections, type CaseDetail, SECTIONS, type SectionDef } from '@samenspraak/shared';

export type RightsDocument = 'analysis' | 'futurePlan';

export function sectionChoices(detail: CaseDetail, type: RightsDocument): SectionDef[] {
  const parents = detail.participants
    .filter((p) => p.role === 'ouder')
    .map((p) => ({ userId: p.userId, name: p.name }));
  const all = type === 'analysis' ? analysisSections(parents) : [...SECTIONS.futurePlan];
  const readable = detail.effectiveSections[type] ?? {};
  return all.filter((s) => !s.legacy && (readable[s.id] ?? 'none') !== 'none');
}

/** The documents this person reads: the analysis, and the future plan from 16. */
export function documentChoices(detail: CaseDetail): RightsDocument[] {
  const docs: RightsDocument[] = ['analysis'];
  if (
    Object.values(detail.effectiveSections.futurePlan ?? {}).some((p) => p !== 'none') &&
    detail.youngPerson.age >= 16
  )
    docs.push('futurePlan');
  return docs;
}
