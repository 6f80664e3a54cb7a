/**
 * The ribbon half of the WPS add-in: wps/ribbon.xml names callbacks that wps/main.js defines,
 * every callback is synchronous, and the buttons open and hide one task pane through either
 * spelling of CreateTaskPane.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { createFakeEtApplication, type FakeEtOptions } from '../../../../test/fakes/et-application.fake';

const WPS_DIR = join(__dirname, '..', '..', '..', '..', 'wps');
const ribbonXml = readFileSync(join(WPS_DIR, 'ribbon.xml'), 'utf8');
const mainJs = readFileSync(join(WPS_DIR, 'main.js'), 'utf8');

type Callbacks = Record<string, (...args: unknown[]) => unknown>;

function loadMain(options: FakeEtOptions = {}) {
  const fake = createFakeEtApplication(options);
  const alerts: string[] = [];
  const window: Record<string, unknown> = { Application: fake.Application };
  const sandbox: Record<string, unknown> = { window, document: { location: { href: 'http://intranet.example/fenjie/index.html?x=1' } }, alert: (m: string) => alerts.push(m) };
  window.window = window;
  runInNewContext(mainJs, sandbox);
  return { fake, alerts, callbacks: sandbox as unknown as Callbacks };
}

describe('WPS ribbon', () => {
  it('has a 分解落实表 tab whose callbacks main.js defines', () => {
    expect(ribbonXml).toMatch(/<tab id="fenjieTab" label="分解落实表">/);
    const names = [...ribbonXml.matchAll(/(?:onLoad|onAction|getImage|getEnabled|getLabel|getVisible)="(\w+)"/g)].map((m) => m[1]);
    expect(new Set(names)).toEqual(new Set(['OnAddinLoad', 'OnAction', 'GetImage', 'OnGetEnabled']));
    const { callbacks } = loadMain();
    for (const name of names) expect(typeof callbacks[name]).toBe('function');
  });

  it('keeps every callback synchronous (no async, promises or await in main.js)', () => {
    const code = mainJs.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
    expect(code).not.toMatch(/\basync\b|\bawait\b|Promise|\.then\(/);
    const { callbacks } = loadMain();
    const results = [callbacks.OnAddinLoad({}), callbacks.OnAction({ Id: 'fenjieShowPane' }), callbacks.GetImage({ Id: 'fenjieShowPane' }), callbacks.OnGetEnabled({})];
    for (const result of results) expect(result).not.toBeInstanceOf(Promise);
  });

  it.each(['CreateTaskPane', 'CreateTaskpane'] as const)('opens one task pane through %s, then hides and shows it again', (spelling) => {
    const { fake, callbacks } = loadMain({ taskpaneSpelling: spelling });
    expect(callbacks.OnAction({ Id: 'fenjieShowPane' })).toBe(true);
    expect(fake.taskpanes).toHaveLength(1);
    expect(fake.taskpanes[0]).toMatchObject({ url: 'http://intranet.example/fenjie/taskpane.html', title: '分解落实表', Visible: true, DockPosition: 2 });
    callbacks.OnAction({ Id: 'fenjieHidePane' });
    expect(fake.taskpanes[0].Visible).toBe(false);
    callbacks.OnAction({ Id: 'fenjieShowPane' });
    expect(fake.taskpanes).toHaveLength(1);
    expect(fake.taskpanes[0].Visible).toBe(true);
  });

  it('tells the user when this WPS has no task panes, instead of failing silently', () => {
    const { fake, alerts, callbacks } = loadMain({ taskpaneSpelling: 'none' });
    callbacks.OnAction({ Id: 'fenjieShowPane' });
    expect(fake.taskpanes).toHaveLength(0);
    expect(alerts[0]).toContain('CreateTaskPane');
  });

  it('gives each button an icon that ships in the add-in folder', () => {
    const { callbacks } = loadMain();
    expect(callbacks.GetImage({ Id: 'fenjieShowPane' })).toBe('images/icon-32.png');
    expect(callbacks.GetImage({ Id: 'fenjieHidePane' })).toBe('images/hide-pane.svg');
  });
});

describe('WPS jsplugins.xml template', () => {
  it('declares an et add-in with the placeholders the build fills', () => {
    const xml = readFileSync(join(WPS_DIR, 'jsplugins.xml'), 'utf8');
    expect(xml).toMatch(/<jspluginonline name="\{\{NAME\}\}" type="et" url="\{\{BASE_URL\}\}"/);
  });

  it('has an entry page that loads main.js and no Office.js', () => {
    const html = readFileSync(join(WPS_DIR, 'index.html'), 'utf8');
    expect(html).toContain('src="main.js"');
    expect(html).not.toMatch(/<script[^>]*office\.js/i);
  });
});
