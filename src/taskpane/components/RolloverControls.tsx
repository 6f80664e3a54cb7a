import { Button, Checkbox, Input, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useI18n } from '../i18n/i18n-context';
import { loadSplitModule } from '../lazy/load';
import { usePane } from '../pane-context';
import { MIME, downloadBytes } from '../services/download';
import { describeError } from '../services/error-text';
import { readSheetTables } from '../services/sheet-records';
import { useRegistry } from '../services/use-registry';
import { StatusLine, type Status } from './StatusLine';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  year: { width: '6em' },
});

/** Next year's tables from this year's, as a new workbook to download (this workbook is left as it is). */
export function RolloverControls() {
  const styles = useStyles();
  const { t, lang } = useI18n();
  const { host } = usePane();
  const getRegistry = useRegistry();
  const [year, setYear] = useState(String(new Date().getFullYear() + 1));
  const [dropFinished, setDropFinished] = useState(false);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status | null>(null);

  const run = async () => {
    setBusy(true);
    setStatus(null);
    try {
      const [mod, data, registry] = await Promise.all([loadSplitModule(), readSheetTables(host), getRegistry()]);
      if (data.tables.length === 0) {
        setStatus({ kind: 'warning', text: t('validateNoSheets') });
        return;
      }
      const out = await mod.rollover(data.tables, Number(year), registry, dropFinished);
      const name = `${year}分解落实表.xlsx`;
      downloadBytes(out.bytes, name, MIME.xlsx);
      setStatus({ kind: 'success', text: t('rolloverReady', { name, n: out.changes }) });
    } catch (error) {
      setStatus({ kind: 'error', text: describeError(error, lang) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Text weight="semibold">{t('rolloverTitle')}</Text>
      <div className={styles.row}>
        <Input
          className={styles.year}
          aria-label={t('rolloverYear')}
          value={year}
          inputMode="numeric"
          onChange={(_, data) => setYear(data.value.replace(/\D/g, '').slice(0, 4))}
          data-testid="rollover-year"
        />
        <Checkbox checked={dropFinished} onChange={(_, data) => setDropFinished(data.checked === true)} label={t('rolloverDropFinished')} />
        <Button disabled={busy || year.length !== 4} onClick={() => void run()} data-testid="rollover-run">
          {t('rolloverRun')}
        </Button>
      </div>
      <StatusLine status={status} testId="rollover-status" />
    </>
  );
}
