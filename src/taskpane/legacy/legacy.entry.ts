/**
 * The task pane for old Office (IE11/Trident, EdgeHTML webviews; ExcelApi 1.1): no React, no
 * Fluent, ES5 only (scripts/build-legacy.js lowers it; a test parses the bundle as ES5). taskpane.html
 * loads it instead of the React pane. It imports a 通知 and writes the records into new sheets as
 * values, and points to the offline page for the full workbook.
 */
import './legacy-install';
import { showLegacyPage } from './legacy-page';

showLegacyPage(document);
