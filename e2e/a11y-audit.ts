/**
 * WCAG 2.1 AA basics checked in the browser on the page as drawn (computed styles, real layout):
 * - 1.4.3 text contrast: 4.5:1, or 3:1 for large text (24px, or 18.66px bold);
 * - 1.4.11 the focus outline against what surrounds it: 3:1;
 * - 1.3.1 / 4.1.2 every visible form control has a name (label, aria-label, aria-labelledby, title);
 * - 1.1.1 every image has a text alternative (img alt; svg role=img with a name, or hidden);
 * - 3.1.1 the page's language; 2.4.2 a title; one h1;
 * - 1.4.10 reflow: at 320 CSS px wide the page scrolls only vertically (wide tables scroll in their box).
 * `auditPage` runs inside the page (page.evaluate; so it is one self-contained function) and returns what fails,
 * one line each, and the focused element's outline with its contrast against the colour behind it.
 */
export interface Audit {
  problems: string[];
  focus: { element: string; outline: string; ratio: number } | null;
}

export function auditPage(): Audit {
  const problems: string[] = [];
  const describe = (el: Element) =>
    `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : ''}> "${(el.textContent ?? '').trim().slice(0, 24)}"`;

  const parse = (color: string): [number, number, number, number] => {
    const m = color.match(/rgba?\(([^)]+)\)/);
    if (!m) return [0, 0, 0, 0];
    const [r, g, b, a = '1'] = m[1].split(/[\s,/]+/).filter(Boolean);
    return [Number(r), Number(g), Number(b), Number(a)];
  };
  const luminance = ([r, g, b]: number[]) => {
    const lin = (v: number) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  };
  const ratio = (a: number[], b: number[]) => {
    const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05);
  };
  /** The colour behind an element: the first ancestor with an opaque background, blended over white. */
  const backgroundOf = (el: Element | null): number[] => {
    const layers: number[][] = [];
    for (let e = el; e; e = e.parentElement) {
      const bg = parse(getComputedStyle(e).backgroundColor);
      if (bg[3] > 0) layers.push(bg);
      if (bg[3] >= 1) break;
    }
    let out = [255, 255, 255];
    for (const [r, g, b, a] of layers.reverse())
      out = [r * a + out[0] * (1 - a), g * a + out[1] * (1 - a), b * a + out[2] * (1 - a)];
    return out;
  };
  const visible = (el: Element) => {
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    return style.visibility !== 'hidden' && style.display !== 'none' && box.width > 0 && box.height > 0;
  };

  if (!/^zh/.test(document.documentElement.lang))
    problems.push(`3.1.1 html lang is "${document.documentElement.lang}"`);
  if (!document.title.trim()) problems.push('2.4.2 the page has no title');
  const h1 = document.querySelectorAll('h1').length;
  if (h1 !== 1) problems.push(`one h1 expected, found ${h1}`);

  // Text contrast: every element that holds text of its own.
  for (const el of document.body.querySelectorAll('*')) {
    if (el.closest('svg') || !visible(el)) continue;
    const own = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim());
    if (!own) continue;
    const style = getComputedStyle(el);
    const fg = parse(style.color);
    const bg = backgroundOf(el);
    const blended = [0, 1, 2].map((i) => fg[i] * fg[3] + bg[i] * (1 - fg[3]));
    const size = Number.parseFloat(style.fontSize);
    const bold = Number(style.fontWeight) >= 700;
    const need = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
    const r = ratio(blended, bg);
    if (r < need) problems.push(`1.4.3 contrast ${r.toFixed(2)} < ${need} ${describe(el)}`);
  }

  // Names of form controls.
  for (const el of document.querySelectorAll<HTMLElement>('input, select, textarea')) {
    const type = el.getAttribute('type') ?? '';
    if (['hidden', 'submit', 'button', 'reset'].includes(type)) continue;
    const labelled =
      ((el as HTMLInputElement).labels?.length ?? 0) > 0 ||
      el.getAttribute('aria-label')?.trim() ||
      el.getAttribute('aria-labelledby') ||
      el.getAttribute('title')?.trim();
    if (!labelled) problems.push(`1.3.1 a form control has no label: ${el.outerHTML.slice(0, 80)}`);
  }
  for (const el of document.querySelectorAll('button, a[href]')) {
    if (!visible(el)) continue;
    const name = (el.textContent ?? '').trim() || el.getAttribute('aria-label') || el.getAttribute('title');
    if (!name && !el.querySelector('img[alt]:not([alt=""])'))
      problems.push(`4.1.2 no accessible name: ${el.outerHTML.slice(0, 80)}`);
  }

  // Text alternatives.
  for (const img of document.querySelectorAll('img')) {
    if (!img.hasAttribute('alt')) problems.push(`1.1.1 img without alt: ${img.outerHTML.slice(0, 80)}`);
  }
  for (const svg of document.querySelectorAll('svg')) {
    if (svg.parentElement?.closest('svg')) continue;
    const hidden = svg.getAttribute('aria-hidden') === 'true' || svg.closest('[aria-hidden="true"]');
    const named =
      svg.getAttribute('role') === 'img' &&
      (svg.getAttribute('aria-label')?.trim() || svg.getAttribute('aria-labelledby') || svg.querySelector('title'));
    const captioned = svg.closest('figure')?.querySelector('figcaption');
    if (!hidden && !named && !captioned) problems.push(`1.1.1 svg without a name: ${svg.outerHTML.slice(0, 80)}`);
  }

  // Reflow: nothing makes the page itself scroll sideways.
  const overflow = document.documentElement.scrollWidth - document.documentElement.clientWidth;
  if (overflow > 1) {
    const wide = [...document.body.querySelectorAll('*')]
      .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
      .filter(
        (el) =>
          !el.parentElement ||
          el.parentElement.getBoundingClientRect().right <= document.documentElement.clientWidth + 1,
      )
      .slice(0, 3)
      .map(describe);
    problems.push(`1.4.10 the page is ${overflow}px wider than the screen: ${wide.join(', ')}`);
  }

  // The focus outline of the element that has focus, against what is behind it.
  const active = document.activeElement;
  let focus: Audit['focus'] = null;
  if (active && active !== document.body) {
    const style = getComputedStyle(active);
    focus = {
      element: describe(active),
      outline: style.outlineStyle === 'none' ? 'none' : `${style.outlineWidth} ${style.outlineStyle}`,
      ratio: ratio(parse(style.outlineColor), backgroundOf(active.parentElement)),
    };
  }
  return { problems, focus };
}
