import { Button, Card, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import { StatusLine, type Status } from '../components/StatusLine';
import { useI18n } from '../i18n/i18n-context';
import { usePane } from '../pane-context';
import { errorStatus } from '../services/error-text';
import { readSheetTables } from '../services/sheet-records';
import { summariseTracking, todayIso, type TrackingSummary } from '../../core';

const useStyles = makeStyles({
  cards: { display: 'grid', gridTemplateColumns: 'repeat(3, 1fr)', gap: tokens.spacingHorizontalS },
  card: { alignItems: 'center', padding: tokens.spacingVerticalS },
  number: { fontSize: tokens.fontSizeHero700, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightHero700 },
  overdue: { color: tokens.colorPaletteRedForeground1 },
  done: { color: tokens.colorPaletteGreenForeground1 },
});

/** 5 跟踪: the summary card (open / overdue / done), recomputed whenever the workbook changes. */
export function TrackSection() {
  const styles = useStyles();
  const { t, lang } = useI18n();
  const { host, workbookVersion } = usePane();
  const [summary, setSummary] = useState<TrackingSummary | null>(null);
  const [status, setStatus] = useState<Status | null>(null);

  const refresh = useCallback(async () => {
    try {
      const { tables } = await readSheetTables(host);
      setSummary(summariseTracking(tables, todayIso()));
      setStatus(null);
    } catch (error) {
      setStatus(errorStatus(error, lang));
    }
  }, [host, lang]);

  useEffect(() => {
    void refresh();
  }, [refresh, workbookVersion]);

  return (
    <>
      <Text size={200}>{t('trackHint')}</Text>
      {summary && summary.total > 0 ? (
        <div data-testid="track-summary">
          <Text size={200}>{t('trackTotal', { n: summary.total })}</Text>
          <div className={styles.cards}>
            <Card className={styles.card} size="small">
              <span className={styles.number} data-testid="track-open">{summary.open}</span>
              <Text size={200}>{t('trackOpen')}</Text>
            </Card>
            <Card className={styles.card} size="small">
              <span className={`${styles.number} ${styles.overdue}`} data-testid="track-overdue">{summary.overdue}</span>
              <Text size={200}>{t('trackOverdue')}</Text>
            </Card>
            <Card className={styles.card} size="small">
              <span className={`${styles.number} ${styles.done}`} data-testid="track-done">{summary.done}</span>
              <Text size={200}>{t('trackDone')}</Text>
            </Card>
          </div>
        </div>
      ) : (
        <Text size={200} data-testid="track-empty">{t('trackNoData')}</Text>
      )}
      <div>
        <Button size="small" onClick={() => void refresh()} data-testid="track-refresh">
          {t('trackRefresh')}
        </Button>
      </div>
      <StatusLine status={status} />
    </>
  );
}
