// Development: recompile shared+server on change, restart the server, and serve the client with Vite (HMR).
// Open the Vite URL it prints (port 5173); API and WebSocket calls are proxied to the server on port 3000.
import { spawn, spawnSync } from 'node:child_process';

const build = spawnSync('npx', ['tsc', '-b', 'shared', 'server'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const children = [
  spawn('npx', ['tsc', '-b', '-w', '--preserveWatchOutput', 'shared', 'server'], { stdio: 'inherit' }),
  spawn('node', ['--watch-path=server/dist', '--watch-path=shared/dist', 'server/dist/main.js'], { stdio: 'inherit' }),
  spawn('npx', ['vite', '--config', 'vite.config.ts'], { stdio: 'inherit' }),
];
const stop = () => {
  for (const child of children) child.kill('SIGTERM');
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
