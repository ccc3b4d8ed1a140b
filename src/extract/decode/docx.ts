/**
 * DOCX → text, read from the package's XML in one streaming pass (./xml-scan.ts, else htmlparser2), without the
 * HTML mammoth made of it (issue #18: mammoth held DOCX to 10–15 reports/s). The lines are those the HTML
 * path made of mammoth's HTML, line for line (the reader's provenance counts lines), because the document is
 * given to the same reader of tags (`textSink` of ./html.ts) as mammoth's HTML was:
 * - a paragraph is a `p` (a heading or a numbered paragraph an `h1`…`li` inside `ol`/`ul`, nested and
 *   merged as mammoth's default style map and its collapsing of HTML make them); an empty paragraph is
 *   dropped; a paragraph whose mark was deleted in tracked changes runs on into the next;
 * - runs are joined: `w:t` text, `w:tab` a tab, `w:br` a line break (page and column breaks nothing),
 *   inserted text kept, deleted text (`w:del`, `w:moveFrom`), field codes and properties left out;
 * - a table is `table`/`tr`/`td`: `w:gridSpan` its colspan and a `w:vMerge` run of cells one cell with
 *   the rowspan (the grid then repeats the merged text in every slot, as for HTML); deleted rows left out;
 * - text boxes (the VML fallback of `mc:AlternateContent`) follow their paragraph; footnote and endnote
 *   references are `[n]`, the notes listed at the end each with its ` ↑`.
 * Not read, as mammoth did not read them: headers, footers, comments, DrawingML text boxes without a
 * fallback. Differences left: `w:sym` symbols (mammoth mapped Wingdings to Unicode) are not read, and
 * checkbox fields give no character.
 * The package is opened by the sandbox's zip reader (src/sandbox/zip-check.ts: declared sizes checked, each
 * entry inflated with its declared size as the cap); the XML parser expands no DTD entities.
 */
import { Parser } from 'htmlparser2';
import { openZip } from '../../sandbox/zip-check.ts';
import { type TagSink, textSink } from './html.ts';
import { scanXml, type XmlSink, xmlPieces } from './xml-scan.ts';

/** An XML element kept for reading: only those the reader looks at; the rest are never built. */
interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  text: string;
}

/** The canonical prefix of each namespace the reader knows (a generator may choose other prefixes). */
const NAMESPACES: Record<string, string> = {
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main': 'w',
  'http://purl.oclc.org/ooxml/wordprocessingml/main': 'w',
  'http://schemas.openxmlformats.org/markup-compatibility/2006': 'mc',
  'urn:schemas-microsoft-com:vml': 'v',
  'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing': 'wp',
  'http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing': 'wp',
  'http://schemas.openxmlformats.org/drawingml/2006/main': 'a',
  'http://purl.oclc.org/ooxml/drawingml/main': 'a',
  'http://schemas.openxmlformats.org/drawingml/2006/picture': 'pic',
  'http://purl.oclc.org/ooxml/drawingml/picture': 'pic',
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships': 'r',
  'http://purl.oclc.org/ooxml/officeDocument/relationships': 'r',
};

/** Elements read for their content (mammoth's body reader reads these and nothing else). */
const CONTENT = new Set([
  'w:document',
  'w:body',
  'w:footnotes',
  'w:footnote',
  'w:endnotes',
  'w:endnote',
  'w:p',
  'w:r',
  'w:t',
  'w:tab',
  'w:noBreakHyphen',
  'w:softHyphen',
  'w:br',
  'w:hyperlink',
  'w:tbl',
  'w:tr',
  'w:tc',
  'w:footnoteReference',
  'w:endnoteReference',
  'w:bookmarkStart',
  'mc:AlternateContent',
  'mc:Fallback',
  'w:sdt',
  'w:sdtContent',
  'w:customXml',
  'w:ins',
  'w:moveTo',
  'w:object',
  'w:smartTag',
  'w:pict',
  'v:roundrect',
  'v:shape',
  'v:textbox',
  'v:group',
  'v:rect',
  'w:txbxContent',
  'v:imagedata',
]);
/** Property elements kept for the few properties read inside them (PROPERTIES); the rest are never built. */
const PROPERTY_SETS = new Set(['w:pPr', 'w:trPr', 'w:tcPr']);
const PROPERTIES = new Set([
  'w:pStyle',
  'w:numPr',
  'w:ilvl',
  'w:numId',
  'w:rPr',
  'w:del',
  'w:tblHeader',
  'w:gridSpan',
  'w:vMerge',
]);
/** Kept whole: a drawing, for the picture inside it. */
const WHOLE = 'w:drawing';

/**
 * An XML part → the tree of the elements the reader reads (CONTENT, the PROPERTIES inside PROPERTY_SETS,
 * drawings whole); text kept only inside `w:t`. With `keepAll`, every element (styles, numbering, relationships).
 * Read by the fast reader of well-formed XML (./xml-scan.ts); a part it does not read exactly is read again,
 * from the start, by htmlparser2.
 */
function parseXml(xml: string | readonly string[], keepAll = false): XmlNode {
  const fast = treeBuilder(keepAll);
  if (scanXml(xml, fast.sink)) return fast.root;
  const slow = treeBuilder(keepAll);
  const parser = new Parser(slow.sink, { xmlMode: true, decodeEntities: true });
  parser.write(typeof xml === 'string' ? xml : xml.join(''));
  parser.end();
  return slow.root;
}

/** The calls of an XML reader → the tree parseXml returns. */
function treeBuilder(keepAll: boolean): { root: XmlNode; sink: XmlSink } {
  const root: XmlNode = { name: '#root', attrs: {}, children: [], text: '' };
  const stack: XmlNode[] = [root];
  let skip = 0;
  /** Depth inside a drawing (kept whole) or a property set (only PROPERTIES kept). */
  let whole = 0;
  let properties = 0;
  let rename: Map<string, string> | undefined | null = null; // null: not yet known
  const canonical = (name: string) => {
    if (!rename) return name;
    const colon = name.indexOf(':');
    const prefix = colon < 0 ? '' : name.slice(0, colon);
    const to = rename.get(prefix);
    return to === undefined ? name : `${to}:${name.slice(colon + 1)}`;
  };
  /** Whether an element opening now is left out (a property, an element the reader does not read). */
  const skips = (name: string): boolean => {
    if (skip) return true;
    if (whole) return false;
    if (properties) return !PROPERTIES.has(name);
    return !(keepAll || CONTENT.has(name) || PROPERTY_SETS.has(name) || name === WHOLE);
  };
  const sink: XmlSink = {
    ignores: (rawName) => rename !== null && skips(rename ? canonical(rawName) : rawName),
    onopentag(rawName, attrs) {
      if (rename === null) rename = prefixes(attrs);
      const name = rename ? canonical(rawName) : rawName;
      if (skips(name)) {
        skip++;
        return;
      }
      if (whole) whole++;
      else if (properties) properties++;
      else if (PROPERTY_SETS.has(name) && !keepAll && !CONTENT.has(name)) properties = 1;
      else if (name === WHOLE && !keepAll && !CONTENT.has(name)) whole = 1;
      const node: XmlNode = { name, attrs: rename ? renameAttrs(attrs, canonical) : attrs, children: [], text: '' };
      stack[stack.length - 1].children.push(node);
      stack.push(node);
    },
    ontext(text) {
      if (skip) return;
      const top = stack[stack.length - 1];
      if (keepAll || top.name === 'w:t') top.text += text;
    },
    onclosetag() {
      if (skip) {
        skip--;
        return;
      }
      if (whole) whole--;
      else if (properties) properties--;
      if (stack.length > 1) stack.pop();
    },
  };
  return { root, sink };
}

/** The root's namespace prefixes that differ from the canonical ones; undefined when all agree (the usual case). */
function prefixes(attrs: Record<string, string>): Map<string, string> | undefined {
  let map: Map<string, string> | undefined;
  for (const [key, uri] of Object.entries(attrs)) {
    if (key !== 'xmlns' && !key.startsWith('xmlns:')) continue;
    const prefix = key === 'xmlns' ? '' : key.slice(6);
    const to = NAMESPACES[uri];
    if (to !== undefined && to !== prefix) {
      map ??= new Map();
      map.set(prefix, to);
    }
  }
  return map;
}

function renameAttrs(attrs: Record<string, string>, canonical: (name: string) => string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(attrs)) out[key.includes(':') ? canonical(key) : key] = value;
  return out;
}

const child = (node: XmlNode | undefined, name: string) => node?.children.find((c) => c.name === name);
const descendant = (node: XmlNode, name: string): XmlNode | undefined => {
  for (const c of node.children) {
    if (c.name === name) return c;
    const found = descendant(c, name);
    if (found) return found;
  }
  return undefined;
};

// ---- the package: parts and their relationships

interface Package {
  part(path: string): string | undefined;
}

/** Relationship targets by type (its last path segment: officeDocument, footnotes, styles…), resolved to part paths. */
function relationships(pkg: Package, partPath: string): Map<string, string> {
  const slash = partPath.lastIndexOf('/');
  const dir = slash < 0 ? '' : partPath.slice(0, slash + 1);
  const xml = pkg.part(`${dir}_rels/${partPath.slice(slash + 1)}.rels`);
  const out = new Map<string, string>();
  if (!xml) return out;
  for (const rel of parseXml(xml, true).children.flatMap((c) => c.children)) {
    const type = rel.attrs.Type ?? '';
    const target = rel.attrs.Target;
    if (!target || rel.attrs.TargetMode === 'External') continue;
    const kind = type.slice(type.lastIndexOf('/') + 1);
    if (!out.has(kind)) out.set(kind, resolvePath(dir, target));
  }
  return out;
}

function resolvePath(dir: string, target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : dir + target).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

// ---- styles and numbering: which paragraphs are headings and which are list items

interface ListLevel {
  ordered: boolean;
  level: number;
}

interface Styles {
  /** Paragraph style ids whose style is a heading (mammoth's default map makes them h1…h6). */
  headings: Set<string>;
  /** Numbering style id → its numId (for an abstract numbering linked to a style). */
  numberingStyles: Map<string, string>;
}

const HEADING_NAMES = /^(?:heading [1-6]|heading)$/i;
const HEADING_IDS = /^(?:Heading[1-6]|Heading)$/;

function readStyles(xml: string | undefined): Styles {
  const headings = new Set<string>();
  const numberingStyles = new Map<string, string>();
  if (xml) {
    for (const style of parseXml(xml, true).children.flatMap((c) => c.children)) {
      if (style.name !== 'w:style') continue;
      const id = style.attrs['w:styleId'];
      if (!id) continue;
      const type = style.attrs['w:type'];
      const name = child(style, 'w:name')?.attrs['w:val'] ?? '';
      if (type === 'paragraph' && (HEADING_IDS.test(id) || HEADING_NAMES.test(name))) headings.add(id);
      if (type === 'numbering') {
        const numId = child(child(child(style, 'w:pPr'), 'w:numPr'), 'w:numId')?.attrs['w:val'];
        if (numId !== undefined) numberingStyles.set(id, numId);
      }
    }
  }
  return { headings, numberingStyles };
}

interface Numbering {
  find(numId: string, level: string): ListLevel | null;
  byStyle(styleId: string): ListLevel | null;
}

function readNumbering(xml: string | undefined, styles: Styles): Numbering {
  const abstracts = new Map<string, { levels: Map<string, ListLevel>; styleLink?: string }>();
  const nums = new Map<string, string>();
  const byStyle = new Map<string, ListLevel>();
  if (xml) {
    const all: XmlNode[] = [];
    const collect = (n: XmlNode) => {
      for (const c of n.children) {
        all.push(c);
        collect(c);
      }
    };
    collect(parseXml(xml, true));
    for (const node of all) {
      if (node.name === 'w:abstractNum') {
        const levels = new Map<string, ListLevel>();
        let withoutIndex: ListLevel | undefined;
        const lvls: XmlNode[] = [];
        const findLvls = (n: XmlNode) => {
          for (const c of n.children) {
            if (c.name === 'w:lvl') lvls.push(c);
            findLvls(c);
          }
        };
        findLvls(node);
        for (const lvl of lvls) {
          const index = lvl.attrs['w:ilvl'];
          const level: ListLevel = {
            ordered: child(lvl, 'w:numFmt')?.attrs['w:val'] !== 'bullet',
            level: Number(index ?? '0'),
          };
          const style = child(lvl, 'w:pStyle')?.attrs['w:val'];
          if (style !== undefined && !byStyle.has(style)) byStyle.set(style, level);
          if (index === undefined) withoutIndex = level;
          else levels.set(index, level);
        }
        if (withoutIndex && !levels.has('0')) levels.set('0', withoutIndex);
        abstracts.set(node.attrs['w:abstractNumId'], {
          levels,
          styleLink: child(node, 'w:numStyleLink')?.attrs['w:val'],
        });
      } else if (node.name === 'w:num') {
        const abstractId = child(node, 'w:abstractNumId')?.attrs['w:val'];
        if (abstractId !== undefined) nums.set(node.attrs['w:numId'], abstractId);
      }
    }
  }
  const find = (numId: string, level: string, seen = new Set<string>()): ListLevel | null => {
    if (seen.has(numId)) return null;
    seen.add(numId);
    const abstractId = nums.get(numId);
    const abstract = abstractId === undefined ? undefined : abstracts.get(abstractId);
    if (!abstract) return null;
    if (abstract.styleLink === undefined) return abstract.levels.get(level) ?? null;
    const linked = styles.numberingStyles.get(abstract.styleLink);
    return linked === undefined ? null : find(linked, level, seen);
  };
  return { find: (numId, level) => find(numId, level), byStyle: (id) => byStyle.get(id) ?? null };
}

// ---- the document read into paragraphs, tables and inline content

type Inline =
  | { k: 'text'; v: string }
  | { k: 'br' }
  | { k: 'note'; type: 'footnote' | 'endnote'; id: string }
  /** Content without text (an image, a bookmark): it keeps its paragraph from being dropped as empty. */
  | { k: 'mark' };
interface Paragraph {
  k: 'p';
  styleId?: string;
  list: ListLevel | null;
  children: Element[];
}
interface Cell {
  k: 'tc';
  colSpan: number;
  rowSpan: number;
  /** True for a cell continuing the vertical merge of the cell above. */
  vMerge: boolean | null;
  children: Element[];
}
interface Row {
  k: 'tr';
  children: Element[];
}
interface Table {
  k: 'table';
  children: Element[];
}
type Element = Inline | Paragraph | Table | Row | Cell;

interface Read {
  els: Element[];
  /** Content that goes after the enclosing paragraph (what a `w:pict` holds). */
  extra: Element[];
}

class BodyReader {
  /** Children of paragraphs whose mark was deleted: they run on into the next paragraph. */
  private deleted: XmlNode[] = [];
  constructor(private readonly numbering: Numbering) {}

  readAll(nodes: XmlNode[]): Read {
    const els: Element[] = [];
    const extra: Element[] = [];
    for (const node of nodes) {
      const r = this.read(node);
      if (!r) continue;
      if (Array.isArray(r)) els.push(...r);
      else {
        els.push(...r.els);
        extra.push(...r.extra);
      }
    }
    return { els, extra };
  }

  private read(node: XmlNode): Read | Element[] | undefined {
    switch (node.name) {
      case 'w:p':
        return this.paragraph(node);
      case 'w:t':
        return [{ k: 'text', v: node.text }];
      case 'w:tab':
        return [{ k: 'text', v: '\t' }];
      case 'w:noBreakHyphen':
        return [{ k: 'text', v: '\u2011' }];
      case 'w:softHyphen':
        return [{ k: 'text', v: '\u00ad' }];
      case 'w:br': {
        const type = node.attrs['w:type'];
        return type === undefined || type === 'textWrapping' ? [{ k: 'br' }] : undefined;
      }
      case 'w:footnoteReference':
      case 'w:endnoteReference':
        return [
          { k: 'note', type: node.name === 'w:footnoteReference' ? 'footnote' : 'endnote', id: node.attrs['w:id'] },
        ];
      case 'w:bookmarkStart':
        return node.attrs['w:name'] === '_GoBack' ? undefined : [{ k: 'mark' }];
      case 'w:drawing':
        return hasPicture(node) ? [{ k: 'mark' }] : undefined;
      case 'v:imagedata':
        return node.attrs['r:id'] ? [{ k: 'mark' }] : undefined;
      case 'mc:AlternateContent':
        return this.readAll(child(node, 'mc:Fallback')?.children ?? []);
      case 'w:sdt':
        return this.readAll(child(node, 'w:sdtContent')?.children ?? []);
      case 'w:pict': {
        const r = this.readAll(node.children);
        return { els: [], extra: [...r.els, ...r.extra] };
      }
      case 'w:tbl':
        return this.table(node);
      case 'w:tr': {
        const props = child(node, 'w:trPr');
        if (child(props, 'w:del')) return undefined;
        const r = this.readAll(node.children);
        return { els: [{ k: 'tr', children: r.els }], extra: r.extra };
      }
      case 'w:tc': {
        const props = child(node, 'w:tcPr');
        const gridSpan = child(props, 'w:gridSpan')?.attrs['w:val'];
        const merge = child(props, 'w:vMerge');
        const val = merge?.attrs['w:val'];
        const r = this.readAll(node.children);
        const cell: Cell = {
          k: 'tc',
          colSpan: gridSpan ? Number.parseInt(gridSpan, 10) : 1,
          rowSpan: 1,
          vMerge: merge ? val === 'continue' || !val : null,
          children: r.els,
        };
        return { els: [cell], extra: r.extra };
      }
      case 'w:r':
      case 'w:hyperlink':
      case 'w:customXml':
      case 'w:ins':
      case 'w:moveTo':
      case 'w:object':
      case 'w:smartTag':
      case 'v:roundrect':
      case 'v:shape':
      case 'v:textbox':
      case 'v:group':
      case 'v:rect':
      case 'w:txbxContent':
        return this.readAll(node.children);
      default:
        return undefined; // properties, field codes, deleted text: not content
    }
  }

  private paragraph(node: XmlNode): Element[] {
    const props = child(node, 'w:pPr');
    if (child(child(props, 'w:rPr'), 'w:del')) {
      this.deleted.push(...node.children);
      return [];
    }
    let nodes = node.children;
    if (this.deleted.length) {
      nodes = [...this.deleted, ...nodes];
      this.deleted = [];
    }
    const styleId = child(props, 'w:pStyle')?.attrs['w:val'];
    const r = this.readAll(nodes);
    return [{ k: 'p', styleId, list: this.listLevel(styleId, child(props, 'w:numPr')), children: r.els }, ...r.extra];
  }

  private listLevel(styleId: string | undefined, numPr: XmlNode | undefined): ListLevel | null {
    const level = child(numPr, 'w:ilvl')?.attrs['w:val'];
    const numId = child(numPr, 'w:numId')?.attrs['w:val'];
    if (level !== undefined && numId !== undefined) return this.numbering.find(numId, level);
    if (styleId !== undefined) {
      const byStyle = this.numbering.byStyle(styleId);
      if (byStyle) return byStyle;
    }
    return numId !== undefined ? this.numbering.find(numId, '0') : null;
  }

  /** Rows with their vertical merges made rowspans, as mammoth did (none when the table holds anything but rows of cells). */
  private table(node: XmlNode): Read {
    const r = this.readAll(node.children);
    const rows = r.els;
    const regular = rows.every((row) => row.k === 'tr' && row.children.every((c) => c.k === 'tc'));
    const columns = new Map<number, Cell>();
    for (const row of rows) {
      if (row.k !== 'tr') continue;
      let index = 0;
      for (const cell of row.children) {
        if (cell.k !== 'tc') continue;
        if (regular) {
          const above = columns.get(index);
          if (cell.vMerge && above) above.rowSpan++;
          else {
            columns.set(index, cell);
            cell.vMerge = false;
          }
        } else cell.vMerge = false;
        index += cell.colSpan;
      }
    }
    for (const row of rows) if (row.k === 'tr') row.children = row.children.filter((c) => c.k !== 'tc' || !c.vMerge);
    return { els: [{ k: 'table', children: rows }], extra: r.extra };
  }
}

/** A picture mammoth would have read: a blip in a picture's fill, embedded or linked. */
function hasPicture(drawing: XmlNode): boolean {
  const fill = descendant(drawing, 'pic:blipFill');
  const blip = fill && child(fill, 'a:blip');
  return Boolean(blip && (blip.attrs['r:embed'] || blip.attrs['r:link']));
}

// ---- content → tags for the reader, as mammoth's HTML would have given them

/** One element of an HTML path: its tag names (the first is the one made) and whether it may be merged into the one before. */
interface PathStep {
  tags: string[];
  fresh: boolean;
}

const FRESH_P: PathStep[] = [{ tags: ['p'], fresh: true }];
const ANY_LIST = ['ul', 'ol'];

/** mammoth's default style map: headings h1…h6, list levels 1–5 as nested lists, any other paragraph a `p`. */
function pathFor(p: Paragraph, styles: Styles): PathStep[] {
  if (p.styleId !== undefined && styles.headings.has(p.styleId)) return [{ tags: ['h1'], fresh: true }];
  const list = p.list;
  if (!list || !(list.level >= 0 && list.level <= 4)) return FRESH_P;
  const steps: PathStep[] = [];
  for (let i = 0; i < list.level; i++) steps.push({ tags: ANY_LIST, fresh: false }, { tags: ['li'], fresh: false });
  steps.push({ tags: [list.ordered ? 'ol' : 'ul'], fresh: false }, { tags: ['li'], fresh: true });
  return steps;
}

class Writer {
  private noteNumber = 1;
  readonly notes: { type: 'footnote' | 'endnote'; id: string }[] = [];
  constructor(
    private readonly sink: TagSink,
    private readonly styles: Styles,
  ) {}

  /**
   * A sequence of siblings. `open` is the chain of last elements still open for merging (mammoth's
   * collapsing of a non-fresh element into the same element just before it).
   */
  sequence(els: Element[], open: string[] = []): string[] {
    for (const el of els) {
      if (el.k === 'p') {
        if (!this.hasContent(el.children)) continue; // mammoth drops empty paragraphs
        const path = pathFor(el, this.styles);
        let depth = 0;
        while (
          depth < path.length &&
          depth < open.length &&
          !path[depth].fresh &&
          path[depth].tags.includes(open[depth])
        )
          depth++;
        this.closeTo(open, depth);
        for (let i = depth; i < path.length; i++) {
          this.sink.onopentag(path[i].tags[0], {});
          open.push(path[i].tags[0]);
        }
        this.inline(el.children);
      } else if (el.k === 'table') {
        this.closeTo(open, 0);
        this.table(el);
      } else if (el.k === 'tr' || el.k === 'tc') {
        this.closeTo(open, 0); // a row or cell outside a table: its content only
        this.closeAll(this.sequence(el.children));
      } else {
        if (el.k === 'text' && el.v === '') continue;
        this.closeTo(open, 0);
        this.inline([el]);
      }
    }
    return open;
  }

  closeAll(open: string[]): void {
    this.closeTo(open, 0);
  }

  /**
   * The open elements closed down to `depth`. A method, not a closure in `sequence`: the TypeScript loader
   * names every closure when it is made (esbuild's keepNames), a property defined per cell and per paragraph.
   */
  private closeTo(open: string[], depth: number): void {
    while (open.length > depth) this.sink.onclosetag(open.pop() as string);
  }

  private hasContent(children: Element[]): boolean {
    return children.some((c) => (c.k === 'text' ? c.v !== '' : c.k !== 'p' || this.hasContent(c.children)));
  }

  /** A paragraph's runs: adjacent text given as one (no closure to flush it: see closeTo). */
  private inline(children: Element[]): void {
    let text = '';
    for (const c of children) {
      if (c.k === 'text') text += c.v;
      else if (c.k === 'note') {
        this.notes.push({ type: c.type, id: c.id });
        text += `[${this.noteNumber++}]`;
      } else if (c.k === 'br') {
        if (text) this.sink.ontext(text);
        text = '';
        this.sink.onopentag('br', {});
        this.sink.onclosetag('br');
      } else if (c.k === 'p' || c.k === 'table' || c.k === 'tr' || c.k === 'tc') {
        if (text) this.sink.ontext(text);
        text = '';
        this.closeAll(this.sequence([c])); // a block inside a paragraph (a text box of an embedded object)
      }
    }
    if (text) this.sink.ontext(text);
  }

  private table(table: Table): void {
    this.sink.onopentag('table', {});
    for (const row of table.children) {
      if (row.k !== 'tr') {
        this.closeAll(this.sequence([row]));
        continue;
      }
      this.sink.onopentag('tr', {});
      for (const cell of row.children) {
        if (cell.k !== 'tc') {
          this.closeAll(this.sequence([cell]));
          continue;
        }
        const attrs: Record<string, string> = {};
        if (cell.colSpan !== 1) attrs.colspan = String(cell.colSpan);
        if (cell.rowSpan !== 1) attrs.rowspan = String(cell.rowSpan);
        this.sink.onopentag('td', attrs);
        this.closeAll(this.sequence(cell.children));
        this.sink.onclosetag('td');
      }
      this.sink.onclosetag('tr');
    }
    this.sink.onclosetag('table');
  }
}

/** The notes a document refers to, by type and id, as read paragraphs. */
function readNotes(xml: string | undefined, reader: BodyReader): Map<string, Element[]> {
  const notes = new Map<string, Element[]>();
  if (!xml) return notes;
  for (const list of parseXml(xml).children)
    for (const note of list.children) {
      const type = note.attrs['w:type'];
      if (type === 'separator' || type === 'continuationSeparator') continue;
      notes.set(note.attrs['w:id'], reader.readAll(note.children).els);
    }
  return notes;
}

/** A DOCX's text, as lines the reader takes (see the module comment). Throws on a package that is not a DOCX. */
export function docxText(bytes: Uint8Array): string {
  const zip = openZip(bytes);
  const pkg: Package = {
    part(path) {
      const data = zip.read(path);
      return data && Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('utf8');
    },
  };
  const main = relationships(pkg, '').get('officeDocument') ?? 'word/document.xml';
  const documentBytes = zip.read(main);
  // The body in pieces (xml-scan.ts xmlPieces): one string of it would be a large object for V8.
  const document = documentBytes && xmlPieces(documentBytes);
  if (document === undefined) throw new Error('没有正文部件 (no main document part: not a DOCX?)');
  const parts = relationships(pkg, main);
  const dir = main.includes('/') ? main.slice(0, main.lastIndexOf('/') + 1) : '';
  const styles = readStyles(pkg.part(parts.get('styles') ?? `${dir}styles.xml`));
  const numbering = readNumbering(pkg.part(parts.get('numbering') ?? `${dir}numbering.xml`), styles);
  const reader = new BodyReader(numbering);
  const root = parseXml(document);
  const body = child(child(root, 'w:document'), 'w:body');
  const content = reader.readAll(body?.children ?? []).els;

  const sink = textSink({ tables: false });
  const writer = new Writer(sink, styles);
  writer.closeAll(writer.sequence(content));
  if (writer.notes.length) {
    const footnotes = readNotes(pkg.part(parts.get('footnotes') ?? `${dir}footnotes.xml`), reader);
    const endnotes = readNotes(pkg.part(parts.get('endnotes') ?? `${dir}endnotes.xml`), reader);
    sink.onopentag('ol', {});
    for (const ref of writer.notes) {
      const body = (ref.type === 'footnote' ? footnotes : endnotes).get(ref.id);
      if (!body) continue;
      sink.onopentag('li', {});
      const open = writer.sequence(body);
      // The back link `↑` joins the note's last paragraph (mammoth's non-fresh `p`), or is a paragraph of its own.
      if (open.length === 1 && open[0] === 'p') sink.ontext(' ↑');
      else {
        writer.closeAll(open);
        sink.onopentag('p', {});
        sink.ontext(' ↑');
        open.push('p');
      }
      writer.closeAll(open);
      sink.onclosetag('li');
    }
    sink.onclosetag('ol');
  }
  return sink.finish().text;
}
