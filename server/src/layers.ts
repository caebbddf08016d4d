/**
 * The server's layers, lowest first: who may import whom. A file in server/src may import files of its
 * own layer and of the layers below it, never of a layer above. Each entry of `units` is a folder or a
 * file directly under server/src; a subfolder (say `http/routes`) may be listed in a layer of its own,
 * and then the longest entry that holds a file decides its layer.
 *
 * This table is data, not wiring: server/test/unit/layers.test.ts checks every import of server/src
 * against it (a folder missing here fails that test too), and docs/ARCHITECTURE.md ("Layers: who may
 * import whom") shows the same layers. Import cycles, also within one layer, are Biome's job
 * (`noImportCycles` in biome.json).
 */
export interface Layer {
  readonly name: string;
  readonly job: string;
  readonly units: readonly string[];
}

export const SERVER_LAYERS: readonly Layer[] = [
  {
    name: 'kernel',
    job: 'pure rules and process basics: no I/O of its own, knows no transport',
    units: ['kernel', 'domain', 'config.ts', 'observability', 'layers.ts'],
  },
  {
    name: 'storage',
    job: 'the document store and the relational database',
    units: ['storage', 'db'],
  },
  {
    name: 'core',
    job: 'collaboration core, tokens, the access log, cross-instance fan-out, the per-instance services every command gets',
    units: ['collab', 'auth', 'audit', 'scale', 'mail', 'services.ts'],
  },
  {
    name: 'transport',
    job: 'Express and socket.io plumbing: error mapping, validation, replies, security headers, socket rooms',
    units: ['http', 'realtime'],
  },
  {
    name: 'features',
    job: 'one folder per feature: its rules, commands, queries, storage, routes and socket events',
    units: [
      'cases',
      'identity',
      'comments',
      'documents',
      'versions',
      'export',
      'endorsements',
      'meetings',
      'escalation',
      'retention',
      'live',
      'inbox',
      'consultation',
      'decisions',
      'regions',
      'plan',
      'rights',
      'start',
    ],
  },
  {
    name: 'app',
    job: 'wiring: builds an instance, mounts the routes, lists the migrations, starts the process, operator commands, demo mode',
    units: ['app.ts', 'main.ts', 'schemaMigrations.ts', 'apiRouter.ts', 'admin', 'demoMode.ts', 'demoLinks.ts'],
  },
];
