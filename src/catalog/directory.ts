/**
 * The directory (目录) of an agency's 主动公开 information: the categories of 《条例》第二十条 (every
 * agency) and 第二十一条 (设区的市级、县级人民政府及其部门; 乡（镇）人民政府), as a default tree an agency
 * may replace with its own (catalog_settings.directory).
 */

export interface DirectoryNode {
  /** Stable code stored on items, e.g. '20.1', '21.county.land'. */
  code: string;
  name: string;
  children?: DirectoryNode[];
}

/** 《条例》第二十条 (一)…(十五). */
const ARTICLE_20: [string, string][] = [
  ['20.1', '行政法规、规章和规范性文件'],
  ['20.2', '机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名'],
  ['20.3', '国民经济和社会发展规划、专项规划、区域规划及相关政策'],
  ['20.4', '国民经济和社会发展统计信息'],
  ['20.5', '办理行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果'],
  ['20.6', '实施行政处罚、行政强制的依据、条件、程序以及本行政机关认为具有一定社会影响的行政处罚决定'],
  ['20.7', '财政预算、决算信息'],
  ['20.8', '行政事业性收费项目及其依据、标准'],
  ['20.9', '政府集中采购项目的目录、标准及实施情况'],
  ['20.10', '重大建设项目的批准和实施情况'],
  ['20.11', '扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况'],
  ['20.12', '突发公共事件的应急预案、预警信息及应对情况'],
  ['20.13', '环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查情况'],
  ['20.14', '公务员招考的职位、名额、报考条件等事项以及录用结果'],
  ['20.15', '法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息'],
];

/** 《条例》第二十一条: 设区的市级、县级人民政府及其部门. */
const ARTICLE_21_COUNTY: [string, string][] = [
  ['21.county.municipal', '市政建设'],
  ['21.county.public_services', '公共服务'],
  ['21.county.public_welfare', '公益事业'],
  ['21.county.land', '土地征收'],
  ['21.county.housing', '房屋征收'],
  ['21.county.public_order', '治安管理'],
  ['21.county.assistance', '社会救助'],
];

/** 《条例》第二十一条: 乡（镇）人民政府. */
const ARTICLE_21_TOWN: [string, string][] = [
  ['21.town.land_contract', '农村土地承包经营'],
  ['21.town.homestead', '宅基地使用情况审核'],
  ['21.town.land', '土地征收'],
  ['21.town.housing', '房屋征收'],
  ['21.town.funding', '筹资筹劳'],
  ['21.town.assistance', '社会救助'],
];

const leaves = (rows: [string, string][]) => rows.map(([code, name]) => ({ code, name }));

/** The default tree for an agency of `kind` (agencies.kind). */
export function defaultDirectory(kind: string): DirectoryNode[] {
  const tree: DirectoryNode[] = [
    { code: '20', name: '《条例》第二十条规定的主动公开内容', children: leaves(ARTICLE_20) },
  ];
  if (kind === 'town') {
    tree.push({
      code: '21.town',
      name: '《条例》第二十一条规定的乡（镇）主动公开内容',
      children: leaves(ARTICLE_21_TOWN),
    });
  } else {
    tree.push({
      code: '21.county',
      name: '《条例》第二十一条规定的市、县主动公开内容',
      children: leaves(ARTICLE_21_COUNTY),
    });
  }
  tree.push({ code: 'other', name: '其他主动公开内容' });
  return tree;
}

/** Every code of the tree with its path of names ('第二十条… / 财政预算、决算信息'). */
export function flattenDirectory(tree: DirectoryNode[], prefix: string[] = []): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const node of tree) {
    const path = [...prefix, node.name];
    out.set(node.code, path);
    for (const [code, p] of flattenDirectory(node.children ?? [], path)) out.set(code, p);
  }
  return out;
}

/** Problems of a tree an administrator submits: duplicate or empty codes and names. */
export function directoryProblems(tree: DirectoryNode[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  const walk = (nodes: DirectoryNode[]) => {
    for (const n of nodes) {
      if (!n.code?.trim() || !n.name?.trim()) problems.push('目录节点的编码和名称不能为空');
      else if (seen.has(n.code)) problems.push(`目录编码重复：${n.code}`);
      seen.add(n.code);
      walk(n.children ?? []);
    }
  };
  walk(tree);
  return problems;
}

/**
 * Directory codes in their natural order: the numbered parts as numbers (20.2 before 20.10), named parts
 * as text ('21.county.land').
 */
export function compareCategories(a: string, b: string): number {
  const pa = a.split('.');
  const pb = b.split('.');
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    if (x === y) continue;
    const nx = /^\d+$/.test(x) ? Number(x) : Number.NaN;
    const ny = /^\d+$/.test(y) ? Number(y) : Number.NaN;
    if (!Number.isNaN(nx) && !Number.isNaN(ny)) return nx - ny;
    if (!Number.isNaN(nx)) return -1;
    if (!Number.isNaN(ny)) return 1;
    return x < y ? -1 : 1;
  }
  return 0;
}
