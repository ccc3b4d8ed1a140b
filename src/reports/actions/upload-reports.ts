/**
 * 上传已公布的年度报告 (the console's 年报数据 import): each uploaded document read in the sandbox, outside the
 * serving thread (src/extract/sandboxed.ts: zip checked, time and memory budget), then the readable ones stored
 * by `importReports` in one batch. The result says, file by file, what was stored and why a file was not.
 * Who may: a report editor (report.edit) or an administrator (user.manage); the data are public research data.
 */
import { ROLE_PERMISSIONS, type SessionUser } from '../../auth/roles.ts';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import type { ExtractionOutput } from '../../extract/pipeline.ts';
import { extractBufferSandboxed, extractSandbox } from '../../extract/sandboxed.ts';
import { safeFilename } from '../../files.ts';
import type { Sandbox } from '../../sandbox/run.ts';
import { importReports } from './import-reports.ts';

export const MAX_UPLOAD_FILES = 20;

export interface UploadResult {
  file: string;
  stored: boolean;
  reportId?: number;
  issuer?: string | null;
  year?: number | null;
  errorCount?: number;
  /** Why the file was not stored, in words for the user. */
  reason?: string;
}

/** One sandbox for the uploads of this process, started at the first upload. */
let shared: Sandbox | undefined;

export const mayUploadReports = (user: SessionUser) =>
  ROLE_PERMISSIONS[user.role].has('report.edit') || ROLE_PERMISSIONS[user.role].has('user.manage');

export async function uploadReports(
  deps: { db: Db; clock: Clock; sandbox?: Sandbox },
  input: {
    user: SessionUser;
    files: { name: string; bytes: Uint8Array }[];
    /** Told as each file has been read (its place, how many, what was read), before the batch is stored. */
    onRead?: (done: number, total: number, result: UploadResult) => void | Promise<void>;
  },
): Promise<UploadResult[]> {
  if (!mayUploadReports(input.user)) throw new AppError('forbidden', '无权导入年度报告');
  if (input.files.length === 0) throw new AppError('bad_input', '请选择要导入的报告文件', { field: 'files' });
  if (input.files.length > MAX_UPLOAD_FILES)
    throw new AppError('bad_input', `一次最多导入${MAX_UPLOAD_FILES}个文件`, { field: 'files' });
  if (!deps.sandbox) shared ??= extractSandbox();
  const sandbox = deps.sandbox ?? (shared as Sandbox);
  const results: UploadResult[] = [];
  const readable: { result: UploadResult; output: ExtractionOutput }[] = [];
  for (const f of input.files) {
    const file = safeFilename(f.name) || '（未命名文件）';
    try {
      const output = await extractBufferSandboxed(sandbox, f.bytes, file);
      const result: UploadResult = {
        file,
        stored: false,
        issuer: output.issuer,
        year: output.year,
        errorCount: output.findings.filter((x) => x.severity === 'error').length,
      };
      results.push(result);
      if (output.year === null) result.reason = '未能识别报告年度';
      else readable.push({ result, output: { ...output, source: file } });
    } catch (error) {
      if (!(error instanceof Error) || error.name !== 'UnreadableError') throw error;
      // The reader's reasons end with their English gloss in brackets: the user reads the Chinese.
      results.push({ file, stored: false, reason: error.message.replace(/\s*\([^()]*\)\s*$/, '') });
    }
    await input.onRead?.(results.length, input.files.length, results[results.length - 1]);
  }
  const ids = await importReports(
    { db: deps.db, now: deps.clock.now() },
    { actorId: input.user.id, outputs: readable.map((r) => r.output) },
  );
  readable.forEach((r, i) => {
    r.result.stored = true;
    r.result.reportId = ids[i];
  });
  return results;
}
