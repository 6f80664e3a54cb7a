#!/usr/bin/env node
/**
 * Run after `tsc -p tsconfig.cli.json` (npm run build:cli): makes lib/core/index.js require each
 * core module when one of its names is first used, instead of all of them at start-up. The CLI
 * imports the core only through this index (DEVELOPERS.md), so without this every command loaded
 * every module of the core (`fenjie parse` ~140 files, 40 ms of CPU before reading a byte).
 * Safe because core modules compute nothing at import time; tsc already emits each re-export as
 * a getter, so only the `require` moves into the getter.
 * Usage: node scripts/lazy-core-index.js [lib/core/index.js]
 */
'use strict';
const fs = require('fs');
const path = require('path');

const REQUIRE_LINE = /^var (\w+) = require\(("[^"]+")\);$/gm;

/** The transformed text of a tsc CommonJS barrel; throws when the text is not what tsc emits. */
function makeLazy(source) {
  const names = [];
  let out = source.replace(REQUIRE_LINE, (_, name, spec) => {
    names.push(name);
    return `var ${name}_m; function ${name}() { return ${name}_m || (${name}_m = require(${spec})); }`;
  });
  if (names.length === 0) throw new Error('lazy-core-index: no `var x_1 = require("…");` lines (has tsc changed its output?)');
  for (const name of names) {
    const uses = new RegExp(`\\b${name}\\.(\\w+)`, 'g');
    out = out.replace(new RegExp(`return ${name}\\.(\\w+);`, 'g'), `return ${name}().$1;`);
    const left = out.match(uses);
    if (left) throw new Error(`lazy-core-index: ${name} is used outside a getter (${left[0]})`);
  }
  return out;
}

if (require.main === module) {
  const file = path.resolve(process.argv[2] || path.join(__dirname, '..', 'lib', 'core', 'index.js'));
  const source = fs.readFileSync(file, 'utf8');
  if (source.includes('_m = require(')) process.exit(0); // already done (tsc did not rewrite it)
  fs.writeFileSync(file, makeLazy(source));
}

module.exports = { makeLazy };
