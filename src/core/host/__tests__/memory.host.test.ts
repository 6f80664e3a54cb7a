import { createMemoryHost } from '../memory.host';
import { checkBatch } from '../batch-check';

describe('memory host', () => {
  it('starts from initial sheets with values and merges', async () => {
    const host = createMemoryHost({ sheets: [{ name: '粘贴', values: [['标题', null], ['a', 'b']], merges: ['A1:B1'] }, { name: 'Sheet2' }], activeSheet: '粘贴' });
    expect(await host.getActiveSheet()).toBe('粘贴');
    expect(await host.readUsedRange('粘贴')).toEqual({ sheet: '粘贴', address: 'A1:B2', values: [['标题', ''], ['a', 'b']], merges: [{ row: 0, col: 0, rows: 1, cols: 2 }] });
  });

  it('leaves the workbook untouched when a batch fails its check', async () => {
    const host = createMemoryHost();
    const before = JSON.stringify(host.snapshot());
    await expect(host.apply([{ op: 'writeValues', sheet: 'Sheet1', start: 'A1', values: [['x']] }, { op: 'merge', sheet: 'Sheet1', range: 'Q' }])).rejects.toMatchObject({ code: 'host-invalid-op' });
    expect(JSON.stringify(host.snapshot())).toBe(before);
    expect(host.applyCount).toBe(0);
  });

  it('fires onChange for a simulated user edit of a block, not for apply', async () => {
    const host = createMemoryHost();
    const events: unknown[] = [];
    host.onChange((e) => events.push(e));
    await host.apply([{ op: 'writeValues', sheet: 'Sheet1', start: 'A1', values: [['a']] }]);
    host.simulateUserEdit('Sheet1', 'C2', [['x', 'y'], ['z', 'w']]);
    expect(events).toEqual([{ sheet: 'Sheet1', address: 'C2:D3' }]);
    expect(host.snapshot().sheets[0].text).toEqual([['a', '', '', ''], ['', '', 'x', 'y'], ['', '', 'z', 'w']]);
  });

  it('stores text-looking-like-formulas as text with the @ format', async () => {
    const host = createMemoryHost();
    await host.apply([{ op: 'writeValues', sheet: 'Sheet1', start: 'A1', values: [['=1+1', { formula: '1+1' }]] }]);
    const sheet = host.snapshot().sheets[0];
    expect(sheet.values[0]).toEqual(['=1+1', { formula: '1+1' }]);
    expect(sheet.text[0]).toEqual(['=1+1', '']);
  });

  it('records the selection and reports progress', async () => {
    const host = createMemoryHost({ sheets: [{ name: 'A' }, { name: 'B' }] });
    const seen: number[] = [];
    await host.apply(Array.from({ length: 120 }, (_, i) => ({ op: 'writeValues' as const, sheet: 'B', start: `A${i + 1}`, values: [[i]] })), { onProgress: (p) => seen.push(p) });
    expect(seen).toEqual([50 / 120, 100 / 120, 1]);
    await host.select('B', 'A2:A3');
    expect(host.snapshot().selection).toEqual({ sheet: 'B', range: 'A2:A3' });
  });

  it('checkBatch follows renames and deletes through the batch', () => {
    const sheets = [{ name: 'A', visibility: 'visible' as const }, { name: 'B', visibility: 'visible' as const }];
    expect(() => checkBatch([{ op: 'renameSheet', sheet: 'A', to: 'C' }, { op: 'writeValues', sheet: 'C', start: 'A1', values: [['x']] }], sheets)).not.toThrow();
    expect(() => checkBatch([{ op: 'renameSheet', sheet: 'A', to: 'C' }, { op: 'writeValues', sheet: 'A', start: 'A1', values: [['x']] }], sheets)).toThrow(/A/);
    expect(() => checkBatch([{ op: 'deleteSheet', sheet: 'A' }, { op: 'deleteSheet', sheet: 'B' }], sheets)).toThrow(expect.objectContaining({ code: 'host-invalid-op' }));
    expect(() => checkBatch([{ op: 'createTable', sheet: 'A', range: 'A1:B2', name: 'T1' }, { op: 'createTable', sheet: 'B', range: 'A1:B2', name: 't1' }], sheets)).toThrow(/t1/);
  });
});

describe('regression: replacing a sheet with its table in one batch was refused as a duplicate table name', () => {
  it('frees the table names of a sheet deleted earlier in the batch', async () => {
    const host = createMemoryHost({ sheets: [{ name: 'Sheet1' }] });
    const make = (sheet: string) => [
      { op: 'addSheet' as const, sheet },
      { op: 'writeValues' as const, sheet, start: 'A1', values: [['编号'], ['2023-T-001']] },
      { op: 'createTable' as const, sheet, range: 'A1:A2', name: '主要工作表' },
    ];
    await host.apply(make('主要工作'));
    await host.apply([{ op: 'deleteSheet', sheet: '主要工作' }, ...make('主要工作')]);
    expect((await host.listSheets()).map((s) => s.name)).toContain('主要工作');
    expect(host.snapshot().sheets.find((s) => s.name === '主要工作')?.tables.map((t) => t.name)).toEqual(['主要工作表']);
  });

  it('still refuses a duplicate table name while its sheet exists', () => {
    const ops = [{ op: 'createTable' as const, sheet: 'B', range: 'A1:A2', name: 'T1' }];
    expect(() => checkBatch(ops, [{ name: 'A', visibility: 'visible' }, { name: 'B', visibility: 'visible' }], [{ name: 'T1', sheet: 'A' }])).toThrow(/T1/);
  });
});
