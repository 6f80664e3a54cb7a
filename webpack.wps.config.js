/**
 * Webpack config of the WPS add-in (dist-wps/): the shared task pane over the WPS host, in a page
 * without Office.js, plus the ribbon files copied as they are. Reuses createConfig() from
 * webpack.config.js so both add-ins bundle the pane the same way. Used by scripts/build-wps.js.
 */
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { createConfig, BundleSizePlugin } = require('./webpack.config.js');

const ROOT = __dirname;
/** Same budget as the Excel pane: initial JavaScript, gzipped. */
const INITIAL_BUDGET_BYTES = 250 * 1024;
/** Files WPS reads from the add-in folder as they are. */
const RIBBON_FILES = ['ribbon.xml', 'index.html', 'main.js'];

function createWpsConfig(options = {}) {
  const mode = options.mode || 'production';
  const outDir = options.outDir || path.join(ROOT, 'dist-wps');
  const config = createConfig({ mode, outDir, entry: { 'wps-taskpane': './wps/taskpane.ts' }, clean: true });
  // Drop the Office pages, copies (manifest.xml) and size check; add ours.
  config.plugins = config.plugins.filter(
    (plugin) => !(plugin instanceof HtmlWebpackPlugin) && !(plugin instanceof CopyWebpackPlugin) && !(plugin instanceof BundleSizePlugin),
  );
  config.plugins.push(
    new HtmlWebpackPlugin({ filename: 'taskpane.html', template: './wps/taskpane.html', chunks: ['wps-taskpane'], scriptLoading: 'defer' }),
    new CopyWebpackPlugin({
      patterns: [
        // Copied as written (not minified): WPS admins read main.js, and it must stay plain ES5.
        ...RIBBON_FILES.map((file) => ({ from: `wps/${file}`, to: file, info: { minimized: true } })),
        { from: 'wps/images', to: 'images' },
        { from: 'assets/icon-32.png', to: 'images/icon-32.png', noErrorOnMissing: true },
      ],
    }),
  );
  if (mode === 'production') config.plugins.push(new BundleSizePlugin(['wps-taskpane'], INITIAL_BUDGET_BYTES));
  return config;
}

module.exports = (env = {}, argv = {}) => createWpsConfig({ mode: argv.mode });
module.exports.createWpsConfig = createWpsConfig;
module.exports.RIBBON_FILES = RIBBON_FILES;
