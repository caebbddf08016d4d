/**
 * The Express application: operational endpoints, the built client, one error handler.
 *
 * Compression (issue 16, a phone on 4G): the client build holds a brotli and a gzip copy of each asset
 * (vite.config.ts), served as they are by express-static-gzip with `Content-Encoding` and
 * `Vary: Accept-Encoding`; Vite's hashed files under /assets/ never change, so a browser keeps them a
 * year (`immutable`), while index.html is asked again each time (`no-cache`). Other answers, JSON from
 * /api above all, are compressed on the fly (`compression`: brotli or gzip by Accept-Encoding, from 1 kB).
 * WebSocket upgrades (/collab, /realtime) never pass through Express, so they are not touched.
 */
import fs from 'node:fs';
import path from 'node:path';
import compression from 'compression';
import express, { type Router } from 'express';
import expressStaticGzip from 'express-static-gzip';
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

/** Vite's hashed files (/assets/name-HASH.js): a new build makes new names, so they never change. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

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
  app.use(compression());

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
    const hashed = path.resolve(opts.clientDir, 'assets') + path.sep;
    app.use(
      expressStaticGzip(opts.clientDir, {
        enableBrotli: true,
        orderPreference: ['br', 'gzip'],
        index: false,
        serveStatic: {
          index: false,
          maxAge: '1h',
          // Runs before serve-static sets its own Cache-Control, which then stays as set here.
          setHeaders(res, file) {
            if (file.startsWith(hashed)) res.setHeader('Cache-Control', IMMUTABLE);
          },
        },
      }),
    );
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
