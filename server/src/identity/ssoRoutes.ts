/**
 * Single sign-on routes: `GET /api/auth/sso` (is it configured), `GET /api/auth/sso/start` (a browser
 * navigation: to the identity provider), `GET /api/auth/sso/callback` (back from it). The callback answers
 * with a redirect: to `/` with a session, or to `/inloggen?sso=<error id>` whose Dutch words the login
 * page shows. Logic lives in sso.ts.
 */
import { SsoInfoResponseSchema } from '@samenspraak/shared';
import { type Response, Router } from 'express';
import { reply } from '../http/reply.js';
import { notFound } from '../kernel/errors.js';
import type { AppServices } from '../services.js';
import { clientOf, setSessionCookie } from './identityHttp.js';
import { liveSessionOf, readCookie } from './sessionMiddleware.js';
import { endSession } from './sessions.js';
import { finishSso, SSO_COOKIE, SSO_FLOW_MS, ssoConfigOf, startSso } from './sso.js';

export function ssoRoutes(services: AppServices): Router {
  const router = Router();
  const cookiePath = '/api/auth/sso';
  // Lax, not Strict: it must come back with the provider's (cross-site) redirect to the callback.
  const flowCookie = () => ({
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: services.config.production,
    path: cookiePath,
  });

  router.get('/auth/sso', (_req, res) => {
    reply(res, SsoInfoResponseSchema, { enabled: ssoConfigOf(services) !== null });
  });

  router.get('/auth/sso/start', async (_req, res) => {
    const cfg = ssoConfigOf(services);
    if (!cfg) throw notFound('single sign-on');
    const { url, browserToken } = await startSso(services, cfg);
    res.cookie(SSO_COOKIE, browserToken, { ...flowCookie(), maxAge: SSO_FLOW_MS });
    res.redirect(303, url.href);
  });

  const toLogin = (res: Response, id: string) => res.redirect(303, `/inloggen?sso=${encodeURIComponent(id)}`);

  router.get('/auth/sso/callback', async (req, res) => {
    const cfg = ssoConfigOf(services);
    if (!cfg) throw notFound('single sign-on');
    const query = new URL(req.originalUrl, 'http://callback.invalid').searchParams;
    const outcome = await finishSso(
      services,
      cfg,
      { query, browserToken: readCookie(req.headers.cookie, SSO_COOKIE) },
      clientOf(req),
    );
    res.clearCookie(SSO_COOKIE, flowCookie());
    if (outcome.kind !== 'done') return toLogin(res, outcome.kind);
    const previous = liveSessionOf(res);
    if (previous) await endSession(services.db, previous.session.id);
    setSessionCookie(res, services, outcome.session);
    res.redirect(303, '/');
  });

  return router;
}
