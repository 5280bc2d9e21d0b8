/** The manifest and mart names, shared with the pipeline that writes them. */
export { MART_NAMES, manifestSchema, type Manifest } from '../../../pipelines/schema/manifest.ts';
