import { Button, ProgressBar, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { makeBackupSuffix, type ParseResult, type WorkbookPlan, type WorkbookState, type WriteOp } from '../../core';
import { useI18n } from '../i18n/i18n-context';
import { loadWorkbookModule } from '../lazy/load';
import { usePane } from '../pane-context';
import { errorStatus } from '../services/error-text';
import { StatusLine, type Status } from './StatusLine';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  confirm: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalS, border: `1px solid ${tokens.colorPaletteYellowBorder2}`, borderRadius: tokens.borderRadiusMedium },
});

export interface PlanWriteControlsProps {
  /** Records to lay out with buildWorkbookPlan, or `makePlan` for other sheets (名录, 分工明细 ...). */
  results?: ParseResult[];
  makePlan?: (state: WorkbookState) => Promise<WorkbookPlan>;
  label?: string;
  testId: string;
  /** Ops that run first in the same batch, e.g. the backup copy of a pasted sheet. */
  before?: WriteOp[];
  onWritten?: (sheets: string[]) => void;
}

/** Builds a workbook plan and writes it; asks first when its sheets already exist (then backs them up). */
export function PlanWriteControls({ results, makePlan, label, testId, before, onWritten }: PlanWriteControlsProps) {
  const styles = useStyles();
  const { t, lang } = useI18n();
  const { host, bumpWorkbook } = usePane();
  const [progress, setProgress] = useState<number | null>(null);
  const [conflicts, setConflicts] = useState<string[] | null>(null);
  const [status, setStatus] = useState<Status | null>(null);

  const start = async (confirmed: boolean) => {
    setStatus(null);
    try {
      const mod = await loadWorkbookModule();
      const state = await host.readState();
      const plan = makePlan ? await makePlan(state) : mod.planImport({ inputs: (results ?? []).map((result) => ({ result, state: null })), state }).plan;
      const found = mod.listConflicts(plan, await host.listSheets());
      if (found.length > 0 && !confirmed) {
        setConflicts(found);
        return;
      }
      setConflicts(null);
      setProgress(0);
      const written = await mod.writePlan(host, plan, { before, onProgress: setProgress });
      setProgress(1);
      const degraded = written.report.degraded.map((d) => (lang === 'en' ? d.messageEn : d.message));
      const text = [t('writtenSheets', { n: written.sheets.length }), degraded.length ? t('degradedNote') + degraded.join('；') : ''].join(' ');
      setStatus({ kind: degraded.length ? 'warning' : 'success', text: text.trim() });
      bumpWorkbook();
      onWritten?.(written.sheets);
    } catch (error) {
      setStatus(errorStatus(error, lang));
    } finally {
      setProgress(null);
    }
  };

  const busy = progress !== null;
  return (
    <div data-testid={`${testId}-write`}>
      <div className={styles.row}>
        <Button appearance="primary" disabled={busy || conflicts !== null} onClick={() => void start(false)} data-testid={`${testId}-write-button`}>
          {label ?? t('writeSheets')}
        </Button>
      </div>
      {conflicts && (
        <div className={styles.confirm} role="alertdialog" aria-label={t('replaceTitle')} data-testid={`${testId}-confirm`}>
          <Text weight="semibold">{t('replaceTitle')}</Text>
          <Text size={200}>{t('replaceBody', { names: conflicts.join('、'), suffix: `…_备份${makeBackupSuffix(new Date())}` })}</Text>
          <div className={styles.row}>
            <Button appearance="primary" onClick={() => void start(true)} data-testid={`${testId}-confirm-replace`}>
              {t('replaceConfirm')}
            </Button>
            <Button onClick={() => setConflicts(null)}>{t('cancel')}</Button>
          </div>
        </div>
      )}
      {busy && <ProgressBar value={progress ?? undefined} max={1} aria-label={t('writing')} data-testid={`${testId}-progress`} />}
      <StatusLine status={status} testId={`${testId}-status`} />
    </div>
  );
}
