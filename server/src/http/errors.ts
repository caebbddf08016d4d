/**
 * The web layer's errors and the one handler that turns anything thrown into JSON: domain errors
 * (`kernel/errors.ts`) get their status code here, `HttpError` is for what only HTTP knows (sessions,
 * CSRF, rate limits, gone invitations).
 */
import { errorWordsFor, type HttpErrorBody, type HttpErrorDetails, type HttpErrorId } from '@samenspraak/shared';
import type { ErrorRequestHandler } from 'express';
import { AccessLogUnavailable } from '../audit/accessLog.js';
import { DomainError, type DomainErrorKind } from '../kernel/errors.js';
import type { Logger } from '../observability/logger.js';
import { isDiskFull } from '../storage/diskFull.js';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly id: HttpErrorId,
    message: string,
    readonly details?: HttpErrorDetails,
  ) {
    super(message);
  }
}

/** body-parser's error types that keep an id of their own; any other becomes `bad_request`. */
const BODY_ERRORS: Record<string, HttpErrorId> = {
  'entity.parse.failed': 'entity_parse_failed',
  'entity.too.large': 'entity_too_large',
  'encoding.unsupported': 'encoding_unsupported',
};

const body = (id: HttpErrorId, message: string, details?: HttpErrorDetails): HttpErrorBody => ({
  error: details
    ? { id, message, text: errorWordsFor(id, details, 'nl'), details }
    : { id, message, text: errorWordsFor(id, {}, 'nl') },
});

/** The status code of each kind of domain error. */
export const DOMAIN_STATUS: Record<DomainErrorKind, number> = {
  invalid: 400,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
};

export function errorHandler(log: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    if (err instanceof HttpError) {
      res.status(err.status).json(body(err.id, err.message, err.details));
      return;
    }
    if (err instanceof DomainError) {
      res.status(DOMAIN_STATUS[err.kind]).json(body(err.id, err.message, err.details));
      return;
    }
    // body-parser errors carry a status and a type (e.g. entity.too.large, entity.parse.failed).
    const status = typeof err?.status === 'number' && err.status >= 400 && err.status < 500 ? err.status : 500;
    if (status < 500) {
      res.status(status).json(body(BODY_ERRORS[String(err.type)] ?? 'bad_request', String(err.message)));
      return;
    }
    if (err instanceof AccessLogUnavailable && !isDiskFull(err.cause)) {
      // Fail closed: the entry of this request could not be made durable, so its data is not sent.
      log.error({ err: err.cause, path: req.path }, 'access log unavailable: request refused');
      res.setHeader('Retry-After', '30');
      res.status(503).json(body('access_log_unavailable', 'the access log could not be written: no data is returned'));
      return;
    }
    if (isDiskFull(err)) {
      // Fail closed (nothing written, nothing shown without its access-log entry) and say why; the
      // same request succeeds once space is back.
      log.error({ path: req.path }, 'disk full: request refused');
      res.setHeader('Retry-After', '60');
      res.status(503).json(body('storage_full', 'storage is full: nothing was written; try again later'));
      return;
    }
    log.error({ err, path: req.path }, 'unhandled HTTP error');
    res.status(500).json(body('internal', 'internal server error'));
  };
}
