import { Field, Spinner, Text } from '@fluentui/react-components';
import { useState, type ChangeEvent } from 'react';
import type { ParseResult } from '../../core';
import { PlanWriteControls } from '../components/PlanWriteControls';
import { ResultPreview } from '../components/ResultPreview';
import { StatusLine, type Status } from '../components/StatusLine';
import { useI18n } from '../i18n/i18n-context';
import { loadWorkbookModule } from '../lazy/load';
import { errorStatus } from '../services/error-text';
import { readFileBytes } from '../services/preview';

/** 1 导入通知: file → parseDocument → preview → write the structured sheets. */
export function ImportSection() {
  const { t, lang } = useI18n();
  const [result, setResult] = useState<ParseResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status | null>(null);

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    setResult(null);
    setStatus(null);
    setBusy(true);
    try {
      const [mod, bytes] = await Promise.all([loadWorkbookModule(), readFileBytes(file)]);
      setResult((await mod.readInput(bytes, file.name)).result);
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
        <input type="file" accept=".docx,.txt,.xlsx,.doc" onChange={(e) => void onFile(e)} data-testid="import-file" disabled={busy} />
      </Field>
      {busy && <Spinner size="tiny" label={t('working')} />}
      <StatusLine status={status} testId="import-status" />
      {result && <ResultPreview result={result} testId="import-preview" />}
      {result && <PlanWriteControls results={[result]} testId="import" />}
    </>
  );
}
