/**
 * Personal-data detection for the catalog (发布前的个人信息检查). The functions live in src/personal-data.ts,
 * which every area uses (cases mask an applicant's numbers in file names and audit rows with them).
 */
export * from '../personal-data.ts';
