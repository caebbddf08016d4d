/** Prometheus metrics, one registry per server instance (tests run several in one process). */
import client from 'prom-client';

export function createMetrics() {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: 'samenspraak_' });
  const registers = [registry];
  const gauge = (name: string, help: string) => new client.Gauge({ name, help, registers });
  const counter = (name: string, help: string) => new client.Counter({ name, help, registers });
  const labelled = <L extends string>(name: string, help: string, label: L) =>
    new client.Counter<L>({ name, help, labelNames: [label], registers });
  const histogram = (name: string, help: string, buckets: number[]) =>
    new client.Histogram({ name, help, buckets, registers });
  return {
    registry,
    connections: gauge('samenspraak_collab_connections', 'Open collaboration connections'),
    documentsLoaded: gauge('samenspraak_documents_loaded', 'Documents held in memory'),
    updates: counter('samenspraak_updates_total', 'Document updates accepted'),
    rejected: labelled('samenspraak_updates_rejected_total', 'Document updates rejected', 'reason'),
    heldBackRefused: labelled(
      'samenspraak_held_back_refused_total',
      'Updates refused because too much was already held back waiting for missing content, by bound',
      'scope',
    ),
    heldBackBytes: gauge(
      'samenspraak_held_back_bytes',
      'Bytes of updates held back waiting for a sync step 2, all connections',
    ),
    closes: labelled(
      'samenspraak_connections_closed_total',
      'Connections closed by the server, by close code name',
      'code',
    ),
    storeAppend: histogram(
      'samenspraak_store_append_seconds',
      'Duration of one group-committed store append',
      [0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5, 1],
    ),
    storeBatch: histogram(
      'samenspraak_store_batch_updates',
      'Updates per group commit',
      [1, 2, 5, 10, 20, 50, 100, 500, 1000, 5000],
    ),
    storeFailures: counter('samenspraak_store_failures_total', 'Failed store appends (retried)'),
    storePending: gauge('samenspraak_store_pending_updates', 'Updates not yet durable'),
    ackLatency: histogram(
      'samenspraak_ack_latency_seconds',
      'From receiving an update to it being durable',
      [0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5, 1, 5],
    ),
    documentLoad: histogram(
      'samenspraak_document_load_seconds',
      'Cold load of a document from the store',
      [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    ),
    compactions: counter('samenspraak_compactions_total', 'Log compactions'),
  };
}
export type Metrics = ReturnType<typeof createMetrics>;
