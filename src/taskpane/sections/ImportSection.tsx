import { Field, Spinner, Text } from '@fluentui/react-components';
import { useState, type ChangeEvent } from 'react';
import { planRemap, readStoredLayouts, type ColumnRole, type Finding, type ParseResult, type TableMapping, type WorkbookState } from '../../core';
import { usePane } from '../pane-context';
import { MappingEditor } from '../components/MappingEditor';
import { PlanWriteControls } from '../components/PlanWriteControls';
import { ResultPreview } from '../components/ResultPreview';
import { StatusLine, type Status } from '../components/StatusLine';
import { useI18n } from '../i18n/i18n-context';
import { loadWorkbookModule } from '../lazy/load';
import { errorStatus } from '../services/error-text';
import { readFileBytes } from '../services/preview';

type WorkbookModule = Awaited<ReturnType<typeof loadWorkbookModule>>;

/** The cells of the workbook-to-be that Excel cannot hold (defect 3), named before anything is written. */
function findLongCells(mod: WorkbookModule, result: ParseResult, state: WorkbookState): Finding[] {
  if (result.tables.length === 0) return [];
  return mod.planImport({ inputs: [{ result, state: null }], state }).longCells;
}

/** 1 导入通知: file → readInput → preview (with the column roles to confirm) → write the structured sheets. */
export function ImportSection() {
  const { t, lang } = useI18n();
  const { host } = usePane();
  const [result, setResult] = useState<ParseResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status | null>(null);
  const [input, setInput] = useState<{ bytes: Uint8Array; name: string } | null>(null);
  const [longCells, setLongCells] = useState<Finding[]>([]);

  const show = (mod: WorkbookModule, read: ParseResult, state: WorkbookState) => {
    setLongCells(findLongCells(mod, read, state));
    setResult(read);
  };

  // The user changed a column's role: read the file again with that table's roles as shown
  // (confirmed), every other table keeping the roles it was shown with.
  const onMapping = async (_table: number, mapping: TableMapping, columns: { header: string; role: ColumnRole }[]) => {
    if (!input || !result) return;
    setBusy(true);
    try {
      const [mod, state] = await Promise.all([loadWorkbookModule(), host.readState()]);
      show(mod, (await mod.readInput(input.bytes, input.name, planRemap(result, state.mappings, { mapping, columns }))).result, state);
    } catch (error) {
      setStatus(errorStatus(error, lang));
    } finally {
      setBusy(false);
    }
  };

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file || busy) return;
    setResult(null);
    setStatus(null);
    setBusy(true);
    try {
      const [mod, bytes, state] = await Promise.all([loadWorkbookModule(), readFileBytes(file), host.readState()]);
      setInput({ bytes, name: file.name });
      // Mappings confirmed before in this workbook apply again to tables with the same headers.
      show(mod, (await mod.readInput(bytes, file.name, { layouts: readStoredLayouts(state.mappings) })).result, state);
    } catch (error) {
      setStatus(errorStatus(error, lang));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Text size={200}>{t('importHint')}</Text>
      <Field label={t('fileLabel')}>
        {/* Not disabled while reading: disabling the focused picker would send the focus to the top of the pane. */}
        <input type="file" accept=".docx,.txt,.xlsx,.doc" aria-label={t('fileLabel')} aria-busy={busy || undefined} onChange={(e) => void onFile(e)} data-testid="import-file" />
      </Field>
      {busy && <Spinner size="tiny" label={t('working')} />}
      <StatusLine status={status} testId="import-status" />
      {result && <ResultPreview result={result} longCells={longCells} testId="import-preview" />}
      {result && <MappingEditor result={result} onChange={(table, mapping, columns) => void onMapping(table, mapping, columns)} testId="import-mapping" />}
      {result && <PlanWriteControls results={[result]} testId="import" />}
    </>
  );
}
