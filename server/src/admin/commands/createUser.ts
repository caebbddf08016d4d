/**
 * `create-user`: an administrator makes a professional's organisation account. The initial password
 * and TOTP secret are printed once and stored only as an argon2 hash and the secret itself.
 */
import { parseArgs } from 'node:util';
import { REGIONS, RegionSchema, RoleSchema } from '@samenspraak/shared';
import { AccessLog } from '../../audit/accessLog.js';
import { accessLogOptions } from '../../audit/auditKey.js';
import type { Config } from '../../config.js';
import type { AppDb } from '../../db/database.js';
import { issueToken } from '../../identity/accountTokens.js';
import { createProfessional } from '../../identity/users.js';
import { openConfiguredDatabase } from './configuredDatabase.js';

export const CREATE_USER_USAGE = `  create-user  Create a professional's account (password + TOTP) and its organisation if new.
          --login <email>        login name (the e-mail address)
          --name <name>          display name
          --role <role>          organisation role (not jeugdige/ouder: they are invited to a case)
          --organisation <name>  organisation (created if it does not exist)
          --region <region>      the youth-care region (a beheerder manages the accounts of theirs)
          --activation-link      no password or TOTP printed: print a link (72 h) where the person
                                 chooses a password and scans the TOTP QR code themselves
          --password <password>  initial password for scripts and tests (default: generated)
          --json                 print the result as JSON
`;

export class UsageError extends Error {}

export interface CommandIo {
  config: Config;
  out: (text: string) => void;
  now?: () => Date;
}

export async function createUserCommand(argv: string[], io: CommandIo): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      login: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      organisation: { type: 'string' },
      password: { type: 'string' },
      region: { type: 'string' },
      'activation-link': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
    strict: true,
  });
  for (const option of ['login', 'name', 'role', 'organisation'] as const) {
    if (!values[option]?.trim()) throw new UsageError(`--${option} is required`);
  }
  const role = RoleSchema.safeParse(values.role);
  if (!role.success) throw new UsageError(`--role must be a known role (got ${values.role})`);
  const region = values.region === undefined ? null : RegionSchema.safeParse(values.region);
  if (region && !region.success) throw new UsageError(`--region must be one of: ${REGIONS.join(', ')}`);
  const now = io.now ?? (() => new Date());
  const { config } = io;
  const app = await openConfiguredDatabase(config);
  try {
    const created = await createProfessional(
      app.db,
      {
        login: values.login!,
        name: values.name!,
        role: role.data,
        organisation: values.organisation!,
        region: region?.data ?? null,
        password: values.password,
      },
      now(),
    );
    const activation = values['activation-link'] ? await activationInstead(app.db, created.userId, now()) : null;
    // Accounts are made outside any session: the log still says who got one, when and from where.
    await new AccessLog(app.db, app.dialect, now, accessLogOptions(config)).append({
      event: 'create',
      caseId: null,
      actor: { userId: null, name: 'admin cli', role: 'beheerder', responsible: null },
      source: 'local admin-cli',
      outcome: 'success',
      detail: `user ${created.userId} (${role.data})`,
    });
    if (activation) {
      const out = { userId: created.userId, login: created.login, activationLink: activation.link };
      if (values.json) io.out(`${JSON.stringify(out)}\n`);
      else
        io.out(
          [
            `Created ${values.name!.trim()} <${created.login}> as ${role.data} at ${values.organisation!.trim()}.`,
            `User id:          ${created.userId}`,
            `Activation link:  ${activation.link}  (open it on this server's address; valid 72 hours, once)`,
            '',
          ].join('\n'),
        );
      return;
    }
    if (values.json) {
      io.out(`${JSON.stringify(created)}\n`);
      return;
    }
    io.out(
      [
        `Created ${values.name!.trim()} <${created.login}> as ${role.data} at ${values.organisation!.trim()}.`,
        `User id:      ${created.userId}`,
        `Password:     ${created.password}`,
        `TOTP secret:  ${created.totpSecret}`,
        `TOTP URI:     ${created.otpauthUri}`,
        '',
        'Shown only once: hand the password and the TOTP secret (or the URI as a QR code) over securely.',
        '',
      ].join('\n'),
    );
  } finally {
    await app.close();
  }
}

/** The account starts without password and TOTP: the person enrols through an activation link. */
async function activationInstead(db: AppDb, userId: string, now: Date) {
  return db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ password_hash: null, totp_secret: null }).where('id', '=', userId).execute();
    return issueToken(trx as never, { userId, purpose: 'activation', createdBy: null, now });
  });
}
