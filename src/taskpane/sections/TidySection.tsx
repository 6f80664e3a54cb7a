import { Button, Spinner, Text } from '@fluentui/react-components';
import { useState } from 'react';
import { makeBackupName, makeBackupSuffix, type ParseResult, type WriteOp } from '../../core';
import { PlanWriteControls } from '../components/PlanWriteControls';
import { ResultPreview } from '../components/ResultPreview';
import { StatusLine, type Status } from '../components/StatusLine';
import { useI18n } from '../i18n/i18n-context';
import { loadWorkbookModule } from '../lazy/load';
import { usePane } from '../pane-context';
import { errorStatus } from '../services/error-text';

interface Tidied {
  result: ParseResult;
  backupOps: WriteOp[];
  backupName: string;
}

/**
 * 2 整理当前表: the active sheet's used range (with merged areas) is read like a document.
 * Writing first copies the pasted sheet to a backup in the same batch; the original stays as it is.
 */
export function TidySection() {
  const { t, lang } = useI18n();
  const { host } = usePane();
  const [tidied, setTidied] = useState<Tidied | null>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status | null>(null);

  const run = async () => {
    setBusy(true);
    setStatus(null);
    setTidied(null);
    try {
      const mod = await loadWorkbookModule();
      const sheet = await host.getActiveSheet();
      const range = await host.readUsedRange(sheet);
      if (range.values.every((row) => row.every((cell) => cell.trim() === ''))) {
        setStatus({ kind: 'warning', text: t('tidyEmpty') });
        return;
      }
      const result = mod.readPastedSheet(range);
      const taken = new Set((await host.listSheets()).map((s) => s.name));
      const backupName = makeBackupName(sheet, makeBackupSuffix(new Date()), taken);
      setTidied({ result, backupName, backupOps: [{ op: 'copySheet', sheet, to: backupName }] });
    } catch (error) {
      setStatus(errorStatus(error, lang));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Text size={200}>{t('tidyHint')}</Text>
      <div>
        <Button onClick={() => void run()} disabledFocusable={busy} data-testid="tidy-run">
          {t('tidyRun')}
        </Button>
      </div>
      {busy && <Spinner size="tiny" label={t('working')} />}
      <StatusLine status={status} testId="tidy-status" />
      {tidied && <ResultPreview result={tidied.result} testId="tidy-preview" />}
      {tidied && (
        <PlanWriteControls
          results={[tidied.result]}
          before={tidied.backupOps}
          testId="tidy"
          onWritten={() => setStatus({ kind: 'info', text: t('tidyBackup', { name: tidied.backupName }) })}
        />
      )}
    </>
  );
}
