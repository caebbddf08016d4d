/**
 * Development only: how to get into the demo — the app with the demo logins (professionals add a TOTP
 * code: `npm run admin -- demo-code <login>`), and links with short-lived tokens for a free scratch
 * document that needs no login.
 */
import type { CollabClaims } from '@samenspraak/shared';
import { signCollabToken } from './auth/collabTokens.js';

const DEMO_DOC = 'demo-verklarende-analyse';

const DEMO_USERS: Array<{ label: string; claims: CollabClaims }> = [
  {
    label: 'Gedragswetenschapper (schrijven)',
    claims: { sub: 'demo-gw', name: 'Sanne de Vries', role: 'gedragswetenschapper', docs: { [DEMO_DOC]: 'write' } },
  },
  {
    label: 'Ouder (schrijven)',
    claims: { sub: 'demo-ouder', name: 'Karin Bakker', role: 'ouder', docs: { [DEMO_DOC]: 'write' } },
  },
  {
    label: 'Gemeente (alleen lezen)',
    claims: { sub: 'demo-gemeente', name: 'Ahmed El Amrani', role: 'gemeente', docs: { [DEMO_DOC]: 'read' } },
  },
];

export async function printDemoLinks(baseUrl: string, key: Uint8Array): Promise<void> {
  const lines = [
    '',
    `Samenspraak draait op ${baseUrl}`,
    '  Log in met een demo-account hierboven. Professionals vragen daarna een code (TOTP): gebruik een',
    '  authenticator-app met het TOTP-geheim, of: npm run admin -- demo-code <login>',
    '',
    'Kladdocument zonder inloggen — open een link, eventueel in twee vensters:',
  ];
  for (const user of DEMO_USERS) {
    const token = await signCollabToken(key, user.claims, 12 * 3600);
    lines.push(`  ${user.label}: ${baseUrl}/?doc=${DEMO_DOC}#token=${token}`);
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);
}
