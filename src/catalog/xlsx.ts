/**
 * XLSX for 保密审查: its text for search and detection (exceljs: every sheet, hidden ones too, one line per
 * row with cells joined by tabs; shared and inline strings, rich text joined, formula results, numbers as
 * JavaScript writes them — an ID or card number is often kept as a number; headers, footers, notes and the
 * document properties), and
 * 脱敏 in the workbook's own XML: shared strings, inline strings and formula strings are masked where each
 * digit sits; a numeric cell whose number is a finding becomes an inline string holding the masked number
 * (its formula, if any, dropped). Everything else of the file stays as stored.
 */
import type { CellValue, Workbook } from 'exceljs';
import { maskXmlPieces, openPackage, type TextSpec, writePackage, xmlTextNodes, xmlTexts } from './ooxml.ts';
import { findPersonalData, maskPersonalData } from './pii.ts';

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A number as the text is read for detection, the same whether exceljs or the masker reads it. */
export const numberText = (n: number) => (Number.isFinite(n) ? String(n) : '');

function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('formula' in value || 'sharedFormula' in value)
    return 'result' in value && value.result !== undefined ? cellText(value.result as CellValue) : '';
  if ('text' in value) return typeof value.text === 'string' ? value.text : cellText(value.text as CellValue);
  return '';
}

function noteText(note: unknown): string {
  if (typeof note === 'string') return note;
  const texts = (note as { texts?: { text?: string }[] } | undefined)?.texts;
  return texts ? texts.map((t) => t.text ?? '').join('') : '';
}

/** The text of a workbook: per sheet its name, then its rows; headers, footers and notes after the rows. */
export async function xlsxText(bytes: Uint8Array): Promise<string> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook: Workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const lines: string[] = [];
  const w = workbook as Workbook & { company?: string; manager?: string };
  const properties = [w.title, w.subject, w.creator, w.lastModifiedBy, w.keywords, w.description, w.company, w.manager];
  workbook.eachSheet((sheet) => {
    lines.push(sheet.name);
    const notes: string[] = [];
    sheet.eachRow({ includeEmpty: false }, (row) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell) => {
        cells[Number(cell.col) - 1] = cellText(cell.value);
        const note = noteText(cell.note);
        if (note) notes.push(note);
      });
      lines.push(Array.from(cells, (c) => c ?? '').join('\t'));
    });
    const hf = sheet.headerFooter ?? {};
    for (const key of ['oddHeader', 'oddFooter', 'evenHeader', 'evenFooter', 'firstHeader', 'firstFooter'] as const) {
      if (hf[key]) lines.push(hf[key] as string);
    }
    lines.push(...notes, '');
  });
  lines.push(...properties.filter((p): p is string => typeof p === 'string' && p !== ''));
  return lines.join('\n').trim();
}

const STRINGS: TextSpec = { text: new Set(['t']), breaks: new Set(['si', 'is', 'c']), skip: new Set(['rPh']) };
const COMMENTS: TextSpec = { text: new Set(['t']), breaks: new Set(['comment']), skip: new Set(['rPh']) };
const THREADED: TextSpec = { text: new Set(['text']), breaks: new Set(['threadedComment']) };
const DRAWING: TextSpec = { text: new Set(['a:t']), breaks: new Set(['a:p']) };
const HEADER_FOOTER = new Set(['oddHeader', 'oddFooter', 'evenHeader', 'evenFooter', 'firstHeader', 'firstFooter']);
const HEADERS: TextSpec = { text: HEADER_FOOTER, breaks: HEADER_FOOTER };
const FORMULA_STRING: TextSpec = { text: new Set(['v']), breaks: new Set(['c']) };

const CELL = /<c\b((?:[^>"']|"[^"]*"|'[^']*')*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
const TYPE_ATTRIBUTE = /\st\s*=\s*(?:"([^"]*)"|'([^']*)')/;
const VALUE = /<v(?:\s[^>]*)?>([^<]*)<\/v>/;

const escapeXml = (s: string) =>
  s.replace(/[&<>]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[ch] as string);
const unescapeXml = (s: string) =>
  s.replace(
    /&(amp|lt|gt|quot|apos);/g,
    (_m, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[e] as string,
  );

/** A worksheet's cells: numbers that are findings become masked inline strings; formula strings masked. */
function maskCells(xml: string): string {
  return xml.replace(CELL, (cell, attrs: string, content: string | undefined) => {
    if (content === undefined) return cell;
    const typeMatch = TYPE_ATTRIBUTE.exec(attrs);
    const type = typeMatch ? (typeMatch[1] ?? typeMatch[2]) : 'n';
    if (type === 'str') return maskXmlPieces(cell, xmlTexts(cell, FORMULA_STRING));
    if (type !== 'n') return cell;
    const value = VALUE.exec(content)?.[1];
    if (value === undefined) return cell;
    const text = numberText(Number(unescapeXml(value).trim()));
    if (findPersonalData(text).length === 0) return cell;
    const kept = typeMatch ? attrs.replace(typeMatch[0], '') : attrs;
    return `<c${kept} t="inlineStr"><is><t>${escapeXml(maskPersonalData(text))}</t></is></c>`;
  });
}

/** One XML part of an XLSX with every finding masked (parts holding no text are returned as they are). */
export function maskXlsxPart(name: string, xml: string): string {
  if (name === 'xl/sharedStrings.xml') return maskXmlPieces(xml, xmlTexts(xml, STRINGS));
  if (/^xl\/worksheets\/[^/]+\.xml$/.test(name)) {
    const cells = maskCells(xml);
    const strings = maskXmlPieces(cells, xmlTexts(cells, STRINGS));
    return maskXmlPieces(strings, xmlTexts(strings, HEADERS));
  }
  if (/^xl\/comments[^/]*\.xml$/.test(name)) return maskXmlPieces(xml, xmlTexts(xml, COMMENTS));
  if (/^xl\/threadedComments\/[^/]+\.xml$/.test(name)) return maskXmlPieces(xml, xmlTexts(xml, THREADED));
  if (/^xl\/drawings\/[^/]+\.xml$/.test(name)) return maskXmlPieces(xml, xmlTexts(xml, DRAWING));
  if (/^docProps\/(core|app|custom)\.xml$/.test(name)) return maskXmlPieces(xml, xmlTextNodes(xml));
  return xml;
}

/** The XLSX with personal data masked, or null when nothing needed masking (the file is left as it is). */
export async function maskXlsx(bytes: Uint8Array): Promise<Uint8Array | null> {
  const pkg = await openPackage(bytes);
  const changed = new Map<string, string>();
  for (const name of pkg.names) {
    if (!name.endsWith('.xml')) continue;
    const xml = await pkg.read(name);
    if (xml === null) continue;
    const masked = maskXlsxPart(name, xml);
    if (masked !== xml) changed.set(name, masked);
  }
  return changed.size ? writePackage(pkg, changed) : null;
}
