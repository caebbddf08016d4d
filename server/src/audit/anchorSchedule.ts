/**
 * Anchors the access log's head on a timer and once more at shutdown. An anchor that cannot be written
 * (full disk, unwritable file) is logged and tried again next time: anchoring never stops the server.
 * Each anchor is also a log line, so a log shipped elsewhere is a second copy out of the database's reach.
 */
import type { Logger } from '../observability/logger.js';
import type { AccessLog } from './accessLog.js';

export interface AnchorSchedule {
  /** Stops the timer and writes a final anchor. */
  stop(): Promise<void>;
}

export function scheduleAnchors(accessLog: AccessLog, intervalMs: number, log: Logger): AnchorSchedule {
  let running: Promise<void> = Promise.resolve();
  const anchorNow = () => {
    running = running.then(async () => {
      try {
        const anchor = await accessLog.anchorHead();
        if (anchor) log.info({ auditAnchor: anchor }, 'access log anchored');
      } catch (err) {
        log.error({ err }, 'access log anchor not written; retried on the next run');
      }
    });
    return running;
  };
  const timer = intervalMs > 0 ? setInterval(() => void anchorNow(), intervalMs) : null;
  timer?.unref();
  return {
    stop() {
      if (timer) clearInterval(timer);
      return anchorNow();
    },
  };
}
