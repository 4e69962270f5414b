export { counterexampleEntries, exportCounterexamples } from './counterexamples.js';
export {
  DEFAULT_VECTOR_COUNT,
  type ExportVectorsOptions,
  exportVectors,
  generateVectors,
  vectorHeader,
} from './export.js';
export {
  fileFor,
  fitsOnOneLine,
  VECTOR_FILES,
  type VectorCounts,
  type VectorEntry,
  type VectorFileName,
} from './format.js';
