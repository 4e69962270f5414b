import { renderJson } from '../../../src/report/json.js';
import type { Report, RuleResult, TargetReport } from '../../../src/report/model.js';
import { CONTROL_VALUE, LONG_VALUE, sampleReport } from './sample-report.js';

/** The same object with its own keys in reverse insertion order. */
function reversed<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).reverse()) as T;
}

/** The sample built with every model object's keys in another order (data values untouched). */
function shuffledReport(report: Report): Report {
  const result = (r: RuleResult): RuleResult =>
    reversed({
      ...r,
      ...(r.counterexample ? { counterexample: reversed(r.counterexample) } : {}),
      ...(r.exchange ? { exchange: reversed(r.exchange) } : {}),
    });
  const target = (t: TargetReport): TargetReport =>
    reversed({
      ...t,
      target: reversed(t.target),
      summary: reversed(t.summary),
      results: t.results.map(result),
    });
  return reversed({ ...report, tool: reversed(report.tool), targets: report.targets.map(target) });
}

describe('renderJson', () => {
  const report = sampleReport();
  const text = renderJson(report);

  it('round-trips: parsing the file gives the report back', () => {
    expect(JSON.parse(text)).toEqual(report);
  });

  it('keeps nasty strings exactly, including NUL, lone surrogates and long values', () => {
    const parsed = JSON.parse(text) as Report;
    const values = parsed.targets.flatMap((t) => t.results).map((r) => r.counterexample?.value);
    expect(values).toContain(CONTROL_VALUE);
    expect(values).toContain(LONG_VALUE);
  });

  it('is pretty-printed with two spaces and ends with a newline', () => {
    expect(text.startsWith('{\n  "tool": {\n    "name": "atproto-session-conformance"')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('writes keys in a fixed order whatever order the model was built in', () => {
    const shuffled = shuffledReport(report);
    expect(Object.keys(shuffled)[0]).toBe('targets');
    expect(renderJson(shuffled)).toBe(text);
  });

  it('orders model keys as documented and keeps rule catalogue order', () => {
    const parsed = JSON.parse(text) as Report;
    expect(Object.keys(parsed)).toEqual([
      'tool',
      'profile',
      'seed',
      'runs',
      'startedAt',
      'finishedAt',
      'rules',
      'targets',
    ]);
    expect(Object.keys(parsed.rules)).toEqual(Object.keys(report.rules));
    const first = parsed.targets[1]?.results[0];
    expect(Object.keys(first ?? {})).toEqual([
      'rule',
      'level',
      'area',
      'kinds',
      'status',
      'runs',
      'counterexample',
      'replay',
      'casesToFailure',
    ]);
  });

  it('leaves the key order of counterexample values alone', () => {
    const parsed = JSON.parse(text) as Report;
    const session = parsed.targets[1]?.results.find(
      (r) => r.rule === 'session.field.handle.format',
    );
    const keys = Object.keys(session?.counterexample?.value as object);
    expect(keys[0]).toBe('z');
    expect(keys.at(-1)).toBe('a');
  });

  it('puts unknown extra keys after the known ones, sorted', () => {
    const extra = { ...report, zeta: 1, alpha: 2 } as Report;
    expect(Object.keys(JSON.parse(renderJson(extra))).slice(-2)).toEqual(['alpha', 'zeta']);
  });
});
