import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../src/cli.js';
import { validatorRules } from '../../../src/runner/run.js';
import { check } from '../../../src/spec/oracle.js';
import type { ValidatorKind } from '../../../src/spec/rules/types.js';
import { toolVersion } from '../../../src/util/version.js';
import { VECTOR_FILES } from '../../../src/vectors/format.js';
import { captureIo } from '../../_helpers/io.js';
import {
  headerOf,
  readJsonl,
  readManifest,
  readTextValues,
  readTextWithComments,
} from './_read.js';

/** Breaks a line for some reader (Python's splitlines included), or is not encodable as UTF-8. */
const BREAKS = [0x0a, 0x0b, 0x0c, 0x0d, 0x1c, 0x1d, 0x1e, 0x85, 0x2028, 0x2029];

function textLineCanHold(value: unknown): boolean {
  if (typeof value !== 'string' || value.length === 0 || value.startsWith('#')) return false;
  if ([...value].some((c) => BREAKS.includes(c.charCodeAt(0)))) return false;
  return Buffer.from(value, 'utf8').toString('utf8') === value;
}

const TEXT_FILES: readonly { name: string; kind: ValidatorKind; valid: boolean }[] = [
  { name: VECTOR_FILES.handleValid, kind: 'handle', valid: true },
  { name: VECTOR_FILES.handleInvalid, kind: 'handle', valid: false },
  { name: VECTOR_FILES.didValid, kind: 'did', valid: true },
  { name: VECTOR_FILES.didInvalid, kind: 'did', valid: false },
];

describe('export-vectors', () => {
  let dir = '';
  let again = '';
  let stdout = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vectors-'));
    again = await mkdtemp(join(tmpdir(), 'vectors-again-'));
    const io = captureIo();
    const args = ['export-vectors', '--seed', '7', '--count', '6'];
    expect(await main([...args, '--out', dir], io)).toBe(0);
    expect(await main([...args, '--out', again, '--quiet'], captureIo())).toBe(0);
    stdout = io.out();
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
    await rm(again, { recursive: true, force: true });
  });

  it.each(TEXT_FILES)(
    'every line of $name gets the oracle verdict the file promises',
    ({ name, kind, valid }) => {
      const values = readTextValues(dir, name);
      expect(values.length).toBeGreaterThan(0);
      for (const value of values) expect([value, check(kind, value).valid]).toEqual([value, valid]);
    },
  );

  it.each(TEXT_FILES.filter((f) => !f.valid))(
    'the comment above each value of $name names exactly the rules the oracle reports',
    ({ name, kind }) => {
      for (const { value, comments } of readTextWithComments(dir, name)) {
        const named = comments.find((c) => c.startsWith('violates: '))?.slice('violates: '.length);
        expect([value, named?.split(', ')]).toEqual([value, [...check(kind, value).violations]]);
      }
    },
  );

  it('every JSON line agrees with the oracle, and covers sessions of both kinds', () => {
    const cases = readJsonl(dir);
    for (const c of cases) {
      const verdict = check(c.kind as ValidatorKind, c.value);
      expect([c, verdict.valid, verdict.violations]).toEqual([c, c.valid, c.violates]);
    }
    const kinds = new Set(cases.map((c) => c.kind));
    expect([...kinds].sort()).toEqual(['did', 'getSession', 'handle', 'session']);
    expect(cases.some((c) => c.valid)).toBe(true);
    expect(cases.some((c) => !c.valid)).toBe(true);
  });

  it('handles and DIDs in the JSON file are exactly those a text line cannot hold', () => {
    for (const c of readJsonl(dir).filter((c) => c.kind === 'handle' || c.kind === 'did')) {
      expect([c.value, textLineCanHold(c.value)]).toEqual([c.value, false]);
    }
  });

  it('generates values for every validator rule', async () => {
    const text = (
      await Promise.all(Object.values(VECTOR_FILES).map((f) => readFile(join(dir, f), 'utf8')))
    ).join('\n');
    for (const rule of validatorRules()) expect(text).toContain(`generated for ${rule.id}`);
  });

  it('starts each text file with a header: tool version, seed, count and how to read it', () => {
    for (const { name } of TEXT_FILES) {
      const header = headerOf(dir, name);
      expect(header).toContain(`atproto-session-conformance ${toolVersion()}`);
      expect(header).toContain('seed 7, 6 generated cases per rule');
      expect(header).toContain('Never trim a line');
    }
  });

  it('writes sessions.jsonl as strict JSON Lines: one object per line, nothing else', () => {
    const text = readFileSync(join(dir, VECTOR_FILES.jsonl), 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    const lines = text.slice(0, -1).split('\n');
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      expect(line.trim()).not.toBe('');
      expect(line.startsWith('#')).toBe(false);
      const parsed = JSON.parse(line) as Record<string, unknown>;
      expect(Object.keys(parsed)).toEqual(['kind', 'value', 'valid', 'violates', 'notes']);
    }
    // A reader that splits on every Unicode line break (Python's splitlines) sees the same lines.
    const breaks = new RegExp(
      `[${BREAKS.map((c) => `\\u${c.toString(16).padStart(4, '0')}`).join('')}]`,
    );
    expect(text.slice(0, -1).split(breaks)).toEqual(lines);
  });

  it('writes vectors.json: what made the files, and per file its count and how to read it', () => {
    const manifest = readManifest(dir);
    expect(manifest.tool).toBe('atproto-session-conformance');
    expect(manifest.version).toBe(toolVersion());
    expect(manifest.settings).toEqual({
      seed: 7,
      count: 6,
      regenerate: 'npx atproto-conformance export-vectors --out DIR --seed 7 --count 6',
    });
    expect(manifest.about.join('\n')).toContain('seed 7, 6 generated cases per rule');
    expect(Object.keys(manifest.files).sort()).toEqual(Object.values(VECTOR_FILES).sort());
    for (const { name } of TEXT_FILES) {
      expect([name, manifest.files[name]?.values]).toEqual([
        name,
        readTextValues(dir, name).length,
      ]);
    }
    const jsonl = manifest.files[VECTOR_FILES.jsonl];
    expect(jsonl?.values).toBe(readJsonl(dir).length);
    expect(jsonl?.holds).toContain('{"kind","value","valid","violates","notes"}');
    expect(manifest.textFormat).toContain(
      'Never trim a line: leading and trailing spaces are part of the value.',
    );
  });

  it('writes the same files for the same seed and count', async () => {
    for (const name of [...Object.values(VECTOR_FILES), 'vectors.json']) {
      expect(await readFile(join(again, name), 'utf8')).toBe(
        await readFile(join(dir, name), 'utf8'),
      );
    }
  });

  it('prints how many values each file got', () => {
    const total = Object.values(VECTOR_FILES)
      .map((f) => Number(new RegExp(`(\\d+)  ${f.replace('.', '\\.')}`).exec(stdout)?.[1]))
      .reduce((a, b) => a + b, 0);
    const lines = TEXT_FILES.reduce((n, f) => n + readTextValues(dir, f.name).length, 0);
    expect(total).toBe(lines + readJsonl(dir).length);
  });
});

describe('export-vectors usage', () => {
  it.each([
    [[], '--out DIR is required'],
    [['--out', 'x', '--count', '0'], '--count must be an integer >= 1'],
    [['--out', 'x', '--seed', 'abc'], '--seed must be an integer'],
    [['--out', 'x', '--rules', 'nothing.*'], '--rules: no validator rule matches nothing.*'],
  ])('%j is a usage error', async (args, message) => {
    const io = captureIo();
    expect(await main(['export-vectors', ...args], io)).toBe(2);
    expect(io.err()).toContain(message);
  });

  it('--rules limits the rules sampled', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vectors-rules-'));
    try {
      const io = captureIo();
      expect(
        await main(['export-vectors', '--out', dir, '--rules', 'did.length.*', '-q'], io),
      ).toBe(0);
      expect(io.outChunks).toEqual([]);
      expect(readTextValues(dir, VECTOR_FILES.handleValid)).toEqual([]);
      const invalid = readTextWithComments(dir, VECTOR_FILES.didInvalid);
      expect(invalid.length).toBeGreaterThan(0);
      // Explicit examples come first, then the generated cases; each notes the rule it is for.
      for (const v of invalid)
        expect(v.comments.join(' ')).toMatch(/(example|generated) for did\.length\.max/);
      expect(invalid.some((v) => v.comments.includes('generated for did.length.max'))).toBe(true);
      const { settings } = readManifest(dir);
      expect(settings.rules).toEqual(['did.length.max']);
      expect(settings.regenerate).toMatch(/ --rules did\.length\.max$/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('exported vectors hold the explicit examples', () => {
  it('with the decoding-technique cases and their likely causes', async () => {
    const { generateVectors } = await import('../../../src/vectors/export.js');
    const entries = generateVectors({ seed: 1, count: 1, ruleIds: ['session.required.accessJwt'] });
    const examples = entries.filter((e) =>
      e.notes.includes('example for session.required.accessJwt'),
    );
    expect(examples.length).toBeGreaterThan(3);
    expect(
      examples.some((e) => e.notes.some((n) => /^likely cause: .*case-insensitively/.test(n))),
    ).toBe(true);
    expect(entries.some((e) => e.notes.includes('generated for session.required.accessJwt'))).toBe(
      true,
    );
  });
});
