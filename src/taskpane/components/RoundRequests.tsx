import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import { StatusLine, type Status } from './StatusLine';
import { useI18n } from '../i18n/i18n-context';
import { usePane } from '../pane-context';
import { errorStatus } from '../services/error-text';
import { loadReportModule } from '../lazy/load';
import { todayIso, type RoundRequest } from '../../core';

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalXXS },
});

/** Task titles run to a paragraph; the list shows the start (the full text is in the sheet). */
const TITLE_CHARS = 30;

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > TITLE_CHARS ? `${flat.slice(0, TITLE_CHARS)}…` : flat;
}

/**
 * 审核延期/办结: the requests units made in their returns, waiting for the office. 同意 / 不同意 run
 * the core's decision (the same as `fenjie round decide`): an accepted 延期 moves 完成时限, an
 * accepted 办结 marks the task done; a rejected one changes nothing but is recorded.
 */
export function RoundRequests() {
  const styles = useStyles();
  const { t, lang } = useI18n();
  const { host, workbookVersion, bumpWorkbook } = usePane();
  const [pending, setPending] = useState<RoundRequest[]>([]);
  const [titles, setTitles] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status | null>(null);

  const refresh = useCallback(async () => {
    try {
      const mod = await loadReportModule();
      const read = await mod.readHostRound(host);
      setPending(read.pending);
      setTitles(read.titles);
    } catch (error) {
      setStatus(errorStatus(error, lang));
    }
  }, [host, lang]);

  useEffect(() => {
    void refresh();
  }, [refresh, workbookVersion]);

  const decide = async (request: RoundRequest, accept: boolean) => {
    setBusy(true);
    setStatus(null);
    try {
      const mod = await loadReportModule();
      const today = todayIso();
      const result = await mod.decideHostRound(host, { accept: accept ? [request.id] : [], reject: accept ? [] : [request.id], date: today }, today);
      setPending(result.pending);
      const change = request.kind === 'delay' ? t('roundChangeDelay', { to: request.to ?? '' }) : t('roundChangeDone');
      setStatus({ kind: 'success', text: accept ? t('roundAccepted', { id: request.id, task: request.task, change }) : t('roundRejected', { id: request.id, task: request.task }) });
      bumpWorkbook();
    } catch (error) {
      setStatus(errorStatus(error, lang));
    } finally {
      setBusy(false);
    }
  };

  const describe = (r: RoundRequest) =>
    t(r.kind === 'delay' ? 'roundRequestDelay' : 'roundRequestDone', { id: r.id, round: r.round, task: r.task, title: shorten(titles[r.task] ?? '—'), unit: r.unit, to: r.to ?? '', reason: r.reason || '—' });

  return (
    <div data-testid="round-requests">
      <Text size={200} weight="semibold">{pending.length > 0 ? t('roundRequests', { n: pending.length }) : t('roundRequestsNone')}</Text>
      {pending.length > 0 && (
        <ul className={styles.list}>
          {pending.map((r) => (
            <li key={r.id} data-request={r.id} data-kind={r.kind}>
              <Text size={200}>{describe(r)}</Text>
              <div className={styles.buttons}>
                <Button size="small" appearance="primary" disabled={busy} onClick={() => void decide(r, true)} data-testid={`round-accept-${r.id}`}>{t('roundAccept')}</Button>
                <Button size="small" disabled={busy} onClick={() => void decide(r, false)} data-testid={`round-reject-${r.id}`}>{t('roundReject')}</Button>
              </div>
            </li>
          ))}
        </ul>
      )}
      <StatusLine status={status} testId="round-requests-status" />
    </div>
  );
}
