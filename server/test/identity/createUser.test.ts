/** `npm run admin -- create-user`: the account it makes can log in with the printed password and TOTP. */
import * as OTPAuth from 'otpauth';
import { describe, expect, it } from 'vitest';
import { createUserCommand } from '../../src/admin/commands/createUser.js';
import { startTestServer, testConfig } from '../support/testServer.js';
import { Browser } from './harness.js';

describe('admin create-user', () => {
  it('prints a generated password, the TOTP secret and URI; the account logs in with them', async () => {
    const config = testConfig();
    let printed = '';
    const args = ['--login', 'Anna@Example.nl', '--name', 'Anna de Vries', '--role', 'jeugdbeschermer'];
    await createUserCommand([...args, '--organisation', 'GI Noord-Holland'], {
      config,
      out: (text) => {
        printed += text;
      },
    });
    const password = /Password: +(\S+)/.exec(printed)?.[1];
    const secret = /TOTP secret: +([A-Z2-7]+)/.exec(printed)?.[1];
    const uri = /TOTP URI: +(otpauth:\/\/\S+)/.exec(printed)?.[1];
    expect(password).toMatch(/^[A-Za-z2-9]{20}$/);
    expect(secret).toHaveLength(32);
    const parsed = OTPAuth.URI.parse(uri!) as OTPAuth.TOTP;
    expect(parsed).toMatchObject({ issuer: 'Samenspraak', label: 'anna@example.nl', digits: 6, period: 30 });
    expect(parsed.secret.base32).toBe(secret);

    // A second account in the same organisation reuses it; a duplicate login is refused.
    const out = (text: string) => void text;
    await createUserCommand(
      [
        '--login',
        'bert@example.nl',
        '--name',
        'Bert',
        '--role',
        'procesregisseur',
        '--organisation',
        'GI Noord-Holland',
      ],
      { config, out },
    );
    await expect(createUserCommand([...args, '--organisation', 'Elders'], { config, out })).rejects.toThrow(
      /already exists/,
    );
    await expect(
      createUserCommand(['--login', 'c@example.nl', '--name', 'C', '--role', 'ouder', '--organisation', 'X'], {
        config,
        out,
      }),
    ).rejects.toThrow(/invited/);
    await expect(createUserCommand(['--login', 'c@example.nl'], { config, out })).rejects.toThrow(/--name is required/);
    await expect(
      createUserCommand([...args, '--organisation', 'X', '--password', 'short'], { config, out }),
    ).rejects.toThrow(/at least 10/);

    const server = await startTestServer({ dataDir: config.dataDir });
    try {
      const orgs = await server.services.db.selectFrom('organisations').select('name').execute();
      expect(orgs).toEqual([{ name: 'GI Noord-Holland' }]);
      const b = new Browser(server.url);
      expect((await b.post('/api/auth/login', { login: 'anna@example.nl', password })).body.next).toBe('totp');
      const code = OTPAuth.TOTP.generate({ secret: OTPAuth.Secret.fromBase32(secret!) });
      const done = await b.post('/api/auth/totp', { code });
      expect(done.status).toBe(200);
      expect(done.body.user).toMatchObject({
        name: 'Anna de Vries',
        role: 'jeugdbeschermer',
        organisation: 'GI Noord-Holland',
      });
      const created = await server.services.db
        .selectFrom('access_log')
        .selectAll()
        .where('event', '=', 'create')
        .execute();
      expect(created).toHaveLength(2);
      expect(created[0]).toMatchObject({ source: 'local admin-cli', outcome: 'success' });
    } finally {
      await server.close();
    }
  });

  it('makes the first beheerder of a region with an activation link: no password or TOTP secret printed', async () => {
    const config = testConfig();
    let printed = '';
    const out = (text: string) => {
      printed += text;
    };
    const base = ['--login', 'bea@example.nl', '--name', 'Bea Beheer', '--role', 'beheerder', '--organisation', 'RET'];
    await expect(createUserCommand([...base, '--region', 'Atlantis'], { config, out })).rejects.toThrow(
      /--region must be one of/,
    );
    await createUserCommand([...base, '--region', 'IJmond', '--activation-link'], { config, out });
    expect(printed).not.toMatch(/Password|TOTP/);
    const link = /Activation link: +(\/activeren\/[A-Za-z0-9_-]+)/.exec(printed)?.[1];
    expect(link).toBeTruthy();
    const server = await startTestServer({ dataDir: config.dataDir });
    try {
      const user = await server.services.db
        .selectFrom('users')
        .selectAll()
        .where('login', '=', 'bea@example.nl')
        .executeTakeFirstOrThrow();
      expect(user).toMatchObject({ region: 'IJmond', password_hash: null, totp_secret: null });
      const info = await new Browser(server.url).get(`/api${link!.replace('/activeren/', '/activation/')}`);
      expect(info.status).toBe(200);
      expect(info.body).toMatchObject({ login: 'bea@example.nl', purpose: 'activation' });
    } finally {
      await server.close();
    }
  });
});
