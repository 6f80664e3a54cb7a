import fc from 'fast-check';
import { createXmlTokenizer, decodeEntities, readAttribute } from '../xml-tokenizer';
import { codeOf } from './error-code';

type Event = string;

function tokenize(chunks: string[]): Event[] {
  const events: Event[] = [];
  const t = createXmlTokenizer({
    onOpen: (name, attrs) => events.push(`<${name}${attrs()}>`),
    onClose: (name) => events.push(`</${name}>`),
    onText: (text) => (events.length > 0 && events[events.length - 1].startsWith('"') ? (events[events.length - 1] += text) : events.push(`"${text}`)),
  });
  for (const c of chunks) t.write(c);
  t.close();
  return events;
}

const SAMPLE =
  '<?xml version="1.0"?><!-- c --><w:document xmlns:w="u"><w:p a="1 > 0" b=\'x\'><w:t>a &amp; &lt;b&gt; &#x4E2D;&#25991;</w:t><w:br/>' +
  '<w:t><![CDATA[<raw & text>]]></w:t></w:p></w:document>';

/** The regex decodeEntities had before issue 15 made it a loop: the loop must read every text alike. */
function decodeEntitiesByRegex(text: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  return text.replace(/&([^;&\s]{0,10});?/g, (whole, name: string) => {
    if (!whole.endsWith(';')) throw new Error('bare &');
    if (Object.prototype.hasOwnProperty.call(named, name)) return named[name];
    const code = name[0] === '#' ? (name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10)) : NaN;
    if (!Number.isFinite(code) || code < 0 || code > 0x10ffff) throw new Error('unknown entity');
    return String.fromCodePoint(code);
  });
}

const outcome = (f: () => string): string => {
  try {
    return `ok ${f()}`;
  } catch {
    return 'error';
  }
};

describe('decodeEntities by hand (issue 15: the regex was most of a state sheet read)', () => {
  it.each([
    '{&quot;app&quot;:&quot;fenjie&quot;}',
    'a &amp; b',
    '&amp',
    'a & b',
    '&#12345678901;',
    '&#1234567890;',
    '&abcdefghij;',
    '&abcdefghijk;',
    '&lt&gt;',
    '&lt\u3000;',
    '&#xZZ;',
    '&#x1F600;&#20013;',
    'tail &',
    '&;',
    '&toString;',
  ])('%s decodes as the regex did', (text) => {
    expect(outcome(() => decodeEntities(text))).toBe(outcome(() => decodeEntitiesByRegex(text)));
  });

  it('agrees with the regex on any text', () => {
    const piece = fc.constantFrom('&', ';', 'amp', 'quot', '#', 'x', '4', '1F', ' ', '\u3000', 'a', '中', 'lt;', '&#');
    fc.assert(fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
      const text = parts.join('');
      expect(outcome(() => decodeEntities(text))).toBe(outcome(() => decodeEntitiesByRegex(text)));
    }));
  });
});

describe('xml tokenizer', () => {
  it('reads elements, attributes (with > inside quotes), entities, CDATA, self-closing tags', () => {
    expect(tokenize([SAMPLE])).toEqual([
      '<w:document xmlns:w="u">',
      '<w:p a="1 > 0" b=\'x\'>',
      '<w:t>',
      '"a & <b> 中文',
      '</w:t>',
      '<w:br>',
      '</w:br>',
      '<w:t>',
      '"<raw & text>',
      '</w:t>',
      '</w:p>',
      '</w:document>',
    ]);
  });

  it('gives the same events however the input is cut into chunks', () => {
    const whole = tokenize([SAMPLE]);
    fc.assert(
      fc.property(fc.array(fc.nat(SAMPLE.length), { maxLength: 12 }), (cuts) => {
        const points = [0, ...[...new Set(cuts)].sort((a, b) => a - b), SAMPLE.length];
        const chunks = points.slice(1).map((end, i) => SAMPLE.slice(points[i], end));
        expect(tokenize(chunks)).toEqual(whole);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses DOCTYPE and reports broken XML as xml-invalid', () => {
    expect(codeOf(() => tokenize(['<!DOCTYPE x []><x/>']))).toBe('xml-doctype');
    expect(codeOf(() => tokenize(['<a><b></a>']))).toBe('xml-invalid');
    expect(codeOf(() => tokenize(['<a>']))).toBe('xml-invalid');
    expect(codeOf(() => tokenize(['<a>&nbsp;</a>']))).toBe('xml-invalid');
    expect(codeOf(() => tokenize(['<a>a & b</a>']))).toBe('xml-invalid');
    expect(codeOf(() => tokenize(['<a x="1></a>']))).toBe('xml-invalid');
    expect(codeOf(() => tokenize(['just text']))).toBe('xml-invalid');
  });

  // Issue 10 (speed): end tags are matched in place, start-tag names are shared strings; the same events and refusals as before.
  it('matches end tags in place: white space before >, and names that only share a prefix, at any chunk boundary', () => {
    const xml = '<ab><a x="1"></a ><abc/><ab/></ab><a></a>';
    const whole = ['<ab>', '<a x="1">', '</a>', '<abc>', '</abc>', '<ab>', '</ab>', '</ab>', '<a>', '</a>'];
    for (let cut = 0; cut <= xml.length; cut++) expect(tokenize([`<r>${xml.slice(0, cut)}`, `${xml.slice(cut)}</r>`]).slice(1, -1)).toEqual(whole);
    for (const bad of ['<ab></a>', '<a></ab>', '<a></a', '</a>', '<a></b>', '<a></ a>']) expect(codeOf(() => tokenize([bad]))).toBe('xml-invalid');
  });

  it('gives each start tag name as one string, even past the table of names', () => {
    const names = Array.from({ length: 5000 }, (_, i) => `n${i}`);
    const seen: string[] = [];
    const t = createXmlTokenizer({ onOpen: (name) => seen.push(name), onClose: () => undefined, onText: () => undefined });
    t.write(`<r>${names.map((n) => `<${n}/><${n}></${n}>`).join('')}</r>`);
    t.close();
    expect(seen).toEqual(['r', ...names.flatMap((n) => [n, n])]);
  });

  it('reads attributes by qualified name, decoded', () => {
    expect(readAttribute(' w:valx="1" w:val = "restart"', 'w:val')).toBe('restart');
    expect(readAttribute(' xw:val="1"', 'w:val')).toBeUndefined();
    expect(readAttribute(" w:val='a&amp;b'", 'w:val')).toBe('a&b');
    expect(decodeEntities('&#65;&#x42;&quot;&apos;')).toBe('AB"\'');
  });
});
