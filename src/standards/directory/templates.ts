/**
 * Seed templates of the 基层政务公开标准目录: every one of the 26 areas carries standard items, 3 to 8 each; none is
 * the complete 指引 of its area. The first six areas (财政预决算, 重大建设项目, 公共资源交易, 义务教育, 社会救助,
 * 生态环境) are below; the other twenty are in templates-land.ts, templates-housing.ts, templates-safety.ts,
 * templates-people.ts and templates-rural.ts, grouped by the issuing department. area-sources.ts sums up, per
 * area, the 指引 (title, issuer, 文号 where a source showed it) and the county 目录 the items were read in.
 *
 * Source of the wording: the 领域基层政务公开标准指引 the State Council departments issued under 国办发〔2019〕54号,
 * as carried into county and 乡镇 目录 that publish them in the standard layout (序号, 一级/二级事项, 公开内容（要素）,
 * 公开依据, 公开时限, 公开主体, 公开渠道和载体, 公开对象, 公开方式, 公开层级). Each item's `source` names the 目录
 * read and ends with its tag (template-item.ts): [V] read on the government's own site, [C] read on a copy
 * hosted elsewhere, [R] recalled — check [R] items against the area's 指引 before relying on them. Wording is
 * abridged, not copied. 公开主体 is written generically (“县财政局”); a unit adopting an item edits its own copy.
 *
 * Time limits: most items are “信息形成或者变更之日起20个工作日内” (《条例》第二十六条); 民政部's 社会救助 and 养老服务
 * 目录 say 10 working days, 征地补偿's 拟征收土地告知 is due the day the work starts. 生态环境状况公报's
 * “每年6月5日前” is the customary day (世界环境日) on which counties publish it under 《环境保护法》第五十四条, not
 * a period the statute names [R].
 */

import { item, LOCAL, type StandardItemTemplate, TWENTY, WEB, WEB_PLUS } from './template-item.ts';
import { HOUSING_TEMPLATES } from './templates-housing.ts';
import { LAND_TEMPLATES } from './templates-land.ts';
import { PEOPLE_TEMPLATES } from './templates-people.ts';
import { RURAL_TEMPLATES } from './templates-rural.ts';
import { SAFETY_TEMPLATES } from './templates-safety.ts';

export type { StandardItemTemplate } from './template-item.ts';

const FISCAL_BASIS =
  '《中华人民共和国预算法》《中华人民共和国政府信息公开条例》《地方预决算公开操作规程》（财预〔2016〕143号）';
const V_FISCAL =
  '财政部《财政预决算领域基层政务公开标准指引》（财办发〔2019〕77号），县级目录所载：永修县江上乡 https://www.yongxiu.gov.cn/jsx/02/glyjczwgkml/202403/t20240301_6423112.html [V]';
const V_ENVIRONMENT =
  '生态环境部办公厅《生态环境领域基层政务公开标准指引》（环办厅函〔2019〕672号），县级目录所载：河源市 http://www.heyuan.gov.cn/zwgk/jczwgk/sthj/content/post_469742.html；sgwjq.gov.cn http://www.sgwjq.gov.cn/ztzl/zwgkbzsxml/content/post_1892839.html [V]';
const V_EDUCATION =
  '教育部《义务教育领域基层政务公开标准指引》，县级目录所载：厦门市翔安区香山街道 http://www.xiangan.gov.cn/mlxa/ztzl/jczw/zjsd/xsjd/202408/t20240809_1063200.htm [V]';

/** The first six areas' items (财政预决算, 重大建设项目, 公共资源交易, 义务教育, 社会救助, 生态环境). */
const FIRST_SIX: readonly StandardItemTemplate[] = [
  // 财政预决算
  item({
    key: 'fiscal.government_budget',
    area: 'fiscal',
    level1: '财政预决算',
    level2: '政府预算',
    content:
      '一般公共预算收入表、支出表、本级支出表、本级基本支出表；政府性基金预算收支表；国有资本经营预算收支表；社会保险基金预算收支表；“三公”经费预算总额及分项数额并说明增减变化；没有数据的表格列出空表并说明',
    basis: FISCAL_BASIS,
    timeLimit: '本级人民代表大会或其常务委员会批准后20日内',
    subject: '县财政局',
    channels: WEB,
    category: '20.7',
    source: V_FISCAL,
  }),
  item({
    key: 'fiscal.government_final_accounts',
    area: 'fiscal',
    level1: '财政预决算',
    level2: '政府决算',
    content: '一般公共预算、政府性基金预算、国有资本经营预算、社会保险基金预算决算表及说明；“三公”经费决算',
    basis: FISCAL_BASIS,
    timeLimit: '本级人民代表大会常务委员会批准后20日内',
    subject: '县财政局',
    channels: WEB,
    category: '20.7',
    source: V_FISCAL,
  }),
  item({
    key: 'fiscal.department_budget',
    area: 'fiscal',
    level1: '财政预决算',
    level2: '部门预算',
    content: '部门收支总表、收入总表、支出总表、财政拨款收支表、一般公共预算支出表、“三公”经费支出表等及说明',
    basis: FISCAL_BASIS,
    timeLimit: '本级政府财政部门批复后20日内',
    subject: '各预算部门',
    channels: WEB,
    category: '20.7',
  }),
  item({
    key: 'fiscal.department_final_accounts',
    area: 'fiscal',
    level1: '财政预决算',
    level2: '部门决算',
    content: '部门收支决算总表、收入决算表、支出决算表、财政拨款收支决算表、“三公”经费支出决算表等及说明',
    basis: FISCAL_BASIS,
    timeLimit: '本级政府财政部门批复后20日内',
    subject: '各预算部门',
    channels: WEB,
    category: '20.7',
  }),
  // 重大建设项目
  item({
    key: 'major_projects.approval',
    area: 'major_projects',
    level1: '批准结果信息',
    level2: '政府投资项目建议书审批',
    content: '审批结果、批复时间、批复文号、批复单位、项目名称、项目统一代码等',
    basis:
      '《中华人民共和国政府信息公开条例》《关于全面推进政务公开工作的意见》《国务院办公厅关于推进重大建设项目批准和实施领域政府信息公开的意见》（国办发〔2017〕94号）',
    timeLimit: '信息形成20个工作日内公开；其中行政许可、行政处罚事项应自作出行政决定之日起7个工作日内公示',
    subject: '县发展和改革局等项目审批部门',
    channels: ['政府网站', '投资项目在线审批监管平台'],
    category: '20.10',
    source:
      '国家发展改革委《重大建设项目领域基层政务公开标准指引》，县级目录所载：武汉市武昌区发展和改革局 https://www.wuchang.gov.cn/xxgk/jsj/fdzdgknr/zdjs/zdjs_/202012/t20201207_1531816.html；建德市 http://www.jiande.gov.cn/col/col1229432950/index.html [V]',
  }),
  item({
    key: 'major_projects.land',
    area: 'major_projects',
    level1: '批准服务信息',
    level2: '用地审批',
    content: '建设用地规划许可、用地批准信息',
    basis: '《中华人民共和国土地管理法》《中华人民共和国政府信息公开条例》',
    timeLimit: TWENTY,
    subject: '县自然资源局',
    channels: WEB,
    category: '20.10',
  }),
  item({
    key: 'major_projects.construction',
    area: 'major_projects',
    level1: '实施信息',
    level2: '施工和质量安全监督',
    content: '施工许可、质量安全监督机构及联系方式、质量安全行政处罚情况',
    basis: '《中华人民共和国建筑法》《建设工程质量管理条例》《中华人民共和国政府信息公开条例》',
    timeLimit: TWENTY,
    subject: '县住房和城乡建设局',
    channels: WEB,
    category: '20.10',
  }),
  item({
    key: 'major_projects.completion',
    area: 'major_projects',
    level1: '实施信息',
    level2: '竣工验收',
    content: '竣工验收时间、工程质量验收结果、竣工验收备案',
    basis: '《建设工程质量管理条例》《中华人民共和国政府信息公开条例》',
    timeLimit: TWENTY,
    subject: '项目主管部门',
    channels: WEB,
    category: '20.10',
  }),
  // 公共资源交易
  item({
    key: 'public_resources.rules',
    area: 'public_resources',
    level1: '交易规则',
    level2: '制度规则',
    content: '公共资源交易目录、交易规则、服务指南',
    basis: '《公共资源交易平台管理暂行办法》《中华人民共和国政府信息公开条例》',
    timeLimit: TWENTY,
    subject: '县公共资源交易中心',
    channels: WEB,
    category: '20.9',
  }),
  item({
    key: 'public_resources.announcements',
    area: 'public_resources',
    level1: '交易公告',
    level2: '招标（采购、出让）公告',
    content: '项目名称、交易方式、资格条件、交易时间地点、联系方式',
    basis: '《中华人民共和国招标投标法》《中华人民共和国政府采购法》《中华人民共和国政府信息公开条例》',
    timeLimit: TWENTY,
    subject: '县公共资源交易中心',
    channels: WEB,
    category: '20.9',
  }),
  item({
    key: 'public_resources.results',
    area: 'public_resources',
    level1: '成交信息',
    level2: '中标（成交）结果',
    content: '中标（成交）人名称、中标（成交）金额、合同订立情况',
    basis: '《中华人民共和国招标投标法实施条例》《中华人民共和国政府采购法实施条例》',
    timeLimit: TWENTY,
    subject: '县公共资源交易中心',
    channels: WEB,
    category: '20.9',
  }),
  // 义务教育
  item({
    key: 'compulsory_education.admission_policy',
    area: 'compulsory_education',
    level1: '招生管理',
    level2: '招生政策',
    content: '招生工作实施方案、随迁子女入学办法、延缓入学和休学等特殊需求的政策解读',
    basis:
      '《中华人民共和国政府信息公开条例》《教育部关于进一步做好小学升入初中免试就近入学工作的实施意见》《教育部关于推进中小学信息公开工作的意见》',
    timeLimit: TWENTY,
    subject: '县教育体育局',
    channels: WEB_PLUS,
    category: '20.11',
    levels: ['county', 'town'],
    source: V_EDUCATION,
  }),
  item({
    key: 'compulsory_education.catchment',
    area: 'compulsory_education',
    level1: '招生管理',
    level2: '招生范围',
    content: '各校招生范围、学区划分详细情况',
    basis: '《教育部关于进一步做好小学升入初中免试就近入学工作的实施意见》',
    timeLimit: TWENTY,
    subject: '县教育体育局',
    channels: WEB_PLUS,
    category: '20.11',
    levels: ['county', 'town'],
    source: V_EDUCATION,
  }),
  item({
    key: 'compulsory_education.school_list',
    area: 'compulsory_education',
    level1: '教育概况',
    level2: '义务教育学校名录',
    content: '学校名称、学校地址、办学层次、办学类型、办公电话',
    basis: '《中华人民共和国政府信息公开条例》',
    timeLimit: TWENTY,
    subject: '县教育体育局',
    channels: WEB_PLUS,
    category: '20.11',
    source: V_EDUCATION,
  }),
  item({
    key: 'compulsory_education.aid',
    area: 'compulsory_education',
    level1: '学生管理',
    level2: '学生资助政策',
    content: '城乡义务教育“两免一补”政策、资助对象、资助标准、申请程序',
    basis: '《国务院关于进一步完善城乡义务教育经费保障机制的通知》',
    timeLimit: TWENTY,
    subject: '县教育体育局',
    channels: WEB_PLUS,
    forGroup: true,
    category: '20.11',
    source: V_EDUCATION,
  }),
  // 社会救助
  item({
    key: 'social_assistance.dibao_policy',
    area: 'social_assistance',
    level1: '最低生活保障',
    level2: '政策法规文件',
    content: '最低生活保障政策文件、保障标准、办理流程、咨询电话',
    basis: '《社会救助暂行办法》《最低生活保障审核确认办法》《中华人民共和国政府信息公开条例》',
    // 民政部《社会救助领域基层政务公开标准指引》（民办函〔2019〕52号）as two county 目录 carry it.
    timeLimit: '制定或获取信息之日起10个工作日内',
    source:
      '民政部办公厅《社会救助领域基层政务公开标准指引》（民办函〔2019〕52号），县级目录所载：tjbd.gov.cn https://www.tjbd.gov.cn/zwgk/jczwgk/ly/shjzly/202012/t20201216_5039688.html；shicheng.gov.cn http://www.shicheng.gov.cn/scxzf/shjzbzml/202407/5d1663de28994d908f3ced794c1ec349.shtml [V]',
    subject: '县民政局、乡镇人民政府（街道办事处）',
    channels: LOCAL,
    category: '21.county.assistance',
    levels: ['county', 'town'],
  }),
  item({
    key: 'social_assistance.dibao_results',
    area: 'social_assistance',
    level1: '最低生活保障',
    level2: '审核确认结果',
    content: '低保对象户主姓名、保障人数、保障金额（隐去身份证号等个人信息）',
    basis: '《最低生活保障审核确认办法》',
    timeLimit: TWENTY,
    subject: '县民政局、乡镇人民政府（街道办事处）',
    channels: LOCAL,
    forGroup: true,
    category: '21.county.assistance',
    levels: ['county', 'town'],
  }),
  item({
    key: 'social_assistance.extreme_poverty',
    area: 'social_assistance',
    level1: '特困人员救助供养',
    level2: '政策与审核确认结果',
    content: '特困人员认定条件、救助供养标准、办理流程、审核确认结果',
    basis: '《社会救助暂行办法》《特困人员认定办法》',
    timeLimit: TWENTY,
    subject: '县民政局、乡镇人民政府（街道办事处）',
    channels: LOCAL,
    category: '21.county.assistance',
    levels: ['county', 'town'],
  }),
  item({
    key: 'social_assistance.temporary',
    area: 'social_assistance',
    level1: '临时救助',
    level2: '政策与救助情况',
    content: '临时救助对象范围、救助标准、办理流程、救助情况',
    basis: '《社会救助暂行办法》《国务院关于全面建立临时救助制度的通知》',
    timeLimit: TWENTY,
    subject: '县民政局、乡镇人民政府（街道办事处）',
    channels: LOCAL,
    category: '21.county.assistance',
    levels: ['county', 'town'],
  }),
  // 生态环境
  item({
    key: 'environment.eia_approval',
    area: 'environment',
    level1: '行政许可',
    level2: '建设项目环境影响评价文件审批',
    content: '受理环节：受理情况公示、报告书（表）全本；拟决定环节：拟审查环评文件基本情况公示；决定环节：环评批复',
    basis:
      '《中华人民共和国环境影响评价法》《中华人民共和国海洋环境保护法》《中华人民共和国放射性污染防治法》《中华人民共和国政府信息公开条例》',
    timeLimit: '自该信息形成或者变更之日起20个工作日内',
    subject: '县生态环境局（分局）',
    channels: ['政府网站', '两微一端', '政务服务中心', '便民服务站'],
    category: '20.13',
    source: V_ENVIRONMENT,
  }),
  item({
    key: 'environment.penalties',
    area: 'environment',
    level1: '行政处罚行政强制和行政命令',
    level2: '行政处罚决定',
    content: '行政处罚决定书（全文公开）',
    basis:
      '《中华人民共和国环境保护法》及水、大气、噪声、土壤、固体废物等污染防治法律，《中华人民共和国环境影响评价法》《中华人民共和国政府信息公开条例》《环境行政处罚办法》',
    timeLimit: '自该信息形成或者变更之日起20个工作日内',
    subject: '县生态环境局（分局）',
    channels: ['政府网站', '两微一端', '政务服务中心', '便民服务站'],
    category: '20.6',
    source: V_ENVIRONMENT,
  }),
  item({
    key: 'environment.state_report',
    area: 'environment',
    level1: '环境质量',
    level2: '生态环境状况公报',
    content: '本行政区域上一年度生态环境质量状况',
    basis: '《中华人民共和国环境保护法》第五十四条',
    timeLimit: '每年6月5日前',
    subject: '县生态环境局（分局）',
    channels: WEB,
    category: '20.13',
  }),
];

/**
 * Every seed item, in the order they are numbered (seq): the first six areas, then the other twenty by
 * their issuing department. New items go at the end of their file; seeding skips keys already present.
 */
export const STANDARD_ITEM_TEMPLATES: readonly StandardItemTemplate[] = [
  ...FIRST_SIX,
  ...LAND_TEMPLATES,
  ...HOUSING_TEMPLATES,
  ...SAFETY_TEMPLATES,
  ...PEOPLE_TEMPLATES,
  ...RURAL_TEMPLATES,
];
