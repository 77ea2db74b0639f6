"""Reads a workbook or document back with independent readers and prints what
the tests check as JSON: openpyxl for .xlsx, python-docx for .docx."""
import datetime
import json
import sys


def cell(c):
    v = c.value
    kind = type(v).__name__
    if isinstance(v, (datetime.datetime, datetime.date)):
        v = v.strftime("%Y-%m-%d")
    fill = None
    if c.fill is not None and c.fill.fill_type == "solid":
        fill = str(c.fill.fgColor.rgb)[-6:]
    return {"v": v, "t": kind, "fmt": c.number_format, "fill": fill}


def xlsx(path, values=False):
    import openpyxl
    # values: what the spreadsheet last showed (formulas' cached results).
    wb = openpyxl.load_workbook(path, data_only=values)
    out = []
    for ws in wb.worksheets:
        out.append({
            "name": ws.title,
            "freeze": ws.freeze_panes,
            "filter": ws.auto_filter.ref,
            "charts": len(ws._charts),
            "widths": {k: d.width for k, d in ws.column_dimensions.items() if d.width},
            "rows": [[cell(c) for c in row] for row in ws.iter_rows()],
        })
    return {"sheets": out}


def docx(path):
    import docx as python_docx
    from docx.oxml.ns import qn
    d = python_docx.Document(path)
    sections = [{"width": s.page_width.mm, "height": s.page_height.mm, "top": s.top_margin.mm,
                 "bottom": s.bottom_margin.mm, "left": s.left_margin.mm, "right": s.right_margin.mm,
                 "oddFooter": s.footer.paragraphs[0].text if s.footer.paragraphs else "",
                 "oddFooterXML": s.footer._element.xml,
                 "evenFooterXML": s.even_page_footer._element.xml} for s in d.sections]
    styles = {}
    for st in d.styles:
        if st.type != 1:  # paragraph styles
            continue
        rpr = st.element.rPr
        east = None
        if rpr is not None and rpr.rFonts is not None:
            east = rpr.rFonts.get(qn("w:eastAsia"))
        styles[st.name] = {"eastAsia": east, "size": st.font.size.pt if st.font.size else None,
                           "bold": bool(st.font.bold)}
    return {
        "paragraphs": [{"style": p.style.name, "text": p.text, "align": str(p.alignment)} for p in d.paragraphs],
        "tables": [[[c.text for c in r.cells] for r in t.rows] for t in d.tables],
        "sections": sections,
        "styles": styles,
        "evenAndOdd": d.settings.odd_and_even_pages_header_footer,
    }


if __name__ == "__main__":
    kind, path = sys.argv[1], sys.argv[2]
    if kind == "docx":
        out = docx(path)
    else:
        out = xlsx(path, values=kind == "xlsx-values")
    print(json.dumps(out, ensure_ascii=False))
