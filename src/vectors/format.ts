import type { ValidatorKind } from '../spec/rules/types.js';

/*
 * Vector files in the format of bluesky-social/atproto-interop-tests: one value per line, `#`
 * starts a comment line, empty lines are ignored, and a line is never trimmed. Values a line
 * cannot hold go to a strict JSON Lines file instead (one object per line, nothing else), which
 * also carries every session value.
 */

/** One exported value with its expected verdict. */
export interface VectorEntry {
  readonly kind: ValidatorKind;
  readonly value: unknown;
  /** true: the value must be accepted; false: it must be rejected. */
  readonly valid: boolean;
  /** The rules the value breaks (empty when valid). */
  readonly violates: readonly string[];
  /** Why the value is here (the rule it was generated for, the target that failed on it). */
  readonly notes: readonly string[];
}

/** One line of the JSON Lines file: an entry, every field written. */
export type JsonlVector = VectorEntry;

/** The five files of a vector folder: the four interop text files and the JSON Lines file. */
export const VECTOR_FILES = {
  handleValid: 'handle_syntax_valid.txt',
  handleInvalid: 'handle_syntax_invalid.txt',
  didValid: 'did_syntax_valid.txt',
  didInvalid: 'did_syntax_invalid.txt',
  jsonl: 'sessions.jsonl',
} as const;

/** The name of one of the five vector files. */
export type VectorFileName = (typeof VECTOR_FILES)[keyof typeof VECTOR_FILES];

/** The manifest written beside the five files: what produced them and how to read them. */
export const VECTOR_MANIFEST = 'vectors.json';

/*
 * Characters some line reader treats as a line break: \n and \r everywhere; \v, \f, \x1c-\x1e,
 * \x85, U+2028 and U+2029 in Python's str.splitlines(). Lone surrogates cannot be written as
 * UTF-8 at all.
 */
const LINE_BREAKS: ReadonlySet<number> = new Set([
  0x0a, 0x0b, 0x0c, 0x0d, 0x1c, 0x1d, 0x1e, 0x85, 0x2028, 0x2029,
]);

const isLineBreak = (c: string): boolean => LINE_BREAKS.has(c.charCodeAt(0));

/** Iterating a string yields whole code points, so a lone surrogate shows up on its own. */
const isLoneSurrogate = (c: string): boolean =>
  c.length === 1 && c.charCodeAt(0) >= 0xd800 && c.charCodeAt(0) <= 0xdfff;

/**
 * True when a text reader gets the value back exactly from one line: a non-empty string (empty
 * lines are skipped) that does not start with `#` (a comment) and has no line-breaking character.
 */
export function fitsOnOneLine(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length > 0 &&
    !value.startsWith('#') &&
    ![...value].some((c) => isLineBreak(c) || isLoneSurrogate(c))
  );
}

/** The text file a value goes to, or the JSON Lines file. */
export function fileFor(entry: Pick<VectorEntry, 'kind' | 'value' | 'valid'>): VectorFileName {
  if ((entry.kind === 'handle' || entry.kind === 'did') && fitsOnOneLine(entry.value)) {
    if (entry.kind === 'handle')
      return entry.valid ? VECTOR_FILES.handleValid : VECTOR_FILES.handleInvalid;
    return entry.valid ? VECTOR_FILES.didValid : VECTOR_FILES.didInvalid;
  }
  return VECTOR_FILES.jsonl;
}

/** What each file holds and how to read it. */
export const HOW_TO_READ: Readonly<Record<VectorFileName, string>> = {
  [VECTOR_FILES.handleValid]: 'Every value in this file is a handle that MUST be accepted.',
  [VECTOR_FILES.handleInvalid]:
    'Every value in this file is a handle that MUST be rejected; the comment above each names the rules it breaks.',
  [VECTOR_FILES.didValid]: 'Every value in this file is a DID that MUST be accepted.',
  [VECTOR_FILES.didInvalid]:
    'Every value in this file is a DID that MUST be rejected; the comment above each names the rules it breaks.',
  [VECTOR_FILES.jsonl]:
    'Strict JSON Lines: one JSON object per line, {"kind","value","valid","violates","notes"}, and nothing else. kind is handle, did, session (createSession/refreshSession output) or getSession; valid says whether the value MUST be accepted; violates lists the rules an invalid value breaks; notes say why the value is here.',
};

/** How to read the four text files. */
export const TEXT_RULES: readonly string[] = [
  'One value per line. Lines starting with "#" are comments and empty lines are ignored.',
  'Never trim a line: leading and trailing spaces are part of the value.',
  `Values that do not fit on one line (line breaks, a leading "#", the empty string, non-strings) are in ${VECTOR_FILES.jsonl}.`,
];

/** `# `-prefixed lines; each input line may itself hold several lines. */
function comment(lines: readonly string[]): string[] {
  return lines.flatMap((l) => l.split('\n')).map((l) => (l.length > 0 ? `# ${l}` : '#'));
}

/** Notes go into `#` lines, so any character a reader may break a line on becomes a space. */
function oneLine(text: string): string {
  return [...text].map((c) => (isLineBreak(c) ? ' ' : c)).join('');
}

/**
 * JSON with the three characters JSON.stringify leaves raw but some line readers split on
 * (\x85, U+2028, U+2029) escaped, so each object stays on its line for every reader.
 */
export function jsonLine(value: unknown): string {
  return [...JSON.stringify(value)]
    .map((c) => (isLineBreak(c) ? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}` : c))
    .join('');
}

function entryLines(file: VectorFileName, entry: VectorEntry): string[] {
  if (file === VECTOR_FILES.jsonl) {
    const { kind, value, valid, violates, notes } = entry;
    const line: JsonlVector = { kind, value, valid, violates, notes };
    return [jsonLine(line)];
  }
  const notes = entry.notes.map(oneLine);
  const why = entry.valid ? notes : [`violates: ${entry.violates.join(', ')}`, ...notes];
  return [...comment(why), entry.value as string];
}

/**
 * Renders the five vector files. Each text file starts with a `#` block: `header` (what produced
 * it), then what the file holds and its format rules. The JSON Lines file holds the objects
 * alone; its header information is in the manifest. Files with no entries are still written, so
 * a reader can rely on all five existing.
 */
export function renderVectorFiles(
  entries: readonly VectorEntry[],
  header: readonly string[],
): Record<VectorFileName, string> {
  const files = Object.values(VECTOR_FILES);
  const out = Object.fromEntries(
    files.map((f) => [
      f,
      f === VECTOR_FILES.jsonl ? [] : [...comment([...header, HOW_TO_READ[f], ...TEXT_RULES]), ''],
    ]),
  ) as Record<VectorFileName, string[]>;
  for (const entry of entries) {
    const file = fileFor(entry);
    out[file].push(...entryLines(file, entry));
  }
  // Every line ends in \n, and an empty JSON Lines file is empty: no blank line anywhere.
  return Object.fromEntries(files.map((f) => [f, out[f].map((l) => `${l}\n`).join('')])) as Record<
    VectorFileName,
    string
  >;
}

/**
 * Merges entries of the same kind and value (their notes are joined), keeping first-seen order.
 * Two entries of the same value always carry the same verdict: it depends on the value alone.
 */
export function dedupe(entries: readonly VectorEntry[]): VectorEntry[] {
  const byKey = new Map<string, VectorEntry>();
  for (const e of entries) {
    const key = `${e.kind}\u0000${JSON.stringify(e.value)}`;
    const seen = byKey.get(key);
    if (seen === undefined) byKey.set(key, e);
    else {
      const notes = [...seen.notes, ...e.notes.filter((n) => !seen.notes.includes(n))];
      byKey.set(key, { ...seen, notes });
    }
  }
  return [...byKey.values()];
}

/** Count of entries written to each file. */
export type VectorCounts = Record<VectorFileName, number>;
