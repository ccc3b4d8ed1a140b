/**
 * What a document is, from its content: the template its tables follow, the year it reports on, the body
 * that issued it.
 */
import type { TemplateId } from '../../report/model.ts';
import { templateForYear } from '../../report/templates/index.ts';

const NEW2021_MARKS = [
  '本年制发件数',
  '本年废止件数',
  '现行有效件数',
  '本年收费金额',
  '本年处理决定数量',
  '逾期不补正',
];
const NEW2019_MARKS = [
  '本年新制作数量',
  '本年新公开数量',
  '对外公开总数量',
  '上一年项目数量',
  '本年增/减',
  '采购项目数量',
];
const NEW_MARKS = ['申请人情况', '本年新收政府信息公开申请数量', '上年结转政府信息公开申请数量', '结转下年度继续办理'];
const OLD_MARKS = [
  '统计指标',
  '收到申请数',
  '申请办结数',
  '申请答复数',
  '主动公开政府信息数',
  '不同意公开答复数',
  '按时办结数',
];

export interface Detected {
  format: TemplateId;
  hasTable: boolean;
  year: number | null;
}

const count = (text: string, marks: string[]) => marks.filter((m) => text.includes(m)).length;

export function detectTemplate(compact: string, year: number | null): Detected {
  const n21 = count(compact, NEW2021_MARKS);
  const n19 = count(compact, NEW2019_MARKS);
  const nNew = count(compact, NEW_MARKS);
  const nOld = count(compact, OLD_MARKS);
  if (n21 + n19 + nNew >= 2 && n21 + n19 + nNew >= nOld) {
    const format: TemplateId =
      n21 > n19 ? 'new2021' : n19 > n21 ? 'new2019' : year && year <= 2020 ? 'new2019' : 'new2021';
    return { format, hasTable: true, year };
  }
  if (nOld >= 2) return { format: 'old2008', hasTable: true, year };
  return { format: templateForYear(year ?? 2021), hasTable: false, year };
}

// One run for the spaces around 度, not `\s*度?\s*`: two runs split a long run of spaces every way (issue #19).
const TITLE_YEAR = /(20\d\d)\s*年[\s度]*(?:政府信息公开|政务公开|信息公开)/;
/** The year before the name: `2019年度宁波市人民政府政府信息公开工作年度报告`. */
const TITLE_YEAR_FIRST =
  /(20\d\d)\s*年度?\s*([\u4e00-\u9fa5]{2,30}?)(?:政府信息公开|政务公开|信息公开)(?:工作)?(?:年度)?(?:报告|年报)/;
const PERIOD_YEAR = /(?:统计期限|统计时限|数据统计)[^0-9]{0,12}(20\d\d)/;
const PAREN_YEAR = /[（(]\s*(20\d\d)\s*年度?\s*[)）]/;
/**
 * Last resort, when the title is missing or damaged: the year a report's body opens its account with
 * (`2020年，我街…`, `2019年度，本局…`), at the start of one of its first lines.
 */
const BODY_YEAR = /^\s*(20\d\d)\s?年度?[，,]/;
const BODY_YEAR_LINES = 60;

/** Chinese numerals of a year, by position: 〇○零ＯO are 0, 一…九 are 1…9. */
const CN_ZERO = '〇○零ＯO';
const CN_DIGITS = '一二三四五六七八九';
const cnDigit = (c: string) => (CN_ZERO.includes(c) ? '0' : String(CN_DIGITS.indexOf(c) + 1));
const CN_YEAR = /二[〇○零ＯO][一二三四五六七八九〇○零ＯO]{2}(?=\s*年)/g;

/** `二〇一九年` → `2019年` (titles and dates written in Chinese numerals). */
export function chineseYears(line: string): string {
  if (!line.includes('年') || !line.includes('二')) return line;
  return line.replace(CN_YEAR, (m) => [...m].map(cnDigit).join(''));
}

export function detectYear(lines: string[]): number | null {
  for (const re of [TITLE_YEAR, TITLE_YEAR_FIRST, PERIOD_YEAR, PAREN_YEAR]) {
    for (const line of lines.slice(0, 400)) {
      const m = re.exec(line);
      if (m) return Number(m[1]);
    }
  }
  for (const line of lines.slice(0, BODY_YEAR_LINES)) {
    const m = BODY_YEAR.exec(line);
    if (m) return Number(m[1]);
  }
  return null;
}

const BODY =
  /([\u4e00-\u9fa5]{2,20}?(?:人民政府办公室|人民政府办公厅|人民政府|办事处|委员会|管委会|管理局|局|厅|委|办公室|中心|院|署))$/;
const PLACE = /[\u4e00-\u9fa5]{1,12}(?:省|市|县|区|镇|乡|旗|街道)$/;
const GOVERNMENT_MENTION = /([\u4e00-\u9fa5]{2,14}?(?:镇|乡|街道|县|市|区|旗)(?:人民政府|办事处))/;

const GENERIC_BODY = /^(?:省|市|县|区|镇|乡|旗|街道)?(?:人民政府|办事处)?(?:办公室|办公厅)?$/;

/** A crawler's or an archive's field name before the title (`标题: 平潭综合实验区管委会2014年度…`). */
const FIELD_NAME = /^(?:文章)?(?:标题|题目|题名|名称|主题)[:：]/;

/** What a sentence says before the body's name (`根据《条例》规定，现将`): cut at its last punctuation. */
const SENTENCE_LEAD = /^.*[，,。；;：:》>]/;
const LEAD_WORDS = /^(?:现将|现|特将|特|兹将|兹|由)/;

function cleanPrefix(prefix: string): string {
  return prefix
    .replace(FIELD_NAME, '')
    .replace(SENTENCE_LEAD, '')
    .replace(LEAD_WORDS, '')
    .replace(/^.*[《<]/, '')
    .replace(/^[^\u4e00-\u9fa5]+/, '')
    .replace(/(关于|发布|公布|特向社会公布)/g, '')
    .trim();
}

/**
 * A title that names only a place (`平潭综合实验区2011年…`): the body the text itself names after it — a
 * 管委会 or 管理委员会 of a 实验区 or 开发区 has no 人民政府, so none is invented — else the place's
 * 人民政府 (a 街道's 办事处).
 */
function completePlace(place: string, text: string): string {
  const named = new RegExp(`${place}(管理委员会|管委会|人民政府|办事处)`).exec(text.replace(/\s+/g, ''));
  if (named) return place + named[1];
  return place + (place.endsWith('街道') ? '办事处' : '人民政府');
}

/** The issuing body: the name before the year in the title, completed from the body text. */
export function detectIssuer(lines: string[], year: number | null): string | null {
  const parts: string[] = [];
  let size = 0;
  for (const line of lines) {
    if (size > 30_000) break;
    parts.push(line);
    size += line.length + 1;
  }
  const text = parts.join('\n').slice(0, 30_000);
  const titleIndex = lines.findIndex((l, i) => i < 400 && TITLE_YEAR.test(l));
  let name = '';
  if (titleIndex >= 0) {
    const line = lines[titleIndex];
    name = cleanPrefix(line.slice(0, TITLE_YEAR.exec(line)!.index).replace(/\s+/g, ''));
    if (!name) {
      // The name may stand alone on the line above the title (PDF layouts).
      for (let i = titleIndex - 1; i >= Math.max(0, titleIndex - 3); i--) {
        const above = lines[i].replace(/\s+/g, '');
        if (!above || /^-?\d+-?$/.test(above)) continue;
        if (BODY.test(above)) name = cleanPrefix(above);
        break;
      }
    }
  }
  if (!name) {
    for (const line of lines.slice(0, 400)) {
      const m = TITLE_YEAR_FIRST.exec(line.replace(/\s+/g, ''));
      if (m && BODY.test(m[2])) {
        name = m[2];
        break;
      }
    }
  }
  if (name && PLACE.test(name)) name = completePlace(name, text);
  if (name && year) {
    // A fuller form of the same name printed before the year elsewhere (南充市 + 高坪区人民政府办公室).
    const flat = text.replace(/\s+(?=\d)/g, '');
    const fuller = /([\u4e00-\u9fa5]{1,8}(?:省|市|州|盟))$/;
    for (let at = flat.indexOf(name + year); at >= 0; at = flat.indexOf(name + year, at + 1)) {
      const before = fuller.exec(flat.slice(Math.max(0, at - 8), at));
      if (before && flat[at + name.length + String(year).length] === '年') {
        name = before[1] + name;
        break;
      }
    }
  }
  if (GENERIC_BODY.test(name)) name = ''; // the place name was lost (`XX乡人民政府` → `乡人民政府`)
  if (!name || !BODY.test(name)) {
    const mention = GOVERNMENT_MENTION.exec(text.slice(0, 5000));
    if (mention) name = mention[1];
  }
  return name || null;
}
