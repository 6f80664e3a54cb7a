#!/usr/bin/env node
/**
 * The one build of the CLI (lib/): tsc with tsconfig.cli.json, then the lazy core index
 * (scripts/lazy-core-index.js). `npm run build:cli`, `npm ci` (prepare), the benches and the tests
 * that run bin/fenjie all build through here: a plain tsc leaves an eager lib/core/index.js that
 * loads the whole core at start-up (the bug of test/cli-kill.test.ts, which made every later
 * `fenjie` run and bench slower until the next npm ci).
 * Usage: node scripts/build-cli.js [--if-stale]  (--if-stale: only when lib/ is older than src/ or not lazy)
 */
'use strict';
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const ROOT = path.join(__dirname, '..');
const MAIN = path.join(ROOT, 'lib', 'cli', 'main.js');
const INDEX = path.join(ROOT, 'lib', 'core', 'index.js');

function newestSource(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, entry.name === '__tests__' ? 0 : newestSource(full));
    else if (/\.(ts|json)$/.test(entry.name)) newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** lib/ is current when it exists, is newer than every source, and its core index is the lazy one. */
function isCurrent() {
  if (!fs.existsSync(MAIN) || !fs.existsSync(INDEX)) return false;
  const lazy = /_m; function \w+\(\) \{ return/.test(fs.readFileSync(INDEX, 'utf8'));
  const built = Math.min(fs.statSync(MAIN).mtimeMs, fs.statSync(INDEX).mtimeMs);
  return lazy && built >= Math.max(newestSource(path.join(ROOT, 'src')), fs.statSync(path.join(ROOT, 'tsconfig.cli.json')).mtimeMs);
}

function buildCli() {
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc', { paths: [ROOT] }), '-p', path.join(ROOT, 'tsconfig.cli.json')], { cwd: ROOT, stdio: 'inherit' });
  execFileSync(process.execPath, [path.join(__dirname, 'lazy-core-index.js')], { cwd: ROOT, stdio: 'inherit' });
}

module.exports = { buildCli, isCurrent };

if (require.main === module) {
  if (process.argv.includes('--if-stale') && isCurrent()) process.exit(0);
  buildCli();
}
