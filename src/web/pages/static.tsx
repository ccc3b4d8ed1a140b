/** @jsxImportSource hono/jsx */
/**
 * The fixed pages of the 政府信息公开 column: 首页, 政府信息公开指南 (条例第十二条), 政府信息公开制度.
 */
import type { Context, Hono } from 'hono';
import { renderPage } from '../components/page.tsx';
import type { AppEnv } from '../env.ts';

export interface SiteInfo {
  site: string;
  /** 政府信息公开工作机构 */
  office: string;
  address: string;
  hours: string;
  phone: string;
  fax?: string;
  email?: string;
}

function page(c: Context<AppEnv>, info: SiteInfo, title: string, _path: string, body: unknown) {
  return renderPage(c, info.site, title, body);
}

export function staticPages(info: SiteInfo) {
  return (app: Hono<AppEnv>) => {
    app.get('/', (c) =>
      page(
        c,
        info,
        '政府信息公开',
        '/',
        <>
          <h1>政府信息公开</h1>
          <div class="cards">
            <a class="card" href="/guide">
              <h2>政府信息公开指南</h2>
              <p>公开的范围、方式、获取途径和受理机构。</p>
            </a>
            <a class="card" href="/catalog">
              <h2>法定主动公开内容</h2>
              <p>按《条例》第二十条、第二十一条分类浏览本级政府及各部门、乡镇主动公开的政府信息。</p>
            </a>
            <a class="card" href="/apply">
              <h2>依申请公开</h2>
              <p>在线提交政府信息公开申请，凭查询码跟踪办理进度。</p>
            </a>
            <a class="card" href="/reports">
              <h2>政府信息公开年报</h2>
              <p>各机关历年《政府信息公开工作年度报告》，可下载 Word、Excel 和数据。</p>
            </a>
          </div>
          <search>
            <form action="/search" method="get">
              <label for="q">搜索政府信息</label>
              <input id="q" name="q" type="text" placeholder="输入标题、文号或关键词" />
              <button type="submit">搜索</button>
            </form>
          </search>
        </>,
      ),
    );

    app.get('/guide', (c) =>
      page(
        c,
        info,
        '政府信息公开指南',
        '/guide',
        <>
          <h1>{info.site}政府信息公开指南</h1>
          <p>
            为保障公民、法人和其他组织依法获取政府信息，根据《中华人民共和国政府信息公开条例》（以下简称《条例》）第十二条，编制本指南。
          </p>
          <h2>一、主动公开</h2>
          <p>
            （一）公开范围：《条例》第二十条、第二十一条规定的政府信息，以及本机关认为需要公开的其他信息。（二）公开方式：政府网站“政府信息公开”专栏为第一平台，同时通过政府公报、政务微博、政务微信等渠道公开。（三）公开时限：自政府信息形成或者变更之日起20个工作日内公开（《条例》第二十六条）。
          </p>
          <h2>二、依申请公开</h2>
          <p>
            （一）受理机构：{info.office}，地址：{info.address}，办公时间：{info.hours}，联系电话：{info.phone}
            {info.fax ? `，传真：${info.fax}` : ''}
            {info.email ? `，电子邮箱：${info.email}` : ''}。
          </p>
          <p>
            （二）提出申请：可通过本网站在线提交，或当面、邮寄、传真提交书面申请。申请内容应包括：申请人的姓名或者名称、身份证明、联系方式；申请公开的政府信息的名称、文号或者便于查询的其他特征性描述；申请公开的政府信息的形式要求，包括获取信息的方式、途径（《条例》第二十九条）。
          </p>
          <p>
            （三）办理时限：能够当场答复的当场答复；不能当场答复的，自收到申请之日起20个工作日内答复；需要延长的，经政府信息公开工作机构负责人同意并告知申请人，延长期限最长不超过20个工作日（《条例》第三十三条）。申请内容不明确的，在收到申请之日起7个工作日内一次性告知补正，答复期限自收到补正的申请之日起计算（《条例》第三十条）。征求第三方和其他机关意见所需时间不计算在期限内。
          </p>
          <p>
            （四）收费：依申请提供政府信息不收取费用；申请数量、频次明显超过合理范围的，按《政府信息公开信息处理费管理办法》收取信息处理费（《条例》第四十二条）。
          </p>
          <h2>三、监督和救济</h2>
          <p>
            公民、法人或者其他组织认为行政机关在政府信息公开工作中侵犯其合法权益的，可以向上一级行政机关或者政府信息公开工作主管部门投诉、举报，也可以依法申请行政复议或者提起行政诉讼（《条例》第五十一条）。
          </p>
        </>,
      ),
    );

    app.get('/rules', (c) =>
      page(
        c,
        info,
        '政府信息公开制度',
        '/rules',
        <>
          <h1>政府信息公开制度</h1>
          <ul>
            <li>
              政府信息公开保密审查制度：拟公开的政府信息经初审、审核、审发三级审查，涉及国家秘密、商业秘密、个人隐私的不予公开或作区分处理。
            </li>
            <li>政府信息主动公开制度：属于主动公开范围的政府信息，自形成或变更之日起20个工作日内公开。</li>
            <li>
              依申请公开办理制度：登记、审核、办理、答复、归档（《条例》第四十五条），答复文书载明依据和救济途径。
            </li>
            <li>政府信息公开工作年度报告制度：每年1月31日前公布上一年度工作年度报告（《条例》第四十九条）。</li>
            <li>政府信息公开监督考核和责任追究制度（《条例》第四十六条至第五十三条）。</li>
          </ul>
        </>,
      ),
    );
  };
}
