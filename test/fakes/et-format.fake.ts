/**
 * FormatConditions of the fake ET Range: Add(Type, Operator, Formula1) returns an object whose
 * Interior.Color and Font.* write into the stored condition, as in the VBA object model.
 */
import { rectsIntersect, type CellRect } from './et-a1';
import type { EtColorScaleLike, EtDatabarLike, EtFormatConditionLike, EtFormatConditionsLike } from '../../src/hosts/wps/wps-api';
import type { FakeCondition, FakeEtCore, FakeSheetData } from './et-sheet.fake';

function conditionObject(core: FakeEtCore, data: FakeSheetData, cond: FakeCondition): EtFormatConditionLike {
  const record = (method: string) => core.record({ method, sheet: data.name });
  return {
    Interior: {
      get Color() {
        return cond.interiorColor ?? 0xffffff;
      },
      set Color(v: number) {
        record('FormatCondition.Interior.Color');
        cond.interiorColor = v;
      },
    },
    Font: {
      get Color() {
        return cond.fontColor ?? 0;
      },
      set Color(v: number) {
        record('FormatCondition.Font.Color');
        cond.fontColor = v;
      },
      get Bold() {
        return cond.bold ?? false;
      },
      set Bold(v: boolean) {
        record('FormatCondition.Font.Bold');
        cond.bold = v;
      },
      Italic: false,
    },
  };
}

function databarObject(cond: FakeCondition): EtDatabarLike {
  return {
    BarColor: {
      get Color() {
        return cond.barColor ?? 0;
      },
      set Color(v: number) {
        cond.barColor = v;
      },
    },
    MinPoint: { Modify: (type: number, value?: number) => void (cond.minPoint = { type, value }) },
    MaxPoint: { Modify: (type: number, value?: number) => void (cond.maxPoint = { type, value }) },
  };
}

function colorScaleObject(cond: FakeCondition, count: number): EtColorScaleLike {
  cond.scale = Array.from({ length: count }, () => ({ type: 1 }));
  const criterion = (i: number) => {
    const c = cond.scale?.[i - 1];
    if (!c) throw new Error(`fake ET: no colour scale criterion ${i}`);
    return {
      get Type() {
        return c.type;
      },
      set Type(v: number) {
        c.type = v;
      },
      get Value() {
        return c.value;
      },
      set Value(v: number | undefined) {
        c.value = v;
      },
      FormatColor: {
        get Color() {
          return c.color ?? 0;
        },
        set Color(v: number) {
          c.color = v;
        },
      },
    };
  };
  return { ColorScaleCriteria: { Count: count, Item: (i: number | string) => criterion(Number(i)) } };
}

export function createFormatConditions(core: FakeEtCore, data: FakeSheetData, rect: CellRect): EtFormatConditionsLike {
  const inRange = () => data.conditions.filter((c) => rectsIntersect(c.rect, rect));
  const push = (cond: FakeCondition) => {
    data.conditions.push(cond);
    return cond;
  };
  const conditions: EtFormatConditionsLike = {
    get Count() {
      return inRange().length;
    },
    Item(index: number | string) {
      const cond = inRange()[Number(index) - 1];
      if (!cond) throw new Error(`fake ET: no format condition ${index}`);
      return conditionObject(core, data, cond);
    },
    Add(type: number, operator?: number, formula1?: string) {
      core.record({ method: 'FormatConditions.Add', sheet: data.name });
      if (type === 1 && operator === undefined) throw new Error('fake ET: xlCellValue needs an Operator');
      if (type === 2 && !String(formula1 ?? '').startsWith('=')) throw new Error('fake ET: xlExpression needs a formula starting with =');
      if (type !== 1 && type !== 2) throw new Error(`fake ET: FormatConditions.Add type ${type} not supported`);
      return conditionObject(core, data, push({ rect: { ...rect }, type, operator, formula1 }));
    },
    Delete() {
      core.record({ method: 'FormatConditions.Delete', sheet: data.name });
      data.conditions = data.conditions.filter((c) => !rectsIntersect(c.rect, rect));
    },
  };
  if (!core.options.noDatabar) {
    conditions.AddDatabar = () => {
      core.record({ method: 'FormatConditions.AddDatabar', sheet: data.name });
      return databarObject(push({ rect: { ...rect }, type: 4 }));
    };
    conditions.AddColorScale = (count: number) => {
      core.record({ method: 'FormatConditions.AddColorScale', sheet: data.name });
      return colorScaleObject(push({ rect: { ...rect }, type: 3 }), count);
    };
  }
  return conditions;
}
