/** Regression: `npm run build` (webpack, cleans its output folder) deleted the compiled CLI when both used dist/. */
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.join(__dirname, '..');

it('keeps the CLI build and the add-in builds in separate folders', () => {
  const cli = JSON.parse(fs.readFileSync(path.join(ROOT, 'tsconfig.cli.json'), 'utf8')) as { compilerOptions: { outDir: string } };
  const cliOut = path.resolve(ROOT, cli.compilerOptions.outDir);
  const bin = fs.readFileSync(path.join(ROOT, 'bin', 'fenjie.js'), 'utf8');
  expect(bin).toContain(`require('../${path.relative(ROOT, cliOut)}/cli/main.js')`);
  for (const addinOut of ['dist', 'dist-wps'].map((d) => path.join(ROOT, d))) {
    expect(cliOut.startsWith(addinOut)).toBe(false);
    expect(addinOut.startsWith(cliOut)).toBe(false);
  }
});
