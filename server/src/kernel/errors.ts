/**
 * Domain errors: what went wrong in the terms of the domain, not of a transport. Commands, policies and
 * the gate throw these; `http/errors.ts` turns them into a status code and the JSON body, the socket
 * handlers into an error frame. The id is the stable error id a client shows words for
 * (`shared/src/httpErrors.ts`); the message is English for logs and developers.
 */
import type { HttpErrorDetails, HttpErrorId } from '@samenspraak/shared';

/** The stable error ids (the same list on every channel). */
export type ErrorId = HttpErrorId;
export type ErrorDetails = HttpErrorDetails;

/** The kinds of refusal a transport has to tell apart. */
export type DomainErrorKind = 'invalid' | 'forbidden' | 'not_found' | 'conflict';

export abstract class DomainError extends Error {
  abstract readonly kind: DomainErrorKind;
  constructor(
    message: string,
    readonly id: ErrorId,
    readonly details?: ErrorDetails,
  ) {
    super(message);
  }
}

/** The request is malformed or names something that cannot be (400 over HTTP). */
export class Invalid extends DomainError {
  readonly kind = 'invalid';
  constructor(message: string, id: ErrorId = 'invalid_request', details?: ErrorDetails) {
    super(message, id, details);
  }
}

/** The actor may not do this (403 over HTTP). */
export class Forbidden extends DomainError {
  readonly kind = 'forbidden';
  constructor(message: string, id: ErrorId = 'forbidden', details?: ErrorDetails) {
    super(message, id, details);
  }
}

/** The thing does not exist, or must look as if it does not (404 over HTTP). */
export class NotFound extends DomainError {
  readonly kind = 'not_found';
  constructor(message: string, id: ErrorId = 'not_found', details?: ErrorDetails) {
    super(message, id, details);
  }
}

/** The thing is in a state that does not allow this now (409 over HTTP). */
export class Conflict extends DomainError {
  readonly kind = 'conflict';
  constructor(message: string, id: ErrorId = 'conflict', details?: ErrorDetails) {
    super(message, id, details);
  }
}

/** "case not found": the message of a NotFound for a kind of thing. */
export const notFound = (what = 'resource') => new NotFound(`${what} not found`);
