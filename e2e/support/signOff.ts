/**
 * Signs a demo case's analysis off through the API, for tests about what follows a sign-off (decisions,
 * the DBT): the rule's facts recorded (a reason without the family's endorsement, with the child's view;
 * education consulted) and the hash of the text the scientist was shown. The required Bijlage 1 parts
 * must hold words: start the demo with `exampleText: true` (Daan's analysis has them).
 */
import type { DemoApp } from './app.js';
import { demo } from './app.js';

export async function signOffByApi(app: DemoApp, caseId: string, scientist: string = demo.gedragswetenschapper) {
  const doc = `/api/documents/${caseId}.analysis`;
  await app.apiAs(scientist, 'PUT', `${doc}/sign-off-facts`, {
    kind: 'no-endorsement-reason',
    words: 'Vastgelegd voor de test.',
    childViewRecorded: true,
  });
  await app.apiAs(scientist, 'PUT', `${doc}/sign-off-facts`, {
    kind: 'education-consulted',
    words: 'Olga Peters (SWV)',
    consultedOn: '2026-01-05',
  });
  const { currentHash } = await app.apiAs<{ currentHash: string }>(scientist, 'GET', `${doc}/sign-off`);
  return app.apiAs<{ version: { name: string } }>(scientist, 'POST', `${doc}/sign-off`, { versionHash: currentHash });
}
