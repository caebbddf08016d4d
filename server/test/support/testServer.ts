/** Starts a real Samenspraak instance in-process on port 0 with a fresh data directory. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type RunningServer, type StartOptions, startServer } from '../../src/app.js';
import { type Config, loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/observability/logger.js';

export const TEST_SECRET = 'test-secret-that-is-long-enough-0123456789';

export function tempDir(prefix = 'samenspraak-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function testConfig(overrides: Partial<Config> = {}, env: NodeJS.ProcessEnv = {}): Config {
  const base = loadConfig({ NODE_ENV: 'test', PORT: '0', AUTH_SECRET: TEST_SECRET, ...env });
  return { ...base, dataDir: tempDir(), clientDir: path.join(tempDir(), 'no-client'), ...overrides };
}

export async function startTestServer(
  overrides: Partial<Config> = {},
  options: StartOptions = {},
): Promise<RunningServer & { wsUrl: string; config: Config }> {
  const config = testConfig(overrides);
  const server = await startServer(config, { log: createLogger(process.env.TEST_LOG_LEVEL ?? 'silent'), ...options });
  return { ...server, wsUrl: server.url.replace(/^http/, 'ws'), config };
}
