/**
 * Search texts of many catalog items at once (issue #18: segmentation was half of indexing a catalog). The
 * items are split over worker threads, each running the same itemSearchText as one item's save does, so a
 * bulk load stores the very text (and so tsvector) the one-by-one path stores. With one thread, or for a
 * handful of items, the work is done here.
 *
 * @example
 * const pool = new SearchTextPool();
 * const texts = await pool.texts(items); // texts[i] is itemSearchText(items[i], items[i].attachmentTexts)
 * await pool.close();
 */
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { tsWorker } from '../ts-worker.ts';
import { itemSearchText } from './item-fields.ts';

export interface ItemForSearch {
  title: string;
  docNo?: string | null;
  body: string;
  attachmentTexts?: string[];
}

/** itemSearchText of an item as the pool is sent it. */
export const searchTextOf = (i: ItemForSearch) =>
  itemSearchText({ title: i.title, docNo: i.docNo ?? null, body: i.body }, i.attachmentTexts);

/** Fewer items than this a thread are segmented here: posting them costs more than it saves. */
const MIN_PER_THREAD = 64;

type Reply = { id: number; texts?: string[]; error?: string };

export class SearchTextPool {
  private workers: Worker[] = [];
  private pending = new Map<number, { resolve: (t: string[]) => void; reject: (e: Error) => void }>();
  /** Jobs sent to each worker and not answered: a worker with work keeps the process alive, an idle one not. */
  private busy = new Map<Worker, number>();
  private seq = 0;
  private turn = 0;

  /** `threads`: worker threads (default: the cores this process may use). */
  constructor(readonly threads = availableParallelism()) {}

  private worker(): Worker {
    if (this.workers.length < this.threads) {
      const w = tsWorker(new URL('./search-text-worker.ts', import.meta.url));
      w.on('message', ({ id, texts, error }: Reply) => {
        const left = (this.busy.get(w) ?? 1) - 1;
        this.busy.set(w, left);
        if (left === 0) w.unref();
        const p = this.pending.get(id);
        this.pending.delete(id);
        if (texts) p?.resolve(texts);
        else p?.reject(new Error(error ?? 'search text worker failed'));
      });
      w.on('error', (e: Error) => {
        for (const p of this.pending.values()) p.reject(e);
        this.pending.clear();
      });
      w.unref();
      this.workers.push(w);
      return w;
    }
    return this.workers[this.turn++ % this.workers.length];
  }

  private send(items: ItemForSearch[]): Promise<string[]> {
    const id = ++this.seq;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      const w = this.worker();
      this.busy.set(w, (this.busy.get(w) ?? 0) + 1);
      w.ref();
      w.postMessage({ id, items });
    });
  }

  /** The search text of each item, in order. */
  async texts(items: ItemForSearch[]): Promise<string[]> {
    const parts = Math.min(this.threads, Math.floor(items.length / MIN_PER_THREAD));
    if (parts <= 1) return items.map((i) => searchTextOf(i));
    const size = Math.ceil(items.length / parts);
    const chunks = Array.from({ length: parts }, (_, k) => items.slice(k * size, (k + 1) * size));
    return (await Promise.all(chunks.map((c) => this.send(c)))).flat();
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
    this.workers = [];
    this.busy.clear();
  }
}
