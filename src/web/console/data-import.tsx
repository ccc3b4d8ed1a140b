/** @jsxImportSource hono/jsx */
/**
 * 导入已公布的年度报告 (年报数据): a batch of published reports (PDF, DOCX, HTML, TXT…) uploaded in one form,
 * each read outside the serving thread and stored as an imported report; the result, file by file.
 */
import type { Context, Hono } from 'hono';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/client.ts';
import { AppError, isAppError } from '../../errors.ts';
import {
  MAX_UPLOAD_FILES,
  mayUploadReports,
  type UploadResult,
  uploadReports,
} from '../../reports/actions/upload-reports.ts';
import { requireUser } from '../auth.tsx';
import type { AppEnv } from '../env.ts';
import { Csrf, consolePage } from './shell.tsx';

export function consoleDataImport(deps: { db: Db; clock: Clock; site: string }) {
  const page = (c: Context<AppEnv>, outcome?: { results?: UploadResult[]; error?: string }) => {
    const results = outcome?.results;
    const stored = results?.filter((r) => r.stored).length ?? 0;
    return consolePage(
      c,
      deps.site,
      '导入年度报告',
      <>
        <h1>导入已公布的政府信息公开工作年度报告</h1>
        <p class="hint">
          上传各机关已公布的年度报告（PDF、DOCX、HTML、TXT 等，一次最多{MAX_UPLOAD_FILES}
          个文件，合计不超过30MB，每个不超过20MB）。系统逐份识别年度、机关和统计表，并按勾稽关系校验；导入的报告列入门户“年报数据”，供查询、比较和下载。
        </p>
        <form method="post" action="/console/data/import" enctype="multipart/form-data">
          <Csrf c={c} />
          {outcome?.error ? (
            <p class="error" role="alert" id="files-error">
              {outcome.error}
            </p>
          ) : null}
          <label for="files">报告文件</label>
          <input
            id="files"
            name="files"
            type="file"
            multiple
            accept=".pdf,.docx,.doc,.html,.htm,.txt,.xlsx"
            aria-describedby={outcome?.error ? 'files-error' : undefined}
          />
          <p>
            <button type="submit">导入</button>
          </p>
        </form>
        {results ? (
          <section aria-labelledby="import-results">
            <h2 id="import-results">导入结果</h2>
            <p role="status">
              共 {results.length} 个文件，导入 {stored} 份，未导入 {results.length - stored} 个。
            </p>
            <table>
              <thead>
                <tr>
                  <th scope="col">文件</th>
                  <th scope="col">结果</th>
                  <th scope="col">机关</th>
                  <th scope="col">年度</th>
                  <th scope="col">勾稽关系错误</th>
                </tr>
              </thead>
              <tbody>
                {results.map((r) => (
                  <tr>
                    <td>{r.file}</td>
                    <td>
                      {r.stored ? (
                        <a href={`/data/${r.reportId}`}>已导入</a>
                      ) : (
                        <span class="tag overdue">{`未导入：${r.reason ?? ''}`}</span>
                      )}
                    </td>
                    <td>{r.issuer ?? '（未识别）'}</td>
                    <td>{r.year ?? ''}</td>
                    <td class="num">{r.errorCount ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ) : null}
      </>,
      outcome?.error ? 400 : 200,
    );
  };

  const uploader = (c: Context<AppEnv>) => {
    const user = requireUser(c);
    if (!mayUploadReports(user)) throw new AppError('forbidden', '无权导入年度报告');
    return user;
  };

  return (app: Hono<AppEnv>) => {
    app.get('/console/data/import', (c) => {
      uploader(c);
      return page(c);
    });

    app.post('/console/data/import', async (c) => {
      const user = uploader(c);
      const body = await c.req.parseBody({ all: true });
      const sent = body.files;
      const files = (Array.isArray(sent) ? sent : sent ? [sent] : []).filter(
        (f): f is File => typeof f !== 'string' && f.size > 0,
      );
      try {
        const results = await uploadReports(deps, {
          user,
          files: await Promise.all(
            files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })),
          ),
        });
        return page(c, { results });
      } catch (error) {
        if (isAppError(error) && error.code === 'bad_input') return page(c, { error: error.message });
        throw error;
      }
    });
  };
}
