import { type Keyword, levelOf, RULES } from '../../../src/spec/index.js';

const KEYWORDS: readonly Keyword[] = [
  'MUST NOT',
  'SHALL NOT',
  'SHOULD NOT',
  'MUST',
  'SHALL',
  'SHOULD',
  'REQUIRED',
  'RECOMMENDED',
  'MAY',
  'OPTIONAL',
];

/** The RFC 2119 keywords a sentence uses, in any case ("may not" reads as MUST NOT). */
function keywordsIn(quote: string): Keyword[] {
  // "(string, required)" and "(array of strings, optional)" describe a field's type, not a duty.
  const prose = quote.replace(/\([^)]*\)/g, ' ');
  let text = ` ${prose.toLowerCase().replace(/may not/g, 'must not')} `;
  const found: Keyword[] = [];
  for (const k of KEYWORDS) {
    const pattern = new RegExp(`\\b${k.toLowerCase()}\\b`, 'g');
    if (pattern.test(text)) found.push(k);
    text = text.replace(pattern, ' ');
  }
  return found;
}

const quoteOf = (r: (typeof RULES)[number]): string | undefined => r.source.quote;

/** Sentences whose keyword is about something else than the rule (the reason is the value). */
const OTHER_DUTY: Readonly<Record<string, string>> = {
  'coherence.status.inactive': '"may be reverted" is about the takedown, not about `active`',
};

describe('rule levels are true to the spec', () => {
  it('every rule records a keyword', () => {
    for (const r of RULES) expect([r.id, typeof r.keyword]).toEqual([r.id, 'string']);
  });

  it('the keyword is one the quoted sentence uses, or MUST / MUST NOT / MAY / lexicon for a sentence without one', () => {
    const wrong: string[] = [];
    // HTTP checks are judged on exchanges, not values; their keywords are audited with them.
    for (const r of RULES.filter((rule) => rule.area !== 'http' && !(rule.id in OTHER_DUTY))) {
      const quote = quoteOf(r);
      if (quote === undefined || r.source.kind === 'lexicon') {
        if (r.keyword !== 'lexicon') wrong.push(`${r.id}: ${r.keyword}`);
        continue;
      }
      const used = keywordsIn(quote);
      const allowed: Keyword[] = used.length > 0 ? used : ['MUST', 'MUST NOT', 'MAY', 'lexicon'];
      if (!allowed.includes(r.keyword)) wrong.push(`${r.id}: ${r.keyword}, quote has ${used}`);
    }
    expect(wrong).toEqual([]);
  });

  it('a validator rule has the level of its keyword', () => {
    for (const r of RULES.filter((rule) => !rule.kinds.includes('live')))
      expect([r.id, r.level]).toEqual([r.id, levelOf(r.keyword)]);
  });

  it('every rule a validator is held to, and every coherence rule, says what a failure likely means', () => {
    const without = RULES.filter(
      (r) => (!r.kinds.includes('live') || r.area === 'coherence') && r.likelyCause === undefined,
    ).map((r) => r.id);
    expect(without).toEqual([]);
  });

  it('unknown fields are a SHOULD, as the lexicon spec says', () => {
    const rule = RULES.find((r) => r.id === 'session.accept.unknown-fields');
    expect([rule?.keyword, rule?.level]).toEqual(['SHOULD', 'SHOULD']);
  });
});
