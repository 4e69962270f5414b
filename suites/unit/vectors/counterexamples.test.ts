import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../src/cli.js';
import type { Validator } from '../../../src/contract/validator.js';
import { runConformance } from '../../../src/index.js';
import type { Report } from '../../../src/report/model.js';
import { check } from '../../../src/spec/oracle.js';
import type { ValidatorKind } from '../../../src/spec/rules/types.js';
import { packageRoot } from '../../../src/util/paths.js';
import {
  counterexampleEntries,
  exportCounterexamples,
} from '../../../src/vectors/counterexamples.js';
import { VECTOR_FILES } from '../../../src/vectors/format.js';
import { readJsonl, readManifest, readTextValues, readTextWithComments } from './_read.js';

const KINDS: readonly ValidatorKind[] = ['handle', 'did', 'session', 'getSession'];
const acceptAll: Validator = { name: 'accept-all', kinds: KINDS, validate: () => true };
const rejectAll: Validator = { name: 'reject-all', kinds: KINDS, validate: () => false };

describe('exportCounterexamples', () => {
  let dir = '';
  let report: Report;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'counterexamples-'));
    report = await runConformance([acceptAll, rejectAll], {
      seed: 11,
      runs: 20,
      rules: ['handle.length.max', 'handle.accept.punycode', 'did.prefix', 'session.required.did'],
      shrinkTimeMs: 2_000,
    });
    await exportCounterexamples(report, dir);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes one vector per failed result, each agreeing with the oracle', () => {
    const text = [
      ['handle', VECTOR_FILES.handleValid],
      ['handle', VECTOR_FILES.handleInvalid],
      ['did', VECTOR_FILES.didValid],
      ['did', VECTOR_FILES.didInvalid],
    ] as const;
    const read = [
      ...text.flatMap(([kind, name]) =>
        readTextWithComments(dir, name).map((v) => ({
          kind,
          value: v.value as unknown,
          valid: name.includes('_valid'),
          comments: v.comments,
        })),
      ),
      ...readJsonl(dir).map((c) => ({ ...c, comments: [] as string[] })),
    ];
    const failed = report.targets.flatMap((t) => t.results.filter((r) => r.status === 'fail'));
    expect(failed.length).toBe(4);
    expect(read.length).toBe(4);
    for (const v of read) {
      expect([v.value, check(v.kind as ValidatorKind, v.value).valid]).toEqual([v.value, v.valid]);
    }
  });

  it('names the target and the rule above each text value', () => {
    const [invalid] = readTextWithComments(dir, VECTOR_FILES.handleInvalid);
    expect(invalid?.comments).toContain('violates: handle.length.max');
    expect(invalid?.comments.join('\n')).toMatch(
      /^accept-all accepted it: handle\.length\.max \(seed 11, path [\w:*]+\)$/m,
    );
    const [valid] = readTextWithComments(dir, VECTOR_FILES.handleValid);
    expect(valid?.comments.join('\n')).toMatch(
      /^reject-all rejected it: handle\.accept\.punycode/m,
    );
  });

  it('writes sessions.jsonl as strict JSON Lines with the notes, and a manifest of the run', () => {
    const lines = readFileSync(join(dir, VECTOR_FILES.jsonl), 'utf8').split('\n');
    expect(lines.pop()).toBe('');
    expect(lines.length).toBe(2);
    for (const line of lines) expect(line.startsWith('#') || line.trim() === '').toBe(false);
    const cases = lines.map((l) => JSON.parse(l) as { kind: string; notes: string[] });
    const session = cases.find((c) => c.kind === 'session' || c.kind === 'getSession');
    expect(session?.notes.join('\n')).toMatch(
      /^accept-all accepted it: session\.required\.did \(seed 11, path [\d:*]+\)$/,
    );
    const manifest = readManifest(dir);
    expect(manifest.settings).toEqual({ seed: 11, runs: 20, finishedAt: report.finishedAt });
    expect(manifest.files[VECTOR_FILES.jsonl]?.values).toBe(2);
  });

  it('leaves out errors, skips and live counterexamples', () => {
    const base = report.targets[0];
    if (base === undefined) throw new Error('no target');
    const ce = { kind: 'handle', value: 'x y', expected: false, actual: null } as const;
    const crafted: Report = {
      ...report,
      targets: [
        {
          ...base,
          results: [
            { ...base.results[0], rule: 'handle.length.max', status: 'error', counterexample: ce },
            { ...base.results[0], rule: 'handle.labels.min-two', status: 'skip' },
            {
              ...base.results[0],
              rule: 'http.create-session.negative-data-rejection',
              status: 'fail',
              counterexample: { ...ce, kind: 'live', actual: true },
            },
            {
              ...base.results[0],
              rule: 'handle.label.max-length',
              status: 'fail',
              counterexample: { ...ce, actual: true },
            },
          ] as Report['targets'][number]['results'],
        },
      ],
    };
    expect(counterexampleEntries(crafted).map((e) => e.value)).toEqual(['x y']);
  });
});

describe('run --export-counterexamples', () => {
  it('writes the counterexamples of the run as vectors beside the reports', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'run-counterexamples-'));
    try {
      const accept = join(packageRoot(), 'suites/fixtures/faux/modules/accept.mjs');
      const out: string[] = [];
      const io = {
        stdout: (t: string) => out.push(t),
        stderr: () => {},
        env: {},
        stderrIsTTY: false,
      };
      const args = [
        'run',
        '--target',
        `module:${accept}`,
        '--rules',
        'handle.length.max,did.prefix',
      ];
      args.push('--runs', '5', '--seed', '3', '--format', 'json', '--out', join(dir, 'reports'));
      const code = await main([...args, '--export-counterexamples', join(dir, 'vectors')], io);
      expect(code).toBe(1);
      const handles = readTextValues(join(dir, 'vectors'), VECTOR_FILES.handleInvalid);
      const dids = readTextValues(join(dir, 'vectors'), VECTOR_FILES.didInvalid);
      expect([handles.length, dids.length]).toEqual([1, 1]);
      expect(check('handle', handles[0]).violations).toContain('handle.length.max');
      expect(check('did', dids[0]).violations).toContain('did.prefix');
      expect(out.join('')).toContain(join(dir, 'vectors'));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
