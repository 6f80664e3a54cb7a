/**
 * The floor for `fenjie parse big.docx --json` as a whole process: unzip word/document.xml, one
 * pass of the OOXML tokenizer collecting the cell texts of every row, JSON.stringify of those rows.
 * No recognising, no normalising: what any reader of this file must at least do.
 * Usage: node bench/floor-parse.js FILE.docx (needs lib/, `npm run build:cli`).
 */
'use strict';
const fs = require('fs');
const { unzipSync, strFromU8 } = require('fflate');
const { createXmlTokenizer } = require('../lib/core/readers/xml-tokenizer.js');

const bytes = fs.readFileSync(process.argv[2]);
const xml = strFromU8(unzipSync(bytes, { filter: (f) => f.name === 'word/document.xml' })['word/document.xml']);
const rows = [];
let row = null;
let cell = null;
let inText = false;
const tokenizer = createXmlTokenizer({
  onOpen(name) {
    if (name === 'w:tr') row = [];
    else if (name === 'w:tc') cell = [];
    else if (name === 'w:t') inText = true;
  },
  onClose(name) {
    if (name === 'w:tr') rows.push(row);
    else if (name === 'w:tc') row.push(cell.join(''));
    else if (name === 'w:t') inText = false;
  },
  onText(text) {
    if (inText && cell) cell.push(text);
  },
});
tokenizer.write(xml);
tokenizer.close();
const records = rows.map((cells) => ({ category: cells[0], item: cells[1], content: cells[2], leaders: [cells[3]], leadUnits: [cells[4]], relatedUnits: [cells[5]] }));
// Compact, as `fenjie parse --json` writes to a pipe.
process.stdout.write(JSON.stringify({ tables: [{ rows: records }] }));
