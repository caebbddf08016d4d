/**
 * A professional's activation (or re-enrolment) link finished with a passkey instead of the TOTP app:
 * the password as the link asks (a new one, or the current one after a reset), and a passkey registered
 * with user verification. The passkey is the second factor from then on (the account has no TOTP
 * secret, so a password alone never logs in); no recovery codes are issued (they stand in for a TOTP
 * code): a lost passkey is the beheerder's account recovery, like a lost phone.
 */
import { NotFound } from '../kernel/errors.js';
import type { AppServices } from '../services.js';
import { accountsDb } from './accountsDb.js';
import { consumeToken } from './accountTokens.js';
import { logAuth } from './authLog.js';
import { endPersonAccess } from './endAccess.js';
import { assertUsablePassword } from './identityHttp.js';
import type { Client } from './login.js';
import { registerPasskey, registrationOptions } from './passkeys.js';
import { signInDb } from './passkeysDb.js';
import { hashPassword } from './passwords.js';
import { checkCurrentPassword, openEnrolment } from './recovery.js';

const linkInvalid = () => new NotFound('link unknown, used or expired', 'account_link_invalid');

export async function activationPasskeyOptions(services: AppServices, token: string) {
  const { user } = await openEnrolment(services, token);
  return registrationOptions(services, user);
}

export async function activateWithPasskey(
  services: AppServices,
  token: string,
  input: { password: string; challengeId: string; response: Record<string, unknown>; name?: string | undefined },
  client: Client,
): Promise<void> {
  const { row, user } = await openEnrolment(services, token);
  let passwordHash: string | null = null;
  if (row.purpose === 'activation') {
    assertUsablePassword(input.password, [user.login, user.name]);
    passwordHash = await hashPassword(input.password);
  } else {
    await checkCurrentPassword(services, user, input.password, client);
  }
  const passkey = await registerPasskey(services, user, input, client);
  const now = services.clock();
  const done = await services.db.transaction().execute(async (trx) => {
    if (!(await consumeToken(trx as never, row.id, now))) return false;
    await accountsDb(trx as never)
      .updateTable('users')
      .set({ totp_secret: null, ...(passwordHash ? { password_hash: passwordHash } : {}) })
      .where('id', '=', user.id)
      .execute();
    return true;
  });
  if (!done) {
    // The link was used meanwhile: the passkey made with it goes too.
    await signInDb(services.db).deleteFrom('passkeys').where('id', '=', passkey.id).execute();
    throw linkInvalid();
  }
  await endPersonAccess(services, user.id);
  await logAuth(services, {
    event: 'update',
    outcome: 'success',
    user,
    ...client,
    detail: `${row.purpose === 'activation' ? 'account activated' : 'enrolled again'} with a passkey`,
  });
}
