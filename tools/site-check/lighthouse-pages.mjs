// Runs Lighthouse on each page given, one after another in one headless
// Chromium, and writes each page's report as JSON into a folder, named by
// the page's place in the list: 0.json, 1.json, ...
//
//   node lighthouse-pages.mjs OUT_DIR URL...
//
// CHROME_PATH names the browser. The lighthouse command would start a
// browser, and Node, for every page: about 5 of the 13 seconds a page took
// in CI. Lighthouse resets the origin's storage before each run, so one
// browser serves them all, as its documentation's programmatic use does.
// The full-page screenshot, which no category scores, is not taken.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

const [outDir, ...urls] = process.argv.slice(2);
if (!outDir || urls.length === 0) {
  console.error('usage: node lighthouse-pages.mjs OUT_DIR URL...');
  process.exit(2);
}

const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'lighthouse-'));
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH,
  userDataDir: profile,
  chromeFlags: [
    '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
  ],
});
let failed = false;
try {
  for (const [i, url] of urls.entries()) {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
      disableFullPageScreenshot: true,
    });
    if (!result || result.lhr.runtimeError) {
      console.error(`${url}: ${result ? result.lhr.runtimeError.message : 'no result'}`);
      failed = true;
      continue;
    }
    fs.writeFileSync(path.join(outDir, `${i}.json`), result.report);
  }
} finally {
  await chrome.kill();
  fs.rmSync(profile, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
