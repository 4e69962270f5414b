import type { Rule, RuleId } from '../spec/rules/index.js';
import type { RuleInfo } from './model.js';

/** What a report says of each rule it ran: the catalogue entry, keyword included. */
export function ruleInfo(rules: readonly Rule<RuleId>[]): Record<string, RuleInfo> {
  return Object.fromEntries(
    rules.map((r) => [
      r.id,
      {
        level: r.level,
        keyword: r.keyword,
        area: r.area,
        summary: r.summary,
        source: r.source,
      },
    ]),
  );
}
