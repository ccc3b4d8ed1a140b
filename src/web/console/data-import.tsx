/** @jsxImportSource hono/jsx */
/**
 * 导入已公布的年度报告 (年报数据): a batch of published reports (PDF, DOCX, HTML, TXT…) uploaded in one form,
 * each read outside the serving thread and stored as an imported report; the result, file by file.
 */
import type { Context, Hono } from 'hono';
import { raw } from 'hono/html';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/client.ts';
import { AppError, isAppError } from '../../errors.ts';
import { escapeHtml } from '../../escape-html.ts';
import {
  MAX_UPLOAD_FILES,
  mayUploadReports,
  type UploadResult,
  uploadReports,
} from '../../reports/actions/upload-reports.ts';
import { requireUser } from '../auth.tsx';
import type { AppEnv } from '../env.ts';
import { Csrf, consolePage } from './shell.tsx';

/** The result, file by file: stored with a link, or not with the reason. */
const Results = ({ results }: { results: UploadResult[] }) => {
  const stored = results.filter((r) => r.stored).length;
  return (
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
  );
};

/** Where the streamed page's progress lines go. */
const PROGRESS_MARK = '<!--import-progress-->';

const resultsHtml = async (results: UploadResult[]) => String(await (<Results results={results} />).toString());

export function consoleDataImport(deps: { db: Db; clock: Clock; site: string }) {
  const page = (c: Context<AppEnv>, outcome?: { results?: UploadResult[]; error?: string; progress?: boolean }) => {
    const results = outcome?.results;
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
        {outcome?.progress ? (
          <section aria-labelledby="import-progress-title">
            <h2 id="import-progress-title">导入进度</h2>
            <ol id="import-progress">{raw(PROGRESS_MARK)}</ol>
          </section>
        ) : null}
        {results ? <Results results={results} /> : null}
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
      if (files.length === 0 || files.length > MAX_UPLOAD_FILES)
        return page(c, {
          error: files.length ? `一次最多导入${MAX_UPLOAD_FILES}个文件` : '请选择要导入的报告文件',
        });
      const bytes = await Promise.all(
        files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })),
      );
      // The page is sent as the files are read: its head with an empty progress list, a line per file as it is
      // read (a file takes up to seconds in the sandbox), then the results — the import's progress without script.
      const shell = await (await page(c, { progress: true })).text();
      const [head, tail] = shell.split(PROGRESS_MARK);
      const encoder = new TextEncoder();
      const stream = new ReadableStream<Uint8Array>({
        async start(controller) {
          const send = (html: string) => controller.enqueue(encoder.encode(html));
          send(head);
          try {
            const results = await uploadReports(deps, {
              user,
              files: bytes,
              onRead: (done, total, r) =>
                send(
                  `<li>${done}/${total} ${escapeHtml(r.file)}：${
                    r.reason
                      ? `未能导入（${escapeHtml(r.reason)}）`
                      : `已读取（${escapeHtml(r.issuer ?? '机关未识别')} ${r.year ?? ''}）`
                  }</li>`,
                ),
            });
            send(`</ol>${await resultsHtml(results)}<ol hidden>`);
          } catch (error) {
            const message = isAppError(error) ? error.message : '导入时出现错误，已记录日志';
            if (!isAppError(error)) c.get('log')?.error({ err: error }, 'report upload failed');
            send(`</ol><p class="error" role="alert">${escapeHtml(message)}</p><ol hidden>`);
          }
          send(tail);
          controller.close();
        },
      });
      return new Response(stream, {
        status: 200,
        headers: { 'content-type': 'text/html; charset=UTF-8', 'cache-control': 'no-store' },
      });
    });
  };
}
