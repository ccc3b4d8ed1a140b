/**
 * DOCX for 保密审查: the text mammoth does not read (headers, footers, footnotes, endnotes, comments and the
 * document properties: author, title …) for detection, and 脱敏 in the document's own XML. A paragraph's
 * text is joined across its runs (`<w:t>`), findings are looked for in the joined text, and each masked
 * digit is written back into the run it came from; run properties, fields and everything else stay. Read
 * several ways, so that whatever a reader sees is masked: the visible text, the text with tracked deletions
 * (`<w:delText>`), field instructions (`<w:instrText>`), equations (`<m:t>`), attribute values (alternative
 * text, `w:instr`, hyperlink targets in the relationships) and the document properties.
 */
import {
  maskXmlPieces,
  openPackage,
  piecesText,
  type TextSpec,
  writePackage,
  xmlAttributeTexts,
  xmlTextNodes,
  xmlTexts,
} from './ooxml.ts';

const BREAKS = new Set(['w:p', 'w:tab', 'w:ptab', 'w:br', 'w:cr']);
const VISIBLE: TextSpec = { text: new Set(['w:t']), breaks: BREAKS };
const WITH_DELETIONS: TextSpec = { text: new Set(['w:t', 'w:delText']), breaks: BREAKS };
const FIELD_CODES: TextSpec = { text: new Set(['w:instrText', 'w:delInstrText']), breaks: BREAKS };
const EQUATIONS: TextSpec = { text: new Set(['m:t']), breaks: new Set([...BREAKS, 'm:oMath']) };

/** The main document, and the parts mammoth leaves out. */
const isStory = (name: string) =>
  /^word\/(document|header\d*|footer\d*|footnotes|endnotes|comments\w*)\.xml$/.test(name);
const isMainDocument = (name: string) => name === 'word/document.xml';
const isRelationships = (name: string) => /^word\/_rels\/[^/]+\.xml\.rels$/.test(name);
const isProperties = (name: string) => /^docProps\/(core|app|custom)\.xml$/.test(name);

/** Properties a person writes (core.xml, app.xml) and every custom property value, each a piece of its own. */
const PROPERTY_NAMES = new Set([
  'dc:title',
  'dc:subject',
  'dc:creator',
  'cp:keywords',
  'dc:description',
  'cp:lastModifiedBy',
  'cp:category',
  'cp:contentStatus',
  'Company',
  'Manager',
  'vt:lpwstr',
  'vt:lpstr',
]);
const PROPERTIES: TextSpec = { text: PROPERTY_NAMES, breaks: PROPERTY_NAMES };

/**
 * The text of the parts of a DOCX that mammoth does not read (headers, footers, notes, comments, document
 * properties), one paragraph a line; '' when there is none.
 */
export async function docxOtherText(bytes: Uint8Array): Promise<string> {
  const pkg = await openPackage(bytes);
  const out: string[] = [];
  for (const name of [...pkg.names].sort()) {
    if (isMainDocument(name) || !(isStory(name) || isProperties(name))) continue;
    const xml = await pkg.read(name);
    if (xml === null) continue;
    const text = piecesText(xmlTexts(xml, isProperties(name) ? PROPERTIES : VISIBLE));
    if (text) out.push(text);
  }
  return out.join('\n');
}

/** One XML part of a DOCX with every finding masked. */
export function maskDocxPart(name: string, xml: string): string {
  if (isProperties(name)) return maskXmlPieces(xml, xmlTextNodes(xml));
  if (isRelationships(name)) return maskXmlPieces(xml, xmlAttributeTexts(xml));
  let out = xml;
  for (const spec of [VISIBLE, WITH_DELETIONS, FIELD_CODES, EQUATIONS]) out = maskXmlPieces(out, xmlTexts(out, spec));
  return maskXmlPieces(out, xmlAttributeTexts(out));
}

/**
 * The DOCX with personal data masked in its stories, relationships and properties, or null when nothing
 * needed masking (the file is then left as it is). Parts that did not change are kept as stored.
 */
export async function maskDocx(bytes: Uint8Array): Promise<Uint8Array | null> {
  const pkg = await openPackage(bytes);
  const changed = new Map<string, string>();
  for (const name of pkg.names) {
    if (!(isStory(name) || isRelationships(name) || isProperties(name))) continue;
    const xml = await pkg.read(name);
    if (xml === null) continue;
    const masked = maskDocxPart(name, xml);
    if (masked !== xml) changed.set(name, masked);
  }
  return changed.size ? writePackage(pkg, changed) : null;
}
