/**
 * Structured items in a case document: a section of content 'items' is a Y.Array of Y.Maps, one map
 * per item with a stable `id` (shape: shared/src/items.ts). Pure functions on a Y.Doc (no React, no
 * I/O), so they are unit-tested and the same on every client. Values read from the document are
 * untrusted and checked.
 *
 * - hypotheses (analysis `hypothesen`): { id, statement*, evidence*, status }
 * - actions per life domain (future plan `domein_*`): { id, wat*, wie*, wanneer, wet, bron* }
 * - checklist for turning 18 (future plan `checklist_18`): { id, tekst*, klaar }
 * - summary points (analysis `samenvatting`, 002 Bijlage 1 "puntsgewijze opsomming"): { id, tekst* }
 * - a hypothesis also says which mechanism it explains: `mechanisme` (ontstaan … verminderen) or none
 *
 * (* free text: a Y.Text, or a plain string in older documents.)
 */
import {
  CHECKLIST_SECTION,
  HYPOTHESES_SECTION,
  HYPOTHESIS_MECHANISMS,
  type HypothesisMechanism,
  isItemTextField,
  itemKindOf,
  LAWS_OR_BUDGETS,
  type LawOrBudget,
  SUMMARY_SECTION,
} from '@samenspraak/shared';
import * as Y from 'yjs';
import { capText, type FieldValue, fieldText, newItemMap, plainFields, setFieldText } from './itemFields';

export {
  CHECKLIST_SECTION,
  DOMAIN_PREFIX,
  HYPOTHESES_SECTION,
  HYPOTHESIS_MECHANISMS,
  type HypothesisMechanism,
  type ItemKind,
  itemKindOf,
  SUMMARY_SECTION,
} from '@samenspraak/shared';

export const HYPOTHESIS_STATUSES = ['open', 'supported', 'rejected'] as const;
export type HypothesisStatus = (typeof HYPOTHESIS_STATUSES)[number];

export interface Hypothesis {
  id: string;
  /** Why the problems arise, persist, worsen or lessen — now, in this young person and system. */
  statement: string;
  /** What points to it. */
  evidence: string;
  status: HypothesisStatus;
  /** 002 Bijlage 1: which mechanism it explains; '' when not chosen (older hypotheses). */
  mechanisme: HypothesisMechanism | '';
}

export interface SummaryPoint {
  id: string;
  tekst: string;
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

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function text(value: unknown): string {
  return typeof value === 'string' ? capText(value) : '';
}

/** A new id: random, unguessable enough to never collide between clients. */
export function newItemId(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function fieldsOf(item: unknown): Record<string, unknown> | null {
  if (item instanceof Y.Map) return plainFields(item);
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
  const mechanisme = HYPOTHESIS_MECHANISMS.includes(fields.mechanisme as HypothesisMechanism)
    ? (fields.mechanisme as HypothesisMechanism)
    : '';
  return { id, statement: text(fields.statement), evidence: text(fields.evidence), status, mechanisme };
}

export function parseSummaryPoint(fields: Record<string, unknown>): SummaryPoint | null {
  const id = text(fields.id);
  return id ? { id, tekst: text(fields.tekst) } : null;
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
export const readSummary = (doc: Y.Doc) => readItems(doc, SUMMARY_SECTION, parseSummaryPoint);

type Fields = Record<string, FieldValue>;

function kindOf(sectionId: string) {
  const kind = itemKindOf(sectionId);
  if (!kind) throw new Error(`section "${sectionId}" holds no items`);
  return kind;
}

/** Appends an item (a Y.Map with a new id first) in one transaction; returns the id. */
export function addItem(doc: Y.Doc, sectionId: string, fields: Fields, id: string = newItemId()): string {
  const map = newItemMap(kindOf(sectionId), { id, ...fields });
  doc.transact(() => {
    doc.getArray(sectionId).push([map]);
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
  return addItem(doc, sectionId, {
    wat: fields.wat ?? '',
    wie: fields.wie ?? '',
    wanneer: fields.wanneer ?? '',
    wet: fields.wet ?? '',
    bron: fields.bron ?? '',
  });
}

export function addSummaryPoint(doc: Y.Doc, tekst = ''): string {
  return addItem(doc, SUMMARY_SECTION, { tekst });
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

/** The Y.Map of one item, for binding its text fields (null when it is gone). */
export function findItemMap(doc: Y.Doc, sectionId: string, id: string): Y.Map<unknown> | null {
  const index = findIndex(doc, sectionId, id);
  return index < 0 ? null : (doc.getArray<unknown>(sectionId).get(index) as Y.Map<unknown>);
}

/**
 * Sets fields of one item. Only fields whose value differs are written (no empty changes), and `id`
 * never changes. Free-text fields change by their smallest difference (see itemFields.ts). Returns
 * false when the item does not exist (removed meanwhile by someone else).
 */
export function updateItem(doc: Y.Doc, sectionId: string, id: string, patch: Partial<Fields>): boolean {
  const map = findItemMap(doc, sectionId, id);
  if (!map) return false;
  const kind = kindOf(sectionId);
  doc.transact(() => {
    for (const [key, value] of Object.entries(patch)) {
      if (key === 'id' || value === undefined) continue;
      if (typeof value === 'string' && isItemTextField(kind, key)) {
        if (fieldText(map.get(key)) !== capText(value)) setFieldText(map, key, value);
      } else if (map.get(key) !== value) map.set(key, value);
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
