import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

/*
 * An offline install needs every dependency in the npm cache. A plain `npm install <tgz>` would
 * resolve version ranges against cached registry metadata, which may name newer versions than
 * the ones `npm ci` cached, or be missing. So the consumer project gets a lockfile instead: the
 * package tarball plus this repository's locked production dependencies (same versions, same
 * integrity hashes, same layout) with their tarball URLs, so installing needs only the tarballs
 * that `npm ci` put in the cache.
 */

interface LockEntry {
  readonly version?: string;
  readonly dev?: boolean;
  readonly devOptional?: boolean;
  readonly [key: string]: unknown;
}

interface Lockfile {
  readonly lockfileVersion: number;
  readonly packages: Readonly<Record<string, LockEntry>>;
}

interface PackageJson {
  readonly name: string;
  readonly version: string;
  readonly license?: string;
  readonly dependencies?: Record<string, string>;
  readonly bin?: Record<string, string>;
  readonly engines?: Record<string, string>;
}

const NAME = 'atproto-session-conformance';

/** The registry's tarball URL of a locked package: `<registry>/<name>/-/<unscoped>-<version>.tgz`. */
function tarballUrl(registry: string, path: string, entry: LockEntry): string {
  const name =
    typeof entry.name === 'string'
      ? entry.name
      : path.slice(path.lastIndexOf('node_modules/') + 13);
  const unscoped = name.slice(name.indexOf('/') + 1);
  return `${registry.replace(/\/?$/, '/')}${name}/-/${unscoped}-${entry.version}.tgz`;
}

/** package.json and package-lock.json of a project whose only dependency is the tarball. */
export async function consumerManifests(
  repoRoot: string,
  projectDir: string,
  tarball: string,
  registry: string,
): Promise<{ packageJson: string; lockfile: string }> {
  const pkg = JSON.parse(await readFile(join(repoRoot, 'package.json'), 'utf8')) as PackageJson;
  const lock = JSON.parse(await readFile(join(repoRoot, 'package-lock.json'), 'utf8')) as Lockfile;
  const spec = `file:${relative(projectDir, tarball)}`;
  const integrity = `sha512-${createHash('sha512')
    .update(await readFile(tarball))
    .digest('base64')}`;
  const root = {
    name: 'consumer',
    version: '1.0.0',
    dependencies: { [NAME]: spec },
  };
  const packages: Record<string, unknown> = {
    '': root,
    [`node_modules/${NAME}`]: {
      version: pkg.version,
      resolved: spec,
      integrity,
      license: pkg.license,
      dependencies: pkg.dependencies,
      bin: pkg.bin,
      engines: pkg.engines,
    },
  };
  for (const [path, entry] of Object.entries(lock.packages)) {
    if (!path.startsWith('node_modules/') || entry.dev === true || entry.devOptional === true) {
      continue;
    }
    packages[path] = { ...entry, resolved: entry.resolved ?? tarballUrl(registry, path, entry) };
  }
  const packageJson = { ...root, private: true, type: 'module' };
  return {
    packageJson: `${JSON.stringify(packageJson, null, 2)}\n`,
    lockfile: `${JSON.stringify({ name: 'consumer', version: '1.0.0', lockfileVersion: 3, requires: true, packages }, null, 2)}\n`,
  };
}
