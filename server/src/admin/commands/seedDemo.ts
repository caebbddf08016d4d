/**
 * `seed-demo`: a realistic demonstration set — the organisations of a Noord-Holland case, one
 * professional of every professional role (password + TOTP), two cases in different regions (a young
 * person of 14 and one of 16½, ages computed from the clock) with their teams, and the young people and
 * parents as client accounts, and a scheduled case meeting (MDO) on the first case. Idempotent: what
 * exists (by login, organisation name, case id, meeting id) is kept, and only new accounts get a
 * password, which is printed once.
 */
import { documentId, type Role } from '@samenspraak/shared';
import { AccessLog } from '../../audit/accessLog.js';
import { accessLogOptions } from '../../audit/auditKey.js';
import { caseDb } from '../../cases/caseDb.js';
import { registerCaseDocument, STANDARD_DOCUMENTS } from '../../cases/caseDocuments.js';
import type { Config } from '../../config.js';
import { generatePassword, hashPassword } from '../../identity/passwords.js';
import { createProfessional, findUserByLogin, newId } from '../../identity/users.js';
import { meetingDb } from '../../meetings/meetingDb.js';
import { insertMeeting } from '../../meetings/meetingRecords.js';
import type { AppServices } from '../../services.js';
import { openConfiguredDatabase } from './configuredDatabase.js';
import {
  DEMO_CASES,
  DEMO_CLIENTS,
  DEMO_MEETINGS,
  DEMO_ORGANISATIONS,
  DEMO_PROFESSIONALS,
  DEMO_REGION,
} from './seedDemoData.js';
import { ensureDemoPlan } from './seedDemoPlan.js';

export type SeedServices = Pick<AppServices, 'db' | 'clock' | 'accessLog'>;

export interface DemoLogin {
  login: string;
  name: string;
  role: Role | 'client';
  organisation: string | null;
  /** Only for accounts made in this run; null when the account already existed. */
  password: string | null;
  totpSecret: string | null;
  otpauthUri: string | null;
}

const SEED_ACTOR = { userId: null, name: 'seed-demo', role: 'beheerder', responsible: null };

async function ensureOrganisations(services: SeedServices, at: string): Promise<void> {
  for (const org of DEMO_ORGANISATIONS) {
    const found = await services.db
      .selectFrom('organisations')
      .select('id')
      .where('name', '=', org.name)
      .executeTakeFirst();
    if (!found)
      await services.db
        .insertInto('organisations')
        .values({ id: newId(), ...org, created_at: at })
        .execute();
  }
}

async function ensureClient(services: SeedServices, login: string, name: string, at: string): Promise<DemoLogin> {
  const base = { login, name, role: 'client' as const, organisation: null, totpSecret: null, otpauthUri: null };
  if (await findUserByLogin(services.db, login)) return { ...base, password: null };
  const password = generatePassword();
  await services.db
    .insertInto('users')
    .values({
      id: newId(),
      kind: 'client',
      login,
      name,
      role: null,
      organisation_id: null,
      password_hash: await hashPassword(password),
      totp_secret: null,
      failed_logins: 0,
      locked_until: null,
      disabled: 0,
      created_at: at,
    })
    .execute();
  return { ...base, password };
}

/** Date of birth of someone `years` and `days` old at `now`. */
function bornAgo(now: Date, years: number, days: number): string {
  const d = new Date(Date.UTC(now.getUTCFullYear() - years, now.getUTCMonth(), now.getUTCDate() - days));
  return d.toISOString().slice(0, 10);
}

async function userId(services: SeedServices, login: string): Promise<string> {
  const user = await findUserByLogin(services.db, login);
  if (!user) throw new Error(`demo user ${login} missing`);
  return user.id;
}

async function ensureCases(services: SeedServices, now: Date): Promise<void> {
  const db = caseDb(services.db);
  // The demo RET process director works for Alkmaar: she sees that region's consultation queue.
  await db
    .updateTable('users')
    .set({ region: 'Alkmaar (Noord-Kennemerland)' } as never)
    .where('login', '=', 'ria.de.graaf@ret.example')
    .where('region' as never, 'is', null)
    .execute();
  // The monitor (issue 17): the BEN-NH adviser looks at Alkmaar's region, the municipality at itself.
  await services.db
    .updateTable('users')
    .set({ region: 'Alkmaar (Noord-Kennemerland)' })
    .where('login', '=', 'bas.kok@ben-nh.example')
    .where('region', 'is', null)
    .execute();
  await services.db
    .updateTable('users')
    .set({ region: 'Alkmaar (Noord-Kennemerland)', municipality: 'Alkmaar' })
    .where('login', '=', 'greet.hendriks@alkmaar.example')
    .where('municipality', 'is', null)
    .execute();
  const at = now.toISOString();
  for (const c of DEMO_CASES) {
    if (await db.selectFrom('cases').select('id').where('id', '=', c.id).executeTakeFirst()) continue;
    const team = await Promise.all(
      c.team.map(async ([login, role]) => ({ user_id: await userId(services, login), role })),
    );
    const scientist = team.find((p) => p.role === 'gedragswetenschapper');
    // Looked up before the transaction: on SQLite a query outside it would wait for it forever.
    const registrant = await userId(services, c.registrant);
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('cases')
        .values({
          id: c.id,
          young_person_name: c.name,
          date_of_birth: bornAgo(now, c.age[0], c.age[1]),
          municipality: c.municipality,
          region: c.region,
          status: c.status,
          responsible_scientist_id: scientist?.user_id ?? null,
          parents_consent: c.parentsConsent ? 1 : 0,
          created_at: at,
          closed_at: null,
          retention_until: null,
          registered_by: c.registeredBy,
          problem_categories: JSON.stringify(c.problems),
          attends_school: c.attendsSchool ? 1 : 0,
          destroyed_at: null,
          created_by: registrant,
          // Procesregie: the RET's process director on the team, else the behavioural scientist.
          process_director_id: team.find((p) => p.role === 'procesregisseur')?.user_id ?? scientist?.user_id ?? null,
        })
        .execute();
      await trx
        .insertInto('participants')
        .values(team.map((p) => ({ ...p, case_id: c.id, added_at: at, added_by: null })))
        .execute();
      await trx
        .insertInto('case_documents')
        .values(STANDARD_DOCUMENTS.map((type) => ({ doc_id: `${c.id}.${type}`, case_id: c.id, type, created_at: at })))
        .execute();
    });
    await services.accessLog.append({
      event: 'create',
      caseId: c.id,
      actor: SEED_ACTOR,
      source: 'local seed-demo',
      outcome: 'success',
      detail: 'demo case',
    });
  }
}

/** A scheduled case meeting per demo meeting, with its notes document registered; kept when it exists. */
async function ensureMeetings(services: SeedServices, now: Date): Promise<void> {
  for (const m of DEMO_MEETINGS) {
    const found = await meetingDb(services.db)
      .selectFrom('meetings')
      .select('id')
      .where('id', '=', m.id)
      .executeTakeFirst();
    if (found) continue;
    const at = new Date(now.getTime() + m.inDays * 86_400_000);
    at.setUTCHours(13, 0, 0, 0);
    await registerCaseDocument(services.db, documentId(m.caseId, 'meetingNotes', m.id), now);
    await insertMeeting(
      services.db,
      {
        id: m.id,
        case_id: m.caseId,
        title: m.title,
        scheduled_at: at.toISOString(),
        status: 'scheduled',
        chair_user_id: null,
        agenda: JSON.stringify(m.agenda),
        read_back: null,
        voice_heard_by: null,
        voice_heard_note: null,
        voice_heard_at: null,
        started_at: null,
        ended_at: null,
        created_by: await userId(services, m.scheduledBy),
        created_at: now.toISOString(),
      },
      await Promise.all(m.invitees.map((login) => userId(services, login))),
    );
    await services.accessLog.append({
      event: 'create',
      caseId: m.caseId,
      actor: SEED_ACTOR,
      source: 'local seed-demo',
      outcome: 'success',
      detail: `demo meeting ${m.id}`,
    });
  }
}

/** Seeds the demo; returns every demo login (passwords only for accounts made now). */
export async function seedDemo(services: SeedServices): Promise<DemoLogin[]> {
  const now = services.clock();
  const at = now.toISOString();
  await ensureOrganisations(services, at);
  const logins: DemoLogin[] = [];
  for (const p of DEMO_PROFESSIONALS) {
    const base = { login: p.login, name: p.name, role: p.role, organisation: p.organisation };
    if (await findUserByLogin(services.db, p.login)) {
      logins.push({ ...base, password: null, totpSecret: null, otpauthUri: null });
      continue;
    }
    const made = await createProfessional(services.db, { ...base, region: DEMO_REGION }, now);
    logins.push({ ...base, password: made.password, totpSecret: made.totpSecret, otpauthUri: made.otpauthUri });
  }
  // The demo beheerder manages the region of the first demo case (users.region), so /beheer/regio shows
  // its settings; only where no region was set yet.
  await services.db
    .updateTable('users')
    .set({ region: 'Alkmaar (Noord-Kennemerland)' })
    .where('login', '=', 'bert.beheer@ret.example')
    .where('region', 'is', null)
    .execute();
  for (const c of DEMO_CLIENTS) logins.push(await ensureClient(services, c.login, c.name, at));
  await ensureCases(services, now);
  await ensureMeetings(services, now);
  await ensureDemoPlan(services.db, now);
  return logins;
}

export function formatDemoLogins(logins: DemoLogin[]): string {
  const lines = ['Demo accounts (Samenspraak):', ''];
  for (const l of logins) {
    const beheer = l.role === 'beheerder' ? ` (functioneel beheerder of ${DEMO_REGION}: /beheer)` : '';
    lines.push(`${l.name} — ${l.role}${l.organisation ? ` at ${l.organisation}` : ''}${beheer}`);
    lines.push(`  login:     ${l.login}`);
    lines.push(`  password:  ${l.password ?? '(existing account, unchanged)'}`);
    if (l.totpSecret) lines.push(`  TOTP:      ${l.totpSecret}`, `  otpauth:   ${l.otpauthUri}`);
  }
  return `${lines.join('\n')}\n`;
}

export const SEED_DEMO_USAGE = `  seed-demo   Create the demo organisations, accounts and cases (idempotent); prints new logins.
`;

export async function seedDemoCommand(io: { config: Config; out: (text: string) => void }): Promise<void> {
  const { config } = io;
  if (config.production) throw new Error('seed-demo refuses to run with NODE_ENV=production');
  const app = await openConfiguredDatabase(config);
  try {
    const clock = () => new Date();
    const logins = await seedDemo({
      db: app.db,
      clock,
      accessLog: new AccessLog(app.db, app.dialect, clock, accessLogOptions(config)),
    });
    io.out(formatDemoLogins(logins));
  } finally {
    await app.close();
  }
}
