/**
 * Live notifications: every so often (and soon after a relevant change, or when the clock moves) the
 * notices of each person connected to this instance are worked out with the same code as
 * GET /api/notifications; those that need attention and were not sent before go to the person's
 * room. "Sent before" is a table, claimed with an insert: a restart sends nothing twice, and of two
 * instances serving the same person only one sends. Each push is written to the access log.
 */
import type { NoticeView, NotificationPush, Role } from '@samenspraak/shared';
import { responsibleFor } from '../audit/caseAudit.js';
import type { AppDb } from '../db/database.js';
import type { AppServices } from '../services.js';
import { escalationDb } from './escalationDb.js';
import { computeNotifications } from './notifications.js';
import { notificationMessage, pushKey, shouldPush } from './notificationText.js';

/** A person connected to this instance. */
export interface OnlinePerson {
  userId: string;
  name: string;
  kind: 'professional' | 'client';
  role: Role | null;
  organisationId: string | null;
}

export interface NotifierDeps {
  services: AppServices;
  onlinePeople(): OnlinePerson[];
  push(userId: string, notification: NotificationPush): void;
}

/** At most this many pushes per person per run (the most pressing first); the rest follow next run. */
export const MAX_PUSHES_PER_RUN = 10;
const POKE_DELAY_MS = 50;

/** True when this call recorded the push (nobody sent it before). */
async function claim(db: AppDb, userId: string, n: NoticeView, at: Date): Promise<boolean> {
  const result = await escalationDb(db)
    .insertInto('pushed_notifications')
    .values({ user_id: userId, key: pushKey(n), case_id: n.caseId, pushed_at: at.toISOString() })
    .onConflict((oc) => oc.columns(['user_id', 'key']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** Destruction of a case: which notifications about it were sent goes too. */
export async function forgetPushes(db: AppDb, caseId: string): Promise<void> {
  await escalationDb(db).deleteFrom('pushed_notifications').where('case_id', '=', caseId).execute();
}

const pressing = (a: NoticeView, b: NoticeView) =>
  Number(b.severity === 'urgent') - Number(a.severity === 'urgent') || a.dueAt.localeCompare(b.dueAt);

export class Notifier {
  private chain: Promise<void> = Promise.resolve();
  private poked: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(private readonly deps: NotifierDeps) {}

  /** Run soon (changes come in bursts: one run for the lot). */
  poke(): void {
    if (this.poked || this.stopped) return;
    this.poked = setTimeout(() => {
      this.poked = null;
      void this.runNow();
    }, POKE_DELAY_MS);
    this.poked.unref();
  }

  /** Runs now (after any run in progress); resolves when done. Never rejects. */
  runNow(): Promise<void> {
    const run = this.chain.then(() => (this.stopped ? undefined : this.runOnce()));
    this.chain = run.catch((err: unknown) => this.deps.services.log.error({ err }, 'notifier run failed'));
    return this.chain;
  }

  stop(): Promise<void> {
    this.stopped = true;
    if (this.poked) clearTimeout(this.poked);
    this.poked = null;
    return this.chain;
  }

  private async runOnce(): Promise<void> {
    const { services } = this.deps;
    const now = services.clock();
    const people = new Map(this.deps.onlinePeople().map((p) => [p.userId, p]));
    for (const person of people.values()) {
      const perCase = await computeNotifications(services, person, now);
      const roleOn = new Map(perCase.map((c) => [c.caseId, c.role]));
      const due = perCase
        .flatMap((c) => c.notices)
        .filter(shouldPush)
        .sort(pressing);
      let sent = 0;
      for (const notice of due) {
        if (sent >= MAX_PUSHES_PER_RUN) break;
        if (!(await claim(services.db, person.userId, notice, now))) continue;
        this.deps.push(person.userId, {
          caseId: notice.caseId,
          kind: notice.kind,
          message: notificationMessage(notice),
          at: now.toISOString(),
        });
        sent += 1;
        await services.accessLog.append({
          event: 'read',
          caseId: notice.caseId,
          actor: {
            userId: person.userId,
            name: person.name,
            role: roleOn.get(notice.caseId) ?? person.role,
            responsible: await responsibleFor(services, {
              ...person,
              sessionId: '',
              remoteAddress: '',
            }),
          },
          source: 'server notifier',
          outcome: 'success',
          detail: `live notification ${notice.kind}`,
        });
      }
    }
  }
}
