/**
 * Lower pieces of the core for tests and benchmarks only (src code outside the core must use the
 * flows in ./index). Lint forbids importing this file from non-test code.
 */
export { planUnitWorkbook } from './distribute/split.planner';
export { assignUnits } from './distribute/unit-assign';
export { writeNoticeDocx } from './export/docx.writer';
export { writeOfficialDocx } from './supervision/official-docx.writer';
export { type DocumentGrids, type Grid, type GridCell, type GridRow } from './grid/grid.model';
export { readDoc } from './readers/doc.reader';
export { documentFromUsedRanges } from './grid/sheet-grid';
export { createMemoryHost, type MemoryHost, type MemoryHostInit, type MemorySheetInit, type MemorySheetSnapshot, type MemorySnapshot } from './host/memory.host';
export { planToOps } from './host/plan-to-ops';
export { FIX_RULES } from './parse/fix-rules';
export { parseDocument, parseGrids } from './parse/parse-document';
export { readDocument } from './readers/document.reader';
export { readDocx } from './readers/docx.reader';
export { readTextDocument } from './readers/text.reader';
export { readXlsx, readXlsxSheets } from './readers/xlsx.reader';
export { openZip, readZipEntries } from './readers/zip.reader';
export { type PinyinFn } from './registry/pinyin-keys.builder';
export { createRegistryIndex, type RegistryIndex } from './registry/registry-index.builder';
export { parseRegistryJson } from './registry/registry-json.codec';
export { createEmptyRegistry } from './registry/registry.model';
export { displayText } from './sheet/cell-value';
export { applyRegistryNames, groupFindings } from './validate/finding-groups';
export { summariseFindings, validateTables } from './validate/validate';
export { readFenjieWorkbook, readRecordsFromUsedRanges } from './workbook/fenjie-workbook.reader';
export { buildWorkbookPlan, type WorkbookInput } from './workbook/workbook.planner';
