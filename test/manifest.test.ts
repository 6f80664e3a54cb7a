/**
 * Reads manifest.xml back offline (office-addin-manifest validate needs the network) and checks
 * the elements the add-in-only XML manifest schema requires, in the order it requires them.
 */
import * as fs from 'fs';
import * as path from 'path';
import { SaxesParser } from 'saxes';

interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  text: string;
}

const ROOT = path.resolve(__dirname, '..');

function parseXml(xml: string): XmlNode {
  const parser = new SaxesParser({ xmlns: false });
  const stack: XmlNode[] = [{ name: '#document', attrs: {}, children: [], text: '' }];
  parser.on('opentag', (tag) => {
    const node: XmlNode = { name: tag.name, attrs: tag.attributes as Record<string, string>, children: [], text: '' };
    stack[stack.length - 1].children.push(node);
    if (!tag.isSelfClosing) stack.push(node);
  });
  parser.on('text', (text) => {
    stack[stack.length - 1].text += text;
  });
  parser.on('closetag', (tag) => {
    if (!tag.isSelfClosing) stack.pop();
  });
  parser.write(xml).close();
  return stack[0].children[0];
}

const child = (node: XmlNode, name: string) => node.children.find((c) => c.name === name);
const all = (node: XmlNode, name: string): XmlNode[] => [...(node.name === name ? [node] : []), ...node.children.flatMap((c) => all(c, name))];
const text = (node: XmlNode | undefined) => node?.text.trim() ?? '';

/** Whether `names` appear in the same relative order as in `schemaOrder` (no unknown names). */
function inSchemaOrder(names: string[], schemaOrder: string[]): boolean {
  const idx = names.map((n) => schemaOrder.indexOf(n));
  return idx.every((i) => i >= 0) && idx.every((i, k) => k === 0 || i > idx[k - 1]);
}

function pngSize(file: string): { width: number; height: number } {
  const buf = fs.readFileSync(file);
  expect(buf.subarray(1, 4).toString('ascii')).toBe('PNG');
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

describe('manifest.xml', () => {
  const xml = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
  const app = parseXml(xml);
  const overrides = child(app, 'VersionOverrides') as XmlNode;

  it('is a TaskPaneApp with the OfficeApp children in schema order', () => {
    expect(app.name).toBe('OfficeApp');
    expect(app.attrs['xsi:type']).toBe('TaskPaneApp');
    expect(app.attrs.xmlns).toBe('http://schemas.microsoft.com/office/appforoffice/1.1');
    const order = ['Id', 'AlternateId', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'AppDomains', 'Hosts', 'Requirements', 'DefaultSettings', 'Permissions', 'AllowSnapshot', 'VersionOverrides'];
    const names = app.children.map((c) => c.name);
    expect(inSchemaOrder(names, order)).toBe(true);
    for (const required of ['Id', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'AppDomains', 'Hosts', 'DefaultSettings', 'Permissions', 'VersionOverrides'])
      expect(names).toContain(required);
  });

  it('has an id, a four-part version, zh-CN default with en-US overrides', () => {
    expect(text(child(app, 'Id'))).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(text(child(app, 'Version'))).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(text(child(app, 'DefaultLocale'))).toBe('zh-CN');
    for (const name of ['DisplayName', 'Description']) {
      const node = child(app, name) as XmlNode;
      expect(node.attrs.DefaultValue).toMatch(/[\u4e00-\u9fff]/);
      expect(child(node, 'Override')?.attrs.Locale).toBe('en-US');
    }
    expect((child(app, 'DisplayName') as XmlNode).attrs.DefaultValue.length).toBeLessThanOrEqual(125);
    expect((child(app, 'Description') as XmlNode).attrs.DefaultValue.length).toBeLessThanOrEqual(250);
  });

  it('targets Workbook with ReadWriteDocument and the task pane page', () => {
    expect((child(app, 'Hosts') as XmlNode).children.map((h) => h.attrs.Name)).toEqual(['Workbook']);
    expect(text(child(app, 'Permissions'))).toBe('ReadWriteDocument');
    expect(child(child(app, 'DefaultSettings') as XmlNode, 'SourceLocation')?.attrs.DefaultValue).toBe('https://localhost:3000/taskpane.html');
    expect(all(app, 'AppDomain').map(text)).toEqual(['https://localhost:3000']);
  });

  it('adds a ribbon group on the Home tab whose buttons open the task pane, with a function file', () => {
    expect(overrides.attrs['xsi:type']).toBe('VersionOverridesV1_0');
    const host = all(overrides, 'Host')[0];
    expect(host.attrs['xsi:type']).toBe('Workbook');
    const desktop = child(host, 'DesktopFormFactor') as XmlNode;
    expect(inSchemaOrder(desktop.children.map((c) => c.name), ['GetStarted', 'FunctionFile', 'ExtensionPoint'])).toBe(true);
    expect(child(desktop, 'FunctionFile')?.attrs.resid).toBe('Commands.Url');
    const tab = all(desktop, 'OfficeTab')[0];
    expect(tab.attrs.id).toBe('TabHome');
    const group = child(tab, 'Group') as XmlNode;
    expect(group.children.map((c) => c.name)).toEqual(['Label', 'Icon', 'Control', 'Control', 'Control']);
    const controls = group.children.filter((c) => c.name === 'Control');
    for (const control of controls) {
      expect(control.attrs['xsi:type']).toBe('Button');
      expect(control.children.map((c) => c.name)).toEqual(['Label', 'Supertip', 'Icon', 'Action']);
      const action = child(control, 'Action') as XmlNode;
      expect(action.attrs['xsi:type']).toBe('ShowTaskpane');
      expect(action.children.map((c) => c.name)).toEqual(['TaskpaneId', 'SourceLocation']);
    }
    expect(controls.map((c) => c.attrs.id)).toEqual(['Fenjie.Import', 'Fenjie.Validate', 'Fenjie.Track']);
  });

  it('resolves every resid, with strings in both languages and within length limits', () => {
    const resources = child(overrides, 'Resources') as XmlNode;
    expect(resources.children.map((c) => c.name)).toEqual(['bt:Images', 'bt:Urls', 'bt:ShortStrings', 'bt:LongStrings']);
    const ids = new Set(resources.children.flatMap((group) => group.children.map((c) => c.attrs.id)));
    const resids = [overrides, ...overrides.children].flatMap(function walk(n: XmlNode): string[] {
      return [...(n.attrs.resid ? [n.attrs.resid] : []), ...n.children.flatMap(walk)];
    });
    expect(resids.length).toBeGreaterThan(10);
    for (const resid of resids) expect(ids.has(resid)).toBe(true);
    for (const [group, limit] of [['bt:ShortStrings', 125], ['bt:LongStrings', 250]] as const) {
      for (const s of (child(resources, group) as XmlNode).children) {
        expect(s.attrs.DefaultValue.length).toBeLessThanOrEqual(limit);
        const override = child(s, 'bt:Override');
        expect(override?.attrs.Locale).toBe('en-US');
        expect(override?.attrs.Value.length).toBeLessThanOrEqual(limit);
      }
    }
    for (const url of all(app, 'bt:Url').map((u) => u.attrs.DefaultValue)) expect(url).toMatch(/^https:\/\//);
  });

  it('points every icon at a PNG in assets/ of the stated size', () => {
    const icons = [child(app, 'IconUrl'), child(app, 'HighResolutionIconUrl'), ...all(overrides, 'bt:Image').filter((i) => i.attrs.DefaultValue)].map((n) => (n as XmlNode).attrs.DefaultValue);
    for (const url of icons) {
      const m = /\/assets\/icon-(\d+)\.png$/.exec(url);
      expect(m).not.toBeNull();
      const size = Number((m as RegExpExecArray)[1]);
      expect(pngSize(path.join(ROOT, 'assets', `icon-${size}.png`))).toEqual({ width: size, height: size });
    }
    for (const size of [16, 32, 64, 80, 128]) expect(pngSize(path.join(ROOT, 'assets', `icon-${size}.png`)).width).toBe(size);
  });
});
