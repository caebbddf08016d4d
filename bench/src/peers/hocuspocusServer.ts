/**
 * Child-process entry for the Hocuspocus 4 peer: defaults, no persistence, bound to 127.0.0.1 so
 * benchmark traffic stays on loopback. Stops on SIGTERM (stopOnSignals default).
 *
 * With HOCUSPOCUS_REDIS_PREFIX set (the scale-out scenario) it adds `@hocuspocus/extension-redis` on
 * HOCUSPOCUS_REDIS_HOST:HOCUSPOCUS_REDIS_PORT, with that key/channel prefix and HOCUSPOCUS_INSTANCE_ID as
 * the instance identifier; otherwise it runs without extensions.
 *
 * With LOOP_PORT set it answers GET on that port (127.0.0.1) with its event-loop delay since the last
 * such request as `{ p99Ms, maxMs }` — the same monitorEventLoopDelay at 10 ms resolution, reset on
 * read, that prom-client exposes in Samenspraak's /metrics, so the bench compares like with like.
 */
import http from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Redis } from '@hocuspocus/extension-redis';
import { Server } from '@hocuspocus/server';

const port = Number(process.env.PORT);
if (!Number.isInteger(port) || port <= 0) throw new Error('PORT must be set');

const prefix = process.env.HOCUSPOCUS_REDIS_PREFIX;
const extensions = prefix
  ? [
      new Redis({
        host: process.env.HOCUSPOCUS_REDIS_HOST ?? '127.0.0.1',
        port: Number(process.env.HOCUSPOCUS_REDIS_PORT ?? 6379),
        prefix,
        ...(process.env.HOCUSPOCUS_INSTANCE_ID ? { identifier: process.env.HOCUSPOCUS_INSTANCE_ID } : {}),
      }),
    ]
  : [];

const server = new Server({ port, address: '127.0.0.1', quiet: true, extensions });
await server.listen();

const loopPort = Number(process.env.LOOP_PORT ?? 0);
if (loopPort > 0) {
  const h = monitorEventLoopDelay({ resolution: 10 });
  h.enable();
  http
    .createServer((_req, res) => {
      const body = JSON.stringify({ p99Ms: h.percentile(99) / 1e6, maxMs: h.max / 1e6 });
      h.reset();
      res.writeHead(200, { 'content-type': 'application/json' }).end(body);
    })
    .listen(loopPort, '127.0.0.1');
}
