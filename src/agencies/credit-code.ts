/** Moved to src/identifiers/credit-code.ts (shared with the applicant's checks); kept for src/catalog/testing.ts. */
export * from '../identifiers/credit-code.ts';
