import { Button, Field, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState, type ChangeEvent } from 'react';
import type { Registry } from '../../core';
import { PlanWriteControls } from '../components/PlanWriteControls';
import { StatusLine, type Status } from '../components/StatusLine';
import { useI18n } from '../i18n/i18n-context';
import { loadRegistryModule } from '../lazy/load';
import { usePane } from '../pane-context';
import { MIME, downloadBytes } from '../services/download';
import { errorStatus } from '../services/error-text';
import { readFileBytes } from '../services/preview';
import { useRegistry } from '../services/use-registry';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

/** The registry actions of the section; each reports a failure in the section's status line. */
function useRegistryActions(setStatus: (status: Status | null) => void) {
  const { t, lang } = useI18n();
  const { host, setRegistry } = usePane();
  const getRegistry = useRegistry();

  const attempt = async (work: () => Promise<void>) => {
    setStatus(null);
    try {
      await work();
    } catch (error) {
      setStatus(errorStatus(error, lang));
    }
  };

  const use = async (name: string, registry: Registry) => {
    setRegistry({ name, registry, leaders: registry.leaders.length, units: registry.units.length });
    // Recorded for people looking at the file; the registry rule itself lives in the core.
    const state = await host.readState();
    await host.writeState({ ...state, registryChoice: name });
  };

  const chooseDefault = () =>
    attempt(async () => {
      const mod = await loadRegistryModule();
      await use('default', mod.chooseRegistry({ explicit: 'default' }).registry);
    });

  /** A registry file: JSON, or a workbook with 名录 sheets. */
  const importFile = (event: ChangeEvent<HTMLInputElement>) =>
    attempt(async () => {
      const file = event.target.files?.[0];
      if (!file) return;
      const [mod, bytes] = await Promise.all([loadRegistryModule(), readFileBytes(file)]);
      await use(file.name, mod.readRegistryFile(bytes, file.name));
    });

  const readSheet = () =>
    attempt(async () => {
      const mod = await loadRegistryModule();
      const loaded = await mod.readHostRegistry(host);
      if (!loaded) {
        setStatus({ kind: 'warning', text: t('registryNoSheet') });
        return;
      }
      await use('sheet', loaded);
    });

  const makeSheetsPlan = async () => {
    const [mod, current] = await Promise.all([loadRegistryModule(), getRegistry()]);
    return mod.planRegistryWorkbook(current);
  };

  const exportJson = () =>
    attempt(async () => {
      const [mod, current] = await Promise.all([loadRegistryModule(), getRegistry()]);
      downloadBytes(mod.serialiseRegistry(current), 'registry.json', MIME.json);
    });

  return { chooseDefault, importFile, readSheet, makeSheetsPlan, exportJson };
}

/** 3 名录: the default registry, registry JSON in and out. The choice is remembered in the workbook. */
export function RegistrySection() {
  const styles = useStyles();
  const { t } = useI18n();
  const { registry } = usePane();
  const [status, setStatus] = useState<Status | null>(null);
  const { chooseDefault, importFile, readSheet, makeSheetsPlan, exportJson } = useRegistryActions(setStatus);

  return (
    <>
      <Text size={200}>{t('registryHint')}</Text>
      <Text size={200} data-testid="registry-current">
        {registry ? t('registryCurrent', { name: registry.name === 'default' ? t('registryDefault') : registry.name === 'sheet' ? t('registryFromSheet') : registry.name, leaders: registry.leaders, units: registry.units }) : t('registryNone')}
      </Text>
      <div className={styles.row}>
        <Button size="small" onClick={() => void chooseDefault()} data-testid="registry-default">
          {t('registryDefault')}
        </Button>
        <Button size="small" onClick={() => void exportJson()} data-testid="registry-export">
          {t('registryExport')}
        </Button>
        <Button size="small" onClick={() => void readSheet()} data-testid="registry-read-sheet">
          {t('registryFromSheet')}
        </Button>
      </div>
      <PlanWriteControls makePlan={makeSheetsPlan} label={t('registryToSheet')} testId="registry-sheet" />
      <Field label={t('registryImport')}>
        <input type="file" accept=".json,.xlsx,application/json" aria-label={t('registryImport')} onChange={(e) => void importFile(e)} data-testid="registry-import" />
      </Field>
      <StatusLine status={status} testId="registry-status" />
    </>
  );
}
