import { Button, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback } from 'react';
import { FindingGroupCard } from '../components/FindingGroupCard';
import { PlanWriteControls } from '../components/PlanWriteControls';
import { StatusLine } from '../components/StatusLine';
import { useI18n } from '../i18n/i18n-context';
import { loadRegistryModule } from '../lazy/load';
import { usePane } from '../pane-context';
import { readSheetTables } from '../services/sheet-records';
import { todayIso } from '../../core';
import { useRegistry } from '../services/use-registry';
import { useValidation } from '../services/use-validation';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

/** 6 交叉核对: leader–unit mismatches, and the 分工明细 / 单位工作量 / 领导单位矩阵 sheets. */
export function CrossCheckSection() {
  const styles = useStyles();
  const { t } = useI18n();
  const { host } = usePane();
  const getRegistry = useRegistry();
  const v = useValidation('cross');
  const groups = v.validation?.groups ?? [];

  const makePlan = useCallback(async () => {
    const [mod, registry, data] = await Promise.all([loadRegistryModule(), getRegistry(), readSheetTables(host)]);
    return mod.planCrossCheckSheets(data.tables, await mod.indexRegistry(registry), todayIso());
  }, [getRegistry, host]);

  return (
    <>
      <Text size={200}>{t('crossHint')}</Text>
      <div className={styles.row}>
        <Button appearance="primary" onClick={() => void v.run()} disabledFocusable={v.busy} data-testid="cross-run">
          {t('crossRun')}
        </Button>
        {v.busy && <Spinner size="tiny" />}
      </div>
      <StatusLine status={v.status} testId="cross-status" />
      {v.validation && (
        <div className={styles.list} data-testid="cross-result">
          {groups.length === 0 && <Text>{t('crossNone')}</Text>}
          {groups.slice(0, 100).map((group) => (
            <FindingGroupCard
              key={group.key}
              group={group}
              dismissed={false}
              busy={v.busy}
              onSelect={() => void v.select(group)}
              onAccept={(value) => void v.accept(group, value)}
              onDismiss={() => void v.dismiss(group)}
            />
          ))}
        </div>
      )}
      <PlanWriteControls makePlan={makePlan} label={t('crossWrite')} testId="cross" />
    </>
  );
}
