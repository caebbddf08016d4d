/**
 * A statement or correction names a section of the analysis or the future plan: one the person may read
 * (the same effective permissions as the document gate, own-words parts included), so nobody attaches
 * words to a part that does not exist or that they cannot see.
 */

import type { CaseScope } from '../cases/caseGate.js';
import { ownWordsContext } from '../cases/ownWordsParts.js';
import { effectiveSections } from '../domain/caseAccess.js';
import { Invalid } from '../kernel/errors.js';
import type { AppServices } from '../services.js';

/** The sections of the analysis and the plan this person may read now. */
export async function readableSections(
  services: AppServices,
  scope: CaseScope,
): Promise<Record<'analysis' | 'futurePlan', ReadonlySet<string>>> {
  const me = { caseId: scope.caseId, userId: scope.audit.actor.userId };
  const of = async (document: 'analysis' | 'futurePlan') => {
    const sections = effectiveSections(
      scope.facts,
      document,
      scope.role,
      scope.now,
      await ownWordsContext(services.db, me, document, scope.now),
    );
    return new Set(Object.entries(sections).flatMap(([id, p]) => (p === 'none' ? [] : [id])));
  };
  return { analysis: await of('analysis'), futurePlan: await of('futurePlan') };
}

/** Keeps what is about a section this person may read: a quoted passage never shows text they cannot see. */
export function aboutReadable<T extends { document: 'analysis' | 'futurePlan'; section: string }>(
  items: T[],
  readable: Record<'analysis' | 'futurePlan', ReadonlySet<string>>,
): T[] {
  return items.filter((x) => readable[x.document].has(x.section));
}

export async function checkReadableSection(
  services: AppServices,
  scope: CaseScope,
  document: 'analysis' | 'futurePlan',
  section: string,
  what: string,
): Promise<void> {
  const me = { caseId: scope.caseId, userId: scope.audit.actor.userId };
  const sections = effectiveSections(
    scope.facts,
    document,
    scope.role,
    scope.now,
    await ownWordsContext(services.db, me, document, scope.now),
  );
  if ((sections[section] ?? 'none') !== 'none') return;
  await scope.log('create', 'failure', `${what}: unknown section ${document}/${section}`);
  throw new Invalid(`no readable section ${section} in the ${document}`, 'unknown_section');
}
