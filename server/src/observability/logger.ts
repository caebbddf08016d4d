/**
 * Structured logging (pino). Log lines never contain document content.
 *
 * Logging must never stop the service: lines are written asynchronously (a stdout pipe nobody drains
 * blocks only the writer, not the event loop), at most LOG_BUFFER_BYTES wait in memory (beyond that
 * lines are dropped, not hoarded), and a write error — a full disk under a redirected stdout, a closed
 * pipe — drops lines instead of crashing the process; writing resumes when the destination accepts
 * data again. The destination is built here rather than with pino.destination(), which registers a
 * synchronous flush at process exit that spins forever on a full disk.
 */
import pino from 'pino';
import sonicBoom, { type SonicBoom as SonicBoomClass } from 'sonic-boom';

// The package is CommonJS: at run time the class is the default export (its types say otherwise).
const SonicBoom = sonicBoom as unknown as typeof SonicBoomClass;

export type Logger = pino.Logger;

const LOG_BUFFER_BYTES = 8 * 1024 * 1024;

export interface LogSink {
  /** A file descriptor (default 1, stdout) or a file path. */
  dest?: number | string;
  /** Told once per failure spell (e.g. ENOSPC), for tests and an operator's stderr. */
  onError?: (err: NodeJS.ErrnoException) => void;
}

export function createLogger(level: string, base: Record<string, unknown> = {}, sink: LogSink = {}): Logger {
  const destination = new SonicBoom({ dest: sink.dest ?? 1, sync: false, maxLength: LOG_BUFFER_BYTES });
  let failing = false;
  destination.on('error', (err: NodeJS.ErrnoException) => {
    if (failing) return;
    failing = true;
    sink.onError?.(err);
  });
  destination.on('write', () => {
    failing = false;
  });
  return pino({ level, base: { service: 'samenspraak', ...base } }, destination);
}

/** Gives buffered lines a bounded moment to reach the destination (before a graceful exit). */
export function flushLogger(log: Logger, timeoutMs = 2_000): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, timeoutMs);
    timer.unref();
    try {
      log.flush(() => {
        clearTimeout(timer);
        resolve();
      });
    } catch {
      clearTimeout(timer);
      resolve();
    }
  });
}
