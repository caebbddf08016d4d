/**
 * 002 Bijlage 1 asks for the request for help "in de woorden van de verschillende betrokkenen": one
 * own-words part per person. The young person's part is the root `hulpvraag_jeugdige` (one young person
 * per case); each parent on the case has their own root `hulpvraag_ouder_<userId>`, so the server's
 * per-root write check keeps one parent out of another's words. A part may be written by a named
 * professional "zoals verteld door" the person: always so for a child under 12 (no account before 12,
 * domain brief §7), and for anyone who asks for it. Pure: the server and the client use the same rules.
 */
import type { Role } from './access.js';
import { SECTIONS, type SectionDef } from './documents.js';
import { PERMISSION_TABLE, type Permission } from './permissions.js';

export const YOUNG_PERSON_PART = 'hulpvraag_jeugdige';
export const PARENT_PART_PREFIX = 'hulpvraag_ouder_';
/** Today's template had one part for all parents: kept as a legacy root (documents.ts, `legacy`). */
export const LEGACY_PARENTS_PART = 'hulpvraag_ouders';

/** User ids are server-made (uuid-like); a root name stays a plain, bounded identifier. */
const USER_ID = /^[A-Za-z0-9_-]{1,64}$/;

export function parentPartRoot(userId: string): string {
  if (!USER_ID.test(userId)) throw new Error(`not a user id: ${userId}`);
  return `${PARENT_PART_PREFIX}${userId}`;
}

/** The parent's user id of a per-parent root, or null for any other root name. */
export function parentOfPart(root: string): string | null {
  if (!root.startsWith(PARENT_PART_PREFIX)) return null;
  const id = root.slice(PARENT_PART_PREFIX.length);
  return USER_ID.test(id) ? id : null;
}

export function isOwnWordsPart(root: string): boolean {
  return root === YOUNG_PERSON_PART || parentOfPart(root) !== null;
}

export interface PartPerson {
  userId: string;
  name: string;
}

/** Who writes a part for the person, "zoals verteld door" them. */
export interface PartRecorder {
  userId: string;
  name: string;
  role: Role;
  /** True when the person asked for it; false for a child under 12 (always recorded). */
  onRequest: boolean;
}

export interface OwnWordsPart {
  root: string;
  kind: 'jeugdige' | 'ouder';
  /** The person whose words these are; the young person's user id is null when they have no account. */
  person: { userId: string | null; name: string };
  recorder: PartRecorder | null;
}

/** The own-words parts of an analysis: the young person's, then each parent's, in the given order. */
export function ownWordsParts(
  youngPerson: { userId: string | null; name: string },
  parents: readonly PartPerson[],
  recorders: Readonly<Record<string, PartRecorder>>,
): OwnWordsPart[] {
  return [
    { root: YOUNG_PERSON_PART, kind: 'jeugdige', person: youngPerson, recorder: recorders[YOUNG_PERSON_PART] ?? null },
    ...parents.map((p) => {
      const root = parentPartRoot(p.userId);
      return {
        root,
        kind: 'ouder' as const,
        person: { userId: p.userId, name: p.name },
        recorder: recorders[root] ?? null,
      };
    }),
  ];
}

/** A person's first name: part titles travel into exports that name the young person by first name only. */
export function firstNameOf(name: string): string {
  return name.trim().split(/\s+/)[0] ?? '';
}

/** A parent's part as a section (own words of role 'ouder'; who exactly may write it is decided per person). */
export function parentPartSection(person: PartPerson): SectionDef {
  return {
    id: parentPartRoot(person.userId),
    owner: { kind: 'ownWords', role: 'ouder' },
    content: 'richText',
    title: {
      nl: `Hulpvraag van ${firstNameOf(person.name)} (ouder) — in eigen woorden`,
      en: `Request for help of ${firstNameOf(person.name)} (parent) — in their own words`,
    },
    source: 'bijlage1',
    group: 'hulpvraag',
  };
}

/**
 * The analysis template for a case: the static sections with one part per parent after the young
 * person's part. `parents` are the parents on the case and any parent whose root already holds words.
 */
export function analysisSections(parents: readonly PartPerson[]): SectionDef[] {
  const result: SectionDef[] = [];
  for (const def of SECTIONS.analysis) {
    result.push(def);
    if (def.id === YOUNG_PERSON_PART) result.push(...parents.map(parentPartSection));
  }
  return result;
}

/**
 * What must be non-empty before sign-off (for the sign-off rule): the required Bijlage 1 sections and
 * every own-words part of the case (the young person's, each parent's).
 */
export function analysisRequiredRoots(parts: readonly OwnWordsPart[]): string[] {
  return [...SECTIONS.analysis.filter((s) => s.required).map((s) => s.id), ...parts.map((p) => p.root)];
}

/**
 * One person's permission on an own-words part, before age, consent and case status: its author (the
 * person, or the professional recording it for them) edits; nobody else may rewrite the words; the
 * others on the case comment (directors in a breakthrough session read; municipality and administrators
 * see nothing) — the same as the role's permission on the young person's part for a non-author.
 */
export function ownWordsPartPermission(part: OwnWordsPart, viewer: { userId: string; role: Role }): Permission {
  const base = PERMISSION_TABLE.analysis[YOUNG_PERSON_PART]?.[viewer.role] ?? 'none';
  if (base === 'none' || viewer.role === 'dbt-lid') return base;
  if (part.recorder?.userId === viewer.userId) return 'edit';
  const isPerson =
    part.kind === 'jeugdige'
      ? viewer.role === 'jeugdige'
      : viewer.role === 'ouder' && part.person.userId === viewer.userId;
  if (isPerson) return 'edit';
  return base === 'edit' ? 'comment' : base;
}

/**
 * Who may name (or end) the professional who records a part "zoals verteld door" the person, and whether
 * that is "on request": for a child under 12, any professional on the case (the child has no account);
 * otherwise only the person themselves. Pure; the recorder must be a case professional (checked apart).
 */
export function recorderNaming(
  part: OwnWordsPart,
  actor: { userId: string; role: Role },
  childUnder12: boolean,
  caseProfessionals: readonly Role[],
): { allowed: true; onRequest: boolean } | { allowed: false } {
  if (part.kind === 'jeugdige' && childUnder12) {
    return caseProfessionals.includes(actor.role) ? { allowed: true, onRequest: false } : { allowed: false };
  }
  const isPerson =
    part.kind === 'jeugdige'
      ? actor.role === 'jeugdige'
      : actor.role === 'ouder' && part.person.userId === actor.userId;
  return isPerson ? { allowed: true, onRequest: true } : { allowed: false };
}
