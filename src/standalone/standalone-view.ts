/** The standalone page drawn from its state: four steps, a progress bar, one error line. */
import { describeRegistry, type CollectResult, type Finding, type FindingGroup } from '../core/index';
import { dropZone, h, type PickedFile } from './standalone-dom';
import type { CheckedImport, ImportedNotice } from './standalone-jobs';
import { pageText, type PageKey, type PageLang } from './standalone-strings';

export interface PageState {
  lang: PageLang;
  notice: ImportedNotice | null;
  registryFile: PickedFile | null;
  checked: CheckedImport | null;
  collect: CollectResult | null;
  progress: { fraction: number; key: PageKey } | null;
  error: { code: string; message: string } | null;
}

export interface PageActions {
  toggleLang(): void;
  dropNotice(files: PickedFile[]): void;
  dropRegistry(files: PickedFile[]): void;
  useDefaultRegistry(): void;
  downloadWorkbook(): void;
  downloadDocx(): void;
  downloadZip(): void;
  dropReturns(files: PickedFile[]): void;
  downloadMerged(): void;
  downloadReport(): void;
}

const SHOWN = 8;

function messageOf(lang: PageLang, item: { message: string; messageEn?: string }): string {
  return lang === 'en' ? (item.messageEn ?? item.message) : item.message;
}

function findingList(lang: PageLang, items: Finding[], testId: string): HTMLElement {
  const list = h('ul', { className: 'findings', 'data-testid': testId, 'data-count': items.length });
  for (const item of items.slice(0, SHOWN)) list.append(h('li', { 'data-code': item.code, className: item.severity }, `[${item.code}] ${messageOf(lang, item)}`));
  if (items.length > SHOWN) list.append(h('li', { className: 'more' }, pageText(lang, 'more', { n: items.length - SHOWN })));
  return list;
}

function previewView(lang: PageLang, notice: ImportedNotice): HTMLElement {
  const { summary } = notice;
  const t = (key: PageKey): string => pageText(lang, key);
  const tables = h('ul', { className: 'tables' });
  for (const table of summary.tables) {
    const name = table.title ?? t(table.kind === 'tasks' ? 'tasks' : 'projects');
    tables.append(h('li', { 'data-kind': table.kind, 'data-rows': table.rows }, `${name}：${table.rows} ${t('rows')}`));
  }
  const noticeLine = summary.notice.title || summary.notice.number ? h('p', {}, `${t('noticeLine')}：${[summary.notice.number, summary.notice.title].filter(Boolean).join(' ')}`) : null;
  const fixes = summary.fixesByRule.map(([rule, count]) => `${rule} ×${count}`).join('，');
  return h(
    'section',
    { className: 'card', 'data-testid': 'preview', 'data-fixes': summary.fixes, 'data-warnings': summary.warnings.length },
    h('h3', {}, `${t('previewTitle')}：${notice.name}`),
    noticeLine,
    tables,
    h('p', {}, `${t('fixes')} ${summary.fixes}${fixes ? `（${fixes}）` : ''}；${t('warnings')} ${summary.warnings.length}`),
    summary.warnings.length ? findingList(lang, summary.warnings, 'read-warnings') : null,
  );
}

function groupItem(lang: PageLang, group: FindingGroup): HTMLElement {
  const best = group.suggestions[0];
  const hint = best ? ` → ${pageText(lang, 'suggestion')}：${best.value}` : '';
  return h('li', { className: group.severity, 'data-code': group.code }, `[${group.code}] ${messageOf(lang, group)}（×${group.positions.length}）${hint}`);
}

function checkView(lang: PageLang, checked: CheckedImport): HTMLElement {
  const { summary, groups } = checked.validation;
  const line = summary.errors + summary.warnings + summary.info === 0 ? pageText(lang, 'checkClean') : pageText(lang, 'checkSummary', summary);
  const list = h('ul', { className: 'findings' });
  for (const group of groups.slice(0, SHOWN)) list.append(groupItem(lang, group));
  if (groups.length > SHOWN) list.append(h('li', { className: 'more' }, pageText(lang, 'more', { n: groups.length - SHOWN })));
  return h(
    'div',
    { 'data-testid': 'check', 'data-errors': summary.errors, 'data-warnings': summary.warnings },
    h('p', { 'data-testid': 'registry-line' }, `${pageText(lang, 'registryLabel')}${describeRegistry(checked.registry, lang)}`),
    h('p', { 'data-testid': 'check-summary' }, line),
    list,
  );
}

function button(label: string, testId: string, onclick: () => void, disabled: boolean): HTMLButtonElement {
  return h('button', { type: 'button', 'data-testid': testId, onclick, disabled }, label);
}

function collectView(lang: PageLang, collect: CollectResult, actions: PageActions): HTMLElement {
  const accepted = collect.files.filter((f) => f.accepted).length;
  const line = pageText(lang, 'collectSummary', { files: collect.files.length, accepted, applied: collect.applied.length, problems: collect.findings.length });
  return h(
    'div',
    { 'data-testid': 'collect-result', 'data-applied': collect.applied.length, 'data-problems': collect.findings.length },
    h('p', {}, line),
    findingList(lang, collect.findings, 'collect-findings'),
    h('div', { className: 'buttons' }, button(pageText(lang, 'downloadMerged'), 'download-merged', () => actions.downloadMerged(), false), button(pageText(lang, 'downloadReport'), 'download-report', () => actions.downloadReport(), false)),
  );
}

function statusView(state: PageState): HTMLElement {
  const { lang, progress, error } = state;
  const box = h('div', { className: 'status', 'aria-live': 'polite' });
  if (progress) {
    box.append(h('progress', { max: 100, value: Math.round(progress.fraction * 100), 'data-testid': 'progress' }), h('span', {}, pageText(lang, progress.key)));
  }
  if (error) box.append(h('p', { className: 'error', role: 'alert', 'data-testid': 'error', 'data-code': error.code }, `${pageText(lang, 'errorPrefix')} [${error.code}]：${error.message}`));
  return box;
}

/** The whole page for the state (redrawn on each change: it is small). */
export function renderPage(state: PageState, actions: PageActions): HTMLElement {
  const { lang, notice, checked } = state;
  const t = (key: PageKey): string => pageText(lang, key);
  const busy = state.progress !== null && state.progress.fraction < 1;
  const ready = !busy && checked !== null;
  return h(
    'main',
    { 'data-testid': 'page', 'data-lang': lang },
    h('header', {}, h('img', { src: ICON_SRC, alt: '', width: 32, height: 32 }), h('h1', { 'data-testid': 'page-title' }, t('title')), button(t('langSwitch'), 'lang-switch', () => actions.toggleLang(), false)),
    h('p', { className: 'sub' }, t('subtitle')),
    statusView(state),
    h('section', { className: 'step' }, h('h2', {}, t('step1')), dropZone({ testId: 'notice-input', label: t('dropNotice'), accept: '.docx,.doc,.txt,.xlsx', onFiles: (files) => actions.dropNotice(files) }), notice ? previewView(lang, notice) : null),
    h(
      'section',
      { className: 'step' },
      h('h2', {}, t('step2')),
      h('div', { className: 'row' }, dropZone({ testId: 'registry-input', label: t('dropRegistry'), accept: '.json,.xlsx', onFiles: (files) => actions.dropRegistry(files) }), button(t('registryDefault'), 'registry-default', () => actions.useDefaultRegistry(), !state.registryFile)),
      checked ? checkView(lang, checked) : null,
    ),
    h(
      'section',
      { className: 'step' },
      h('h2', {}, t('step3')),
      h('div', { className: 'buttons' }, button(t('downloadWorkbook'), 'download-workbook', () => actions.downloadWorkbook(), !ready), button(t('downloadDocx'), 'download-docx', () => actions.downloadDocx(), !ready), button(t('downloadZip'), 'download-zip', () => actions.downloadZip(), !ready)),
    ),
    h(
      'section',
      { className: 'step' },
      h('h2', {}, t('step4')),
      h('p', { className: 'hint' }, t('collectHint')),
      dropZone({ testId: 'returns-input', label: t('dropReturns'), accept: '.xlsx', multiple: true, onFiles: (files) => actions.dropReturns(files) }),
      state.collect ? collectView(lang, state.collect, actions) : null,
    ),
    h('footer', {}, t('offlineNote')),
  );
}

/** The icon, inlined by the build (scripts/build-standalone.js) as a data: URL. */
declare const FENJIE_ICON: string;
const ICON_SRC = typeof FENJIE_ICON === 'string' ? FENJIE_ICON : '';
