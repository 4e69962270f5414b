import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../../src/util/paths.js';

/*
 * The README says which Node versions work. Dependencies that declare a newer Node than the
 * package does make `npm ci` print EBADENGINE warnings: the README must name each of them, so
 * what it claims stays honest when a dependency raises its engines.
 */

const root = packageRoot();
const read = (name: string): string => readFileSync(join(root, name), 'utf8');
const minimum = (range: string | undefined): number =>
  Number(/>=\s*v?(\d+)/.exec(range ?? '')?.[1] ?? 0);

describe('README and declared Node engines', () => {
  const pkg = JSON.parse(read('package.json')) as { engines: { node: string } };
  const lock = JSON.parse(read('package-lock.json')) as {
    packages: Record<string, { dev?: boolean; engines?: { node?: string } }>;
  };
  const ours = minimum(pkg.engines.node);
  const setUp = /## Set up([\s\S]*?)\n## /.exec(read('README.md'))?.[1] ?? '';

  it('claims the same Node as package.json', () => {
    expect(setUp).toContain(`Node.js ${ours} or later`);
  });

  it('names every production dependency that declares a newer Node', () => {
    const newer = Object.entries(lock.packages)
      .filter(([path, e]) => path !== '' && e.dev !== true && minimum(e.engines?.node) > ours)
      .map(([path]) => path.slice(path.lastIndexOf('node_modules/') + 13));
    for (const name of newer) expect([name, setUp.includes(`\`${name}\``)]).toEqual([name, true]);
    expect(setUp).toContain('EBADENGINE');
  });
});
