/**
 * Restoring a version never rewrites history: the sections that differ from the version are replaced,
 * through the live document, by the version's content — a new change that connected people see at
 * once and that is persisted like any edit — and a version of kind 'restored' records the result.
 */
import { type DocumentType, SECTIONS } from '@samenspraak/shared';
import * as Y from 'yjs';
import type { DocumentAccessInfo } from '../cases/documentAccess.js';
import { currentDoc, docFromState } from '../documents/content.js';
import type { StoredVersion, VersionSummary } from '../documents/documentVersions.js';
import { differingSections, documentTemplate } from '../documents/sections.js';
import type { AppServices } from '../services.js';
import { createVersion } from './versionCommands.js';

export class RestoreRefused extends Error {
  constructor(
    readonly reason: 'unknown_section' | 'forbidden',
    readonly sections: string[],
  ) {
    super(
      reason === 'unknown_section'
        ? `unknown section(s): ${sections.join(', ')}`
        : `you may not edit section(s) this restore would change: ${sections.join(', ')}`,
    );
  }
}

/** Y types belong to one document: the version's items and blocks are copied, not moved. */
function copyOf(value: unknown): unknown {
  return value instanceof Y.AbstractType ? (value as Y.AbstractType<unknown> & { clone(): unknown }).clone() : value;
}

function replaceSection(target: Y.Doc, source: Y.Doc, id: string, content: 'richText' | 'items'): void {
  if (content === 'items') {
    const to = target.getArray<unknown>(id);
    to.delete(0, to.length);
    to.insert(0, source.getArray<unknown>(id).toArray().map(copyOf));
    return;
  }
  const to = target.getXmlFragment(id);
  to.delete(0, to.length);
  to.insert(
    0,
    source
      .getXmlFragment(id)
      .toArray()
      .map((node) => copyOf(node) as Y.XmlElement | Y.XmlText),
  );
}

export async function restoreVersion(
  services: AppServices,
  input: {
    access: DocumentAccessInfo;
    type: DocumentType;
    version: StoredVersion;
    sections?: string[];
    person: { id: string; name: string; role: string };
  },
): Promise<{ changed: string[]; version: VersionSummary | null }> {
  const { access, type } = input;
  const collab = services.collab;
  if (!collab) throw new Error('the collaboration core is not running');
  const source = docFromState(input.version.state);
  // The template plus each parent's own part held in the version (their roots are per person).
  const defs = [...SECTIONS[type], ...documentTemplate(source, type).filter((d) => !SECTIONS[type].includes(d))];
  try {
    const unknown = (input.sections ?? []).filter((s) => !defs.some((d) => d.id === s));
    if (unknown.length > 0) throw new RestoreRefused('unknown_section', unknown);
    const current = await currentDoc(services, access.documentId);
    let changes: string[];
    try {
      const differing = differingSections(source, current, type);
      changes = input.sections ? differing.filter((s) => input.sections?.includes(s)) : differing;
    } finally {
      current.destroy();
    }
    const forbidden = changes.filter((s) => access.sections[s] !== 'edit');
    if (forbidden.length > 0) throw new RestoreRefused('forbidden', forbidden);
    if (changes.length === 0) return { changed: [], version: null };

    await collab.applyServerChange(access.documentId, (doc) => {
      // Decided again on the latest state: only what still differs is replaced.
      const still = new Set(differingSections(source, doc, type));
      for (const def of defs)
        if (changes.includes(def.id) && still.has(def.id)) replaceSection(doc, source, def.id, def.content);
    });

    const version = await createVersion(services, {
      documentId: access.documentId,
      caseId: access.caseId,
      name: `hersteld: ${input.version.name}`.slice(0, 200),
      kind: 'restored',
      person: input.person,
      restoredFrom: input.version.id,
    });
    return { changed: changes, version };
  } finally {
    source.destroy();
  }
}
