import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { renderJson } from '../../../src/report/json.js';
import {
  FILE_NAMES,
  FORMATS,
  FormatError,
  parseFormats,
  writeReports,
} from '../../../src/report/write.js';
import { useTempDir } from '../../_helpers/temp-dir.js';
import { sampleReport } from './sample-report.js';

describe('parseFormats', () => {
  it.each([
    ['json', ['json']],
    ['md,json', ['json', 'md']],
    [' junit , HTML ', ['junit', 'html']],
    ['all', ['json', 'md', 'junit', 'html']],
    ['html,all,html', ['json', 'md', 'junit', 'html']],
  ])('parses %j', (text, formats) => {
    expect(parseFormats(text)).toEqual(formats);
  });

  it('names the unknown format and the valid ones', () => {
    expect(() => parseFormats('json,xml')).toThrow(FormatError);
    expect(() => parseFormats('json,xml')).toThrow(
      'unknown report format "xml" (expected json, md, junit, html or all)',
    );
  });

  it('refuses an empty list', () => {
    expect(() => parseFormats(' , ')).toThrow(FormatError);
  });
});

describe('writeReports', () => {
  const dir = useTempDir('report-write-');

  it('writes every format by default into a new folder and returns the paths', async () => {
    const out = join(dir(), 'nested', 'reports');
    const paths = await writeReports(sampleReport(), { outDir: out });
    expect(paths).toEqual(FORMATS.map((f) => join(out, FILE_NAMES[f])));
    expect((await readdir(out)).sort()).toEqual(
      ['junit.xml', 'report.html', 'report.json', 'report.md'].sort(),
    );
    expect(await readFile(join(out, 'report.json'), 'utf8')).toBe(renderJson(sampleReport()));
  });

  it('writes only the formats asked for', async () => {
    const paths = await writeReports(sampleReport(), { outDir: dir(), formats: ['md', 'junit'] });
    expect(paths).toEqual([join(dir(), 'report.md'), join(dir(), 'junit.xml')]);
    expect((await readdir(dir())).sort()).toEqual(['junit.xml', 'report.md']);
  });
});
