import type { Target, ValidatorKind } from '../../src/index.js';

/** A started in-memory Target that gives one verdict to everything and counts its closes. */
export function fakeTarget(
  id: string,
  kinds: readonly ValidatorKind[],
  outcome: 'valid' | 'invalid',
): Target & { readonly closed: () => number } {
  let closed = 0;
  return {
    info: { id, name: id, kinds },
    validate: async () => ({ outcome }),
    validateBatch: async (requests) => requests.map(() => ({ outcome })),
    diagnostics: () => '',
    close: async () => {
      closed++;
    },
    closed: () => closed,
  };
}
