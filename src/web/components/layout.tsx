/** @jsxImportSource hono/jsx */
import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import { type Permission, ROLE_PERMISSIONS } from '../../auth/roles.ts';
import type { Role } from '../../db/schema/auth.ts';
import { STYLESHEET_PATH } from '../assets.ts';
import type { SessionUser } from '../env.ts';

export interface LayoutProps {
  title: string;
  /** The site's name, e.g. 示范县人民政府. */
  site: string;
  user?: SessionUser | null;
  largeText?: boolean;
  script?: 'hans' | 'hant';
  /** The page's own path, for the 简/繁 and large-text switches and the QR code. */
  path?: string;
  console?: boolean;
  /** The QR code of the page's address (portal pages). */
  qrSvg?: string;
  /** What the QR code opens; default 扫一扫在手机打开当前页. */
  qrCaption?: string;
  /** CSRF token for the forms of the page shell (退出). */
  csrf?: string;
  children?: Child;
}

const PORTAL_NAV: [string, string][] = [
  ['/', '首页'],
  ['/guide', '政府信息公开指南'],
  ['/rules', '政府信息公开制度'],
  ['/catalog', '法定主动公开内容'],
  ['/search', '搜索'],
  ['/apply', '依申请公开'],
  ['/reports', '政府信息公开年报'],
  ['/data', '年报数据'],
];

/** A console menu entry: its address, its name, and the permissions of which the user's role needs one. */
type NavEntry = [href: string, label: string, needs?: readonly Permission[]];

/** The console's menu; each role sees the entries it may use (ROLE_PERMISSIONS, src/auth/roles.ts). */
export const CONSOLE_NAV: NavEntry[] = [
  ['/console', '工作台'],
  ['/console/cases', '依申请公开办理', ['case.read']],
  ['/console/cases/new', '登记新申请', ['case.handle']],
  ['/console/register', '登记台账', ['case.read']],
  ['/console/assists', '协办事项', ['case.handle']],
  ['/console/repeated', '高频申请事项', ['case.read']],
  ['/console/outbox', '发送记录', ['case.read']],
  ['/console/catalog', '主动公开目录', ['catalog.read']],
  ['/console/review', '发布审核', ['catalog.review']],
  ['/console/reports', '年度报告', ['report.read']],
  ['/console/data/import', '导入年报', ['report.edit', 'user.manage']],
  ['/console/website-report', '网站年度报表', ['report.read']],
  ['/console/supervision', '监督考核', ['supervision.read']],
  ['/console/supervision/audit', '年报审核', ['supervision.read']],
  ['/console/notices', '督办事项', ['case.handle', 'catalog.edit', 'supervision.read']],
  ['/console/standards/inspection', '检查指标自查', ['catalog.edit', 'supervision.read']],
  ['/console/standards/directory', '标准目录', ['catalog.edit', 'agency.manage', 'supervision.read']],
  ['/console/calendar', '工作日历'],
  ['/console/audit', '操作日志', ['audit.read']],
  ['/console/admin/users', '用户管理', ['user.manage']],
  ['/console/admin/agencies', '机构管理', ['agency.manage']],
  ['/console/account/password', '修改密码'],
];

/** The entries of the console's menu a role may use. */
export function consoleNavFor(role: Role): [string, string][] {
  const has = ROLE_PERMISSIONS[role];
  return CONSOLE_NAV.filter(([, , needs]) => !needs || needs.some((p) => has.has(p))).map(([href, label]) => [
    href,
    label,
  ]);
}

export function Layout(props: LayoutProps) {
  const nav = props.console ? (props.user ? consoleNavFor(props.user.role) : []) : PORTAL_NAV;
  const here = props.path ?? '/';
  const back = encodeURIComponent(here);
  return (
    <html lang={props.script === 'hant' ? 'zh-Hant' : 'zh-Hans'}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} - ${props.site}`}</title>
        <link rel="stylesheet" href={STYLESHEET_PATH} />
      </head>
      <body class={props.largeText ? 'large' : ''}>
        <a class="skip" href="#main">
          跳到主要内容
        </a>
        <header class="banner">
          <div class="wrap">
            <div class="site">{props.site}</div>
            <div class="sub">{props.console ? '政府信息公开工作平台' : '政府信息公开'}</div>
            <div class="tools">
              <a href={`/prefs/script?to=${props.script === 'hant' ? 'hans' : 'hant'}&back=${back}`}>
                {props.script === 'hant' ? '简体' : '繁體'}
              </a>
              <a href={`/prefs/large?on=${props.largeText ? '0' : '1'}&back=${back}`}>
                {props.largeText ? '标准版' : '适老化（大字版）'}
              </a>
              {props.user ? (
                <span>
                  {props.user.displayName}
                  <form method="post" action="/logout" class="inline">
                    <input type="hidden" name="_csrf" value={props.csrf ?? ''} />
                    <button type="submit">退出</button>
                  </form>
                </span>
              ) : (
                <a href="/login">工作人员登录</a>
              )}
            </div>
          </div>
          <nav aria-label={props.console ? '工作台导航' : '栏目导航'}>
            <ul class="wrap">
              {nav.map(([href, label]) => (
                <li>
                  <a href={href} aria-current={href === here ? 'page' : undefined}>
                    {label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </header>
        <main id="main" class="wrap" tabindex={-1}>
          {props.children}
        </main>
        <footer class="wrap">
          <p>主办：{props.site}　依据《中华人民共和国政府信息公开条例》（国务院令第711号）</p>
          {props.qrSvg ? (
            <figure class="qr">
              {raw(props.qrSvg)}
              <figcaption>{props.qrCaption ?? '扫一扫在手机打开当前页'}</figcaption>
            </figure>
          ) : null}
        </footer>
      </body>
    </html>
  );
}
