// Node 20 cannot start a worker from a .ts file even under tsx; this shim
// loads the TypeScript worker through tsx's API.
import { tsImport } from 'tsx/esm/api';

await tsImport('./worker.ts', import.meta.url);
