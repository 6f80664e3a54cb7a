/**
 * A local ESLint rule: no import cycles among the project's own modules. The graph of relative
 * imports (src/, test/, bench/) is built once per lint run with a regex over the sources; each
 * import whose target can reach back to the importing file is reported with the cycle.
 */
import fs from 'node:fs';
import path from 'node:path';

const IMPORT = /(?:^|\n)\s*(?:import|export)\s+(?:type\s+)?(?:[^'"`;]*?\s+from\s+)?['"](\.{1,2}\/[^'"]+)['"]/g;
const graphs = new Map();

function resolve(from, spec) {
  const base = path.resolve(path.dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** Type-only imports do not run, but they still tie modules together: they count. */
function importsOf(file) {
  const text = fs.readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const out = [];
  for (const m of text.matchAll(IMPORT)) {
    const target = resolve(file, m[1]);
    if (target && /\.tsx?$/.test(target)) out.push(target);
  }
  return out;
}

function graphFor(root) {
  let graph = graphs.get(root);
  if (!graph) {
    graph = new Map();
    const visit = (dir) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) visit(full);
        else if (/\.tsx?$/.test(entry.name)) graph.set(full, importsOf(full));
      }
    };
    for (const top of ['src', 'test', 'bench']) if (fs.existsSync(path.join(root, top))) visit(path.join(root, top));
    graphs.set(root, graph);
  }
  return graph;
}

function pathBack(graph, from, to) {
  const seen = new Set([from]);
  const stack = [[from, [from]]];
  while (stack.length) {
    const [node, trail] = stack.pop();
    for (const next of graph.get(node) ?? []) {
      if (next === to) return [...trail, to];
      if (!seen.has(next)) {
        seen.add(next);
        stack.push([next, [...trail, next]]);
      }
    }
  }
  return null;
}

export default {
  meta: { type: 'problem', docs: { description: 'no import cycles among project modules' }, schema: [] },
  create(context) {
    const file = context.filename;
    const root = context.cwd;
    const graph = graphFor(root);
    const check = (node) => {
      const spec = node.source?.value;
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      const target = resolve(file, spec);
      if (!target || target === file) return;
      const back = pathBack(graph, target, file);
      if (back) context.report({ node, message: `Import cycle: ${[file, ...back].map((p) => path.relative(root, p)).join(' → ')}` });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check };
  },
};
