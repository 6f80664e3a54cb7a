"""Prints, as JSON, how openpyxl sees each visible sheet's print settings and header row (defect 15)."""
import json
import sys

import openpyxl

book = openpyxl.load_workbook(sys.argv[1])
out = {}
for ws in book.worksheets:
    if ws.sheet_state != 'visible':
        continue
    header_row = int(str(ws.print_title_rows).split(':')[0].lstrip('$')) if ws.print_title_rows else None
    header = []
    if header_row:
        for cell in ws[header_row]:
            if cell.value is None:
                continue
            fill = cell.fill.fgColor.rgb if cell.fill and cell.fill.fill_type == 'solid' else None
            header.append({'text': cell.value, 'bold': bool(cell.font.b), 'fill': fill, 'note': cell.comment.text if cell.comment else None, 'width': ws.column_dimensions[cell.column_letter].width})
    out[ws.title] = {
        'orientation': ws.page_setup.orientation,
        'paperSize': int(ws.page_setup.paperSize) if ws.page_setup.paperSize else None,
        'fitToPage': bool(ws.sheet_properties.pageSetUpPr and ws.sheet_properties.pageSetUpPr.fitToPage),
        'fitToWidth': ws.page_setup.fitToWidth,
        'fitToHeight': ws.page_setup.fitToHeight,
        'titleRows': ws.print_title_rows,
        'titleCols': ws.print_title_cols,
        'header': header,
    }
print(json.dumps(out, ensure_ascii=False))
