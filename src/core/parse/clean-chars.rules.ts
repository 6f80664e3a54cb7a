/**
 * Code points XML 1.0 forbids (xml-chars.rules.ts) are removed from every text a record holds,
 * each removal a `xml-char-removed` fix on the record's field, so the 修订记录 sheet names the cell.
 * The old value shows each removed code point as `[U+FFFE]` (the fix log must stay writable).
 */
import type { ProjectRecord, TaskRecord } from '../model/records.model';
import { hasXmlForbidden, removeXmlForbidden, scanXmlForbidden, showXmlForbidden } from '../readers/xml-chars.rules';
import type { Emit } from './name-rules';
import { TEXT_RULES } from './text-rules';

type AnyRecord = TaskRecord | ProjectRecord;
const TEXT_FIELDS = ['category', 'item', 'content', 'name', 'task', 'target', 'unitOfMeasure'] as const;

function clean(value: string, emit: Emit): string {
  if (!hasXmlForbidden(value)) return value;
  const cleaned = removeXmlForbidden(value);
  emit(showXmlForbidden(value), cleaned, TEXT_RULES.xmlCharRemoved);
  return cleaned;
}

function cleanList(names: string[], at: (field: string) => Emit, field: string): string[] {
  let found = false;
  for (let i = 0; i < names.length && !found; i += 1) found = hasXmlForbidden(names[i]);
  if (!found) return names;
  const cleaned = names.map(removeXmlForbidden);
  at(field)(names.map(showXmlForbidden).join('\n'), cleaned.join('\n'), TEXT_RULES.xmlCharRemoved);
  return cleaned;
}

/** True when any of `names` holds a forbidden code point (each text scanned on its own). */
function listHolds(names: readonly string[]): boolean {
  for (let i = 0; i < names.length; i += 1) if (scanXmlForbidden(names[i])) return true;
  return false;
}

/**
 * One scan of the record's usual texts, each on its own (so a lone surrogate half never pairs with
 * the next text, and no joined string is built): nearly no record has anything to remove. Records
 * with milestones or extra fields go the full way.
 */
function mayHoldForbidden(record: AnyRecord): boolean {
  if (record.milestones || record.extra) return true;
  const fields = record as unknown as Record<string, unknown>;
  for (let i = 0; i < TEXT_FIELDS.length; i += 1) {
    const value = fields[TEXT_FIELDS[i]];
    // Empty texts (the merged cells of continuation rows) need no call.
    if (typeof value === 'string' && value !== '' && scanXmlForbidden(value)) return true;
  }
  if (listHolds(record.leaders) || listHolds(record.leadUnits) || listHolds(record.relatedUnits)) return true;
  if (record.deadline && scanXmlForbidden(record.deadline.text)) return true;
  const latest = record.tracking?.latest;
  if (typeof latest === 'string' && scanXmlForbidden(latest)) return true;
  return record.id ? scanXmlForbidden(record.id) : false;
}

/** Cleans `record` in place (its name lists are replaced, never changed in place). */
export function removeForbiddenChars(record: AnyRecord, emit: (field: string) => Emit): void {
  if (!mayHoldForbidden(record)) return;
  const fields = record as unknown as Record<string, unknown>;
  // Indexed loops: this runs for every record, much of it before the code is optimised.
  for (let i = 0; i < TEXT_FIELDS.length; i += 1) {
    const field = TEXT_FIELDS[i];
    const value = fields[field];
    if (typeof value === 'string' && hasXmlForbidden(value)) fields[field] = clean(value, emit(field));
  }
  record.leaders = cleanList(record.leaders, emit, 'leaders');
  record.leadUnits = cleanList(record.leadUnits, emit, 'leadUnits');
  record.relatedUnits = cleanList(record.relatedUnits, emit, 'relatedUnits');
  cleanAddedFields(record, emit);
}

function cleanAddedFields(record: AnyRecord, emit: (field: string) => Emit): void {
  if (record.deadline && hasXmlForbidden(record.deadline.text)) record.deadline = { ...record.deadline, text: clean(record.deadline.text, emit('deadline')) };
  if (record.milestones?.some((m) => hasXmlForbidden(m.label) || hasXmlForbidden(m.text))) {
    record.milestones = record.milestones.map((m) => ({ label: clean(m.label, emit('milestones')), text: clean(m.text, emit('milestones')) }));
  }
  if (record.extra && Object.entries(record.extra).some(([k, v]) => hasXmlForbidden(k) || hasXmlForbidden(v))) {
    const extra: Record<string, string> = {};
    for (const [k, v] of Object.entries(record.extra)) extra[clean(k, emit('extra'))] = clean(v, emit('extra'));
    record.extra = extra;
  }
  const latest = record.tracking?.latest;
  if (record.tracking && typeof latest === 'string' && hasXmlForbidden(latest)) record.tracking.latest = clean(latest, emit('latest'));
  if (record.id && hasXmlForbidden(record.id)) record.id = clean(record.id, emit('id'));
}
