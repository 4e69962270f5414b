import type { Area, Source } from '../spec/rules/types.js';
import type { Counterexample, Exchange, Report, Status, TargetReport } from './model.js';

/** Words and orderings shared by the Markdown, JUnit and HTML renderers. */

/** Rows of the matrix and sections of the Markdown report, in this order. */
export const AREAS: readonly Area[] = [
  'handle',
  'did',
  'session',
  'did-policy',
  'coherence',
  'http',
];

/** A symbol per status, so status never depends on colour alone. */
export const STATUS_SYMBOL: Readonly<Record<Status, string>> = {
  pass: '✓',
  fail: '✗',
  error: '!',
  skip: '–',
};

/** Every rule ID of the report: the catalogue order of `rules`, then any rule only a result names. */
export function ruleIds(report: Report): string[] {
  const ids = new Set(Object.keys(report.rules));
  for (const t of report.targets) for (const r of t.results) ids.add(r.rule);
  return [...ids];
}

/** The area of a rule, from its metadata or else from any result for it. */
function areaOf(report: Report, rule: string): string {
  const info = report.rules[rule];
  if (info !== undefined) return info.area;
  for (const t of report.targets) {
    const r = t.results.find((x) => x.rule === rule);
    if (r !== undefined) return r.area;
  }
  return 'other';
}

/** Rule IDs grouped by area, areas in `AREAS` order (an unknown area goes last). */
export function rulesByArea(report: Report): { area: string; rules: string[] }[] {
  const groups = new Map<string, string[]>();
  for (const area of AREAS) groups.set(area, []);
  for (const id of ruleIds(report)) {
    const area = areaOf(report, id);
    const list = groups.get(area) ?? [];
    list.push(id);
    groups.set(area, list);
  }
  return [...groups]
    .filter(([, rules]) => rules.length > 0)
    .map(([area, rules]) => ({ area, rules }));
}

/** MUST rules that failed or errored: what makes a target non-conformant. */
export function mustFailures(target: TargetReport): number {
  return target.results.filter(
    (r) => r.level === 'MUST' && (r.status === 'fail' || r.status === 'error'),
  ).length;
}

export function targetTitle(target: TargetReport): string {
  const { name, version } = target.target;
  return version === undefined ? name : `${name} ${version}`;
}

/** Cuts text to `max` code points (never inside a surrogate pair), marking the cut with `…`. */
export function cut(text: string, max = 80): { text: string; length: number; cut: boolean } {
  const chars = Array.from(text);
  if (chars.length <= max) return { text, length: chars.length, cut: false };
  return { text: `${chars.slice(0, max).join('')}…`, length: chars.length, cut: true };
}

/** `cut`, saying how long the text was. */
export function abbreviate(text: string, max = 80): string {
  const c = cut(text, max);
  return c.cut ? `${c.text} (${c.length} characters)` : c.text;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * Characters JSON.stringify leaves raw but that are invisible or ambiguous when shown: DEL, C1
 * controls, bidi controls, line/paragraph separators and noncharacters. They only occur inside JSON strings,
 * where a `\uXXXX` escape means the same value.
 */
const INVISIBLE =
  /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufffe\uffff]/g;

/**
 * A value as JSON for people to read and to paste back: invisible characters escaped, and
 * `undefined` (absent) spelled out, since JSON has no word for it.
 */
export function toJson(value: unknown, indent?: number): string {
  const json = JSON.stringify(value, null, indent);
  if (json === undefined) return 'undefined';
  return json.replace(INVISIBLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** What a live check saw: the HTTP status of the exchange behind a counterexample. */
function httpStatus(exchange: Exchange | undefined): string {
  const status = exchange?.response?.status;
  if (status === undefined) return 'no response';
  return status >= 200 && status < 300 ? `${status} (accepted)` : String(status);
}

/**
 * Live checks judge a server, not a validator: a request it must refuse (kind `live`), or a body
 * it answered with (kind `session`, …, with the exchange). Worded as server behaviour.
 */
function isLive(ce: Counterexample, exchange: Exchange | undefined): boolean {
  return ce.kind === 'live' || exchange !== undefined;
}

export function describeExpected(ce: Counterexample, exchange?: Exchange): string {
  if (isLive(ce, exchange)) {
    if (ce.kind === 'live')
      return ce.expected ? 'a 2xx response' : 'a 4xx (the request is invalid)';
    return `a ${ce.kind} body that follows the rules`;
  }
  return ce.expected ? 'accept (the value is valid)' : 'reject (the value is invalid)';
}

export function describeActual(ce: Counterexample, exchange?: Exchange): string {
  if (isLive(ce, exchange)) {
    if (ce.kind === 'live') return httpStatus(exchange);
    const breaks = ce.violates?.length ? ` breaking ${ce.violates.join(', ')}` : '';
    return `a body${breaks} (HTTP ${exchange?.response?.status ?? '?'})`;
  }
  if (ce.actual === null) return 'no verdict';
  return ce.actual ? 'accepted' : 'rejected';
}

/** One line: `expected a 4xx, got 200 (accepted)`, `expected reject, got accepted`. */
export function describeOutcome(ce: Counterexample, exchange?: Exchange): string {
  const expected = isLive(ce, exchange)
    ? describeExpected(ce, exchange).replace(/ \(.*\)$/, '')
    : ce.expected
      ? 'accept'
      : 'reject';
  return `expected ${expected}, got ${describeActual(ce, exchange)}`;
}

/** Where the lexicon of an `com.atproto.*` id lives in the atproto repository. */
export function lexiconUrl(id: string): string {
  return `https://github.com/bluesky-social/atproto/blob/main/lexicons/${id.split('.').join('/')}.json`;
}

/** A rule's source as a place (URL, or lexicon id + path), a link and the quoted sentence. */
export function describeSource(source: Source): { where: string; url: string; quote?: string } {
  if (source.kind === 'spec') return { where: source.url, url: source.url, quote: source.quote };
  const where = `${source.lexicon} at ${source.path}`;
  const url = lexiconUrl(source.lexicon);
  return source.quote === undefined ? { where, url } : { where, url, quote: source.quote };
}
