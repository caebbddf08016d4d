/**
 * The client-id check's own CPU per update, measured in-process. The end-to-end pair (samenspraak vs
 * samenspraak-noidcheck) compares two separate server runs; on a busy machine their CPU per delivery
 * differs by far more than 10 % from run to run, so this isolates the one call that differs: the same
 * editing as the load (3 characters at a random position of `text` plus one `lat` key per edit, several
 * writers per document) is fed update by update into a server-side Y.Doc, and the CPU time of
 * `checkClientOwnership` on each update — against the document state it really meets — is summed.
 * Divided by Samenspraak's server CPU per update from the same run, it gives the check's share of the
 * per-update cost, which does not depend on how loaded the machine was during the window.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as Y from 'yjs';
import { ROOT } from './servers.js';

export interface IdCheckCost {
  updates: number;
  writers: number;
  /** CPU µs of checkClientOwnership per update (mean over `updates`). */
  checkUsPerUpdate: number;
  /** CPU µs of Y.decodeUpdate + Y.applyUpdate per update on the same document, for scale. */
  decodeApplyUsPerUpdate: number;
}

type Check = (doc: Y.Doc, decoded: unknown, owners: unknown, person: string) => { ok: boolean; claims?: unknown[] };
interface OwnershipModule {
  checkClientOwnership: Check;
  ClientOwners: new () => { add(claims: Iterable<unknown>): void };
}

const cpuUs = () => {
  const u = process.cpuUsage();
  return u.user + u.system;
};

/** Repetitions of the check per update, so one cpuUsage pair (~1 µs itself) is small against what it times. */
const REPEAT = 50;

export async function measureIdCheckCost(updates = 5000, writers = 5, warmup = 1000): Promise<IdCheckCost> {
  const file = path.join(ROOT, 'server', 'dist', 'collab', 'clientOwnership.js');
  const mod = (await import(pathToFileURL(file).href)) as OwnershipModule;
  const server = new Y.Doc();
  const owners = new mod.ClientOwners();
  const docs = Array.from({ length: writers }, () => new Y.Doc());
  let checkUs = 0;
  let applyUs = 0;
  for (let i = 0; i < warmup + updates; i++) {
    const w = i % writers;
    const doc = docs[w]!;
    let update: Uint8Array | null = null;
    const grab = (u: Uint8Array) => {
      update = u;
    };
    doc.on('update', grab);
    doc.transact(() => {
      const text = doc.getText('text');
      text.insert(Math.floor(Math.random() * (text.length + 1)), 'abc');
      doc.getMap('lat').set(`${w}:${i}`, Date.now());
    });
    doc.off('update', grab);
    const u = update as unknown as Uint8Array;
    const measured = i >= warmup;
    const t0 = cpuUs();
    const decoded = Y.decodeUpdate(u);
    const t1 = cpuUs();
    let verdict: ReturnType<Check> = { ok: false };
    for (let r = 0; r < REPEAT; r++) verdict = mod.checkClientOwnership(server, decoded, owners, `person-${w}`);
    const t2 = cpuUs();
    if (!verdict.ok) throw new Error('client-id check refused an honest update');
    owners.add(verdict.claims ?? []);
    const t4 = cpuUs();
    Y.applyUpdate(server, u);
    const t5 = cpuUs();
    if (measured) {
      checkUs += (t2 - t1) / REPEAT;
      applyUs += t1 - t0 + (t5 - t4);
    }
    for (const other of docs) if (other !== doc) Y.applyUpdate(other, u);
  }
  return {
    updates,
    writers,
    checkUsPerUpdate: checkUs / updates,
    decodeApplyUsPerUpdate: applyUs / updates,
  };
}
