import { Button, Spinner, Switch, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import { pickShownGroups } from '../../core';
import { FindingGroupCard } from '../components/FindingGroupCard';
import { StatusLine } from '../components/StatusLine';
import { useI18n } from '../i18n/i18n-context';
import { useValidation } from '../services/use-validation';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

/** After 采用/忽略 the card goes away with its focused button: focus the card now in its place (or the summary), not the page top. */
function restoreFocus(list: HTMLElement | null, index: number): void {
  requestAnimationFrame(() => {
    const active = document.activeElement;
    if (!list || (active && active !== document.body && active.isConnected)) return;
    const cards = list.querySelectorAll<HTMLElement>('[data-testid="finding-group"]');
    const card = cards[Math.min(index, cards.length - 1)];
    (card?.querySelector<HTMLElement>('button') ?? list.querySelector<HTMLElement>('[data-testid="validate-summary"]'))?.focus();
  });
}

/** 4 校验: findings grouped by value, with ranked suggestions; live re-validation after edits. */
export function ValidateSection() {
  const styles = useStyles();
  const { t } = useI18n();
  const v = useValidation('names');
  const [showDismissed, setShowDismissed] = useState(false);
  const listRef = useRef<HTMLDivElement>(null);
  const dismissed = v.validation?.dismissedGroups ?? [];
  const list = pickShownGroups({ groups: v.validation?.groups ?? [], dismissedGroups: dismissed }, { showDismissed });
  const dismissedKeys = new Set(dismissed.map((group) => group.key));
  const dismissedCount = dismissed.length;
  return (
    <>
      <Text size={200}>{t('validateHint')}</Text>
      <div className={styles.row}>
        <Button appearance="primary" onClick={() => void v.run()} disabledFocusable={v.busy} data-testid="validate-run">
          {t('validateRun')}
        </Button>
        <Switch checked={v.live} onChange={(_, data) => v.setLive(data.checked)} label={t('validateLive')} />
        {v.busy && <Spinner size="tiny" />}
      </div>
      <StatusLine status={v.status} testId="validate-status" />
      {v.validation && (
        <div data-testid="validate-result" className={styles.list} ref={listRef}>
          <Text size={200} data-testid="validate-summary" tabIndex={-1}>
            {t('validateSummary', { errors: v.validation.summary.errors, warnings: v.validation.summary.warnings, info: v.validation.summary.info })}
          </Text>
          {dismissedCount > 0 && (
            <Switch checked={showDismissed} onChange={(_, data) => setShowDismissed(data.checked)} label={`${t('validateDismissed', { n: dismissedCount })} · ${t('validateShowDismissed')}`} />
          )}
          {list.total === 0 && <Text>{t('validateNone')}</Text>}
          {list.hidden > 0 && (
            <Text size={200} data-testid="validate-more">
              {t('validateMore', { n: list.hidden, total: list.total })}
            </Text>
          )}
          {list.shown.map((group, i) => (
            <FindingGroupCard
              key={group.key}
              group={group}
              dismissed={dismissedKeys.has(group.key)}
              busy={v.busy}
              onSelect={() => void v.select(group)}
              onAccept={(value) => void v.accept(group, value).then(() => restoreFocus(listRef.current, i))}
              onDismiss={() => void v.dismiss(group).then(() => restoreFocus(listRef.current, i))}
            />
          ))}
        </div>
      )}
    </>
  );
}
