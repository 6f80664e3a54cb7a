/** What `fenjie doctor` finds: one line per check, and for a problem one line of what to change. */
export interface DoctorLine {
  area: 'wps' | 'excel';
  /** ok: fine; problem: blocks loading; info: context (a path, a skipped check). */
  level: 'ok' | 'problem' | 'info';
  /** Stable key (tests and scripts). */
  key: string;
  zh: string;
  en: string;
  fixZh?: string;
  fixEn?: string;
}

/** The file system as the checks see it: text of a file (null when absent) and a folder's entries. */
export interface FileView {
  read(path: string): string | null;
  list(dir: string): string[];
  join(...parts: string[]): string;
}

export type DoctorPlatform = 'win32' | 'linux';
