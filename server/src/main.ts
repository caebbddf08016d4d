/** Process entry: the only place that reads the environment. Starts one instance and handles signals. */

import { startServer } from './app.js';
import { loadConfig } from './config.js';
import { runDemoMode } from './demoMode.js';

const config = loadConfig(process.env);
const server = await startServer(config);
server.log.info({ url: server.url, store: server.store.kind }, 'Samenspraak listening');
process.stdout.write(`\nSamenspraak draait op ${server.url}\n`);
// --demo seeds the demo with example text in its documents; --demo-empty leaves the documents empty.
const demo = process.argv.includes('--demo') || process.argv.includes('--demo-empty');
if (demo && !config.production)
  await runDemoMode(server, config.dataDir, { exampleText: !process.argv.includes('--demo-empty') });

let stopping = false;
const stop = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  server.log.info({ signal }, 'shutting down: flushing every accepted update');
  const hardStop = setTimeout(() => {
    server.log.error('shutdown took too long; exiting');
    process.exit(1);
  }, 20_000);
  hardStop.unref();
  const flushed = await server.close();
  process.exit(flushed ? 0 : 1);
};
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));
