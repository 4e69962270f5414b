import { renderMarkdown } from '../../../src/report/markdown.js';
import { cell, code, fence } from '../../../src/report/markdown-text.js';
import type { Report } from '../../../src/report/model.js';
import { replayCommand } from '../../../src/report/replay.js';
import { LIVE_ID, LONG_VALUE, NASTY_ID, NESTED_VALUE, sampleReport } from './sample-report.js';

/** Splits a GFM table row into cells, honouring `\|` escapes. */
function cells(row: string): string[] {
  return row
    .slice(1, -1)
    .split(/(?<!\\)\|/)
    .map((c) => c.trim());
}

/** The body of the first fenced block after `marker`, whatever its fence length. */
function blockAfter(md: string, marker: string): { lang: string; body: string } {
  const from = md.indexOf(marker);
  expect(from).toBeGreaterThan(-1);
  const m = /^(`{3,})(\w*)\n([\s\S]*?)\n\1$/m.exec(md.slice(from));
  if (m === null) throw new Error(`no fenced block after ${marker}`);
  return { lang: m[2] ?? '', body: m[3] ?? '' };
}

describe('renderMarkdown', () => {
  const report = sampleReport();
  const md = renderMarkdown(report);
  const lines = md.split('\n');

  it('has a summary row per target with its counts and MUST failures', () => {
    const header = lines.findIndex((l) => l.startsWith('| Target | Name / version | Conformant |'));
    expect(header).toBeGreaterThan(-1);
    const rows = lines.slice(header + 2, header + 2 + report.targets.length).map(cells);
    expect(rows).toHaveLength(report.targets.length);
    report.targets.forEach((t, i) => {
      const n = (s: string): string => String(t.results.filter((r) => r.status === s).length);
      const must = t.results.filter(
        (r) => r.level === 'MUST' && (r.status === 'fail' || r.status === 'error'),
      ).length;
      expect(rows[i]).toEqual([
        code(t.target.id),
        cell(`${t.target.name}${t.target.version ? ` ${t.target.version}` : ''}`),
        t.conformant ? 'yes' : '**no**',
        n('pass'),
        n('fail'),
        n('error'),
        n('skip'),
        String(must),
      ]);
    });
  });

  it('keeps every table row on one line with the right number of cells', () => {
    const tableRows = lines.filter((l) => l.startsWith('|'));
    expect(tableRows.length).toBeGreaterThan(report.targets.length);
    for (const row of tableRows) {
      expect(row.endsWith('|')).toBe(true);
      expect([3, 8]).toContain(cells(row).length);
    }
    expect(md).toContain('my \\| validator<br>v2 &lt;b> 1.2.3');
  });

  it('shows every failure and error with rule, level and exact replay command', () => {
    for (const t of report.targets) {
      for (const r of t.results.filter((x) => x.status === 'fail' || x.status === 'error')) {
        const command = replayCommand(report, t.target.id, r);
        if (t.startError === undefined) {
          expect(md).toContain(`${code(r.rule)} (${r.level}, ${r.status})`);
          expect(md).toContain(fence('sh', command));
        } else {
          expect(md).toContain(`| ${code(r.rule)} | ${r.level} | ${code(command)} |`);
        }
      }
    }
    expect(md).not.toContain('`did.accept.syntax` (MUST, pass)');
  });

  it('quotes the spec sentence with its URL, or the lexicon id and path', () => {
    expect(md).toContain(
      '  > no whitespace, null bytes, joining characters, or other ASCII control characters are allowed in the handle, including as prefix/suffix.',
    );
    expect(md).toContain('<https://atproto.com/specs/handle>');
    expect(md).toContain(
      '`com.atproto.server.createSession at defs.main.output.schema.properties.handle`',
    );
    expect(md).toContain('  > "format": "handle"');
  });

  it('says what was expected and what the target did', () => {
    expect(md).toContain('- **Expected:** reject (the value is invalid); **actual:** accepted');
    expect(md).toContain('- **Expected:** accept (the value is valid); **actual:** rejected');
    expect(md).toContain('**actual:** no verdict');
  });

  it('abbreviates a long value in prose but gives it in full in the JSON block', () => {
    const json = JSON.stringify(LONG_VALUE);
    expect(md).toContain(`(${json.length} characters of JSON in full below)`);
    const block = blockAfter(md, '#### ✗ `handle.length.max`');
    expect(block.lang).toBe('json');
    expect(JSON.parse(block.body)).toBe(LONG_VALUE);
  });

  it('fences a value containing backticks so the block parses back to the value', () => {
    const block = blockAfter(md, '#### ✗ `session.field.handle.format`');
    expect(JSON.parse(block.body)).toEqual({ z: 1, ...NESTED_VALUE, a: 2 });
    expect(md).toContain('````json\n{');
  });

  it('never writes raw control characters', () => {
    // biome-ignore lint/suspicious/noControlCharactersInRegex: checking that none are present
    expect(md).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    expect(md).toContain('a\\u0000b\\u0001');
  });

  it('gives the curl of a live result and the response', () => {
    const live = report.targets.find((t) => t.target.id === LIVE_ID);
    const r = live?.results.find((x) => x.exchange !== undefined);
    if (r?.exchange === undefined) throw new Error('sample changed');
    expect(md).toContain(r.exchange.curl);
    expect(md).toContain(
      '`POST https://pds.example.test/xrpc/com.atproto.server.createSession` → 200',
    );
  });

  it('marks baseline known failures and lists skips with their reason', () => {
    expect(md).toContain('- **Baseline:** known failure');
    expect(md).toContain(
      `| ${code(NASTY_ID)} | \`session.accept.valid\` | kind session \\| not supported<br>by this target |`,
    );
  });

  it('says so when nothing failed', () => {
    const clean: Report = { ...report, targets: report.targets.slice(0, 1) };
    expect(renderMarkdown(clean)).toContain('No failures and no errors.');
  });
});

describe('markdown helpers', () => {
  it('code spans outgrow the backticks inside', () => {
    expect(code('a`b')).toBe('``a`b``');
    expect(code('`x`')).toBe('`` `x` ``');
  });

  it('fences outgrow the backtick runs inside', () => {
    expect(fence('json', '"````"')).toBe('`````json\n"````"\n`````');
  });

  it('cells escape pipes, newlines and HTML', () => {
    expect(cell('a|b\nc<d>&')).toBe('a\\|b<br>c&lt;d>&amp;');
  });
});
