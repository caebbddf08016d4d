/** What HTTP routes, socket handlers and admin commands get: built once per instance in app.ts. */
import type { AccessLog } from './audit/accessLog.js';
import type { CollabServer } from './collab/collabServer.js';
import type { Config } from './config.js';
import type { AppDb } from './db/database.js';
import type { CaseEvents } from './kernel/caseEvents.js';
import type { Logger } from './observability/logger.js';
import type { DocumentStore } from './storage/documentStore.js';

export interface AppServices {
  config: Config;
  log: Logger;
  db: AppDb;
  dialect: 'sqlite' | 'postgres';
  accessLog: AccessLog;
  /** The one clock of the domain rules (age, deadlines, expiry); tests inject a fixed one. */
  clock: () => Date;
  store: DocumentStore;
  authKey: Uint8Array;
  /** Set once the collaboration core exists (it needs the access policy, which needs these services). */
  collab: CollabServer | null;
  /** Live events after stored changes (case:changed, meeting:state, notifications); a no-op without socket.io. */
  caseEvents: CaseEvents;
  /**
   * Where people open Samenspraak: PUBLIC_URL, or http://localhost:<port listened on> (set once the
   * server listens). Links in mails start with it.
   */
  publicUrl: string;
  /** Only with config.testClock: sets the domain clock (PUT /api/test/clock). */
  testClock: TestClock | null;
}

export interface TestClock {
  /** From now on the domain clock reads `now` and runs on from there. */
  set(now: Date): void;
}
