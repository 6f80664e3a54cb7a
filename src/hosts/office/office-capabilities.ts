/**
 * Requirement-set probing. Office 2021 LTSC (ExcelApi 1.14) is the baseline; features from
 * newer sets are used when present and degraded (with an ApplyReport entry) when not.
 */
import type { HostCapabilities } from '../../core';
import type { OfficeRequirements } from './office-env';

/** Which ExcelApi 1.x each feature needs. */
export const FEATURE_SETS = {
  conditionalFormats: 6,
  suspendCalculation: 6,
  freezePanes: 7,
  copySheet: 7,
  worksheetOnChanged: 7,
  dataValidation: 8,
  enableEvents: 8,
  suspendScreenUpdating: 9,
  rangeAreas: 9,
  workbookOnChanged: 9,
  delayForCellEdit: 11,
  mergedAreas: 13,
  notes: 18,
} as const;

export type OfficeFeature = keyof typeof FEATURE_SETS;
export const BASELINE_MINOR = 14;
const HIGHEST_PROBED = 20;

export interface OfficeFeatures {
  /** Highest ExcelApi 1.x supported. */
  minor: number;
  has(feature: OfficeFeature): boolean;
}

/** Probes ExcelApi 1.x from the newest down; without Office (tests, Node) assumes the baseline. */
export function probeFeatures(office?: OfficeRequirements): OfficeFeatures {
  const check = office?.context?.requirements?.isSetSupported;
  let minor = BASELINE_MINOR;
  if (check) {
    minor = 0;
    for (let m = HIGHEST_PROBED; m >= 1; m--) {
      if (check.call(office?.context?.requirements, 'ExcelApi', `1.${m}`)) {
        minor = m;
        break;
      }
    }
  }
  return { minor, has: (feature) => minor >= FEATURE_SETS[feature] };
}

export function capabilitiesOf(features: OfficeFeatures): HostCapabilities {
  return {
    tables: features.minor >= 1,
    conditionalFormats: features.has('conditionalFormats'),
    dataBars: features.has('conditionalFormats'),
    listValidation: features.has('dataValidation'),
    notes: features.has('notes'),
    veryHiddenSheets: features.minor >= 1,
    changeEvents: features.has('worksheetOnChanged'),
    mergedAreas: features.has('mergedAreas'),
    charts: features.minor >= 1,
    version: `ExcelApi 1.${features.minor}`,
  };
}
