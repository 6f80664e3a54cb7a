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

  it('reads attributes by qualified name, decoded', () => {
    expect(readAttribute(' w:valx="1" w:val = "restart"', 'w:val')).toBe('restart');
    expect(readAttribute(' xw:val="1"', 'w:val')).toBeUndefined();
    expect(readAttribute(" w:val='a&amp;b'", 'w:val')).toBe('a&b');
    expect(decodeEntities('&#65;&#x42;&quot;&apos;')).toBe('AB"\'');
  });
});
