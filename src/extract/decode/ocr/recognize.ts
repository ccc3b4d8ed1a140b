/**
 * One page image → the text boxes on it, each with its text and a probability per character.
 * Detection: PP-OCRv4 det (DB) on the page scaled to multiples of 32, its probability map thresholded, boxes
 * found, unclipped and cropped by @gutenye/ocr-common (OpenCV); recognition: PP-OCRv4 rec on each crop at a
 * height of 48 px, decoded by ./ctc.ts.
 */
import { readFileSync } from 'node:fs';
import { ctcDecode } from './ctc.ts';
import { loadOcr, type OcrComponents, optional } from './load.ts';

export interface RgbaImage {
  data: Uint8Array | Uint8ClampedArray;
  width: number;
  height: number;
}

/** A text box on the page, in the page image's pixels. */
export interface OcrBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  text: string;
  charConfidences: number[];
}

/** DB's probability above which a pixel is text (PaddleOCR's det_db_thresh). */
export const DET_PIXEL_THRESHOLD = 0.3;
/** The detector's input is at most this many pixels on its long side (PaddleOCR limits to 960 for photos; a table page needs more). */
export const DET_MAX_SIDE = 2400;
/** The recogniser's input height (PP-OCRv4 rec: 3×48×W). */
const REC_HEIGHT = 48;
const BASE = 32;

interface Engine {
  c: OcrComponents;
  det: import('onnxruntime-node').InferenceSession;
  rec: import('onnxruntime-node').InferenceSession;
  dictionary: string[];
}

let engine: Promise<Engine> | undefined;

function loadEngine(): Promise<Engine> {
  engine ??= (async () => {
    const c = await loadOcr();
    const opts = { intraOpNumThreads: 1, interOpNumThreads: 1 };
    const det = await c.ort.InferenceSession.create(c.models.detectionPath, opts);
    const rec = await c.ort.InferenceSession.create(c.models.recognitionPath, opts);
    const dictionary = [...readFileSync(c.models.dictionaryPath, 'utf8').split('\n'), ' '];
    return { c, det, rec, dictionary };
  })();
  engine.catch(() => {
    engine = undefined;
  });
  return engine;
}

/** Loads the models (seconds on a busy machine), so a caller can report that step done before the first page. */
export async function prepareOcr(): Promise<void> {
  await loadEngine();
}

function resize(c: OcrComponents, image: RgbaImage, width: number, height: number): RgbaImage {
  const src = c.canvas.createCanvas(image.width, image.height);
  src
    .getContext('2d')
    .putImageData(new c.canvas.ImageData(new Uint8ClampedArray(image.data), image.width, image.height), 0, 0);
  const dst = c.canvas.createCanvas(width, height);
  const ctx = dst.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  ctx.drawImage(src, 0, 0, width, height);
  const out = ctx.getImageData(0, 0, width, height);
  return { data: out.data, width, height };
}

/** RGBA → the model's planar B, G, R input, each channel as (x/255 − mean) / std. */
function planes(image: RgbaImage, mean: number[], std: number[]): Float32Array {
  const n = image.width * image.height;
  const out = new Float32Array(3 * n);
  for (let i = 0; i < n; i++) {
    const p = i * 4;
    out[i] = (image.data[p + 2] / 255 - mean[0]) / std[0];
    out[n + i] = (image.data[p + 1] / 255 - mean[1]) / std[1];
    out[2 * n + i] = (image.data[p] / 255 - mean[2]) / std[2];
  }
  return out;
}

async function detect(e: Engine, image: RgbaImage): Promise<Array<{ box: number[][]; image: RgbaImage }>> {
  const scale = Math.min(1, DET_MAX_SIDE / Math.max(image.width, image.height));
  const w = Math.max(BASE, Math.round((image.width * scale) / BASE) * BASE);
  const h = Math.max(BASE, Math.round((image.height * scale) / BASE) * BASE);
  const input = resize(e.c, image, w, h);
  const tensor = new e.c.ort.Tensor('float32', planes(input, [0.406, 0.456, 0.485], [0.225, 0.224, 0.229]), [
    1,
    3,
    h,
    w,
  ]);
  const out = await e.det.run({ [e.det.inputNames[0]]: tensor });
  const map = out[e.det.outputNames[0]].data as Float32Array;
  const binary = new Uint8Array(w * h * 4);
  for (let i = 0; i < w * h; i++) {
    const v = map[i] > DET_PIXEL_THRESHOLD ? 255 : 0;
    binary[i * 4] = v;
    binary[i * 4 + 1] = v;
    binary[i * 4 + 2] = v;
    binary[i * 4 + 3] = 255;
  }
  const found = await e.c.splitIntoLineImages({ data: binary, width: w, height: h }, input);
  const sx = image.width / w;
  const sy = image.height / h;
  return found.map((f) => ({ box: f.box.map(([x, y]) => [x * sx, y * sy]), image: f.image }));
}

async function recognize(e: Engine, crop: RgbaImage): Promise<{ text: string; charConfidences: number[] }> {
  const w = Math.max(BASE / 4, Math.round((crop.width * REC_HEIGHT) / Math.max(1, crop.height)));
  const input = resize(e.c, crop, w, REC_HEIGHT);
  const tensor = new e.c.ort.Tensor('float32', planes(input, [0.5, 0.5, 0.5], [0.5, 0.5, 0.5]), [1, 3, REC_HEIGHT, w]);
  const out = await e.rec.run({ [e.rec.inputNames[0]]: tensor });
  const t = out[e.rec.outputNames[0]];
  const [, steps, classes] = t.dims as number[];
  return ctcDecode(t.data as Float32Array, steps, classes, e.dictionary);
}

/** The text boxes of one page image, in no particular order (./rows.ts puts them in reading order). */
export async function recognizeImage(image: RgbaImage): Promise<OcrBox[]> {
  const e = await loadEngine();
  const boxes: OcrBox[] = [];
  for (const found of await detect(e, image)) {
    const { text, charConfidences } = await recognize(e, found.image);
    if (!text.trim()) continue;
    const xs = found.box.map((p) => p[0]);
    const ys = found.box.map((p) => p[1]);
    boxes.push({
      x0: Math.min(...xs),
      y0: Math.min(...ys),
      x1: Math.max(...xs),
      y1: Math.max(...ys),
      text,
      charConfidences,
    });
  }
  return boxes;
}

/** Pixels on white: a transparent PNG is read as printed on paper. */
function onWhite(data: Uint8Array, width: number, height: number): RgbaImage {
  for (let p = 0; p < data.length; p += 4) {
    const a = data[p + 3] / 255;
    if (a === 1) continue;
    for (let k = 0; k < 3; k++) data[p + k] = Math.round(data[p + k] * a + 255 * (1 - a));
    data[p + 3] = 255;
  }
  return { data, width, height };
}

/** A scan of a few pages at 300 dpi stays below this; a larger picture is refused before it is decoded. */
export const MAX_IMAGE_PIXELS = 60_000_000;

/**
 * A PNG or JPEG → RGBA pixels, decoded in JavaScript (pngjs, jpeg-js): a broken or hostile file ends in an
 * exception, where the native canvas decoder would crash the process.
 */
export async function decodeImage(bytes: Uint8Array): Promise<RgbaImage> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer[0] === 0x89) {
    const { PNG } = await optional('pngjs', () => import('pngjs'));
    const png = PNG.sync.read(buffer);
    if (png.width * png.height > MAX_IMAGE_PIXELS) throw new Error('image too large');
    return onWhite(new Uint8Array(png.data), png.width, png.height);
  }
  const jpeg = await optional('jpeg-js', () => import('jpeg-js'));
  const img = jpeg.decode(buffer, { useTArray: true, formatAsRGBA: true, maxResolutionInMP: MAX_IMAGE_PIXELS / 1e6 });
  return onWhite(img.data, img.width, img.height);
}
