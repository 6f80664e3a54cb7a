import { Button, Field, Input, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import { RoundRequests } from './RoundRequests';
import { StatusLine, type Status } from './StatusLine';
import { useI18n } from '../i18n/i18n-context';
import { usePane } from '../pane-context';
import { downloadBytes, MIME } from '../services/download';
import { errorStatus } from '../services/error-text';
import { loadReportModule } from '../lazy/load';
import { todayIso, type Round } from '../../core';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'end' },
});

type Output = 'bulletin' | 'reminders' | 'leaders';

/**
 * 跟踪 → 督查期次: open a reporting round (新一期填报) and download the round's 通报, 催办单 and
 * 领导清单. Everything is computed by the core's round and report flows from the open workbook.
 */
export function RoundControls() {
  const styles = useStyles();
  const { t, lang } = useI18n();
  const { host, workbookVersion, bumpWorkbook } = usePane();
  const [round, setRound] = useState<Round | null>(null);
  const [period, setPeriod] = useState('');
  const [due, setDue] = useState('');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status | null>(null);

  const refresh = useCallback(async () => {
    try {
      setRound((await (await loadReportModule()).readHostRound(host)).round);
    } catch (error) {
      setStatus(errorStatus(error, lang));
    }
  }, [host, lang]);

  useEffect(() => {
    void refresh();
  }, [refresh, workbookVersion]);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setStatus(null);
    try {
      await work();
    } catch (error) {
      setStatus(errorStatus(error, lang));
    } finally {
      setBusy(false);
    }
  };

  const start = () =>
    run(async () => {
      const mod = await loadReportModule();
      // The round in the state, and the task sheets' 序时 columns, 统计 and the round's sheets, as round start writes them.
      const opened = await mod.startHostRound(host, { period, due, today: todayIso() });
      setRound(opened.round);
      bumpWorkbook();
      setStatus({ kind: 'success', text: t('roundStarted', { no: opened.round.no, label: opened.round.label, due: opened.round.due }) });
    });

  const download = (kind: Output) =>
    run(async () => {
      const mod = await loadReportModule();
      const master = await mod.readHostMaster(host);
      const options = { today: todayIso() };
      const bytes = kind === 'bulletin' ? mod.reportBulletin(master, options).bytes : kind === 'reminders' ? mod.reportReminders(master, options).bytes : mod.reportLeaders(master, options).bytes;
      const label = { bulletin: '督查通报', reminders: '催办单', leaders: '领导清单' }[kind];
      const name = `${label}${round ? `第${round.no}期` : ''}.docx`;
      downloadBytes(bytes, name, MIME.docx);
      setStatus({ kind: 'success', text: t('roundDownloaded', { name }) });
    });

  return (
    <div data-testid="round-controls">
      <Text size={300} weight="semibold">{t('roundTitle')}</Text>
      <div>
        <Text size={200} data-testid="round-current">{round ? t('roundCurrent', { no: round.no, label: round.label, due: round.due }) : t('roundNone')}</Text>
      </div>
      <div className={styles.row}>
        <Field label={t('roundPeriod')}>
          <Input size="small" value={period} onChange={(_, d) => setPeriod(d.value)} data-testid="round-period" />
        </Field>
        <Field label={t('roundDue')}>
          <Input size="small" type="date" value={due} onChange={(_, d) => setDue(d.value)} data-testid="round-due" />
        </Field>
        <Button size="small" appearance="primary" disabled={busy || !period || !due} onClick={() => void start()} data-testid="round-start">
          {t('roundStart')}
        </Button>
      </div>
      <div className={styles.row}>
        <Button size="small" disabledFocusable={busy} onClick={() => void download('bulletin')} data-testid="round-bulletin">{t('roundBulletin')}</Button>
        <Button size="small" disabledFocusable={busy} onClick={() => void download('reminders')} data-testid="round-reminders">{t('roundReminders')}</Button>
        <Button size="small" disabledFocusable={busy} onClick={() => void download('leaders')} data-testid="round-leaders">{t('roundLeaders')}</Button>
      </div>
      <StatusLine status={status} />
      <RoundRequests />
    </div>
  );
}
