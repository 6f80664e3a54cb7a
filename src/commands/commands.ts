/**
 * Ribbon FunctionFile (ExecuteFunction actions). Handlers are plain synchronous functions: they start
 * the work, return at once, and call event.completed() when it settles, as Office requires.
 * Keep this file tiny: it loads on every ribbon click, without React or the core.
 */
const COMMAND_SHEETS: Record<string, string> = {
  goToTasks: '主要工作',
  goToProjects: '民生实事',
  goToStats: '统计',
};

function activateSheet(name: string, event: Office.AddinCommands.Event): void {
  Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItemOrNullObject(name);
    await context.sync();
    if (!sheet.isNullObject) sheet.activate();
    await context.sync();
  })
    .catch(() => undefined)
    .finally(() => event.completed());
}

export function registerCommands(): void {
  for (const [action, sheet] of Object.entries(COMMAND_SHEETS)) {
    const handler = (event: Office.AddinCommands.Event) => activateSheet(sheet, event);
    // Older hosts look the function up on the global object; newer ones use Office.actions.
    (globalThis as Record<string, unknown>)[action] = handler;
    if (typeof Office !== 'undefined' && Office.actions) Office.actions.associate(action, handler);
  }
}

if (typeof Office !== 'undefined') {
  Office.onReady(() => undefined);
  registerCommands();
}
