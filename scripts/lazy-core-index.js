#!/usr/bin/env node
/**
 * Run after `tsc -p tsconfig.cli.json` (npm run build:cli): makes lib/core/index.js require each
 * core module when one of its names is first used, instead of all of them at start-up. The CLI
 * imports the core only through this index (DEVELOPERS.md), so without this every command loaded
 * every module of the core (`fenjie parse` ~140 files, 40 ms of CPU before reading a byte).
 * Safe because core modules compute nothing at import time; tsc already emits each re-export as
 * a getter, so only the `require` moves into the getter.
 * It also makes a few imports inside the core lazy (LAZY_IMPORTS): readers a command may never
 * use (the .doc reader and `cfb`, the .docx reader for a text file, fflate when the CLI inflates with
 * zlib), whose `(0, x_1.f)(…)` calls become `(0, x_1().f)(…)`.
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

/** Core module (relative to lib/core) → the specs it requires on first use instead of at load. */
const LAZY_IMPORTS = {
  'readers/document.reader.js': ['./doc.reader', './docx.reader'],
  'readers/zip.reader.js': ['fflate'],
};

/**
 * The text of a tsc CommonJS module with `const x_1 = require(spec)` made lazy for each spec; throws
 * when a spec is not required that way or its binding is used other than as `x_1.name`.
 */
function makeImportsLazy(source, specs) {
  let out = source;
  for (const spec of specs) {
    const line = new RegExp(`^const (\\w+) = require\\(${JSON.stringify(spec).replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\);$`, 'm');
    const m = line.exec(out);
    if (!m) throw new Error(`lazy-core-index: no \`const x_1 = require(${JSON.stringify(spec)});\` (has tsc changed its output?)`);
    const name = m[1];
    out = out.replace(line, `var ${name}_m; function ${name}() { return ${name}_m || (${name}_m = require(${JSON.stringify(spec)})); }`);
    // Parenthesised, so that `new x_1.Inflate(cb)` stays a construction of Inflate: `new x_1().Inflate(cb)`
    // would construct x_1 and call Inflate without `new` (bug: the fflate path of the CLI's zip reader threw).
    out = out.replace(new RegExp(`\\b${name}\\.(\\w+)`, 'g'), `(${name}().$1)`);
    const left = out.match(new RegExp(`\\b${name}\\b(?![_(])`, 'g'));
    if (left) throw new Error(`lazy-core-index: ${name} is used other than as ${name}.name`);
  }
  return out;
}

if (require.main === module) {
  const file = path.resolve(process.argv[2] || path.join(__dirname, '..', 'lib', 'core', 'index.js'));
  const source = fs.readFileSync(file, 'utf8');
  // Already done when tsc did not rewrite the file.
  if (!source.includes('_m = require(')) fs.writeFileSync(file, makeLazy(source));
  for (const [rel, specs] of Object.entries(LAZY_IMPORTS)) {
    const target = path.join(path.dirname(file), rel);
    const text = fs.readFileSync(target, 'utf8');
    if (!text.includes('_m = require(')) fs.writeFileSync(target, makeImportsLazy(text, specs));
  }
}

module.exports = { makeLazy, makeImportsLazy, LAZY_IMPORTS };
