/**
 * Seed items of the 住房城乡建设部 areas 城市综合执法, 市政服务, 农村危房改造 and 保障性住房, as county 目录 carry
 * their 指引 (read 2026-12 through the stored-pages search; the 指引 notices themselves were not found).
 * 国有土地上房屋征收与补偿 is in templates-land.ts. Sources and tags: template-item.ts and area-sources.ts.
 */
import { areaItems, type StandardItemTemplate, sourceOf, WEB } from './template-item.ts';

const ENFORCEMENT = areaItems({
  area: 'urban_enforcement',
  subject: '城市管理行政执法部门或相关行政主管部门',
  channels: ['政府网站', '公开查阅点'],
  category: '20.6',
  source: sourceOf(
    '《城市综合执法领域基层政务公开标准指引》（住房城乡建设部）',
    '县级目录所载：阿巴嘎旗 https://www.abg.gov.cn/abg/ztzl/jczwgkpt/jczwgkbzmlyssqk/cszhzfly/gkbzml/index.html；本溪市溪湖区 https://xh.benxi.gov.cn/publicity/zdxxgz/zdlyxxgk/cszhzfly/cszhzflyzwgksxbzml/123980；中山市横栏镇 http://www.zs.gov.cn/hlz/hlml/content/post_2195360.html',
    'V',
  ),
});

const MUNICIPAL = areaItems({
  area: 'municipal',
  subject: '负责审批的燃气管理部门',
  channels: WEB,
  category: '21.county.municipal',
  source: sourceOf(
    '《市政服务领域基层政务公开标准指引》（住房城乡建设部）',
    '县级目录所载：fsxf.gov.cn（页上未见县名） http://www.fsxf.gov.cn/zfxxgk/ins.asp?s=10332&i=4275',
    'V',
  ),
});

const RURAL_HOUSING = areaItems({
  area: 'rural_housing',
  subject: '县住房和城乡建设局',
  channels: ['政府网站', '两微一端', '公开查阅点', '社区/村公示栏'],
  category: '20.11',
  source: sourceOf(
    '《农村危房改造领域基层政务公开标准指引》（住房城乡建设部）',
    '县级目录所载：新疆 xjwqx.gov.cn（州、县两级目录） https://xjwqx.gov.cn/xjwqx/c104433/202304/30dc3ed6f5124994bd5c92cecd0366f3.shtml；荆门市掇刀区 http://www.duodao.gov.cn/art/2020/11/27/art_14662_748033.html；江油市中坝街道 http://www.jiangyou.gov.cn/zwgk/jczwgkbzml/jd/zbjdbsc/25098451.html；平武县 http://www.pingwu.gov.cn/xxgk/jczwgkzl/jczwgkbzml/xz/ptqzx/25113351.html',
    'V',
  ),
});

const AFFORDABLE = areaItems({
  area: 'affordable_housing',
  subject: '县住房保障行政主管部门',
  channels: ['政府网站', '两微一端'],
  category: '21.county.public_services',
  source: sourceOf(
    '《保障性住房领域基层政务公开标准指引》（住房城乡建设部）',
    '县级目录所载：东莞市东城街道 http://www.dg.gov.cn/dongcheng/zwgksxbzml/bzxzf/content/post_4315097.html',
    'V',
  ),
});

const ENFORCEMENT_CONTENT =
  '机构职能、权责清单、执法人员名单；执法程序或行政强制流程图；执法依据；行政处罚自由裁量基准；咨询、监督投诉方式；处罚决定；救济渠道';
const ENFORCEMENT_LIMIT = '除处罚决定外其他内容：长期公开（动态调整）；处罚决定：20个工作日内';
const APPROVAL_CONTENT = '申请条件、申请材料、申请流程、法定依据';
const RURAL_DISCLOSURE = '《中华人民共和国政府信息公开条例》《关于全面推进政务公开工作的意见》及其实施细则';
const RURAL_PROGRAMME =
  '《住房城乡建设部 财政部关于印发农村危房改造脱贫攻坚三年行动方案的通知》（建村〔2018〕115号）《住房城乡建设部 财政部 国务院扶贫办关于加强和完善建档立卡贫困户等重点对象农村危房改造若干问题的通知》（建村〔2017〕192号）';
const HOUSING_NOTICES =
  '《住房城乡建设部办公厅关于做好2012年住房保障信息公开工作的通知》《住房城乡建设部办公厅关于进一步加强住房保障信息公开工作的通知》《国务院办公厅关于推进公共资源配置领域政府信息公开的意见》';

export const HOUSING_TEMPLATES: readonly StandardItemTemplate[] = [
  // 城市综合执法
  ENFORCEMENT({
    slug: 'damaging_greenery',
    level1: '绿化管理',
    level2: '损坏城市树木花草',
    content: ENFORCEMENT_CONTENT,
    basis: '《城市绿化条例》',
    timeLimit: ENFORCEMENT_LIMIT,
  }),
  ENFORCEMENT({
    slug: 'felling_trees',
    level1: '绿化管理',
    level2: '擅自砍伐城市树木',
    content: ENFORCEMENT_CONTENT,
    basis: '《城市绿化条例》',
    timeLimit: ENFORCEMENT_LIMIT,
  }),
  ENFORCEMENT({
    slug: 'littering',
    level1: '市容环境卫生管理',
    level2: '随地吐痰、便溺，乱扔果皮、纸屑和烟头等废弃物',
    content: ENFORCEMENT_CONTENT,
    basis: '《城市市容和环境卫生管理条例》',
    timeLimit: ENFORCEMENT_LIMIT,
  }),
  ENFORCEMENT({
    slug: 'defacing',
    level1: '市容环境卫生管理',
    level2: '在城市建筑物、设施以及树木上涂写、刻画或者未经批准张挂、张贴宣传品等',
    content: ENFORCEMENT_CONTENT,
    basis: '《城市市容和环境卫生管理条例》',
    timeLimit: ENFORCEMENT_LIMIT,
  }),
  ENFORCEMENT({
    slug: 'building_without_permit',
    level1: '违法建设',
    level2: '未取得建设工程规划许可证或者未按照建设工程规划许可证的规定进行建设',
    content: ENFORCEMENT_CONTENT,
    basis: '《中华人民共和国城乡规划法》',
    timeLimit: ENFORCEMENT_LIMIT,
  }),
  ENFORCEMENT({
    slug: 'village_building',
    level1: '违法建设',
    level2: '在村庄、集镇规划区内未按规划审批程序批准或者违反规划的规定进行建设',
    content: ENFORCEMENT_CONTENT,
    basis: '《村庄和集镇规划建设管理条例》',
    timeLimit: ENFORCEMENT_LIMIT,
    levels: ['county', 'town'],
  }),
  // 市政服务
  MUNICIPAL({
    slug: 'gas_licence',
    level1: '城镇燃气管理',
    level2: '燃气经营许可证核发',
    content: APPROVAL_CONTENT,
    basis: '《城镇燃气管理条例》',
    timeLimit: '20个工作日',
    category: '20.5',
  }),
  MUNICIPAL({
    slug: 'gas_facility_change',
    level1: '城镇燃气管理',
    level2: '燃气经营者改动市政燃气设施审批',
    content: APPROVAL_CONTENT,
    basis: '《城镇燃气管理条例》',
    timeLimit: '20个工作日',
    category: '20.5',
  }),
  MUNICIPAL({
    slug: 'road_occupation',
    level1: '市政设施建设类审批',
    level2: '占用、挖掘城市道路审批',
    content: APPROVAL_CONTENT,
    basis: '《城市道路管理条例》',
    timeLimit: '20个工作日',
    subject: '市政工程行政主管部门',
    category: '20.5',
    source: sourceOf(
      '《市政服务领域基层政务公开标准指引》（住房城乡建设部）',
      '县级目录所载：眉山市东坡区《市政服务领域基层政务公开标准目录》转载页 http://shchangye.com/info/3092/122636.htm；该页此栏依据作《城镇燃气管理条例》，按事项改为《城市道路管理条例》，未核对指引原文',
      'C',
    ),
  }),
  MUNICIPAL({
    slug: 'road_pipelines',
    level1: '市政设施建设类审批',
    level2: '依附城市道路建设各种管线及城市桥梁上架设各类市政管线审批',
    content: APPROVAL_CONTENT,
    basis: '《城市道路管理条例》',
    timeLimit: '20个工作日',
    subject: '市政工程行政主管部门',
    category: '20.5',
    source: sourceOf(
      '《市政服务领域基层政务公开标准指引》（住房城乡建设部）',
      '县级目录所载：眉山市东坡区《市政服务领域基层政务公开标准目录》转载页 http://shchangye.com/info/3092/122636.htm；该页此栏依据作《城镇燃气管理条例》，按事项改为《城市道路管理条例》，未核对指引原文',
      'C',
    ),
  }),
  // 农村危房改造
  RURAL_HOUSING({
    slug: 'documents',
    level1: '部门文件',
    level2: '农村危房改造相关文件',
    content: '文件分类、生成日期、标题、文号、有效性、关键词和具体内容等',
    basis: RURAL_DISCLOSURE,
    timeLimit: '信息形成之日起20个工作日内',
    category: '20.1',
  }),
  RURAL_HOUSING({
    slug: 'interpretation',
    level1: '政策解读',
    level2: '本级政策解读',
    content: '政策措施的背景依据、目标任务、主要内容、涉及范围、执行标准、注意事项、惠民举措、新旧政策差异等',
    basis: RURAL_DISCLOSURE,
    timeLimit: '信息形成之日起20个工作日内',
  }),
  RURAL_HOUSING({
    slug: 'allocation',
    level1: '计划实施',
    level2: '任务分配',
    content: '农村危房改造补助农户名单',
    basis:
      '《住房城乡建设部 财政部 国务院扶贫办关于加强和完善建档立卡贫困户等重点对象农村危房改造若干问题的通知》（建村〔2017〕192号）',
    timeLimit: '分配结果确定后20个工作日内',
    levels: ['county', 'town'],
  }),
  RURAL_HOUSING({
    slug: 'danger_grading',
    level1: '条件与标准',
    level2: '农村危房等级评定标准',
    content: '农村危房等级评定相关标准',
    basis: RURAL_PROGRAMME,
    timeLimit: '信息形成之日起20个工作日内',
    levels: ['county', 'town'],
  }),
  RURAL_HOUSING({
    slug: 'eligibility',
    level1: '条件与标准',
    level2: '农村危房改造对象申请条件',
    content: '农村危房改造农户申请条件',
    basis: `《中华人民共和国预算法》《中华人民共和国政府信息公开条例》${RURAL_PROGRAMME}`,
    timeLimit: '信息形成之日起20个工作日内',
    levels: ['county', 'town'],
  }),
  RURAL_HOUSING({
    slug: 'subsidy_standard',
    level1: '条件与标准',
    level2: '农村危房改造资金补助标准',
    content: '农村危房改造资金补助标准',
    basis: RURAL_PROGRAMME,
    timeLimit: '信息形成之日起20个工作日内',
    levels: ['county', 'town'],
  }),
  // 保障性住房
  AFFORDABLE({
    slug: 'rules',
    level1: '法规政策',
    level2: '法律法规',
    content: '文件名称、文号、发布部门、发布日期、实施日期、正文',
    basis:
      '《中华人民共和国政府信息公开条例》《廉租住房保障办法》《经济适用住房管理办法》《公共租赁住房管理办法》《住房城乡建设部 财政部 国家发展改革委关于公共租赁住房和廉租住房并轨运行的通知》（建保〔2013〕178号）',
    timeLimit: '信息形成或者变更之日起20个工作日内',
    category: '20.1',
    source: sourceOf(
      '《保障性住房领域基层政务公开标准指引》（住房城乡建设部）',
      '县级目录所载：两份同名目录的转载页（页上未见地名） https://m.jmsqyfw.com/ztzl/zczwgkml/26gzdly/bzxzf、http://ahshangpin.com/hfzf/bzxzf/202012/9506d41ba6cc43efa7229a53f57506bb.shtml',
      'C',
    ),
  }),
  AFFORDABLE({
    slug: 'annual_plan',
    level1: '规划计划',
    level2: '年度计划',
    content: '年度建设计划任务量：开工套数、基本建成套数',
    basis: `《经济适用住房管理办法》${HOUSING_NOTICES}`,
    timeLimit: '信息形成（变更）20个工作日内',
  }),
  AFFORDABLE({
    slug: 'project_approval',
    level1: '建设管理',
    level2: '立项信息',
    content: '项目名称、建设地点、投资金额、计划安排',
    basis: `《中华人民共和国政府信息公开条例》《公共租赁住房管理办法》${HOUSING_NOTICES}`,
    timeLimit: '信息形成（变更）20个工作日内',
  }),
  AFFORDABLE({
    slug: 'projects_started',
    level1: '建设管理',
    level2: '开工项目清单',
    content:
      '项目名称、建设地址、建设方式、建设总套数、开工时间、年度计划与实际开工套数、年度计划基本建成套数、建设设计施工监理单位名称',
    basis: `《中华人民共和国政府信息公开条例》《公共租赁住房管理办法》${HOUSING_NOTICES}`,
    timeLimit: '信息形成（变更）20个工作日内',
  }),
];
