// Regenerates reports/sample/ (every built-in target, a fixed seed) and the summary table in the
// README between the sample markers. Run it with `npm run sample` after a build. The HTML page is
// left out: it embeds the renderer's script and style, and `npm run conformance` writes it anyway.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

const SEED = '20261128';
const run = spawnSync(
  process.execPath,
  [
    'dist/src/bin.js',
    'run',
    '--seed',
    SEED,
    '--out',
    'reports/sample',
    '--format',
    'json,md,junit',
    '--quiet',
  ],
  { stdio: 'inherit' },
);
// 1 means "not conformant", which the seed schema is: only 2 and above are failures here.
if (run.status === null || run.status > 1) {
  console.error(`sample: the run failed with exit code ${run.status}`);
  process.exit(1);
}

const markdown = readFileSync('reports/sample/report.md', 'utf8');
const start = markdown.indexOf('| Target |');
const table = markdown.slice(start, markdown.indexOf('\n\n', start));
const readme = readFileSync('README.md', 'utf8');
const updated = readme.replace(
  /<!-- sample:start -->[\s\S]*?<!-- sample:end -->/,
  `<!-- sample:start -->\n${table}\n<!-- sample:end -->`,
);
writeFileSync('README.md', updated);
console.log('reports/sample/ and the README table are up to date');
