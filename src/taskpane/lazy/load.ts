/** The lazy chunks, each loaded once on first use (webpack splits them off the initial bundle). */
export const loadWorkbookModule = () => import(/* webpackChunkName: "workbook" */ './workbook.lazy');
export const loadRegistryModule = () => import(/* webpackChunkName: "registry" */ './registry.lazy');
export const loadExportModule = () => import(/* webpackChunkName: "export" */ './export.lazy');
export const loadSplitModule = () => import(/* webpackChunkName: "split" */ './split.lazy');
export const loadRecordsModule = () => import(/* webpackChunkName: "records" */ './records.lazy');
export const loadReportModule = () => import(/* webpackChunkName: "report" */ './report.lazy');
