/** `new2021`: reports from 2021, 《中华人民共和国政府信息公开工作年度报告格式》 (国办公开办函〔2021〕30号, 2021-09-26). */
import type { TemplateDef } from '../template.ts';
import { applyTable, NEW_SECTIONS, reviewTable } from './new-sections.ts';
import { sectionTwo2021 } from './section-two.ts';

export const new2021: TemplateDef = {
  id: 'new2021',
  name: '政府信息公开工作年度报告格式',
  basis: '国办公开办函〔2021〕30号',
  years: [2021, null],
  sections: NEW_SECTIONS,
  tables: [...sectionTwo2021(), applyTable('new2021'), reviewTable()],
};
