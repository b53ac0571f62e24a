// consistency.js JARVA DB AREAS_CSV SITE_DIR...: every figure and status on
// the web edition's pages is the database's, as the CLI prints it. For each
// element the pages mark with data-ind/data-year/data-area (the value cells of
// the summary, the charts' tables and the area profiles), the estimate and
// interval must be those of `jarva results --format json`, a suppressed one
// must be suppressed there, and the cell's text must hold the value formatted
// here, independently of the C code (whole percent, decimal comma and
// non-breaking spaces in Swedish). Every status shown must be the status of
// `jarva status --format json`, in that language's word. Exits 1 on any
// difference.
'use strict';
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');

const [jarva, db, areasCsv, ...sites] = process.argv.slice(2);
if (!sites.length) {
  console.error('usage: node consistency.js JARVA DB AREAS_CSV SITE_DIR...');
  process.exit(2);
}

// The words of docs/status.md's table. A status the CLI prints that is not
// here fails the test: a new status needs its words on the pages.
const WORDS = {
  achieved: { sv: 'Uppnått', en: 'Achieved' },
  on_track: { sv: 'På väg', en: 'On track' },
  uncertain: { sv: 'Osäkert', en: 'Uncertain' },
  off_track: { sv: 'Inte på väg', en: 'Off track' },
  insufficient_data: { sv: 'Otillräckliga data', en: 'Insufficient data' },
  no_target: { sv: 'Inget mål att bedöma', en: 'No target to assess' },
};

const cli = (...args) => JSON.parse(execFileSync(jarva, ['--db', db, ...args, '--format', 'json'], { encoding: 'utf8' }));
// With the breakdowns: a row of the tables by sex, age group, organisation
// and role carries its data-domain.
const results = cli('results', '--domains');
const statuses = cli('status');
const indicators = new Map(cli('indicators').map((i) => [i.id, i]));
const areaName = new Map();
for (const line of fs.readFileSync(areasCsv, 'utf8').split('\n').slice(1)) {
  const [id, name] = line.split(',');
  if (id) areaName.set(id, name);
}
const byKey = new Map(results.map((r) => [`${r.indicator}|${r.year}|${r.area}|${r.domain || ''}`, r]));
const statusOf = new Map(statuses.map((s) => [s.indicator, s.status]));

const problems = [];
for (const s of statuses) if (!WORDS[s.status]) problems.push(`status ${s.status} of ${s.indicator} has no words`);

// Half away from zero on the shown digits, after taking the value to 15
// significant digits (docs: reports/number_format.h).
function digits(value, decimals, lang) {
  const scaled = Number((Math.abs(value) * 10 ** decimals).toPrecision(15));
  const rounded = Math.round(scaled) / 10 ** decimals;
  let [int, frac] = rounded.toFixed(decimals).split('.');
  const sep = lang === 'sv' ? '\u00a0' : ',';
  int = int.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
  const text = frac ? `${int}${lang === 'sv' ? ',' : '.'}${frac}` : int;
  return (value < 0 && rounded !== 0 ? '\u2212' : '') + text;
}

// Shares are read in percent: a proportion, or a rate that `jarva indicators`
// gives on the 0-1 scale (unit "proportion"; the catalogue writes "%",
// indicators/README.md).
const percent = (ind) =>
  ind.measure === 'proportion' || (ind.measure === 'rate' && (ind.unit === 'proportion' || ind.unit === '%'));

function shown(ind, value, lang, interval) {
  if (percent(ind)) return digits(value * 100, 0, lang);
  if (ind.measure === 'count') return digits(value, interval ? 1 : 0, lang);
  return digits(value, 1, lang);
}

let cells = 0;
let words = 0;
for (const site of sites) {
  const lang = /lang="en"/.test(fs.readFileSync(path.join(site, 'index.html'), 'utf8')) ? 'en' : 'sv';
  const pct = lang === 'sv' ? '\u00a0%' : '%';
  for (const file of fs.readdirSync(site).filter((f) => f.endsWith('.html'))) {
    const html = fs.readFileSync(path.join(site, file), 'utf8');
    const where = `${path.basename(site)}/${file}`;
    // <td|tr ... data-ind=".." data-area=".." data-year=".." [data-est..]>TEXT</td|tr>
    for (const m of html.matchAll(/<(td|tr|p)([^>]*data-year="[^"]*"[^>]*)>(.*?)<\/\1>/gs)) {
      const attr = (name) => (m[2].match(new RegExp(` ${name}="([^"]*)"`)) || [])[1];
      const text = m[3].replace(/<[^>]+>/g, ' ');
      const ind = indicators.get(attr('data-ind'));
      const domain = (attr('data-domain') || '').replace(/&amp;/g, '&');
      const key = `${attr('data-ind')}|${attr('data-year')}|${attr('data-area')}|${domain}`;
      const r = byKey.get(key);
      cells++;
      if (!ind || !r) {
        problems.push(`${where}: ${key} (${areaName.get(attr('data-area'))}) is not in jarva results`);
        continue;
      }
      if (attr('data-suppressed')) {
        if (!r.suppressed || r.estimate !== null) problems.push(`${where}: ${key} withheld on the page, not in the database`);
        continue;
      }
      if (r.suppressed || r.estimate === null) {
        problems.push(`${where}: ${key} is shown but suppressed in the database`);
        continue;
      }
      const close = (a, b) => Math.abs(Number(a) - b) <= 1e-9 * Math.max(1, Math.abs(b));
      if (!close(attr('data-est'), r.estimate)) problems.push(`${where}: ${key} estimate ${attr('data-est')} != ${r.estimate}`);
      const value = shown(ind, r.estimate, lang, false) + (percent(ind) ? pct : '');
      if (!text.includes(value)) problems.push(`${where}: ${key} shows "${text}", expected ${JSON.stringify(value)}`);
      if (r.ci_low !== null && r.ci_high !== null && !r.exact) {
        if (!close(attr('data-lo'), r.ci_low) || !close(attr('data-hi'), r.ci_high))
          problems.push(`${where}: ${key} interval ${attr('data-lo')}..${attr('data-hi')} != ${r.ci_low}..${r.ci_high}`);
        const lo = shown(ind, r.ci_low, lang, true);
        const hi = shown(ind, r.ci_high, lang, true);
        const joined = lo.startsWith('\u2212') ? `${lo} ${lang === 'sv' ? 'till' : 'to'} ${hi}` : `${lo}\u2013${hi}`;
        const ci = joined + (percent(ind) ? pct : '');
        if (!text.includes(ci)) problems.push(`${where}: ${key} shows "${text}", expected the interval ${JSON.stringify(ci)}`);
      }
    }
    // Statuses: in a summary row (<td data-ind>) or an indicator's section.
    const sections = [...html.matchAll(/<(?:td data-ind="([^"]+)"|section class="indicator" id="ind-([^"]+)")/g)];
    for (const m of html.matchAll(/<span class="status s-[a-z_]+" data-status="([a-z_]+)">.*?<\/svg> ([^<]*)<\/span>/g)) {
      const status = m[1];
      const word = m[2];
      words++;
      if (!WORDS[status]) {
        problems.push(`${where}: unknown status ${status}`);
        continue;
      }
      if (word !== WORDS[status][lang]) problems.push(`${where}: ${status} written "${word}", expected "${WORDS[status][lang]}"`);
      const owner = sections.filter((s) => s.index < m.index).pop();
      const id = owner && (owner[1] || owner[2]);
      // A status inside an indicator's row or section is that indicator's;
      // the others are the legend's.
      const inRow = owner && html.lastIndexOf('</tr>', m.index) < owner.index;
      const inSection = owner && owner[2] && html.lastIndexOf('</section>', m.index) < owner.index;
      if (id && (inRow || inSection) && statusOf.get(id) !== status)
        problems.push(`${where}: ${id} shown as ${status}, jarva status says ${statusOf.get(id)}`);
    }
  }
}
for (const p of problems.slice(0, 40)) console.error(`FAIL ${p}`);
console.log(`consistency: ${cells} value cells and ${words} status words checked, ${problems.length} differences`);
process.exit(problems.length || !cells ? 1 : 0);
