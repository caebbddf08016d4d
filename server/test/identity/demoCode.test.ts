/** The demo's TOTP helper: its codes are the ones the login accepts, and it stays out of production. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { currentCode, demoCodeCommand, demoTotpSecrets } from '../../src/admin/commands/demoCode.js';
import { formatDemoLogins } from '../../src/admin/commands/seedDemo.js';
import { loadConfig } from '../../src/config.js';
import { matchTotpStep, newTotpSecret } from '../../src/identity/totp.js';

const secret = newTotpSecret();
const file = formatDemoLogins([
  {
    login: 'ria@ret.example',
    name: 'Ria',
    role: 'procesregisseur',
    organisation: 'RET',
    password: 'pw-1234567890',
    totpSecret: secret,
    otpauthUri: 'otpauth://totp/x',
  },
  {
    login: 'daan',
    name: 'Daan',
    role: 'client',
    organisation: null,
    password: 'pw-0987654321',
    totpSecret: null,
    otpauthUri: null,
  },
]);

describe('demo-code', () => {
  it('reads the TOTP secrets of the demo logins file, and only those', () => {
    const secrets = demoTotpSecrets(file);
    expect([...secrets.entries()]).toEqual([['ria@ret.example', secret]]);
  });

  it('prints a code the login accepts now, with the seconds left in its step', () => {
    const now = new Date('2026-11-23T10:00:10Z');
    const { code, secondsLeft } = currentCode(secret, now);
    expect(code).toMatch(/^\d{6}$/);
    expect(secondsLeft).toBe(20);
    expect(matchTotpStep(secret, code, now)).not.toBeNull();
  });

  it('refuses in production, for unknown logins and without a demo file', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'demo-code-'));
    const out: string[] = [];
    const io = (env: Record<string, string>) => ({
      config: loadConfig({ DATA_DIR: dataDir, AUTH_SECRET: 'x'.repeat(32), ...env }),
      out: (t: string) => out.push(t),
    });
    expect(() => demoCodeCommand(['ria@ret.example'], io({}))).toThrow(/start the demo first/);
    fs.writeFileSync(path.join(dataDir, 'demo-logins.txt'), file);
    expect(() => demoCodeCommand(['daan'], io({}))).toThrow(/not a demo account with a TOTP secret/);
    expect(() => demoCodeCommand([], io({}))).toThrow(/exactly one login/);
    const production = io({ NODE_ENV: 'production', DATABASE_URL: 'postgres://x' });
    expect(production.config.production).toBe(true);
    expect(() => demoCodeCommand(['ria@ret.example'], production)).toThrow(/refuses to run with NODE_ENV=production/);
    demoCodeCommand(['ria@ret.example'], io({}));
    expect(out.join('')).toMatch(/^\d{6} {3}\(valid for about \d+ more seconds/);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
});
