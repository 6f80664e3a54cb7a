#!/usr/bin/env node
/**
 * Checks the built task pane against its budget: the gzipped size of the JavaScript a page loads
 * before anything else (the <script> tags of taskpane.html / commands.html that come from our
 * bundle, not office.js) must stay at or under 250 KB. Lazy chunks are listed but not budgeted.
 *   node scripts/check-bundle-size.js [distDir] [--budget-kb=250]
 * Exit code 1 when a page is over budget or dist/ has no task pane; 0 otherwise.
 */
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const DEFAULT_BUDGET_KB = 250;
const PAGES = [
  { html: 'taskpane.html', required: true },
  { html: 'commands.html', required: false },
];

function gzipSize(file) {
  return zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
}

function kb(bytes) {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

/** Our script files a page loads up front: <script src> tags, minus office.js (CDN or bundled copy). */
function initialScripts(distDir, htmlFile) {
  const html = fs.readFileSync(path.join(distDir, htmlFile), 'utf8');
  const sources = [...html.matchAll(/<script\b[^>]*\bsrc=["']([^"']+)["']/gi)].map((m) => m[1]);
  return sources
    .filter((src) => !/^(https?:)?\/\//i.test(src) && !/office(\.debug)?\.js$/i.test(src))
    .map((src) => path.join(distDir, src.split(/[?#]/)[0].replace(/^\.?\//, '')))
    .filter((file) => fs.existsSync(file));
}

/** Fallback when there is no HTML page: the top-level <entry>*.js files. */
function entryFiles(distDir, entry) {
  return fs
    .readdirSync(distDir)
    .filter((f) => f.startsWith(entry) && f.endsWith('.js'))
    .map((f) => path.join(distDir, f));
}

function listJs(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'office-js' ? [] : listJs(full);
    return e.name.endsWith('.js') ? [full] : [];
  });
}

function check(distDir, budgetBytes, log = console.log) {
  const results = [];
  const initial = new Set();
  for (const page of PAGES) {
    const htmlPath = path.join(distDir, page.html);
    const entry = page.html.replace(/\.html$/, '');
    let files = fs.existsSync(htmlPath) ? initialScripts(distDir, page.html) : [];
    if (!files.length) files = entryFiles(distDir, entry);
    if (!files.length) {
      if (page.required) results.push({ page: entry, bytes: 0, files: [], missing: true });
      continue;
    }
    files.forEach((f) => initial.add(f));
    const bytes = files.reduce((sum, f) => sum + gzipSize(f), 0);
    results.push({ page: entry, bytes, files, over: bytes > budgetBytes });
  }
  log(`initial JavaScript, gzipped (budget ${kb(budgetBytes)} per page):`);
  for (const r of results) {
    if (r.missing) {
      log(`  ${r.page.padEnd(10)} MISSING (no ${r.page}.html or ${r.page}*.js in ${distDir})`);
      continue;
    }
    log(`  ${r.page.padEnd(10)} ${kb(r.bytes).padStart(10)}  ${r.over ? 'OVER BUDGET' : 'ok'}`);
    for (const f of r.files) log(`      ${path.relative(distDir, f).padEnd(44)} ${kb(gzipSize(f)).padStart(10)}`);
  }
  const lazy = listJs(distDir).filter((f) => !initial.has(f) && !/^(harness|wps)/.test(path.basename(f)));
  if (lazy.length) {
    log('lazy chunks, gzipped (not budgeted):');
    for (const f of lazy) log(`      ${path.relative(distDir, f).padEnd(44)} ${kb(gzipSize(f)).padStart(10)}`);
  }
  const ok = results.length > 0 && results.every((r) => !r.missing && !r.over);
  return { ok, results };
}

function main(argv) {
  const budgetArg = argv.find((a) => a.startsWith('--budget-kb='));
  const budgetKb = budgetArg ? Number(budgetArg.split('=')[1]) : DEFAULT_BUDGET_KB;
  const distDir = path.resolve(argv.find((a) => !a.startsWith('--')) || 'dist');
  if (!fs.existsSync(distDir)) {
    console.error(`check-bundle-size: ${distDir} does not exist; run npm run build first.`);
    return 1;
  }
  const { ok } = check(distDir, budgetKb * 1024);
  if (!ok) console.error(`check-bundle-size: the task pane's initial JavaScript is over ${budgetKb} KB gzipped (or missing).`);
  return ok ? 0 : 1;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
module.exports = { check, initialScripts, main };
