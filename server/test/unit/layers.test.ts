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

  it('have no upward import', () => {
    const unexpected = upwardImports(SERVER_LAYERS, imports);
    expect(unexpected, 'these imports run from a lower layer to a higher one').toEqual([]);
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
