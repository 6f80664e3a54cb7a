import { Badge, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Finding, ParseResult } from '../../core';
import { pickMessage, useI18n } from '../i18n/i18n-context';
import { summariseRead } from '../../core';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, padding: tokens.spacingHorizontalS, backgroundColor: tokens.colorNeutralBackground2, borderRadius: tokens.borderRadiusMedium },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/** What the reader recognised, before anything is written: tables, rows, fixes, warnings, cells too long for Excel. */
export function ResultPreview({ result, testId, longCells = [] }: { result: ParseResult; testId: string; longCells?: Finding[] }) {
  const styles = useStyles();
  const { t, lang } = useI18n();
  const preview = summariseRead(result);
  const notice = [preview.notice.number, preview.notice.title, preview.notice.date].filter(Boolean).join(' · ');
  return (
    <div className={styles.box} data-testid={testId}>
      <Text weight="semibold">
        {t('previewTitle')}：{preview.source}
      </Text>
      {notice && (
        <Text size={200}>
          {t('previewNotice')}：{notice}
        </Text>
      )}
      <ul className={styles.list}>
        {preview.tables.map((table, index) => (
          <li key={index} data-kind={table.kind} data-rows={table.rows}>
            {table.kind === 'tasks' ? t('tableTasks') : t('tableProjects')}
            {table.year ? ` ${table.year}` : ''}: <b>{table.rows}</b> {t('previewRows')}
            {table.title ? <Text size={200}> — {table.title}</Text> : null}
          </li>
        ))}
      </ul>
      <Text size={200}>
        {t('previewFixes')}: <Badge appearance="tint">{preview.fixes}</Badge>{' '}
        {preview.fixesByRule.slice(0, 4).map(([rule, count]) => `${rule} ×${count}`).join('，')}
      </Text>
      {longCells.length > 0 && (
        <div role="alert" data-testid={`${testId}-long-cells`}>
          <Text size={200} weight="semibold">
            {t('previewLongCells')}
          </Text>
          <ul className={styles.list}>
            {longCells.map((cell, index) => (
              <li key={index} data-cell={cell.cell}>
                <Text size={200}>{pickMessage(lang, cell.message, cell.messageEn)}</Text>
              </li>
            ))}
          </ul>
        </div>
      )}
      {preview.warnings.length > 0 && (
        <>
          <Text size={200}>
            {t('previewWarnings')}: <Badge appearance="tint" color="warning">{preview.warnings.length}</Badge>
          </Text>
          <ul className={styles.list}>
            {preview.warnings.slice(0, 8).map((warning, index) => (
              <li key={index}>
                <Text size={200}>{pickMessage(lang, warning.message, warning.messageEn)}</Text>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
