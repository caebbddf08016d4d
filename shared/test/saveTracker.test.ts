import { describe, expect, it } from 'vitest';
import { SaveTracker } from '../src/saveTracker.js';

function connected(): SaveTracker {
  const tracker = new SaveTracker();
  tracker.newSocket();
  tracker.frameSent('step2'); // answer to the server's step1
  tracker.saved(1);
  return tracker;
}

describe('SaveTracker', () => {
  it('is not saved before the first step2 was acknowledged', () => {
    const tracker = new SaveTracker();
    tracker.newSocket();
    expect(tracker.state.saved).toBe(false);
    tracker.frameSent('step2');
    expect(tracker.state.saved).toBe(false);
    tracker.saved(1);
    expect(tracker.state).toMatchObject({ saved: true, unsaved: false });
  });

  it('is unsaved from a local change until its frame is acknowledged', () => {
    const tracker = connected();
    tracker.localChange(true);
    tracker.frameSent('update'); // frame 2
    expect(tracker.state).toMatchObject({ saved: false, unsaved: true });
    tracker.saved(1);
    expect(tracker.state.unsaved).toBe(true);
    tracker.saved(2);
    expect(tracker.state).toMatchObject({ saved: true, unsaved: false });
  });

  it('keeps offline changes unsaved until the next connection acknowledged its step2', () => {
    const tracker = connected();
    tracker.socketClosed();
    tracker.localChange(false);
    expect(tracker.state.unsaved).toBe(true);
    tracker.newSocket();
    tracker.frameSent('update'); // a newer change, sent before the server's step1 arrived
    tracker.saved(1);
    expect(tracker.state.unsaved).toBe(true); // the offline change is not in frame 1
    tracker.frameSent('step2'); // frame 2 carries everything the server lacks
    expect(tracker.state.unsaved).toBe(true);
    tracker.saved(2);
    expect(tracker.state).toMatchObject({ saved: true, unsaved: false });
  });

  it('re-covers frames that a closed socket never got acknowledged', () => {
    const tracker = connected();
    tracker.frameSent('update'); // frame 2, never acknowledged
    tracker.socketClosed();
    tracker.newSocket();
    expect(tracker.state.unsaved).toBe(true);
    tracker.frameSent('step2');
    tracker.saved(1);
    expect(tracker.state.unsaved).toBe(false);
  });

  it('reports a rejection until a later step2 is accepted', () => {
    const tracker = connected();
    tracker.frameSent('update'); // frame 2
    tracker.rejected(2, 'read-only', 'no');
    tracker.saved(2);
    expect(tracker.state).toMatchObject({ saved: false, unsaved: false, rejection: { reason: 'read-only' } });
    tracker.socketClosed();
    tracker.newSocket();
    tracker.frameSent('step2');
    tracker.rejected(1, 'read-only', 'no'); // the refused content is still in this browser's copy
    tracker.saved(1);
    expect(tracker.state.rejection).not.toBeNull();
    tracker.socketClosed();
    tracker.newSocket();
    tracker.frameSent('step2');
    tracker.saved(1);
    expect(tracker.state).toMatchObject({ saved: true, rejection: null });
  });
});

describe('SaveTracker after a reconnect', () => {
  it('covers a change made while the new socket is still connecting with that socket’s step2', () => {
    const tracker = connected();
    tracker.socketClosed();
    tracker.newSocket(); // connecting: the provider does not send updates yet
    tracker.localChange(false);
    expect(tracker.state).toMatchObject({ saved: false, unsaved: true });
    tracker.frameSent('step2'); // frame 1: everything the server lacks, including that change
    tracker.saved(1);
    expect(tracker.state).toMatchObject({ saved: true, unsaved: false });
  });

  it('counts changes loaded from the local copy before the first connection as unsaved until acknowledged', () => {
    const tracker = new SaveTracker();
    tracker.localChange(false); // IndexedDB applied its stored updates before connecting
    tracker.newSocket();
    expect(tracker.state.unsaved).toBe(true);
    tracker.frameSent('step2');
    expect(tracker.state.unsaved).toBe(true);
    tracker.saved(1);
    expect(tracker.state).toMatchObject({ saved: true, unsaved: false });
  });

  it('keeps the offline change unsaved when the step2 carrying it was lost with its socket', () => {
    const tracker = connected();
    tracker.socketClosed();
    tracker.localChange(false);
    tracker.newSocket();
    tracker.frameSent('step2'); // frame 1 carries the offline change …
    tracker.socketClosed(); // … but the socket closes before Saved 1
    expect(tracker.state.unsaved).toBe(true);
    tracker.newSocket();
    tracker.frameSent('step2');
    expect(tracker.state.unsaved).toBe(true);
    tracker.saved(1);
    expect(tracker.state).toMatchObject({ saved: true, unsaved: false });
  });

  it('ignores an acknowledgement beyond what this socket sent', () => {
    const tracker = connected();
    tracker.localChange(true);
    tracker.frameSent('update'); // frame 2
    tracker.saved(5);
    expect(tracker.state).toMatchObject({ saved: true, unsaved: false });
    tracker.localChange(true);
    tracker.frameSent('update'); // frame 3: the bogus 5 did not pre-acknowledge it
    expect(tracker.state).toMatchObject({ saved: false, unsaved: true });
    tracker.saved(3);
    expect(tracker.state.saved).toBe(true);
  });

  it('is not saved on a new socket before its step2, even with nothing pending', () => {
    const tracker = connected();
    tracker.socketClosed();
    tracker.newSocket();
    expect(tracker.state).toMatchObject({ saved: false, unsaved: false });
    tracker.frameSent('step2');
    tracker.saved(1);
    expect(tracker.state.saved).toBe(true);
  });
});
