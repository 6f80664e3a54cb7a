import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { COLUMN_ROLES, ROLE_LABELS, type ColumnRole, type ParseResult, type TableMapping } from '../../core';
import { useI18n } from '../i18n/i18n-context';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  header: { minWidth: '7em' },
});

const KINDS: { kind: TableMapping['kind']; label: 'kindTasks' | 'kindProjects' | 'kindIndicators' }[] = [
  { kind: 'tasks', label: 'kindTasks' },
  { kind: 'projects', label: 'kindProjects' },
  { kind: 'indicators', label: 'kindIndicators' },
];

type OnMapping = (table: number, mapping: TableMapping, columns: { header: string; role: ColumnRole }[]) => void;

/** The table's kind (主要工作 / 民生实事 / 量化指标): changing it reads the file again with that kind for this table. */
function KindSelect({ index, mapping, onChange, testId }: { index: number; mapping: TableMapping; onChange: OnMapping; testId: string }) {
  const styles = useStyles();
  const { t } = useI18n();
  return (
    <label className={styles.row}>
      <Text size={200} weight="semibold" className={styles.header}>
        {t('mappingTable')} {index + 1} · {t('mappingKind')}
      </Text>
      <select
        data-testid={`${testId}-${index}-kind`}
        value={mapping.kind}
        onChange={(event) => onChange(index, { ...mapping, kind: event.target.value as TableMapping['kind'] }, mapping.columns.map((c) => ({ header: c.header, role: c.role })))}
      >
        {KINDS.map(({ kind, label }) => (
          <option key={kind} value={kind}>
            {t(label)}
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * The proposed role of every column of the tables read (other cities' layouts), one dropdown
 * each: changing one reads the file again with the roles as shown (the core's mapping step).
 */
export function MappingEditor({ result, onChange, testId }: { result: ParseResult; onChange: OnMapping; testId: string }) {
  const styles = useStyles();
  const { t, lang } = useI18n();
  const tables = result.tables.map((table, index) => ({ index, mapping: table.mapping })).filter((entry): entry is { index: number; mapping: TableMapping } => entry.mapping?.form === 'table');
  if (tables.length === 0) return null;
  return (
    <div className={styles.box} data-testid={testId}>
      <Text size={200} weight="semibold">
        {t('mappingTitle')}
      </Text>
      {tables.map(({ index, mapping }) => [
        <KindSelect key={`${index}-kind`} index={index} mapping={mapping} onChange={onChange} testId={testId} />,
        ...mapping.columns.map((column, c) => (
          <label key={`${index}-${c}`} className={styles.row}>
            <Text size={200} className={styles.header}>
              {column.header}
            </Text>
            <select
              data-testid={`${testId}-${index}-${c}`}
              data-header={column.header}
              value={column.role}
              onChange={(event) => onChange(index, mapping, mapping.columns.map((other, k) => ({ header: other.header, role: k === c ? (event.target.value as ColumnRole) : other.role })))}
            >
              {COLUMN_ROLES.map((role) => (
                <option key={role} value={role}>
                  {lang === 'en' ? ROLE_LABELS[role].en : ROLE_LABELS[role].zh}
                </option>
              ))}
            </select>
            {column.guessed && <Text size={100}>{t('mappingGuessed')}</Text>}
            {column.confirmed && <Text size={100}>{t('mappingConfirmed')}</Text>}
          </label>
        )),
      ])}
    </div>
  );
}
