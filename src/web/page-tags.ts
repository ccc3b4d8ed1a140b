/**
 * Which public pages a change affects (issue #18: every audited change emptied the page cache, and the first
 * citizen after a clerk's change waited seconds). A kept page depends on tags named from its path; a change
 * names the tags it makes stale; the page cache (./page-cache.ts) drops only the pages whose tags a change
 * names. `*` is every page: a change of a kind not listed here (an agency renamed shows on every page, a kind
 * added later) is taken to affect everything.
 */
import type { Change } from '../db/change-feed.ts';

/** Every page depends on this tag; a change naming it makes every page new. */
export const EVERY_PAGE = '*';

/**
 * Audit entity types no public page shows: a clerk's work on a case (补正, 答复, 送达…), letter templates,
 * 督办 notices, users and jobs leave the portal's kept pages valid. Published reports are stored values, so a
 * case changes no public report; a report's own publication is an `annual_report` event.
 */
export const PRIVATE_ENTITY_TYPES: readonly string[] = [
  'case',
  'case_document_template',
  'supervision_notice',
  'user',
  'job',
];

/** Catalog-wide records: every catalog page (items and lists) may show them. */
const CATALOG_WIDE = new Set(['catalog', 'catalog_figures', 'catalog_settings', 'catalog_import']);

const numericId = (id: string | null) => (id && /^[0-9]+$/.test(id) ? id : null);

/** The tags a change makes stale. */
export function tagsOfChange(change: Change): readonly string[] {
  if (PRIVATE_ENTITY_TYPES.includes(change.entityType)) return [];
  if (change.entityType === 'catalog_item') {
    // The item's own page, and the lists and searches that may show it (its title, its date, whether it is there).
    const id = numericId(change.entityId);
    return id ? [`catalog_item:${id}`, 'catalog_list'] : ['catalog_item:*', 'catalog_list'];
  }
  if (CATALOG_WIDE.has(change.entityType)) return ['catalog_item:*', 'catalog_list'];
  if (change.entityType === 'annual_report') {
    // One report (an agency's year): its page and the lists; an import of many ('12-340'): every report page.
    const id = numericId(change.entityId);
    return id ? [`annual_report:${id}`, 'report_list'] : ['annual_report:*', 'report_list'];
  }
  return [EVERY_PAGE];
}

/** The tags a public page depends on, from its path (the paths of PUBLIC_PAGES in ./site.ts). */
export function tagsOfPage(path: string): readonly string[] {
  const item = /^\/catalog\/([0-9]+)$/.exec(path);
  if (item) return [`catalog_item:${item[1]}`, 'catalog_item:*'];
  if (path === '/catalog' || path === '/search') return ['catalog_list'];
  const report = /^\/(?:reports|data)\/([0-9]+)$/.exec(path);
  if (report) return [`annual_report:${report[1]}`, 'annual_report:*'];
  if (path === '/reports' || path === '/data' || path.startsWith('/data/body/')) return ['report_list'];
  // The home page, the guide and the rules show no records: only a change of anything makes them new.
  return [];
}
