/** Typed HTTP errors with stable ids, and the one handler that turns anything thrown into JSON. */
import type { ErrorRequestHandler } from 'express';
import type { Logger } from '../observability/logger.js';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly id: string,
    message: string,
  ) {
    super(message);
  }
}

export const notFound = (what = 'resource') => new HttpError(404, 'not_found', `${what} not found`);

export function errorHandler(log: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    if (err instanceof HttpError) {
      res.status(err.status).json({ error: { id: err.id, message: err.message } });
      return;
    }
    // body-parser errors carry a status and a type (e.g. entity.too.large, entity.parse.failed).
    const status = typeof err?.status === 'number' && err.status >= 400 && err.status < 500 ? err.status : 500;
    if (status < 500) {
      res
        .status(status)
        .json({ error: { id: String(err.type ?? 'bad_request').replace(/\./g, '_'), message: err.message } });
      return;
    }
    log.error({ err, path: req.path }, 'unhandled HTTP error');
    res.status(500).json({ error: { id: 'internal', message: 'internal server error' } });
  };
}
