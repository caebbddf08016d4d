/**
 * Wires one Samenspraak instance: store, collaboration core, HTTP and WebSocket transports on one port.
 * Takes a Config (never reads the environment) so tests start as many instances as they like.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { secretKey } from './auth/collabTokens.js';
import { resolveAuthSecret } from './auth/secret.js';
import { createTokenAccessPolicy } from './auth/tokenAccessPolicy.js';
import { CollabServer } from './collab/collabServer.js';
import type { AccessPolicy, Fanout } from './collab/types.js';
import { attachCollabWebSocket, COLLAB_PATH } from './collab/wsAdapter.js';
import type { Config } from './config.js';
import { createHttpApp } from './http/httpApp.js';
import { createLogger, type Logger } from './observability/logger.js';
import { createMetrics } from './observability/metrics.js';
import type { DocumentStore } from './storage/documentStore.js';
import { SqliteStore } from './storage/sqliteStore.js';

export interface RunningServer {
  url: string;
  port: number;
  collab: CollabServer;
  store: DocumentStore;
  authKey: Uint8Array;
  log: Logger;
  /** Graceful stop: close sockets, flush and compact, close the store. Resolves false if not all was flushed. */
  close(): Promise<boolean>;
}

export interface StartOptions {
  log?: Logger;
  /** Overrides for tests: a store or policy built by the caller. */
  store?: DocumentStore;
  policy?: AccessPolicy;
  fanout?: Fanout;
}

export async function openStore(config: Config): Promise<DocumentStore> {
  if (config.databaseUrl) {
    const { PostgresStore } = await import('./storage/postgresStore.js');
    return PostgresStore.open(config.databaseUrl);
  }
  return new SqliteStore(path.join(config.dataDir, 'samenspraak.db'));
}

export async function startServer(config: Config, options: StartOptions = {}): Promise<RunningServer> {
  const log = options.log ?? createLogger(config.logLevel, { instance: config.instanceId });
  const metrics = createMetrics();
  const store = options.store ?? (await openStore(config));
  const authKey = secretKey(resolveAuthSecret(config));
  const policy = options.policy ?? createTokenAccessPolicy(authKey);
  const collab = new CollabServer({ store, policy, limits: config.limits, log, metrics, fanout: options.fanout });

  const app = createHttpApp({
    log,
    metrics,
    clientDir: config.clientDir,
    readiness: {
      checks: {
        store: async () => {
          await store.ping();
          return collab.storeHealthy ? null : 'writes are failing and being retried';
        },
      },
    },
  });
  const server = http.createServer(app);
  server.headersTimeout = 20_000;
  server.requestTimeout = 30_000;
  const ws = attachCollabWebSocket(server, collab, { maxMessageBytes: config.limits.maxMessageBytes });
  // An upgrade no transport claims would otherwise hang until the client gives up.
  const upgradePrefixes = [COLLAB_PATH, '/realtime/'];
  server.on('upgrade', (req, socket) => {
    if (!upgradePrefixes.some((p) => req.url?.startsWith(p))) socket.destroy();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  const url = `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`;

  let closing: Promise<boolean> | null = null;
  const close = () => {
    closing ??= (async () => {
      server.close();
      const flushed = await collab.close();
      ws.close();
      server.closeAllConnections();
      await store.close();
      return flushed;
    })();
    return closing;
  };

  return { url, port, collab, store, authKey, log, close };
}
