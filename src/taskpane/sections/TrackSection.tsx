import { Button, Card, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import { RoundControls } from '../components/RoundControls';
import { StatusLine, type Status } from '../components/StatusLine';
import { pickMessage, useI18n } from '../i18n/i18n-context';
import { usePane } from '../pane-context';
import { errorStatus } from '../services/error-text';
import { readSheetTables } from '../services/sheet-records';
import { reviewTracking, todayIso, type TrackingReview } from '../../core';

const useStyles = makeStyles({
  cards: { display: 'grid', gridTemplateColumns: 'repeat(3, 1fr)', gap: tokens.spacingHorizontalS },
  card: { alignItems: 'center', padding: tokens.spacingVerticalS },
  number: { fontSize: tokens.fontSizeHero700, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightHero700 },
  overdue: { color: tokens.colorPaletteRedForeground1 },
  done: { color: tokens.colorPaletteGreenForeground1 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
});

/** Shown at most; the rest are counted. */
const LIST_MAX = 10;

/**
 * 5 跟踪: the summary card (open / overdue / done), recomputed whenever the workbook changes; the
 * tracking values it cannot read (with a suggestion) and the overdue items listed below it.
 */
export function TrackSection() {
  const styles = useStyles();
  const { t, lang } = useI18n();
  const { host, workbookVersion } = usePane();
  const [review, setReview] = useState<TrackingReview | null>(null);
  const [status, setStatus] = useState<Status | null>(null);

  const refresh = useCallback(async () => {
    try {
      const { tables, warnings } = await readSheetTables(host);
      setReview(reviewTracking({ tables, warnings }, todayIso()));
      setStatus(null);
    } catch (error) {
      setStatus(errorStatus(error, lang));
    }
  }, [host, lang]);

  useEffect(() => {
    void refresh();
  }, [refresh, workbookVersion]);

  const summary = review?.summary ?? null;
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
      {review && review.unreadable.length > 0 && (
        <div data-testid="track-unreadable">
          <Text size={200} weight="semibold">{t('trackUnreadable', { n: review.unreadable.length })}</Text>
          <ul className={styles.list}>
            {review.unreadable.slice(0, LIST_MAX).map((f, i) => (
              <li key={`${f.cell ?? ''}-${f.field ?? ''}-${i}`} data-cell={f.cell} data-suggestion={f.suggestions?.[0]?.value}>
                <Text size={200}>{pickMessage(lang, f.message, f.messageEn)}</Text>
              </li>
            ))}
          </ul>
          {review.unreadable.length > LIST_MAX && <Text size={200}>{t('trackListMore', { n: review.unreadable.length - LIST_MAX })}</Text>}
        </div>
      )}
      {review && review.overdue.length > 0 && (
        <div data-testid="track-overdue-list">
          <Text size={200} weight="semibold">{t('trackOverdueList', { n: review.overdue.length })}</Text>
          <ul className={styles.list}>
            {review.overdue.slice(0, LIST_MAX).map((item) => (
              <li key={item.id} data-id={item.id}>
                <Text size={200}>{t('trackOverdueItem', { id: item.id, title: item.title, deadline: item.deadline, units: item.leadUnits.join('、') || '—' })}</Text>
              </li>
            ))}
          </ul>
          {review.overdue.length > LIST_MAX && <Text size={200}>{t('trackListMore', { n: review.overdue.length - LIST_MAX })}</Text>}
        </div>
      )}
      <div>
        <Button size="small" onClick={() => void refresh()} data-testid="track-refresh">
          {t('trackRefresh')}
        </Button>
      </div>
      <StatusLine status={status} />
      <RoundControls />
    </>
  );
}
