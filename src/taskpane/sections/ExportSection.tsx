import { Button, ProgressBar, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { CollectControls } from '../components/CollectControls';
import { RolloverControls } from '../components/RolloverControls';
import { StatusLine, type Status } from '../components/StatusLine';
import { useI18n } from '../i18n/i18n-context';
import { loadExportModule, loadSplitModule, loadWorkbookModule } from '../lazy/load';
import { usePane } from '../pane-context';
import { MIME, downloadBytes } from '../services/download';
import { errorStatus } from '../services/error-text';
import { readSheetTables } from '../services/sheet-records';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

/** 7 导出: the official-format .docx and one workbook per unit, from the sheets as they are now (with the user's edits). */
export function ExportSection() {
  const styles = useStyles();
  const { t, lang } = useI18n();
  const { host } = usePane();
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status | null>(null);
  const [progress, setProgress] = useState<number | null>(null);

  const exportDocx = async () => {
    setBusy(true);
    setStatus(null);
    try {
      const [mod, data] = await Promise.all([loadExportModule(), readSheetTables(host)]);
      if (data.tables.length === 0) {
        setStatus({ kind: 'warning', text: t('validateNoSheets') });
        return;
      }
      const year = data.tables.find((table) => table.year)?.year ?? '';
      const name = `${year}分解落实表附件.docx`;
      downloadBytes(mod.exportNotice({ source: name, notice: data.notice, tables: data.tables }).bytes, name, MIME.docx);
      setStatus({ kind: 'success', text: t('exportReady', { name }) });
    } catch (error) {
      setStatus(errorStatus(error, lang));
    } finally {
      setBusy(false);
    }
  };

  const splitByUnit = async () => {
    setBusy(true);
    setStatus(null);
    setProgress(0);
    try {
      const [mod, workbook, data] = await Promise.all([loadSplitModule(), loadWorkbookModule(), readSheetTables(host)]);
      if (data.tables.length === 0) {
        setStatus({ kind: 'warning', text: t('validateNoSheets') });
        return;
      }
      const year = data.tables.find((table) => table.year)?.year ?? '';
      const out = await mod.writeSplitZip(data.tables, `${year}分解落实表.xlsx`, mod.countSplitUnits(data.tables), setProgress);
      const name = `${year}分单位工作簿.zip`;
      downloadBytes(out.zip, name, MIME.zip);
      // 分发清单 (unit → file) and what was sent (the sent record, in the state) kept in the office's
      // workbook, one batch; an existing 分发清单 is backed up, not replaced.
      await workbook.writePlan(host, mod.planSplitRecord(await host.readState(), out));
      const clashes = out.findings.map((f) => (lang === 'en' ? f.messageEn ?? f.message : f.message)).join(' ');
      setStatus({ kind: out.findings.length ? 'warning' : 'success', text: `${t('exportSplitReady', { name, n: out.files })}${clashes ? ` ${clashes}` : ''}` });
    } catch (error) {
      setStatus(errorStatus(error, lang));
    } finally {
      setBusy(false);
      setProgress(null);
    }
  };

  return (
    <>
      <Text size={200}>{t('exportHint')}</Text>
      <div className={styles.row}>
        <Button appearance="primary" disabledFocusable={busy} onClick={() => void exportDocx()} data-testid="export-docx">
          {t('exportDocx')}
        </Button>
        <Button disabledFocusable={busy} onClick={() => void splitByUnit()} data-testid="export-split">
          {t('exportSplit')}
        </Button>
      </div>
      {progress !== null && <ProgressBar value={progress} max={1} aria-label={t('working')} />}
      <StatusLine status={status} testId="export-status" />
      <CollectControls />
      <RolloverControls />
    </>
  );
}
