/**
 * `fenjie --help` must start without loading the core or any command (issue 15: 792 files were
 * loaded for the help text). Walks the static, non-type imports from main.ts.
 */
import { readFileSync, existsSync } from 'fs';
import { dirname, join, resolve } from 'path';

const CLI = join(__dirname, '..');

function staticImports(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const match of source.matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?from\s+'([^']+)'/gms)) found.push(match[1]);
  return found.filter((spec) => spec.startsWith('.'));
}

function resolveTs(from: string, spec: string): string {
  const base = resolve(dirname(from), spec);
  const hit = [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find(existsSync);
  if (!hit) throw new Error(`cannot resolve ${spec} from ${from}`);
  return hit;
}

function reachable(entry: string): Set<string> {
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length) {
    const file = queue.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const spec of staticImports(file)) queue.push(resolveTs(file, spec));
  }
  return seen;
}

describe('CLI start-up', () => {
  it('loads neither the core nor a command module for --help', () => {
    const files = [...reachable(join(CLI, 'main.ts'))].map((f) => f.slice(resolve(CLI, '..').length + 1));
    expect(files.filter((f) => f.startsWith('core/') || f.includes('/commands/'))).toEqual([]);
    expect(files.length).toBeLessThan(8);
  });
});
