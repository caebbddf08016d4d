/** The authenticated person behind an HTTP request, as set by the session middleware. */
import type { Response } from 'express';
import type { Actor } from '../kernel/actor.js';
import { HttpError } from './errors.js';

export function setActor(res: Response, actor: Actor): void {
  res.locals.actor = actor;
}

/** The actor of this request, or a 401. */
export function actorOf(res: Response): Actor {
  const actor = res.locals.actor as Actor | undefined;
  if (!actor) throw new HttpError(401, 'unauthenticated', 'log in first');
  return actor;
}

export function maybeActor(res: Response): Actor | null {
  return (res.locals.actor as Actor | undefined) ?? null;
}
