/**
 * Seed items of 安全生产 and 救灾 (应急管理部, 应急厅函〔2019〕390号), 食品药品监管 (市场监管总局) and 税收管理
 * (税务总局), as county 目录 carry them (read 2026-12 through the stored-pages search). Sources and tags:
 * template-item.ts and area-sources.ts.
 */
import { areaItems, SERVICE_HALL, type StandardItemTemplate, sourceOf, WEB_PLUS } from './template-item.ts';

const EMERGENCY_NOTICE = '应急管理部办公厅《安全生产领域基层政务公开标准目录》（应急厅函〔2019〕390号）';
const RELIEF_NOTICE = '应急管理部办公厅《救灾领域基层政务公开标准目录》（应急厅函〔2019〕390号）';

const SAFETY = areaItems({
  area: 'work_safety',
  subject: '县应急管理局',
  channels: WEB_PLUS,
  category: '20.13',
  source: sourceOf(
    EMERGENCY_NOTICE,
    '县级目录所载：乐山市沙湾区 http://www.shawan.gov.cn/swq/sdlybzml/202009/5770ae23410046d78aa6453f4bceb43d.shtml；xjbz.gov.cn http://xjbz.gov.cn/xjbz/c110517/Anarticle.shtml',
    'V',
  ),
});

const RELIEF = areaItems({
  area: 'disaster_relief',
  subject: '县应急管理局、乡镇人民政府（街道办事处）',
  channels: ['政府网站', '公开查阅点', '政务服务中心'],
  category: '20.12',
  source: sourceOf(
    RELIEF_NOTICE,
    '县级目录所载：浮梁县三龙镇 https://www.fuliang.gov.cn/ztzl/zwxjczwgk_247/zegkbzml/t880760.shtml；鄂尔多斯市康巴什区 http://www.kbs.gov.cn/zwgk/zfxxgk/fdzdgknr/jgjj/jgzn_138928/zfbm/yjglj_156987/jczwgk_157060/jzscly/bzml_157269',
    'V',
  ),
});

const RELIEF_COPY = sourceOf(
  RELIEF_NOTICE,
  '县级目录所载：文昌市救灾领域目录转载页 https://telos-ontarget.com/wenchang/sjjczwgk/202012/065d669bdcc448ff9aca989b776d0e8f.shtml；龙岭镇救灾领域目录转载页 https://feifeitong.com/nkqxxgk/c130184/202409/0dfcea44814b45c7bdb9beaa4fc2e88c.shtml',
  'C',
);

const FOOD = areaItems({
  area: 'food_drug',
  subject: '县市场监督管理局',
  channels: SERVICE_HALL,
  category: '20.13',
  source: sourceOf(
    '《食品药品监管领域基层政务公开标准指引》（市场监管总局）',
    '县级目录所载：荷塘区（hetang.gov.cn） http://www.hetang.gov.cn/c12192/20250815/i2410578.html',
    'V',
  ),
});

const TAX = areaItems({
  area: 'tax',
  subject: '县税务局',
  channels: ['政府网站', '办税服务厅'],
  category: '20.1',
  source: sourceOf(
    '《税收管理领域基层政务公开标准指引》（税务总局）',
    '县级目录所载：《税收管理领域基层政务公开标准目录（试行）》xjbz.gov.cn http://xjbz.gov.cn/xjbz/c110498/Anarticle.shtml；fsxf.gov.cn http://fsxf.gov.cn/zfxxgk/ins.asp?i=4276&s=10350',
    'V',
  ),
});

const GIC = '《中华人民共和国政府信息公开条例》';
const GIC_OPINION = `${GIC}《关于全面推进政务公开工作的意见》（中办发〔2016〕8号）`;
const SAFETY_REFORM = `${GIC}《中共中央 国务院关于推进安全生产领域改革发展的意见》`;
const SAFETY_LIMIT = '信息形成或变更之日起20个工作日内';
const FOOD_BASIS =
  '《中华人民共和国食品安全法》《中华人民共和国政府信息公开条例》《关于全面推进政务公开工作的意见》《食品药品安全监管信息公开管理办法》';
const TAX_PUBLICITY = `${GIC}《国家税务总局关于印发〈全面推进政务公开工作实施办法〉的通知》（税总发〔2017〕44号）`;
const TAX_LIMIT = '自该政府信息形成或者变更之日起20个工作日内及时公开';
const TAXPAYER_RIGHTS = '《中华人民共和国税收征收管理法》《国家税务总局关于纳税人权利与义务的公告》（2009年第1号）';

export const SAFETY_TEMPLATES: readonly StandardItemTemplate[] = [
  // 安全生产
  SAFETY({
    slug: 'laws',
    level1: '政策文件',
    level2: '法律法规',
    content: '与安全生产有关的法律、法规',
    basis: GIC,
    timeLimit: SAFETY_LIMIT,
    category: '20.1',
    levels: ['county', 'town'],
  }),
  SAFETY({
    slug: 'rules',
    level1: '政策文件',
    level2: '部门和地方规章',
    content: '与安全生产有关的部门和地方规章',
    basis: GIC,
    timeLimit: SAFETY_LIMIT,
    category: '20.1',
    levels: ['county', 'town'],
  }),
  SAFETY({
    slug: 'other_policies',
    level1: '政策文件',
    level2: '其他政策文件',
    content: '其他可以公开的与安全生产有关的政策文件，包括改革方案、发展规划、专项规划、工作计划等',
    basis: GIC,
    timeLimit: SAFETY_LIMIT,
    category: '20.3',
    levels: ['county', 'town'],
  }),
  SAFETY({
    slug: 'standards',
    level1: '政策文件',
    level2: '标准',
    content: '安全生产领域有关的国家标准、行业标准、地方标准等',
    basis: GIC,
    timeLimit: SAFETY_LIMIT,
  }),
  SAFETY({
    slug: 'draft_decisions',
    level1: '政策文件',
    level2: '重大决策草案',
    content: '涉及管理相对人切身利益、需社会广泛知晓的重要改革方案等重大决策，决策前公开决策草案、决策依据',
    basis: GIC_OPINION,
    timeLimit: '按进展情况及时公开',
    levels: ['county', 'town'],
  }),
  SAFETY({
    slug: 'interpretation',
    level1: '政策文件',
    level2: '重大政策解读',
    content: '有关重大政策的解读，安全生产相关热点问题的解读',
    basis: GIC_OPINION,
    timeLimit: SAFETY_LIMIT,
    channels: ['政府网站'],
  }),
  SAFETY({
    slug: 'licensing',
    level1: '依法行政',
    level2: '行政许可',
    content: '办理行政许可和其他对外管理服务事项的依据、条件、程序',
    basis: SAFETY_REFORM,
    timeLimit: SAFETY_LIMIT,
    channels: SERVICE_HALL,
    category: '20.5',
  }),
  SAFETY({
    slug: 'penalties',
    level1: '依法行政',
    level2: '行政处罚',
    content: '办理行政处罚的依据、条件、程序以及本级行政机关认为具有一定社会影响的行政处罚决定',
    basis: SAFETY_REFORM,
    timeLimit: SAFETY_LIMIT,
    channels: ['政府网站'],
    category: '20.6',
  }),
  // 救灾
  RELIEF({
    slug: 'laws',
    level1: '政策文件',
    level2: '法律法规',
    content: '与救灾有关的法律、法规',
    basis: GIC,
    timeLimit: SAFETY_LIMIT,
    category: '20.1',
    levels: ['county', 'town'],
  }),
  RELIEF({
    slug: 'rules',
    level1: '政策文件',
    level2: '部门和地方规章',
    content: '与救灾有关的部门和地方规章、规范性文件',
    basis: GIC,
    timeLimit: SAFETY_LIMIT,
    category: '20.1',
    levels: ['county', 'town'],
  }),
  RELIEF({
    slug: 'other_policies',
    level1: '政策文件',
    level2: '其他政策文件',
    content: '其他可以公开的与救灾有关的政策文件，包括改革方案、发展规划、专项规划、工作计划等',
    basis: GIC,
    timeLimit: SAFETY_LIMIT,
    category: '20.3',
    levels: ['county', 'town'],
  }),
  RELIEF({
    slug: 'standards',
    level1: '政策文件',
    level2: '标准',
    content: '救灾领域有关的国家标准、行业标准、地方标准等',
    basis: GIC,
    timeLimit: SAFETY_LIMIT,
  }),
  RELIEF({
    slug: 'model_communities',
    level1: '备灾管理',
    level2: '综合减灾示范社区',
    content: '综合减灾示范社区分布情况（具体位置、创建时间、创建级别等）',
    basis: `${GIC}《社会救助暂行办法》《国家综合防灾减灾规划（2016—2020年）》`,
    timeLimit: SAFETY_LIMIT,
    levels: ['county', 'town'],
    source: RELIEF_COPY,
  }),
  RELIEF({
    slug: 'losses',
    level1: '灾后救助',
    level2: '因灾损失情况',
    content: '本行政区域内因自然灾害造成的损失情况（受灾时间、灾害种类、受灾范围、灾害造成的损失等）',
    basis: GIC,
    timeLimit: '信息产生、变更之日起20个工作日内公开，保持长期公开',
    source: RELIEF_COPY,
  }),
  RELIEF({
    slug: 'donations',
    level1: '款物管理',
    level2: '捐赠款物',
    content: '年度捐赠款物信息以及款物使用情况',
    basis: GIC,
    timeLimit: '信息产生、变更之日起20个工作日内公开，保持长期公开',
    source: RELIEF_COPY,
  }),
  // 食品药品监管
  FOOD({
    slug: 'licence_guide',
    level1: '行政审批',
    level2: '食品经营许可服务指南',
    content:
      '适用范围、审批依据、受理机构、申请条件、申请材料目录、办理基本流程、办结时限、收费依据及标准、结果送达、监督投诉渠道',
    basis: FOOD_BASIS,
    timeLimit: SAFETY_LIMIT,
    category: '20.5',
  }),
  FOOD({
    slug: 'licence_info',
    level1: '行政审批',
    level2: '食品经营许可基本信息',
    content:
      '生产经营者名称、许可证编号、法定代表人（负责人）、生产地址/经营场所、食品类别/经营项目、日常监督管理机构、投诉举报电话、有效期限',
    basis: FOOD_BASIS,
    timeLimit: SAFETY_LIMIT,
    channels: ['政府网站', '政务服务中心', '国家企业信用信息公示系统'],
    category: '20.5',
  }),
  FOOD({
    slug: 'inspections',
    level1: '监督检查',
    level2: '食品生产经营监督检查',
    content: '检查制度、检查标准、检查结果等',
    basis: `${FOOD_BASIS}《食品生产经营日常监督检查管理办法》`,
    timeLimit: SAFETY_LIMIT,
    levels: ['county', 'town'],
  }),
  FOOD({
    slug: 'penalties',
    level1: '行政处罚',
    level2: '食品生产经营行政处罚',
    content:
      '处罚对象、案件名称、违法主要事实、处罚种类和内容、处罚依据、作出处罚决定部门、处罚时间、处罚决定书文号、处罚履行方式和期限',
    basis: `${GIC}《食品药品行政处罚案件信息公开实施细则》《市场监督管理行政处罚程序暂行规定》`,
    timeLimit: '行政处罚决定形成之日起20个工作日内',
    channels: ['政府网站', '国家企业信用信息公示系统'],
    category: '20.6',
    source: sourceOf(
      '《食品药品监管领域基层政务公开标准指引》（市场监管总局）',
      '县级目录所载：浮梁县臧湾乡 https://www.fuliang.gov.cn/ztzl/zwxjczwgk/zegkbzml/t880466.shtml',
      'V',
    ),
  }),
  FOOD({
    slug: 'sampling',
    level1: '监督检查',
    level2: '由县级组织的食品安全抽检',
    content:
      '检查实施主体、被抽检单位名称、被抽检食品名称、标示的产品生产日期/批号/规格、检验依据、检验机构、检查结果等',
    basis: `${FOOD_BASIS}《食品生产经营监督检查管理办法》`,
    timeLimit: SAFETY_LIMIT,
    channels: ['政府网站'],
    source: sourceOf(
      '《食品药品监管领域基层政务公开标准指引》（市场监管总局）',
      '县级目录所载：东莞市东城街道食品药品监管领域目录转载页 http://www.sangco.com.cn/dongcheng/zwgksxbzml/spypjd/content/post_4314998.html',
      'C',
    ),
  }),
  // 税收管理
  TAX({
    slug: 'laws',
    level1: '政策法规',
    level2: '税收法律法规',
    content: '税务机关履职相关的法律、法规、规章',
    basis: TAX_PUBLICITY,
    timeLimit: TAX_LIMIT,
  }),
  TAX({
    slug: 'normative',
    level1: '政策法规',
    level2: '税收规范性文件',
    content: '税务机关履职相关的规范性文件',
    basis: TAX_PUBLICITY,
    timeLimit: TAX_LIMIT,
  }),
  TAX({
    slug: 'taxpayer_rights',
    level1: '纳税服务',
    level2: '纳税人权利',
    content: '税收法律法规规定的纳税人权利',
    basis: TAXPAYER_RIGHTS,
    timeLimit: TAX_LIMIT,
    category: '20.15',
  }),
  TAX({
    slug: 'taxpayer_duties',
    level1: '纳税服务',
    level2: '纳税人义务',
    content: '税收法律法规规定的纳税人义务',
    basis: TAXPAYER_RIGHTS,
    timeLimit: TAX_LIMIT,
    category: '20.15',
  }),
  TAX({
    slug: 'a_grade_taxpayers',
    level1: '纳税服务',
    level2: 'A级纳税人名单',
    content: '纳税人识别号、纳税人名称、评价年度',
    basis: `《国家税务总局关于明确纳税信用管理若干业务口径的公告》${TAX_PUBLICITY}`,
    timeLimit: TAX_LIMIT,
    category: '20.15',
  }),
];
