import { Badge, Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { FindingGroup } from '../../core';
import { pickMessage, useI18n } from '../i18n/i18n-context';
import type { StringKey } from '../i18n/strings';

const useStyles = makeStyles({
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, padding: tokens.spacingHorizontalS, border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium },
  head: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap' },
});

const SEVERITY_COLOR = { error: 'danger', warning: 'warning', info: 'informative' } as const;

export interface FindingGroupCardProps {
  group: FindingGroup;
  dismissed: boolean;
  busy: boolean;
  onSelect: () => void;
  onAccept: (value: string) => void;
  onDismiss: () => void;
}

/** One group of findings: the value, where it occurs, ranked suggestions, and the decisions. */
export function FindingGroupCard({ group, dismissed, busy, onSelect, onAccept, onDismiss }: FindingGroupCardProps) {
  const styles = useStyles();
  const { t, lang } = useI18n();
  return (
    <div className={styles.card} data-testid="finding-group" data-value={group.value} data-code={group.code} data-dismissed={dismissed || undefined}>
      <div className={styles.head}>
        <Badge color={SEVERITY_COLOR[group.severity]} appearance="filled">
          {t(`severity_${group.severity}` as StringKey)}
        </Badge>
        <Text weight="semibold">{group.value || '—'}</Text>
        <Text size={200}>{t('validateCells', { n: group.positions.length })}</Text>
      </div>
      <Text size={200}>{pickMessage(lang, group.message, group.messageEn)}</Text>
      <div className={styles.actions}>
        {group.positions.length > 0 && (
          <Button size="small" onClick={onSelect} data-testid="select-cells">
            {t('validateSelect')}
          </Button>
        )}
        {group.suggestions.slice(0, 3).map((suggestion) => (
          <Button
            key={suggestion.value}
            size="small"
            appearance="primary"
            disabledFocusable={busy}
            title={`${t(`reason_${suggestion.reason}` as StringKey)} · ${suggestion.score.toFixed(2)}`}
            onClick={() => onAccept(suggestion.value)}
            data-testid="accept-suggestion"
          >
            {t('validateAccept', { value: suggestion.value })}
            <Text size={100}>（{t(`reason_${suggestion.reason}` as StringKey)}）</Text>
          </Button>
        ))}
        {!dismissed && (
          <Button size="small" appearance="subtle" disabledFocusable={busy} onClick={onDismiss} data-testid="dismiss-group">
            {t('validateDismiss')}
          </Button>
        )}
      </div>
    </div>
  );
}
