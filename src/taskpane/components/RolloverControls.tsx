import { Button, Checkbox, Input, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { defaultRolloverYear } from '../../core';
import { useI18n } from '../i18n/i18n-context';
import { loadSplitModule } from '../lazy/load';
import { usePane } from '../pane-context';
import { MIME, downloadBytes } from '../services/download';
import { errorStatus } from '../services/error-text';
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
  const { host, workbookVersion } = usePane();
  const getRegistry = useRegistry();
  // The default is the plan's year + 1 (not the calendar's), shown once the sheets are read.
  const [year, setYear] = useState('');
  const touched = useRef(false);
  useEffect(() => {
    void readSheetTables(host)
      .then((data) => {
        if (!touched.current && data.tables.length > 0) setYear(String(defaultRolloverYear(data.tables)));
      })
      .catch(() => undefined);
  }, [host, workbookVersion]);
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
      const target = year ? Number(year) : mod.defaultRolloverYear(data.tables);
      const rolled = mod.planRollover({ source: 'workbook', notice: data.notice, tables: data.tables, fixes: [], warnings: [] }, { year: target, registry, dropFinished });
      const name = `${rolled.year}分解落实表.xlsx`;
      downloadBytes(await mod.writeXlsx(rolled.plan), name, MIME.xlsx);
      setYear(String(rolled.year));
      setStatus({ kind: 'success', text: t('rolloverReady', { name, n: rolled.rollover.changes.length }) });
    } catch (error) {
      setStatus(errorStatus(error, lang));
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
          onChange={(_, data) => {
            touched.current = true;
            setYear(data.value.replace(/\D/g, '').slice(0, 4));
          }}
          data-testid="rollover-year"
        />
        <Checkbox checked={dropFinished} onChange={(_, data) => setDropFinished(data.checked === true)} label={t('rolloverDropFinished')} />
        <Button disabled={busy || (year.length !== 0 && year.length !== 4)} onClick={() => void run()} data-testid="rollover-run">
          {t('rolloverRun')}
        </Button>
      </div>
      <StatusLine status={status} testId="rollover-status" />
    </>
  );
}
