/**
 * Standalone HTML documents the site serves in place (a report's print layout, a case letter): each carries its
 * own <style>, which the site's Content-Security-Policy (src/web/app.tsx, no 'unsafe-inline') would refuse. Such
 * a document is sent with a policy of its own that allows that one <style> by its SHA-256 (CSP Level 2 hash
 * source) and nothing else.
 */
import { createHash } from 'node:crypto';

/**
 * CSS in printable ASCII: every other character (a CJK font name) as a CSS escape, so the portal's 繁 conversion
 * of HTML pages (src/web/prefs.ts) leaves the <style> byte for byte as hashed.
 */
export const asciiCss = (css: string): string =>
  css.replace(/[^\x20-\x7e\n]/gu, (ch) => `\\${(ch.codePointAt(0) ?? 0).toString(16)} `);

/** The policy of a standalone document whose one <style> holds exactly `style`. */
export function standaloneCsp(style: string): string {
  return [
    "default-src 'none'",
    `style-src 'sha256-${createHash('sha256').update(style).digest('base64')}'`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
