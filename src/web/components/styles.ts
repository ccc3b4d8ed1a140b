import { INDENT_CSS } from '../../report/render/html.ts';

/**
 * The site's stylesheet, served as a file whose address names its hash (src/web/assets.ts): no build step, kept
 * by the browser for a year, and no 'unsafe-inline' in the Content-Security-Policy. Colours meet WCAG 2.1 AA contrast
 * (text #1a1a1a on white 17:1; white on #a4161a banner 7.6:1; links #0b4f9c on white 8.1:1); the focus
 * outline 3:1 at least against what is behind it (#0b4f9c on white 8.1:1, #ffd75e on the banner 5.7:1).
 * Wide report tables scroll in their own box and charts shrink to the screen (reflow at 320 px).
 */
export const STYLES = `
*{box-sizing:border-box}
body{margin:0;font-family:"Noto Sans CJK SC","Microsoft YaHei","PingFang SC",sans-serif;color:#1a1a1a;background:#fff;font-size:16px;line-height:1.7}
body.large{font-size:22px}
body.large table{font-size:20px}
.wrap{max-width:1180px;margin:0 auto;padding:0 16px}
.skip{position:absolute;left:-999px;top:0;background:#ffd;padding:8px}
.skip:focus{left:8px;z-index:10}
a{color:#0b4f9c}
:focus-visible{outline:3px solid #0b4f9c;outline-offset:2px}
.banner :focus-visible{outline-color:#ffd75e}
.banner{background:#a4161a;color:#fff}
.banner .wrap{display:flex;flex-wrap:wrap;align-items:baseline;gap:12px;padding-top:14px;padding-bottom:10px}
.banner .site{font-size:1.6em;font-weight:700;letter-spacing:2px}
.banner .sub{font-size:1.1em}
.banner .tools{margin-left:auto;display:flex;gap:12px;align-items:center}
.banner .tools a,.banner .tools button{color:#fff}
.banner nav{background:#7d1013}
.banner nav ul{display:flex;flex-wrap:wrap;list-style:none;margin:0 auto;padding:0}
.banner nav a{display:block;color:#fff;padding:10px 14px;text-decoration:none}
.banner nav a[aria-current=page],.banner nav a:hover{background:#5c0b0e}
form.inline{display:inline;margin-left:8px}
button,.button{background:#0b4f9c;color:#fff;border:0;padding:6px 14px;border-radius:3px;font:inherit;cursor:pointer;text-decoration:none;display:inline-block}
button.secondary{background:#555}
button.danger{background:#a4161a}
main{padding-top:16px;padding-bottom:32px;min-height:60vh}
h1{font-size:1.5em;border-bottom:2px solid #a4161a;padding-bottom:6px}
h2{font-size:1.25em}
table{border-collapse:collapse;width:100%;margin:12px 0}
th,td{border:1px solid #888;padding:4px 8px;vertical-align:middle}
th{background:#f2f2f2;font-weight:600}
td.num{text-align:right;font-variant-numeric:tabular-nums}
.meta th{width:10em;text-align:left}
label{display:block;margin:8px 0 2px;font-weight:600}
input[type=text],input[type=password],input[type=date],input[type=email],input[type=tel],input[type=number],select,textarea{width:100%;max-width:36em;padding:6px;border:1px solid #666;border-radius:3px;font:inherit}
textarea{min-height:8em}
.hint{color:#444;font-size:.9em}
.error{background:#fdecea;border-left:4px solid #a4161a;padding:8px 12px}
.ok{background:#e8f5e9;border-left:4px solid #1b5e20;padding:8px 12px}
.warn{background:#fff8e1;border-left:4px solid #8d6e00;padding:8px 12px}
.tag{display:inline-block;padding:0 6px;border-radius:3px;font-size:.85em}
.tag.overdue{background:#a4161a;color:#fff}
.tag.soon{background:#8d6e00;color:#fff}
.tag.provisional{background:#4a4a4a;color:#fff}
.tag.ok{background:#1b5e20;color:#fff;border:0;padding:0 6px}
mark{background:#ffe58f;color:inherit}
ul.cards{list-style:none;padding:0}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(240px,1fr));gap:12px}
.card{border:1px solid #ccc;border-radius:4px;padding:12px}
footer{border-top:1px solid #ccc;padding-top:8px;padding-bottom:24px;color:#333;display:flex;justify-content:space-between;flex-wrap:wrap}
figure.qr{margin:0;text-align:center;font-size:.85em}
figure.qr svg{width:96px;height:96px}
.report-table th,.report-table td{font-size:.95em}
.table-scroll{overflow-x:auto;max-width:100%}
.charts svg,.charts img{max-width:100%;height:auto}
${INDENT_CSS}
@media (max-width:640px){.banner .site{font-size:1.25em}.banner nav a{padding:8px 10px}table{font-size:.85em}th,td{padding:2px 4px}}
.field-error{margin:4px 0 8px}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.filters{display:flex;flex-wrap:wrap;gap:8px 16px;align-items:flex-end}
.filters .filter{display:flex;flex-direction:column}
.filters .filter.wide{flex:1 1 100%}
.pager{margin:12px 0}
pre.message{white-space:pre-wrap;font:inherit;margin:4px 0}
[aria-invalid=true]{border-color:#a4161a;outline-color:#a4161a}
.receipt figure{margin:12px 0;display:flex;gap:12px;align-items:center}
.receipt figure svg{width:128px;height:128px;flex:none}
.receipt figcaption{overflow-wrap:anywhere;min-width:0}
.receipt #similar li{overflow-wrap:anywhere;word-break:break-all;min-width:0}
@media print{.banner nav,.banner .tools,footer,.noprint,.skip{display:none}body{font-size:12pt}.receipt{border:1px solid #000;padding:12pt}.receipt details>*{display:block}.receipt a{color:#000;text-decoration:none}}
`;
