// audit.js SITE_DIR...: opens every page of each web edition in headless
// Chromium (Debian's, driven by puppeteer-core) and checks what issue 13 asks
// of it: axe-core finds no WCAG 2.1 A or AA violation; the page has a lang,
// one h1 and no skipped heading level; the first Tab reaches the skip link
// and it leads to <main>; at 320 CSS px (what 400 % zoom of a 1280 px window
// gives) nothing scrolls sideways; no request leaves the folder. It takes
// screenshots of index.html at 1280 and 320 px into SITE_DIR/../screenshots
// and checks they are not blank. Prints one line per page; exits 1 on any
// failure.
'use strict';
const fs = require('fs');
const path = require('path');
const puppeteer = require('puppeteer-core');

const axePath = require.resolve('axe-core/axe.min.js');
const chromium = process.env.CHROMIUM || '/usr/bin/chromium';
const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

function fail(list, page, what) {
  list.push(`${page}: ${what}`);
}

async function structure(page) {
  return page.evaluate(() => {
    const problems = [];
    if (!document.documentElement.lang) problems.push('no lang');
    const h1 = document.querySelectorAll('h1').length;
    if (h1 !== 1) problems.push(`${h1} h1 elements`);
    let last = 0;
    for (const h of document.querySelectorAll('h1,h2,h3,h4,h5,h6')) {
      const level = Number(h.tagName[1]);
      if (level > last + 1) problems.push(`heading ${h.tagName} after h${last}: ${h.textContent.slice(0, 40)}`);
      last = level;
    }
    for (const l of ['header', 'nav', 'main', 'footer'])
      if (!document.querySelector(l)) problems.push(`no <${l}> landmark`);
    for (const svg of document.querySelectorAll('main svg:not([aria-hidden])')) {
      const id = svg.getAttribute('aria-labelledby');
      const label = id && document.getElementById(id);
      if (!label || label.textContent.trim().length < 20) problems.push('a chart without a text alternative');
    }
    return problems;
  });
}

async function skipLink(page) {
  await page.keyboard.press('Tab');
  const first = await page.evaluate(() => {
    const a = document.activeElement;
    return a && a.tagName === 'A' ? a.getAttribute('href') : null;
  });
  if (first !== '#main') return [`first Tab reaches ${first}, not the skip link`];
  await page.keyboard.press('Enter');
  const target = await page.evaluate(() => location.hash);
  return target === '#main' ? [] : ['the skip link does not lead to #main'];
}

async function noSideScroll(page) {
  await page.setViewport({ width: 320, height: 800 });
  const w = await page.evaluate(() => document.documentElement.scrollWidth);
  return w > 320 ? [`scrolls sideways at 320 px (${w} px wide)`] : [];
}

// A screenshot is not blank when it holds many colours: it is drawn into a
// canvas in a blank page and its pixels counted.
async function colours(browser, png) {
  const page = await browser.newPage();
  const n = await page.evaluate(async (data) => {
    const img = new Image();
    img.src = 'data:image/png;base64,' + data;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const ctx = c.getContext('2d');
    ctx.drawImage(img, 0, 0);
    const px = ctx.getImageData(0, 0, c.width, c.height).data;
    const seen = new Set();
    for (let i = 0; i < px.length && seen.size < 1000; i += 4 * 7) seen.add((px[i] << 16) | (px[i + 1] << 8) | px[i + 2]);
    return seen.size;
  }, png.toString('base64'));
  await page.close();
  return n;
}

// Two tabs run at once, and headless Chromium may hand back a white frame
// for a tab that is not in front or has not painted since the last change
// (seen once in CI: a blank 1280 px shot of a page that renders). So one
// screenshot at a time, of the tab brought to the front after two animation
// frames, taken again (at most three times) while it is blank.
let shotQueue = Promise.resolve();
function screenshot(browser, page) {
  const take = async () => {
    let png;
    for (let attempt = 0; attempt < 3; attempt++) {
      await page.bringToFront();
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      png = await page.screenshot({ fullPage: false });
      if ((await colours(browser, png)) >= 8) break;
    }
    return png;
  };
  const next = shotQueue.then(take);
  shotQueue = next.catch(() => {});
  return next;
}

async function auditSite(browser, dir, problems) {
  const pages = fs.readdirSync(dir).filter((f) => f.endsWith('.html')).sort();
  if (!pages.includes('index.html')) fail(problems, dir, 'no index.html');
  const shots = path.join(path.dirname(path.resolve(dir)), 'screenshots');
  fs.mkdirSync(shots, { recursive: true });
  const axeSource = fs.readFileSync(axePath, 'utf8');
  // Two tabs at a time: the machine's cores, not the browser, are the limit.
  const queue = pages.slice();
  const worker = async () => {
    for (let file; (file = queue.shift()); ) await auditPage(browser, dir, file, shots, axeSource, problems);
  };
  await Promise.all([worker(), worker()]);
  return pages.length;
}

async function auditPage(browser, dir, file, shots, axeSource, problems) {
  {
    const name = `${path.basename(dir)}/${file}`;
    const page = await browser.newPage();
    page.setDefaultTimeout(900000);
    const outside = [];
    page.on('request', (req) => {
      if (!req.url().startsWith('file://') && !req.url().startsWith('data:')) outside.push(req.url());
    });
    await page.setViewport({ width: 1280, height: 900 });
    await page.goto('file://' + path.resolve(dir, file), { waitUntil: 'load' });
    await page.evaluate(axeSource);
    const result = await page.evaluate((t) => axe.run(document, { runOnly: { type: 'tag', values: t }, resultTypes: ['violations'] }), tags);
    for (const v of result.violations)
      fail(problems, name, `axe ${v.id} (${v.impact}): ${v.help}; ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
    for (const p of await structure(page)) fail(problems, name, p);
    for (const p of await skipLink(page)) fail(problems, name, p);
    if (file === 'index.html') {
      const wide = await screenshot(browser, page);
      fs.writeFileSync(path.join(shots, `${path.basename(dir)}-index-1280.png`), wide);
      if ((await colours(browser, wide)) < 8) fail(problems, name, 'the 1280 px screenshot is blank');
    }
    for (const p of await noSideScroll(page)) fail(problems, name, p);
    if (file === 'index.html') {
      const narrow = await screenshot(browser, page);
      fs.writeFileSync(path.join(shots, `${path.basename(dir)}-index-320.png`), narrow);
      if ((await colours(browser, narrow)) < 8) fail(problems, name, 'the 320 px screenshot is blank');
    }
    for (const u of outside) fail(problems, name, `external request ${u}`);
    const links = await page.evaluate(() => [...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')));
    for (const href of links) {
      if (/^[a-z]+:/i.test(href)) {
        if (!href.startsWith('mailto:')) fail(problems, name, `a link leaves the site: ${href}`);
        continue;
      }
      const [target, hash] = href.split('#');
      if (target && !fs.existsSync(path.resolve(dir, target))) fail(problems, name, `broken link ${href}`);
      else if (!target && hash && !(await page.$(`[id="${hash}"]`))) fail(problems, name, `no anchor #${hash}`);
    }
    console.log(`${name}: ${result.violations.length} axe violations, ${result.passes.length + result.violations.length + result.incomplete.length} rules run`);
    await page.close();
  }
}

(async () => {
  const dirs = process.argv.slice(2);
  if (!dirs.length) {
    console.error('usage: node audit.js SITE_DIR...');
    process.exit(2);
  }
  const browser = await puppeteer.launch({
    executablePath: chromium,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--allow-file-access-from-files'],
    // On a loaded CI machine a screenshot can take minutes: slowness is not
    // what this test is about.
    protocolTimeout: 900000,
  });
  const problems = [];
  let count = 0;
  try {
    for (const d of dirs) count += await auditSite(browser, d, problems);
  } finally {
    await browser.close();
  }
  for (const p of problems) console.error(`FAIL ${p}`);
  console.log(`${count} pages audited, ${problems.length} problems`);
  process.exit(problems.length || count === 0 ? 1 : 0);
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
