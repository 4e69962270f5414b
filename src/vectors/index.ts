export { counterexampleEntries, exportCounterexamples } from './counterexamples.js';
export {
  DEFAULT_VECTOR_COUNT,
  type ExportVectorsOptions,
  exportVectors,
  generateVectors,
  vectorSource,
} from './export.js';
export {
  fileFor,
  fitsOnOneLine,
  type JsonlVector,
  VECTOR_FILES,
  VECTOR_MANIFEST,
  type VectorCounts,
  type VectorEntry,
  type VectorFileName,
} from './format.js';
export type { VectorManifest, VectorSetting, VectorSource } from './manifest.js';
