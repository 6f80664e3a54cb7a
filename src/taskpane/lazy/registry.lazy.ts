/**
 * Bundle boundary, loaded with import() when validation first runs: the pinyin dictionary
 * (pinyin-pro) is the heaviest part of the add-in and must stay out of the initial bundle.
 */
export {
  chooseRegistry, indexRegistry, readRegistryFile, serialiseRegistry, planRegistryWorkbook, readHostRegistry, validateRecords, planDecision, dismissGroup, planCrossCheckSheets,
} from '../../core';
