/** The full schema. Each area keeps its tables in its own file. */
export * from './agencies.ts';
export * from './audit.ts';
export * from './auth.ts';
export * from './batches.ts';
export * from './calendar.ts';
export * from './case-tallies.ts';
export * from './cases.ts';
export * from './catalog.ts';
export * from './catalog-tallies.ts';
export * from './notifications.ts';
export * from './rate-limits.ts';
export * from './reports.ts';
export * from './standards.ts';
export * from './supervision.ts';
export * from './website-report.ts';
