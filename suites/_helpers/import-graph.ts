import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/*
 * The project's import graph, read with a regex (no dependency): the `from '…'` and `import('…')`
 * specifiers of every .ts file. Paths are relative to the package root, with `/` separators, so
 * the checks below run on an in-memory graph as well as on the real tree.
 */

export interface Import {
  readonly spec: string;
  readonly typeOnly: boolean;
  /** The imported names as written (`{ a, type B }`), or `*` for a dynamic import. */
  readonly names: string;
}

/** One import between two files of the project (both relative to the root). */
export interface Edge {
  readonly from: string;
  readonly to: string;
  readonly import: Import;
}

export function importsOf(text: string): Import[] {
  const found: Import[] = [];
  const re = /^\s*(import|export)\s+(type\s+)?([^'";]*?)\s*from\s+['"]([^'"]+)['"]/gm;
  for (const m of text.matchAll(re)) {
    found.push({ spec: m[4] as string, typeOnly: m[2] !== undefined, names: m[3] ?? '' });
  }
  for (const m of text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)) {
    found.push({ spec: m[1] as string, typeOnly: false, names: '*' });
  }
  return found;
}

/** Every .ts file under `dir` (relative to `root`). */
export function tsFiles(root: string, dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = `${dir}/${name}`;
    if (statSync(join(root, path)).isDirectory()) return tsFiles(root, path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

/** The file a relative specifier names, relative to the root; undefined for a package import. */
export function resolveSpec(root: string, from: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const abs = resolve(root, dirname(from), spec).replace(/\.js$/, '.ts');
  return relative(root, abs).split(sep).join('/');
}

/** The project-internal imports of the given files. */
export function projectEdges(root: string, files: readonly string[]): Edge[] {
  return files.flatMap((from) =>
    importsOf(readFileSync(join(root, from), 'utf8')).flatMap((i) => {
      const to = resolveSpec(root, from, i.spec);
      return to === undefined ? [] : [{ from, to, import: i }];
    }),
  );
}

/**
 * The folder a file belongs to. A file directly in `src/` is an entry point and its own unit
 * (`src/index`, `src/cli`); every other file belongs to its directory.
 */
export function unitOf(file: string): string {
  const dir = dirname(file);
  return dir === 'src' ? file.replace(/\.ts$/, '') : dir;
}

/** Folder -> the folders it imports (imports inside one folder left out). */
export function folderGraph(
  edges: readonly Pick<Edge, 'from' | 'to'>[],
  unit: (file: string) => string = unitOf,
): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const { from, to } of edges) {
    const a = unit(from);
    const b = unit(to);
    if (!graph.has(a)) graph.set(a, new Set());
    if (!graph.has(b)) graph.set(b, new Set());
    if (a !== b) graph.get(a)?.add(b);
  }
  return graph;
}

/** The import cycles between folders: strongly connected components of more than one folder. */
export function folderCycles(graph: ReadonlyMap<string, ReadonlySet<string>>): string[][] {
  // Tarjan's algorithm; the graph has a few dozen nodes, so recursion depth is no concern.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, index.size);
    low.set(node, index.get(node) as number);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node) as number, low.get(next) as number));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node) as number, index.get(next) as number));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string | undefined;
    do {
      member = stack.pop() as string;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1) found.push(component.sort());
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return found;
}

/** The entry of the layer table that covers a folder: the longest folder prefix naming it. */
function entryOf(unit: string, layers: readonly (readonly string[])[]): string | undefined {
  let best: string | undefined;
  for (const prefix of layers.flat()) {
    const covers = unit === prefix || unit.startsWith(`${prefix}/`);
    if (covers && (best === undefined || prefix.length > best.length)) best = prefix;
  }
  return best;
}

/**
 * The layer of a folder: the row of the layer table entry that covers it (`src/spec` covers
 * `src/spec/rules`), undefined when none does.
 */
export function layerOf(unit: string, layers: readonly (readonly string[])[]): number | undefined {
  const entry = entryOf(unit, layers);
  return entry === undefined ? undefined : layers.findIndex((row) => row.includes(entry));
}

/**
 * The unit a file belongs to for layering: its layer table entry, so a folder's own subfolders
 * (`src/spec/rules`) are part of it; a folder with no entry stays on its own.
 */
export function layerUnit(layers: readonly (readonly string[])[]): (file: string) => string {
  return (file) => entryOf(unitOf(file), layers) ?? unitOf(file);
}

/** Imports that do not point to a strictly lower layer (`from -> to` lines). */
export function upwardImports(
  edges: readonly Pick<Edge, 'from' | 'to'>[],
  layers: readonly (readonly string[])[],
): string[] {
  const unit = layerUnit(layers);
  const wrong: string[] = [];
  for (const { from, to } of edges) {
    const a = unit(from);
    const b = unit(to);
    const la = layerOf(a, layers);
    const lb = layerOf(b, layers);
    if (a === b || la === undefined || lb === undefined) continue;
    if (lb >= la) wrong.push(`${from} -> ${to}`);
  }
  return wrong;
}
