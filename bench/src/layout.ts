/**
 * Which document and which server instance each load client uses. Shared by the orchestrator and the
 * client workers so both agree without sending a table over IPC. Pure functions.
 */

/** Client i edits document i mod D. */
export function docIndexOf(clientId: number, docs: number): number {
  return clientId % docs;
}

/**
 * The instance client i connects to. The k-th client of a document (k = ⌊i / D⌋) alternates between
 * instances, and odd documents start on the other instance, so every document with ≥ 2 clients has
 * clients on both instances and the clients are split evenly overall (exactly when D is even).
 */
export function instanceOf(clientId: number, docs: number, instances: number): number {
  if (instances <= 1) return 0;
  return (docIndexOf(clientId, docs) + Math.floor(clientId / docs)) % instances;
}

/** Sender id of a latency key `${sender}:${n}`. */
export function senderOf(key: string): number {
  return Number(key.slice(0, key.indexOf(':')));
}
