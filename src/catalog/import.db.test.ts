import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../clock.ts';
import { listAudit } from '../db/audit.ts';
import { catalogItems } from '../db/schema/catalog.ts';
import { createTestDb, type TestDb } from '../db/testing.ts';
import { AppError } from '../errors.ts';
import { importItems } from './actions/import-items.ts';
import { parseCsv } from './import-parse.ts';
import { makeCatalogWorld } from './testing.ts';

let t: TestDb;
let w: Awaited<ReturnType<typeof makeCatalogWorld>>;
const deps = () => ({ db: t.db, clock: fixedClock('2025-12-01') });
const HEADER = '标题,文号,成文日期,发布日期,文件类型,目录分类,有效性,废止日期,发布渠道,正文,解读对象文号';
const csv = (...lines: string[]) => new TextEncoder().encode(`\uFEFF${[HEADER, ...lines].join('\r\n')}\r\n`);

beforeAll(async () => {
  t = await createTestDb();
  w = await makeCatalogWorld(t.db);
});
afterAll(() => t.close());

const count = async () => (await t.db.select().from(catalogItems).where(eq(catalogItems.agencyId, w.bureau.id))).length;

async function importError(content: Uint8Array, filename = 'items.csv') {
  const e = await importItems(deps(), { user: w.staff, agencyId: w.bureau.id, filename, content }).catch((x) => x);
  expect(e).toBeInstanceOf(AppError);
  return (e as AppError).details as { errors: { row: number; column: string; message: string }[] };
}

describe('bulk import', () => {
  it('parses quoted CSV fields', () => {
    expect(parseCsv('a,"b,""c"""\n"多\n行",d')).toEqual([
      ['a', 'b,"c"'],
      ['多\n行', 'd'],
    ]);
  });

  it('imports valid rows in one go, policies before their interpretations', async () => {
    const before = await count();
    const result = await importItems(deps(), {
      user: w.staff,
      agencyId: w.bureau.id,
      filename: 'items.csv',
      content: csv(
        '《办法》解读,,2024-03-01,2024-03-05,政策解读,行政法规、规章和规范性文件,,,政府网站,<p>解读</p>,某教规〔2024〕1号',
        '某县学生资助管理办法,某教规〔2024〕1号,2024-03-01,2024/3/5,行政规范性文件,20.1,有效,,政府网站、政务微信,<p>第一条</p>,',
        '草稿一条,,,,其他文件,20.2,,,政府网站,,',
      ),
    });
    expect(result).toMatchObject({ imported: 3, published: 2, drafts: 1 });
    expect(await count()).toBe(before + 3);
    const [interp] = await t.db.select().from(catalogItems).where(eq(catalogItems.title, '《办法》解读'));
    const [policy] = await t.db.select().from(catalogItems).where(eq(catalogItems.docNo, '某教规〔2024〕1号'));
    expect(interp.interpretsId).toBe(policy.id);
    expect(policy.channels).toEqual(['website', 'wechat']);
    expect(await listAudit(t.db, { action: 'catalog.imported' })).toHaveLength(1);
  });

  it('reports every bad row with its row number and column, and imports nothing', async () => {
    const before = await count();
    const { errors } = await importError(
      csv(
        '好的一行,,2024-05-01,2024-05-02,其他文件,20.2,,,政府网站,,',
        ',,2024-05-01,,其他文件,20.2,,,政府网站,,',
        '日期错误,,2024-13-45,,其他文件,20.2,,,微博客,,',
        '未知类型,,2024-05-01,,公文,20.2,,,政府网站,,',
      ),
    );
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 3, column: '标题' }),
        expect.objectContaining({ row: 4, column: '发布渠道' }),
        expect.objectContaining({ row: 5, column: '文件类型' }),
      ]),
    );
    expect(errors.every((e) => /[\u4e00-\u9fff]/.test(e.message))).toBe(true);
    expect(await count()).toBe(before);
  });

  it('rolls back rows already written when a later row fails inside the transaction', async () => {
    const before = await count();
    const { errors } = await importError(
      csv(
        '第一行,,2024-05-01,2024-05-02,其他文件,20.2,,,政府网站,,',
        '第二行,,2024-05-01,2024-05-02,其他文件,20.2,,,政府网站,,',
        '找不到的解读,,2024-05-01,2024-05-02,政策解读,20.1,,,政府网站,,不存在〔2024〕9号',
        '日期颠倒,某规〔2024〕2号,2024-05-01,2024-05-02,行政规范性文件,20.1,废止,2024-01-01,政府网站,,',
      ),
    );
    expect(errors.map((e) => [e.row, e.column])).toEqual(
      expect.arrayContaining([
        [4, '解读对象文号'],
        [5, '废止日期'],
      ]),
    );
    expect(await count()).toBe(before);
  });

  it('reads XLSX', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('目录');
    ws.addRow(['标题', '成文日期', '发布日期', '目录分类']);
    ws.addRow(['表格导入的信息', new Date('2024-06-01T00:00:00Z'), '2024-06-03', '20.2']);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const result = await importItems(deps(), {
      user: w.staff,
      agencyId: w.bureau.id,
      filename: 'a.xlsx',
      content: bytes,
    });
    expect(result.published).toBe(1);
    const [row] = await t.db.select().from(catalogItems).where(eq(catalogItems.title, '表格导入的信息'));
    expect(row.writtenOn).toBe('2024-06-01');
  });

  it('needs catalog.edit on the agency', async () => {
    await expect(
      importItems(deps(), {
        user: w.outsider,
        agencyId: w.bureau.id,
        filename: 'a.csv',
        content: csv('x,,,,其他文件,20.2,,,,,'),
      }),
    ).rejects.toThrow(/无权/);
  });
});
