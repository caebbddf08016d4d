/**
 * The layering of server/src: every import runs sideways or down the one table in src/layers.ts, every
 * folder of server/src has a layer there, and docs/ARCHITECTURE.md shows the same layers. Imports are
 * read with TypeScript's own pre-processor (static, type-only, re-exports and dynamic `import()`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, posix, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { type Layer, SERVER_LAYERS } from '../../src/layers.js';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const srcRoot = join(repoRoot, 'server/src');

/**
 * Upward imports that exist today, as "importing file -> imported file" (paths under server/src).
 * This list only shrinks: the test fails on any upward import not listed here AND on any listed import
 * that no longer exists, so remove a line together with the import it names. Issue #13 empties it.
 */
const KNOWN_UPWARD: readonly string[] = [
  // audit (core) → http, services.ts (transport): the case audit record takes the HTTP Actor and AppServices;
  // goes away with the one audit record builder and the Actor below the web layer.
  'audit/caseAudit.ts -> services.ts',
  // auth (core) → cases (features): the document access policy reads participation and documents itself;
  // belongs with the one gate.
  'auth/casePolicy.ts -> cases/caseDocuments.ts',
  'auth/casePolicy.ts -> cases/participation.ts',
  // http/routes (transport) → features: each route file moves into its feature folder.
  'http/routes/authRoutes.ts -> identity/authLog.ts',
  'http/routes/authRoutes.ts -> identity/login.ts',
  'http/routes/authRoutes.ts -> identity/sessions.ts',
  'http/routes/authRoutes.ts -> identity/users.ts',
  'http/routes/caseRoutes.ts -> cases/caseCommands.ts',
  'http/routes/caseRoutes.ts -> cases/caseGate.ts',
  'http/routes/caseRoutes.ts -> cases/casePolicies.ts',
  'http/routes/caseRoutes.ts -> cases/caseQueries.ts',
  'http/routes/caseRoutes.ts -> cases/destruction.ts',
  'http/routes/caseRoutes.ts -> export/caseExport.ts',
  'http/routes/caseRoutes.ts -> export/casePdf.ts',
  'http/routes/caseRoutes.ts -> identity/invitationCommands.ts',
  'http/routes/caseRoutes.ts -> retention/executeDestructions.ts',
  'http/routes/commentRoutes.ts -> comments/comments.ts',
  'http/routes/endorsementRoutes.ts -> cases/documentAccess.ts',
  'http/routes/endorsementRoutes.ts -> endorsements/endorsements.ts',
  'http/routes/endorsementRoutes.ts -> endorsements/hypothesisVotes.ts',
  'http/routes/endorsementRoutes.ts -> versions/versionCommands.ts',
  'http/routes/escalationRoutes.ts -> cases/caseGate.ts',
  'http/routes/escalationRoutes.ts -> escalation/clockFacts.ts',
  'http/routes/escalationRoutes.ts -> escalation/escalationCommands.ts',
  'http/routes/escalationRoutes.ts -> escalation/escalationPolicies.ts',
  'http/routes/escalationRoutes.ts -> escalation/escalationState.ts',
  'http/routes/escalationRoutes.ts -> escalation/monitor.ts',
  'http/routes/escalationRoutes.ts -> escalation/notifications.ts',
  'http/routes/identityHttp.ts -> identity/login.ts',
  'http/routes/identityHttp.ts -> identity/passwordPolicy.ts',
  'http/routes/identityHttp.ts -> identity/sessions.ts',
  'http/routes/identityHttp.ts -> identity/throttle.ts',
  'http/routes/invitationRoutes.ts -> cases/caseGate.ts',
  'http/routes/invitationRoutes.ts -> cases/casePolicies.ts',
  'http/routes/invitationRoutes.ts -> identity/authLog.ts',
  'http/routes/invitationRoutes.ts -> identity/invitationCommands.ts',
  'http/routes/invitationRoutes.ts -> identity/invitations.ts',
  'http/routes/invitationRoutes.ts -> identity/sessions.ts',
  'http/routes/invitationRoutes.ts -> identity/users.ts',
  'http/routes/meetingRoutes.ts -> cases/caseGate.ts',
  'http/routes/meetingRoutes.ts -> cases/caseQueries.ts',
  'http/routes/meetingRoutes.ts -> meetings/meetingCommands.ts',
  'http/routes/meetingRoutes.ts -> meetings/meetingRecords.ts',
  'http/routes/meetingRoutes.ts -> meetings/meetingView.ts',
  'http/routes/meetingRoutes.ts -> meetings/minutes.ts',
  'http/routes/versionRoutes.ts -> cases/documentAccess.ts',
  'http/routes/versionRoutes.ts -> versions/restore.ts',
  'http/routes/versionRoutes.ts -> versions/versionCommands.ts',
  'http/routes/versionRoutes.ts -> versions/versionExport.ts',
  'http/routes/endorsementRoutes.ts -> documents/content.ts',
  'http/routes/meetingRoutes.ts -> documents/content.ts',
  'http/routes/meetingRoutes.ts -> documents/sections.ts',
  'http/routes/versionRoutes.ts -> documents/content.ts',
  'http/routes/versionRoutes.ts -> documents/documentVersions.ts',
  'http/routes/versionRoutes.ts -> documents/sections.ts',
  'http/routes/versionRoutes.ts -> versions/versionDiff.ts',
  'http/gate.ts -> cases/caseGate.ts',
  'http/gate.ts -> cases/documentGate.ts',
  'http/routes/endorsementRoutes.ts -> cases/documentGate.ts',
  'realtime/caseChannel.ts -> cases/documentGate.ts',
  // http (transport) → identity: the session middleware loads sessions from the identity feature.
  'http/sessionMiddleware.ts -> identity/sessions.ts',
  // realtime (transport) → features: socket handlers check access and call feature commands themselves;
  // they move behind the one gate and into their features (meetings, notifications).
  'realtime/accessSweep.ts -> cases/documentAccess.ts',
  'realtime/caseChannel.ts -> cases/caseDb.ts',
  'realtime/caseChannel.ts -> cases/caseGate.ts',
  'realtime/caseChannel.ts -> meetings/meetingRecords.ts',
  'realtime/handlers.ts -> escalation/notifier.ts',
  'realtime/handlers.ts -> meetings/meetingCommands.ts',
  'realtime/liveCaseEvents.ts -> escalation/notifier.ts',
  'realtime/meetingBroadcast.ts -> meetings/meetingRecords.ts',
  'realtime/meetingBroadcast.ts -> meetings/meetingView.ts',
  'realtime/realtimeServer.ts -> escalation/notifier.ts',
  'realtime/socketAuth.ts -> cases/documentAccess.ts',
  'realtime/socketAuth.ts -> identity/sessions.ts',
];

interface Import {
  from: string;
  to: string;
}

/** Paths under server/src, with forward slashes, of every .ts file. */
function sourceFiles(dir = srcRoot): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [relative(srcRoot, path).split(sep).join('/')] : [];
  });
}

/** The relative imports of one file, resolved to paths under server/src (`.js` specifiers name `.ts` files). */
function importsOf(file: string, text: string): Import[] {
  return ts
    .preProcessFile(text, true, true)
    .importedFiles.map((ref) => ref.fileName)
    .filter((spec) => spec.startsWith('./') || spec.startsWith('../'))
    .map((spec) => ({
      from: file,
      to: posix.normalize(posix.join(posix.dirname(file), spec)).replace(/\.js$/, '.ts'),
    }));
}

/** Whether a path under server/src is the unit (a file) or lies inside it (a folder such as `http/routes`). */
const within = (path: string, unit: string): boolean => path === unit || path.startsWith(`${unit}/`);

/** The layer of a path: that of the longest unit holding it (so `http/routes` may differ from `http`), or -1. */
function layerOf(layers: readonly Layer[], path: string): number {
  let best = { index: -1, length: 0 };
  layers.forEach((layer, index) => {
    for (const unit of layer.units) {
      if (within(path, unit) && unit.length > best.length) best = { index, length: unit.length };
    }
  });
  return best.index;
}

/** Imports whose target sits in a higher layer than their source, as "from -> to". */
function upwardImports(layers: readonly Layer[], imports: readonly Import[]): string[] {
  return imports.filter((i) => layerOf(layers, i.to) > layerOf(layers, i.from)).map((i) => `${i.from} -> ${i.to}`);
}

const files = sourceFiles();
const imports = files.flatMap((file) => importsOf(file, readFileSync(join(srcRoot, file), 'utf8')));

describe('server layers (src/layers.ts)', () => {
  it('give every folder and top-level file of server/src exactly one layer', () => {
    const units = SERVER_LAYERS.flatMap((layer) => layer.units);
    expect(units.filter((unit, i) => units.indexOf(unit) !== i)).toEqual([]);
    const unlayered = files.filter((file) => layerOf(SERVER_LAYERS, file) === -1);
    expect(unlayered, 'add these to src/layers.ts and to docs/ARCHITECTURE.md').toEqual([]);
  });

  it('have no import that leaves server/src', () => {
    expect(imports.filter((i) => i.to.startsWith('../')).map((i) => `${i.from} -> ${i.to}`)).toEqual([]);
  });

  it('have no upward import beyond the known ones', () => {
    const unexpected = upwardImports(SERVER_LAYERS, imports).filter((line) => !KNOWN_UPWARD.includes(line));
    expect(unexpected, 'these imports run from a lower layer to a higher one').toEqual([]);
  });

  it('list no known upward import that is gone (the list only shrinks)', () => {
    const current = new Set(upwardImports(SERVER_LAYERS, imports));
    expect(KNOWN_UPWARD.filter((line) => !current.has(line))).toEqual([]);
    expect(KNOWN_UPWARD.filter((line, i) => KNOWN_UPWARD.indexOf(line) !== i)).toEqual([]);
  });

  it('read imports of every kind and flag one that runs upward', () => {
    const sample = [
      "import { a } from '../low/a.js';",
      "import type { B } from '../high/b.js';",
      "export { c } from './c.js';",
      "const d = await import('../high/d.js');",
      "import express from 'express';",
    ].join('\n');
    const found = importsOf('mid/x.ts', sample);
    expect(found.map((i) => i.to)).toEqual(['low/a.ts', 'high/b.ts', 'mid/c.ts', 'high/d.ts']);
    const layers: Layer[] = ['low', 'mid', 'high'].map((name) => ({ name, job: '', units: [name] }));
    expect(upwardImports(layers, found)).toEqual(['mid/x.ts -> high/b.ts', 'mid/x.ts -> high/d.ts']);
    // A subfolder listed on its own takes that layer: here mid/routes sits with high.
    const nested = layers.map((layer) => (layer.name === 'high' ? { ...layer, units: ['high', 'mid/routes'] } : layer));
    const fromRoutes = importsOf('mid/routes/r.ts', "import { b } from '../../high/b.js';");
    expect(upwardImports(nested, fromRoutes)).toEqual([]);
    expect(upwardImports(nested, importsOf('mid/y.ts', "import { r } from './routes/r.js';"))).toEqual([
      'mid/y.ts -> mid/routes/r.ts',
    ]);
    // The real tree is read too: app wiring imports the config.
    expect(imports).toContainEqual({ from: 'app.ts', to: 'config.ts' });
  });

  it('are the layers docs/ARCHITECTURE.md shows, in the same order', () => {
    const doc = readFileSync(join(repoRoot, 'docs/ARCHITECTURE.md'), 'utf8');
    const section = doc.split(/^## /m).find((part) => part.startsWith('Layers: who may import whom'));
    expect(section, 'docs/ARCHITECTURE.md needs the section "Layers: who may import whom"').toBeDefined();
    // Table rows: | name | may import | `folder/`, `file.ts`, … | job |
    const rows = (section ?? '')
      .split('\n')
      .filter((line) => line.startsWith('|') && !/^\|\s*-/.test(line))
      .slice(1)
      .map((line) => line.split('|').map((cell) => cell.trim()));
    const documented = rows.map((cells) => ({
      name: cells[1]?.replace(/^\d+\.\s*/, ''),
      units: [...(cells[3] ?? '').matchAll(/`([^`]+)`/g)].map((m) => (m[1] ?? '').replace(/\/$/, '')),
    }));
    expect(documented).toEqual(SERVER_LAYERS.map((layer) => ({ name: layer.name, units: [...layer.units] })));
  });
});
