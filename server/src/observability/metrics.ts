/** Prometheus metrics, one registry per server instance (tests run several in one process). */
import client from 'prom-client';

export function createMetrics() {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: 'samenspraak_' });
  const reg = [registry];
  return {
    registry,
    connections: new client.Gauge({
      name: 'samenspraak_collab_connections',
      help: 'Open collaboration connections',
      registers: reg,
    }),
    documentsLoaded: new client.Gauge({
      name: 'samenspraak_documents_loaded',
      help: 'Documents held in memory',
      registers: reg,
    }),
    updates: new client.Counter({
      name: 'samenspraak_updates_total',
      help: 'Document updates accepted',
      registers: reg,
    }),
    rejected: new client.Counter({
      name: 'samenspraak_updates_rejected_total',
      help: 'Document updates rejected',
      labelNames: ['reason'] as const,
      registers: reg,
    }),
    heldBackRefused: new client.Counter({
      name: 'samenspraak_held_back_refused_total',
      help: 'Updates refused because too much was already held back waiting for missing content, by bound',
      labelNames: ['scope'] as const,
      registers: reg,
    }),
    heldBackBytes: new client.Gauge({
      name: 'samenspraak_held_back_bytes',
      help: 'Bytes of updates held back waiting for a sync step 2, all connections',
      registers: reg,
    }),
    closes: new client.Counter({
      name: 'samenspraak_connections_closed_total',
      help: 'Connections closed by the server, by close code name',
      labelNames: ['code'] as const,
      registers: reg,
    }),
    storeAppend: new client.Histogram({
      name: 'samenspraak_store_append_seconds',
      help: 'Duration of one group-committed store append',
      buckets: [0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5, 1],
      registers: reg,
    }),
    storeBatch: new client.Histogram({
      name: 'samenspraak_store_batch_updates',
      help: 'Updates per group commit',
      buckets: [1, 2, 5, 10, 20, 50, 100, 500, 1000, 5000],
      registers: reg,
    }),
    storeFailures: new client.Counter({
      name: 'samenspraak_store_failures_total',
      help: 'Failed store appends (retried)',
      registers: reg,
    }),
    storePending: new client.Gauge({
      name: 'samenspraak_store_pending_updates',
      help: 'Updates not yet durable',
      registers: reg,
    }),
    ackLatency: new client.Histogram({
      name: 'samenspraak_ack_latency_seconds',
      help: 'From receiving an update to it being durable',
      buckets: [0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5, 1, 5],
      registers: reg,
    }),
    documentLoad: new client.Histogram({
      name: 'samenspraak_document_load_seconds',
      help: 'Cold load of a document from the store',
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
      registers: reg,
    }),
    compactions: new client.Counter({ name: 'samenspraak_compactions_total', help: 'Log compactions', registers: reg }),
  };
}
export type Metrics = ReturnType<typeof createMetrics>;
