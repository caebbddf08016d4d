/** Development only: prints links with short-lived tokens for a demo document (replaced by real login later). */
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
  const lines = ['', 'Demo (ontwikkelomgeving) — open een link, eventueel in twee vensters:'];
  for (const user of DEMO_USERS) {
    const token = await signCollabToken(key, user.claims, 12 * 3600);
    lines.push(`  ${user.label}: ${baseUrl}/?doc=${DEMO_DOC}#token=${token}`);
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);
}
