import { isRuleId, type RuleId } from '../../src/spec/rules/index.js';

/** A catalogue rule ID from a string (a report's `rules` key, say); throws for anything else. */
export function ruleId(id: string): RuleId {
  if (!isRuleId(id)) throw new Error(`not a rule of the catalogue: ${id}`);
  return id;
}
