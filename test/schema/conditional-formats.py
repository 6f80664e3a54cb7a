"""Prints, as JSON, the conditional formats openpyxl reads from each sheet of an .xlsx:
{sheet: [{"range": "T2:V89", "type": "expression", "formula": ["$V2=\"红\""], "fill": "FFF8CBAD"}]}."""
import json
import sys

import openpyxl

book = openpyxl.load_workbook(sys.argv[1])
out = {}
for sheet in book.worksheets:
    rules = []
    for cf in sheet.conditional_formatting:
        for rule in cf.rules:
            fill = None
            if rule.dxf is not None and rule.dxf.fill is not None:
                colour = rule.dxf.fill.bgColor if rule.dxf.fill.bgColor is not None and rule.dxf.fill.bgColor.rgb not in (None, '00000000') else rule.dxf.fill.fgColor
                fill = colour.rgb if colour is not None else None
            rules.append({"range": str(cf.sqref), "type": rule.type, "formula": list(rule.formula or []), "fill": fill})
    out[sheet.title] = rules
print(json.dumps(out, ensure_ascii=False))
