import { useCallback, useEffect, useRef, useState } from 'react';
import { locateSheetCell, type FindingGroup } from '../../core';
import { useI18n } from '../i18n/i18n-context';
import { loadRegistryModule } from '../lazy/load';
import type { CheckKind, Validation } from '../lazy/registry.lazy';
import { usePane } from '../pane-context';
import { describeError } from './error-text';
import { readSheetTables } from './sheet-records';
import { useRegistry } from './use-registry';
import type { Status } from '../components/StatusLine';

export interface ValidationState {
  validation: Validation | null;
  dismissed: Set<string>;
  busy: boolean;
  status: Status | null;
  live: boolean;
  setLive: (live: boolean) => void;
  run: () => Promise<void>;
  select: (group: FindingGroup) => Promise<void>;
  accept: (group: FindingGroup, value: string) => Promise<void>;
  dismiss: (group: FindingGroup) => Promise<void>;
}

/**
 * Validation against the registry, re-run (debounced by the App) after every user edit once it has
 * run; accept writes every cell of a group in one batch; dismissals live in the workbook state.
 */
export function useValidation(kind: CheckKind): ValidationState {
  const { t, lang } = useI18n();
  const { host, workbookVersion } = usePane();
  const getRegistry = useRegistry();
  const [validation, setValidation] = useState<Validation | null>(null);
  const [dismissed, setDismissed] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status | null>(null);
  const [live, setLive] = useState(true);
  const cursor = useRef(new Map<string, number>());
  const hasRun = useRef(false);

  const guard = useCallback(
    async (work: () => Promise<void>) => {
      setBusy(true);
      try {
        await work();
      } catch (error) {
        setStatus({ kind: 'error', text: describeError(error, lang) });
      } finally {
        setBusy(false);
      }
    },
    [lang],
  );

  const validateNow = useCallback(async () => {
    const [mod, registry, data, state] = await Promise.all([loadRegistryModule(), getRegistry(), readSheetTables(host), host.readState()]);
    setDismissed(new Set(state.dismissedFindings ?? []));
    if (data.tables.length === 0) {
      setValidation(null);
      setStatus({ kind: 'warning', text: t('validateNoSheets') });
      return;
    }
    setValidation(await mod.checkSheets(kind, registry, data.tables, data.layout));
    setStatus(null);
    hasRun.current = true;
  }, [getRegistry, host, kind, t]);

  const run = useCallback(() => guard(validateNow), [guard, validateNow]);

  useEffect(() => {
    if (live && hasRun.current) void validateNow().catch((error) => setStatus({ kind: 'error', text: describeError(error, lang) }));
    // Only edits (workbookVersion) and the switch trigger a live run, not a change of language or registry.
  }, [workbookVersion, live]);

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
    [guard, host, t, validateNow],
  );

  const dismiss = useCallback(
    (group: FindingGroup) =>
      guard(async () => {
        const state = await host.readState();
        const next = [...new Set([...(state.dismissedFindings ?? []), group.key])];
        await host.writeState({ ...state, dismissedFindings: next });
        setDismissed(new Set(next));
      }),
    [guard, host],
  );

  return { validation, dismissed, busy, status, live, setLive, run, select, accept, dismiss };
}
