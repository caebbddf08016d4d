/**
 * Child-process entry for the Hocuspocus 4 peer: defaults, no persistence, bound to 127.0.0.1 so
 * benchmark traffic stays on loopback. Stops on SIGTERM (stopOnSignals default).
 *
 * With HOCUSPOCUS_REDIS_PREFIX set (the scale-out scenario) it adds `@hocuspocus/extension-redis` on
 * HOCUSPOCUS_REDIS_HOST:HOCUSPOCUS_REDIS_PORT, with that key/channel prefix and HOCUSPOCUS_INSTANCE_ID as
 * the instance identifier; otherwise it runs without extensions.
 */
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
