/**
 * `demo-code <login>`: the current TOTP code of a demo account, for trying the demo without an
 * authenticator app. It reads only DATA_DIR/demo-logins.txt (the demo's own accounts, written by
 * `npm start` on an empty database) and refuses with NODE_ENV=production.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as OTPAuth from 'otpauth';
import type { Config } from '../../config.js';

export const DEMO_CODE_USAGE = `  demo-code   Print the current TOTP code of a demo account (not in production).
          <login>                a login from data/demo-logins.txt
`;

/** The TOTP secrets in a demo-logins file, by login. */
export function demoTotpSecrets(text: string): Map<string, string> {
  const secrets = new Map<string, string>();
  let login: string | null = null;
  for (const line of text.split('\n')) {
    const m = /^\s+(login|TOTP):\s+(\S+)\s*$/.exec(line);
    if (!m) continue;
    if (m[1] === 'login') login = m[2] ?? null;
    else if (login && m[2]) secrets.set(login, m[2]);
  }
  return secrets;
}

export function currentCode(secretBase32: string, now: Date): { code: string; secondsLeft: number } {
  const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secretBase32), digits: 6, period: 30 });
  const code = totp.generate({ timestamp: now.getTime() });
  return { code, secondsLeft: 30 - (Math.floor(now.getTime() / 1000) % 30) };
}

export function demoCodeCommand(argv: string[], io: { config: Config; out: (text: string) => void }): void {
  if (io.config.production) throw new Error('demo-code refuses to run with NODE_ENV=production');
  const login = argv[0];
  if (!login || argv.length > 1) throw new Error('demo-code needs exactly one login');
  const file = path.join(io.config.dataDir, 'demo-logins.txt');
  if (!fs.existsSync(file)) throw new Error(`${file} does not exist: start the demo first (npm start)`);
  const secret = demoTotpSecrets(fs.readFileSync(file, 'utf8')).get(login);
  if (!secret) throw new Error(`${login} is not a demo account with a TOTP secret (see ${file})`);
  const { code, secondsLeft } = currentCode(secret, new Date());
  io.out(`${code}   (valid for about ${secondsLeft} more seconds; each code can be used once)\n`);
}
