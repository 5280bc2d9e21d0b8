/**
 * The data contract shared by pipelines/ and src/: mart names and column
 * types, the enums, the manifest schema and the CSV writer. Nothing here
 * validates input: that stays in pipelines/schema and never reaches the site.
 */
export * from './enums.ts';
export * from './marts.ts';
export * from './weeklyFacts.ts';
export * from './aggregates.ts';
export * from './manifest.ts';
export * from './parts.ts';
export * from './csv.ts';
export * from './rejects.ts';
