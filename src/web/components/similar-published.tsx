/** @jsxImportSource hono/jsx */
/** Published items that may already hold what was asked for (src/catalog/similar.ts), as a list of links. */
import type { similarPublished } from '../../catalog/similar.ts';

type Similar = Awaited<ReturnType<typeof similarPublished>>;

export const SimilarPublished = (props: { items: Similar; intro: string; id: string }) =>
  props.items.length ? (
    <section aria-labelledby={`${props.id}-title`} id={props.id}>
      <h2 id={`${props.id}-title`}>可能已经主动公开的信息</h2>
      <p>{props.intro}</p>
      <ul>
        {props.items.map((s) => (
          <li>
            <a href={`/catalog/${s.id}`}>{s.title}</a>（{s.agency}，{s.publishedOn}发布，索引号 {s.indexNo}）
          </li>
        ))}
      </ul>
    </section>
  ) : null;
