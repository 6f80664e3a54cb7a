/**
 * Regression (the pane rebuilt rollover, split, collect and the registry rule from lower pieces and
 * disagreed with the CLI): the lazy modules only mark bundle boundaries, re-exporting the core's flows.
 */
import * as core from '../../../core';
import { parseGrids, readTextDocument } from '../../../core/testing';
import * as registry from '../registry.lazy';
import * as split from '../split.lazy';
import * as workbook from '../workbook.lazy';
import * as exporter from '../export.lazy';
import * as records from '../records.lazy';
import * as report from '../report.lazy';

describe('pane bundle boundaries', () => {
  it.each([
    ['registry', registry],
    ['split', split],
    ['workbook', workbook],
    ['export', exporter],
    ['records', records],
    ['report', report],
  ] as const)('%s.lazy re-exports core functions under their core names', (_name, mod) => {
    const coreNames = core as unknown as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) {
      if (name === 'writeXlsx' || name === 'writeSplitZip' || name === 'writePlanFile') continue; // the writer and zip step of this chunk
      expect(coreNames[name]).toBe(value);
    }
  });

  it('writes a split as one zip of unit workbooks with the core’s plans', async () => {
    const fs = await import('fs');
    const path = await import('path');
    const seed = parseGrids(readTextDocument(new Uint8Array(fs.readFileSync(path.join(__dirname, '../../../../seeds/000_8040c5413e4a8407.txt')))), 's.txt');
    const total = split.countSplitUnits(seed.tables);
    const progress: number[] = [];
    const out = await split.writeSplitZip(seed.tables, 's.xlsx', total, (d) => progress.push(d));
    expect(out.files).toBe(total);
    expect(progress[progress.length - 1]).toBe(1);
    const { unzipSync } = await import('fflate');
    const names = Object.keys(unzipSync(out.zip));
    expect(names).toEqual([...[...core.planSplit(seed.tables, { source: 's', createdAt: 'x' })].map((u) => u.fileName), '分发清单.csv', '分发清单.json']);
    expect(out.manifestSheet.name).toBe('分发清单');
  });
});
