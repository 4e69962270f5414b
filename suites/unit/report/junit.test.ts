import { renderJunit, xmlAttr, xmlText } from '../../../src/report/junit.js';
import { replayCommand } from '../../../src/report/replay.js';
import { CONTROL_VALUE, NASTY_ID, SCRIPT_ATTACK, sampleReport } from './sample-report.js';
import { findAll, parseXml, XmlError } from './xml-check.js';

describe('the XML checker itself', () => {
  it.each([
    ['a raw NUL', '<a>\u0000</a>'],
    ['an unpaired surrogate', '<a>\ud800</a>'],
    ['a bare ampersand', '<a>x & y</a>'],
    ['an unknown entity', '<a>&nbsp;</a>'],
    ['a reference to NUL', '<a>&#0;</a>'],
    ['mismatched tags', '<a><b></a></b>'],
    ['an unclosed element', '<a><b></b>'],
    ['"<" in an attribute', '<a x="<"/>'],
    ['an unquoted attribute', '<a x=1/>'],
    ['a duplicate attribute', '<a x="1" x="2"/>'],
    ['two roots', '<a/><b/>'],
    ['"]]>" in text', '<a>]]></a>'],
  ])('rejects %s', (_what, xml) => {
    expect(() => parseXml(xml)).toThrow(XmlError);
  });

  it('accepts and decodes a well-formed document', () => {
    const root = parseXml(
      '<?xml version="1.0" encoding="UTF-8"?>\n<a x="&lt;&#10;&quot;"><b>1 &amp; 2</b><![CDATA[<c>]]></a>',
    );
    expect(root.attrs).toEqual({ x: '<\n"' });
    expect(root.children[0]?.text).toBe('1 & 2');
    expect(root.text).toBe('<c>');
  });
});

describe('renderJunit', () => {
  const report = sampleReport();
  const xml = renderJunit(report);
  const root = parseXml(xml);

  it('is well-formed XML with a testsuites root', () => {
    expect(root.name).toBe('testsuites');
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
  });

  it('has one testsuite per target, named by target id, with matching counts', () => {
    const suites = findAll(root, 'testsuite');
    expect(suites.map((s) => s.attrs.name)).toEqual(report.targets.map((t) => t.target.id));
    report.targets.forEach((t, i) => {
      const suite = suites[i];
      if (suite === undefined) throw new Error('missing testsuite');
      const count = (status: string): number => t.results.filter((r) => r.status === status).length;
      expect(suite.attrs.tests).toBe(String(t.results.length));
      expect(suite.attrs.failures).toBe(String(count('fail')));
      expect(suite.attrs.errors).toBe(String(count('error')));
      expect(suite.attrs.skipped).toBe(String(count('skip')));
      const cases = findAll(suite, 'testcase');
      expect(cases.map((c) => [c.attrs.classname, c.attrs.name])).toEqual(
        t.results.map((r) => [t.target.id, r.rule]),
      );
      expect(findAll(suite, 'failure')).toHaveLength(count('fail'));
      expect(findAll(suite, 'error')).toHaveLength(count('error'));
      expect(findAll(suite, 'skipped')).toHaveLength(count('skip'));
    });
  });

  it('gives each testcase exactly the child its status calls for', () => {
    const all = report.targets.flatMap((t) => t.results);
    const cases = findAll(root, 'testcase');
    expect(cases).toHaveLength(all.length);
    const expected = { pass: [], fail: ['failure'], error: ['error'], skip: ['skipped'] };
    cases.forEach((c, i) => {
      const status = all[i]?.status ?? 'pass';
      expect(c.children.map((x) => x.name)).toEqual(expected[status]);
    });
  });

  it('totals the counts on the root', () => {
    const all = report.targets.flatMap((t) => t.results);
    expect(root.attrs.tests).toBe(String(all.length));
    expect(root.attrs.failures).toBe(String(all.filter((r) => r.status === 'fail').length));
    expect(root.attrs.errors).toBe(String(all.filter((r) => r.status === 'error').length));
  });

  it('puts the message, counterexample, source and replay in a failure', () => {
    const target = report.targets[1];
    const result = target?.results.find((r) => r.rule === 'handle.chars.no-whitespace-control');
    if (target === undefined || result === undefined) throw new Error('sample changed');
    const testcase = findAll(root, 'testcase').find(
      (c) => c.attrs.classname === NASTY_ID && c.attrs.name === result.rule,
    );
    const failure = testcase?.children[0];
    expect(failure?.name).toBe('failure');
    expect(failure?.attrs.type).toBe('MUST');
    expect(failure?.attrs.message).toContain('expected reject, got accepted');
    const text = failure?.text ?? '';
    expect(text).toContain(replayCommand(report, NASTY_ID, result));
    expect(text).toContain('no whitespace, null bytes, joining characters');
    // The value survives as JSON text, forbidden characters shown as escapes, not dropped.
    expect(text).toContain('a\\u0000b\\u0001\\u0007\\u000b\\u001f\\u007f\\ud800');
    expect(text).toContain(SCRIPT_ATTACK);
    expect(text).toContain('🦋👩‍💻');
  });

  it('keeps newlines in attributes and stderr in system-err', () => {
    const props = findAll(root, 'property').filter((p) => p.attrs.name === 'target.name');
    expect(props.map((p) => p.attrs.value)).toContain('my | validator\nv2 <b>');
    const err = findAll(root, 'system-err')[0];
    expect(err?.text).toBe(`warning: \\u0000 odd output ${SCRIPT_ATTACK}`);
  });

  it('marks baseline known failures in the failure type', () => {
    const known = findAll(root, 'testcase').find(
      (c) => c.attrs.classname === NASTY_ID && c.attrs.name === 'handle.accept.syntax',
    );
    expect(known?.children[0]?.attrs.type).toBe('MUST known-failure');
  });
});

describe('XML escaping', () => {
  it('makes any string safe as text and as an attribute', () => {
    const nasty = `${CONTROL_VALUE} & "q" 'a' \t\r\n \uffff \udc00x`;
    const doc = parseXml(`<a v="${xmlAttr(nasty)}">${xmlText(nasty)}</a>`);
    const shown = nasty
      .replace('\u0000', '\\u0000')
      .replace('\u0001', '\\u0001')
      .replace('\u0007', '\\u0007')
      .replace('\u000b', '\\u000b')
      .replace('\u001f', '\\u001f')
      .replace('\u007f', '\\u007f') // allowed in XML, but not shown raw
      .replace('\ud800', '\\ud800')
      .replace('\ufffe', '\\ufffe')
      .replace('\uffff', '\\uffff')
      .replace('\udc00', '\\udc00');
    expect(doc.attrs.v).toBe(shown);
    expect(doc.text).toBe(shown);
    // CR would become LF in a real parser unless written as a reference.
    expect(xmlText('a\r\nb')).toBe('a&#13;\nb');
  });
});
