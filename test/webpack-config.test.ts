/** The add-in build configuration: Office.js source, entries and lazy chunks, without running webpack. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { createConfig } = require('../webpack.config.js');

interface Plugin {
  constructor: { name: string };
  userOptions?: { filename?: string; templateParameters?: { officeJsUrl?: string } };
  patterns?: { from: string; to: string }[];
}

function officeJsUrls(config: { plugins: Plugin[] }): string[] {
  return config.plugins.filter((p) => p.constructor.name === 'HtmlWebpackPlugin').map((p) => p.userOptions?.templateParameters?.officeJsUrl ?? '');
}

function copied(config: { plugins: Plugin[] }): string[] {
  return config.plugins.filter((p) => p.constructor.name === 'CopyPlugin').flatMap((p) => (p.patterns ?? []).map((pattern) => pattern.from));
}

describe('webpack.config.js', () => {
  it('builds the task pane, the ribbon commands and the harness, each with its page', () => {
    const config = createConfig({ mode: 'production' });
    expect(Object.keys(config.entry)).toEqual(['taskpane', 'commands', 'harness']);
    const pages = config.plugins.filter((p: Plugin) => p.constructor.name === 'HtmlWebpackPlugin').map((p: Plugin) => p.userOptions?.filename);
    expect(pages).toEqual(['taskpane.html', 'commands.html', 'harness.html']);
    expect(config.plugins.some((p: Plugin) => p.constructor.name === 'BundleSizePlugin')).toBe(true);
  });

  it('loads Office.js from the CDN by default', () => {
    const config = createConfig({ mode: 'production', localOfficeJs: false });
    expect(new Set(officeJsUrls(config))).toEqual(new Set(['https://appsforoffice.microsoft.com/lib/1/hosted/office.js']));
    expect(copied(config)).not.toContain('node_modules/@microsoft/office-js/dist');
  });

  it('bundles @microsoft/office-js and points the pages at it with OFFICE_JS=local', () => {
    const config = createConfig({ mode: 'production', localOfficeJs: true });
    expect(new Set(officeJsUrls(config))).toEqual(new Set(['office-js/office.js']));
    expect(copied(config)).toContain('node_modules/@microsoft/office-js/dist');
  });

  it('keeps pinyin-pro in a lazy chunk (exceljs and docx are test-only packages)', () => {
    const groups = createConfig({ mode: 'production' }).optimization.splitChunks.cacheGroups;
    expect([groups.pinyin.name, groups.pinyin.chunks]).toEqual(['pinyin', 'async']);
    expect(groups.exceljs).toBeUndefined();
    expect(groups.pinyin.test.test('/x/node_modules/pinyin-pro/dist/index.js')).toBe(true);
  });
});
