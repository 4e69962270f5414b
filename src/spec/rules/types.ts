/**
 * The shape of a conformance rule. Rules are plain data: generators label invalid values with
 * rule IDs, the oracle reports broken rule IDs, and report rows are keyed by rule ID.
 */

/** What a validator target can be asked about. */
export type ValidatorKind = 'handle' | 'did' | 'session' | 'getSession';

/**
 * `live` rules are checked against a real server's responses (coherence, policy and HTTP checks);
 * validator targets never see them.
 */
export type Kind = ValidatorKind | 'live';

export const VALIDATOR_KINDS: readonly ValidatorKind[] = ['handle', 'did', 'session', 'getSession'];

export type Level = 'MUST' | 'SHOULD';

/**
 * The RFC 2119 keyword of the quoted sentence, or `lexicon` when the source is a lexicon
 * constraint. Sentences that state a definition or a prohibition without a keyword ("is", "are",
 * "can not", "is not allowed") are recorded as the absolute requirement they state: MUST or MUST
 * NOT (docs/rules-changelog.md lists each).
 */
export type Keyword =
  | 'MUST'
  | 'MUST NOT'
  | 'REQUIRED'
  | 'SHALL'
  | 'SHALL NOT'
  | 'SHOULD'
  | 'SHOULD NOT'
  | 'RECOMMENDED'
  | 'MAY'
  | 'OPTIONAL'
  | 'lexicon';

/**
 * The level a keyword gives a rule that validators are held to. A MAY or OPTIONAL on what a value
 * may hold makes accepting it a MUST ("MUST be prepared to interoperate", RFC 2119 section 5).
 */
export function levelOf(keyword: Keyword): Level {
  return keyword === 'SHOULD' || keyword === 'SHOULD NOT' || keyword === 'RECOMMENDED'
    ? 'SHOULD'
    : 'MUST';
}

/**
 * `reject`: a value that breaks the rule must be rejected (the rule names a violation).
 * `accept`: values of the class the rule describes must be accepted (an over-strictness trap).
 */
export type Polarity = 'reject' | 'accept';

/** Groups rules in reports (rows of the HTML matrix are grouped by area). */
export type Area = 'handle' | 'did' | 'did-policy' | 'session' | 'coherence' | 'http';

export type Source =
  | { readonly kind: 'spec'; readonly url: string; readonly quote: string }
  | {
      readonly kind: 'lexicon';
      readonly lexicon: string;
      readonly path: string;
      readonly quote?: string;
    };

export interface Rule<Id extends string = string> {
  readonly id: Id;
  readonly level: Level;
  readonly keyword: Keyword;
  readonly polarity: Polarity;
  readonly area: Area;
  readonly kinds: readonly Kind[];
  /** One line, in the imperative voice of the spec. */
  readonly summary: string;
  readonly source: Source;
  /** For accept rules: what a failure most likely means in the implementation. */
  readonly likelyCause?: string;
}

export function spec(url: string, quote: string): Source {
  return { kind: 'spec', url, quote };
}

export function lexicon(id: string, path: string, quote?: string): Source {
  return quote === undefined
    ? { kind: 'lexicon', lexicon: id, path }
    : { kind: 'lexicon', lexicon: id, path, quote };
}

/** A rule as its table writes it: the table's builder adds the area, and the kinds and level. */
export type RuleEntry<Id extends string, P extends Polarity> = Omit<
  Rule<Id>,
  'level' | 'area' | 'kinds' | 'polarity'
> & {
  readonly polarity: P;
  /** The level its keyword gives (`levelOf`) when left out. */
  readonly level?: Level;
  /** The table's kinds when left out. */
  readonly kinds?: readonly Kind[];
};

/**
 * The builder of one table's rules. The keys keep the catalogue's order, so a rule serializes the
 * same however its table writes it.
 */
export function ruleBuilder(area: Area, kinds: readonly Kind[]) {
  return <const Id extends string, const P extends Polarity>(
    entry: RuleEntry<Id, P>,
  ): Rule<Id> & { readonly polarity: P } => ({
    id: entry.id,
    level: entry.level ?? levelOf(entry.keyword),
    keyword: entry.keyword,
    polarity: entry.polarity,
    area,
    kinds: entry.kinds ?? kinds,
    summary: entry.summary,
    source: entry.source,
    ...(entry.likelyCause === undefined ? {} : { likelyCause: entry.likelyCause }),
  });
}
