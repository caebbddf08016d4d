/** Process entry: the only place that reads the environment. Starts one instance and handles signals. */

import { startServer } from './app.js';
import { loadConfig } from './config.js';
import { runDemoMode } from './demoMode.js';
import { flushLogger } from './observability/logger.js';

// stdout/stderr on a full disk or a closed pipe must not take the service down: lines are dropped.
process.stdout.on('error', () => {});
process.stderr.on('error', () => {});
function say(text: string): void {
  try {
    process.stdout.write(text);
  } catch {
    // a file on a full disk throws synchronously; the log line above carries the same facts
  }
}

const config = loadConfig(process.env);
const server = await startServer(config);
server.log.info({ url: server.url, store: server.store.kind }, 'Samenspraak listening');
say(`\nSamenspraak draait op ${server.url}\n`);
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
  await flushLogger(server.log);
  process.exit(flushed ? 0 : 1);
};
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));
