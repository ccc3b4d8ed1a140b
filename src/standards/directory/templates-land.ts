/**
 * Seed items of 城乡规划, 征地补偿 and 国有土地上房屋征收与补偿, as county 目录 carry their 指引 (read 2026-12 through
 * the stored-pages search; the 指引 notices themselves were not found). Sources and tags: template-item.ts and
 * area-sources.ts.
 */
import { areaItems, BOARD, IN_PERSON, type StandardItemTemplate, sourceOf, TWENTY, WEB } from './template-item.ts';

const PLANNING = areaItems({
  area: 'planning',
  subject: '县自然资源局（规划管理部门）',
  channels: WEB,
  category: '20.3',
  source: sourceOf(
    '《城乡规划领域基层政务公开标准指引》（自然资源部）',
    '县级目录所载：《城乡规划领域基层政务公开标准目录》转载页（路径为东莞市虎门镇） http://www.sangco.com.cn/humen/zt/jczwgk/cxgh/content/post_3430606.html，与某县2025年目录（https://www.qianlima.com/bid-558529662.html，县名隐去）一致',
    'C',
  ),
});

const LAND = areaItems({
  area: 'land_compensation',
  subject: '县自然资源局',
  channels: ['政府网站', '征地信息公开平台'],
  category: '21.county.land',
  source: sourceOf(
    '《征地补偿领域基层政务公开标准指引》（自然资源部）',
    '县级目录所载：东莞市《农村集体土地征收基层政务公开标准目录》转载页（路径为寮步镇） http://m.veladacinema.com/liaobu/zwgk/jczwgksxbzml/ncjt/content/post_4130477.html；佛山市高明区荷城街道同名目录转载页 http://www.whgsj.com/zwgk/gmqjczwgkbzml/hcjdb/ncjttdzs/index.html',
    'C',
  ),
});

const HOUSE = areaItems({
  area: 'house_expropriation',
  subject: '县人民政府及房屋征收部门',
  channels: WEB,
  category: '21.county.housing',
  source: sourceOf(
    '《国有土地上房屋征收与补偿领域基层政务公开标准指引》（住房城乡建设部）',
    '县级目录所载：华容县住房和城乡建设局 https://www.huarong.gov.cn/33157/63510/63529/content_1874104.html；腾冲市荷花镇 https://www.tengchong.gov.cn/info/7151/5817813.htm',
    'V',
  ),
});

const PLANNING_BASIS = '《中华人民共和国土地管理法》《中华人民共和国城乡规划法》《中华人民共和国政府信息公开条例》';
const HOUSE_DISCLOSURE =
  '《国有土地上房屋征收与补偿条例》《关于推进国有土地上房屋征收与补偿信息公开工作的实施意见》（建房〔2012〕84号）';

export const LAND_TEMPLATES: readonly StandardItemTemplate[] = [
  // 城乡规划
  PLANNING({
    slug: 'rules',
    level1: '公共服务',
    level2: '法规文件',
    content: '城乡规划领域相关法律、法规、规章、规范性文件',
    basis: '《中华人民共和国城乡规划法》《中华人民共和国政府信息公开条例》',
    timeLimit: TWENTY,
    category: '20.1',
  }),
  PLANNING({
    slug: 'interaction',
    level1: '公共服务',
    level2: '政民互动',
    content: '城乡规划事项的意见征集、咨询、信访等',
    basis: '《中华人民共和国政府信息公开条例》',
    timeLimit: '实时公开',
  }),
  PLANNING({
    slug: 'licensing',
    level1: '公共服务',
    level2: '办事服务',
    content: '行政许可的事项、依据、条件、数量、程序、期限以及申请行政许可需要提交的全部材料目录',
    basis: '《中华人民共和国政府信息公开条例》',
    timeLimit: '实时公开',
    category: '20.5',
  }),
  PLANNING({
    slug: 'master_plan',
    level1: '规划编制',
    level2: '城市、镇总体规划及同级的土地利用规划',
    content: '规划批准文件、脱密后的文本及图纸等',
    basis: PLANNING_BASIS,
    timeLimit: TWENTY,
    levels: ['county', 'town'],
  }),
  PLANNING({
    slug: 'township_plan',
    level1: '规划编制',
    level2: '乡规划及同级的土地利用规划',
    content: '脱密后的文本及图纸等',
    basis: PLANNING_BASIS,
    timeLimit: TWENTY,
    levels: ['county', 'town'],
  }),
  PLANNING({
    slug: 'detailed_plan',
    level1: '规划编制',
    level2: '城市、镇详细规划',
    content: '脱密后的文本及图表等',
    basis: '《中华人民共和国城乡规划法》《中华人民共和国政府信息公开条例》',
    timeLimit: TWENTY,
  }),
  // 征地补偿
  LAND({
    slug: 'policy',
    level1: '征地管理政策',
    level2: '征地补偿安置政策',
    content:
      '征地补偿安置法律法规和规章；征地前期准备、审查报批、组织实施规范性文件；土地补偿费和安置补助费标准（区片综合地价）；地上附着物和青苗补偿费标准；被征地农民安置与社会保障规定',
    basis: '《中华人民共和国政府信息公开条例》',
    timeLimit: '自该信息形成或者变更之日起20个工作日内予以公开',
    category: '20.1',
  }),
  LAND({
    slug: 'notice_of_intent',
    level1: '征地前期准备',
    level2: '拟征收土地告知',
    content:
      '拟征收土地用途、位置和范围，征地补偿标准及安置途径，土地现状调查安排，原用途管控（不得抢栽、抢种、抢建），听证权利',
    basis: '《国务院关于深化改革严格土地管理的决定》（国发〔2004〕28号）',
    timeLimit: '在实地启动拟征收土地工作时，在村公示栏公开',
    subject: '县自然资源局、乡镇人民政府（街道办事处）',
    channels: BOARD,
    forPublic: false,
    forGroup: true,
    levels: ['county', 'town'],
  }),
  LAND({
    slug: 'survey',
    level1: '征地前期准备',
    level2: '拟征收土地现状调查',
    content: '按规定确认后的拟征收土地现状调查结果',
    basis: '《中华人民共和国土地管理法》',
    timeLimit: '拟征收土地现状调查结束后5个工作日内，在村公示栏公开',
    subject: '县自然资源局、乡镇人民政府（街道办事处）',
    channels: BOARD,
    forPublic: false,
    forGroup: true,
    levels: ['county', 'town'],
  }),
  // 国有土地上房屋征收与补偿
  HOUSE({
    slug: 'national_rules',
    level1: '法规政策',
    level2: '国家层面法规政策',
    content:
      '《国有土地上房屋征收与补偿条例》《国有土地上房屋征收评估办法》及国有土地上房屋征收与补偿信息公开的实施意见、通知',
    basis: '《中华人民共和国政府信息公开条例》',
    timeLimit: '信息形成或者变更之日起20个工作日内予以公开',
    category: '20.1',
  }),
  HOUSE({
    slug: 'local_rules',
    level1: '法规政策',
    level2: '地方层面法规政策',
    content: '地方性法规、地方政府规章、规范性文件',
    basis: '《中华人民共和国政府信息公开条例》',
    timeLimit: '信息形成或者变更之日起20个工作日内予以公开',
    category: '20.1',
    levels: ['county', 'town'],
  }),
  HOUSE({
    slug: 'public_interest',
    level1: '征收',
    level2: '启动要件',
    content: '征收项目符合公共利益的相关材料',
    basis: '《国有土地上房屋征收与补偿条例》',
    timeLimit: '自收到申请之日起20个工作日内公开',
    channels: ['其他'],
    forPublic: false,
    forGroup: true,
    proactive: false,
    onRequest: true,
  }),
  HOUSE({
    slug: 'risk_assessment',
    level1: '征收',
    level2: '社会稳定风险评估',
    content: '社会稳定风险评估结果',
    basis: '《国有土地上房屋征收与补偿条例》',
    timeLimit: '自收到申请之日起20个工作日内公开',
    subject: '县人民政府',
    channels: ['其他'],
    forPublic: false,
    forGroup: true,
    proactive: false,
    onRequest: true,
  }),
  HOUSE({
    slug: 'decision',
    level1: '征收',
    level2: '房屋征收决定及补偿方案',
    content: '房屋征收决定；房屋征收补偿方案；房屋征收补助、奖励政策和标准',
    basis: HOUSE_DISCLOSURE,
    timeLimit: '信息形成或者变更之日起20个工作日内予以公开',
    channels: IN_PERSON,
    levels: ['county', 'town'],
  }),
  HOUSE({
    slug: 'household_compensation',
    level1: '补偿',
    level2: '分户补偿',
    content: '征收范围内房屋的调查结果；被征收房屋分户的初步评估结果；被征收房屋分户补偿情况',
    basis: HOUSE_DISCLOSURE,
    timeLimit: '信息形成或者变更之日起20个工作日内予以公开；征求意见期限不得少于30日',
    channels: IN_PERSON,
    forPublic: false,
    forGroup: true,
    levels: ['county', 'town'],
  }),
];
