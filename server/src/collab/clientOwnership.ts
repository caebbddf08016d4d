/**
 * Who may write under which Yjs client id. Yjs trusts client ids: once the document holds clock c of
 * client X, any later struct of X at or below c is "already known" and silently dropped. So whoever
 * writes under X's id first can make X's real edits vanish while X is told they were saved. The server
 * therefore binds every client id to the person whose connection first wrote with it (persisted with
 * that write, so it holds across restarts and instances) and refuses structs under anyone else's id.
 *
 * Delete sets are not covered: deleting a colleague's words names their client id legitimately and is
 * governed by the section rules. Pure: reads the document, never changes it.
 */
import * as Y from 'yjs';
import type { ClientClaim } from '../storage/documentStore.js';
import type { DecodedUpdate } from './updateInspection.js';

/**
 * The owner recorded for client ids the server itself writes with (version restore, meeting decisions).
 * No token carries this subject: the server signs tokens only for accounts and named free-document users.
 * (Postgres text cannot hold a NUL, so the marker is plain text.)
 */
export const SERVER_OWNER = 'samenspraak:server';

/** Client id → owner, for one loaded document. */
export class ClientOwners {
  private readonly owners = new Map<number, string>();

  /** Takes over stored or remote claims. The first claim of an id wins, as in the store. */
  add(claims: Iterable<ClientClaim>): void {
    for (const { client, owner } of claims) if (!this.owners.has(client)) this.owners.set(client, owner);
  }

  ownerOf(client: number): string | undefined {
    return this.owners.get(client);
  }

  get size(): number {
    return this.owners.size;
  }
}

export type OwnershipVerdict = { ok: true; claims: ClientClaim[] } | { ok: false; client: number; owner: string };

/**
 * The verdict when the check is switched off (benchmark baseline only; production refuses it): accept and
 * claim nothing. Claims are only written for a client id's first update, so steady-state work is the same.
 */
export const UNCHECKED: OwnershipVerdict = Object.freeze({ ok: true, claims: [] });

/**
 * Checks every struct of `decoded` that brings new clocks (items, GC and skip ranges alike): its client
 * id must be unclaimed or claimed by `person`. Returns the ids this update would newly claim, or the
 * first foreign one. Structs the document already holds change nothing and are not checked.
 */
export function checkClientOwnership(
  doc: Y.Doc,
  decoded: DecodedUpdate,
  owners: ClientOwners,
  person: string,
): OwnershipVerdict {
  const fresh = new Set<number>();
  for (const s of decoded.structs) {
    const client = s.id.client;
    if (s.id.clock + s.length <= Y.getState(doc.store, client)) continue;
    const owner = owners.ownerOf(client);
    if (owner === undefined) fresh.add(client);
    else if (owner !== person) return { ok: false, client, owner };
  }
  return { ok: true, claims: [...fresh].map((client) => ({ client, owner: person })) };
}
