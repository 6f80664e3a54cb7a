/**
 * The old-Office page's one job, with no DOM and no Office.js: read a 通知 and plan the record
 * sheets as plain values (the import flow of the pane and the CLI, without the registry sheets).
 */
import { planImport, readInput, summariseRead, type ReadSummary } from '../../core/index';
import { planValueBlocks, type ValueBlock } from './legacy-values';

export interface LegacyImport {
  summary: ReadSummary;
  blocks: ValueBlock[];
}

export async function importForValues(bytes: Uint8Array, fileName: string, existingSheets: string[]): Promise<LegacyImport> {
  const input = await readInput(bytes, fileName);
  const { plan } = planImport({ inputs: [input] });
  return { summary: summariseRead(input.result), blocks: planValueBlocks(plan, existingSheets) };
}
