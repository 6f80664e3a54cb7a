/**
 * A small streaming XML tokenizer for OOXML parts. saxes was the first choice, but it reads about
 * 20 MB/s here and a 10,000-row document.xml is 10 MB; this tokenizer does the same job for what
 * OOXML uses (elements, attributes, text, entities, CDATA, comments, PIs) about 3-4× faster.
 * It still checks what matters for safety and honesty: a DOCTYPE is refused ('xml-doctype'),
 * unknown entities, unbalanced tags and cut-off markup are 'xml-invalid', and elements nested
 * deeper than the nesting budget are 'budget-nesting' (counted as each start tag opens).
 */
import { createReadError } from './read-errors';

/**
 * Elements open at once, at most (issue 17's nesting budget). A real document.xml or sheet is 10–30
 * deep; a table nested in a cell adds about 6 levels, so this leaves room for 40 levels of tables.
 * Kept here (not in read-budgets.rules.ts) because that module imports the readers' types.
 */
export const MAX_XML_DEPTH = 256;

export interface XmlHandler {
  /**
   * `attrs()` returns the raw attribute text (read it with `readAttribute`); it is only valid
   * during the call, and costs nothing unless called (most tags' attributes are never needed).
   */
  onOpen(name: string, attrs: () => string): void;
  onClose(name: string): void;
  onText(text: string): void;
}

export interface XmlTokenizer {
  write(chunk: string): void;
  close(): void;
}

/** Markup longer than this without its end is not a tag being cut by a chunk boundary. */
const MAX_PENDING = 1 << 20;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Characters that end an entity name (the old /&([^;&\s]{0,10});?/ rule): ';', '&' and white space. */
function endsEntityName(c: number): boolean {
  if (c === 59 || c === 38 || c === 32 || (c >= 9 && c <= 13)) return true;
  return c > 127 && /\s/.test(String.fromCharCode(c));
}

function entityText(name: string): string {
  if (Object.prototype.hasOwnProperty.call(NAMED, name)) return NAMED[name];
  const code = name[0] === '#' ? (name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10)) : NaN;
  if (!Number.isFinite(code) || code < 0 || code > 0x10ffff) throw createReadError('xml-invalid', { reason: `unknown entity &${name};` });
  return String.fromCodePoint(code);
}

/** Entities replaced by hand (a regex with a callback was most of a state sheet's read: its JSON is all &quot;). */
export function decodeEntities(text: string): string {
  let amp = text.indexOf('&');
  if (amp < 0) return text;
  let out = '';
  let from = 0;
  while (amp >= 0) {
    let j = amp + 1;
    const max = Math.min(text.length, amp + 11);
    while (j < max && !endsEntityName(text.charCodeAt(j))) j++;
    if (text.charCodeAt(j) !== 59 /* ; */) throw createReadError('xml-invalid', { reason: 'bare &' });
    out += text.slice(from, amp) + entityText(text.slice(amp + 1, j));
    from = j + 1;
    amp = text.indexOf('&', from);
  }
  return out + text.slice(from);
}

/** The value of attribute `qname` in a raw attribute text, decoded; undefined when absent. */
export function readAttribute(attrs: string, qname: string): string | undefined {
  let at = attrs.indexOf(qname);
  while (at >= 0) {
    const before = attrs.charCodeAt(at - 1);
    let p = at + qname.length;
    while (attrs[p] === ' ' || attrs[p] === '\t' || attrs[p] === '\n' || attrs[p] === '\r') p++;
    if ((before === 32 || before === 9 || before === 10 || before === 13) && attrs[p] === '=') {
      p++;
      while (attrs[p] !== '"' && attrs[p] !== "'" && p < attrs.length) p++;
      const end = attrs.indexOf(attrs[p], p + 1);
      return end < 0 ? undefined : decodeEntities(attrs.slice(p + 1, end));
    }
    at = attrs.indexOf(qname, at + 1);
  }
  return undefined;
}

const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13;

function fail(reason: string): never {
  throw createReadError('xml-invalid', { reason });
}

/** The last '&' at or after `from`, or -1 (lastIndexOf would search a chunk of megabytes back to its start). */
function lastAmpersand(s: string, from: number): number {
  for (let p = s.length - 1; p >= from; p--) if (s.charCodeAt(p) === 38) return p;
  return -1;
}

/** Markup at `i` that does not end in this text yet: wait for more, unless it is far too long. */
function cutOff(s: string, i: number, reason: string): number {
  return s.length - i < MAX_PENDING ? -1 : fail(reason);
}

/**
 * Tag names, one string each: a document repeats a few dozen names hundreds of thousands of times,
 * and slicing a new string per tag was most of the garbage (and made every Map lookup of the name
 * hash it again). Open addressing on a hash of the characters; bounded, so a hostile part with
 * millions of distinct names only falls back to slicing.
 */
class NameTable {
  private static readonly SIZE = 4096;
  private readonly names: (string | undefined)[] = new Array<string | undefined>(NameTable.SIZE);
  private count = 0;

  get(s: string, from: number, to: number, hash: number): string {
    const mask = NameTable.SIZE - 1;
    const length = to - from;
    for (let slot = hash & mask, probes = 0; probes < 8; slot = (slot + 1) & mask, probes++) {
      const known = this.names[slot];
      if (known === undefined) return this.add(s.slice(from, to), slot);
      if (known.length === length && s.startsWith(known, from)) return known;
    }
    return s.slice(from, to);
  }

  private add(name: string, slot: number): string {
    if (this.count >= NameTable.SIZE / 2) return name;
    this.count++;
    this.names[slot] = name;
    return name;
  }
}

/** The '>' ending the tag whose attributes start at `k` (quoted values may hold '>'); -1 when cut off, -2 in an open quote. */
function tagEnd(s: string, k: number): number {
  for (const n = s.length; k < n; ) {
    const c = s.charCodeAt(k);
    if (c > 62) {
      k++; // letters and the like: none of " ' < > (all below 63)
    } else if (c === 62 /* > */) {
      return k;
    } else if (c === 34 || c === 39) {
      const q = s.indexOf(c === 34 ? '"' : "'", k + 1);
      if (q < 0) return -2;
      k = q + 1;
    } else if (c === 60 /* < */) {
      fail('< inside a tag');
    } else k++;
  }
  return -1;
}

class Tokenizer implements XmlTokenizer {
  private pending = '';
  private readonly names = new NameTable();
  private readonly stack: string[] = [];
  private sawRoot = false;
  private attrSource = '';
  private attrFrom = 0;
  private attrTo = 0;
  private readonly attrs = (): string => this.attrSource.slice(this.attrFrom, this.attrTo);

  constructor(private readonly handler: XmlHandler) {}

  write(chunk: string): void {
    const s = this.pending + chunk;
    let i = 0;
    while (i < s.length) {
      // Tags mostly follow tags: look at the next character before searching.
      const lt = s.charCodeAt(i) === 60 ? i : s.indexOf('<', i);
      if (lt < 0) {
        // Text may hold a cut entity; keep a short tail back.
        const amp = lastAmpersand(s, i);
        const keep = amp >= 0 && s.indexOf(';', amp) < 0 ? amp : s.length;
        if (keep > i) this.handler.onText(decodeEntities(s.slice(i, keep)));
        i = keep;
        break;
      }
      if (lt > i) this.handler.onText(decodeEntities(s.slice(i, lt)));
      const next = this.markup(s, lt);
      if (next < 0) {
        i = lt;
        break;
      }
      i = next;
    }
    this.pending = s.slice(i);
    if (this.pending.length > MAX_PENDING) fail('markup too long');
  }

  close(): void {
    if (this.pending.trim() !== '') fail('document cut off');
    if (!this.sawRoot) fail('no root element');
    if (this.stack.length > 0) fail(`unclosed <${this.stack[this.stack.length - 1]}>`);
  }

  /** Handles the markup at `i` (s[i] === '<'); returns the index after it, or -1 if cut off. */
  private markup(s: string, i: number): number {
    const c = s.charCodeAt(i + 1);
    if (c === 47 /* / */) return this.endTag(s, i);
    if (c === 63 /* ? */) {
      const end = s.indexOf('?>', i + 2);
      return end < 0 ? -1 : end + 2;
    }
    if (c === 33 /* ! */) return this.declaration(s, i);
    return this.startTag(s, i);
  }

  /** An end tag is matched against the open element in place: no string is cut per end tag. */
  private endTag(s: string, i: number): number {
    const { stack } = this;
    const open = stack.length > 0 ? stack[stack.length - 1] : undefined;
    // The usual case, `</name>` right after the name: no search for '>'.
    if (open !== undefined && s.charCodeAt(i + 2 + open.length) === 62 && s.startsWith(open, i + 2)) {
      stack.pop();
      this.handler.onClose(open);
      return i + 3 + open.length;
    }
    return this.endTagSlow(s, i);
  }

  /** `</name >`, a cut-off end tag, or the wrong one. */
  private endTagSlow(s: string, i: number): number {
    const gt = s.indexOf('>', i + 2);
    if (gt < 0) return -1;
    const open = this.stack.pop();
    let end = gt;
    while (end > i + 2 && isSpace(s.charCodeAt(end - 1))) end--;
    if (open === undefined || end - (i + 2) !== open.length || !s.startsWith(open, i + 2)) fail(`unexpected </${s.slice(i + 2, end)}>`);
    this.handler.onClose(open);
    return gt + 1;
  }

  /** Comments, CDATA; a DOCTYPE is refused. */
  private declaration(s: string, i: number): number {
    if (s.startsWith('<!--', i)) {
      const end = s.indexOf('-->', i + 4);
      return end < 0 ? -1 : end + 3;
    }
    if (s.startsWith('<![CDATA[', i)) {
      const end = s.indexOf(']]>', i + 9);
      if (end < 0) return -1;
      this.handler.onText(s.slice(i + 9, end));
      return end + 3;
    }
    if (s.length - i < 9) return -1;
    if (s.startsWith('<!DOCTYPE', i)) throw createReadError('xml-doctype');
    return fail('unknown markup declaration');
  }

  /** A start tag, scanned by hand: the regex version cost a third of the whole read. */
  private startTag(s: string, i: number): number {
    let j = i + 1;
    let hash = 0;
    for (let c = s.charCodeAt(j); j < s.length && c !== 32 && c !== 62 && c !== 47 && c !== 9 && c !== 10 && c !== 13; c = s.charCodeAt(++j)) hash = ((hash << 5) - hash + c) | 0;
    if (j >= s.length) return cutOff(s, i, 'bad start tag');
    if (j === i + 1) fail('empty tag name');
    const k = tagEnd(s, j);
    if (k < 0) return cutOff(s, i, k === -2 ? 'bad attribute' : 'bad start tag');
    const selfClosing = s.charCodeAt(k - 1) === 47;
    const name = this.names.get(s, i + 1, j, hash);
    this.sawRoot = true;
    this.attrSource = s;
    this.attrFrom = j;
    this.attrTo = selfClosing ? k - 1 : k;
    this.handler.onOpen(name, this.attrs);
    if (selfClosing) this.handler.onClose(name);
    else this.push(name);
    return k + 1;
  }

  private push(name: string): void {
    if (this.stack.push(name) > MAX_XML_DEPTH) throw createReadError('budget-nesting', { element: name, depth: this.stack.length, limit: MAX_XML_DEPTH });
  }
}

export function createXmlTokenizer(handler: XmlHandler): XmlTokenizer {
  return new Tokenizer(handler);
}
