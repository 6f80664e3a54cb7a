import { createContext, useContext } from 'react';
import type { HostCapabilities, Registry, SpreadsheetHost } from '../core';

/** The registry the pane currently uses (loaded lazily: the registry code and pinyin are heavy). */
export interface RegistryChoice {
  /** 'default', 'sheet' or a file name. */
  name: string;
  registry: Registry;
  leaders: number;
  units: number;
}

export interface PaneContextValue {
  host: SpreadsheetHost;
  capabilities: HostCapabilities | null;
  registry: RegistryChoice | null;
  setRegistry: (choice: RegistryChoice | null) => void;
  /** Bumped after the pane writes to the workbook or the user edits it; sections re-read on change. */
  workbookVersion: number;
  bumpWorkbook: () => void;
}

export const PaneContext = createContext<PaneContextValue | null>(null);

export function usePane(): PaneContextValue {
  const value = useContext(PaneContext);
  if (!value) throw new Error('usePane outside PaneContext');
  return value;
}
