export * from './rules.ts';
export * from './fields.ts';
export * from './report.ts';
export * from './units.ts';
export * from './unitEvents.ts';
export * from './areas.ts';
