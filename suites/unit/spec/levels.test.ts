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
  'http.create-session.no-account-enumeration':
    'the sentence names the status code; answering alike for unknown accounts is advice',
};

/**
 * Live rules whose level is below their keyword, each for a stated reason: a finding there is
 * advice, not a failure.
 */
const ADVISORY: Readonly<Record<string, string>> = {
  'coherence.token.aud-is-did':
    'clients treat session tokens as opaque (the XRPC spec), so their claims are checked as advice',
  'coherence.token.exp-after-iat':
    'clients treat session tokens as opaque (the XRPC spec), so their claims are checked as advice',
  'coherence.did-doc.aka-handle':
    'a didDoc sent with a session may lag a handle change; handle verification belongs to the resolver',
  'did.web.hostname-only':
    '"not supported" says what atproto software accepts, not what a server must send: advice',
  'did.web.port-localhost-only':
    '"only allowed ... in testing" says what atproto software accepts, not what a server must send',
  'coherence.status.inactive': OTHER_DUTY['coherence.status.inactive'] as string,
  'http.refresh-session.rotates-refresh-token':
    'the server MAY rotate: not rotating is allowed, so the check is advice',
  'http.session.token-issued-now':
    'the MAY is the leeway for clock skew; the bounds are plausibility, hence advice',
};

describe('rule levels are true to the spec', () => {
  it('every rule records a keyword', () => {
    for (const r of RULES) expect([r.id, typeof r.keyword]).toEqual([r.id, 'string']);
  });

  it('the keyword is one the quoted sentence uses, or MUST / MUST NOT / MAY / lexicon for a sentence without one', () => {
    const wrong: string[] = [];
    for (const r of RULES.filter((rule) => !(rule.id in OTHER_DUTY))) {
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

  it('a live rule has the level of its keyword, or is advice for a stated reason', () => {
    for (const r of RULES.filter((rule) => rule.kinds.includes('live'))) {
      const expected = r.id in ADVISORY ? 'SHOULD' : levelOf(r.keyword);
      expect([r.id, r.level]).toEqual([r.id, expected]);
    }
    const live = new Set(RULES.filter((r) => r.kinds.includes('live')).map((r) => r.id as string));
    expect(Object.keys(ADVISORY).filter((id) => !live.has(id))).toEqual([]);
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
