/**
 * Deterministic sharding of the rule x target work, for CI matrices. Shard `i/n` (1-based) takes
 * every n-th cell in row-major order (target, then rule), so shards stay balanced across targets.
 */
export function inShard(
  targetIndex: number,
  ruleIndex: number,
  ruleCount: number,
  shard: { readonly index: number; readonly count: number } | undefined,
): boolean {
  if (shard === undefined) return true;
  return (targetIndex * ruleCount + ruleIndex) % shard.count === shard.index - 1;
}

export function parseShard(text: string): { index: number; count: number } | undefined {
  const m = /^(\d+)\/(\d+)$/.exec(text);
  if (m === null) return undefined;
  const index = Number(m[1]);
  const count = Number(m[2]);
  return index >= 1 && count >= 1 && index <= count ? { index, count } : undefined;
}
