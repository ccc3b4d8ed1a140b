/**
 * Figures stated in sentences (`全年主动公开政府信息170条`, `未收到政府信息公开申请`). In a narrative-only
 * report they are the values; where there is a table they are statements the rule text.table_mismatch
 * compares with it.
 */
import type { Statement } from '../../report/check.ts';
import type { TemplateId } from '../../report/model.ts';

interface Pattern {
  re: RegExp;
  /** The key per template family; absent where the template has no such cell. */
  key: { old?: string; new?: string };
  /** A fixed value (未收到 … → 0) or the first group. */
  value?: number;
  /** The key is itself a part (`其中当面申请18件`, `兼职人员1人`): a 其中 before it does not make it one. */
  part?: boolean;
}

const PATTERNS: Pattern[] = [
  {
    re: /主动公开(?:了)?(?:各类|各项)?(?:政府|政务)信息(?:共)?\s*(\d+)\s*条/,
    key: { old: 'proactive.total' },
  },
  {
    re: /(?:收到|受理)(?:了)?(?:政府信息公开申请|依申请公开(?:申请|信息)?)(?:共|计)?\s*(\d+)\s*[件条]/,
    key: { old: 'apply.received', new: 'apply.received.total' },
  },
  {
    // `共收到各类政府信息公开申请21条，其中当面申请18条`: the whole, named by 共.
    re: /共(?:收到|受理)(?:了)?[^。，,；;\d]{0,12}?(?:信息公开|依申请公开)[^。，,；;\d]{0,6}?申请(?:共|计)?\s*(\d+)\s*[件条]/,
    key: { old: 'apply.received', new: 'apply.received.total' },
  },
  {
    // `行政复议0件`, `收到行政复议申请2件`, `发生行政复议案件1起`.
    re: /行政复议(?:申请|案件)?(?:共|计)?\s*(\d+)\s*[件起宗]/,
    key: { old: 'review.total', new: 'review.total' },
  },
  { re: /行政诉讼(?:案件)?(?:共|计)?\s*(\d+)\s*[件起宗]/, key: { old: 'litigation.total' } },
  // The channels of the old table's 收到申请数 (`其中当面申请18条，网上申请3条`, `网上申请数3条`).
  { re: /当面(?:提出)?申请数?(?:共|计)?\s*(\d+)\s*[件条]/, key: { old: 'apply.received.in_person' }, part: true },
  { re: /传真申请数?(?:共|计)?\s*(\d+)\s*[件条]/, key: { old: 'apply.received.fax' }, part: true },
  { re: /(?:网络|网上|在线)申请数?(?:共|计)?\s*(\d+)\s*[件条]/, key: { old: 'apply.received.online' }, part: true },
  { re: /信函申请数?(?:共|计)?\s*(\d+)\s*[件条]/, key: { old: 'apply.received.letter' }, part: true },
  // Staff (`专职人员1人，兼职人员3人`, `兼职工作人员2名`, `没有从事政府信息公开工作的全职人员`).
  { re: /(?:专职|全职)(?:工作)?人员(?:共|计|有)?\s*(\d+)\s*[人名]/, key: { old: 'org.staff.full_time' }, part: true },
  {
    re: /(?:没有|无)(?:从事[^。，,；;\d]{0,20}?的)?(?:专职|全职)(?:工作)?人员/,
    key: { old: 'org.staff.full_time' },
    value: 0,
    part: true,
  },
  { re: /兼职(?:工作)?人员(?:共|计|有)?\s*(\d+)\s*[人名]/, key: { old: 'org.staff.part_time' }, part: true },
  {
    re: /未(?:收到|受理)(?:过)?(?:任何)?(?:政府信息公开|依申请公开)(?:的)?申请/,
    key: { old: 'apply.received', new: 'apply.received.total' },
    value: 0,
  },
  { re: /未(?:向[^。，,]{0,20})?收取(?:任何)?[^。]{0,30}费用/, key: { old: 'fees' }, value: 0 },
  {
    re: /(?:未发生|未收到|没有发生|无(?!正当|法|论|力|效))[^。\d]{0,40}?行政复议/,
    key: { old: 'review.total', new: 'review.total' },
    value: 0,
  },
  { re: /(?:未发生|未收到|没有发生)[^。\d]{0,40}?行政诉讼/, key: { old: 'litigation.total' }, value: 0 },
];

/** Each pattern's global form, compiled once (matchAll needs the g flag). */
const GLOBAL = new Map(PATTERNS.map((p) => [p, new RegExp(p.re.source, 'g')]));

/**
 * A figure of a part, not of the whole the key counts: its clause names a part (`其中，区直各部门主动公开
 * 政府信息1687条，占66%`, `各乡镇…856条`) or the figure is followed by its share (`，占34%`).
 */
const PART_SUBJECT = /其中|各(?:乡镇|乡|镇|街道|部门|单位|县|区|市)|(?:区直|县直|市直|省直)|乡镇|下属/;
const SHARE_AFTER = /^[，,]?\s*占/;

function isPart(joined: string, at: number, length: number): boolean {
  const before = joined.slice(Math.max(0, at - 40), at);
  const sentence = before.slice(
    Math.max(before.lastIndexOf('。'), before.lastIndexOf('；'), before.lastIndexOf(';')) + 1,
  );
  // The subject is the phrase the figure ends: units listed earlier in the sentence, before a comma, are who
  // did the work (`区直各部门、各乡镇…进行了梳理和编目，2012年主动公开政府信息1913条`), not a part.
  const cut = Math.max(sentence.lastIndexOf('，'), sentence.lastIndexOf(','));
  const phrase = sentence.slice(cut + 1);
  const afterQizhong = /其中\s*$/.test(sentence.slice(0, Math.max(0, cut)));
  return PART_SUBJECT.test(phrase) || afterQizhong || SHARE_AFTER.test(joined.slice(at + length, at + length + 4));
}

/** Narrative beyond this many characters is not read for figures (a report is far shorter). */
const MAX_TEXT = 2_000_000;

/** Sentences run across lines in PDFs and wrapped text, so the lines are read joined. */
export function findStatements(lines: string[], format: TemplateId): (Statement & { line: number })[] {
  const family = format === 'old2008' ? 'old' : 'new';
  const starts: number[] = [];
  let joined = '';
  for (const raw of lines) {
    starts.push(joined.length);
    if (joined.length > MAX_TEXT) break;
    joined += raw.length > 20_000 ? '' : raw.trim().replace(/\s+(?=\d)|(?<=\d)\s+/g, '');
  }
  const lineAt = (offset: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  const out: (Statement & { line: number })[] = [];
  for (const p of PATTERNS) {
    const key = p.key[family];
    if (!key) continue;
    for (const m of joined.matchAll(GLOBAL.get(p) as RegExp)) {
      if (p.value === undefined && !p.part && isPart(joined, m.index ?? 0, m[0].length)) continue;
      out.push({ key, value: p.value ?? Number(m[1]), line: lineAt(m.index ?? 0), text: m[0] });
    }
  }
  // Two wordings of one sentence (`共收到政府信息公开申请12件`) state one figure.
  const seen = new Set<string>();
  return out
    .filter((st) => {
      const id = `${st.key}|${st.value}|${st.line}`;
      return !seen.has(id) && seen.add(id);
    })
    .sort((a, b) => a.line - b.line);
}
