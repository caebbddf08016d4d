/** The Express application: operational endpoints, the built client, one error handler. */
import fs from 'node:fs';
import path from 'node:path';
import express, { type Router } from 'express';
import { notFound } from '../kernel/errors.js';
import type { Logger } from '../observability/logger.js';
import type { Metrics } from '../observability/metrics.js';
import type { TrustFunction } from './clientAddress.js';
import { errorHandler } from './errors.js';
import { metricsAllowed } from './metricsAccess.js';
import { noStore, securityHeaders } from './securityHeaders.js';

export interface Readiness {
  /** Each check resolves to null when fine, or a short description of what is wrong. */
  checks: Record<string, () => Promise<string | null>>;
  /** Checks whose failure means "degraded" (still serving) rather than "not ready". */
  optional?: string[];
}

export function createHttpApp(opts: {
  log: Logger;
  metrics: Metrics;
  readiness: Readiness;
  clientDir: string;
  /** Which peers are proxies (TRUST_PROXY): decides req.ip, req.secure and req.host. */
  trustProxy: TrustFunction;
  /** METRICS_TOKEN and whether this is production: who may read /metrics (metricsAccess.ts). */
  metricsAccess: { token: string | null; production: boolean };
  api?: Router;
}) {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', opts.trustProxy);
  app.use(securityHeaders());

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });

  app.get('/readyz', async (_req, res) => {
    const results: Record<string, string> = {};
    let ready = true;
    let degraded = false;
    for (const [name, check] of Object.entries(opts.readiness.checks)) {
      const problem = await check().catch((err: Error) => err.message || 'failed');
      results[name] = problem ?? 'ok';
      if (problem && opts.readiness.optional?.includes(name)) degraded = true;
      else if (problem) ready = false;
    }
    const status = ready ? (degraded ? 'degraded' : 'ready') : 'not-ready';
    res.status(ready ? 200 : 503).json({ status, checks: results });
  });

  app.get('/metrics', async (req, res, next) => {
    if (!metricsAllowed(req, opts.metricsAccess)) return next(notFound('page'));
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Content-Type', opts.metrics.registry.contentType);
    res.send(await opts.metrics.registry.metrics());
  });

  app.use('/api', noStore);
  // One JSON value per body (strict: objects and arrays only; JSON.parse refuses anything after it), and
  // no compressed bodies: zlib silently drops bytes after a deflate/gzip stream, so garbage would ride
  // along unseen, and the client never compresses what it sends.
  app.use('/api', express.json({ limit: '256kb', strict: true, inflate: false }));
  if (opts.api) app.use('/api', opts.api);
  app.use('/api', (_req, _res, next) => next(notFound('API route')));

  const index = path.join(opts.clientDir, 'index.html');
  if (fs.existsSync(index)) {
    app.use(express.static(opts.clientDir, { index: false, maxAge: '1h' }));
    app.get(/^\/(?!api\/|collab\/|realtime\/).*/, (_req, res) => {
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(index);
    });
  } else {
    opts.log.warn({ clientDir: opts.clientDir }, 'client build not found; run npm run build');
  }

  app.use((_req, _res, next) => next(notFound('page')));
  app.use(errorHandler(opts.log));
  return app;
}
