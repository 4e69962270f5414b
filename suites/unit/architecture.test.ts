import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { packageRoot } from '../../src/util/paths.js';
import {
  type Edge,
  folderCycles,
  folderGraph,
  type Import,
  layerOf,
  layerUnit,
  projectEdges,
  tsFiles,
  unitOf,
  upwardImports,
} from '../_helpers/import-graph.js';

/*
 * The layers of the shipped code, lowest first: a folder imports only folders of lower rows, never
 * its own row or a higher one. The oracle is at the bottom so that nothing it judges can shape
 * it; the validator contract sits low so adapters, the harness protocol and targets share it
 * without importing each other; the facade (src/api) is the one place that wires targets,
 * generators, the runner and baselines together, for the library, the jest integration and the
 * CLI alike. A folder of the table takes its subfolders with it (`src/spec/rules` is part of
 * `src/spec`); shared explicit examples (`src/corpus`) sit below the runner that uses them.
 */
const LAYERS: readonly (readonly string[])[] = [
  ['src/spec'],
  ['src/util', 'src/contract'],
  ['generators/_internals', 'generators/xrpc'],
  ['generators'],
  ['src/corpus'],
  ['src/harness', 'src/schemas'],
  ['src/adapters'],
  ['src/targets'],
  ['src/report'],
  ['src/runner'],
  ['src/live', 'src/vectors'],
  ['src/api'],
  ['src/index', 'src/jest'],
  ['src/commands'],
  ['src/cli'],
  ['src/bin'],
];

const root = packageRoot();
const shipped = [...tsFiles(root, 'src'), ...tsFiles(root, 'generators')];
const edges = projectEdges(root, shipped);

const from = (prefix: string): Edge[] =>
  edges.filter((e) => e.from === prefix || e.from.startsWith(`${prefix}/`));

/** True when every imported name is a type or an ALL_CAPS constant. */
function typesOrConstants(i: Import): boolean {
  if (i.typeOnly) return true;
  const names = i.names
    .replace(/[{}]/g, '')
    .split(',')
    .map((n) => n.trim())
    .filter(Boolean);
  return (
    names.length > 0 && names.every((n) => n.startsWith('type ') || /^[A-Z][A-Z0-9_]*$/.test(n))
  );
}

describe('the import checker', () => {
  // A small graph with one seeded violation of each kind, so the checks below can fail.
  const seeded = [
    { from: 'src/spec/oracle.ts', to: 'src/spec/rules/index.ts' },
    { from: 'src/runner/run.ts', to: 'src/report/model.ts' },
    { from: 'src/report/model.ts', to: 'src/runner/options.ts' },
    { from: 'src/index.ts', to: 'src/runner/run.ts' },
  ];

  it('finds a folder cycle and only that one', () => {
    expect(folderCycles(folderGraph(seeded))).toEqual([['src/report', 'src/runner']]);
    expect(folderCycles(folderGraph(seeded.slice(0, 2)))).toEqual([]);
  });

  it('counts a folder of the layer table with its subfolders, as one unit', () => {
    const nested = [
      { from: 'src/live/steps.ts', to: 'src/live/checks/session.ts' },
      { from: 'src/live/checks/session.ts', to: 'src/live/judge.ts' },
    ];
    expect(folderCycles(folderGraph(nested))).toEqual([['src/live', 'src/live/checks']]);
    expect(folderCycles(folderGraph(nested, layerUnit(LAYERS)))).toEqual([]);
    const across = [...nested, { from: 'src/live/judge.ts', to: 'src/commands/live.ts' }];
    expect(upwardImports(across, LAYERS)).toEqual(['src/live/judge.ts -> src/commands/live.ts']);
  });

  it('finds an import that goes up, or sideways within a row', () => {
    expect(upwardImports(seeded, LAYERS)).toEqual(['src/report/model.ts -> src/runner/options.ts']);
    const sideways = [{ from: 'src/live/suite.ts', to: 'src/vectors/index.ts' }];
    expect(upwardImports(sideways, LAYERS)).toEqual(['src/live/suite.ts -> src/vectors/index.ts']);
  });

  it('treats entry files of src/ as units and subfolders by their longest layer prefix', () => {
    expect(unitOf('src/index.ts')).toBe('src/index');
    expect(unitOf('generators/_internals/json.ts')).toBe('generators/_internals');
    expect(layerOf('src/spec/rules', LAYERS)).toBe(0);
    expect(layerOf('generators/_internals', LAYERS)).toBe(2);
    expect(layerOf('src/nowhere', LAYERS)).toBeUndefined();
  });
});

describe('architecture', () => {
  it('every folder of src/ and generators/ has a layer', () => {
    const units = [...new Set(shipped.map(unitOf))].sort();
    expect(units.filter((u) => layerOf(u, LAYERS) === undefined)).toEqual([]);
  });

  it('imports go only to lower layers', () => {
    expect(upwardImports(edges, LAYERS)).toEqual([]);
  });

  it('no two folders import each other, directly or around a cycle', () => {
    expect(folderCycles(folderGraph(edges, layerUnit(LAYERS)))).toEqual([]);
  });

  it('the oracle (src/spec) imports nothing outside src/spec, and only node: builtins', () => {
    for (const file of tsFiles(root, 'src/spec')) {
      const text = readFileSync(resolve(root, file), 'utf8');
      for (const m of text.matchAll(/from\s+['"]([^'"]+)['"]/g)) {
        const spec = m[1] as string;
        if (!spec.startsWith('.'))
          expect([file, spec]).toEqual([file, expect.stringMatching(/^node:/)]);
      }
    }
    for (const e of from('src/spec')) {
      expect([e.from, e.to]).toEqual([e.from, expect.stringMatching(/^src\/spec\//)]);
    }
  });

  it('generators import only types and constants from src/spec, and nothing else of src', () => {
    for (const e of from('generators')) {
      if (e.to.startsWith('generators/')) continue;
      expect([e.from, e.to]).toEqual([e.from, expect.stringMatching(/^src\/spec\//)]);
      expect([e.from, e.import.names, typesOrConstants(e.import)]).toEqual([
        e.from,
        e.import.names,
        true,
      ]);
    }
  });

  it('outside generators/, only the generator barrels are imported', () => {
    for (const e of edges) {
      if (e.from.startsWith('generators/') || !e.to.startsWith('generators/')) continue;
      expect([e.from, e.to]).toEqual([
        e.from,
        expect.stringMatching(/^generators\/(xrpc\/)?index\.ts$/),
      ]);
    }
  });

  it('adapters never import generators, and (but reference) no oracle values', () => {
    for (const e of from('src/adapters')) {
      expect([e.from, e.to]).toEqual([e.from, expect.not.stringMatching(/^generators\//)]);
      if (e.from === 'src/adapters/reference.ts' || !e.to.startsWith('src/spec/')) continue;
      expect([e.from, e.import.names, e.import.typeOnly]).toEqual([e.from, e.import.names, true]);
    }
  });

  it('shipped code never imports test code or reads outside the package', () => {
    for (const e of edges)
      expect([e.from, e.to]).toEqual([e.from, expect.not.stringMatching(/^(suites|\.\.)\//)]);
    for (const file of shipped) {
      const text = readFileSync(resolve(root, file), 'utf8');
      for (const m of text.matchAll(/(['"`])((?:\.\.?\/|\/\w)[^'"`\s]*)\1/g)) {
        const literal = m[2] as string;
        const path = isAbsolute(literal) ? literal : resolve(root, file, '..', literal);
        const outside = relative(root, path).startsWith('..');
        // An absolute literal such as an XRPC path is fine; one naming a real place is not.
        const reaches = isAbsolute(literal) ? existsSync(literal) && outside : outside;
        expect([file, literal, reaches]).toEqual([file, literal, false]);
      }
    }
  });
});
