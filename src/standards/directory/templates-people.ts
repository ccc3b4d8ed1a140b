/**
 * Seed items of 就业 and 社会保险 (人力资源社会保障部, 人社厅函〔2019〕113号), 养老服务 (民政部, 民办函〔2019〕52号),
 * 户籍管理 (公安部) and 医疗卫生 (国家卫生健康委), as county 目录 carry them (read 2026-12 through the
 * stored-pages search). Sources and tags: template-item.ts and area-sources.ts.
 */
import { areaItems, IN_PERSON, type StandardItemTemplate, sourceOf } from './template-item.ts';

const HRSS_NOTICE = '人力资源社会保障部办公厅《就业和社会保险领域基层政务公开标准指引》（人社厅函〔2019〕113号）';
const HRSS_CHANNELS = ['政府网站', '政务服务中心', '基层公共服务平台'];

const EMPLOYMENT = areaItems({
  area: 'employment',
  subject: '县人力资源和社会保障局、乡镇人民政府（街道办事处）',
  channels: HRSS_CHANNELS,
  category: '20.11',
  source: sourceOf(
    HRSS_NOTICE,
    '县级目录所载：重庆市合川区双槐镇 http://www.hc.gov.cn/bmjd/jz/shz_100615/zwgk_100619/zj_jczwgk/zj_bzml/202402/t20240226_12959812.html；汕尾市红海湾经济开发区 http://hhw.gov.cn/hhw/ztzl/jczwbzml/content/post_653545.html',
    'V',
  ),
});

const INSURANCE = areaItems({
  area: 'social_insurance',
  subject: '县人力资源和社会保障局（社会保险经办机构）',
  channels: HRSS_CHANNELS,
  category: '20.11',
  source: sourceOf(
    HRSS_NOTICE,
    '县级目录所载：淄博经济开发区 http://www.zbjkq.gov.cn/gongkai/site_jjkfqzzrsb/channel_61c6dbcc4cc1d0ce8eed31c7/doc_61c6dc1a0dd53d57d243a14b.html；平武县 http://www.pingwu.gov.cn/xxgk/jczwgkbzml/xz/sezzx/25170821.html',
    'V',
  ),
});

const ELDERLY = areaItems({
  area: 'elderly_care',
  subject: '县民政局',
  channels: ['政府网站', '两微一端', '政务服务中心'],
  category: '20.11',
  source: sourceOf(
    '民政部办公厅《养老服务领域基层政务公开标准指引》（民办函〔2019〕52号）',
    '县级目录所载：重庆 cqfj.gov.cn《养老服务领域基层政务公开标准目录（2024版）》 http://cqfj.gov.cn/index/xz_168/qlianz/zwgk_61082/zfxxgk/jczwgk/ylfwly/bzml/202411/t20241114_13796345.html；云南 ynfq.gov.cn（乡级） https://www.ynfq.gov.cn/info/13053/170942.htm',
    'V',
  ),
});

const HOUSEHOLD = areaItems({
  area: 'household_registration',
  subject: '县公安局（公安派出所）',
  channels: IN_PERSON,
  category: '21.county.public_services',
  source: sourceOf(
    '公安部办公厅《户籍管理领域基层政务公开标准指引》（见《福建省公安厅办公室关于进一步推进户籍管理领域基层政务公开工作的通知》闽公办〔2020〕14号）',
    '县级目录所载：互助县 http://www.huzhu.gov.cn/info/1183/44994.htm；tez.gov.cn http://tez.gov.cn/zwgk/zwgkzt/jczwgk/sdly/202011/t20201120_1104051.html；赣州市蓉江新区 http://rjxq.ganzhou.gov.cn/rjxq/c105099/202012/ca8b081a776140e589ec96ce8252c83e.shtml',
    'V',
  ),
});

const HEALTH = areaItems({
  area: 'health',
  subject: '县卫生健康局',
  channels: ['政府网站'],
  category: '20.11',
  source: sourceOf(
    '《卫生健康领域基层政务公开标准指引》（国家卫生健康委）',
    '县级目录所载：郊区（tljq.gov.cn） https://tljq.gov.cn/openness/OpennessContent/show/826967.html',
    'V',
  ),
});

const HEALTH_TOWN = sourceOf(
  '《卫生健康领域基层政务公开标准指引》（国家卫生健康委）',
  '县级目录所载：锡林浩特市《卫生健康领域基层政务公开标准目录（试行）》 https://www.xilinhaote.gov.cn/xilinhaote/ztzl/qmtjjczwgkbzhgfhgz/bmjczwgk/blgjdbsc/gkbzml/index.html',
  'V',
);

const GIC = '《中华人民共和国政府信息公开条例》';
const HRSS_LIMIT = '公开事项信息形成或变更之日起20个工作日内公开';
const EMPLOYMENT_LAW = `${GIC}《中华人民共和国就业促进法》`;
const SI_CONTENT =
  '事项名称、事项简述、办理材料、办理方式、办理时限、结果送达、收费依据及标准、办事时间、办理机构及地点、咨询查询途径、监督投诉渠道';
const SI_LAW = `${GIC}《中华人民共和国社会保险法》《社会保险费征缴暂行条例》`;
const HH_CONTENT = '受理部门、办理条件、办理流程、所需材料、办理时限、收费依据及标准';
const HH_LAW = `《中华人民共和国户口登记条例》${GIC}`;
const HH_LIMIT = '形成或者变更之日起20个工作日内予以公开';
const SERVICE_CONTENT =
  '法律法规和政策文件；服务对象；服务机构名称、地点、服务时间；服务项目和内容；服务流程；服务要求；投诉举报电话以及网上投诉渠道';
const PHS_SPEC = '《国家基本公共卫生服务规范（第三版）》（国卫基层发〔2017〕13号）';
const HEALTH_LIMIT = '自信息形成或者变更之日起20个工作日内予以公开';

export const PEOPLE_TEMPLATES: readonly StandardItemTemplate[] = [
  // 就业
  EMPLOYMENT({
    slug: 'policy_advice',
    level1: '就业信息服务',
    level2: '就业政策法规咨询',
    content: '就业创业政策项目、对象范围、政策申请条件、政策申请材料、办理流程、办理地点（方式）、咨询电话',
    basis: `${EMPLOYMENT_LAW}《人力资源市场暂行条例》`,
    timeLimit: HRSS_LIMIT,
    levels: ['county', 'town'],
  }),
  EMPLOYMENT({
    slug: 'vacancies',
    level1: '就业信息服务',
    level2: '岗位信息发布',
    content: '招聘单位、岗位要求、福利待遇、招聘流程、应聘方式、咨询电话',
    basis: `${EMPLOYMENT_LAW}《就业服务与就业管理规定》`,
    timeLimit: HRSS_LIMIT,
    levels: ['county', 'town'],
  }),
  EMPLOYMENT({
    slug: 'jobseeker_registration',
    level1: '就业信息服务',
    level2: '求职信息登记',
    content: '服务对象、提交材料、办理流程、服务时间、服务地点（方式）、咨询电话',
    basis: EMPLOYMENT_LAW,
    timeLimit: HRSS_LIMIT,
    levels: ['county', 'town'],
  }),
  // 社会保险
  INSURANCE({
    slug: 'public_institution_registration',
    level1: '社会保险登记',
    level2: '机关事业单位社会保险登记',
    content: SI_CONTENT,
    basis: `${GIC}《中华人民共和国社会保险法》《国务院关于机关事业单位工作人员养老保险制度改革的决定》`,
    timeLimit: HRSS_LIMIT,
  }),
  INSURANCE({
    slug: 'construction_injury_registration',
    level1: '社会保险登记',
    level2: '工程建设项目办理工伤保险参保登记',
    content: SI_CONTENT,
    basis: SI_LAW,
    timeLimit: HRSS_LIMIT,
  }),
  INSURANCE({
    slug: 'employer_deregistration',
    level1: '社会保险登记',
    level2: '参保单位注销',
    content: SI_CONTENT,
    basis: SI_LAW,
    timeLimit: HRSS_LIMIT,
  }),
  INSURANCE({
    slug: 'resident_pension_registration',
    level1: '社会保险登记',
    level2: '城乡居民养老保险参保登记',
    content: SI_CONTENT,
    basis: SI_LAW,
    timeLimit: HRSS_LIMIT,
    subject: '县人力资源和社会保障局、乡镇人民政府（街道办事处）',
    levels: ['county', 'town'],
  }),
  INSURANCE({
    slug: 'personal_info_change',
    level1: '社会保险参保信息维护',
    level2: '个人基本信息变更',
    content: SI_CONTENT,
    basis: SI_LAW,
    timeLimit: HRSS_LIMIT,
    subject: '县人力资源和社会保障局、乡镇人民政府（街道办事处）',
    levels: ['county', 'town'],
  }),
  INSURANCE({
    slug: 'pension_account',
    level1: '社会保险参保信息维护',
    level2: '养老保险待遇发放账户维护申请',
    content: SI_CONTENT,
    basis: SI_LAW,
    timeLimit: HRSS_LIMIT,
    subject: '县人力资源和社会保障局、乡镇人民政府（街道办事处）',
    levels: ['county', 'town'],
  }),
  // 养老服务
  ELDERLY({
    slug: 'general_policy',
    level1: '养老服务通用政策',
    level2: '国家和地方层面养老服务相关法律、法规、政策文件',
    content: '文件名称、文号、发文部门等',
    basis: '信息公开规定',
    timeLimit: '制定或获取文件之日起10个工作日内',
    category: '20.1',
  }),
  ELDERLY({
    slug: 'support_measures',
    level1: '养老服务通用政策',
    level2: '养老服务扶持政策措施清单',
    content: '扶持政策措施名称、扶持对象、实施部门、扶持政策措施内容和标准',
    basis: '信息公开规定',
    timeLimit: '制定或获取扶持政策措施之日起10个工作日内',
  }),
  ELDERLY({
    slug: 'investment_guide',
    level1: '养老服务通用政策',
    level2: '养老机构投资指南',
    content: '本区域养老机构投资环境简介、投资审批条件及依据、审批流程、涉及部门和联系方式',
    basis: '信息公开规定',
    timeLimit: '制定或获取指南之日起10个工作日内',
  }),
  ELDERLY({
    slug: 'institution_filing',
    level1: '养老服务业务办理',
    level2: '养老机构备案',
    content: '备案申请材料清单及样式、备案流程、办理部门、办理时限、办理时间和地点、咨询电话',
    basis: '信息公开规定',
    timeLimit: '制定或获取备案政策之日起10个工作日内',
    subject: '县民政局、乡镇人民政府（街道办事处）',
    levels: ['county', 'town'],
  }),
  ELDERLY({
    slug: 'operator_subsidies',
    level1: '养老服务业务办理',
    level2: '养老服务扶持补贴',
    content:
      '补贴名称（建设补贴、运营补贴等）、依据、对象、申请条件、内容和标准、补贴方式、申请材料清单及样式、办理流程、办理部门、办理时限、办理时间和地点、咨询电话',
    basis: '信息公开规定',
    timeLimit: '制定或获取扶持补贴政策之日起10个工作日内',
    subject: '县民政局、乡镇人民政府（街道办事处）',
    levels: ['county', 'town'],
  }),
  // 户籍管理
  HOUSEHOLD({
    slug: 'birth',
    level1: '出生登记',
    level2: '出生登记',
    content: HH_CONTENT,
    basis: HH_LAW,
    timeLimit: HH_LIMIT,
  }),
  HOUSEHOLD({
    slug: 'adoption',
    level1: '收养、入籍等登记',
    level2: '收养登记',
    content: HH_CONTENT,
    basis: `《中华人民共和国户口登记条例》《中华人民共和国收养法》《中国公民收养子女登记办法》《中华人民共和国国籍法》${GIC}`,
    timeLimit: HH_LIMIT,
  }),
  HOUSEHOLD({
    slug: 'death',
    level1: '注销登记',
    level2: '死亡注销',
    content: HH_CONTENT,
    basis: HH_LAW,
    timeLimit: HH_LIMIT,
  }),
  HOUSEHOLD({
    slug: 'military_service',
    level1: '注销登记',
    level2: '服现役注销',
    content: HH_CONTENT,
    basis: HH_LAW,
    timeLimit: HH_LIMIT,
  }),
  HOUSEHOLD({
    slug: 'migration',
    level1: '迁移登记',
    level2: '迁出、迁入登记',
    content: HH_CONTENT,
    basis: HH_LAW,
    timeLimit: HH_LIMIT,
  }),
  HOUSEHOLD({
    slug: 'id_card_progress',
    level1: '查询服务',
    level2: '居民身份证办理进度查询',
    content: HH_CONTENT,
    basis: '《中华人民共和国户口登记条例》',
    timeLimit: HH_LIMIT,
    source: sourceOf(
      '公安部办公厅《户籍管理领域基层政务公开标准指引》',
      '县级目录所载：中山市《户籍管理（2024年）》 http://zs.gov.cn/nqbsc/nqml/content/post_1876182.html',
      'V',
    ),
  }),
  // 医疗卫生
  HEALTH({
    slug: 'vaccination',
    level1: '公共卫生服务事项',
    level2: '预防接种',
    content: SERVICE_CONTENT,
    basis: `《疫苗流通和预防接种管理条例》${PHS_SPEC}`,
    timeLimit: HEALTH_LIMIT,
  }),
  HEALTH({
    slug: 'health_records',
    level1: '公共卫生服务事项',
    level2: '居民健康档案管理',
    content: SERVICE_CONTENT,
    basis: PHS_SPEC,
    timeLimit: HEALTH_LIMIT,
  }),
  HEALTH({
    slug: 'only_child_reward',
    level1: '独生子女父母奖励',
    level2: '独生子女父母奖励',
    content: '法律法规和政策文件；申请材料；受理范围及条件；办理流程；咨询投诉渠道',
    basis: '《中华人民共和国人口与计划生育法》',
    timeLimit: HEALTH_LIMIT,
    subject: '县卫生健康局、乡镇人民政府（街道办事处）',
    levels: ['county', 'town'],
    source: HEALTH_TOWN,
  }),
  HEALTH({
    slug: 'family_special_support',
    level1: '计划生育家庭特别扶助',
    level2: '计划生育家庭特别扶助',
    content: '法律法规和政策文件；申请材料；受理范围及条件；办理流程；咨询投诉渠道',
    basis:
      '《中华人民共和国人口与计划生育法》《关于印发全国独生子女伤残死亡家庭特别扶助制度试点方案的通知》（国人口发〔2007〕78号）',
    timeLimit: HEALTH_LIMIT,
    subject: '县卫生健康局、乡镇人民政府（街道办事处）',
    levels: ['county', 'town'],
    source: HEALTH_TOWN,
  }),
  HEALTH({
    slug: 'maternal_licence',
    level1: '行政许可类事项',
    level2: '母婴保健技术服务机构执业许可',
    content:
      '法律法规和政策文件；办事指南；受理、审核、审批、送达等过程信息；结果信息（母婴保健技术服务执业许可证信息）',
    basis:
      '《中华人民共和国行政许可法》《中华人民共和国母婴保健法》《计划生育技术服务管理条例》《中华人民共和国母婴保健法实施办法》',
    timeLimit: '自信息形成或者变更之日起20个工作日内予以公开；自信息形成或者变更之日起7个工作日内予以公开',
    category: '20.5',
    source: sourceOf(
      '《卫生健康领域基层政务公开标准指引》（国家卫生健康委）',
      '县级目录所载：沧源县班老乡《医疗卫生领域基层政务公开标准目录》 https://www.cangyuan.gov.cn/info/10316/101542.htm；该页列两个时限而未注明各自对应的内容，解析取其一（20个工作日），结果信息或适用7个工作日',
      'V',
    ),
  }),
];
