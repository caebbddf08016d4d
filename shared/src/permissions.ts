/**
 * THE permission table: per document type and section, per role, edit / comment / read / none.
 * The server enforces it for every update and every API call; the client only uses it to show the
 * right controls. Case-level rules (age, consent, participation) come on top: see server/src/domain.
 */
import { ROLES, type Role } from './access.js';
import { DOCUMENT_TYPES, type DocumentType, SECTIONS, type SectionDef } from './documents.js';

export const PERMISSIONS = ['none', 'read', 'comment', 'edit'] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** Professionals who work on the case content. */
export const CASE_PROFESSIONALS: readonly Role[] = [
  'gedragswetenschapper',
  'lokaal-team',
  'jeugdbeschermer',
  'jeugdhulpaanbieder',
  'onderwijsconsulent',
  'procesregisseur',
  'ben-adviseur',
];

function permissionFor(section: SectionDef, role: Role): Permission {
  // Municipality policy staff see aggregates only; administrators manage accounts, not case content.
  if (role === 'gemeente' || role === 'beheerder') return 'none';
  // Directors in a breakthrough session read the case; their own acts are commitments (server records).
  if (role === 'dbt-lid') return 'read';
  // The independent GZ psychologist judges a closed-placement request on the analysis (002 h1): reads, never writes.
  if (role === 'gz-psycholoog') return 'read';
  if (section.owner.kind === 'ownWords') {
    // Only the author edits their own words; nobody else may rewrite them. Everyone on the case may ask.
    return role === section.owner.role ? 'edit' : 'comment';
  }
  if (CASE_PROFESSIONALS.includes(role)) return 'edit';
  // Young person, parents and the client supporter comment on the professionals' text.
  return 'comment';
}

export type PermissionTable = Record<DocumentType, Record<string, Record<Role, Permission>>>;

export const PERMISSION_TABLE: PermissionTable = Object.fromEntries(
  DOCUMENT_TYPES.map((type) => [
    type,
    Object.fromEntries(
      SECTIONS[type].map((section) => [
        section.id,
        Object.fromEntries(ROLES.map((role) => [role, permissionFor(section, role)])),
      ]),
    ),
  ]),
) as PermissionTable;

export function sectionPermission(type: DocumentType, sectionId: string, role: Role): Permission {
  return PERMISSION_TABLE[type][sectionId]?.[role] ?? 'none';
}

export function atLeast(p: Permission, needed: Permission): boolean {
  return PERMISSIONS.indexOf(p) >= PERMISSIONS.indexOf(needed);
}

/** The strongest permission a role has on any section of a document type (decides whether it may open it). */
export function documentPermission(type: DocumentType, role: Role): Permission {
  let best: Permission = 'none';
  for (const section of SECTIONS[type]) {
    const p = sectionPermission(type, section.id, role);
    if (atLeast(p, best)) best = p;
  }
  return best;
}
