import { Field } from '@fluentui/react-components';
import { useState, type ChangeEvent } from 'react';
import { codeLabel, todayIso } from '../../core';
import { pickMessage, useI18n } from '../i18n/i18n-context';
import { loadSplitModule } from '../lazy/load';
import { usePane } from '../pane-context';
import { errorStatus } from '../services/error-text';
import { readFileBytes } from '../services/preview';
import { StatusLine, type Status } from './StatusLine';

/**
 * Takes back what the units filled in: agreed tracking values go into the sheets; conflicts, changed
 * protected columns and unknown or wrong-year files are listed in the report sheet, nothing overwritten silently.
 */
export function CollectControls() {
  const { t, lang } = useI18n();
  const { host, bumpWorkbook } = usePane();
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status | null>(null);

  const onFiles = async (event: ChangeEvent<HTMLInputElement>) => {
    const picked = [...(event.target.files ?? [])];
    if (picked.length === 0 || busy) return;
    setBusy(true);
    setStatus(null);
    try {
      const mod = await loadSplitModule();
      const files = await Promise.all(picked.map(async (file) => ({ name: file.name, bytes: await readFileBytes(file) })));
      const { returns, problems } = await mod.readReturns(files);
      // In an open round (跟踪 → 督查期次) the returns also go into the round's 进展记录 and requests,
      // and the task sheets' 序时 columns, 统计 and the round's sheets are brought up to date. Returns
      // are compared with what the office sent (the sent record in this workbook's state). The
      // workbook is read once, by the flow (null: no task sheet yet).
      const collected = await mod.collectHostRound(host, returns, problems, todayIso());
      if (!collected) {
        setStatus({ kind: 'warning', text: t('validateNoSheets') });
        return;
      }
      const { collect: result, round, cells, sheet } = collected;
      // The problems by their labels (文件无法读取…), never by code; the full list is in the report sheet.
      const listed = result.findings.slice(0, 3).map((f) => `${codeLabel(f.code, lang)}：${pickMessage(lang, f.message, f.messageEn)}`);
      const more = result.findings.length > 3 ? [t('collectMore', { n: result.findings.length - 3 })] : [];
      const recorded = round ? [t('collectRound', { n: round.recorded, r: round.requests })] : [];
      const text = [t('collectDone', { files: files.length, n: cells, m: result.findings.length, sheet }), ...recorded, ...listed, ...more].join('\n');
      setStatus({ kind: result.findings.length ? 'warning' : 'success', text });
      bumpWorkbook();
    } catch (error) {
      setStatus(errorStatus(error, lang));
    } finally {
      setBusy(false);
      event.target.value = '';
    }
  };

  return (
    <>
      <Field label={t('collectLabel')}>
        <input type="file" multiple accept=".xlsx" aria-label={t('collectLabel')} aria-busy={busy || undefined} onChange={(e) => void onFiles(e)} data-testid="collect-files" />
      </Field>
      <StatusLine status={status} testId="collect-status" />
    </>
  );
}
