/**
 * User edits through workbook.worksheets.onChanged (ExcelApi 1.9) or, on older sets, each
 * sheet's onChanged. One registration serves every listener; the adapter's own writes are
 * dropped (events are off while it writes, and a short quiet window covers late echoes).
 */
import { stripSheetPrefix, type ChangeEvent } from '../../core';
import type { OfficeFeatures } from './office-capabilities';
import type { ExcelRunner } from './office-env';

export interface OwnWrites {
  begin(): void;
  end(): void;
  isOwn(): boolean;
}

export function createOwnWrites(quietMs: number, now: () => number = Date.now): OwnWrites {
  let depth = 0;
  let quietUntil = 0;
  return {
    begin: () => {
      depth++;
    },
    end: () => {
      depth = Math.max(0, depth - 1);
      quietUntil = now() + quietMs;
    },
    isOwn: () => depth > 0 || now() < quietUntil,
  };
}

type Listener = (event: ChangeEvent) => void;
interface ChangedArgs {
  worksheetId: string;
  address: string;
}

export function createChangeHub(excel: ExcelRunner, features: OfficeFeatures, own: OwnWrites, onError: (error: unknown) => void) {
  const listeners = new Set<Listener>();
  let registration: Promise<OfficeExtension.EventHandlerResult<unknown>[]> | undefined;

  async function deliver(args: ChangedArgs): Promise<void> {
    if (own.isOwn() || listeners.size === 0) return;
    const name = await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(args.worksheetId);
      sheet.load('name');
      await context.sync();
      return sheet.name;
    });
    const event: ChangeEvent = { sheet: name, address: stripSheetPrefix(args.address) };
    for (const listener of [...listeners]) listener(event);
  }

  const handler = (args: ChangedArgs) => deliver(args).catch(onError);

  function register(): Promise<OfficeExtension.EventHandlerResult<unknown>[]> {
    return excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      if (features.has('workbookOnChanged')) {
        const result = sheets.onChanged.add(handler);
        await context.sync();
        return [result as OfficeExtension.EventHandlerResult<unknown>];
      }
      sheets.load('items/name');
      await context.sync();
      const results = sheets.items.map((s) => s.onChanged.add(handler) as OfficeExtension.EventHandlerResult<unknown>);
      await context.sync();
      return results;
    });
  }

  async function unregister(results: OfficeExtension.EventHandlerResult<unknown>[]): Promise<void> {
    if (!results.length) return;
    await excel.run(results[0].context, async (context) => {
      for (const r of results) r.remove();
      await context.sync();
    });
  }

  return {
    subscribe(listener: Listener): () => void {
      listeners.add(listener);
      if (!registration && features.has('worksheetOnChanged')) {
        registration = register();
        registration.catch(onError);
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && registration) {
          const pending = registration;
          registration = undefined;
          pending.then(unregister).catch(onError);
        }
      };
    },
  };
}
