/** The package's small parts: content types, relationships, workbook, tables, notes and their VML. */
import { columnLetter, type SheetPlan } from '../../core/index';
import { SHEET_RELS, type Note, type SheetPrep } from './xlsx-sheet.writer';
import { escapeAttr, escapeText, XML_HEAD } from './xlsx-xml.codec';

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml';

export interface PackageSheet {
  prep: SheetPrep;
  /** 1-based part number: xl/worksheets/sheet{n}.xml. */
  n: number;
  /** Workbook-wide table id, when the sheet has a table. */
  tableId?: number;
}

function rel(id: string, type: string, target: string): string {
  return `<Relationship Id="${id}" Type="${type}" Target="${escapeAttr(target)}"/>`;
}

function rels(items: string[]): string {
  return `${XML_HEAD}<Relationships xmlns="${PKG_RELS}">${items.join('')}</Relationships>`;
}

export function contentTypesXml(sheets: PackageSheet[]): string {
  const overrides = [
    `<Override PartName="/xl/workbook.xml" ContentType="${CT}.sheet.main+xml"/>`,
    `<Override PartName="/xl/styles.xml" ContentType="${CT}.styles+xml"/>`,
    `<Override PartName="/xl/sharedStrings.xml" ContentType="${CT}.sharedStrings+xml"/>`,
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>',
    '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>',
  ];
  for (const s of sheets) {
    overrides.push(`<Override PartName="/xl/worksheets/sheet${s.n}.xml" ContentType="${CT}.worksheet+xml"/>`);
    if (s.tableId !== undefined) overrides.push(`<Override PartName="/xl/tables/table${s.tableId}.xml" ContentType="${CT}.table+xml"/>`);
    if (s.prep.notes.length > 0) overrides.push(`<Override PartName="/xl/comments${s.n}.xml" ContentType="${CT}.comments+xml"/>`);
  }
  return `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>${overrides.join('')}</Types>`;
}

export function rootRelsXml(): string {
  return rels([
    rel('rId1', `${R}/officeDocument`, 'xl/workbook.xml'),
    rel('rId2', 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties', 'docProps/core.xml'),
    rel('rId3', `${R}/extended-properties`, 'docProps/app.xml'),
  ]);
}

export function corePropsXml(): string {
  return `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>fenjie</dc:creator></cp:coreProperties>`;
}

export function appPropsXml(): string {
  return `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>fenjie</Application></Properties>`;
}

export function workbookXml(sheets: PackageSheet[], printTitles: (string | null)[]): string {
  const active = Math.max(0, sheets.findIndex((s) => s.prep.visible));
  const entries = sheets.map((s) => {
    const state = s.prep.sheet.visibility && s.prep.sheet.visibility !== 'visible' ? ` state="${s.prep.sheet.visibility}"` : '';
    return `<sheet name="${escapeAttr(s.prep.sheet.name)}"${state} sheetId="${s.n}" r:id="rId${s.n}"/>`;
  });
  const names = printTitles.map((t, i) => (t ? `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${escapeText(t)}</definedName>` : '')).join('');
  return `${XML_HEAD}<workbook xmlns="${NS}" xmlns:r="${R}"><workbookPr/><bookViews><workbookView xWindow="0" yWindow="0" windowWidth="20000" windowHeight="12000" activeTab="${active}"/></bookViews><sheets>${entries.join('')}</sheets>${names ? `<definedNames>${names}</definedNames>` : ''}<calcPr calcId="191029" fullCalcOnLoad="1"/></workbook>`;
}

export function workbookRelsXml(sheets: PackageSheet[]): string {
  const n = sheets.length;
  return rels([
    ...sheets.map((s) => rel(`rId${s.n}`, `${R}/worksheet`, `worksheets/sheet${s.n}.xml`)),
    rel(`rId${n + 1}`, `${R}/styles`, 'styles.xml'),
    rel(`rId${n + 2}`, `${R}/sharedStrings`, 'sharedStrings.xml'),
  ]);
}

/** The worksheet's own relationships, or null when it has none. */
export function sheetRelsXml(s: PackageSheet): string | null {
  const items: string[] = [];
  if (s.tableId !== undefined) items.push(rel(SHEET_RELS.table, `${R}/table`, `../tables/table${s.tableId}.xml`));
  if (s.prep.notes.length > 0) {
    items.push(rel(SHEET_RELS.comments, `${R}/comments`, `../comments${s.n}.xml`));
    items.push(rel(SHEET_RELS.vml, `${R}/vmlDrawing`, `../drawings/vmlDrawing${s.n}.vml`));
  }
  return items.length > 0 ? rels(items) : null;
}

export function tableXml(sheet: SheetPlan, id: number, headerRow: number): string {
  const name = escapeAttr(sheet.table?.name ?? `Table${id}`);
  const ref = `A${headerRow}:${columnLetter(sheet.columns.length)}${headerRow + sheet.rows.length}`;
  const columns = sheet.columns.map((c, i) => `<tableColumn id="${i + 1}" name="${escapeAttr(c.header)}"/>`).join('');
  const style = escapeAttr(sheet.table?.style ?? 'TableStyleMedium2');
  return `${XML_HEAD}<table xmlns="${NS}" id="${id}" name="${name}" displayName="${name}" ref="${ref}" totalsRowShown="0"><autoFilter ref="${ref}"/><tableColumns count="${sheet.columns.length}">${columns}</tableColumns><tableStyleInfo name="${style}" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`;
}

function commentText(text: string): string {
  return `<text><r><rPr><sz val="9"/><rFont val="Tahoma"/><family val="2"/></rPr><t xml:space="preserve">${escapeText(text)}</t></r></text>`;
}

export function commentsXml(notes: Note[]): string {
  const list = notes.map((n) => `<comment ref="${n.ref}" authorId="0">${commentText(n.text)}</comment>`).join('');
  return `${XML_HEAD}<comments xmlns="${NS}"><authors><author>fenjie</author></authors><commentList>${list}</commentList></comments>`;
}

/** Shape ids come in blocks of 1024 per drawing (`o:idmap`); a sheet takes as many blocks as it needs. */
export function vmlBlocks(notes: number): number {
  return Math.max(1, Math.ceil(notes / 1024));
}

/** The legacy drawing Excel needs to show notes: one hidden text box per note; `drawing` is its first id block. */
export function vmlXml(notes: Note[], drawing: number): string {
  const blocks = Array.from({ length: vmlBlocks(notes.length) }, (_, i) => drawing + i).join(',');
  const shapes = notes.map((n, i) => {
    const anchor = `${n.col}, 15, ${Math.max(n.row - 2, 0)}, 10, ${n.col + 2}, 15, ${n.row + 3}, 4`;
    return `<v:shape id="_x0000_s${drawing * 1024 + i + 1}" type="#_x0000_t202" style="position:absolute;margin-left:80pt;margin-top:2pt;width:160pt;height:60pt;z-index:${i + 1};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto"><v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox><x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${anchor}</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>${n.row - 1}</x:Row><x:Column>${n.col - 1}</x:Column></x:ClientData></v:shape>`;
  });
  return `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${blocks}"/></o:shapelayout><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>${shapes.join('')}</xml>`;
}

