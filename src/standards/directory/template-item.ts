/**
 * One seed item of the 基层政务公开标准目录 and the helpers the area files (templates-*.ts) build them with.
 *
 * Confidence tags at the end of `source` (the convention of templates.ts):
 *   [V] read in a county or 乡镇 目录 on that government's own site (URL given);
 *   [C] read in a copy of a county 目录 on a non-government host that names the county (URL given): the
 *       wording agrees with the [V] 目录 of other areas, but the county's own page was not read;
 *   [R] recalled, not read: check against the area's 指引 before relying on it.
 * Wording is abridged from the 目录, not copied; 公开主体 is written generically (“县应急管理局”), and a unit
 * adopting an item edits its own copy.
 */

export interface StandardItemTemplate {
  key: string;
  area: string;
  level1: string;
  level2: string;
  content: string;
  basis: string;
  timeLimit: string;
  subject: string;
  channels: string[];
  forPublic: boolean;
  forGroup: boolean;
  proactive: boolean;
  onRequest: boolean;
  /** 'county' (县级), 'town' (乡级). */
  levels: string[];
  /** The catalog directory code its information is usually published under. */
  category: string | null;
  source: string;
}

/** 《条例》第二十六条's period as most 目录 write it. */
export const TWENTY = '信息形成或者变更之日起20个工作日内';
export const WEB = ['政府网站'];
export const WEB_PLUS = ['政府网站', '两微一端', '公开查阅点'];
export const LOCAL = ['政府网站', '公开查阅点', '社区/村公示栏'];
export const BOARD = ['社区/企事业单位/村公示栏（电子屏）'];
export const IN_PERSON = ['政府网站', '入户/现场'];
export const SERVICE_HALL = ['政府网站', '政务服务中心'];

/** Default tag of the first six areas' items (templates.ts): recalled. */
export const R = '领域基层政务公开标准指引（国办发〔2019〕54号） [R]';

type ItemInput = Omit<
  StandardItemTemplate,
  'forPublic' | 'forGroup' | 'proactive' | 'onRequest' | 'levels' | 'source'
> &
  Partial<StandardItemTemplate>;

/** An item: 全社会, 主动公开, 县级 unless told, tagged [R] unless a source is given. */
export const item = (t: ItemInput): StandardItemTemplate => ({
  forPublic: true,
  forGroup: false,
  proactive: true,
  onRequest: false,
  levels: ['county'],
  source: R,
  ...t,
});

type AreaItemInput = Omit<ItemInput, 'key' | 'area' | 'subject' | 'channels' | 'category'> &
  Partial<StandardItemTemplate> & { slug: string };

/**
 * A maker of one area's items: the area's usual 主体, 渠道, catalog column and source, each overridable per item.
 *
 * @example
 * const safety = areaItems({ area: 'work_safety', subject: '县应急管理局', channels: WEB, category: '20.13', source })
 * safety({ slug: 'laws', level1: '政策文件', level2: '法律法规', content: '…', basis: '…', timeLimit: TWENTY })
 */
export const areaItems =
  (defaults: { area: string; subject: string; channels: string[]; category: string | null; source: string }) =>
  ({ slug, ...t }: AreaItemInput): StandardItemTemplate =>
    item({
      subject: defaults.subject,
      channels: defaults.channels,
      category: defaults.category,
      source: defaults.source,
      ...t,
      key: `${defaults.area}.${slug}`,
      area: defaults.area,
    });

/** A source line: the 指引 as the county 目录 carry it, the 目录 read, the tag. */
export const sourceOf = (guidance: string, catalogs: string, tag: 'V' | 'C' | 'R') =>
  `${guidance}，${catalogs} [${tag}]`;
