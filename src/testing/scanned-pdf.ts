/**
 * A scanned PDF made for tests and benchmarks (issue #16): a page of HTML rendered in Debian's chromium to a
 * picture at twice the screen's resolution, and the picture alone on a PDF page of its size, as a scanner
 * makes it: no text layer. Needs chromium (e2e/harness.ts's CHROMIUM).
 */
import { launchBrowser } from '../../e2e/harness.ts';

export async function scannedPdf(html: string): Promise<Uint8Array> {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1000, height: 800 }, deviceScaleFactor: 2 });
    await page.setContent(html);
    const png = await page.screenshot({ fullPage: true });
    const { width, height } = await page.evaluate(() => ({
      width: document.documentElement.scrollWidth,
      height: document.documentElement.scrollHeight,
    }));
    await page.setContent(
      `<html><body style="margin:0"><img style="display:block;width:${width}px;height:${height}px" src="data:image/png;base64,${png.toString('base64')}"></body></html>`,
    );
    return new Uint8Array(await page.pdf({ width: `${width}px`, height: `${height}px`, pageRanges: '1' }));
  } finally {
    await browser.close();
  }
}
