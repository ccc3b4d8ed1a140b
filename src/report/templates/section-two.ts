/**
 * Section 二 (主动公开政府信息情况) of the new formats: the 第二十条 tables. new2019 (国办公开办函〔2019〕60号)
 * counts items and projects; new2021 (国办公开办函〔2021〕30号) counts documents made, repealed and in force,
 * decisions, and fee amounts.
 */
import type { ColumnDef, RowDef, TableDef } from '../template.ts';

const SECTION = '二、主动公开政府信息情况';

function matrix(id: string, caption: string, rows: [string, string, string[]?][], columns: ColumnDef[]): TableDef {
  return {
    id,
    kind: 'matrix',
    section: SECTION,
    caption,
    header: [[{ text: '信息内容' }, ...columns.map((c) => ({ text: c.label }))]],
    rows: rows.map(([key, label, aliases]): RowDef => ({ key, label, aliases, level: 0 })),
    columns,
    labelColumns: 1,
  };
}

const PREV_CHANGE: ColumnDef[] = [
  { key: 'prev', label: '上一年项目数量', unit: '项' },
  { key: 'change', label: '本年增/减', aliases: ['本年增减'], kind: 'change', unit: '项' },
];

export function sectionTwo2019(): TableDef[] {
  const made: ColumnDef[] = [
    { key: 'produced', label: '本年新制作数量', unit: '件' },
    { key: 'published', label: '本年新公开数量', unit: '件' },
    { key: 'total', label: '对外公开总数量', unit: '件' },
  ];
  const decisions: ColumnDef = { key: 'decisions', label: '处理决定数量', aliases: ['本年处理决定数量'], unit: '件' };
  return [
    matrix(
      's20_1',
      '第二十条第（一）项',
      [
        ['s20_1.rules', '规章'],
        ['s20_1.normative', '规范性文件', ['行政规范性文件']],
      ],
      made,
    ),
    matrix(
      's20_5',
      '第二十条第（五）项',
      [
        ['s20_5.licensing', '行政许可'],
        ['s20_5.other_services', '其他对外管理服务事项'],
      ],
      [...PREV_CHANGE, decisions],
    ),
    matrix(
      's20_6',
      '第二十条第（六）项',
      [
        ['s20_6.penalty', '行政处罚'],
        ['s20_6.coercion', '行政强制'],
      ],
      [...PREV_CHANGE, decisions],
    ),
    matrix('s20_8', '第二十条第（八）项', [['s20_8.fees', '行政事业性收费']], PREV_CHANGE),
    matrix(
      's20_9',
      '第二十条第（九）项',
      [['s20_9.procurement', '政府集中采购']],
      [
        { key: 'projects', label: '采购项目数量', unit: '项' },
        { key: 'amount', label: '采购总金额', kind: 'amount', unit: '万元' },
      ],
    ),
  ];
}

export function sectionTwo2021(): TableDef[] {
  const decisions: ColumnDef[] = [
    { key: 'decisions', label: '本年处理决定数量', aliases: ['处理决定数量'], unit: '件' },
  ];
  return [
    matrix(
      's20_1',
      '第二十条第（一）项',
      [
        ['s20_1.rules', '规章'],
        ['s20_1.normative', '行政规范性文件', ['规范性文件']],
      ],
      [
        { key: 'made', label: '本年制发件数', unit: '件' },
        { key: 'repealed', label: '本年废止件数', unit: '件' },
        { key: 'in_force', label: '现行有效件数', unit: '件' },
      ],
    ),
    matrix('s20_5', '第二十条第（五）项', [['s20_5.licensing', '行政许可']], decisions),
    matrix(
      's20_6',
      '第二十条第（六）项',
      [
        ['s20_6.penalty', '行政处罚'],
        ['s20_6.coercion', '行政强制'],
      ],
      decisions,
    ),
    matrix(
      's20_8',
      '第二十条第（八）项',
      [['s20_8.fees', '行政事业性收费']],
      [{ key: 'amount', label: '本年收费金额（单位：万元）', aliases: ['本年收费金额'], kind: 'amount', unit: '万元' }],
    ),
  ];
}
