import { readFileSync } from 'node:fs';
import { mkdtemp, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import type { Report } from '../../../src/report/model.js';
import { writeReports } from '../../../src/report/write.js';
import { launchChromium } from './_chromium.js';

/*
 * The matrix of the sample run (the 8 built-in targets) on a 1400 px and a 900 px screen: no
 * horizontal scrollbar at 1400, compact column headers, a sticky rule column, full summaries on
 * hover, and the first failure selected on load. Screenshots are written to SCREENSHOT_DIR (a
 * temporary folder unless set) for a person to look at.
 */

interface Layout {
  readonly scrollWidth: number;
  readonly clientWidth: number;
  readonly headHeights: number[];
  readonly ruleColumn: string;
  readonly summariesWithTitle: number;
  readonly summaries: number;
  readonly selected: { rule?: string; status?: string; col?: string } | null;
  readonly details: string;
}

declare const document: {
  querySelector(s: string): {
    scrollWidth: number;
    clientWidth: number;
    dataset: Record<string, string | undefined>;
    textContent: string | null;
  } | null;
  querySelectorAll(s: string): ArrayLike<{
    getBoundingClientRect(): { height: number };
    getAttribute(name: string): string | null;
    textContent: string | null;
  }>;
};
declare function getComputedStyle(el: unknown): { position: string };

const sample = JSON.parse(readFileSync('reports/sample/report.json', 'utf8')) as Report;
let browser: Browser | undefined;
let shots = '';
let url = '';

beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'report-layout-'));
  shots = process.env.SCREENSHOT_DIR ?? dir;
  await writeReports(sample, { outDir: dir, formats: ['html'] });
  url = pathToFileURL(join(dir, 'report.html')).href;
  browser = await launchChromium();
}, 30_000);

afterAll(async () => {
  await browser?.close();
});

async function layout(width: number): Promise<Layout> {
  const page = await (browser as Browser).newPage({ viewport: { width, height: 900 } });
  try {
    await page.goto(url);
    await page.screenshot({ path: join(shots, `matrix-${width}.png`) });
    return await page.evaluate((): Layout => {
      const wrap = document.querySelector('.matrix-wrap');
      const heads = Array.from(document.querySelectorAll('.matrix thead th'));
      const rule = document.querySelectorAll('th.rule')[0];
      const summaries = Array.from(document.querySelectorAll('th.rule .summary'));
      const selected = document.querySelector('.cell.selected');
      return {
        scrollWidth: wrap?.scrollWidth ?? 0,
        clientWidth: wrap?.clientWidth ?? 0,
        headHeights: heads.map((h) => h.getBoundingClientRect().height),
        ruleColumn: getComputedStyle(rule).position,
        summaries: summaries.length,
        summariesWithTitle: summaries.filter((s) => s.getAttribute('title') === s.textContent)
          .length,
        selected: selected && { ...selected.dataset },
        details: document.querySelector('#details')?.textContent ?? '',
      };
    });
  } finally {
    await page.close();
  }
}

describe('report.html matrix layout', () => {
  it('has the 8 built-in targets to lay out', () => {
    expect(sample.targets).toHaveLength(8);
  });

  it('fits every target at 1400 px, with compact headers and a sticky rule column', async () => {
    const l = await layout(1400);
    expect((await stat(join(shots, 'matrix-1400.png'))).size).toBeGreaterThan(10_000);
    expect(l.scrollWidth).toBeLessThanOrEqual(l.clientWidth);
    // A header of at most three short lines, not a name wrapped over six.
    expect(Math.max(...l.headHeights)).toBeLessThan(70);
    expect(l.ruleColumn).toBe('sticky');
    expect(l.summaries).toBe(Object.keys(sample.rules).length);
    expect(l.summariesWithTitle).toBe(l.summaries);
  });

  it('selects the first failure on load and shows its details', async () => {
    const l = await layout(1400);
    const firstFailing = Object.keys(sample.rules).find((rule) =>
      sample.targets.some((t) =>
        t.results.some((r) => r.rule === rule && (r.status === 'fail' || r.status === 'error')),
      ),
    );
    expect(l.selected?.rule).toBe(firstFailing);
    expect(l.selected?.status).toMatch(/^(fail|error)$/);
    expect(l.details).toContain('Counterexample');
    expect(l.details).toContain(firstFailing);
  });

  it('keeps the rule column in view at 900 px', async () => {
    const l = await layout(900);
    expect((await stat(join(shots, 'matrix-900.png'))).size).toBeGreaterThan(10_000);
    expect(l.ruleColumn).toBe('sticky');
    expect(Math.max(...l.headHeights)).toBeLessThan(70);
  });
});
