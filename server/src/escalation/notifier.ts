/**
 * Live notifications: every so often (and soon after a relevant change, or when the clock moves) the
 * notices of each person connected to this instance are worked out with the same code as
 * GET /api/notifications; those that need attention become an item in the person's inbox (once per
 * notice and state: the item's key is the claim, so a restart adds nothing twice and of two instances
 * only one adds it) and a `notification` to the person's room. Now and then (`everyone`) the same runs
 * for every professional on a case, online or not, so the inbox and the mail digest have them too.
 * Each item added is written to the access log.
 */
import type { NoticeView, NotificationPush, Role } from '@samenspraak/shared';
import { responsibleFor } from '../audit/caseAudit.js';
import type { AppDb } from '../db/database.js';
import { forgetInboxItems } from '../inbox/forget.js';
import { addToInbox } from '../inbox/inbox.js';
import { noticeItem } from '../inbox/inboxItems.js';
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

/**
 * Records the notice as an inbox item (key `notice:<pushKey>`), which also queues the person's mail and
 * tells their devices. True when this call added it (nobody did before).
 */
async function claim(db: AppDb, userId: string, n: NoticeView, at: Date): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const added = await addToInbox(trx, [noticeItem(userId, n, pushKey(n))], at);
    return added.length === 1;
  });
}

/** Destruction of a case: which notifications about it were sent goes too, and its inbox items. */
export async function forgetPushes(db: AppDb, caseId: string): Promise<void> {
  await escalationDb(db).deleteFrom('pushed_notifications').where('case_id', '=', caseId).execute();
  await forgetInboxItems(db, caseId);
}

/** Every active professional who takes part in a case (their notices do not wait for them to log in). */
async function professionalsOnCases(services: AppServices): Promise<OnlinePerson[]> {
  const rows = await escalationDb(services.db)
    .selectFrom('users')
    .select(['users.id', 'users.name', 'users.role', 'users.organisation_id'])
    .where('users.kind', '=', 'professional')
    .where('users.disabled', '=', 0)
    .where((eb) =>
      eb.exists(
        eb.selectFrom('participants').select('participants.user_id').whereRef('participants.user_id', '=', 'users.id'),
      ),
    )
    .execute();
  return rows.map((r) => ({
    userId: r.id,
    name: r.name,
    kind: 'professional' as const,
    role: r.role as Role | null,
    organisationId: r.organisation_id,
  }));
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
  runNow(opts: { everyone?: boolean } = {}): Promise<void> {
    const run = this.chain.then(() => (this.stopped ? undefined : this.runOnce(opts.everyone === true)));
    this.chain = run.catch((err: unknown) => this.deps.services.log.error({ err }, 'notifier run failed'));
    return this.chain;
  }

  stop(): Promise<void> {
    this.stopped = true;
    if (this.poked) clearTimeout(this.poked);
    this.poked = null;
    return this.chain;
  }

  private async runOnce(everyone: boolean): Promise<void> {
    const { services } = this.deps;
    const now = services.clock();
    const listed = everyone ? await professionalsOnCases(services) : this.deps.onlinePeople();
    const people = new Map(listed.map((p) => [p.userId, p]));
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
