// The cheapest possible in-process validator (a `module:` target): every value is valid.
export default {
  name: 'trivial-module',
  kinds: ['handle', 'did', 'session', 'getSession'],
  validate: () => true,
};
