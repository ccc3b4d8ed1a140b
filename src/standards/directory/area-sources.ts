/**
 * Where each area's seed items come from: the State Council department's 指引 (title, issuer, 文号 when a
 * source showed it, where the notice was read), the county 目录 the items were read in, and what is not
 * confirmed. Read 2026-12 through the stored-pages search (queries: “<领域>基层政务公开标准目录”,
 * “<领域>基层政务公开标准指引”, “<部门>办公厅关于印发…标准指引的通知”). The items carry the same sources line
 * by line (templates*.ts); this is the per-area summary an administrator sees and a test holds complete.
 *
 * `unconfirmed` states why an area has no seed item; every area now has some, so none carries it, but the
 * field stays the place to say so if an area's items are withdrawn.
 */

export interface AreaCatalogSource {
  /** The county, town or site as its page names it (or the host, when the page names none). */
  publisher: string;
  url: string;
  /** V: the government's own site; C: a copy on another host; see template-item.ts. */
  tag: 'V' | 'C';
}

export interface AreaSource {
  area: string;
  /** The 指引's title as the notice or the county pages cite it. */
  guidance: string;
  issuer: string;
  /** 文号 of the issuing notice; null when no source read showed one. */
  docNo: string | null;
  /** Where the issuing notice (not only a county 目录) was read or cited; null when only county 目录 were. */
  noticeUrl: string | null;
  catalogs: AreaCatalogSource[];
  /** Why the area has no seed item, and what was searched. */
  unconfirmed?: string;
  /** What is not confirmed about the items that are seeded. */
  note?: string;
}

const NO_DOC_NO = '未见文号：所读县级目录与转发文件均只引指引标题';

export const AREA_SOURCES: readonly AreaSource[] = [
  {
    area: 'planning',
    guidance: '城乡规划领域基层政务公开标准指引',
    issuer: '自然资源部',
    docNo: null,
    noticeUrl: null,
    catalogs: [
      {
        publisher: '转载页（路径为东莞市虎门镇）',
        url: 'http://www.sangco.com.cn/humen/zt/jczwgk/cxgh/content/post_3430606.html',
        tag: 'C',
      },
      {
        publisher: '车板镇（lianjiang.gov.cn）',
        url: 'http://www.lianjiang.gov.cn/ljgov/zj/chb/cskh/content/post_1196399.html',
        tag: 'V',
      },
    ],
    note: `${NO_DOC_NO}；事项以两份目录一致者为准`,
  },
  {
    area: 'major_projects',
    guidance: '重大建设项目领域基层政务公开标准指引',
    issuer: '国家发展改革委',
    docNo: null,
    noticeUrl: null,
    catalogs: [
      {
        publisher: '武汉市武昌区发展和改革局',
        url: 'https://www.wuchang.gov.cn/xxgk/jsj/fdzdgknr/zdjs/zdjs_/202012/t20201207_1531816.html',
        tag: 'V',
      },
      { publisher: '建德市', url: 'http://www.jiande.gov.cn/col/col1229432950/index.html', tag: 'V' },
    ],
    note: '“政府投资项目建议书审批”一项按目录 [V]；用地审批、施工和质量安全监督、竣工验收三项凭记忆 [R]，与指引的八类信息（批准服务、批准结果、招标投标、征收土地、重大设计变更、施工有关、质量安全监督、竣工有关）名称不一，待核对（赛罕区目录 https://www.saihan.gov.cn/zwgk_new/jczwgk/xzjd/hhsz/bzml）',
  },
  {
    area: 'public_resources',
    guidance: '公共资源交易领域基层政务公开标准指引',
    issuer: '国家发展改革委',
    docNo: null,
    noticeUrl: null,
    catalogs: [],
    note: '事项凭记忆编写 [R]，未与目录核对；可据以核对的目录：中山市 http://zs.gov.cn/zwgk/mulu/content/post_1853596.html（工程建设项目招标投标信息，招标公告“及时公开”）、九江市 http://gkhy.jiujiang.gov.cn/zwgk_228/glfw/gzjh/202212/t20221215_5885055.html（政府采购信息）',
  },
  {
    area: 'fiscal',
    guidance: '财政预决算领域基层政务公开标准指引',
    issuer: '财政部',
    docNo: '财办发〔2019〕77号',
    noticeUrl: 'http://www.tianmen.gov.cn/zwgk/bmhxzxxgkml/bm/scsglzfj/zfxxgk/xxgkzn/t_5857233.shtml',
    catalogs: [
      {
        publisher: '永修县江上乡',
        url: 'https://www.yongxiu.gov.cn/jsx/02/glyjczwgkml/202403/t20240301_6423112.html',
        tag: 'V',
      },
    ],
    note: '文号见天门市城市管理执法局主动公开目录所引《财政部关于印发财政预决算领域基层政务公开标准指引的通知》；部门预决算两项凭记忆 [R]',
  },
  {
    area: 'work_safety',
    guidance: '安全生产领域基层政务公开标准目录',
    issuer: '应急管理部办公厅',
    docNo: '应急厅函〔2019〕390号',
    noticeUrl: 'http://www.shishi.gov.cn/zwgk/ztzl/lhzt/qzsbzzy/202011/t20201114_2454752.htm',
    catalogs: [
      {
        publisher: '乐山市沙湾区',
        url: 'http://www.shawan.gov.cn/swq/sdlybzml/202009/5770ae23410046d78aa6453f4bceb43d.shtml',
        tag: 'V',
      },
      { publisher: 'xjbz.gov.cn', url: 'http://xjbz.gov.cn/xjbz/c110517/Anarticle.shtml', tag: 'V' },
    ],
    note: '通知2019年5月30日印发，题为《安全生产和救灾领域基层政务公开标准目录指引》',
  },
  {
    area: 'tax',
    guidance: '税收管理领域基层政务公开标准指引',
    issuer: '税务总局',
    docNo: null,
    noticeUrl: null,
    catalogs: [
      { publisher: 'xjbz.gov.cn', url: 'http://xjbz.gov.cn/xjbz/c110498/Anarticle.shtml', tag: 'V' },
      { publisher: 'fsxf.gov.cn', url: 'http://fsxf.gov.cn/zfxxgk/ins.asp?i=4276&s=10350', tag: 'V' },
    ],
    note: `${NO_DOC_NO}；指引标题未见原文，按县级目录标题（税收管理领域基层政务公开标准目录（试行））推定`,
  },
  {
    area: 'land_compensation',
    guidance: '征地补偿领域基层政务公开标准指引',
    issuer: '自然资源部',
    docNo: null,
    noticeUrl: null,
    catalogs: [
      {
        publisher: '东莞市转载页（路径为寮步镇）',
        url: 'http://m.veladacinema.com/liaobu/zwgk/jczwgksxbzml/ncjt/content/post_4130477.html',
        tag: 'C',
      },
      {
        publisher: '佛山市高明区荷城街道（转载页）',
        url: 'http://www.whgsj.com/zwgk/gmqjczwgkbzml/hcjdb/ncjttdzs/index.html',
        tag: 'C',
      },
    ],
    note: `${NO_DOC_NO}；只读到转载页；“征地法定公告”“征地补偿安置方案听证”两项的公开时限截断未读，未收`,
  },
  {
    area: 'house_expropriation',
    guidance: '国有土地上房屋征收与补偿领域基层政务公开标准指引',
    issuer: '住房城乡建设部',
    docNo: null,
    noticeUrl: null,
    catalogs: [
      {
        publisher: '华容县住房和城乡建设局',
        url: 'https://www.huarong.gov.cn/33157/63510/63529/content_1874104.html',
        tag: 'V',
      },
      { publisher: '腾冲市荷花镇', url: 'https://www.tengchong.gov.cn/info/7151/5817813.htm', tag: 'V' },
    ],
    note: `${NO_DOC_NO}；“房屋调查登记”一项公开时限截断未读，未收`,
  },
  {
    area: 'environment',
    guidance: '生态环境领域基层政务公开标准指引',
    issuer: '生态环境部办公厅',
    docNo: '环办厅函〔2019〕672号',
    noticeUrl: 'https://sthjj.cq.gov.cn/zwgk_249/zfxxgkml/zcwj/qtwj/202008/t20200805_7754515_wap.html',
    catalogs: [
      { publisher: '河源市', url: 'http://www.heyuan.gov.cn/zwgk/jczwgk/sthj/content/post_469742.html', tag: 'V' },
      { publisher: 'sgwjq.gov.cn', url: 'http://www.sgwjq.gov.cn/ztzl/zwgkbzsxml/content/post_1892839.html', tag: 'V' },
    ],
    note: '文号见重庆市生态环境局转发通知；环评审批、行政处罚决定两项按目录 [V]，生态环境状况公报凭记忆 [R]',
  },
  {
    area: 'public_culture',
    guidance: '公共文化服务领域基层政务公开标准指引',
    issuer: '文化和旅游部办公厅、国家文物局办公室',
    docNo: '办办发〔2019〕139号',
    noticeUrl:
      'https://zh.wikisource.org/zh-hant/%E6%96%87%E5%8C%96%E5%92%8C%E6%97%85%E6%B8%B8%E9%83%A8%E5%8A%9E%E5%85%AC%E5%8E%85_%E5%9B%BD%E5%AE%B6%E6%96%87%E7%89%A9%E5%B1%80%E5%8A%9E%E5%85%AC%E5%AE%A4%E5%85%B3%E4%BA%8E%E5%8D%B0%E5%8F%91%E3%80%8A%E5%85%AC%E5%85%B1%E6%96%87%E5%8C%96%E6%9C%8D%E5%8A%A1%E9%A2%86%E5%9F%9F%E5%9F%BA%E5%B1%82%E6%94%BF%E5%8A%A1%E5%85%AC%E5%BC%80%E6%A0%87%E5%87%86%E6%8C%87%E5%BC%95%E3%80%8B%E7%9A%84%E9%80%9A%E7%9F%A5',
    catalogs: [
      { publisher: 'yncn.gov.cn（乡级）', url: 'https://yncn.gov.cn/info/32784/8965790.htm', tag: 'V' },
      {
        publisher: '兴国县',
        url: 'http://www.xingguo.gov.cn/xgxxxgk/c129245d/202106/4c5bb6651a354d2baab36996a8878080.shtml',
        tag: 'V',
      },
    ],
    note: '通知2019年10月30日印发（维基文库收录）；“下基层辅导”一项依据只读到首列《政府信息公开条例》',
  },
  {
    area: 'public_legal',
    guidance: '公共法律服务领域基层政务公开标准指引',
    issuer: '司法部办公厅',
    docNo: null,
    noticeUrl: 'https://iqb.jimei.gov.cn/ztzl/zxzt/jczwgk/bzzy/xms/202008/t20200817_743481.htm',
    catalogs: [
      { publisher: 'gdmx.gov.cn', url: 'http://www.gdmx.gov.cn/zwgk/jczwgkbzml/content/post_2102400.html', tag: 'V' },
      { publisher: '三门县', url: 'http://www.sanmen.gov.cn/col/col1229468253/index.html', tag: 'V' },
    ],
    note: `${NO_DOC_NO}（厦门市司法局工作方案引《司法部办公厅关于印发公共法律服务领域基层政务公开标准指引的通知》）；法律援助事项依据为《法律援助条例》，该条例已由《中华人民共和国法律援助法》（2022年施行）取代，采用时宜更新`,
  },
  {
    area: 'poverty',
    guidance: '扶贫领域基层政务公开标准指引',
    issuer: '国务院扶贫办',
    docNo: null,
    noticeUrl: 'http://nynct.fujian.gov.cn/ztzl/ggtztpgjcgtxczxyxxj/202108/t20210818_5672526.htm',
    catalogs: [
      { publisher: 'scnj.gov.cn', url: 'https://scnj.gov.cn/ztzl/sdlyjczwgkbzmlbz/xjbm/13787848.html', tag: 'V' },
      {
        publisher: '转载页（页上未见地名）',
        url: 'http://southwestwallart.com/gkmlpt/content/1/1298/post_1298847.html',
        tag: 'C',
      },
    ],
    note: `${NO_DOC_NO}（福建省扶贫办文件提及“国务院扶贫办印发的扶贫领域基层政务公开标准指引”）；国务院扶贫办2021年改组为国家乡村振兴局，多地目录已改称乡村振兴领域`,
  },
  {
    area: 'disaster_relief',
    guidance: '救灾领域基层政务公开标准目录',
    issuer: '应急管理部办公厅',
    docNo: '应急厅函〔2019〕390号',
    noticeUrl: 'http://www.shishi.gov.cn/zwgk/ztzl/lhzt/qzsbzzy/202011/t20201114_2454752.htm',
    catalogs: [
      {
        publisher: '浮梁县三龙镇',
        url: 'https://www.fuliang.gov.cn/ztzl/zwxjczwgk_247/zegkbzml/t880760.shtml',
        tag: 'V',
      },
      {
        publisher: '文昌市（转载页）',
        url: 'https://telos-ontarget.com/wenchang/sjjczwgk/202012/065d669bdcc448ff9aca989b776d0e8f.shtml',
        tag: 'C',
      },
    ],
  },
  {
    area: 'food_drug',
    guidance: '食品药品监管领域基层政务公开标准指引',
    issuer: '市场监管总局',
    docNo: null,
    noticeUrl: 'http://henan.kjzch.com/zhumadian/2020-06-08/699155.html',
    catalogs: [
      { publisher: '荷塘区（hetang.gov.cn）', url: 'http://www.hetang.gov.cn/c12192/20250815/i2410578.html', tag: 'V' },
      { publisher: '浮梁县臧湾乡', url: 'https://www.fuliang.gov.cn/ztzl/zwxjczwgk/zegkbzml/t880466.shtml', tag: 'V' },
    ],
    note: `${NO_DOC_NO}（驻马店市指引转载页称“以市场监管总局标准指引……为依据”）`,
  },
  {
    area: 'urban_enforcement',
    guidance: '城市综合执法领域基层政务公开标准指引',
    issuer: '住房城乡建设部',
    docNo: null,
    noticeUrl: null,
    catalogs: [
      {
        publisher: '阿巴嘎旗',
        url: 'https://www.abg.gov.cn/abg/ztzl/jczwgkpt/jczwgkbzmlyssqk/cszhzfly/gkbzml/index.html',
        tag: 'V',
      },
      {
        publisher: '本溪市溪湖区',
        url: 'https://xh.benxi.gov.cn/publicity/zdxxgz/zdlyxxgk/cszhzfly/cszhzflyzwgksxbzml/123980',
        tag: 'V',
      },
      { publisher: '中山市横栏镇', url: 'http://www.zs.gov.cn/hlz/hlml/content/post_2195360.html', tag: 'V' },
    ],
    note: NO_DOC_NO,
  },
  {
    area: 'employment',
    guidance: '就业和社会保险领域基层政务公开标准指引',
    issuer: '人力资源社会保障部办公厅',
    docNo: '人社厅函〔2019〕113号',
    noticeUrl: 'http://linyi.gov.cn/info/7247/259706.htm',
    catalogs: [
      {
        publisher: '重庆市合川区双槐镇',
        url: 'http://www.hc.gov.cn/bmjd/jz/shz_100615/zwgk_100619/zj_jczwgk/zj_bzml/202402/t20240226_12959812.html',
        tag: 'V',
      },
      {
        publisher: '汕尾市红海湾经济开发区',
        url: 'http://hhw.gov.cn/hhw/ztzl/jczwbzml/content/post_653545.html',
        tag: 'V',
      },
    ],
    note: '通知2019年6月3日印发；指引分就业9类一级事项25类二级事项（huayuan.gov.cn 转载的目录说明），此处只收3项',
  },
  {
    area: 'social_insurance',
    guidance: '就业和社会保险领域基层政务公开标准指引',
    issuer: '人力资源社会保障部办公厅',
    docNo: '人社厅函〔2019〕113号',
    noticeUrl: 'http://linyi.gov.cn/info/7247/259706.htm',
    catalogs: [
      {
        publisher: '淄博经济开发区',
        url: 'http://www.zbjkq.gov.cn/gongkai/site_jjkfqzzrsb/channel_61c6dbcc4cc1d0ce8eed31c7/doc_61c6dc1a0dd53d57d243a14b.html',
        tag: 'V',
      },
      { publisher: '平武县', url: 'http://www.pingwu.gov.cn/xxgk/jczwgkbzml/xz/sezzx/25170821.html', tag: 'V' },
    ],
  },
  {
    area: 'social_assistance',
    guidance: '社会救助领域基层政务公开标准指引',
    issuer: '民政部办公厅',
    docNo: '民办函〔2019〕52号',
    noticeUrl: null,
    catalogs: [
      {
        publisher: 'tjbd.gov.cn（天津）',
        url: 'https://www.tjbd.gov.cn/zwgk/jczwgk/ly/shjzly/202012/t20201216_5039688.html',
        tag: 'V',
      },
      {
        publisher: 'shicheng.gov.cn',
        url: 'http://www.shicheng.gov.cn/scxzf/shjzbzml/202407/5d1663de28994d908f3ced794c1ec349.shtml',
        tag: 'V',
      },
    ],
    note: '通知2019年4月30日印发（民政部办公厅关于印发社会救助和养老服务领域基层政务公开标准指引的通知，见转载页）；“政策法规文件”一项按两份目录改为“制定或获取信息之日起10个工作日内”[V]，其余三项凭记忆 [R]',
  },
  {
    area: 'elderly_care',
    guidance: '养老服务领域基层政务公开标准指引',
    issuer: '民政部办公厅',
    docNo: '民办函〔2019〕52号',
    noticeUrl: null,
    catalogs: [
      {
        publisher: '重庆 cqfj.gov.cn',
        url: 'http://cqfj.gov.cn/index/xz_168/qlianz/zwgk_61082/zfxxgk/jczwgk/ylfwly/bzml/202411/t20241114_13796345.html',
        tag: 'V',
      },
      { publisher: '云南 ynfq.gov.cn（乡级）', url: 'https://www.ynfq.gov.cn/info/13053/170942.htm', tag: 'V' },
    ],
    note: '所读目录的“公开依据”一栏均作“信息公开规定”，照录',
  },
  {
    area: 'household_registration',
    guidance: '户籍管理领域基层政务公开标准指引',
    issuer: '公安部办公厅',
    docNo: null,
    noticeUrl: 'http://www.fujian.gov.cn/zwgk/ztzl/qmtjjczwgkbzhgfhgz/sdlybzzy/glybzzy/202007/t20200715_5323310.htm',
    catalogs: [
      { publisher: '互助县', url: 'http://www.huzhu.gov.cn/info/1183/44994.htm', tag: 'V' },
      {
        publisher: '赣州市蓉江新区',
        url: 'http://rjxq.ganzhou.gov.cn/rjxq/c105099/202012/ca8b081a776140e589ec96ce8252c83e.shtml',
        tag: 'V',
      },
    ],
    note: `${NO_DOC_NO}（闽公办〔2020〕14号称“对标公安部办公厅《户籍管理领域基层政务公开标准指引》”）；收养登记依据中的《收养法》已于2021年由《民法典》取代，照录`,
  },
  {
    area: 'farm_subsidies',
    guidance: '涉农补贴领域基层政务公开标准指引',
    issuer: '财政部、农业农村部',
    docNo: null,
    noticeUrl: null,
    catalogs: [
      { publisher: '铁力市', url: 'https://www.tls.gov.cn/newtlsrmzf/c103254/202101/261324.shtml', tag: 'V' },
      { publisher: '方山县', url: 'http://fangshan.gov.cn/xxgk/jcgk/202012/t20201212_1457111.html', tag: 'V' },
    ],
    note: `${NO_DOC_NO}；发文部门按 areas.ts，未见通知原文`,
  },
  {
    area: 'health',
    guidance: '卫生健康领域基层政务公开标准指引',
    issuer: '国家卫生健康委',
    docNo: null,
    noticeUrl: null,
    catalogs: [
      {
        publisher: '郊区（tljq.gov.cn）',
        url: 'https://tljq.gov.cn/openness/OpennessContent/show/826967.html',
        tag: 'V',
      },
      { publisher: '沧源县班老乡', url: 'https://www.cangyuan.gov.cn/info/10316/101542.htm', tag: 'V' },
      {
        publisher: '锡林浩特市',
        url: 'https://www.xilinhaote.gov.cn/xilinhaote/ztzl/qmtjjczwgkbzhgfhgz/bmjczwgk/blgjdbsc/gkbzml/index.html',
        tag: 'V',
      },
    ],
    note: `${NO_DOC_NO}；县级目录题名作“医疗卫生领域”或“卫生健康领域”；独生子女父母奖励、计划生育家庭特别扶助两项的一级事项原表未见，以二级事项名代之；预防接种依据中的《疫苗流通和预防接种管理条例》已由《中华人民共和国疫苗管理法》（2019年施行）取代，照录`,
  },
  {
    area: 'municipal',
    guidance: '市政服务领域基层政务公开标准指引',
    issuer: '住房城乡建设部',
    docNo: null,
    noticeUrl: null,
    catalogs: [
      { publisher: 'fsxf.gov.cn', url: 'http://www.fsxf.gov.cn/zfxxgk/ins.asp?s=10332&i=4275', tag: 'V' },
      { publisher: '眉山市东坡区（转载页）', url: 'http://shchangye.com/info/3092/122636.htm', tag: 'C' },
    ],
    note: `${NO_DOC_NO}；城市道路两项的依据由所见《城镇燃气管理条例》改为《城市道路管理条例》，未核对指引原文`,
  },
  {
    area: 'rural_housing',
    guidance: '农村危房改造领域基层政务公开标准指引',
    issuer: '住房城乡建设部',
    docNo: null,
    noticeUrl: null,
    catalogs: [
      {
        publisher: '新疆 xjwqx.gov.cn',
        url: 'https://xjwqx.gov.cn/xjwqx/c104433/202304/30dc3ed6f5124994bd5c92cecd0366f3.shtml',
        tag: 'V',
      },
      { publisher: '荆门市掇刀区', url: 'http://www.duodao.gov.cn/art/2020/11/27/art_14662_748033.html', tag: 'V' },
      {
        publisher: '江油市中坝街道',
        url: 'http://www.jiangyou.gov.cn/zwgk/jczwgkbzml/jd/zbjdbsc/25098451.html',
        tag: 'V',
      },
    ],
    note: NO_DOC_NO,
  },
  {
    area: 'affordable_housing',
    guidance: '保障性住房领域基层政务公开标准指引',
    issuer: '住房城乡建设部',
    docNo: null,
    noticeUrl: null,
    catalogs: [
      {
        publisher: '东莞市东城街道',
        url: 'http://www.dg.gov.cn/dongcheng/zwgksxbzml/bzxzf/content/post_4315097.html',
        tag: 'V',
      },
      { publisher: '转载页（页上未见地名）', url: 'https://m.jmsqyfw.com/ztzl/zczwgkml/26gzdly/bzxzf', tag: 'C' },
    ],
    note: `${NO_DOC_NO}；分配、退出管理等事项的目录未读到，未收`,
  },
  {
    area: 'compulsory_education',
    guidance: '义务教育领域基层政务公开标准指引',
    issuer: '教育部',
    docNo: null,
    noticeUrl: null,
    catalogs: [
      {
        publisher: '厦门市翔安区香山街道',
        url: 'http://www.xiangan.gov.cn/mlxa/ztzl/jczw/zjsd/xsjd/202408/t20240809_1063200.htm',
        tag: 'V',
      },
    ],
  },
];
