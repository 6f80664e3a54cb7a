/**
 * What the Office host needs from its environment, kept narrow so tests can hand in the
 * recording fake and the task pane hands in the real `Excel` and `Office` globals.
 */
export interface ExcelRunner {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  run<T>(options: Excel.RunOptions, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  run<T>(context: OfficeExtension.ClientRequestContext, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
}

export interface OfficeRequirements {
  context?: { requirements?: { isSetSupported(name: string, minVersion?: string): boolean } };
}

export interface OfficeEnv {
  Excel: ExcelRunner;
  Office?: OfficeRequirements;
  /** Bytes of cell data per request before a sync (default 4 MB, under Excel on the web's 5 MB limit). */
  payloadBudgetBytes?: number;
  /** Change events arriving this long after our own write are taken as its echo (default 300 ms). */
  ownWriteQuietMs?: number;
}
