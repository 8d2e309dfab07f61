// Renders media/icon.svg to the 128×128 PNG the marketplace shows (uses the chromium the e2e run installs):
//   node scripts/e2e/render-icon.mjs media/icon.svg media/icon.png
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
const svg = readFileSync(process.argv[2], 'utf8');
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
const page = await browser.newPage({ viewport: { width: 128, height: 128 } });
await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
await page.locator('svg').screenshot({ path: process.argv[3], omitBackground: true });
await browser.close();
