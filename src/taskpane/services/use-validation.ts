import { useCallback, useEffect, useRef, useState } from 'react';
import { locateSheetCell, type CheckScope, type FindingGroup, type Validation } from '../../core';
import { useI18n } from '../i18n/i18n-context';
import { loadRegistryModule } from '../lazy/load';
import { usePane } from '../pane-context';
import { errorStatus } from './error-text';
import { readSheetTables } from './sheet-records';
import { useRegistry } from './use-registry';
import type { Status } from '../components/StatusLine';

export interface ValidationState {
  validation: Validation | null;
  busy: boolean;
  status: Status | null;
  live: boolean;
  setLive: (live: boolean) => void;
  run: () => Promise<void>;
  select: (group: FindingGroup) => Promise<void>;
  accept: (group: FindingGroup, value: string) => Promise<void>;
  dismiss: (group: FindingGroup) => Promise<void>;
}

type Guard = (work: () => Promise<void>) => Promise<void>;

/** Runs pane work with the busy flag on and any error shown in the status line. */
function useGuard(setBusy: (busy: boolean) => void, setStatus: (status: Status | null) => void): Guard {
  const { lang } = useI18n();
  return useCallback(
    async (work: () => Promise<void>) => {
      setBusy(true);
      try {
        await work();
      } catch (error) {
        setStatus(errorStatus(error, lang));
      } finally {
        setBusy(false);
      }
    },
    [lang, setBusy, setStatus],
  );
}

/** 定位 / 采用 / 忽略 on a group: each reads the sheets afresh (the user may have edited them). */
function useGroupActions(guard: Guard, validateNow: () => Promise<void>, setStatus: (status: Status | null) => void) {
  const { t } = useI18n();
  const { host } = usePane();
  const cursor = useRef(new Map<string, number>());
  const select = useCallback(
    (group: FindingGroup) =>
      guard(async () => {
        const data = await readSheetTables(host);
        const n = cursor.current.get(group.key) ?? 0;
        const position = group.positions[n % group.positions.length];
        cursor.current.set(group.key, n + 1);
        const at = locateSheetCell(data.layout, position.table, position.row, position.field);
        if (at) await host.select(at.sheet, at.address);
      }),
    [guard, host],
  );
  const accept = useCallback(
    (group: FindingGroup, value: string) =>
      guard(async () => {
        const [mod, data] = await Promise.all([loadRegistryModule(), readSheetTables(host)]);
        const ops = mod.planDecision(data.tables, data.layout, group, value);
        if (ops.length > 0) await host.apply(ops);
        await validateNow();
        setStatus({ kind: 'success', text: t('validateFixed', { n: ops.length, value }) });
      }),
    [guard, host, t, validateNow, setStatus],
  );
  const dismiss = useCallback(
    (group: FindingGroup) =>
      guard(async () => {
        const mod = await loadRegistryModule();
        await host.writeState(mod.dismissGroup(await host.readState(), group));
        await validateNow();
      }),
    [guard, host, validateNow],
  );
  return { select, accept, dismiss };
}

/**
 * Validation against the registry through the core's validate flow, re-run (debounced by the App)
 * after every user edit once it has run; dismissals live in the workbook state.
 */
export function useValidation(scope: CheckScope): ValidationState {
  const { t, lang } = useI18n();
  const { host, workbookVersion } = usePane();
  const getRegistry = useRegistry();
  const [validation, setValidation] = useState<Validation | null>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status | null>(null);
  const [live, setLive] = useState(true);
  const hasRun = useRef(false);
  const guard = useGuard(setBusy, setStatus);

  const validateNow = useCallback(async () => {
    const [mod, registry, data] = await Promise.all([loadRegistryModule(), getRegistry(), readSheetTables(host)]);
    if (data.tables.length === 0) {
      setValidation(null);
      setStatus({ kind: 'warning', text: t('validateNoSheets') });
      return;
    }
    const index = await mod.indexRegistry(registry);
    setValidation(mod.validateRecords({ tables: data.tables, layout: data.layout, index, scope, dismissed: data.state.dismissedFindings }));
    setStatus(null);
    hasRun.current = true;
  }, [getRegistry, host, scope, t]);

  const run = useCallback(() => guard(validateNow), [guard, validateNow]);
  useEffect(() => {
    if (live && hasRun.current) void validateNow().catch((error) => setStatus(errorStatus(error, lang)));
    // Only edits (workbookVersion) and the switch trigger a live run, not a change of language or registry.
  }, [workbookVersion, live]);
  const actions = useGroupActions(guard, validateNow, setStatus);
  return { validation, busy, status, live, setLive, run, ...actions };
}
