/**
 * `npm start` runs the server with `--demo` (never in production): on an empty database it creates the
 * demo organisations, accounts and cases (with example text in their documents), keeps their logins in DATA_DIR/demo-logins.txt (mode 0600),
 * and prints them at every start together with links to the shared demo document.
 */
import fs from 'node:fs';
import path from 'node:path';
import { formatDemoLogins, seedDemo } from './admin/commands/seedDemo.js';
import { DEMO_CASES } from './admin/commands/seedDemoData.js';
import { seedDemoDocuments } from './admin/commands/seedDemoDocuments.js';
import type { RunningServer } from './app.js';
import { printDemoLinks } from './demoLinks.js';
import { writePrivateFile } from './storage/privateFiles.js';

export async function runDemoMode(
  server: RunningServer,
  dataDir: string,
  options: { exampleText: boolean } = { exampleText: true },
): Promise<void> {
  const file = path.join(dataDir, 'demo-logins.txt');
  const users = await server.services.db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  if (Number(users.n) === 0) {
    const logins = await seedDemo(server.services);
    const [daan, sanne] = DEMO_CASES;
    if (options.exampleText && daan && sanne)
      await seedDemoDocuments(server.collab, { daan: daan.id, sanne: sanne.id });
    writePrivateFile(file, formatDemoLogins(logins));
  }
  if (fs.existsSync(file)) {
    process.stdout.write(`\n${fs.readFileSync(file, 'utf8')}\n(kept in ${file})\n`);
  }
  await printDemoLinks(server.url, server.authKey);
}
