/** @jsxImportSource hono/jsx */
/** Links side by side, each set apart (not run together as "CSVXLSX"), and the pager of a paged list. */

/** Links separated by "、" (or `sep`), so that neither eye nor screen reader runs them together. */
export function LinkList({ links, sep = '、' }: { links: [href: string, text: string][]; sep?: string }) {
  return (
    <>
      {links.map(([href, text], i) => (
        <>
          {i > 0 ? sep : ''}
          <a href={href}>{text}</a>
        </>
      ))}
    </>
  );
}

/** 上一页 / 第 n 页，共 m 页 / 下一页; `more` when the total is a lower bound. */
export function Pager(props: {
  page: number;
  total: number;
  perPage?: number;
  more?: boolean;
  link: (page: number) => string;
}) {
  const per = props.perPage ?? 20;
  const pages = Math.max(1, Math.ceil(props.total / per));
  if (pages <= 1 && props.page <= 1) return null;
  const hasNext = props.page < pages || (props.more ?? false);
  return (
    <nav aria-label="分页" class="pager">
      {props.page > 1 ? <a href={props.link(props.page - 1)}>上一页</a> : null}{' '}
      <span>
        第 {props.page} 页，共 {props.more ? `${pages}+` : pages} 页
      </span>{' '}
      {hasNext ? <a href={props.link(props.page + 1)}>下一页</a> : null}
    </nav>
  );
}
