/**
 * Seed items of 扶贫 (国务院扶贫办), 涉农补贴 (财政部、农业农村部), 公共文化服务 (文化和旅游部、国家文物局,
 * 办办发〔2019〕139号) and 公共法律服务 (司法部), as county 目录 carry them (read 2026-12 through the stored-pages
 * search). Sources and tags: template-item.ts and area-sources.ts.
 */
import { areaItems, BOARD, type StandardItemTemplate, sourceOf } from './template-item.ts';

const POVERTY_GUIDANCE = '《扶贫领域基层政务公开标准指引》（国务院扶贫办）';

const POVERTY = areaItems({
  area: 'poverty',
  subject: '县级扶贫部门、乡镇人民政府',
  channels: ['政府网站', '政务服务中心', '社区/企事业单位/村公示栏（电子屏）'],
  category: '20.11',
  source: sourceOf(
    POVERTY_GUIDANCE,
    '县级目录所载：scnj.gov.cn（县级部门目录） https://scnj.gov.cn/ztzl/sdlyjczwgkbzmlbz/xjbm/13787848.html',
    'V',
  ),
});

const POVERTY_COPY = sourceOf(
  POVERTY_GUIDANCE,
  '县级目录所载：两份扶贫领域目录的转载页（页上未见地名） http://southwestwallart.com/gkmlpt/content/1/1298/post_1298847.html、http://www.secondsilicon.com/info/4411/100231.htm',
  'C',
);

const FARM = areaItems({
  area: 'farm_subsidies',
  subject: '县农业农村局',
  channels: ['政府网站'],
  category: '20.11',
  source: sourceOf(
    '《涉农补贴领域基层政务公开标准指引》（财政部、农业农村部）',
    '县级目录所载：铁力市 https://www.tls.gov.cn/newtlsrmzf/c103254/202101/261324.shtml；方山县 http://fangshan.gov.cn/xxgk/jcgk/202012/t20201212_1457111.html',
    'V',
  ),
});

const CULTURE = areaItems({
  area: 'public_culture',
  subject: '县文化和旅游局、乡镇人民政府（综合文化站）',
  channels: ['政府网站'],
  category: '21.county.public_services',
  source: sourceOf(
    '文化和旅游部办公厅、国家文物局办公室《公共文化服务领域基层政务公开标准指引》（办办发〔2019〕139号）',
    '县级目录所载：yncn.gov.cn（乡级） https://yncn.gov.cn/info/32784/8965790.htm；兴国县 http://www.xingguo.gov.cn/xgxxxgk/c129245d/202106/4c5bb6651a354d2baab36996a8878080.shtml',
    'V',
  ),
});

const LEGAL = areaItems({
  area: 'public_legal',
  subject: '县司法局',
  channels: ['政府网站', '广播电视', '纸质媒体', '入户/现场', '社区/企事业单位/村公示栏（电子屏）', '法律服务网'],
  category: '21.county.public_services',
  source: sourceOf(
    '司法部办公厅《公共法律服务领域基层政务公开标准指引》',
    '县级目录所载：gdmx.gov.cn http://www.gdmx.gov.cn/zwgk/jczwgkbzml/content/post_2102400.html；三门县 http://www.sanmen.gov.cn/col/col1229468253/index.html；嘉荫县 https://www.jyx.gov.cn/jyxrmzf/c100907/202101/243727.shtml',
    'V',
  ),
});

const GIC = '《中华人民共和国政府信息公开条例》';
const POVERTY_LIMIT = '信息形成（变更）20个工作日内';
const SUBSIDY_CONTENT =
  '政策依据；申请指南（补贴对象、补贴范围、补贴标准、申请程序、申请材料、咨询电话、受理单位、办理时限、联系方式）；补贴结果；监督渠道（举报电话、地址）';
const SUBSIDY_LIMIT = '信息形成或者变更之日起20个工作日内。法律、法规对政府信息公开的期限另有规定的，从其规定';
const FUNDING_RULES = '《农业生产发展资金管理办法》';
const CULTURE_LIMIT = '信息形成或者变更之日起20个工作日内公开';
const OPENING_CONTENT = '机构名称、开放时间、机构地址、联系电话、临时停止开放信息';
const LEGAL_EDUCATION =
  '《中共中央、国务院转发〈中央宣传部、司法部关于在公民中开展法治宣传教育的第七个五年规划（2016—2020年）〉》、各省“七五”普法规划';
const LEGAL_LIMIT = '自制作或获取该信息之日起20个工作日内公开';

export const RURAL_TEMPLATES: readonly StandardItemTemplate[] = [
  // 扶贫
  POVERTY({
    slug: 'laws',
    level1: '政策文件',
    level2: '行政法规、规章',
    content: '中央及地方政府涉及扶贫领域的行政法规、规章',
    basis: GIC,
    timeLimit: POVERTY_LIMIT,
    category: '20.1',
    levels: ['county', 'town'],
  }),
  POVERTY({
    slug: 'normative',
    level1: '政策文件',
    level2: '规范性文件',
    content: '各级政府及部门涉及扶贫领域的规范性文件',
    basis: GIC,
    timeLimit: POVERTY_LIMIT,
    category: '20.1',
    levels: ['county', 'town'],
  }),
  POVERTY({
    slug: 'other_policies',
    level1: '政策文件',
    level2: '其他政策文件',
    content: '涉及扶贫领域其他政策文件',
    basis: GIC,
    timeLimit: POVERTY_LIMIT,
    levels: ['county', 'town'],
  }),
  POVERTY({
    slug: 'identification',
    level1: '扶贫对象',
    level2: '贫困人口识别',
    content:
      '识别标准（国定标准、省定标准）；识别程序（农户申请、民主评议、公示公告、逐级审核）；识别结果（贫困户名单、数量）',
    basis: '《国务院扶贫办扶贫开发建档立卡工作方案》',
    timeLimit: POVERTY_LIMIT,
    subject: '县级扶贫部门、贫困人口所在行政村',
    channels: BOARD,
    levels: ['county', 'town'],
    source: POVERTY_COPY,
  }),
  POVERTY({
    slug: 'exit',
    level1: '扶贫对象',
    level2: '贫困人口退出',
    content: '退出计划等（所见目录此格仅列“退出计划”，其余内容截断未读）',
    basis: '《中共中央办公厅 国务院办公厅关于建立贫困退出机制的意见》',
    timeLimit: POVERTY_LIMIT,
    subject: '县级扶贫部门、贫困人口所在行政村',
    channels: BOARD,
    levels: ['county', 'town'],
    source: POVERTY_COPY,
  }),
  // 涉农补贴
  FARM({
    slug: 'machinery',
    level1: '农业生产发展资金',
    level2: '农机购置补贴',
    content: SUBSIDY_CONTENT,
    basis: `《中华人民共和国农业机械化促进法》${FUNDING_RULES}《2018-2020年农机购置补贴实施指导意见》`,
    timeLimit: SUBSIDY_LIMIT,
  }),
  FARM({
    slug: 'soil_fertility',
    level1: '农业生产发展资金',
    level2: '耕地地力保护',
    content: SUBSIDY_CONTENT,
    basis: `${FUNDING_RULES}《财政部 农业部关于全面推开农业“三项补贴”改革工作的通知》`,
    timeLimit: SUBSIDY_LIMIT,
    subject: '县财政局、县农业农村局、乡镇人民政府',
    channels: ['政府网站', '乡镇公示栏', '行政村公示栏'],
    levels: ['county', 'town'],
  }),
  FARM({
    slug: 'farmer_training',
    level1: '农业生产发展资金',
    level2: '新型职业农民培育',
    content: SUBSIDY_CONTENT,
    basis: `《关于引导农村土地经营权有序流转发展农业适度规模经营的意见》《关于支持返乡下乡人员创业创新促进农村一二三产业融合发展的意见》${FUNDING_RULES}《“十三五”全国新型职业农民培育发展规划》`,
    timeLimit: SUBSIDY_LIMIT,
  }),
  FARM({
    slug: 'new_operators',
    level1: '农业生产发展资金',
    level2: '支持新型农业经营主体',
    content: SUBSIDY_CONTENT,
    basis: '《农业生产发展资金管理办法》（财农〔2017〕41号）',
    timeLimit: SUBSIDY_LIMIT,
    source: sourceOf(
      '《涉农补贴领域基层政务公开标准指引》（财政部、农业农村部）',
      '县级目录所载：奉新县《涉农补贴领域基层政务公开标准目录》转载页 http://www.xmzaj.com/fxxrmzf/26gsdlyjczwgkbzmlzy/202111/408382c0b9004d8384e65b165a63a0bd.shtml',
      'C',
    ),
  }),
  // 公共文化服务
  CULTURE({
    slug: 'free_opening',
    level1: '公共服务',
    level2: '公共文化机构免费开放信息',
    content: OPENING_CONTENT,
    basis:
      '《中华人民共和国公共文化服务保障法》《中华人民共和国政府信息公开条例》《文化部 财政部关于推进全国美术馆、公共图书馆、文化馆（站）免费开放工作的意见》（文财务发〔2011〕5号）《文化部 财政部关于做好城市社区（街道）文化中心免费开放工作的通知》（文财务函〔2016〕171号）',
    timeLimit: CULTURE_LIMIT,
    levels: ['county', 'town'],
  }),
  CULTURE({
    slug: 'special_groups',
    level1: '公共服务',
    level2: '特殊群体公共文化服务信息',
    content: OPENING_CONTENT,
    basis:
      '《中华人民共和国残疾人保障法》《中华人民共和国政府信息公开条例》《中共中央办公厅 国务院办公厅印发〈关于加快构建现代公共文化服务体系的意见〉》（中办发〔2015〕2号）',
    timeLimit: CULTURE_LIMIT,
    levels: ['county', 'town'],
  }),
  CULTURE({
    slug: 'mass_activities',
    level1: '公共服务',
    level2: '组织开展群众文化活动',
    content: OPENING_CONTENT,
    basis: `${GIC}《文化馆服务标准》（GB/T 32939—2016）`,
    timeLimit: CULTURE_LIMIT,
    levels: ['county', 'town'],
  }),
  CULTURE({
    slug: 'grassroots_guidance',
    level1: '公共服务',
    level2: '下基层辅导、演出、展览和指导基层群众文化活动',
    content: '活动时间、活动单位、活动地址、联系电话、临时停止活动信息',
    basis: GIC,
    timeLimit: CULTURE_LIMIT,
    levels: ['county', 'town'],
  }),
  CULTURE({
    slug: 'performances',
    level1: '公共服务',
    level2: '主要文艺演出活动查询服务',
    content: '剧目名称、演出时间、演出地点',
    basis: GIC,
    timeLimit: '信息形成或变更之日起20个工作日内公开',
    source: sourceOf(
      '文化和旅游部办公厅、国家文物局办公室《公共文化服务领域基层政务公开标准指引》（办办发〔2019〕139号）',
      '县级目录所载：重庆市巴南区惠民街道《公共文化服务领域政务公开标准目录（2025版）》 http://cqbn.gov.cn/bmjz/jz/hmjd/zwgk_89299/zfxxgkml/jczwgk/ggwh/bzlm/202503/t20250301_14359219.html',
      'V',
    ),
  }),
  // 公共法律服务
  LEGAL({
    slug: 'legal_knowledge',
    level1: '法治宣传教育',
    level2: '法律知识普及服务',
    content: '法律法规资讯；普法动态资讯；普法讲师团信息；典型案例库网址或链接等',
    basis: LEGAL_EDUCATION,
    timeLimit: LEGAL_LIMIT,
    levels: ['county', 'town'],
  }),
  LEGAL({
    slug: 'legal_culture',
    level1: '法治宣传教育',
    level2: '推广法治文化服务',
    content: '辖区内法治文化阵地信息；法治文化作品、产品',
    basis: LEGAL_EDUCATION,
    timeLimit: LEGAL_LIMIT,
    levels: ['county', 'town'],
  }),
  LEGAL({
    slug: 'commendations',
    level1: '法治宣传教育',
    level2: '对在法治宣传教育工作中作出显著成绩的单位和个人进行表彰奖励',
    content: '评选表彰通知；先进集体和个人申报表（空白表）；拟表彰的先进集体先进个人名单；表彰决定',
    basis: LEGAL_EDUCATION,
    timeLimit: LEGAL_LIMIT,
  }),
  LEGAL({
    slug: 'unlicensed_lawyers',
    level1: '律师',
    level2: '对没有取得律师执业证书以律师名义从事法律业务行为的处罚',
    content: '行政处罚决定或行政处罚决定书',
    basis: '《中华人民共和国律师法》',
    timeLimit: LEGAL_LIMIT,
    category: '20.6',
  }),
  LEGAL({
    slug: 'legal_aid',
    level1: '法律援助',
    level2: '法律援助服务',
    content: '给予法律援助决定书；不予法律援助决定书；指派通知书',
    basis: '《法律援助条例》',
    timeLimit: LEGAL_LIMIT,
    subject: '县法律援助中心',
    channels: ['精准推送'],
    forPublic: false,
    forGroup: true,
  }),
];
