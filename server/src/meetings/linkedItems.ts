/**
 * Decisions land in the analysis or the plan, not in loose minutes (domain brief §5): a linked decision
 * or action is appended to its section through the live document (`applyServerChange`), so everyone
 * with the document open sees it at once and it is stored like any edit.
 *  - a rich-text section gets a paragraph "Besluit MDO 23-11-2026: … — owner, uiterlijk 30-11-2026";
 *  - a life domain of the future plan gets an item {id, wat, wie, wanneer, wet: null, bron: 'meeting:<id>'},
 *    its free-text fields (wat, wie, bron) as Y.Text like the editor's own items.
 */
import { documentId, type MeetingLink, SECTIONS } from '@samenspraak/shared';
import * as Y from 'yjs';
import { itemMap } from '../cases/itemMaps.js';
import type { AppServices } from '../services.js';
import { type ItemWords, itemLine } from './meetingRules.js';

export interface LinkedItem extends ItemWords {
  id: string;
  link: MeetingLink;
}

export function linkedDocumentId(caseId: string, link: MeetingLink): string {
  return documentId(caseId, link.document);
}

/** The change that appends the item to its section (exported for tests of the document shape). */
export function appendItem(doc: Y.Doc, item: LinkedItem, meeting: { id: string; at: Date }): void {
  const def = SECTIONS[item.link.document].find((s) => s.id === item.link.section);
  if (!def) throw new Error(`unknown section ${item.link.document}.${item.link.section}`);
  if (def.content === 'items') {
    const entry = itemMap('action', {
      id: item.id,
      wat: item.text,
      wie: item.ownerName,
      wanneer: item.due,
      wet: null,
      bron: `meeting:${meeting.id}`,
    });
    const list = doc.getArray<Y.Map<unknown>>(def.id);
    list.insert(list.length, [entry]);
    return;
  }
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(itemLine(item, meeting.at))]);
  const fragment = doc.getXmlFragment(def.id);
  fragment.insert(fragment.length, [paragraph]);
}

/** Appends the item to its linked document; resolves once durable. Throws when the document refuses it. */
export async function landItem(
  services: AppServices,
  caseId: string,
  item: LinkedItem,
  meeting: { id: string; at: Date },
): Promise<void> {
  const collab = services.collab;
  if (!collab) throw new Error('the collaboration core is not running');
  await collab.applyServerChange(linkedDocumentId(caseId, item.link), (doc) => appendItem(doc, item, meeting));
}
