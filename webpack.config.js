/**
 * Builds the Office add-in (task pane + ribbon commands) and the test harness into dist/.
 *   npm run build        production build; prints gzipped sizes and fails over the initial-JS budget
 *   npm run dev-server   https://localhost:3000 with office-addin-dev-certs
 *   OFFICE_JS=local      bundle @microsoft/office-js (for intranets that cannot reach the CDN)
 * scripts/build-wps.js may reuse createConfig() for the WPS entry.
 */
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const { execFileSync } = require('child_process');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const ROOT = __dirname;
const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const OFFICE_JS_LOCAL_DIR = 'office-js';
/** Initial JavaScript of the task pane, gzipped. */
const INITIAL_BUDGET_BYTES = 250 * 1024;
const BUDGETED_ENTRIES = ['taskpane', 'commands'];
const DEFAULT_ENTRIES = {
  taskpane: './src/taskpane/index.tsx',
  commands: './src/commands/commands.ts',
  harness: './test/harness/harness.tsx',
};
const HTML_TEMPLATES = {
  taskpane: './src/taskpane/taskpane.html',
  commands: './src/commands/commands.html',
  harness: './test/harness/harness.html',
};

function createConfig(options = {}) {
  const mode = options.mode || 'production';
  const dev = mode === 'development';
  const localOfficeJs = options.localOfficeJs ?? process.env.OFFICE_JS === 'local';
  const officeJsUrl = localOfficeJs ? `${OFFICE_JS_LOCAL_DIR}/office.js` : OFFICE_JS_CDN;
  const outDir = options.outDir || path.join(ROOT, 'dist');
  const hash = dev ? '' : '.[contenthash:8]';
  const entry = options.entry || DEFAULT_ENTRIES;
  return {
    mode,
    context: ROOT,
    devtool: dev ? 'eval-source-map' : 'source-map',
    entry,
    output: {
      path: outDir,
      filename: `[name]${hash}.js`,
      chunkFilename: `chunks/[name]${hash}.js`,
      publicPath: 'auto',
      clean: options.clean ?? true,
    },
    resolve: {
      extensions: ['.ts', '.tsx', '.mjs', '.js', '.json'],
      fallback: { fs: false, path: false, os: false, crypto: false, stream: false, zlib: false, util: false, buffer: false, http: false, https: false, url: false, child_process: false },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          loader: 'ts-loader',
          options: {
            transpileOnly: true,
            // ES modules so webpack can tree-shake the core's barrel file and split lazy chunks.
            compilerOptions: { module: 'esnext', target: 'ES2017', sourceMap: true, jsx: 'react-jsx' },
          },
        },
        // Our modules compute nothing at import time (DEVELOPERS.md), so unused re-exports can be dropped.
        { test: /[\\/](src|test[\\/]harness)[\\/].*\.tsx?$/, sideEffects: false },
      ],
    },
    optimization: {
      splitChunks: {
        chunks: 'async',
        cacheGroups: {
          pinyin: { test: /[\\/]node_modules[\\/]pinyin-pro[\\/]/, name: 'pinyin', chunks: 'async', priority: 30, enforce: true },
        },
      },
    },
    performance: { hints: false },
    plugins: [
      ...htmlPages(Object.keys(entry).filter((name) => name in HTML_TEMPLATES), officeJsUrl),
      ...copyPlugins(localOfficeJs),
      ...(dev ? [] : [new BundleSizePlugin(BUDGETED_ENTRIES, INITIAL_BUDGET_BYTES)]),
    ],
  };
}

function htmlPages(names, officeJsUrl) {
  return names.map(
    (name) => new HtmlWebpackPlugin({ filename: `${name}.html`, template: HTML_TEMPLATES[name], chunks: [name], templateParameters: { officeJsUrl }, scriptLoading: 'defer' }),
  );
}

function copyPlugins(localOfficeJs) {
  const patterns = [];
  if (fs.existsSync(path.join(ROOT, 'assets'))) patterns.push({ from: 'assets', to: 'assets' });
  if (fs.existsSync(path.join(ROOT, 'manifest.xml'))) patterns.push({ from: 'manifest.xml', to: 'manifest.xml' });
  if (localOfficeJs) patterns.push({ from: 'node_modules/@microsoft/office-js/dist', to: OFFICE_JS_LOCAL_DIR });
  return patterns.length ? [new CopyWebpackPlugin({ patterns })] : [];
}

/** Prints the gzipped size of every entry's initial JavaScript and of the lazy chunks; fails over budget. */
class BundleSizePlugin {
  constructor(entries, budget) {
    this.entries = entries;
    this.budget = budget;
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap('BundleSizePlugin', (compilation) => {
      const stage = compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT;
      compilation.hooks.processAssets.tap({ name: 'BundleSizePlugin', stage }, () => this.report(compilation));
    });
  }

  report(compilation) {
    const gz = (file) => zlib.gzipSync(compilation.getAsset(file).source.buffer(), { level: 9 }).length;
    const js = (files) => [...files].filter((file) => file.endsWith('.js'));
    const lines = ['bundle sizes (gzipped):'];
    const initialFiles = new Set();
    for (const [name, entrypoint] of compilation.entrypoints) {
      const files = js(entrypoint.getFiles());
      files.forEach((file) => initialFiles.add(file));
      const size = files.reduce((sum, file) => sum + gz(file), 0);
      const budgeted = this.entries.includes(name);
      lines.push(`  initial ${name.padEnd(10)} ${kb(size).padStart(9)}${budgeted ? ` (budget ${kb(this.budget)})` : ''}`);
      if (budgeted && size > this.budget) {
        compilation.errors.push(new Error(`Initial JavaScript of "${name}" is ${kb(size)} gzipped, over the ${kb(this.budget)} budget.`));
      }
    }
    for (const chunk of compilation.chunks) {
      for (const file of js(chunk.files)) if (!initialFiles.has(file)) lines.push(`  lazy    ${file.padEnd(40)} ${kb(gz(file)).padStart(9)}`);
    }
    console.log(lines.join('\n'));
  }
}

function kb(bytes) {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

/** XL's scripts/check-bundle-size.js (when present) checks the emitted dist/ after the build. */
class ExternalSizeCheckPlugin {
  apply(compiler) {
    compiler.hooks.done.tap('ExternalSizeCheckPlugin', (stats) => {
      const script = path.join(ROOT, 'scripts/check-bundle-size.js');
      if (stats.hasErrors() || !fs.existsSync(script)) return;
      try {
        execFileSync(process.execPath, [script, compiler.options.output.path], { stdio: 'inherit' });
      } catch {
        stats.compilation.errors.push(new Error('scripts/check-bundle-size.js failed'));
      }
    });
  }
}

async function createDevServer() {
  let https = { type: 'https' };
  try {
    const devCerts = require('office-addin-dev-certs');
    https = { type: 'https', options: await devCerts.getHttpsServerOptions() };
  } catch (error) {
    // Installing the CA needs admin rights (sudo on Linux); the generated certificates still serve.
    const dir = path.join(require('os').homedir(), '.office-addin-dev-certs');
    const file = (name) => path.join(dir, name);
    if (fs.existsSync(file('localhost.key')) && fs.existsSync(file('localhost.crt'))) {
      https = { type: 'https', options: { key: fs.readFileSync(file('localhost.key')), cert: fs.readFileSync(file('localhost.crt')), ca: fs.existsSync(file('ca.crt')) ? fs.readFileSync(file('ca.crt')) : undefined } };
      console.warn(`The dev CA is not installed (${error.message.trim()}); serving with ${dir}. Trust ca.crt by hand.`);
    } else {
      console.warn(`office-addin-dev-certs unavailable (${error.message.trim()}); using a self-signed certificate.`);
    }
  }
  return { port: 3000, server: https, headers: { 'Access-Control-Allow-Origin': '*' }, hot: false, static: false };
}

module.exports = async (env = {}, argv = {}) => {
  const mode = argv.mode || 'production';
  const config = createConfig({ mode });
  if (mode === 'production' && !env.WEBPACK_SERVE) config.plugins.push(new ExternalSizeCheckPlugin());
  if (env.WEBPACK_SERVE) config.devServer = await createDevServer();
  return config;
};
module.exports.createConfig = createConfig;
module.exports.BundleSizePlugin = BundleSizePlugin;
