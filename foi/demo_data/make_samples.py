"""Generate the sample replies `foi demo` imports. Run once, commit the output:

    python foi/demo_data/make_samples.py

It writes `replies/*.eml` (what twelve police FOI teams sent back to the demo batch `cautions`)
and `expected.json` (the figures inside the attachments, the statuses the replies should
produce). `foi demo` only reads those files, so fpdf2 (a test extra) is needed here and never at
run time. The output is deterministic: fixed dates, Message-IDs, MIME boundaries, file
timestamps and a seeded random generator for the numbers.

`FIGURES` is the single source of truth: every attachment is drawn from it and the demo's test
compares what `foi parse` stores with `expected.json`, its copy.
"""

from __future__ import annotations

import csv
import io
import json
import random
import re
import zipfile
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path
from typing import Any

# The demo's batch, what it asks for (quoted back in some replies) and its timeline.
from foi.demo import BATCH, DEFAULT_TODAY, SENT_ON, VARS

HERE = Path(__file__).resolve().parent
REPLIES = HERE / "replies"
FORCES_CSV = HERE.parent / "data" / "police-forces.csv"

ME = "Demo Reporter <demo@example.org>"
FIXED = datetime(2026, 10, 20, 9, 0, 0)
BST = timezone(timedelta(hours=1))  # British Summer Time ends on 25 October 2026
GMT = UTC

YEARS = ["2019/20", "2020/21", "2021/22", "2022/23", "2023/24"]
OFFENCES = [
    "Rape of a female aged 16 and over",
    "Sexual assault on a female aged 13 and over",
    "Assault without injury",
    "Possession of article with blade or point",
    "Shoplifting",
    "Possession of cannabis",
]
OUTCOMES = ["Adult caution", "Youth caution", "Community resolution"]
# A mid-sized force's yearly count for each offence and outcome in 2019/20.
BASE = {
    "Rape of a female aged 16 and over": (4.0, 0.6, 0.4),
    "Sexual assault on a female aged 13 and over": (16.0, 7.0, 10.0),
    "Assault without injury": (170.0, 38.0, 430.0),
    "Possession of article with blade or point": (24.0, 19.0, 5.0),
    "Shoplifting": (98.0, 22.0, 215.0),
    "Possession of cannabis": (185.0, 41.0, 660.0),
}
# Cautions have fallen year on year while community resolutions held up.
TREND = {
    "Adult caution": (1.0, 0.88, 0.81, 0.74, 0.69),
    "Youth caution": (1.0, 0.84, 0.78, 0.70, 0.64),
    "Community resolution": (1.0, 0.97, 0.95, 0.91, 0.89),
}
SCALE = {"durham": 0.55, "northumbria": 1.25, "cleveland": 0.62, "cumbria": 0.45}
# How each force shows a figure of 1 to 4; None: it shows them as they are.
MARKER = {"durham": "*", "northumbria": "*", "cleveland": "<5", "cumbria": None}


def _figures(slug: str) -> list[dict[str, Any]]:
    rng = random.Random(f"foi-demo-{slug}")
    rows = []
    for offence in OFFENCES:
        for y, year in enumerate(YEARS):
            for o, outcome in enumerate(OUTCOMES):
                mean = BASE[offence][o] * SCALE[slug] * TREND[outcome][y]
                value = max(0, round(rng.gauss(mean, max(0.9, mean * 0.1))))
                marker = MARKER[slug]
                hidden = marker is not None and 1 <= value <= 4
                rows.append({"period": year, "offence": offence, "outcome": outcome, "value": value,
                             "shown": marker if hidden else str(value)})
    return rows


FIGURES: dict[str, list[dict[str, Any]]] = {slug: _figures(slug) for slug in SCALE}


def figure(slug: str, offence: str, year: str, outcome: str) -> dict[str, Any]:
    for row in FIGURES[slug]:
        if (row["offence"], row["period"], row["outcome"]) == (offence, year, outcome):
            return row
    raise KeyError((slug, offence, year, outcome))


def load_forces() -> dict[str, dict[str, str]]:
    with open(FORCES_CSV, newline="", encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh) if r["group"] == "england-wales"]
    return {row["slug"]: row | {"seq": f"{seq:04d}"} for seq, row in enumerate(sorted(rows, key=lambda r: r["slug"]),
                                                                              start=1)}


FORCES = load_forces()


def ref(slug: str) -> str:
    """Our reference for the force, as `foi batch create cautions --to all` numbers them."""
    return f"FOI-CAUTIONS-{FORCES[slug]['seq']}"


# --------------------------------------------------------------------------------------------
# Attachments


def _fix_zip_times(data: bytes) -> bytes:
    """Office files are zips stamped with the current time: pin every timestamp."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            content = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*", rb"\g<1>2026-10-20T09:00:00Z",
                                 content)
            dst.writestr(fixed, content)
    return out.getvalue()


def durham_xlsx() -> bytes:
    """A title block, years merged across outcome sub-headers, offences as rows, a Total row."""
    import openpyxl
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "FOI 874-26"
    bold = Font(bold=True)
    ws["A1"], ws["A1"].font = "Durham Constabulary", Font(bold=True, size=14)
    ws["A2"] = "Freedom of Information Request 874/26"
    ws["A3"] = "Outcomes recorded for selected offences, financial years 2019/20 to 2023/24"
    ws["A4"] = "Source: Red Sigma crime recording system, extracted 20/10/2026"
    head, sub = 6, 7
    ws.cell(head, 1, "Offence").font = bold
    ws.merge_cells(start_row=head, start_column=1, end_row=sub, end_column=1)
    fill = PatternFill("solid", fgColor="DDEBF7")
    thin = Side(style="thin", color="999999")
    for y, year in enumerate(YEARS):
        col = 2 + y * len(OUTCOMES)
        cell = ws.cell(head, col, year)
        cell.font, cell.alignment, cell.fill = bold, Alignment(horizontal="center"), fill
        ws.merge_cells(start_row=head, start_column=col, end_row=head, end_column=col + len(OUTCOMES) - 1)
        for o, outcome in enumerate(OUTCOMES):
            c = ws.cell(sub, col + o, outcome)
            c.font, c.alignment, c.fill = bold, Alignment(wrap_text=True, horizontal="center"), fill
    totals = [0] * (len(YEARS) * len(OUTCOMES))
    for r, offence in enumerate(OFFENCES, start=sub + 1):
        ws.cell(r, 1, offence)
        for y, year in enumerate(YEARS):
            for o, outcome in enumerate(OUTCOMES):
                fig = figure("durham", offence, year, outcome)
                i = y * len(OUTCOMES) + o
                totals[i] += fig["value"]
                cell = ws.cell(r, 2 + i, fig["value"] if fig["shown"] == str(fig["value"]) else fig["shown"])
                cell.alignment = Alignment(horizontal="right")
                cell.border = Border(top=thin, bottom=thin, left=thin, right=thin)
    total_row = sub + len(OFFENCES) + 1
    ws.cell(total_row, 1, "Total").font = bold
    for i, value in enumerate(totals):
        ws.cell(total_row, 2 + i, value).font = bold
    ws.cell(total_row + 2, 1, "* Figures of fewer than five have been suppressed to reduce the risk of "
                               "identifying individuals. Totals include the suppressed figures.")
    ws.column_dimensions["A"].width = 44
    ws.row_dimensions[sub].height = 30
    wb.properties.created = wb.properties.modified = FIXED
    wb.properties.creator = "Durham Constabulary FOI Unit"
    buf = io.BytesIO()
    wb.save(buf)
    return _fix_zip_times(buf.getvalue())


def cleveland_csv() -> bytes:
    """Long format in Windows-1252 (Excel's 'CSV' on a council PC), with '<5' and a note."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(["Year", "Offence", "Outcome", "Count"])
    for row in FIGURES["cleveland"]:
        writer.writerow([row["period"], row["offence"], row["outcome"], row["shown"]])
    writer.writerow([])
    writer.writerow(["Note: counts of 1 to 4 are shown as <5 \u2013 Cleveland Police FOI 2026/00912, "
                     "data extracted 23/10/2026"])
    return buf.getvalue().encode("cp1252")


def cumbria_docx() -> bytes:
    """A Word reply: the letter, then a table with the years as columns."""
    import docx
    from docx.shared import Pt

    doc = docx.Document()
    doc.add_heading("Cumbria Constabulary", level=1)
    for text in (
        "Freedom of Information Request FOI-2026-1187",
        "Dear Demo Reporter,",
        "Your request for information reached us on 1 October 2026. Cumbria Constabulary holds what you "
        "asked for, and the figures are in the table below.",
    ):
        doc.add_paragraph(text)
    table = doc.add_table(rows=1, cols=2 + len(YEARS))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ["Offence", "Outcome", *YEARS], strict=True):
        cell.text = text
        cell.paragraphs[0].runs[0].bold = True
    for offence in OFFENCES:
        for outcome in OUTCOMES:
            cells = table.add_row().cells
            cells[0].text, cells[1].text = offence, outcome
            for y, year in enumerate(YEARS):
                cells[2 + y].text = figure("cumbria", offence, year, outcome)["shown"]
    for row in table.rows:
        for cell in row.cells:
            for run in cell.paragraphs[0].runs:
                run.font.size = Pt(9)
    doc.add_paragraph("")
    doc.add_paragraph("The figures are taken from the force's crime recording system and may change as "
                      "investigations conclude.")
    doc.add_paragraph("Yours sincerely,")
    doc.add_paragraph("Freedom of Information Officer, Cumbria Constabulary")
    props = doc.core_properties
    props.created = props.modified = FIXED
    props.author = props.last_modified_by = "Cumbria FOI"
    buf = io.BytesIO()
    doc.save(buf)
    return _fix_zip_times(buf.getvalue())


def northumbria_pdf() -> bytes:
    """A letter on page 1; the table starts on page 2 and runs onto page 3, header repeated."""
    from fpdf import FPDF
    from fpdf.fonts import FontFace

    class Letter(FPDF):
        def header(self) -> None:
            self.set_font("Helvetica", "B", 11)
            self.cell(0, 6, "NORTHUMBRIA POLICE", new_x="LMARGIN", new_y="NEXT")
            self.set_font("Helvetica", size=8)
            self.cell(0, 5, "Freedom of Information Unit", new_x="LMARGIN", new_y="NEXT")
            self.ln(4)

        def footer(self) -> None:
            self.set_y(-15)
            self.set_font("Helvetica", size=8)
            self.cell(0, 5, f"Page {self.page_no()} of {{nb}}", align="C")

    pdf = Letter(format="A4")
    pdf.set_creation_date(FIXED.replace(tzinfo=GMT))
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    letter = [
        "Our reference: 1381/26",
        "Your reference: " + ref("northumbria"),
        "3 November 2026",
        "Dear Demo Reporter,",
        "Freedom of Information Act 2000 - Request 1381/26",
        "Thank you for your request for information about caution and community resolution outcomes, "
        "which Northumbria Police received on 1 October 2026. I apologise for the delay in replying.",
        "I can confirm that Northumbria Police holds the information you requested. It is set out in "
        "Annex A, one row per financial year, offence and outcome type. Figures of fewer than five are "
        "shown as * so that individuals cannot be identified.",
        "The figures are provisional and were extracted from the force's crime recording system on "
        "28 October 2026.",
        "Yours sincerely,",
        "Disclosure Officer",
        "Freedom of Information Unit",
    ]
    for para in letter:
        pdf.multi_cell(0, 5, para)
        pdf.ln(3)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 10)
    pdf.cell(0, 6, "Annex A - Outcomes by financial year, offence and outcome type", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    pdf.set_font("Helvetica", size=8)
    with pdf.table(col_widths=(22, 88, 42, 18), line_height=4.6, first_row_as_headings=True,
                   headings_style=FontFace(emphasis="BOLD", fill_color=(230, 230, 230)),
                   text_align=("LEFT", "LEFT", "LEFT", "RIGHT"), repeat_headings=1) as table:
        table.row(["Financial year", "Offence", "Outcome", "Number"])
        for row in FIGURES["northumbria"]:
            table.row([row["period"], row["offence"], row["outcome"], row["shown"]])
    return bytes(pdf.output())


# --------------------------------------------------------------------------------------------
# Messages

MIME = {
    "xlsx": ("application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "csv": ("text", "csv"),
    "pdf": ("application", "pdf"),
    "docx": ("application", "vnd.openxmlformats-officedocument.wordprocessingml.document"),
}

RIGHTS = (
    "Should you be dissatisfied with how we dealt with your request, an internal review may be requested "
    "within 40 working days of this letter's date. If the review still leaves you unhappy, you may "
    "complain to the Information Commissioner's Office (www.ico.org.uk)."
)
DISCLAIMER = (
    "\n\n*****\nThis e-mail and any attachments are intended for the named recipient only and may be "
    "monitored. If you have received it in error, please tell the sender and delete it.\n*****"
)


def quote(slug: str) -> str:
    """Our request, quoted back below the reply the way Outlook does it."""
    return (
        "\n\n________________________________\n"
        f"From: {ME}\nSent: 01 October 2026 09:00\nTo: {FORCES[slug]['name']} FOI <{FORCES[slug]['foi_email']}>\n"
        f"Subject: Freedom of Information request {ref(slug)}\n\n"
        f"Our reference: {ref(slug)}\n\nDear Freedom of Information team,\n\n"
        "Under the Freedom of Information Act 2000, I would like to request the following information:\n\n"
        f"1. For each financial year from {VARS['first_year']} to {VARS['last_year']} inclusive, the number of "
        f"{VARS['offences']} recorded by {FORCES[slug]['name']}, broken down by Home Office offence code.\n\n"
        "2. For the same offences and years, the number that received each Home Office outcome type ...\n"
    )


@dataclass
class Reply:
    slug: str
    when: datetime
    kind: str  # the status the reply should leave the request in
    subject: str
    body: str
    force_reference: str
    attachments: list[tuple[str, bytes]] = field(default_factory=list)
    headers: dict[str, str] = field(default_factory=dict)
    sections: list[str] = field(default_factory=list)
    ncnd: bool = False
    until: str | None = None

    @property
    def file(self) -> str:
        return f"{self.when:%Y-%m-%d}-{self.slug}-{self.kind}.eml"


def re_subject(slug: str) -> str:
    return f"RE: Freedom of Information request {ref(slug)}"


def replies() -> list[Reply]:
    r: list[Reply] = []
    r.append(Reply(
        "lancashire", datetime(2026, 10, 1, 9, 1, tzinfo=BST), "auto-reply",
        f"Automatic reply: Freedom of Information request {ref('lancashire')}", force_reference="",
        headers={"Auto-Submitted": "auto-replied", "X-Auto-Response-Suppress": "All"},
        body="""Thank you for your email.

I am out of the office until Monday 12 October 2026 with no access to e-mail. Your message has
not been forwarded. For urgent matters please contact the Information Compliance Unit on
01772 614444.

Kind regards"""))
    r.append(Reply(
        "kent", datetime(2026, 10, 2, 10, 14, tzinfo=BST), "acknowledged", re_subject("kent"),
        force_reference="1412093",
        body="""Dear Demo Reporter,

Request ref 1412093

We have received your request for information and will deal with it under the Freedom of
Information Act 2000. The law gives Kent Police 20 working days from receipt to reply, and we
aim to respond to you by Thursday 29 October 2026.

Please quote the reference above in any correspondence about this request.

Kent Police \u2013 Freedom of Information Unit""" + DISCLAIMER + quote("kent")))
    r.append(Reply(
        "essex", datetime(2026, 10, 5, 14, 2, tzinfo=BST), "acknowledged",
        f"FOI request {ref('essex')} - our reference EP/FOI/4821/26", force_reference="EP/FOI/4821/26",
        body="""Dear Demo Reporter,

Freedom of Information Request Reference No: EP/FOI/4821/26

Thank you for your request for information, which reached us on 01/10/2026. We are handling
it under the Freedom of Information Act 2000 and you will receive a reply within twenty working
days.

Please give the reference above whenever you write to us about this request.

Yours sincerely,

Information Rights Team
Essex Police"""))
    r.append(Reply(
        "metropolitan", datetime(2026, 10, 14, 16, 40, tzinfo=BST), "refused",
        re_subject("metropolitan") + " [Ref: 01/FOI/26/051234]", force_reference="01/FOI/26/051234",
        sections=["12(1)"],
        body="""Dear Demo Reporter,

Freedom of Information Request Reference No: 01/FOI/26/051234

Your request for information reached the Metropolitan Police Service (MPS) on 01/10/2026.

DECISION

The MPS cannot supply what you asked for, because doing so would go over the cost
limit in section 12(1) of the Act. Outcomes are recorded against each crime report on the
CRIS system; producing the breakdown you asked for, for five financial years and six
offence types across 32 boroughs, would require a manual review of several thousand records,
well beyond the appropriate limit of \u00a3450 (18 hours).

ADVICE AND ASSISTANCE

To help you under section 16, we suggest you narrow your request, for example to a single
financial year or to adult cautions alone, which we may be able to answer within the limit.

""" + RIGHTS + """

Yours sincerely,

Information Rights Unit
Metropolitan Police Service""" + DISCLAIMER))
    r.append(Reply(
        "sussex", datetime(2026, 10, 20, 11, 25, tzinfo=BST), "refused", re_subject("sussex"),
        force_reference="2026/1432", sections=["23(5)", "24(2)", "31(3)"], ncnd=True,
        body="""Dear Demo Reporter,

Reference: 2026/1432

Sussex Police will neither confirm nor deny holding any information your request covers,
because sections 23(5), 24(2) and 31(3) remove the duty in section 1(1)(a) of the
Act. To confirm or deny whether any of the offences you list were dealt with by out-of-court
disposal in cases involving bodies dealing with security matters would itself disclose exempt
information.

Sections 24(2) and 31(3) are qualified exemptions and we have considered the public interest.
The public interest in neither confirming nor denying outweighs that in confirmation or denial.

""" + RIGHTS + """

Yours sincerely,

Public Access Team, Sussex Police"""))
    r.append(Reply(
        "cumbria", datetime(2026, 10, 22, 12, 5, tzinfo=BST), "responded", re_subject("cumbria"),
        force_reference="FOI-2026-1187",
        attachments=[("FOI-2026-1187 response.docx", cumbria_docx())],
        body="""Dear Demo Reporter,

Freedom of Information request FOI-2026-1187

Please find attached our response to your request, with the figures in a table.

""" + RIGHTS + """

Regards,
Cumbria Constabulary Freedom of Information"""))
    r.append(Reply(
        "cleveland", datetime(2026, 10, 26, 9, 48, tzinfo=GMT), "responded", re_subject("cleveland"),
        force_reference="2026/00912",
        attachments=[("Outcomes 2019-2024.csv", cleveland_csv())],
        body="""Dear Demo Reporter,

Our ref: 2026/00912

I am pleased to provide the attached spreadsheet in answer to your request: one row per year,
offence and outcome type, as you asked. Counts of fewer than five are shown as <5.

""" + RIGHTS + """

Cleveland Police Freedom of Information Unit""" + quote("cleveland")))
    r.append(Reply(
        "durham", datetime(2026, 10, 27, 15, 31, tzinfo=GMT), "responded", re_subject("durham"),
        force_reference="874/26",
        attachments=[("FOI 874-26 Outcomes.xlsx", durham_xlsx())],
        body="""Dear Demo Reporter,

Freedom of Information Request Reference No: 874/26

Please find attached the information you requested, broken down by financial year, offence and
outcome type. Figures below five have been replaced with an asterisk.

""" + RIGHTS + """

With best wishes,

Durham Constabulary FOI Team"""))
    r.append(Reply(
        "west-yorkshire", datetime(2026, 10, 28, 13, 12, tzinfo=GMT), "refused", re_subject("west-yorkshire"),
        force_reference="FOI/2026/10457", sections=["40(2)"],
        body="""Dear Demo Reporter,

Our reference: FOI/2026/10457

West Yorkshire Police holds the information you requested. However, we are withholding it
under section 40(2) of the Act (personal information). Many of the counts, broken down by
offence, outcome and year, are small enough that, combined with information already in the
public domain such as local press reports, they could identify the individuals who received a
caution. Disclosure would breach the first data protection principle.

As section 40(2) is absolute, there is no public interest test to apply.

""" + RIGHTS + """

West Yorkshire Police Information Management"""))
    r.append(Reply(
        "essex", datetime(2026, 10, 28, 16, 2, tzinfo=GMT), "extended",
        "FOI EP/FOI/4821/26 - extension of time", force_reference="EP/FOI/4821/26", sections=[],
        until="2026-11-26",
        body="""Dear Demo Reporter,

Freedom of Information Request Reference No: EP/FOI/4821/26

We are considering the application of the exemption at section 31 (law enforcement) to part of
the information. Section 31 is a qualified exemption and we must consider the public interest.
Section 10(3) of the Act lets us take a reasonable extra period
to do so.

We will therefore respond by 26 November 2026. We apologise for any inconvenience.

Yours sincerely,
Information Rights Team, Essex Police"""))
    r.append(Reply(
        "northumbria", datetime(2026, 11, 3, 10, 20, tzinfo=GMT), "responded", re_subject("northumbria"),
        force_reference="1381/26",
        attachments=[("Response 1381-26.pdf", northumbria_pdf())],
        body="""Good morning,

Please see the attached reply to your Freedom of Information request, reference 1381/26.


Kind regards,
Freedom of Information Unit
Northumbria Police"""))
    r.append(Reply(
        "gwent", datetime(2026, 11, 9, 11, 55, tzinfo=GMT), "not-held", re_subject("gwent"),
        force_reference="GP/FOI/2026/512",
        body="""Dear Demo Reporter,

Reference: GP/FOI/2026/512

Following searches of our systems I can confirm that Gwent Police does not hold the information
you requested. Outcomes were migrated to a new records management system in 2023 without the
outcome types for earlier years, and the force does not hold outcome data in the form you asked
for.

""" + RIGHTS + """

Information Access Team, Gwent Police"""))
    return r


def build(reply: Reply, n: int) -> EmailMessage:
    force = FORCES[reply.slug]
    msg = EmailMessage()
    msg["From"] = f"{force['name']} Freedom of Information <{force['foi_email']}>"
    msg["To"] = ME
    msg["Subject"] = reply.subject
    msg["Date"] = format_datetime(reply.when)
    domain = force["foi_email"].split("@", 1)[1].lower()
    msg["Message-ID"] = f"<demo-{n:02d}.{reply.slug}@{domain}>"
    for key, value in reply.headers.items():
        msg[key] = value
    msg.set_content(reply.body)
    for name, data in reply.attachments:
        maintype, subtype = MIME[name.rsplit(".", 1)[1].lower()]
        msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    for i, part in enumerate(msg.walk()):
        if part.is_multipart():
            part.set_boundary(f"==foi-demo-{n:02d}-{i}==")  # the default is random
    return msg


def expected(all_replies: list[Reply]) -> dict[str, Any]:
    last: dict[str, Reply] = {}
    for reply in all_replies:
        if reply.kind != "auto-reply":
            last[reply.slug] = reply
    return {
        "batch": BATCH, "sent_on": SENT_ON.isoformat(), "today": DEFAULT_TODAY.isoformat(), "forces": len(FORCES),
        "replies": [{"file": r.file, "body": r.slug, "reference": ref(r.slug), "kind": r.kind,
                     "force_reference": r.force_reference or None, "sections": r.sections, "ncnd": r.ncnd,
                     "until": r.until, "attachments": [name for name, _ in r.attachments]} for r in all_replies],
        # The status each answering force is left in (the others are overdue on DEFAULT_TODAY).
        "statuses": {slug: reply.kind for slug, reply in sorted(last.items())},
        "figures": FIGURES,
    }


def main() -> None:
    REPLIES.mkdir(exist_ok=True)
    for old in REPLIES.glob("*.eml"):
        old.unlink()
    all_replies = replies()
    for n, reply in enumerate(all_replies, start=1):
        (REPLIES / reply.file).write_bytes(bytes(build(reply, n)))
    (HERE / "expected.json").write_text(json.dumps(expected(all_replies), indent=1) + "\n", encoding="utf-8")
    print(f"wrote {len(all_replies)} replies to {REPLIES} and {HERE / 'expected.json'}")


if __name__ == "__main__":
    main()
