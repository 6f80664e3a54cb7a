/**
 * Proxy machinery of the recording Excel fake: commands queue on a context and run at
 * context.sync(), loads fill properties only after a sync, every call and sync is recorded, and a
 * sync whose payload is over 5 MB fails like Excel on the web. APIs above the fake's requirement
 * set version throw ApiNotFound.
 */
import { estimateJsonBytes } from '../../src/core';
import { FakeOfficeError, type FakeWorkbookData } from './excel-fake-model';

export const PAYLOAD_LIMIT = 5 * 1024 * 1024;

export interface FakeCall {
  sync: number;
  target: string;
  member: string;
  kind: 'set' | 'call' | 'load';
  /** For 2-D sets: the array's shape. */
  rows?: number;
  cols?: number;
  bytes: number;
}

export interface FakeEvent {
  type: 'WorksheetChanged';
  worksheetId: string;
  address: string;
  source: 'Local' | 'Remote';
  changeType: 'RangeEdited';
}

export interface Recorder {
  runs: number;
  runOptions: unknown[];
  syncs: number;
  syncPayloads: number[];
  calls: FakeCall[];
  /** Commands still queued when an Excel.run batch ended (lost in real Excel). */
  unsynced: number;
  /** Syncs that ran while API calculation was suspended. */
  suspendedSyncs: number;
}

export interface FakeShared {
  data: FakeWorkbookData;
  recorder: Recorder;
  /** Highest ExcelApi 1.x the fake supports. */
  apiMinor: number;
  enableEvents: boolean;
  handlers: { sheetId?: string; handler: (e: FakeEvent) => unknown }[];
  /** Test hook: return an Office error code to make the command with this member fail at sync. */
  failOn?: (member: string) => string | undefined;
}

type Command = { run: () => void; bytes: number; member: string };

export class FakeContext {
  readonly queue: Command[] = [];
  readonly changed: { sheetId: string; address: string }[] = [];
  calcSuspended = false;
  /** Size of the data loaded by the current sync (Excel on the web limits responses to 5 MB too). */
  responseBytes = 0;
  constructor(readonly shared: FakeShared) {}

  /** Throws like Excel when the API needs ExcelApi 1.<minor> and the fake is older. */
  requireApi(minor: number, member: string): void {
    if (this.shared.apiMinor < minor) throw new FakeOfficeError('ApiNotFound', `The API you are trying to use could not be found: ${member} (ExcelApi 1.${minor})`);
  }

  enqueue(target: string, member: string, kind: FakeCall['kind'], run: () => void, payload?: unknown): void {
    const bytes = payload === undefined ? 40 : estimateJsonBytes(payload) + 40;
    const call: FakeCall = { sync: this.shared.recorder.syncs + 1, target, member, kind, bytes };
    if (Array.isArray(payload) && Array.isArray(payload[0])) {
      call.rows = payload.length;
      call.cols = (payload[0] as unknown[]).length;
    }
    this.shared.recorder.calls.push(call);
    this.queue.push({ run, bytes, member });
  }

  /** A write changed cells; Excel raises onChanged for it only while events are enabled. */
  noteChange(sheetId: string, address: string): void {
    if (this.shared.enableEvents) this.changed.push({ sheetId, address });
  }

  async sync(): Promise<void> {
    const rec = this.shared.recorder;
    rec.syncs++;
    const commands = this.queue.splice(0, this.queue.length);
    const bytes = commands.reduce((sum, c) => sum + c.bytes, 0);
    rec.syncPayloads.push(bytes);
    if (this.calcSuspended) rec.suspendedSyncs++;
    this.calcSuspended = false;
    if (bytes > PAYLOAD_LIMIT) throw new FakeOfficeError('RequestPayloadSizeLimitExceeded', 'The request payload size has exceeded the limit.');
    this.responseBytes = 0;
    try {
      for (const command of commands) {
        const fail = this.shared.failOn?.(command.member);
        if (fail) throw new FakeOfficeError(fail, `Injected failure at ${command.member}`, command.member);
        command.run();
      }
    } finally {
      this.flushEvents();
    }
    if (this.responseBytes > PAYLOAD_LIMIT) throw new FakeOfficeError('ResponsePayloadSizeLimitExceeded', 'The response payload size has exceeded the limit.');
  }

  private flushEvents(): void {
    const changes = this.changed.splice(0, this.changed.length);
    for (const change of changes) dispatchChange(this.shared, change.sheetId, change.address, 'Local');
  }
}

/** Delivers a change event to the registered handlers after the current sync resolves (Excel's events are async). */
export function dispatchChange(shared: FakeShared, sheetId: string, address: string, source: 'Local' | 'Remote'): void {
  const event: FakeEvent = { type: 'WorksheetChanged', worksheetId: sheetId, address, source, changeType: 'RangeEdited' };
  for (const { sheetId: only, handler } of [...shared.handlers]) {
    if (only && only !== sheetId) continue;
    setTimeout(() => void handler(event), 0);
  }
}

/** Base of every proxy: lazy resolution at sync time and load() of plain properties. */
export class FakeProxy<T> {
  protected readonly loaded = new Map<string, unknown>();
  protected loadedNull: boolean | undefined;
  /** Made by a *OrNullObject method: loading a missing target gives isNullObject instead of ItemNotFound. */
  private nullable = false;
  constructor(
    readonly context: FakeContext,
    protected readonly resolveTarget: () => T | undefined,
    protected readonly label: string,
  ) {}

  protected target(): T {
    const t = this.resolveTarget();
    if (t === undefined) throw new FakeOfficeError('ItemNotFound', `The requested resource doesn't exist: ${this.label}`, this.label);
    return t;
  }

  /** The plain properties this proxy can load, read from the resolved target. */
  protected readProps(_target: T): Record<string, unknown> {
    return {};
  }

  asNullable(): this {
    this.nullable = true;
    return this;
  }

  load(props?: unknown): this {
    const wanted = typeof props === 'string' ? props.split(',').map((p) => p.trim()) : undefined;
    this.context.enqueue(this.label, 'load', 'load', () => {
      const t = this.nullable ? this.resolveTarget() : this.target();
      this.loadedNull = t === undefined;
      if (t === undefined) return;
      for (const [k, v] of Object.entries(this.readProps(t))) {
        this.loaded.set(k, v);
        if (!wanted || wanted.includes(k)) this.context.responseBytes += estimateJsonBytes(v);
      }
    });
    return this;
  }

  protected get<V>(prop: string): V {
    if (!this.loaded.has(prop)) throw new FakeOfficeError('PropertyNotLoaded', `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`);
    return this.loaded.get(prop) as V;
  }

  get isNullObject(): boolean {
    if (this.loadedNull === undefined) throw new FakeOfficeError('PropertyNotLoaded', "The property 'isNullObject' is not available; load and sync first.");
    return this.loadedNull;
  }

  protected set(member: string, value: unknown, run: (t: T) => void): void {
    this.context.enqueue(this.label, member, 'set', () => run(this.target()), value);
    this.loaded.set(member, value);
  }

  protected call(member: string, run: (t: T) => void, payload?: unknown): void {
    this.context.enqueue(this.label, member, 'call', () => run(this.target()), payload);
  }
}
