import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { describeSource } from '../../../src/report/describe.js';
import { escapeHtml, renderHtml, scriptJson } from '../../../src/report/html.js';
import { STATUSES } from '../../../src/report/model.js';
import { replayCommand } from '../../../src/report/replay.js';
import { writeReports } from '../../../src/report/write.js';
import { launchChromium } from './_chromium.js';
import {
  allResults,
  CONTROL_VALUE,
  CURL,
  LIVE_ID,
  NASTY_ID,
  SCRIPT_ATTACK,
  sampleReport,
} from './sample-report.js';

/*
 * Browser globals used inside page.evaluate callbacks, which run in the page. The project
 * compiles without the DOM library, so the few used here are declared (types only).
 */
interface PageElement {
  readonly dataset: Record<string, string | undefined>;
  readonly classList: Iterable<string>;
  readonly textContent: string | null;
  closest(selector: string): PageElement | null;
}
declare const window: { __csp: string[]; __injected?: number };
declare const document: {
  addEventListener(
    type: 'securitypolicyviolation',
    listener: (e: { violatedDirective: string; blockedURI: string }) => void,
  ): void;
};
declare function getComputedStyle(el: PageElement): { backgroundColor: string; display: string };
declare const DOMParser: new () => {
  parseFromString(
    text: string,
    type: string,
  ): {
    getElementsByTagName(tag: string): { length: number };
  };
};

interface CellInfo {
  rule: string;
  target: string;
  col: string;
  status: string;
  classes: string[];
  background: string;
  text: string;
}

describe('report.html in a real browser', () => {
  const report = sampleReport();
  let browser: Browser | undefined;
  let page: Page;
  let dir = '';
  let pageUrl = '';
  const requests: string[] = [];
  const dialogs: string[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'report-html-'));
    await writeReports(report, { outDir: dir });
    pageUrl = pathToFileURL(join(dir, 'report.html')).href;
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    // Anything but the page itself is recorded and refused.
    await context.route('**/*', async (route) => {
      const url = route.request().url();
      if (url === pageUrl) await route.continue();
      else await route.abort();
    });
    page = await context.newPage();
    // A missing element should fail its test quickly, not wait out the jest timeout.
    page.setDefaultTimeout(5_000);
    page.on('request', (r) => requests.push(r.url()));
    page.on('dialog', async (d) => {
      dialogs.push(d.message());
      await d.dismiss();
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`console: ${m.text()}`);
    });
    await page.addInitScript(() => {
      window.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) => {
        window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`);
      });
    });
    await page.goto(pageUrl);
  }, 30_000);

  afterAll(async () => {
    await browser?.close();
    if (dir !== '') await rm(dir, { recursive: true, force: true });
  });

  it('loads with no network request, no error and no policy violation', async () => {
    expect(requests).toEqual([pageUrl]);
    const resources = await page.evaluate(() => performance.getEntriesByType('resource').length);
    expect(resources).toBe(0);
    expect(problems).toEqual([]);
    expect(await page.evaluate(() => window.__csp)).toEqual([]);
  });

  it('has one cell per rule and target, each with the status of the report', async () => {
    const cells: CellInfo[] = await page.$$eval('[data-rule][data-target]', (els) =>
      els.map((e) => {
        const el = e as unknown as PageElement;
        return {
          rule: el.dataset.rule ?? '',
          target: el.dataset.target ?? '',
          col: el.dataset.col ?? '',
          status: el.dataset.status ?? '',
          classes: [...el.classList],
          background: getComputedStyle(el).backgroundColor,
          text: el.textContent ?? '',
        };
      }),
    );
    const rules = Object.keys(report.rules);
    expect(cells).toHaveLength(rules.length * report.targets.length);
    for (const c of cells) {
      const target = report.targets[Number(c.col)];
      expect(target?.target.id).toBe(c.target);
      const status = target?.results.find((r) => r.rule === c.rule)?.status ?? 'absent';
      expect(c.status).toBe(status);
      expect(c.classes).toContain(status);
      // The status is also written, not only coloured.
      expect(c.text).toContain(status === 'absent' ? 'n/a' : status);
    }
    // Each status has its own colour, the same on every cell.
    const colours = new Map<string, Set<string>>();
    for (const c of cells) {
      const set = colours.get(c.status) ?? new Set<string>();
      set.add(c.background);
      colours.set(c.status, set);
    }
    const perStatus = STATUSES.map((s) => [...(colours.get(s) ?? [])]);
    for (const list of perStatus) expect(list).toHaveLength(1);
    expect(new Set(perStatus.flat()).size).toBe(STATUSES.length);
  });

  it('groups rows by area in order, each row header showing rule ID and level', async () => {
    const areas = await page.$$eval('tbody[data-area]', (els) =>
      els.map((e) => (e as unknown as PageElement).dataset.area),
    );
    expect(areas).toEqual(['handle', 'did', 'session', 'did-policy', 'coherence', 'http']);
    const heads = await page.$$eval('tr[data-rule-row] th.rule', (els) =>
      els.map((e) => ({
        id: e.querySelector('code')?.textContent,
        level: e.querySelector('.level')?.textContent,
        area: (e as unknown as PageElement).closest('tbody')?.dataset.area,
      })),
    );
    expect(heads).toHaveLength(Object.keys(report.rules).length);
    for (const h of heads) {
      const info = report.rules[h.id ?? ''];
      expect(h.level).toBe(info?.level);
      expect(h.area).toBe(info?.area);
    }
  });

  it('shows a summary per target: conformant or not, and the counts', async () => {
    const cards = await page.$$eval('section.card', (els) =>
      els.map((e) => ({
        target: (e as unknown as PageElement).dataset.target,
        conformant: (e as unknown as PageElement).dataset.conformant,
        verdict: e.querySelector('.verdict')?.textContent,
        counts: [...e.querySelectorAll('.counts li')].map((li) => li.textContent),
      })),
    );
    expect(cards.map((c) => c.target)).toEqual(report.targets.map((t) => t.target.id));
    report.targets.forEach((t, i) => {
      const card = cards[i];
      expect(card?.conformant).toBe(String(t.conformant));
      expect(card?.verdict).toContain(t.conformant ? 'Conformant' : 'Not conformant');
      for (const s of STATUSES) {
        const n = t.results.filter((r) => r.status === s).length;
        expect(card?.counts.some((text) => text?.endsWith(` ${n} ${s}`))).toBe(true);
      }
    });
  });

  it('opens the details of a failing cell: counterexample, source quote, replay', async () => {
    const { target, result } = allResults(report).find(
      (x) =>
        x.target.target.id === NASTY_ID && x.result.rule === 'handle.chars.no-whitespace-control',
    ) ?? { target: undefined, result: undefined };
    if (target === undefined || result === undefined) throw new Error('sample changed');
    await page.click('[data-col="1"][data-rule="handle.chars.no-whitespace-control"]');
    const panel = page.locator('#details');
    const shown = await panel.locator('pre.counterexample').textContent();
    expect(JSON.parse(shown ?? '')).toBe(CONTROL_VALUE);
    expect(shown).toContain(SCRIPT_ATTACK);
    const info = report.rules[result.rule];
    if (info === undefined) throw new Error('sample changed');
    const source = describeSource(info.source);
    expect(await panel.locator('blockquote').textContent()).toBe(source.quote);
    expect(await panel.locator('a').getAttribute('href')).toBe(source.url);
    expect(await panel.locator('pre.replay').textContent()).toBe(
      replayCommand(report, NASTY_ID, result),
    );
    const text = (await panel.textContent()) ?? '';
    expect(text).toContain('Fail');
    expect(text).toContain('reject (the value is invalid)');
    expect(text).toContain('accepted');
    expect(await page.getAttribute('.cell.selected', 'data-rule')).toBe(result.rule);
    expect(requests).toEqual([pageUrl]);
  });

  it('shows the cases and the kinds a passing rule was tested on', async () => {
    const { target, result } = allResults(report).find(
      (x) => x.result.status === 'pass' && x.result.kinds.length > 1,
    ) ?? { target: undefined, result: undefined };
    if (target === undefined || result === undefined) throw new Error('sample changed');
    const col = report.targets.indexOf(target);
    await page.click(`[data-col="${col}"][data-rule="${result.rule}"]`);
    const facts = await page.$$eval('#details dd', (dds) => dds.map((dd) => dd.textContent));
    expect(facts).toEqual([String(result.runs), result.kinds.join(', ')]);
  });

  it('shows the message of an error and the curl of a live failure', async () => {
    await page.click('[data-col="1"][data-rule="did.prefix"]');
    expect(await page.locator('#details').textContent()).toContain(
      // The NUL from the target is shown as an escape, not passed through raw.
      `validator threw: TypeError: cannot read "x" of undefined ]]> \\u0000 ${SCRIPT_ATTACK}`,
    );
    const col = report.targets.findIndex((t) => t.target.id === LIVE_ID);
    await page.click(`[data-col="${col}"][data-rule="coherence.token.sub-is-did"]`);
    expect(await page.locator('#details pre.replay').textContent()).toContain(CURL);
  });

  it('filters to rules with failures or errors', async () => {
    await page.check('#only-problems');
    const visible = await page.$$eval('tr[data-rule-row]', (rows) =>
      rows
        .filter((r) => getComputedStyle(r as unknown as PageElement).display !== 'none')
        .map((r) => (r as unknown as PageElement).dataset.ruleRow),
    );
    const bad = Object.keys(report.rules).filter((rule) =>
      report.targets.some((t) =>
        t.results.some((r) => r.rule === rule && (r.status === 'fail' || r.status === 'error')),
      ),
    );
    expect(visible).toEqual(bad);
    await page.uncheck('#only-problems');
  });

  it('ran no injected script and opened no dialog', async () => {
    expect(await page.evaluate(() => window.__injected)).toBe(undefined);
    expect(dialogs).toEqual([]);
    expect(await page.locator('script').count()).toBe(2);
    expect(problems).toEqual([]);
  });

  it('writes a junit.xml that the browser parses as well-formed XML', async () => {
    const xml = await readFile(join(dir, 'junit.xml'), 'utf8');
    const counts = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      const n = (tag: string): number => doc.getElementsByTagName(tag).length;
      return {
        error: n('parsererror'),
        testcase: n('testcase'),
        failure: n('failure'),
        skipped: n('skipped'),
      };
    }, xml);
    const all = allResults(report).map((x) => x.result.status);
    expect(counts).toEqual({
      error: 0,
      testcase: all.length,
      failure: all.filter((s) => s === 'fail').length,
      skipped: all.filter((s) => s === 'skip').length,
    });
  });
});

describe('HTML escaping', () => {
  it('escapes text and attributes', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;',
    );
  });

  it('embeds JSON that cannot close its script block and still parses', () => {
    const value = { s: SCRIPT_ATTACK, c: '<!-- x --> & \u2028', [SCRIPT_ATTACK]: 1 };
    const text = scriptJson(value);
    expect(text).not.toMatch(/<|>|&|\u2028/);
    expect(JSON.parse(text)).toEqual(value);
  });

  it('has a policy that forbids any network use', () => {
    const html = renderHtml(sampleReport());
    expect(html).toContain("default-src 'none'");
    expect(html).not.toMatch(/(src|href)="https?:/);
    expect(html).not.toContain(SCRIPT_ATTACK);
  });
});
