import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/**
 * The installed version of an npm package, read from its own package.json. Many packages do not
 * export `./package.json`, so this resolves the entry point and walks up to the package folder.
 */
export function libraryVersion(pkg: string): string {
  let dir = dirname(require.resolve(pkg));
  for (;;) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const { name, version } = JSON.parse(readFileSync(file, 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (name === pkg && typeof version === 'string') return version;
    }
    const up = dirname(dir);
    if (up === dir) throw new Error(`cannot find the package.json of ${pkg}`);
    dir = up;
  }
}
