/**
 * 查看统计数的来源: the records counted in one number of a report, as the console lists them — the cases
 * (sections 三/四, masked by what the viewer may see), the catalog items or the 第二十条 figures (section 二).
 * Shared by a unit's report builder and the supervisor's consolidated report.
 */
import type { SessionUser } from '../../auth/roles.ts';
import { registerRowsOf, registerScope } from '../../cases/register.ts';
import { FIGURE_KEYS } from '../../catalog/figures.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import type { CellRecords } from '../../reports/cell-records.ts';

const periodName = (month: number) => (month === 0 ? '全年合计' : `${month}月`);

export async function cellRecordsBody(db: Db, ctx: { user: SessionUser; today: string }, records: CellRecords) {
  if (records.kind === 'cases') {
    const rows = await registerRowsOf(db, records.caseIds, registerScope(ctx.user), ctx.today);
    const count = new Set(records.caseIds).size;
    return (
      <>
        <p>
          按办理记录计算，计入本栏的申请共 {count} 件
          {records.caseIds.length > count ? `（${records.caseIds.length} 项）` : ''}
          {rows.length < count ? `，列出前 ${rows.length} 件` : ''}。
        </p>
        {rows.length ? (
          <table>
            <thead>
              <tr>
                <th scope="col">受理编号</th>
                <th scope="col">收到日期</th>
                <th scope="col">申请人</th>
                <th scope="col">答复结果</th>
                <th scope="col">答复日期</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr>
                  <td>
                    <a href={`/console/cases/${r.id}`}>{r.caseNumber}</a>
                  </td>
                  <td>{r.receivedOn}</td>
                  <td>{r.applicantName}</td>
                  <td>{r.outcomeLabel ?? '—'}</td>
                  <td>{r.closedOn ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </>
    );
  } else if (records.kind === 'catalog' && records.drill.items) {
    const items = records.drill.items;
    return (
      <>
        <p>按主动公开目录计算，计入本栏的信息共 {items.length} 条。</p>
        {items.length ? (
          <table>
            <thead>
              <tr>
                <th scope="col">标题</th>
                <th scope="col">索引号</th>
                <th scope="col">文号</th>
                <th scope="col">成文日期</th>
                <th scope="col">发布日期</th>
                <th scope="col">废止日期</th>
              </tr>
            </thead>
            <tbody>
              {items.map((i) => (
                <tr>
                  <td>
                    <a href={`/console/catalog/${i.id}`}>{i.title}</a>
                  </td>
                  <td>{i.indexNo}</td>
                  <td>{i.docNo ?? ''}</td>
                  <td>{i.writtenOn ?? ''}</td>
                  <td>{i.publishedOn ?? ''}</td>
                  <td>{i.repealedOn ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </>
    );
  } else if (records.kind === 'catalog' && records.drill.figures) {
    const figures = records.drill.figures;
    return (
      <>
        <p>本栏由录入的第二十条数据计算（录入了全年合计的，按全年合计计算）。</p>
        {figures.length ? (
          <table>
            <thead>
              <tr>
                <th scope="col">年度</th>
                <th scope="col">期间</th>
                <th scope="col">数据项</th>
                <th scope="col">数值</th>
              </tr>
            </thead>
            <tbody>
              {figures.map((f) => (
                <tr>
                  <td>{f.year}</td>
                  <td>{periodName(f.month)}</td>
                  <td>{FIGURE_KEYS[f.key as keyof typeof FIGURE_KEYS] ?? f.key}</td>
                  <td class="num">{f.value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p>尚未录入。</p>
        )}
      </>
    );
  }
  throw new AppError('not_found', '该栏目没有可查看的记录');
}
