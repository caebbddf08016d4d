/**
 * Links that arrive by mail (or from the beheerder's screen): activation and re-enrolment
 * (`/api/activation/:token`), and the forgotten password (`/api/auth/password-reset`). No session needed.
 */
import {
  ActivateRequestSchema,
  ActivationInfoSchema,
  PasswordResetConfirmSchema,
  PasswordResetRequestSchema,
  PasswordResetResponseSchema,
  RecoveryCodesResponseSchema,
} from '@samenspraak/shared';
import { Router } from 'express';
import { reply } from '../http/reply.js';
import type { AppServices } from '../services.js';
import { clientOf, parseBody, rateLimitedError } from './identityHttp.js';
import { completeEnrolment, completePasswordReset, openEnrolment, requestPasswordReset } from './recovery.js';
import { addressLimited } from './throttle.js';
import { totpUri } from './totp.js';

/** The otpauth URI as an SVG image the page shows (drawn here: the client has no QR library). */
export async function qrDataUrl(uri: string): Promise<string> {
  // Loaded on first use: only enrolment draws a QR code (issue 16, idle RSS).
  const { default: QRCode } = await import('qrcode');
  const svg = await QRCode.toString(uri, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}

export function recoveryRoutes(services: AppServices): Router {
  const router = Router();

  router.get('/activation/:token', async (req, res) => {
    const { row, user } = await openEnrolment(services, String(req.params.token));
    reply(res, ActivationInfoSchema, {
      name: user.name,
      login: user.login,
      purpose: row.purpose === 'enrolment' ? 'enrolment' : 'activation',
      qrDataUrl: await qrDataUrl(totpUri(row.totp_secret, user.login)),
      secret: row.totp_secret,
      expiresAt: row.expires_at,
    });
  });

  router.post('/activation/:token', async (req, res) => {
    const body = parseBody(ActivateRequestSchema, req.body);
    const recoveryCodes = await completeEnrolment(services, String(req.params.token), body, clientOf(req));
    reply(res, RecoveryCodesResponseSchema, { recoveryCodes });
  });

  router.post('/auth/password-reset', async (req, res) => {
    const body = parseBody(PasswordResetRequestSchema, req.body);
    const client = clientOf(req);
    if (await addressLimited(services.db, client.remoteAddress, services.clock())) throw rateLimitedError();
    await requestPasswordReset(services, body.email, client);
    reply(res, PasswordResetResponseSchema, { accepted: true }, 202);
  });

  router.post('/auth/password-reset/:token', async (req, res) => {
    const body = parseBody(PasswordResetConfirmSchema, req.body);
    await completePasswordReset(services, String(req.params.token), body.password, clientOf(req));
    res.status(204).end();
  });

  return router;
}
