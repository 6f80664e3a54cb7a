/** Canonical forms of a name for matching: width, spacing, brackets and middle dots made uniform. */

const CJK = '\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\u3000-\\u303f\\uff00-\\uffef';
const SPACE_BEFORE_CJK = new RegExp(`\\s+(?=[${CJK}(\\[])`, 'g');
// A capture, not a lookbehind: IE11 (old Office's webview, the ES5 pane) has no lookbehind.
const SPACE_AFTER_CJK = new RegExp(`([${CJK})\\]])\\s+`, 'g');
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
const MIDDLE_DOTS = /[\u00b7\u2022\u30fb\u2027\uff65\u2219\u22c5\u0387\u16eb\u2e31]/g;
const OPEN_BRACKETS = /[〔【［[｛{〖]/g;
const CLOSE_BRACKETS = /[〕】］\]｝}〗]/g;
const EDGE_PUNCTUATION = /^[\s、，,。；;：:]+|[\s、，,。；;：:]+$/g;

/**
 * NFKC, invisible characters removed, spaces next to Chinese characters removed (`张  顺` → `张顺`),
 * every bracket form as ASCII `()`, every middle-dot variant as `·`, edge punctuation trimmed.
 */
export function normaliseName(raw: string): string {
  let hit = memo.get(raw);
  if (hit === undefined) {
    if (memo.size >= MEMO_LIMIT) memo.clear();
    hit = computeNormalised(raw);
    memo.set(raw, hit);
  }
  return hit;
}

/** Names repeat thousands of times in a workbook; the regex pipeline runs once per distinct value. */
const memo = new Map<string, string>();
const MEMO_LIMIT = 100_000;

function computeNormalised(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .replace(MIDDLE_DOTS, '·')
    .replace(OPEN_BRACKETS, '(')
    .replace(CLOSE_BRACKETS, ')')
    .replace(/\s*·\s*/g, '·')
    .replace(SPACE_BEFORE_CJK, '')
    .replace(SPACE_AFTER_CJK, '$1')
    .replace(/\s+/g, ' ')
    .replace(EDGE_PUNCTUATION, '');
}

/** True when the raw value holds whitespace inside it (a padded name such as `张  顺`). */
export function isPadded(raw: string): boolean {
  return /\S\s+\S/.test(raw.trim());
}

/** True when the raw value starts or ends with whitespace, full-width U+3000 and no-break space included. */
export function hasEdgeSpace(raw: string): boolean {
  return /^[\s\u3000\u00a0]|[\s\u3000\u00a0]$/.test(raw);
}

/**
 * Removes the city prefix from a full official name: 太仓市发展和改革委员会 → 发展和改革委员会,
 * 中共太仓市委宣传部 → 宣传部. Returns the name unchanged when it has no such prefix.
 */
export function stripCity(name: string, city: string | undefined): string {
  if (!city) return name;
  const short = city.replace(/[市县区]$/, '');
  let rest = name.replace(/^(中共|中国共产党)/, '');
  const party = rest !== name;
  if (rest.startsWith(city)) rest = rest.slice(city.length);
  else if (short.length >= 2 && rest.startsWith(short)) rest = rest.slice(short.length);
  else return name;
  if ((party || rest.startsWith('委')) && rest.startsWith('委') && !rest.startsWith('委员会')) rest = rest.slice(1);
  return [...rest].length >= 2 ? rest : name;
}

/**
 * Local spellings of a name without its city or 市 / 市委 prefix (市发改委 → 发改委, 市委宣传部 →
 * 宣传部, 太仓市公安局 → 公安局): candidates to look up, never used as a name on their own.
 */
export function localPrefixVariants(name: string, city: string | undefined): string[] {
  const rest = stripCity(name, city);
  const out = new Set<string>([rest]);
  for (const prefix of ['市委', '市']) if (rest.startsWith(prefix) && [...rest].length - prefix.length >= 2) out.add(rest.slice(prefix.length));
  out.delete(name);
  return [...out];
}

/** Characters of a name that are Chinese ideographs. */
export function isHan(ch: string): boolean {
  return /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/.test(ch);
}
