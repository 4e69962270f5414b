/*
 * A validator with documented deviations from the spec, kept under a known-failures baseline
 * (known-failures.json) until they are fixed:
 *
 * - it has no overall length limit for handles (each label is still limited to 63 characters);
 * - it allows hyphens at the start and end of handle labels;
 * - it accepts DIDs that end with ":".
 *
 * Everything else follows https://atproto.com/specs/handle and https://atproto.com/specs/did.
 */

const LABEL = /^[a-zA-Z0-9-]{1,63}$/;
const LAST_LABEL = /^[a-zA-Z][a-zA-Z0-9-]{0,62}$/;
const DID = /^did:[a-z]+:[a-zA-Z0-9._:%-]*[a-zA-Z0-9._:-]$/;

function isHandle(value) {
  if (typeof value !== 'string') return false;
  const labels = value.split('.');
  if (labels.length < 2) return false;
  const last = labels.pop();
  return labels.every((l) => LABEL.test(l)) && LAST_LABEL.test(last);
}

function isDid(value) {
  return typeof value === 'string' && value.length <= 2048 && DID.test(value);
}

export default {
  name: 'legacy-identifiers',
  version: '2.3.0',
  kinds: ['handle', 'did'],
  validate(kind, value) {
    return kind === 'handle' ? isHandle(value) : isDid(value);
  },
};
