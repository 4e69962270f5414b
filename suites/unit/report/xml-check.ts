/**
 * A small, strict XML 1.0 well-formedness checker for the JUnit tests: enough of the grammar for
 * what a report writes (declaration, elements, attributes, text, references, comments, CDATA).
 * Throws on the first problem; returns the element tree with references decoded.
 */

export interface XmlElement {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: XmlElement[];
  /** The decoded text directly inside this element. */
  text: string;
}

export class XmlError extends Error {
  override readonly name = 'XmlError';
}

/** XML 1.0 `Char`: tab, LF, CR, and the rest of Unicode minus controls, surrogates, FFFE/FFFF. */
const NOT_CHAR = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u;
const NAME = /[A-Za-z_:][A-Za-z0-9_.:-]*/y;
const SPACE = /[ \t\r\n]*/y;
const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};

function decode(raw: string, where: number): string {
  return raw.replace(/&([^;]*);|&/g, (whole, body: string | undefined) => {
    if (body === undefined) throw new XmlError(`bare & near offset ${where}`);
    const named = ENTITIES[body];
    if (named !== undefined) return named;
    const m = /^#(?:x([0-9a-fA-F]+)|([0-9]+))$/.exec(body);
    if (m === null) throw new XmlError(`unknown reference ${whole} near offset ${where}`);
    const code = m[1] !== undefined ? Number.parseInt(m[1], 16) : Number(m[2]);
    const char = code <= 0x10ffff ? String.fromCodePoint(code) : '\u0000';
    if (NOT_CHAR.test(char)) throw new XmlError(`reference to a forbidden character ${whole}`);
    return char;
  });
}

class Parser {
  private pos = 0;
  constructor(private readonly src: string) {}

  private fail(what: string): never {
    throw new XmlError(
      `${what} at offset ${this.pos}: ${JSON.stringify(this.src.slice(this.pos, this.pos + 30))}`,
    );
  }
  private eat(text: string): boolean {
    if (!this.src.startsWith(text, this.pos)) return false;
    this.pos += text.length;
    return true;
  }
  private expect(text: string): void {
    if (!this.eat(text)) this.fail(`expected ${JSON.stringify(text)}`);
  }
  private match(re: RegExp): string | undefined {
    re.lastIndex = this.pos;
    const m = re.exec(this.src);
    if (m === null) return undefined;
    this.pos += m[0].length;
    return m[0];
  }
  private space(): boolean {
    return (this.match(SPACE) ?? '').length > 0;
  }
  private until(end: string): string {
    const at = this.src.indexOf(end, this.pos);
    if (at === -1) this.fail(`unterminated, expected ${JSON.stringify(end)}`);
    const body = this.src.slice(this.pos, at);
    this.pos = at + end.length;
    return body;
  }

  /** Comments and processing instructions between top-level items. */
  private misc(): void {
    for (;;) {
      this.space();
      if (this.eat('<!--')) {
        if (this.until('-->').includes('--')) this.fail('"--" inside a comment');
      } else if (this.src.startsWith('<?', this.pos) && !this.src.startsWith('<?xml', this.pos)) {
        this.pos += 2;
        this.until('?>');
      } else return;
    }
  }

  document(): XmlElement {
    const bad = NOT_CHAR.exec(this.src);
    if (bad !== null) {
      const cp = bad[0].codePointAt(0) ?? 0;
      throw new XmlError(
        `forbidden character U+${cp.toString(16).padStart(4, '0')} at ${bad.index}`,
      );
    }
    if (this.eat('<?xml')) {
      const decl = this.until('?>');
      if (!/^\s+version="1\.[0-9]"(\s+encoding="[A-Za-z0-9._-]+")?\s*$/.test(decl)) {
        this.fail('bad XML declaration');
      }
    }
    this.misc();
    if (!this.src.startsWith('<', this.pos)) this.fail('expected the root element');
    const root = this.element();
    this.misc();
    if (this.pos !== this.src.length) this.fail('content after the root element');
    return root;
  }

  private attributes(): Record<string, string> {
    const attrs: Record<string, string> = {};
    for (;;) {
      const spaced = this.space();
      if (this.src.startsWith('/>', this.pos) || this.src.startsWith('>', this.pos)) return attrs;
      if (!spaced) this.fail('expected whitespace before an attribute');
      const name = this.match(NAME) ?? this.fail('expected an attribute name');
      if (Object.hasOwn(attrs, name)) this.fail(`duplicate attribute ${name}`);
      this.space();
      this.expect('=');
      this.space();
      const quote = this.src[this.pos];
      if (quote !== '"' && quote !== "'") this.fail('expected a quoted attribute value');
      this.pos++;
      const at = this.pos;
      const raw = this.until(quote);
      if (raw.includes('<')) this.fail('"<" in an attribute value');
      // Attribute-value normalization: literal whitespace characters become spaces.
      attrs[name] = decode(raw.replace(/[\t\n\r]/g, ' '), at);
    }
  }

  private element(): XmlElement {
    this.expect('<');
    const name = this.match(NAME) ?? this.fail('expected an element name');
    const el: XmlElement = { name, attrs: this.attributes(), children: [], text: '' };
    if (this.eat('/>')) return el;
    this.expect('>');
    for (;;) {
      const at = this.pos;
      const next = this.src.indexOf('<', this.pos);
      if (next === -1) this.fail(`unclosed <${name}>`);
      const raw = this.src.slice(this.pos, next);
      if (raw.includes(']]>')) this.fail('"]]>" in text');
      el.text += decode(raw, at);
      this.pos = next;
      if (this.eat('</')) {
        if (this.match(NAME) !== name) this.fail(`mismatched end tag for <${name}>`);
        this.space();
        this.expect('>');
        return el;
      }
      if (this.eat('<![CDATA[')) el.text += this.until(']]>');
      else if (this.eat('<!--')) {
        if (this.until('-->').includes('--')) this.fail('"--" inside a comment');
      } else el.children.push(this.element());
    }
  }
}

export function parseXml(xml: string): XmlElement {
  return new Parser(xml).document();
}

/** Every element named `name` at any depth, in document order. */
export function findAll(root: XmlElement, name: string): XmlElement[] {
  const found: XmlElement[] = [];
  const walk = (el: XmlElement): void => {
    if (el.name === name) found.push(el);
    for (const c of el.children) walk(c);
  };
  walk(root);
  return found;
}
