/**
 * Old Office webviews: Office 2016/2019 (volume licences) run add-ins in Internet Explorer 11
 * (Trident) or the old Edge (EdgeHTML), where React 18 and Fluent UI v9 do not run. taskpane.html
 * has the same test inline (ES5, before any bundle); this copy is for the tests and the entry.
 */
export const LEGACY_UA = /Trident\/|MSIE |Edge\/\d/;

/** True for IE11/Trident and EdgeHTML ("Edge/18"); Chromium Edge says "Edg/" and is modern. */
export function isLegacyWebview(userAgent: string): boolean {
  return LEGACY_UA.test(userAgent);
}
