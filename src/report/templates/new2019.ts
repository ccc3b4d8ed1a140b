/** `new2019`: reports for 2019–2020, 《中华人民共和国政府信息公开工作年度报告格式（试行）》 (国办公开办函〔2019〕60号). */
import type { TemplateDef } from '../template.ts';
import { applyTable, NEW_SECTIONS, reviewTable } from './new-sections.ts';
import { sectionTwo2019 } from './section-two.ts';

export const new2019: TemplateDef = {
  id: 'new2019',
  name: '政府信息公开工作年度报告格式（试行）',
  basis: '国办公开办函〔2019〕60号',
  years: [2019, 2020],
  sections: NEW_SECTIONS,
  tables: [...sectionTwo2019(), applyTable('new2019'), reviewTable()],
};
