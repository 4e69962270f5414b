import { describeConformance } from 'atproto-session-conformance/jest';
import { validator } from './handle-did-validator.js';

// One jest test per handle and DID rule of the catalogue (the validator declares those two
// kinds). A fixed seed makes the run repeatable in CI; drop it to explore new cases each run.
describeConformance(validator, {
  seed: 20240611,
  runs: 100,
  replayTarget: 'module:./handle-did-validator.js',
});
