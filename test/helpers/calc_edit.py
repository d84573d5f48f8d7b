"""Edits a workbook in LibreOffice Calc as a person would, then recalculates and saves it as .xlsx.

usage: calc_edit.py PROFILE_DIR INPUT.xlsx EDITS.json OUTPUT.xlsx

EDITS.json is a list of
  {"kind": "set", "sheet": "进度填报", "cell": "J5", "value": 12 | "完成" | null}
  {"kind": "sort", "sheet": "进度填报", "range": "A3:T40", "column": 9, "ascending": true}
A number is entered as a number, text as text, null clears the cell. A sort orders the rows of the
range by one of its columns (0-based), moving only the range's cells, as Calc's Data > Sort does.
"""

import json
import os
import subprocess
import sys
import time

import uno
from com.sun.star.beans import PropertyValue

# VALUE | DATETIME | STRING | FORMULA: what Delete removes from a cell, leaving its format.
CLEAR_CONTENTS = 1 | 2 | 4 | 16


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def connect(pipe):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(240):
        try:
            return resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
        except Exception:  # LibreOffice is still starting: the pipe is not there yet.
            time.sleep(0.25)
    raise SystemExit("LibreOffice did not start")


def sort(cells, column, ascending):
    field = uno.createUnoStruct("com.sun.star.table.TableSortField")
    field.Field = column
    field.IsAscending = ascending
    descriptor = cells.createSortDescriptor()
    for p in descriptor:
        if p.Name == "SortFields":
            p.Value = uno.Any("[]com.sun.star.table.TableSortField", (field,))
        elif p.Name == "ContainsHeader":
            p.Value = False
    uno.invoke(cells, "sort", (descriptor,))


def apply(document, edit):
    sheet = document.Sheets.getByName(edit["sheet"])
    if edit["kind"] == "set":
        cell = sheet.getCellRangeByName(edit["cell"])
        value = edit["value"]
        if value is None:
            cell.clearContents(CLEAR_CONTENTS)
        elif isinstance(value, (int, float)):
            cell.setValue(value)
        else:
            cell.setString(value)
    elif edit["kind"] == "sort":
        sort(sheet.getCellRangeByName(edit["range"]), edit["column"], edit["ascending"])
    else:
        raise SystemExit(f"unknown edit {edit['kind']}")


def main():
    profile, source, edits_path, target = sys.argv[1:5]
    pipe = f"duban_edit_{os.getpid()}"
    office = subprocess.Popen(
        [
            "soffice",
            f"-env:UserInstallation={uno.systemPathToFileUrl(os.path.abspath(profile))}",
            "--headless",
            "--invisible",
            "--norestore",
            "--nologo",
            f"--accept=pipe,name={pipe};urp;StarOffice.ComponentContext",
        ]
    )
    try:
        context = connect(pipe)
        desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
        url = uno.systemPathToFileUrl(os.path.abspath(source))
        document = desktop.loadComponentFromURL(url, "_blank", 0, (prop("Hidden", True),))
        with open(edits_path, encoding="utf-8") as f:
            for edit in json.load(f):
                apply(document, edit)
        document.calculateAll()
        document.storeToURL(
            uno.systemPathToFileUrl(os.path.abspath(target)),
            (prop("FilterName", "Calc MS Excel 2007 XML"),),
        )
        document.close(True)
        try:
            desktop.terminate()
        except Exception:  # The bridge closes as LibreOffice quits; that is the expected end.
            pass
    finally:
        try:
            office.wait(timeout=60)
        except subprocess.TimeoutExpired:
            office.kill()


if __name__ == "__main__":
    main()
