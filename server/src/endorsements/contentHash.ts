/**
 * Which text an endorsement or sign-off is about: a SHA-256 per section (of the section's content
 * fingerprint: element tree with marks and attributes, or the items) and one hash over the sections a
 * person can read. Canonical JSON (sorted keys), so two loads of the same Yjs state give the same hash
 * whatever order map keys were integrated in.
 */
import crypto from 'node:crypto';
import { type DocumentType, SECTIONS } from '@samenspraak/shared';
import type * as Y from 'yjs';
import { documentSections, sectionFingerprint } from '../documents/sections.js';

const sha256 = (text: string) => crypto.createHash('sha256').update(text).digest('hex');

/** JSON with object keys sorted at every level. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Hash per section of the template (all of them; pick the readable ones with `pick`). */
export function sectionHashes(doc: Y.Doc, type: DocumentType): Record<string, string> {
  const sections = documentSections(doc, type);
  return Object.fromEntries(
    SECTIONS[type].map((s) => {
      const fingerprint = sectionFingerprint(sections[s.id]);
      // sectionFingerprint is JSON for readable sections: re-serialise canonically.
      let canonical = fingerprint;
      try {
        canonical = canonicalJson(JSON.parse(fingerprint));
      } catch {
        // unreadable sections carry their error text; hash that as is
      }
      return [s.id, sha256(`${s.id}\n${canonical}`)];
    }),
  );
}

export function pick(hashes: Record<string, string>, sectionIds: readonly string[]): Record<string, string> {
  return Object.fromEntries(Object.entries(hashes).filter(([id]) => sectionIds.includes(id)));
}

/** One hash over per-section hashes (in section id order). */
export function contentHash(hashes: Record<string, string>): string {
  return sha256(canonicalJson(hashes));
}

/**
 * An endorsement was given on an earlier version when a section it covered now hashes differently
 * (002 h1 "gedragen": the agreement is with the text the person read). An endorsement without
 * section hashes (given before pinning) is not tied to any text: treated as earlier.
 */
export function changedSections(endorsed: Record<string, string> | null, current: Record<string, string>): string[] {
  if (!endorsed) return ['*'];
  return Object.entries(endorsed)
    .filter(([id, hash]) => current[id] !== hash)
    .map(([id]) => id);
}
