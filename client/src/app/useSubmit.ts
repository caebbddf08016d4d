/**
 * The one way a form or button sends something and shows how it went: busy while it runs (the button is
 * disabled), what went wrong — cleared when the next try starts — and, for forms that say "saved", that
 * the last try got that far. The steps live in `runSubmit` (plain, tested without a DOM); the hook keeps
 * them in React state.
 */
import { useCallback, useState } from 'react';
import { errorText } from './errorText';

export interface SubmitState {
  busy: boolean;
  /** What the last try threw, as thrown (`ApiError` from `api()`), or null. */
  failure: unknown;
  /** The last try called its `done()`. */
  done: boolean;
}

export const IDLE: SubmitState = { busy: false, failure: null, done: false };

/** The work of one try; `done()` marks it as a success the form reports (a "saved" status). */
export type SubmitAction = (done: () => void) => Promise<void>;

export interface SubmitOptions {
  /**
   * Runs after the outcome is recorded, success or failure, while still busy (e.g. re-read what the
   * server now says, also after a refusal).
   */
  settle?: () => Promise<void>;
}

/**
 * One try: busy and the old outcome cleared, the action run, what it threw kept as the failure, then
 * `settle`, then not busy. Resolves true when the action succeeded; never rejects for the action's error.
 */
export async function runSubmit(
  update: (change: Partial<SubmitState>) => void,
  action: SubmitAction,
  options: SubmitOptions = {},
): Promise<boolean> {
  update({ busy: true, failure: null, done: false });
  let ok = false;
  try {
    await action(() => update({ done: true }));
    ok = true;
  } catch (err) {
    update({ failure: err });
  }
  try {
    await options.settle?.();
  } finally {
    update({ busy: false });
  }
  return ok;
}

export interface Submit extends SubmitState {
  /** The failure in plain words for the person (`errorText`), or null. */
  error: string | null;
  submit(action: SubmitAction, options?: SubmitOptions): Promise<boolean>;
}

export function useSubmit(): Submit {
  const [state, setState] = useState<SubmitState>(IDLE);
  const submit = useCallback(
    (action: SubmitAction, options?: SubmitOptions) =>
      runSubmit((change) => setState((s) => ({ ...s, ...change })), action, options),
    [],
  );
  return { ...state, error: state.failure === null ? null : errorText(state.failure), submit };
}
