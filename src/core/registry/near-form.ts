/**
 * Near forms: one-character edits (symmetric-delete keys, so lookups are hash hits, never a scan
 * with an edit distance) and look-alike characters (形近字, traditional forms).
 */

/** Groups of characters a clerk confuses by shape or writes in traditional form. First = representative. */
const LOOK_ALIKE_GROUPS: string[] = [
  '己已巳', '未末', '土士', '戊戌戍', '汩汨', '析折', '侯候', '乌鸟', '免兔', '拔拨', '酒洒',
  '杨扬', '晴睛', '壁璧', '辨辩辫', '赢嬴羸', '崇祟', '刺剌', '峰锋蜂烽', '臻榛蓁', '真直',
  '飚飙', '萍苹', '玖玫', '旭旮',
  '盛晟', '吴吳', '张張',
  '郑鄭', '陈陳', '韩韓', '顾顧', '许許', '卫衛', '刘劉', '王玉', '宇字', '丙两', '磊垒',
  '元无', '建廷', '江汪', '海诲',
  '仓苍', '市巿',
];

let shapeMap: Map<string, string> | null = null;

function getShapeMap(): Map<string, string> {
  if (shapeMap) return shapeMap;
  const map = new Map<string, string>();
  for (const group of LOOK_ALIKE_GROUPS) {
    const chars = [...group];
    const rep = map.get(chars[0]) ?? chars[0];
    for (const ch of chars) if (!map.has(ch)) map.set(ch, rep);
  }
  shapeMap = map;
  return map;
}

/** A key equal for names that differ only in look-alike characters. */
export function shapeKey(name: string): string {
  const map = getShapeMap();
  return [...name].map((ch) => map.get(ch) ?? ch).join('');
}

/** True when the two characters belong to one look-alike group. */
export function isLookAlike(a: string, b: string): boolean {
  const map = getShapeMap();
  return a !== b && map.has(a) && map.get(a) === map.get(b);
}

/** The name and every form with one character deleted (symmetric-delete neighbourhood, distance 1). */
export function deletionKeys(name: string): string[] {
  const chars = [...name];
  const keys = new Set<string>([name]);
  for (let i = 0; i < chars.length; i += 1) keys.add(chars.slice(0, i).join('') + chars.slice(i + 1).join(''));
  return [...keys];
}

/** Edit distance capped at 2 (enough to confirm a distance-1 candidate found by deletion keys). */
export function editDistanceAtMost1(a: string, b: string): boolean {
  const x = [...a];
  const y = [...b];
  if (Math.abs(x.length - y.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < x.length && j < y.length) {
    if (x[i] === y[j]) {
      i += 1;
      j += 1;
      continue;
    }
    edits += 1;
    if (edits > 1) return false;
    if (x.length > y.length) i += 1;
    else if (y.length > x.length) j += 1;
    else {
      i += 1;
      j += 1;
    }
  }
  return edits + (x.length - i) + (y.length - j) <= 1;
}
