/**
 * Issue 17, trusted returns: the office's workbook with the sent record in its state (what the
 * pane's split writes), the merged workbook collect writes from it, and the unit file are valid
 * ECMA-376, read back by openpyxl/pandas, and the record reads back as it was written.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { parseSentRecordJson, planCollect, planSplitFiles, readFenjieInput, readReturns, readSentRecords, sentRecordFile, withSentRecord } from '../../src/core/index';
import { buildWorkbookPlan, parseDocument } from '../../src/core/testing';
import { writeXlsx } from '../../src/taskpane/lazy/split.lazy';
import { checkOoxml, readBackXlsx, type WrittenFile } from './ooxml';

jest.setTimeout(120_000);

const SEED_2023 = join(__dirname, '..', '..', 'seeds', '000_8040c5413e4a8407.txt');

describe('the sent record in the office workbook (issue 17)', () => {
  let files: WrittenFile[] = [];
  let sentJson = '';

  beforeAll(async () => {
    const seed = await parseDocument(new Uint8Array(readFileSync(SEED_2023)), 'seed-2023.txt');
    const first = await readFenjieInput(await writeXlsx(buildWorkbookPlan({ results: [seed] })), 'master.xlsx');
    const split = planSplitFiles(first.result.tables, { source: 'master.xlsx', createdAt: '2024-03-01T08:00:00.000Z' });
    sentJson = JSON.stringify(split.sent);
    const state = withSentRecord(first.state, split.sent!);
    const office = { name: 'office.xlsx', bytes: await writeXlsx(buildWorkbookPlan({ results: [first.result], extraSheets: [split.manifestSheet], state })) };
    const unit = [...split.plans()].find((u) => u.unit === '发改委')!;
    const unitFile = { name: 'unit.xlsx', bytes: await writeXlsx(unit.plan) };
    const back = await readFenjieInput(office.bytes, 'office.xlsx');
    const { returns } = await readReturns([{ name: unit.fileName, bytes: unitFile.bytes }]);
    const merged = { name: 'merged.xlsx', bytes: await writeXlsx(planCollect(back, returns, [], { collectedAt: '2024-04-01T00:00:00.000Z' }).plan) };
    files = [office, unitFile, merged];
  });

  it('is valid against ECMA-376 (office workbook with the record, unit file, merged workbook)', () => {
    expect(checkOoxml(files)).toEqual([]);
  });

  it('reads back in openpyxl and pandas with 分发清单 and the records', () => {
    const office = readBackXlsx(files[0]);
    expect(office.pandasSheets).toEqual(expect.arrayContaining(['主要工作', '分发清单']));
    expect(office.sheets['分发清单'].flat()).toContain('发改委');
    expect(readBackXlsx(files[2]).pandasSheets).toEqual(expect.arrayContaining(['主要工作', '汇总记录']));
  });

  it('keeps the record through the workbook and through collect’s merged file, as written', async () => {
    for (const file of [files[0], files[2]]) {
      const back = await readFenjieInput(file.bytes, file.name);
      expect(JSON.stringify(readSentRecords(back.state)?.[0])).toBe(sentJson);
    }
    // The CLI's sidecar holds the same record.
    expect(JSON.stringify(parseSentRecordJson(sentRecordFile(JSON.parse(sentJson)).text))).toBe(sentJson);
  });
});
