"""Second, independent reader for fenjie's outputs: openpyxl (and pandas) for .xlsx, python-docx
for .docx. Prints one JSON object per file so the jest side can compare values."""
import json
import sys


def read_xlsx(path):
    import openpyxl
    import pandas
    book = openpyxl.load_workbook(path, data_only=False)
    sheets = {}
    for ws in book.worksheets:
        rows = []
        for row in ws.iter_rows(values_only=True):
            rows.append([None if v is None else (v if isinstance(v, (int, float, bool)) else str(v)) for v in row])
        sheets[ws.title] = rows
    frames = pandas.read_excel(path, sheet_name=None, header=None)
    return {"kind": "xlsx", "sheets": sheets, "pandasSheets": sorted(frames.keys())}


def read_docx(path):
    import docx
    document = docx.Document(path)
    tables = []
    for table in document.tables:
        tables.append([[cell.text for cell in row.cells] for row in table.rows])
    paragraphs = [p.text for p in document.paragraphs]
    return {"kind": "docx", "tables": tables, "paragraphs": paragraphs}


def main():
    out = {}
    for path in sys.argv[1:]:
        try:
            out[path] = read_xlsx(path) if path.endswith(".xlsx") else read_docx(path)
        except Exception as error:  # reported to the test, which fails on it
            out[path] = {"error": "%s: %s" % (type(error).__name__, error)}
    json.dump(out, sys.stdout, ensure_ascii=False)


main()
