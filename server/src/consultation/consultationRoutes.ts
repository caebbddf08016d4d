/**
 * /api/consultations — the public form (no login; limited per address; answers a receipt only) and the
 * RET queue of the procesregisseur's own region:
 *   POST /consultations                 public: a request lands in the region's RET queue
 *   GET  /consultations                 the queue (no contact details)
 *   GET  /consultations/:id             one request with its contact details (logged read)
 *   POST /consultations/:id/answer      the RET answered it; closes it
 *   POST /consultations/:id/convert     a registration from it; marks it converted with the case id
 */
import {
  ConsultationAnswerBodySchema,
  ConsultationConvertedResponseSchema,
  ConsultationReceiptResponseSchema,
  ConsultationRequestBodySchema,
  ConsultationResponseSchema,
  ConsultationsResponseSchema,
} from '@samenspraak/shared';
import { Router } from 'express';
import { httpGate } from '../cases/httpGate.js';
import { parseRegistration } from '../cases/registration.js';
import { HttpError } from '../http/errors.js';
import { reply } from '../http/reply.js';
import { parseBody } from '../http/validate.js';
import { clientOf } from '../identity/identityHttp.js';
import { Invalid } from '../kernel/errors.js';
import type { AppServices } from '../services.js';
import { AddressLimiter } from './consultationRules.js';
import {
  answerConsultation,
  convertConsultation,
  listConsultations,
  openConsultation,
  submitConsultation,
} from './consultations.js';

export function consultationRoutes(services: AppServices): Router {
  const router = Router();
  const gate = httpGate(services);
  const limiter = new AddressLimiter();

  router.post('/consultations', async (req, res) => {
    const { remoteAddress } = clientOf(req);
    // Counted before validation: a flood of bad requests is a flood too.
    if (!limiter.take(remoteAddress))
      throw new HttpError(429, 'rate_limited', 'too many consultation requests from this address; try again later');
    const raw = req.body as { region?: unknown } | undefined;
    if (raw && raw.region !== undefined && !ConsultationRequestBodySchema.shape.region.safeParse(raw.region).success)
      throw new Invalid('region: unknown region', 'unknown_region');
    const body = parseBody(ConsultationRequestBodySchema, req.body);
    const receipt = await submitConsultation(services, body, remoteAddress);
    reply(res, ConsultationReceiptResponseSchema, { receipt }, 201);
  });

  router.get('/consultations', async (req, res) => {
    reply(res, ConsultationsResponseSchema, { consultations: await listConsultations(services, gate.audit(req, res)) });
  });

  router.get('/consultations/:id', async (req, res) => {
    const consultation = await openConsultation(services, gate.audit(req, res), String(req.params.id));
    reply(res, ConsultationResponseSchema, { consultation });
  });

  router.post('/consultations/:id/answer', async (req, res) => {
    const audit = gate.audit(req, res);
    const body = parseBody(ConsultationAnswerBodySchema, req.body);
    reply(res, ConsultationResponseSchema, {
      consultation: await answerConsultation(services, audit, String(req.params.id), body),
    });
  });

  router.post('/consultations/:id/convert', async (req, res) => {
    const audit = gate.audit(req, res);
    const body = parseRegistration(req.body);
    const done = await convertConsultation(services, audit, String(req.params.id), body);
    reply(res, ConsultationConvertedResponseSchema, done, 201);
  });

  return router;
}
