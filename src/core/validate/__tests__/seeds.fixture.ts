import { readFileSync } from 'fs';
import { join } from 'path';
import { pinyin } from 'pinyin-pro';
import type { ParseResult } from '../../model/records.model';
import { readTextDocument } from '../../readers/text.reader';
import { parseGrids } from '../../parse/parse-document';
import type { PinyinFn } from '../../registry/pinyin-keys.builder';

export const SEED_2023 = '000_8040c5413e4a8407.txt';
export const SEED_2021 = '002_9a155e4ec979336d.txt';
export const py = pinyin as unknown as PinyinFn;

const cache = new Map<string, ParseResult>();

/** A seed parsed once per test file (a fresh deep copy each call). */
export function parseSeed(name: string): ParseResult {
  let hit = cache.get(name);
  if (!hit) {
    const bytes = new Uint8Array(readFileSync(join(__dirname, '../../../../seeds', name)));
    hit = parseGrids(readTextDocument(bytes), name);
    cache.set(name, hit);
  }
  return JSON.parse(JSON.stringify(hit)) as ParseResult;
}
