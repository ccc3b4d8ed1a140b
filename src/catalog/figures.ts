/**
 * Monthly figures staff enter for section 二 (they do not come from catalog items): decisions of 行政许可,
 * 其他对外管理服务事项, 行政处罚, 行政强制 (第二十条第（五）（六）项), 行政事业性收费 amounts in 万元 (第（八）项),
 * the number of 事项 / 收费项目 in force at the month's end (new2019 上一年项目数量 / 本年增/减), and 政府集中采购
 * (第（九）项, new2019).
 */
export const FIGURE_KEYS = {
  'licensing.decisions': '行政许可处理决定数量',
  'other_services.decisions': '其他对外管理服务事项处理决定数量',
  'penalty.decisions': '行政处罚决定数量',
  'coercion.decisions': '行政强制决定数量',
  'fees.amount': '行政事业性收费金额（万元）',
  'licensing.items': '行政许可事项数（月末）',
  'other_services.items': '其他对外管理服务事项数（月末）',
  'penalty.items': '行政处罚事项数（月末）',
  'coercion.items': '行政强制事项数（月末）',
  'fees.items': '行政事业性收费项目数（月末）',
  'procurement.projects': '政府集中采购项目数量',
  'procurement.amount': '政府集中采购金额（万元）',
} as const;
export type FigureKey = keyof typeof FIGURE_KEYS;
export const isFigureKey = (k: string): k is FigureKey => k in FIGURE_KEYS;

/** Flow figures add up over the months; stock figures (…items) take the last month entered. */
export const isStock = (key: FigureKey) => key.endsWith('.items');
/** Amounts in 万元 may be decimal; the rest are counts. */
export const isAmount = (key: FigureKey) => key.endsWith('.amount');
