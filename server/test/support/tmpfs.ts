/**
 * A real full disk: a small tmpfs mounted for the test (needs root, or CAP_SYS_ADMIN). Where mounting
 * is not permitted the suites using it are skipped with a loud warning — and FAIL in CI (CI=true).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface Tmpfs {
  dir: string;
  /** Writes a filler file until the disk is full (ENOSPC). */
  fill(): void;
  /** Removes the filler: space is back. */
  free(): void;
  unmount(): void;
}

export function mountTmpfs(sizeKb: number): Tmpfs | string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samenspraak-tmpfs-'));
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKb}k,mode=0700`, 'tmpfs', dir], { encoding: 'utf8' });
  if (r.status !== 0) {
    fs.rmdirSync(dir);
    return `mount -t tmpfs failed: ${(r.stderr || r.error?.message || '').trim()}`;
  }
  const filler = path.join(dir, 'filler');
  return {
    dir,
    fill() {
      const fd = fs.openSync(filler, 'a');
      const chunk = Buffer.alloc(4096, 0x78);
      try {
        for (;;) fs.writeSync(fd, chunk);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
      } finally {
        fs.closeSync(fd);
      }
      // The last partial block too, so not even a few bytes are left.
      const fd2 = fs.openSync(filler, 'a');
      try {
        for (;;) fs.writeSync(fd2, Buffer.alloc(1, 0x78));
      } catch {
        // full
      } finally {
        fs.closeSync(fd2);
      }
    },
    free() {
      fs.rmSync(filler, { force: true });
    },
    unmount() {
      spawnSync('umount', ['-l', dir]);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Mounting is possible here; otherwise warns loudly (and throws in CI). */
export function tmpfsAvailable(): boolean {
  const probe = mountTmpfs(64);
  if (typeof probe !== 'string') {
    probe.unmount();
    return true;
  }
  const message = `FULL-DISK TESTS SKIPPED: ${probe} (run as root to test a real full disk)`;
  if (process.env.CI === 'true') throw new Error(message);
  console.warn(`\n${'!'.repeat(80)}\n${message}\n${'!'.repeat(80)}\n`);
  return false;
}
