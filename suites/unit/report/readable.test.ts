import { renderHtml } from '../../../src/report/html.js';
import { renderJunit } from '../../../src/report/junit.js';
import { renderMarkdown } from '../../../src/report/markdown.js';
import {
  isConformant,
  type Report,
  type RuleInfo,
  type RuleResult,
  summarize,
  type TargetReport,
} from '../../../src/report/model.js';
import type { RuleId } from '../../../src/spec/rules/index.js';
import { ruleId } from '../../_helpers/rule-id.js';
import { sampleReport } from './sample-report.js';

/* What a person reads: collapsed identical errors, likely causes, keywords, server wording. */

function withTarget(report: Report, t: Omit<TargetReport, 'conformant' | 'summary'>): Report {
  const full = { ...t, conformant: isConformant(t.results), summary: summarize(t.results) };
  return { ...report, targets: [...report.targets, full] };
}

const throwing = (report: Report): RuleResult[] =>
  Object.entries(report.rules).map(([rule, info], i) => ({
    rule: ruleId(rule),
    level: info.level,
    area: info.area,
    kinds: ['handle'],
    status: 'error',
    runs: 1,
    message: 'validator errored: TypeError: boom',
    counterexample: { kind: 'handle', value: `v${i}`, expected: false, actual: null },
    replay: { seed: 42, path: String(i) },
  }));

describe('report renderers for people', () => {
  const base = sampleReport();

  it('Markdown collapses errors with one message into one entry naming every rule', () => {
    const report = withTarget(base, {
      target: { id: 'module:./throws.mjs', name: 'throws' },
      results: throwing(base),
    });
    const md = renderMarkdown(report);
    const section = md.slice(md.indexOf('### `module:./throws.mjs`'));
    const n = Object.keys(base.rules).length;
    expect(section).toContain(`${n} rules errored the same way`);
    // Once for the group and once in its first result, not once per rule.
    expect(section.split('validator errored: TypeError: boom').length - 1).toBe(2);
    for (const rule of Object.keys(base.rules)) expect(section).toContain(`| \`${rule}\` |`);
  });

  it('shows the likely cause next to the counterexample and the rule keyword', () => {
    const rules = {
      ...base.rules,
      'handle.length.max': {
        ...(base.rules['handle.length.max'] as RuleInfo),
        keyword: 'MUST NOT',
      },
    };
    const [reference, nasty, ...rest] = base.targets;
    const results = (nasty as TargetReport).results.map((r) =>
      r.rule === 'handle.length.max' && r.counterexample !== undefined
        ? {
            ...r,
            counterexample: { ...r.counterexample, likelyCause: 'lengths counted in UTF-16 units' },
          }
        : r,
    );
    const report: Report = {
      ...base,
      rules,
      targets: [reference as TargetReport, { ...(nasty as TargetReport), results }, ...rest],
    };
    for (const text of [renderMarkdown(report), renderJunit(report), renderHtml(report)]) {
      expect(text).toContain('lengths counted in UTF-16 units');
      expect(text).toMatch(/Keyword:?\W+MUST NOT|"keyword":"MUST NOT"/);
    }
  });

  it('words live failures as server behaviour, not as accept and reject', () => {
    const live = base.targets.find((t) => t.target.id.startsWith('live:')) as TargetReport;
    const negative: RuleResult = {
      rule: 'http.create-session.negative-data-rejection',
      level: 'MUST',
      area: 'http',
      kinds: ['live'],
      status: 'fail',
      runs: 3,
      message: 'invalid request (missing identifier) answered 200',
      counterexample: { kind: 'live', value: { password: 'x' }, expected: false, actual: true },
      exchange: {
        request: { method: 'POST', url: 'https://pds.example.test/xrpc/x' },
        response: { status: 200 },
        curl: 'curl https://pds.example.test/xrpc/x',
      },
    };
    const report: Report = {
      ...base,
      targets: [{ ...live, results: [negative], summary: summarize([negative]) }],
    };
    const md = renderMarkdown(report);
    expect(md).toContain(
      '**Expected:** a 4xx (the request is invalid); **actual:** 200 (accepted)',
    );
    expect(renderJunit(report)).toContain(
      'Expected: a 4xx (the request is invalid); actual: 200 (accepted)',
    );
    for (const text of [md, renderJunit(report)]) {
      expect(text).not.toMatch(/\breject\b|\baccepted an\b|actual: accepted/);
    }
  });

  it('says a report is partial, and lists the rules not run', () => {
    const notRun: RuleId[] = ['did.prefix', 'did.accept.syntax'];
    const md = renderMarkdown({ ...base, interrupted: true, notRun });
    expect(md).toMatch(/\*\*Interrupted\*\* \(Ctrl-C\)/);
    expect(md).toContain('`did.prefix`, `did.accept.syntax`');
    expect(renderHtml({ ...base, interrupted: true, notRun })).toMatch(/Interrupted/);
  });
});
