/**
 * The standalone page's controller: holds the state, runs the jobs (standalone-jobs.ts, over the
 * core flows) with the progress bar, turns failures into the coded error line, and redraws.
 */
import { chooseRegistry, FenjieError, toFenjieError } from '../core/index';
import { download, nextFrame, type PickedFile } from './standalone-dom';
import { checkNotice, chooseRegistryFor, collectReturns, readNotice, stemOf, writeNoticeDocx, writeUnitZip, writeWorkbook, type CheckedImport, type CollectOutcome, type Progress } from './standalone-jobs';
import type { PageKey, PageLang } from './standalone-strings';
import { renderPage, type PageActions, type PageState } from './standalone-view';

const STEP_KEYS: Record<Parameters<Progress>[1], PageKey> = { read: 'step_read', check: 'step_check', write: 'step_write', split: 'step_split', collect: 'step_collect' };

const LANG_KEY = 'fenjie.lang';

/** Chinese unless the user chose English before (remembered where the browser allows storage on file://). */
export function savedLang(storage: Pick<Storage, 'getItem'> | null): PageLang {
  try {
    return storage?.getItem(LANG_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

function saveLang(lang: PageLang): void {
  try {
    localStorage.setItem(LANG_KEY, lang);
  } catch {
    // Storage off for file:// pages (some browsers): the switch still works for this visit.
  }
}

export class StandalonePage implements PageActions {
  private readonly state: PageState;
  private outcome: CollectOutcome | null = null;
  private workbook: Uint8Array | null = null;
  private readonly progress: Progress = (fraction, step) => {
    this.state.progress = { fraction, key: STEP_KEYS[step] };
    this.draw();
  };

  constructor(private readonly root: HTMLElement, lang: PageLang) {
    this.state = { lang, notice: null, registryFile: null, checked: null, collect: null, progress: null, error: null };
  }

  draw(): void {
    this.root.replaceChildren(renderPage(this.state, this));
    // Read by the browser test and the benchmark: time of the first render since navigation start.
    (window as { fenjieFirstRenderMs?: number }).fenjieFirstRenderMs ??= performance.now();
    document.documentElement.lang = this.state.lang === 'zh' ? 'zh-CN' : 'en';
  }

  /** Runs one job with the progress bar; a failure becomes the coded error line, never a stack trace. */
  private async run(job: () => Promise<void>): Promise<void> {
    this.state.error = null;
    this.progress(0.05, 'read');
    await nextFrame();
    try {
      await job();
      this.state.progress = { fraction: 1, key: 'done' };
    } catch (error) {
      const coded = toFenjieError(error);
      this.state.error = { code: coded.code, message: this.state.lang === 'en' ? coded.messageEn : coded.messageZh };
      this.state.progress = null;
      if (coded.code === 'internal') console.error(error);
    }
    this.draw();
  }

  private async recheck(): Promise<void> {
    const { notice } = this.state;
    this.state.checked = null;
    this.workbook = null;
    if (!notice) return;
    this.state.checked = await checkNotice(notice, chooseRegistryFor(notice, this.state.registryFile), this.progress);
  }

  private checked(): CheckedImport {
    if (!this.state.checked) throw new FenjieError('convert-no-table', '请先在第 1 步导入通知', 'Import a notice in step 1 first');
    return this.state.checked;
  }

  private async currentWorkbook(): Promise<Uint8Array> {
    this.workbook ??= await writeWorkbook(this.checked());
    return this.workbook;
  }

  private saveAs(suffix: string, make: () => Promise<Uint8Array>): void {
    const name = `${stemOf(this.state.notice?.name ?? 'fenjie')}${suffix}`;
    void this.run(async () => {
      this.progress(0.3, 'write');
      await nextFrame();
      download(await make(), name);
    });
  }

  private collected(): CollectOutcome {
    if (!this.outcome) throw new FenjieError('collect-no-table', '请先拖入退回的工作簿', 'Drop the returned workbooks first');
    return this.outcome;
  }

  toggleLang(): void {
    this.state.lang = this.state.lang === 'zh' ? 'en' : 'zh';
    saveLang(this.state.lang);
    this.draw();
  }

  dropNotice(files: PickedFile[]): void {
    void this.run(async () => {
      this.state.notice = null;
      this.state.collect = null;
      this.outcome = null;
      this.state.notice = await readNotice(files[0]);
      await this.recheck();
    });
  }

  dropRegistry(files: PickedFile[]): void {
    void this.run(async () => {
      // Read first: a bad 名录 file is refused with its code and the current choice stays.
      chooseRegistry({ explicit: { bytes: files[0].bytes, fileName: files[0].name } });
      this.state.registryFile = files[0];
      await this.recheck();
    });
  }

  useDefaultRegistry(): void {
    this.state.registryFile = null;
    void this.run(() => this.recheck());
  }

  downloadWorkbook(): void {
    this.saveAs('.xlsx', () => this.currentWorkbook());
  }

  downloadDocx(): void {
    this.saveAs('.docx', async () => writeNoticeDocx(this.checked().notice.input.result));
  }

  downloadZip(): void {
    this.saveAs('-各单位.zip', async () => {
      const { notice } = this.checked();
      return (await writeUnitZip(notice.input.result.tables, notice.name, this.progress)).zip;
    });
  }

  dropReturns(files: PickedFile[]): void {
    void this.run(async () => {
      const { notice } = this.checked();
      // The master is the dropped fenjie workbook itself, else the workbook the import writes.
      const master = notice.input.kind === 'fenjie-workbook' ? { name: notice.name, bytes: notice.bytes } : { name: `${stemOf(notice.name)}.xlsx`, bytes: await this.currentWorkbook() };
      this.outcome = await collectReturns(master, files, this.progress);
      this.state.collect = this.outcome.collect;
    });
  }

  downloadMerged(): void {
    this.saveAs('-汇总.xlsx', async () => this.collected().workbook);
  }

  downloadReport(): void {
    this.saveAs('-冲突报告.xlsx', async () => this.collected().report);
  }
}
