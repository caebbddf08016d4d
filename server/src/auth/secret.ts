/**
 * The signing secret. Production must set AUTH_SECRET; on a developer's machine a random secret is
 * generated once and kept (mode 0600) in the data directory, so a fresh clone works without setup and
 * no well-known default secret exists.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.js';
import { PRIVATE_FILE_MODE, writePrivateFile } from '../storage/privateFiles.js';

export function resolveAuthSecret(config: Pick<Config, 'authSecret' | 'dataDir'>): string {
  if (config.authSecret) return config.authSecret;
  const file = path.join(config.dataDir, 'auth-secret');
  try {
    const secret = fs.readFileSync(file, 'utf8').trim();
    fs.chmodSync(file, PRIVATE_FILE_MODE); // one written by an older version may be wider
    return secret;
  } catch {
    const secret = crypto.randomBytes(32).toString('base64url');
    try {
      writePrivateFile(file, secret, { exclusive: true });
      return secret;
    } catch {
      // Another process created it first: use theirs.
      return fs.readFileSync(file, 'utf8').trim();
    }
  }
}
