/**
 * SheetChange through `ApiEvent.AddApiEventListener`, with the adapter's own writes filtered out.
 * WPS may deliver events inside the write or shortly after it (builds differ), so the host keeps
 * the own-write window open until the page has settled (see `settle` in wps.host.ts), and events
 * for cells the batch touched are still ignored for a brief grace period after that.
 */
import { rangesIntersect, tryParseRange, type RangeRect, stripSheetPrefix } from '../../core/index';
import type { ChangeEvent } from '../../core/index';
import type { EtApiEventLike, EtEventHandler } from './wps-api';

/** Short, so a user's edit right after an import is still seen. */
export const OWN_WRITE_GRACE_MS = 15;

export interface TouchedArea {
  sheet: string;
  /** undefined: the whole sheet. */
  rect?: RangeRect;
}

export interface ChangeFeed {
  subscribe(listener: (event: ChangeEvent) => void): () => void;
  /** Marks the start of an own write. */
  begin(): void;
  /** Marks its end, with the areas it touched. */
  end(touched: TouchedArea[]): void;
  readonly available: boolean;
}

function nameOf(sheet: unknown): string | undefined {
  const name = (sheet as { Name?: unknown } | null)?.Name;
  return typeof name === 'string' ? name : undefined;
}

function addressOf(range: unknown): string | undefined {
  const address = (range as { Address?: unknown } | null)?.Address;
  if (typeof address === 'function') return String(address.call(range, false, false));
  return typeof address === 'string' ? address.replace(/\$/g, '') : undefined;
}

export function createChangeFeed(api: EtApiEventLike | undefined, ignoredSheets: string[], now: () => number = Date.now): ChangeFeed {
  const listeners = new Set<(event: ChangeEvent) => void>();
  let depth = 0;
  let recent: { until: number; touched: TouchedArea[] }[] = [];

  const isOwn = (sheet: string, address: string): boolean => {
    const t = now();
    recent = recent.filter((r) => r.until > t);
    const rect = tryParseRange(stripSheetPrefix(address));
    return recent.some((r) => r.touched.some((a) => a.sheet === sheet && (!a.rect || !rect || rangesIntersect(a.rect, rect))));
  };

  const handler: EtEventHandler = (sheet, range) => {
    if (depth > 0) return;
    const name = nameOf(sheet);
    const address = addressOf(range);
    if (!name || !address || ignoredSheets.includes(name) || isOwn(name, address)) return;
    for (const listener of [...listeners]) listener({ sheet: name, address });
  };

  return {
    available: Boolean(api),
    subscribe(listener) {
      if (!api) return () => undefined;
      if (listeners.size === 0) api.AddApiEventListener('SheetChange', handler);
      listeners.add(listener);
      return () => {
        if (!listeners.delete(listener) || listeners.size > 0) return;
        api.RemoveApiEventListener('SheetChange', handler);
      };
    },
    begin() {
      depth++;
    },
    end(touched) {
      depth = Math.max(0, depth - 1);
      if (touched.length > 0) recent.push({ until: now() + OWN_WRITE_GRACE_MS, touched });
    },
  };
}
