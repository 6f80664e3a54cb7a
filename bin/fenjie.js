#!/usr/bin/env node
'use strict';
// The CLI is compiled to lib/ by `npm ci` (prepare); say so plainly if that step was skipped.
let main;
try {
  ({ main } = require('../lib/cli/main.js'));
} catch (err) {
  process.stderr.write('fenjie 尚未构建：请先运行 npm ci（或 npm run build:cli）。\nfenjie is not built yet: run npm ci (or npm run build:cli) first.\n');
  process.exit(1);
}
main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
