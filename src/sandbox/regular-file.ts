/**
 * A file read only when it is a regular file within its size: a FIFO would wait for a writer forever and
 * /dev/zero never ends (issue #19: both, named directly, ran past 60 s or 6 GB). Opened without blocking, then
 * checked on the open descriptor, so what is read is what was checked. The synchronous form is for the
 * sandbox's worker, which reads a batch's files itself (nothing else waits on its thread).
 */
import { closeSync, constants, promises as fs, fstatSync, openSync, readSync, type Stats } from 'node:fs';

export class FileRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FileRefused';
  }
}

function cannotOpen(error: unknown): FileRefused {
  const code = (error as NodeJS.ErrnoException).code ?? 'error';
  const why = code === 'ENOENT' ? '文件不存在' : code === 'EACCES' ? '没有读取权限' : '无法读取文件';
  return new FileRefused(`${why} (cannot read file: ${code})`);
}

function checkStat(stat: Stats, maxBytes: number): void {
  if (stat.isDirectory()) throw new FileRefused('是目录 (cannot read file: EISDIR)');
  if (!stat.isFile()) throw new FileRefused('不是普通文件（管道、设备等），不读取 (not a regular file)');
  if (stat.size > maxBytes)
    throw new FileRefused(`文件过大 (file too large: ${Math.round(stat.size / 1024 / 1024)} MB)`);
}

const OPEN_FLAGS = constants.O_RDONLY | constants.O_NONBLOCK;

export async function readRegularFile(path: string, maxBytes: number): Promise<Buffer> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(path, OPEN_FLAGS);
  } catch (error) {
    throw cannotOpen(error);
  }
  try {
    const stat = await handle.stat();
    checkStat(stat, maxBytes);
    const bytes = Buffer.alloc(stat.size);
    let at = 0;
    while (at < stat.size) {
      const { bytesRead } = await handle.read(bytes, at, stat.size - at, at);
      if (bytesRead === 0) break;
      at += bytesRead;
    }
    return at === stat.size ? bytes : bytes.subarray(0, at);
  } finally {
    await handle.close();
  }
}

export function readRegularFileSync(path: string, maxBytes: number): Buffer {
  let fd: number;
  try {
    fd = openSync(path, OPEN_FLAGS);
  } catch (error) {
    throw cannotOpen(error);
  }
  try {
    const stat = fstatSync(fd);
    checkStat(stat, maxBytes);
    const bytes = Buffer.alloc(stat.size);
    let at = 0;
    while (at < stat.size) {
      const bytesRead = readSync(fd, bytes, at, stat.size - at, at);
      if (bytesRead === 0) break;
      at += bytesRead;
    }
    return at === stat.size ? bytes : bytes.subarray(0, at);
  } finally {
    closeSync(fd);
  }
}
