import { describe, expect, it } from 'vitest';
import { ApiError } from './api';
import { IDLE, runSubmit, type SubmitState } from './useSubmit';

/** The state as a form would see it after each update, like the hook's `setState`. */
function recorder(start: SubmitState = IDLE) {
  let state = start;
  const seen: SubmitState[] = [];
  return {
    update: (change: Partial<SubmitState>) => {
      state = { ...state, ...change };
      seen.push(state);
    },
    get state() {
      return state;
    },
    seen,
  };
}

describe('runSubmit', () => {
  it('is busy while the action runs and clears the last failure and status at the start', async () => {
    const r = recorder({ busy: false, failure: new Error('old'), done: true });
    let during: SubmitState | null = null;
    const ok = await runSubmit(r.update, async () => {
      during = r.state;
    });
    expect(ok).toBe(true);
    expect(during).toEqual({ busy: true, failure: null, done: false });
    expect(r.state).toEqual({ busy: false, failure: null, done: false });
  });

  it('starts the action at once, in the same turn as the click', () => {
    const r = recorder();
    let started = false;
    void runSubmit(r.update, async () => {
      started = true;
    });
    expect(started).toBe(true);
    expect(r.state.busy).toBe(true);
  });

  it('keeps what the action threw, as thrown, and is no longer busy', async () => {
    const r = recorder();
    const refusal = new ApiError(409, 'conflict', 'someone else changed it');
    const ok = await runSubmit(r.update, async () => {
      throw refusal;
    });
    expect(ok).toBe(false);
    expect(r.state).toEqual({ busy: false, failure: refusal, done: false });
  });

  it('reports done from the moment the action says so, also when a later step fails', async () => {
    const r = recorder();
    let afterDone: SubmitState | null = null;
    await runSubmit(r.update, async (done) => {
      done();
      afterDone = r.state;
      throw new Error('the re-read failed');
    });
    expect(afterDone).toEqual({ busy: true, failure: null, done: true });
    expect(r.state.done).toBe(true);
    expect(r.state.failure).toBeInstanceOf(Error);
  });

  it('settles after the outcome is recorded and before it stops being busy, on success and failure', async () => {
    for (const fails of [false, true]) {
      const r = recorder();
      let atSettle: SubmitState | null = null;
      await runSubmit(
        r.update,
        async () => {
          if (fails) throw new Error('refused');
        },
        {
          settle: async () => {
            atSettle = r.state;
          },
        },
      );
      expect(atSettle).toMatchObject({ busy: true, failure: fails ? expect.any(Error) : null });
      expect(r.state.busy).toBe(false);
    }
  });

  it('is not busy any more when settling fails', async () => {
    const r = recorder();
    await expect(
      runSubmit(r.update, async () => {}, {
        settle: async () => {
          throw new Error('gone');
        },
      }),
    ).rejects.toThrow('gone');
    expect(r.state.busy).toBe(false);
  });
});
