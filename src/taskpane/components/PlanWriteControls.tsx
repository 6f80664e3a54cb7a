import { Button, ProgressBar, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
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

/** Lets the browser paint (the busy state, the bar) before the next blocking step. */
function nextFrame(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(resolve, 0));
    else setTimeout(resolve, 0);
  });
}

/** Share of the bar for the steps before the host write (module, state, plan); the host's own progress fills the rest. */
const PLAN_SHARE = 0.3;

/** 「工作表已存在」: focused when it appears (screen readers read it), Esc or 取消 closes it. */
function ReplacePrompt({ names, testId, onConfirm, onCancel }: { names: string[]; testId: string; onConfirm: () => void; onCancel: () => void }) {
  const styles = useStyles();
  const { t } = useI18n();
  const prompt = useRef<HTMLDivElement>(null);
  useEffect(() => prompt.current?.focus(), []);
  const onKey = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    onCancel();
  };
  return (
    <div ref={prompt} tabIndex={-1} onKeyDown={onKey} className={styles.confirm} role="alertdialog" aria-label={t('replaceTitle')} aria-describedby={`${testId}-confirm-body`} data-testid={`${testId}-confirm`}>
      <Text weight="semibold">{t('replaceTitle')}</Text>
      <Text size={200} id={`${testId}-confirm-body`}>
        {t('replaceBody', { names: names.join('、'), suffix: `…_备份${makeBackupSuffix(new Date())}` })}
      </Text>
      <div className={styles.row}>
        <Button appearance="primary" onClick={onConfirm} data-testid={`${testId}-confirm-replace`}>
          {t('replaceConfirm')}
        </Button>
        <Button onClick={onCancel} data-testid={`${testId}-confirm-cancel`}>
          {t('cancel')}
        </Button>
      </div>
    </div>
  );
}

/** Builds a workbook plan and writes it; asks first when its sheets already exist (then backs them up). */
export function PlanWriteControls({ results, makePlan, label, testId, before, onWritten }: PlanWriteControlsProps) {
  const styles = useStyles();
  const { t, lang } = useI18n();
  const { host, bumpWorkbook } = usePane();
  const [progress, setProgress] = useState<number | null>(null);
  const [conflicts, setConflicts] = useState<string[] | null>(null);
  const [status, setStatus] = useState<Status | null>(null);

  // A ref, not state: a double click arrives before React re-renders the disabled button.
  const running = useRef(false);
  const writeButton = useRef<HTMLButtonElement>(null);

  const closePrompt = () => {
    setConflicts(null);
    writeButton.current?.focus();
  };

  const start = async (confirmed: boolean) => {
    if (running.current) return;
    running.current = true;
    setStatus(null);
    setProgress(0);
    try {
      await nextFrame();
      const mod = await loadWorkbookModule();
      const state = await host.readState();
      setProgress(PLAN_SHARE / 3);
      await nextFrame();
      const plan = makePlan ? await makePlan(state) : mod.planImport({ inputs: (results ?? []).map((result) => ({ result, state: null })), state }).plan;
      setProgress((PLAN_SHARE * 2) / 3);
      await nextFrame();
      const found = mod.listConflicts(plan, await host.listSheets());
      if (found.length > 0 && !confirmed) {
        setConflicts(found);
        return;
      }
      setConflicts(null);
      // The prompt's button goes away with the prompt: keep the focus on the write button, not the page top.
      if (confirmed) writeButton.current?.focus();
      setProgress(PLAN_SHARE);
      await nextFrame();
      const written = await mod.writePlan(host, plan, { before, onProgress: (done) => setProgress(PLAN_SHARE + (1 - PLAN_SHARE) * done) });
      setProgress(1);
      await nextFrame();
      const degraded = written.report.degraded.map((d) => (lang === 'en' ? d.messageEn : d.message));
      const text = [t('writtenSheets', { n: written.sheets.length }), degraded.length ? t('degradedNote') + degraded.join('；') : ''].join(' ');
      setStatus({ kind: degraded.length ? 'warning' : 'success', text: text.trim() });
      bumpWorkbook();
      onWritten?.(written.sheets);
    } catch (error) {
      setStatus(errorStatus(error, lang));
    } finally {
      running.current = false;
      setProgress(null);
    }
  };

  const busy = progress !== null;
  return (
    <div data-testid={`${testId}-write`}>
      <div className={styles.row}>
        <Button ref={writeButton} appearance="primary" disabledFocusable={busy || conflicts !== null} aria-busy={busy || undefined} onClick={() => void start(false)} data-testid={`${testId}-write-button`}>
          {label ?? t('writeSheets')}
        </Button>
      </div>
      {conflicts && <ReplacePrompt names={conflicts} testId={testId} onConfirm={() => void start(true)} onCancel={closePrompt} />}
      {busy && (
        <div role="status" aria-live="polite">
          <Text size={200}>{(progress ?? 0) < PLAN_SHARE ? t('writeStep') : t('writing')}</Text>
          <ProgressBar value={progress ?? undefined} max={1} aria-label={t('writing')} data-progress={progress ?? 0} data-testid={`${testId}-progress`} />
        </div>
      )}
      <StatusLine status={status} testId={`${testId}-status`} />
    </div>
  );
}
