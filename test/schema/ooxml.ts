/**
 * Test helpers that check what fenjie writes with tools fenjie did not write: the ECMA-376
 * transitional schemas (test/fixtures/ooxml-xsd/ooxml-check.py, Python + lxml) and a second reader
 * (openpyxl/pandas for .xlsx, python-docx for .docx). CI installs python3-lxml, python3-openpyxl,
 * python3-pandas and python3-docx (.ci/run); a missing tool fails the test rather than skipping it.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const CHECKER = join(ROOT, 'test', 'fixtures', 'ooxml-xsd', 'ooxml-check.py');
const READER = join(__dirname, 'read-back.py');

export interface WrittenFile {
  /** A file name ending in .xlsx or .docx; it names the file in error messages. */
  name: string;
  bytes: Uint8Array;
}

/** Debian's python3 carries lxml/openpyxl/docx; a pyenv python3 earlier on PATH may not. */
function findPython(): string {
  return existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
}

function withFiles<T>(files: WrittenFile[], run: (paths: string[]) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'fenjie-ooxml-'));
  try {
    const paths = files.map((file, index) => {
      const path = join(dir, `${index}-${file.name.replace(/[\\/]/g, '_')}`);
      writeFileSync(path, file.bytes);
      return path;
    });
    return run(paths);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Every schema error in the given packages, one line each; [] when all are valid. */
export function checkOoxml(files: WrittenFile[]): string[] {
  return withFiles(files, (paths) => {
    let output: string;
    try {
      output = execFileSync(findPython(), [CHECKER, ...paths], { encoding: 'utf8', maxBuffer: 64 << 20 });
    } catch (error) {
      const failed = error as { stdout?: string; stderr?: string };
      output = `${failed.stdout ?? ''}${failed.stderr ?? ''}`;
    }
    // On failure stdout (the summary) and stderr (the details) are joined: find the summary line anywhere.
    const match = /^schema errors: (\d+)/m.exec(output);
    if (!match) throw new Error(`ooxml-check did not run: ${output.slice(0, 2000)}`);
    if (match[1] === '0') return [];
    return output.split('\n').filter((line) => line.startsWith('  ') && !/^\s+\d+x /.test(line));
  });
}

export interface XlsxReadBack {
  sheets: Record<string, Array<Array<string | number | boolean | null>>>;
  pandasSheets: string[];
}
export interface DocxReadBack {
  tables: string[][][];
  paragraphs: string[];
}

function readBack(file: WrittenFile): unknown {
  return withFiles([file], (paths) => {
    const output = execFileSync(findPython(), [READER, paths[0]], { encoding: 'utf8', maxBuffer: 256 << 20 });
    const result = (JSON.parse(output) as Record<string, { error?: string }>)[paths[0]];
    if (result.error) throw new Error(`${file.name}: the second reader refused it: ${result.error}`);
    return result;
  });
}

/** The workbook as openpyxl reads it (values by sheet), after pandas.read_excel also opened it. */
export function readBackXlsx(file: WrittenFile): XlsxReadBack {
  return readBack(file) as XlsxReadBack;
}

/** The document as python-docx reads it: table cell texts and paragraph texts. */
export function readBackDocx(file: WrittenFile): DocxReadBack {
  return readBack(file) as DocxReadBack;
}
