import type { Report } from './model.js';

/**
 * How keys of one model object are ordered: `keys` first, in this order, then any other key
 * alphabetically (optional fields added to the model later stay stable too). `children` says how
 * to order what a key holds; keys not listed there hold plain values or user data, which is kept
 * exactly as given (a counterexample's key order is part of the value).
 */
interface Shape {
  readonly keys: readonly string[];
  readonly children?: Readonly<Record<string, Child>>;
}

/** An object of the model, a list of them, or a record keyed by rule ID. */
type Child = Shape | { readonly list: Shape } | { readonly record: Shape };

const SOURCE: Shape = { keys: ['kind', 'url', 'lexicon', 'path', 'quote'] };

const RULE_INFO: Shape = {
  keys: ['level', 'keyword', 'area', 'summary', 'source'],
  children: { source: SOURCE },
};

const EXCHANGE: Shape = {
  keys: ['request', 'response', 'curl'],
  children: {
    request: { keys: ['method', 'url', 'body'] },
    response: { keys: ['status', 'contentType', 'body'] },
  },
};

const RESULT: Shape = {
  keys: [
    'rule',
    'level',
    'area',
    'kinds',
    'status',
    'runs',
    'examples',
    'message',
    'counterexample',
    'replay',
    'casesToFailure',
    'exchange',
    'baseline',
  ],
  children: {
    counterexample: {
      keys: ['kind', 'value', 'expected', 'actual', 'violates', 'errors', 'likelyCause'],
    },
    replay: { keys: ['seed', 'path'] },
    exchange: EXCHANGE,
  },
};

const TARGET: Shape = {
  keys: ['target', 'conformant', 'summary', 'startError', 'durationMs', 'results', 'stderr'],
  children: {
    target: { keys: ['id', 'name', 'version', 'language', 'kinds', 'protocol'] },
    summary: { keys: ['pass', 'fail', 'error', 'skip'] },
    results: { list: RESULT },
  },
};

const REPORT: Shape = {
  keys: [
    'tool',
    'profile',
    'seed',
    'runs',
    'startedAt',
    'finishedAt',
    'shard',
    'interrupted',
    'notRun',
    'rules',
    'targets',
  ],
  children: {
    tool: { keys: ['name', 'version'] },
    rules: { record: RULE_INFO },
    targets: { list: TARGET },
  },
};

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function orderChild(value: unknown, child: Child): unknown {
  if ('list' in child) return Array.isArray(value) ? value.map((v) => order(v, child.list)) : value;
  if ('record' in child) {
    if (!isObject(value)) return value;
    // Rule IDs keep their order: the runner writes them in catalogue order.
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, order(v, child.record)]));
  }
  return order(value, child);
}

function order(value: unknown, shape: Shape): unknown {
  if (!isObject(value)) return value;
  const rank = (key: string): number => {
    const i = shape.keys.indexOf(key);
    return i === -1 ? shape.keys.length : i;
  };
  const keys = Object.keys(value).sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(
    keys.map((key) => {
      const child = shape.children?.[key];
      return [key, child === undefined ? value[key] : orderChild(value[key], child)];
    }),
  );
}

/**
 * `report.json`: the model as is, pretty-printed, with keys in a fixed order so that two runs
 * with the same results give byte-identical files.
 */
export function renderJson(report: Report): string {
  return `${JSON.stringify(order(report, REPORT), null, 2)}\n`;
}
