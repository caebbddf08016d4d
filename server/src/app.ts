/**
 * Wires one Samenspraak instance: store, collaboration core, HTTP and WebSocket transports on one port.
 * Takes a Config (never reads the environment) so tests start as many instances as they like.
 */

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { Gauge } from 'prom-client';
import { createApiRouter } from './apiRouter.js';
import { AccessLog } from './audit/accessLog.js';
import { scheduleAnchors } from './audit/anchorSchedule.js';
import { accessLogOptions } from './audit/auditKey.js';
import { secretKey } from './auth/collabTokens.js';
import { resolveAuthSecret } from './auth/secret.js';
import { createCasePolicy } from './cases/casePolicy.js';
import { CollabServer } from './collab/collabServer.js';
import type { AccessPolicy, ClientWrite, Fanout } from './collab/types.js';
import { warmUpYjs } from './collab/warmup.js';
import { attachCollabWebSocket, COLLAB_PATH } from './collab/wsAdapter.js';
import type { Config } from './config.js';
import { openAppDatabase } from './db/database.js';
import { runAnalysisWatch } from './endorsements/outdated.js';
import { clientAddress, trustFunction } from './http/clientAddress.js';
import { createHttpApp } from './http/httpApp.js';
import { logAllExpiredInvitations } from './identity/invitationCommands.js';
import { noteOwnWordsWritten } from './inbox/ownWordsWritten.js';
import { DeferredCaseEvents } from './kernel/caseEvents.js';
import { attachRealtime, type RealtimeChannel } from './live/realtimeServer.js';
import { OutboxWorker } from './mail/outboxWorker.js';
import { createTransport } from './mail/transports.js';
import { createLogger, type Logger } from './observability/logger.js';
import { createMetrics, type Metrics } from './observability/metrics.js';
import { executeDueDestructions } from './retention/executeDestructions.js';
import { RedisAwarenessRelay, withAwareness } from './scale/redisAwareness.js';
import { RedisFanout } from './scale/redisFanout.js';
import { SCHEMA_MIGRATIONS } from './schemaMigrations.js';
import type { AppServices, TestClock } from './services.js';
import type { DocumentStore } from './storage/documentStore.js';
import { SqliteWorkerStore } from './storage/sqliteWorkerStore.js';

const DESTRUCTION_SWEEP_MS = 60 * 60 * 1000;
/** Endorsements of changed text, birthdays at Amsterdam midnight, new providers: checked this often. */
const ANALYSIS_WATCH_MS = 5 * 60 * 1000;

export interface RunningServer {
  url: string;
  port: number;
  collab: CollabServer;
  store: DocumentStore;
  /** This instance's Prometheus metrics (what /metrics serves). */
  metrics: Metrics;
  services: AppServices;
  /** This instance's mail outbox worker (sends queued mails; `poke()` makes it look now). */
  mail: OutboxWorker;
  /** socket.io at /realtime. */
  realtime: RealtimeChannel;
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
  /** The domain clock (age, deadlines, session expiry); tests pass a fixed one. */
  clock?: () => Date;
}

/**
 * The settable clock of end-to-end tests: reads `base` shifted by the last offset set, so time runs on
 * from the moment a test sets.
 */
export function settableClock(base: () => Date): { clock: () => Date; control: TestClock } {
  let offsetMs = 0;
  return {
    clock: () => new Date(base().getTime() + offsetMs),
    control: {
      set(now) {
        offsetMs = now.getTime() - base().getTime();
      },
    },
  };
}

export async function openStore(config: Config): Promise<DocumentStore> {
  if (config.databaseUrl) {
    const { PostgresStore } = await import('./storage/postgresStore.js');
    return PostgresStore.open(config.databaseUrl, config.databaseSchema ? { schema: config.databaseSchema } : {});
  }
  return new SqliteWorkerStore(path.join(config.dataDir, 'samenspraak.db'));
}

export async function startServer(config: Config, options: StartOptions = {}): Promise<RunningServer> {
  const log = options.log ?? createLogger(config.logLevel, { instance: config.instanceId });
  const metrics = createMetrics();
  const store = options.store ?? (await openStore(config));
  const authKey = secretKey(resolveAuthSecret(config));
  const appDb = await openAppDatabase({
    migrations: SCHEMA_MIGRATIONS,
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    schema: config.databaseSchema ?? undefined,
  });
  const baseClock = options.clock ?? (() => new Date());
  const test = config.testClock ? settableClock(baseClock) : null;
  const clock = test?.clock ?? baseClock;
  const caseEvents = new DeferredCaseEvents();
  const services: AppServices = {
    config,
    log,
    db: appDb.db,
    dialect: appDb.dialect,
    accessLog: new AccessLog(appDb.db, appDb.dialect, clock, { ...accessLogOptions(config), sqliteFile: appDb.file }),
    clock,
    store,
    authKey,
    collab: null,
    caseEvents,
    publicUrl: config.publicUrl ?? `http://localhost:${config.port}`,
    testClock: test?.control ?? null,
  };
  // The access log's group commits, read when /metrics is scraped (bench: entries per commit).
  const logStats = services.accessLog.stats;
  for (const [name, help, read] of [
    ['samenspraak_access_log_commits', 'Access-log group commits (transactions)', () => logStats.commits],
    ['samenspraak_access_log_entries', 'Access-log entries committed', () => logStats.entries],
    ['samenspraak_access_log_failed_commits', 'Access-log group commits that failed', () => logStats.failedCommits],
    [
      'samenspraak_access_log_commit_ms',
      'Wall time of successful access-log group commits, ms',
      () => logStats.commitMs,
    ],
  ] as const) {
    new Gauge({
      name,
      help,
      registers: [metrics.registry],
      collect: function (this: Gauge) {
        this.set(read());
      },
    });
  }
  if (test) log.warn('test clock on: PUT /api/test/clock sets the domain clock (NODE_ENV=test only)');
  const redisFanout =
    !options.fanout && config.redisUrl
      ? new RedisFanout({ url: config.redisUrl, instanceId: config.instanceId, log, registry: metrics.registry })
      : null;
  const fanout =
    options.fanout ??
    (redisFanout && config.redisUrl
      ? withAwareness(redisFanout, new RedisAwarenessRelay(config.redisUrl, config.instanceId, log))
      : undefined);
  const policy =
    options.policy ?? createCasePolicy({ db: appDb.db, authKey, accessLog: services.accessLog, clock, log });
  warmUpYjs();
  if (!config.collabClientIdCheck) log.warn('UNSAFE_SKIP_CLIENT_ID_CHECK=1: client ids are NOT checked (bench only)');
  const clientIdCheck = config.collabClientIdCheck;
  // A young person or parent writing in their own words tells the analysis' professionals (inbox/).
  const onClientWrite = async (write: ClientWrite) => {
    await noteOwnWordsWritten(appDb.db, write, clock());
  };
  const collab = new CollabServer({
    store,
    policy,
    limits: config.limits,
    log,
    metrics,
    fanout,
    clientIdCheck,
    onClientWrite,
  });
  services.collab = collab;
  // Approved destruction requests are executed at decision time; this retries any that failed then.
  // Invitations that ran out unused are written to the access log by the same sweep (and before any read).
  const destructionTimer = setInterval(() => {
    executeDueDestructions(services).catch((err: unknown) => log.error({ err }, 'scheduled destruction run failed'));
    logAllExpiredInvitations(services).catch((err: unknown) => log.error({ err }, 'invitation expiry sweep failed'));
  }, DESTRUCTION_SWEEP_MS);
  destructionTimer.unref();
  const analysisWatch = setInterval(() => {
    runAnalysisWatch(services, services.clock()).catch((err: unknown) => log.error({ err }, 'analysis watch failed'));
  }, ANALYSIS_WATCH_MS);
  analysisWatch.unref();
  const anchors = scheduleAnchors(services.accessLog, config.auditAnchorIntervalMs, log);

  const trustProxy = trustFunction(config.trustProxy);
  const app = createHttpApp({
    api: createApiRouter(services),
    trustProxy,
    metricsAccess: { token: config.metricsToken, production: config.production },
    log,
    metrics,
    clientDir: config.clientDir,
    readiness: {
      checks: {
        store: async () => {
          await store.ping();
          return collab.storeHealthy ? null : 'writes are failing and being retried';
        },
        ...(config.redisUrl && {
          redis: async () => {
            if (redisFanout && !redisFanout.healthy)
              return 'unreachable: no cross-instance updates (documents resync on return)';
            if (!realtime.healthy) return 'unreachable: realtime events stay on this instance';
            return null;
          },
        }),
      },
      optional: ['redis'],
    },
  });
  const server = http.createServer(app);
  server.headersTimeout = 20_000;
  server.requestTimeout = 30_000;
  const ws = attachCollabWebSocket(server, collab, {
    maxMessageBytes: config.limits.maxMessageBytes,
    remoteAddressOf: (req) => clientAddress(req, trustProxy),
  });
  // After the Express handler is attached: socket.io takes over only the requests under its path.
  const realtime = attachRealtime(server, {
    authKey,
    log,
    services,
    redisUrl: config.redisUrl,
    sweepIntervalMs: config.notifyIntervalMs,
  });
  caseEvents.bind(realtime.events);
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
  services.publicUrl = config.publicUrl ?? `http://localhost:${port}`;
  // Mails leave through the durable outbox; links in them start with the public URL.
  const mail = new OutboxWorker({
    db: appDb.db as never,
    transport: createTransport(config.mail.smtpUrl, config.dataDir, log),
    config: config.mail,
    publicUrl: services.publicUrl,
    instanceId: config.instanceId,
    clock,
    log,
    registry: metrics.registry,
  });
  mail.start();

  let closing: Promise<boolean> | null = null;
  const close = () => {
    closing ??= (async () => {
      clearInterval(destructionTimer);
      clearInterval(analysisWatch);
      caseEvents.bind(null);
      server.close();
      const realtimeClosed = realtime.close();
      const flushed = await collab.close();
      ws.close();
      await realtimeClosed;
      server.closeAllConnections();
      await mail.stop();
      await store.close();
      await services.accessLog.close();
      // Last: the entries written while closing (sessions ending, final saves) are in the anchored head.
      await anchors.stop();
      await appDb.close();
      return flushed;
    })();
    return closing;
  };

  return { url, port, collab, store, metrics, services, mail, realtime, authKey, log, close };
}
