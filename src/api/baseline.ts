import { readFileSync } from 'node:fs';
import { type Baseline, BaselineError, parseBaseline } from '../runner/baseline.js';

export {
  applyBaseline,
  type Baseline,
  type BaselineComparison,
  type BaselineEntry,
  BaselineError,
  baselineFrom,
  parseBaseline,
} from '../runner/baseline.js';

/**
 * A baseline given as an object or as the path of a baseline JSON file, checked either way.
 * `name` is what a read error calls the file (the CLI names its flag). Throws
 * {@link BaselineError} when the file cannot be read or is not a baseline.
 */
export function loadBaseline(input: Baseline | string, name?: string): Baseline {
  if (typeof input !== 'string') return parseBaseline(JSON.stringify(input), name ?? 'baseline');
  let text: string;
  try {
    text = readFileSync(input, 'utf8');
  } catch {
    throw new BaselineError(`cannot read ${name ?? input}`);
  }
  return parseBaseline(text, input);
}
