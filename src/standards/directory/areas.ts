/**
 * The 26 试点领域 of the 基层政务公开标准目录. The areas were set by 《开展基层政务公开标准化规范化试点工作方案》
 * (国办发〔2017〕42号) and 《国务院办公厅关于全面推进基层政务公开标准化规范化工作的指导意见》(国办发〔2019〕54号)
 * asks every county and 乡镇/街道 to publish by the 标准目录 the State Council departments issued for each
 * (the 领域基层政务公开标准指引, 2019–2020). `ministry` names the department that issued an area's 指引.
 */
export interface StandardArea {
  code: string;
  name: string;
  ministry: string;
}

export const STANDARD_AREAS: readonly StandardArea[] = [
  { code: 'planning', name: '城乡规划', ministry: '自然资源部' },
  { code: 'major_projects', name: '重大建设项目', ministry: '国家发展改革委' },
  { code: 'public_resources', name: '公共资源交易', ministry: '国家发展改革委' },
  { code: 'fiscal', name: '财政预决算', ministry: '财政部' },
  { code: 'work_safety', name: '安全生产', ministry: '应急管理部' },
  { code: 'tax', name: '税收管理', ministry: '税务总局' },
  { code: 'land_compensation', name: '征地补偿', ministry: '自然资源部' },
  { code: 'house_expropriation', name: '国有土地上房屋征收与补偿', ministry: '住房城乡建设部' },
  { code: 'environment', name: '生态环境', ministry: '生态环境部' },
  { code: 'public_culture', name: '公共文化服务', ministry: '文化和旅游部' },
  { code: 'public_legal', name: '公共法律服务', ministry: '司法部' },
  { code: 'poverty', name: '扶贫', ministry: '国务院扶贫办' },
  { code: 'disaster_relief', name: '救灾', ministry: '应急管理部' },
  { code: 'food_drug', name: '食品药品监管', ministry: '市场监管总局' },
  { code: 'urban_enforcement', name: '城市综合执法', ministry: '住房城乡建设部' },
  { code: 'employment', name: '就业', ministry: '人力资源社会保障部' },
  { code: 'social_insurance', name: '社会保险', ministry: '人力资源社会保障部' },
  { code: 'social_assistance', name: '社会救助', ministry: '民政部' },
  { code: 'elderly_care', name: '养老服务', ministry: '民政部' },
  { code: 'household_registration', name: '户籍管理', ministry: '公安部' },
  { code: 'farm_subsidies', name: '涉农补贴', ministry: '财政部、农业农村部' },
  { code: 'health', name: '医疗卫生', ministry: '国家卫生健康委' },
  { code: 'municipal', name: '市政服务', ministry: '住房城乡建设部' },
  { code: 'rural_housing', name: '农村危房改造', ministry: '住房城乡建设部' },
  { code: 'affordable_housing', name: '保障性住房', ministry: '住房城乡建设部' },
  { code: 'compulsory_education', name: '义务教育', ministry: '教育部' },
];

const BY_CODE = new Map(STANDARD_AREAS.map((a) => [a.code, a]));

/** The area's name, or the code itself for an area this list does not know. */
export const areaName = (code: string): string => BY_CODE.get(code)?.name ?? code;
export const isArea = (code: string): boolean => BY_CODE.has(code);
