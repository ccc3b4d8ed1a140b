/** The worker of search-text-pool.ts: the search text of each item it is sent, in order. */
import { parentPort } from 'node:worker_threads';
import { type ItemForSearch, searchTextOf } from './search-text-pool.ts';

parentPort?.on('message', ({ id, items }: { id: number; items: ItemForSearch[] }) => {
  try {
    parentPort?.postMessage({ id, texts: items.map(searchTextOf) });
  } catch (error) {
    parentPort?.postMessage({ id, error: String(error) });
  }
});
