import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  dedupe,
  fileFor,
  fitsOnOneLine,
  jsonLine,
  VECTOR_FILES,
  type VectorEntry,
} from '../../../src/vectors/format.js';
import type { VectorSource } from '../../../src/vectors/manifest.js';
import { writeVectorFiles } from '../../../src/vectors/write.js';
import { useTempDir } from '../../_helpers/temp-dir.js';
import {
  headerOf,
  jsonlLines,
  readJsonl,
  readManifest,
  readTextValues,
  readTextWithComments,
} from './_read.js';

const source = (header: string[] = []): VectorSource => ({ header, settings: { seed: 3 } });

const handle = (value: unknown, valid: boolean, notes: string[] = []): VectorEntry => ({
  kind: 'handle',
  value,
  valid,
  violates: valid ? [] : ['handle.chars.no-whitespace-control'],
  notes,
});

describe('fitsOnOneLine', () => {
  it.each([
    'alice.test',
    ' alice.test',
    'alice.test ',
    'al\tice.test',
    'al\u0000ice.test',
    'al\u200dice.test',
    'a#b.test',
    '🦋.test',
  ])('keeps %j on a text line', (value) => {
    expect(fitsOnOneLine(value)).toBe(true);
  });

  it.each([
    '',
    '#alice.test',
    'alice.test\n',
    '\ralice.test',
    'a\u000bb',
    'a\u000cb',
    'a\u001cb',
    'a\u0085b',
    'a\u2028b',
    'a\u2029b',
    'a\ud800b',
    'a\udc00b',
    5,
    null,
    ['alice.test'],
  ])('sends %j to the JSON file', (value) => {
    expect(fitsOnOneLine(value)).toBe(false);
    expect(fileFor({ kind: 'handle', value, valid: false })).toBe(VECTOR_FILES.jsonl);
  });

  it('sends sessions to the JSON file whatever they look like', () => {
    expect(fileFor({ kind: 'session', value: 'alice.test', valid: false })).toBe(
      VECTOR_FILES.jsonl,
    );
    expect(fileFor({ kind: 'getSession', value: {}, valid: false })).toBe(VECTOR_FILES.jsonl);
  });
});

describe('jsonLine', () => {
  it('escapes the separators JSON.stringify leaves raw, and still parses back', () => {
    const value = { v: 'a\u2028b\u2029c\u0085d\ne' };
    const line = jsonLine(value);
    expect(line).not.toMatch(/[\n\u2028\u2029\u0085]/);
    expect(line).toContain('\\u2028');
    expect(JSON.parse(line)).toEqual(value);
  });
});

describe('dedupe', () => {
  it('merges the same value of the same kind, joining their notes', () => {
    const merged = dedupe([
      handle('a b.test', false, ['x']),
      handle('a b.test', false, ['y', 'x']),
      { ...handle('a b.test', false, ['z']), kind: 'did', violates: ['did.prefix'] },
    ]);
    expect(merged.map((e) => [e.kind, e.notes])).toEqual([
      ['handle', ['x', 'y']],
      ['did', ['z']],
    ]);
  });
});

describe('writeVectorFiles', () => {
  const dir = useTempDir('vector-format-');

  it('writes values a reader gets back exactly: spaces kept, awkward ones in JSON', async () => {
    const entries = [
      handle(' alice.test', false),
      handle('alice.test  ', false),
      handle('alice.test', true, ['note with\na line break']),
      handle('#alice.test', false),
      handle('alice.test\r\n', false),
      handle('', false),
    ];
    const counts = await writeVectorFiles(dir(), entries, source(['header line']));
    expect(readTextValues(dir(), VECTOR_FILES.handleInvalid)).toEqual([
      ' alice.test',
      'alice.test  ',
    ]);
    expect(readTextValues(dir(), VECTOR_FILES.handleValid)).toEqual(['alice.test']);
    expect(readJsonl(dir()).map((c) => c.value)).toEqual(['#alice.test', 'alice.test\r\n', '']);
    expect(counts).toEqual({
      [VECTOR_FILES.handleValid]: 1,
      [VECTOR_FILES.handleInvalid]: 2,
      [VECTOR_FILES.didValid]: 0,
      [VECTOR_FILES.didInvalid]: 0,
      [VECTOR_FILES.jsonl]: 3,
    });
    const [valid] = readTextWithComments(dir(), VECTOR_FILES.handleValid);
    expect(valid?.comments).toEqual(['note with a line break']);
    expect(readTextValues(dir(), VECTOR_FILES.didValid)).toEqual([]);
  });

  it('puts the rules an invalid value breaks in the comment right above it', async () => {
    await writeVectorFiles(dir(), [handle('a b.test', false, ['why'])], source());
    expect(readTextWithComments(dir(), VECTOR_FILES.handleInvalid)).toEqual([
      { value: 'a b.test', comments: ['violates: handle.chars.no-whitespace-control', 'why'] },
    ]);
  });

  it('writes JSON lines with their notes and nothing else; the header goes to the text files and the manifest', async () => {
    const notes = ['first', 'with\na line break'];
    await writeVectorFiles(
      dir(),
      [handle('#x.test', false, notes), handle('', true)],
      source(['header line']),
    );
    expect(jsonlLines(dir())).toEqual([
      jsonLine({
        kind: 'handle',
        value: '#x.test',
        valid: false,
        violates: ['handle.chars.no-whitespace-control'],
        notes,
      }),
      jsonLine({ kind: 'handle', value: '', valid: true, violates: [], notes: [] }),
    ]);
    expect(readJsonl(dir()).map((c) => c.notes)).toEqual([notes, []]);
    expect(headerOf(dir(), VECTOR_FILES.handleValid)).toMatch(/^# header line\n/);
    const manifest = readManifest(dir());
    expect([manifest.about, manifest.settings]).toEqual([['header line'], { seed: 3 }]);
    expect(manifest.files[VECTOR_FILES.jsonl]?.values).toBe(2);
  });

  it('leaves sessions.jsonl empty when no value goes there', async () => {
    await writeVectorFiles(dir(), [handle('alice.test', true)], source(['header line']));
    expect(await readFile(join(dir(), VECTOR_FILES.jsonl), 'utf8')).toBe('');
    expect(readManifest(dir()).files[VECTOR_FILES.jsonl]?.values).toBe(0);
  });
});
