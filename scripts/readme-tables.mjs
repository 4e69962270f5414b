// Copies the headline tables of the latest benchmark reports (reports/mutation/mutation.md and
// reports/bench/bench.md) into the README, between the bench markers. `npm run mutation` and
// `npm run bench` call it after writing their reports.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

function section(file, heading) {
  if (!existsSync(file)) return undefined;
  const text = readFileSync(file, 'utf8');
  const start = text.indexOf(heading);
  if (start === -1) return undefined;
  const next = text.indexOf('\n## ', start + heading.length);
  return text.slice(start + heading.length, next === -1 ? undefined : next).trim();
}

function firstTables(text, count) {
  // Keeps paragraphs up to and including the `count`-th table.
  const blocks = text.split(/\n\n+/);
  const out = [];
  let tables = 0;
  for (const block of blocks) {
    out.push(block);
    if (block.startsWith('|') && ++tables === count) break;
  }
  return out.join('\n\n');
}

const readme = readFileSync('README.md', 'utf8');
const BLOCK = /<!-- bench:start -->([\s\S]*?)<!-- bench:end -->/;

/**
 * The README's current text of each titled part (from its `**Title**` line to the next one), so
 * a part whose report is not on this machine is kept as it is rather than dropped.
 */
function oldParts() {
  const body = readme.match(BLOCK)?.[1] ?? '';
  const out = new Map();
  let title;
  for (const line of body.split('\n')) {
    const m = line.match(/^\*\*([^*]+)\*\*/);
    if (m !== null && !line.startsWith('**all**')) {
      title = m[1];
      out.set(title, []);
    }
    if (title !== undefined) out.get(title).push(line);
  }
  return new Map([...out].map(([t, lines]) => [t, lines.join('\n').trim()]));
}
const previous = oldParts();
const keep = (...titles) => {
  for (const t of titles) if (previous.has(t)) parts.push('', previous.get(t));
};

const parts = [];
const mutation = existsSync('reports/mutation/mutation.md')
  ? readFileSync('reports/mutation/mutation.md', 'utf8')
  : undefined;
if (mutation !== undefined) {
  const body = mutation.slice(mutation.indexOf('\n') + 1).trim();
  parts.push(
    '**Seeded bugs** (`npm run mutation`, [docs/mutation.md](docs/mutation.md)):',
    '',
    firstTables(body, 1),
  );
  for (const prefix of ['Cases to detection', 'Live checks (']) {
    const line = body.split('\n').find((l) => l.startsWith(prefix));
    // In-page links of the full report point nowhere in the README.
    if (line !== undefined)
      parts.push('', line.replace(/\[([^\]]*)\]\(#[^)]*\)/g, 'in reports/mutation/mutation.md'));
  }
  const decoding = section('reports/mutation/mutation.md', '## Decoding techniques');
  if (decoding !== undefined)
    parts.push(
      '',
      '**Seeded decoding bugs** (how real decoders read JSON):',
      '',
      firstTables(decoding, 1),
    );
} else keep('Seeded bugs', 'Seeded decoding bugs');
for (const [heading, title, tables] of [
  ['## Runner overhead', 'Runner overhead', 1],
  [
    '## Harness protocol throughput',
    'Harness protocol throughput (a validator that always answers valid)',
    2,
  ],
  ['## Certifying through `cmd:`, end to end', 'Certifying through `cmd:`, end to end', 2],
  ['## The main job', 'The main job (wall and CPU time, by target)', 2],
  ['## How cost grows', 'How cost grows (with runs and with targets)', 2],
  ['## Peak memory against runs', 'Peak memory against runs', 2],
]) {
  const body = section('reports/bench/bench.md', heading);
  if (body === undefined) keep(title);
  else
    parts.push(
      '',
      `**${title}** (\`npm run bench\`, [docs/benchmarks.md](docs/benchmarks.md)):`,
      '',
      firstTables(body, tables),
    );
}
writeFileSync(
  'README.md',
  readme.replace(BLOCK, `<!-- bench:start -->\n${parts.join('\n').trim()}\n<!-- bench:end -->`),
);
