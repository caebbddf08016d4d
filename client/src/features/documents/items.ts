/**
 * Structured items in a case document: a section of content 'items' is a Y.Array of Y.Maps, one map
 * per item with a stable `id`. Pure functions on a Y.Doc (no React, no I/O), so they are unit-tested
 * and the same on every client. Values read from the document are untrusted and checked.
 *
 * - hypotheses (analysis `hypothesen`): { id, statement, evidence, status }
 * - actions per life domain (future plan `domein_*`): { id, wat, wie, wanneer, wet, bron? }
 * - checklist for turning 18 (future plan `checklist_18`): { id, tekst, klaar }
 */
import { LAWS_OR_BUDGETS, type LawOrBudget } from '@samenspraak/shared';
import * as Y from 'yjs';

export const HYPOTHESES_SECTION = 'hypothesen';
export const CHECKLIST_SECTION = 'checklist_18';
export const DOMAIN_PREFIX = 'domein_';

export const HYPOTHESIS_STATUSES = ['open', 'supported', 'rejected'] as const;
export type HypothesisStatus = (typeof HYPOTHESIS_STATUSES)[number];

export interface Hypothesis {
  id: string;
  /** Why the problems arise, persist, worsen or lessen — now, in this young person and system. */
  statement: string;
  /** What points to it. */
  evidence: string;
  status: HypothesisStatus;
}

export interface DomainAction {
  id: string;
  /** What will happen. */
  wat: string;
  /** Who does it. */
  wie: string;
  /** By when: YYYY-MM-DD, or '' when not set. */
  wanneer: string;
  /** Which law or budget pays. */
  wet: LawOrBudget | '';
  /** Where the action comes from (a meeting, a decision); optional. */
  bron?: string;
}

export interface ChecklistItem {
  id: string;
  tekst: string;
  klaar: boolean;
}

export type ItemKind = 'hypothesis' | 'action' | 'checklist';

/** Which kind of items a section holds, from its id (null for a rich-text section). */
export function itemKindOf(sectionId: string): ItemKind | null {
  if (sectionId === HYPOTHESES_SECTION) return 'hypothesis';
  if (sectionId === CHECKLIST_SECTION) return 'checklist';
  if (sectionId.startsWith(DOMAIN_PREFIX)) return 'action';
  return null;
}

const MAX_TEXT = 4000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function text(value: unknown): string {
  return typeof value === 'string' ? value.slice(0, MAX_TEXT) : '';
}

/** A new id: random, unguessable enough to never collide between clients. */
export function newItemId(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function fieldsOf(item: unknown): Record<string, unknown> | null {
  if (item instanceof Y.Map) return item.toJSON() as Record<string, unknown>;
  if (typeof item === 'object' && item !== null && !(item instanceof Y.AbstractType))
    return item as Record<string, unknown>;
  return null;
}

export function parseHypothesis(fields: Record<string, unknown>): Hypothesis | null {
  const id = text(fields.id);
  if (!id) return null;
  const status = HYPOTHESIS_STATUSES.includes(fields.status as HypothesisStatus)
    ? (fields.status as HypothesisStatus)
    : 'open';
  return { id, statement: text(fields.statement), evidence: text(fields.evidence), status };
}

export function parseAction(fields: Record<string, unknown>): DomainAction | null {
  const id = text(fields.id);
  if (!id) return null;
  const wanneer = text(fields.wanneer);
  const wet = LAWS_OR_BUDGETS.includes(fields.wet as LawOrBudget) ? (fields.wet as LawOrBudget) : '';
  const action: DomainAction = {
    id,
    wat: text(fields.wat),
    wie: text(fields.wie),
    wanneer: DATE.test(wanneer) ? wanneer : '',
    wet,
  };
  const bron = text(fields.bron);
  if (bron) action.bron = bron;
  return action;
}

export function parseChecklistItem(fields: Record<string, unknown>): ChecklistItem | null {
  const id = text(fields.id);
  if (!id) return null;
  return { id, tekst: text(fields.tekst), klaar: fields.klaar === true };
}

/** The items of a section that parse; malformed entries are skipped (never shown, never rewritten). */
export function readItems<T>(doc: Y.Doc, sectionId: string, parse: (f: Record<string, unknown>) => T | null): T[] {
  const out: T[] = [];
  for (const item of doc.getArray<unknown>(sectionId).toArray()) {
    const fields = fieldsOf(item);
    const parsed = fields ? parse(fields) : null;
    if (parsed) out.push(parsed);
  }
  return out;
}

export const readHypotheses = (doc: Y.Doc) => readItems(doc, HYPOTHESES_SECTION, parseHypothesis);
export const readActions = (doc: Y.Doc, sectionId: string) => readItems(doc, sectionId, parseAction);
export const readChecklist = (doc: Y.Doc) => readItems(doc, CHECKLIST_SECTION, parseChecklistItem);

type Fields = Record<string, string | boolean>;

function toMap(fields: Fields): Y.Map<string | boolean> {
  const map = new Y.Map<string | boolean>();
  for (const [key, value] of Object.entries(fields)) map.set(key, value);
  return map;
}

/** Appends an item (a Y.Map with a new id first) in one transaction; returns the id. */
export function addItem(doc: Y.Doc, sectionId: string, fields: Fields, id: string = newItemId()): string {
  doc.transact(() => {
    doc.getArray(sectionId).push([toMap({ id, ...fields })]);
  });
  return id;
}

export function addHypothesis(doc: Y.Doc, fields: Partial<Omit<Hypothesis, 'id'>> = {}): string {
  return addItem(doc, HYPOTHESES_SECTION, {
    statement: fields.statement ?? '',
    evidence: fields.evidence ?? '',
    status: fields.status ?? 'open',
  });
}

export function addAction(doc: Y.Doc, sectionId: string, fields: Partial<Omit<DomainAction, 'id'>> = {}): string {
  const values: Fields = {
    wat: fields.wat ?? '',
    wie: fields.wie ?? '',
    wanneer: fields.wanneer ?? '',
    wet: fields.wet ?? '',
  };
  if (fields.bron) values.bron = fields.bron;
  return addItem(doc, sectionId, values);
}

export function addChecklistItem(doc: Y.Doc, tekst: string, klaar = false): string {
  return addItem(doc, CHECKLIST_SECTION, { tekst, klaar });
}

/** Several checklist items in one change (the standard list). */
export function addChecklistItems(doc: Y.Doc, texts: readonly string[]): string[] {
  const ids: string[] = [];
  doc.transact(() => {
    for (const tekst of texts) ids.push(addChecklistItem(doc, tekst));
  });
  return ids;
}

function findIndex(doc: Y.Doc, sectionId: string, id: string): number {
  return doc
    .getArray<unknown>(sectionId)
    .toArray()
    .findIndex((item) => item instanceof Y.Map && item.get('id') === id);
}

/**
 * Sets fields of one item. Only fields whose value differs are written (no empty changes), and `id`
 * never changes. Returns false when the item does not exist (removed meanwhile by someone else).
 */
export function updateItem(doc: Y.Doc, sectionId: string, id: string, patch: Partial<Fields>): boolean {
  const index = findIndex(doc, sectionId, id);
  if (index < 0) return false;
  const map = doc.getArray<unknown>(sectionId).get(index) as Y.Map<unknown>;
  doc.transact(() => {
    for (const [key, value] of Object.entries(patch)) {
      if (key === 'id' || value === undefined) continue;
      if (value === '' && key === 'bron') {
        if (map.has(key)) map.delete(key);
        continue;
      }
      if (map.get(key) !== value) map.set(key, value);
    }
  });
  return true;
}

export function removeItem(doc: Y.Doc, sectionId: string, id: string): boolean {
  const index = findIndex(doc, sectionId, id);
  if (index < 0) return false;
  doc.getArray(sectionId).delete(index, 1);
  return true;
}

/** Actions whose date has passed (today as YYYY-MM-DD), for a gentle "overdue" mark. */
export function isOverdue(action: DomainAction, today: string): boolean {
  return action.wanneer !== '' && action.wanneer < today;
}
