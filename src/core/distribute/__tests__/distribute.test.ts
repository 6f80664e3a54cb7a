import type { ParsedTable, TaskRecord } from '../../model/records.model';
import { decodeStateCells } from '../../sheet/workbook-state';
import type { WorkbookPlan } from '../../workbook/plan.model';
import { makeProjectsTable, makeTasksTable } from '../../export/__tests__/export-fixtures';
import { assignUnits, namedUnits, unitFileName } from '../unit-assign';
import { planUnitWorkbook } from '../split.planner';
import { collectTracking, type UnitReturn } from '../collect.merger';
import { planCollectSheet } from '../collect-report.planner';
import { planSplitFiles } from '../../flows/split.flow';

function master(): ParsedTable[] {
  const tasks = makeTasksTable();
  tasks.rows.forEach((r, i) => (r.id = `2023-T-00${i + 1}`));
  tasks.rows[1].tracking = { status: '推进中', progress: 40 };
  const projects = makeProjectsTable();
  projects.rows.forEach((r, i) => (r.id = `2023-P-00${i + 1}`));
  return [tasks, projects];
}

const META = { source: 'master.xlsx', createdAt: '2023-03-01T08:00:00Z' };

function stateOf(plan: WorkbookPlan): Record<string, unknown> {
  const sheet = plan.sheets.find((s) => s.role === 'state');
  return decodeStateCells(sheet?.preamble ?? []) as Record<string, unknown>;
}

/** What a unit sends back: its rows (as split), with `edit` applied to the records. */
function unitReturn(tables: ParsedTable[], unit: string, edit: (r: TaskRecord | ParsedTable['rows'][number]) => void = () => undefined, fileName = `${unit}.xlsx`): UnitReturn {
  const assignment = assignUnits(tables).find((a) => a.unit === unit);
  if (!assignment) throw new Error(`no unit ${unit}`);
  const plan = planUnitWorkbook(tables, assignment, META);
  const rows = assignment.rows.map((a) => JSON.parse(JSON.stringify(tables[a.table].rows[a.row])));
  rows.forEach(edit);
  return { fileName, state: stateOf(plan), tables: [{ ...tables[0], rows }] as ParsedTable[] };
}

const OPTIONS = (tables: ParsedTable[]) => ({ year: 2023, knownUnits: namedUnits(tables) });

describe('assignUnits', () => {
  it('gives each unit the tasks it leads or cooperates on, with its role; generic units get none', () => {
    const units = assignUnits(master());
    const names = units.map((u) => u.unit);
    expect(names).toContain('发改委');
    expect(names).toContain('高新区');
    expect(names).not.toContain('各镇（区）有关部门');
    expect(names).not.toContain('各有关镇（区）有关部门');
    const fgw = units.find((u) => u.unit === '发改委');
    expect(fgw?.rows).toEqual([
      { table: 0, row: 0, role: '牵头' },
      { table: 0, row: 2, role: '牵头' },
    ]);
    const gxq = units.find((u) => u.unit === '高新区');
    expect(gxq?.rows).toEqual([
      { table: 0, row: 4, role: '配合' },
      { table: 1, row: 0, role: '配合' },
    ]);
  });

  it('makes safe file names', () => {
    expect(unitFileName('各镇（区）/街道', 2023)).toBe('2023-各镇（区）_街道.xlsx');
  });
});

describe('planUnitWorkbook', () => {
  const tables = master();
  const assignment = assignUnits(tables).find((a) => a.unit === '高新区');
  const plan = planUnitWorkbook(tables, assignment as never, META);

  it('protects the record sheets with only the tracking and round report columns editable', () => {
    const sheets = plan.sheets.filter((s) => s.role === 'tasks' || s.role === 'projects');
    expect(sheets.map((s) => s.name)).toEqual(['主要工作', '民生实事']);
    for (const s of sheets) {
      expect(s.protect).toBe(true);
      expect(s.columns.filter((c) => c.editable).map((c) => c.key)).toEqual(['status', 'progress', 'deadline', 'latest', 'updated', 'problems', 'nextSteps', 'delayTo', 'delayReason', 'doneNote']);
      expect(s.columns[0].key).toBe('role');
      expect(s.rows.every((r) => r[0] === '配合')).toBe(true);
      expect(s.preamble?.[0]).toContain('高新区');
      expect(s.preamble?.join('')).toContain('填报说明');
      // ranges start below the instructions and the header
      const first = (s.preamble?.length ?? 0) + 2;
      expect(s.validations?.[0].range).toMatch(new RegExp(`^[A-Z]+${first}:`));
    }
  });

  it('records unit, year and source in the state sheet', () => {
    const state = stateOf(plan);
    expect(state.split).toMatchObject({ unit: '高新区', year: 2023, source: 'master.xlsx' });
    expect(Object.keys((state.split as { baseline: object }).baseline)).toEqual(['2023-T-005', '2023-P-001']);
  });
});

describe('collectTracking', () => {
  it('applies a unit’s edit and lists it', () => {
    const tables = master();
    const ret = unitReturn(tables, '发改委', (r) => {
      if (r.id === '2023-T-001') r.tracking = { status: '推进中', progress: 30, latest: '一季度增长5.2%' };
    });
    const result = collectTracking(tables, [ret], OPTIONS(tables));
    expect(result.findings).toEqual([]);
    expect(result.tables[0].rows[0].tracking).toMatchObject({ status: '推进中', progress: 30, latest: '一季度增长5.2%' });
    expect(result.applied.map((a) => a.field).sort()).toEqual(['latest', 'progress', 'status']);
    // the master records given in are not changed
    expect(tables[0].rows[0].tracking).toBeUndefined();
  });

  it('reports a task edited by two units differently and keeps the master value', () => {
    const tables = master();
    const a = unitReturn(tables, '商务局', (r) => r.id === '2023-T-004' && (r.tracking = { status: '推进中' }));
    const b = unitReturn(tables, '资规局', (r) => r.id === '2023-T-004' && (r.tracking = { status: '滞后' }));
    const result = collectTracking(tables, [a, b], OPTIONS(tables));
    const conflict = result.findings.find((f) => f.code === 'collect-conflict');
    expect(conflict).toMatchObject({ id: '2023-T-004', field: 'status', severity: 'error' });
    expect(conflict?.values?.map((v) => v.unit)).toEqual(['商务局', '资规局']);
    expect(result.tables[0].rows[3].tracking?.status).toBeUndefined();
    expect(result.applied).toEqual([]);
  });

  it('accepts the same value from two units once', () => {
    const tables = master();
    const a = unitReturn(tables, '商务局', (r) => r.id === '2023-T-004' && (r.tracking = { status: '已完成' }));
    const b = unitReturn(tables, '资规局', (r) => r.id === '2023-T-004' && (r.tracking = { status: '已完成' }));
    const result = collectTracking(tables, [a, b], OPTIONS(tables));
    expect(result.findings).toEqual([]);
    expect(result.applied).toHaveLength(1);
    expect(result.tables[0].rows[3].tracking?.status).toBe('已完成');
  });

  it('reports a row whose protected columns changed and keeps the master text', () => {
    const tables = master();
    const ret = unitReturn(tables, '财政局', (r) => {
      if (r.id === '2023-T-002') {
        (r as TaskRecord).content = '增长10%';
        r.tracking = { status: '推进中', progress: 60 };
      }
    });
    const result = collectTracking(tables, [ret], OPTIONS(tables));
    expect(result.findings).toEqual([expect.objectContaining({ code: 'collect-protected-changed', id: '2023-T-002', field: 'content', value: '增长10%' })]);
    expect((result.tables[0].rows[1] as TaskRecord).content).toBe('增长6%左右');
    expect(result.tables[0].rows[1].tracking?.progress).toBe(60);
  });

  it('refuses a file from an unknown unit and one for another year', () => {
    const tables = master();
    const stranger = unitReturn(tables, '发改委', (r) => (r.tracking = { status: '滞后' }), 'stranger.xlsx');
    (stranger.state?.split as { unit: string }).unit = '外星局';
    const old = unitReturn(tables, '发改委', (r) => (r.tracking = { status: '滞后' }), 'old.xlsx');
    (old.state?.split as { year: number }).year = 2022;
    const result = collectTracking(tables, [stranger, old], OPTIONS(tables));
    expect(result.findings.map((f) => [f.code, f.file])).toEqual([
      ['collect-unknown-unit', 'stranger.xlsx'],
      ['collect-wrong-year', 'old.xlsx'],
    ]);
    expect(result.applied).toEqual([]);
    expect(result.files.every((f) => !f.accepted)).toBe(true);
  });

  it('does not overwrite a value the office changed after the split', () => {
    const tables = master();
    const ret = unitReturn(tables, '财政局', (r) => r.id === '2023-T-002' && (r.tracking = { status: '滞后', progress: 40 }));
    tables[0].rows[1].tracking = { status: '暂缓', progress: 40 };
    const result = collectTracking(tables, [ret], OPTIONS(tables));
    expect(result.findings).toEqual([expect.objectContaining({ code: 'collect-master-changed', id: '2023-T-002', field: 'status', value: '暂缓' })]);
    expect(result.tables[0].rows[1].tracking?.status).toBe('暂缓');
  });

  it('skips tasks not in the workbook and files that are not unit files', () => {
    const tables = master();
    const ret = unitReturn(tables, '发改委', (r) => r.id === '2023-T-001' && (r.id = '2023-T-999'));
    const plain: UnitReturn = { fileName: 'plain.xlsx', state: { app: 'fenjie' }, tables: master() };
    const result = collectTracking(tables, [ret, plain], OPTIONS(tables));
    expect(result.findings.map((f) => f.code)).toEqual(['collect-unknown-task', 'collect-not-split-file']);
  });

  it('lists everything in the 汇总记录 sheet', () => {
    const tables = master();
    const a = unitReturn(tables, '商务局', (r) => r.id === '2023-T-004' && (r.tracking = { status: '推进中', latest: '开工' }));
    const b = unitReturn(tables, '资规局', (r) => r.id === '2023-T-004' && (r.tracking = { status: '滞后', latest: '开工' }));
    const sheet = planCollectSheet(collectTracking(tables, [a, b], OPTIONS(tables)));
    // defect 8: 类型 in words, the codes in the last column (was collect-conflict / applied)
    expect(sheet.rows.map((r) => r[0])).toEqual(['填报冲突', '已采用']);
    expect(sheet.rows.map((r) => r[r.length - 1])).toEqual(['collect-conflict', 'collect-applied']);
    expect(sheet.rows[0][7]).toBe('商务局（牵头）：推进中\n资规局（牵头）：滞后');
  });
});

describe('sent record budget (issue 17)', () => {
  it('a record longer than SENT_RECORD_MAX_CHARS is not kept: split-record-too-large, and the unit files are still planned', () => {
    // 400 tasks with 11,000 characters of 最新进展 each: about 4.4 M characters of baselines.
    const latest = '进展'.repeat(5500);
    const rows = Array.from({ length: 400 }, (_, i) => ({ id: `2023-T-${String(i + 1).padStart(3, '0')}`, category: '', item: '', content: `任务${i}`, leaders: [], leadUnits: ['发改委'], relatedUnits: [], tracking: { latest } }));
    const tables = [{ kind: 'tasks', title: null, year: 2023, rows }] as unknown as ParsedTable[];
    const split = planSplitFiles(tables, { source: 'm.xlsx', createdAt: 'now' });
    expect(split.sent).toBeNull();
    expect(split.findings.map((f) => [f.code, f.severity])).toEqual([['split-record-too-large', 'warning']]);
    expect([...split.plans()].map((u) => u.unit)).toEqual(['发改委']);
    expect(planSplitFiles([{ ...tables[0], rows: rows.slice(0, 300) }] as unknown as ParsedTable[], { source: 'm.xlsx', createdAt: 'now' }).sent?.tasks).toHaveLength(300);
  });
});
