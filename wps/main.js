/*
 * Ribbon callbacks of the fenjie WPS add-in (loaded by index.html).
 * Plain ES5 and strictly synchronous: async callbacks have broken the ribbon in some WPS builds.
 * The pane is created once per WPS session and its ID kept in PluginStorage, so every button and
 * the pane itself (its 隐藏 button) find the same pane.
 */
var FENJIE_PANE_KEY = 'fenjie_taskpane_id';
var FENJIE_PANE_TITLE = '分解落实表';
var FENJIE_DOCK_RIGHT = 2; // msoCTPDockPositionRight

function fenjieApplication() {
  if (window.Application && window.Application.Workbooks !== undefined) return window.Application;
  if (window.wps) {
    if (window.wps.Application) return window.wps.Application;
    if (typeof window.wps.EtApplication === 'function') return window.wps.EtApplication();
    return window.wps;
  }
  return null;
}

/** The folder this add-in was loaded from, ending in '/'. */
function fenjieBaseUrl() {
  var href = String(document.location.href).split('#')[0].split('?')[0];
  return href.substring(0, href.lastIndexOf('/') + 1);
}

/** CreateTaskPane in current builds, CreateTaskpane in some older ones: probe both. */
function fenjieCreatePane(app, url, title) {
  var owners = [app, window.wps];
  for (var i = 0; i < owners.length; i++) {
    var owner = owners[i];
    if (!owner) continue;
    if (typeof owner.CreateTaskPane === 'function') return owner.CreateTaskPane(url, title);
    if (typeof owner.CreateTaskpane === 'function') return owner.CreateTaskpane(url, title);
  }
  throw new Error('此版本 WPS 不支持任务窗格（找不到 CreateTaskPane）');
}

function fenjieFindPane(app) {
  var storage = app && app.PluginStorage;
  var id = storage ? storage.getItem(FENJIE_PANE_KEY) : null;
  if (id === null || id === undefined || id === '') return null;
  try {
    return app.GetTaskPane(Number(id)) || null;
  } catch (e) {
    return null;
  }
}

function fenjieShowPane() {
  var app = fenjieApplication();
  if (!app) return false;
  var pane = fenjieFindPane(app);
  if (!pane) {
    pane = fenjieCreatePane(app, fenjieBaseUrl() + 'taskpane.html', FENJIE_PANE_TITLE);
    if (app.PluginStorage) app.PluginStorage.setItem(FENJIE_PANE_KEY, String(pane.ID));
    try {
      pane.DockPosition = FENJIE_DOCK_RIGHT;
    } catch (e) {
      // Docking is cosmetic; some builds refuse it before the pane is shown.
    }
  }
  pane.Visible = true;
  return true;
}

function fenjieHidePane() {
  var pane = fenjieFindPane(fenjieApplication());
  if (pane) pane.Visible = false;
  return true;
}

function OnAddinLoad(ribbonUI) {
  window.fenjieRibbonUI = ribbonUI;
  return true;
}

function OnAction(control) {
  var id = control && (control.Id || control.id);
  try {
    if (id === 'fenjieShowPane') return fenjieShowPane();
    if (id === 'fenjieHidePane') return fenjieHidePane();
  } catch (e) {
    alert('分解落实表：' + (e && e.message ? e.message : e));
  }
  return true;
}

function GetImage(control) {
  var id = control && (control.Id || control.id);
  return id === 'fenjieHidePane' ? 'images/hide-pane.svg' : 'images/icon-32.png';
}

function OnGetEnabled() {
  return true;
}
