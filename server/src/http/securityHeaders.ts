/**
 * Response headers that keep a browser from being turned against the people using it (helmet):
 *  - a Content-Security-Policy allowing only this origin's own files: no inline script or style (the
 *    built client has none; Tiptap's style injection is switched off and its rules live in the client's
 *    CSS), `data:` images only for the design system's inline SVG icons, no plugins, no <base>, forms
 *    only to here, and no framing by anyone (clickjacking);
 *  - HSTS only on a request that came over TLS (`req.secure`: a TLS socket, or X-Forwarded-Proto https
 *    from a proxy named in TRUST_PROXY); on plain HTTP it would be a false promise;
 *  - `Cache-Control: no-store` on /api, whose answers carry personal data (set in httpApp).
 */
import type { RequestHandler } from 'express';
import helmet from 'helmet';

const SELF = "'self'";
const NONE = "'none'";

export function securityHeaders(): RequestHandler {
  const headers = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: [SELF],
        scriptSrc: [SELF],
        styleSrc: [SELF],
        imgSrc: [SELF, 'data:'],
        fontSrc: [SELF],
        // 'self' covers ws:/wss: to this host (CSP 3): /collab and /realtime.
        connectSrc: [SELF],
        objectSrc: [NONE],
        baseUri: [NONE],
        formAction: [SELF],
        frameAncestors: [NONE],
      },
    },
    strictTransportSecurity: false,
    referrerPolicy: { policy: 'no-referrer' },
    xFrameOptions: { action: 'deny' },
  });
  const hsts = helmet.strictTransportSecurity({ maxAge: 365 * 24 * 3600, includeSubDomains: true });
  return (req, res, next) => {
    headers(req, res, (err?: unknown) => {
      if (err) return next(err);
      if (req.secure) return hsts(req, res, next);
      next();
    });
  };
}

/** Every /api answer: personal data must not stay in a browser's or a proxy's cache. */
export const noStore: RequestHandler = (_req, res, next) => {
  res.setHeader('Cache-Control', 'no-store');
  next();
};
