/** What the build scripts share: `--name=value` / `--flag` arguments, and webpack as a promise. */
'use strict';
const webpack = require('webpack');

/** `--base-url=…` → { 'base-url': '…' }, `--skip-build` → { 'skip-build': true }; other words are ignored. */
function parseArgs(argv) {
  const args = {};
  for (const arg of argv) {
    const m = /^--([^=]+)(?:=(.*))?$/.exec(arg);
    if (m) args[m[1]] = m[2] === undefined ? true : m[2];
  }
  return args;
}

/** One webpack build; rejects with the compiler's errors as text. */
function runWebpack(config) {
  return new Promise((resolve, reject) => {
    webpack(config, (error, stats) => {
      if (error) return reject(error);
      if (stats.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true, colors: false })));
      resolve(stats);
    });
  });
}

module.exports = { parseArgs, runWebpack };
