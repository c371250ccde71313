"""Hostile files made on the spot: small on disk, huge or deep once opened (issue 13).

Shared by tests/test_faults.py and bench/bench_faults.py. Each maker writes one file and
returns its path; sizes are parameters so the tests use a quick version and the bench the
full one. Nothing here is copied from anywhere: the shapes are the classic ones (a zip member
of repeated bytes, a declared range far larger than its contents, nesting without end).
"""

from __future__ import annotations

import io
import zipfile
from email.message import EmailMessage
from pathlib import Path

_CT = ('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
       '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
       '<Default Extension="xml" ContentType="application/xml"/>'
       '<Override PartName="/xl/workbook.xml" '
       'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
       '<Override PartName="/xl/worksheets/sheet1.xml" '
       'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>')
_RELS = ('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
         'officeDocument" Target="xl/workbook.xml"/></Relationships>')
_WB = ('<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
       'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
       '<sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>')
_WB_RELS = ('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
_SHEET_HEAD = '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
_TABLE = ('<row r="1"><c r="A1" t="inlineStr"><is><t>Outcome</t></is></c><c r="B1" t="inlineStr"><is><t>2019/20'
          '</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>Charged</t></is></c><c r="B2"><v>12</v></c>'
          '</row>')
_MB = 1 << 20


def _package(zf: zipfile.ZipFile, workbook_rels: str = _WB_RELS) -> None:
    """The parts of an xlsx besides its sheet: content types, relationships, the workbook."""
    zf.writestr("[Content_Types].xml", _CT)
    zf.writestr("_rels/.rels", _RELS)
    zf.writestr("xl/workbook.xml", _WB)
    zf.writestr("xl/_rels/workbook.xml.rels", workbook_rels)


def _xlsx(path: Path, parts: list[str | int]) -> Path:
    """An xlsx whose sheet XML is `parts` in order: text as is, an int as that many MB of spaces."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        _package(zf)
        with zf.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as fh:
            spaces = b" " * _MB
            for part in parts:
                if isinstance(part, int):
                    for _ in range(part):
                        fh.write(spaces)
                else:
                    fh.write(part.encode())
    return path


def xlsx_col_bomb(path: Path, elements: int = 40) -> Path:
    """`<col min="1" max="2147483647" hidden="1"/>`, many times: 2^31 hidden columns each."""
    cols = "<cols>" + '<col min="1" max="2147483647" hidden="1"/>' * elements + "</cols>"
    return _xlsx(path, [_SHEET_HEAD, cols, "<sheetData>", _TABLE, "</sheetData></worksheet>"])


def xlsx_whitespace_bomb(path: Path, mb: int = 1024) -> Path:
    """MB megabytes of spaces inside a row tag and between tags (1 GB packs into about 1 MB)."""
    half = max(mb // 2, 1)
    return _xlsx(path, [_SHEET_HEAD, "<sheetData>", _TABLE, '<row r="3"', half, ' hidden="1"><c r="A3"><v>1</v></c>',
                        half, "</row></sheetData></worksheet>"])


def xlsx_far_cells(path: Path) -> Path:
    """Two cells, at A1 and XFD200000: calamine would hold every cell between them."""
    return _xlsx(path, [_SHEET_HEAD, '<sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="200000">'
                        '<c r="XFD200000"><v>2</v></c></row></sheetData></worksheet>'])


def xlsx_far_cells_padded(path: Path, mb: int = 17) -> Path:
    """A1 and XFD1048576, MB megabytes of spaces between them: a sheet too big to have been checked
    once, whose 2^34 cells between make calamine abort the process."""
    return _xlsx(path, [_SHEET_HEAD, '<dimension ref="A1:XFD1048576"/><sheetData><row r="1"><c r="A1"><v>1</v></c>'
                        '</row>', mb, '<row r="1048576"><c r="XFD1048576"><v>2</v></c></row></sheetData></worksheet>'])


def xlsx_far_cells_unnumbered(path: Path) -> Path:
    """Cells without references, in a last row numbered 1048576 and pushed right by 16,383 empty
    cells: calamine places them by counting, so only counting finds how far apart they are."""
    return _xlsx(path, [_SHEET_HEAD, '<sheetData><row><c><v>1</v></c></row><row r="1048576">' + "<c/>" * 16_383
                        + "<c><v>2</v></c></row></sheetData></worksheet>"])


def xlsx_many_cells(path: Path, rows: int, columns: int = 8) -> Path:
    """ROWS x COLUMNS numeric cells with no references (the shortest way to write a cell)."""
    row = "<row>" + "<c><v>7</v></c>" * columns + "</row>"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        _package(zf)
        with zf.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as fh:
            fh.write((_SHEET_HEAD + "<sheetData>").encode())
            block = (row * 1000).encode()
            for _ in range(rows // 1000):
                fh.write(block)
            fh.write((row * (rows % 1000) + "</sheetData></worksheet>").encode())
    return path


def xlsx_shared_string_bomb(path: Path, kb: int = 1024, cells: int = 2000) -> Path:
    """One shared string of KB kilobytes that CELLS cells point at: each cell gets its own copy."""
    rels = _WB_RELS.replace("</Relationships>", '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/'
                            'officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
                            "</Relationships>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        _package(zf, rels)
        zf.writestr("xl/sharedStrings.xml", '<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/'
                    'spreadsheetml/2006/main" count="2" uniqueCount="2"><si><t>Outcome</t></si><si><t>'
                    + "x" * (kb * 1024) + "</t></si></sst>")
        def row(r: int) -> str:
            line = "".join(f'<c r="{_col(c)}{r}" t="s"><v>1</v></c>' for c in range(1, 51))
            return f'<row r="{r}">{line}</row>'

        rows = "".join(row(r) for r in range(1, max(cells // 50, 1) + 1))
        zf.writestr("xl/worksheets/sheet1.xml", _SHEET_HEAD + f"<sheetData>{rows}</sheetData></worksheet>")
    return path


def _col(n: int) -> str:
    letters = ""
    while n:
        n, rem = divmod(n - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def ods(path: Path, rows_xml: str) -> Path:
    """An .ods whose one sheet, 'Data', holds ROWS_XML (table:table-row elements)."""
    content = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content '
               'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body>'
               f'<office:spreadsheet><table:table table:name="Data">{rows_xml}</table:table></office:spreadsheet>'
               "</office:body></office:document-content>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet", compress_type=zipfile.ZIP_STORED)
        zf.writestr("META-INF/manifest.xml", '<?xml version="1.0"?><manifest:manifest xmlns:manifest="urn:oasis:'
                    'names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" '
                    'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry '
                    'manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>')
        zf.writestr("content.xml", content)
    return path


ODS_VALUE = '<table:table-cell office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell>'


def ods_repeat_bomb(path: Path, rows: int = 100_000, columns: int = 1000) -> Path:
    """One value cell said to repeat COLUMNS times in a row said to repeat ROWS times (calamine's own
    limit, 100,000,000 cells, is far past any machine's memory)."""
    return ods(path, f'<table:table-row table:number-rows-repeated="{rows}"><table:table-cell '
                     f'table:number-columns-repeated="{columns}" office:value-type="float" office:value="1">'
                     "<text:p>1</text:p></table:table-cell></table:table-row>")


def ods_padded_to_the_edge(path: Path) -> Path:
    """As LibreOffice saves a sheet: a small table, then empty cells and rows repeated to the edge."""
    return ods(path, "<table:table-row>" + ODS_VALUE * 2 + '<table:table-cell table:number-columns-repeated="16382"/>'
                     '</table:table-row><table:table-row table:number-rows-repeated="1048575"><table:table-cell '
                     'table:number-columns-repeated="16384"/></table:table-row>')


def docx_bomb(path: Path, mb: int = 1024) -> Path:
    """A .docx whose document.xml is MB megabytes, nearly all of it spaces."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
                    'package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/>'
                    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
                    'officedocument.wordprocessingml.document.main+xml"/></Types>')
        zf.writestr("_rels/.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
                    'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
                    'officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
        with zf.open("word/document.xml", "w", force_zip64=True) as fh:
            fh.write(b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/'
                     b'2006/main"><w:body><w:p><w:r><w:t>')
            spaces = b" " * _MB
            for _ in range(mb):
                fh.write(spaces)
            fh.write(b"</w:t></w:r></w:p></w:body></w:document>")
    return path


def zip_bomb(path: Path, mb: int = 1024, members: int = 1) -> Path:
    """A plain .zip whose members unpack to MB megabytes of zeros in all."""
    per = max(mb // members, 1)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for i in range(members):
            with zf.open(f"figures-{i}.csv", "w", force_zip64=True) as fh:
                zeros = b"0" * _MB
                for _ in range(per):
                    fh.write(zeros)
    return path


def pdf_pages(path: Path, pages: int = 2000) -> Path:
    """A PDF of PAGES pages that all share one small content stream (a few KB for 2,000 pages)."""
    content = b"BT /F1 12 Tf 72 720 Td (Outcome 2019/20 Charged 12) Tj ET"
    objects: list[bytes] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"",  # the page tree, filled in below
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
    ]
    first_page = len(objects) + 1
    kids = " ".join(f"{first_page + i} 0 R" for i in range(pages)).encode()
    objects[1] = b"<< /Type /Pages /Count %d /Kids [" % pages + kids + b"] >>"
    for _ in range(pages):
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
                       b"/Resources << /Font << /F1 3 0 R >> >> >>")
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    path.write_bytes(out.getvalue())
    return path


def html_deep(path: Path, depth: int = 100_000) -> Path:
    """Tables nested DEPTH deep, each holding the next in its only cell."""
    path.write_text("<html><body>" + "<table><tr><td>x" * depth + "</td></tr></table>" * depth + "</body></html>")
    return path


def html_spans(path: Path, cells: int = 2000) -> Path:
    """Many cells each spanning 1000 rows by 1000 columns (a million cells apiece)."""
    row = '<td rowspan="1000" colspan="1000">1</td>' * cells
    path.write_text(f"<html><body><table><tr><th>a</th></tr><tr>{row}</tr></table></body></html>")
    return path


def html_huge(path: Path, mb: int = 100) -> Path:
    """An HTML "spreadsheet" of MB megabytes of cells."""
    row = ("<tr>" + "<td>12</td>" * 20 + "</tr>\n").encode()
    with path.open("wb") as fh:
        fh.write(b"<html><body><table>")
        for _ in range(mb * _MB // len(row)):
            fh.write(row)
        fh.write(b"</table></body></html>")
    return path


def csv_with_nuls(path: Path) -> Path:
    path.write_bytes(b"Outcome,2019/20\r\nCharged,12\x00\r\nCautioned,\x007\r\n")
    return path


# --- messages -------------------------------------------------------------------------------


def _mail(subject: str, reference: str = "FOI-CAUTIONS-0020", sender: str = "foi@kent.police.uk") -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = f"Kent Police <{sender}>"
    msg["To"] = "jo@example.org"
    msg["Subject"] = f"RE: {reference} {subject}"
    msg["Date"] = "Mon, 02 Nov 2026 10:00:00 +0000"
    msg.set_content(f"Dear Jo,\n\nPlease find attached our response to {reference}.\n\nKent Police")
    return msg


def mail_with_attachment(name: str, data: bytes, message_id: str, reference: str = "FOI-CAUTIONS-0020") -> bytes:
    msg = _mail("response", reference)
    msg["Message-ID"] = message_id
    msg.add_attachment(data, maintype="application", subtype="octet-stream", filename=name)
    return bytes(msg)


def mail_crlf_display_name(message_id: str = "<crlf@kent.example>") -> bytes:
    """An encoded From display name that hides CR/LF (the email package refuses the address)."""
    return (b"From: =?utf-8?q?Kent=0D=0AFOI?= <foi@kent.police.uk>\r\nTo: jo@example.org\r\n"
            b"Subject: RE: FOI-CAUTIONS-0020 acknowledgement\r\nMessage-ID: " + message_id.encode() +
            b"\r\nDate: Mon, 02 Nov 2026 10:00:00 +0000\r\n\r\nWe have received your request.\r\n")


def mail_broken_mime(message_id: str = "<mime@kent.example>") -> bytes:
    """multipart without a boundary, a part with bad base64 and an unknown transfer encoding."""
    return (b"From: foi@kent.police.uk\r\nTo: jo@example.org\r\nSubject: RE: FOI-CAUTIONS-0020\r\n"
            b"Message-ID: " + message_id.encode() + b"\r\nMIME-Version: 1.0\r\n"
            b"Content-Type: multipart/mixed\r\n\r\n--\r\nContent-Type: text/plain\r\n"
            b"Content-Transfer-Encoding: base64\r\n\r\n@@@not base64@@@\r\n--\r\n"
            b"Content-Type: application/pdf; name=x.pdf\r\nContent-Transfer-Encoding: x-unheard-of\r\n\r\n%PDF-1\r\n")


def mail_bad_charset(message_id: str = "<charset@kent.example>") -> bytes:
    return (b"From: foi@kent.police.uk\r\nTo: jo@example.org\r\n"
            b"Subject: =?x-no-such-charset?q?RE=3A_FOI-CAUTIONS-0020?=\r\nMessage-ID: " + message_id.encode() +
            b"\r\nContent-Type: text/plain; charset=x-no-such-charset\r\n\r\nOur response \xff\xfe\r\n")


def mail_huge_headers(message_id: str = "<headers@kent.example>", fields: int = 100_000) -> bytes:
    head = b"".join(b"X-Filler-%d: %d\r\n" % (i, i) for i in range(fields))
    return (b"From: foi@kent.police.uk\r\nTo: jo@example.org\r\nSubject: RE: FOI-CAUTIONS-0020\r\n"
            b"Message-ID: " + message_id.encode() + b"\r\n" + head + b"\r\nBody\r\n")


def mail_deep_multipart(message_id: str = "<deep@kent.example>", depth: int = 3000) -> bytes:
    """multipart/mixed nested DEPTH deep."""
    head = (b"From: foi@kent.police.uk\r\nTo: jo@example.org\r\nSubject: RE: FOI-CAUTIONS-0020\r\n"
            b"Message-ID: " + message_id.encode() + b"\r\nMIME-Version: 1.0\r\n")
    body = b"".join(b'Content-Type: multipart/mixed; boundary="b%d"\r\n\r\n--b%d\r\n' % (i, i) for i in range(depth))
    tail = b"Content-Type: text/plain\r\n\r\nhello\r\n" + b"".join(b"--b%d--\r\n" % i for i in reversed(range(depth)))
    return head + body + tail


# --- running a command in a child process and measuring it -----------------------------------

ROOT = Path(__file__).resolve().parents[1]


def run_child(code: str, *, env: dict[str, str] | None = None, timeout: float = 600) -> tuple[int, str, str, float]:
    """Run `python -c CODE` with the project importable; (exit status, stdout, stderr, peak MB).

    The peak is the child's maximum resident set (its own worker processes included), read
    from wait4, so it measures what the command really held."""
    import os
    import subprocess
    import sys
    import tempfile

    environment = dict(os.environ, PYTHONPATH=str(ROOT), **(env or {}))
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen([sys.executable, "-c", code], stdout=out, stderr=err, env=environment)
        try:
            _, status, usage = _wait4(proc.pid, timeout)
        except TimeoutError:
            proc.kill()
            proc.wait()
            raise
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return (proc.returncode, out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace"),
                usage.ru_maxrss / 1024)


def _wait4(pid: int, timeout: float) -> tuple[int, int, object]:
    import os
    import time

    deadline = time.monotonic() + timeout
    while True:
        got, status, usage = os.wait4(pid, os.WNOHANG)
        if got:
            return got, status, usage
        if time.monotonic() > deadline:
            raise TimeoutError(f"child {pid} still running after {timeout} s")
        time.sleep(0.02)


READ_PROBE = """
import json, sys
from foi.readers import read_file
r = read_file(sys.argv[1] if len(sys.argv) > 1 else {path!r})
print(json.dumps({{"status": r.status, "error": r.error, "warnings": r.warnings, "tables": len(r.tables)}}))
"""


def read_in_child(path: Path) -> tuple[dict[str, object], float]:
    """`read_file(path)` in a fresh process: (what it returned, peak MB)."""
    import json

    code, out, err, peak = run_child(READ_PROBE.format(path=str(path)))
    if code != 0:
        raise AssertionError(f"reader process died with {code}: {err[-2000:]}")
    return json.loads(out.strip().splitlines()[-1]), peak


# --- servers a test starts on 127.0.0.1 ----------------------------------------------------------


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def make_certificate(folder: Path) -> tuple[Path, Path, Path]:
    """A throwaway CA and a server certificate for 127.0.0.1 and localhost it signed:
    (ca.pem, server-cert.pem, server-key.pem). Clients trust ca.pem via SSL_CERT_FILE."""
    import datetime
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    now = datetime.datetime.now(datetime.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "foi test CA")])
    ca = (x509.CertificateBuilder().subject_name(ca_name).issuer_name(ca_name).public_key(ca_key.public_key())
          .serial_number(x509.random_serial_number()).not_valid_before(now - datetime.timedelta(days=1))
          .not_valid_after(now + datetime.timedelta(days=2))
          .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
          .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=False, key_encipherment=False,
                                       data_encipherment=False, key_agreement=False, key_cert_sign=True,
                                       crl_sign=True, encipher_only=False, decipher_only=False), critical=True)
          .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False)
          .sign(ca_key, hashes.SHA256()))
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (x509.CertificateBuilder()
            .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")]))
            .issuer_name(ca_name).public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(days=1)).not_valid_after(now + datetime.timedelta(days=2))
            .add_extension(x509.SubjectAlternativeName([x509.DNSName("localhost"),
                                                        x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
                           critical=False)
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False)
            .sign(ca_key, hashes.SHA256()))
    ca_path, cert_path, key_path = folder / "ca.pem", folder / "server-cert.pem", folder / "server-key.pem"
    ca_path.write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return ca_path, cert_path, key_path


DOVECOT_CONF = """\
base_dir = {dir}/run
state_dir = {dir}/state
log_path = {dir}/dovecot.log
info_log_path = {dir}/dovecot.log
protocols = imap
listen = 127.0.0.1
{ssl}
disable_plaintext_auth = no
auth_mechanisms = plain login
default_login_user = dovenull
default_internal_user = dovecot
default_internal_group = dovecot
first_valid_uid = 1
mail_location = maildir:{dir}/mail/%u
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {dir}/users
}}
userdb {{
  driver = static
  args = uid={uid} gid={gid} home={dir}/home/%u
}}
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
    address = 127.0.0.1
    port = {tls_port}
  }}
}}
"""


class Dovecot:
    """A throwaway Dovecot IMAP server on 127.0.0.1 with one user, its own config, Maildir and
    log in a temporary folder; nothing system-wide is touched. Needs root (Dovecot switches to
    its own users) and the dovecot binary; `stop()` ends exactly the process it started."""

    user = "reporter"
    password = "test-Pa55"

    def __init__(self, folder: Path, *, tls: tuple[Path, Path] | None = None) -> None:
        import pwd

        self.dir = folder
        self.port = free_port()
        self.tls_port = free_port() if tls else 0
        nobody = pwd.getpwnam("nobody")
        for sub in ("run", "state", "mail", "home"):
            (folder / sub).mkdir(parents=True, exist_ok=True)
        ssl = "ssl = no"
        if tls:
            ssl = f"ssl = yes\nssl_cert = <{tls[0]}\nssl_key = <{tls[1]}"
        (folder / "users").write_text(f"{self.user}:{{PLAIN}}{self.password}\n")
        (folder / "dovecot.conf").write_text(DOVECOT_CONF.format(
            dir=folder, uid=nobody.pw_uid, gid=nobody.pw_gid, port=self.port, tls_port=self.tls_port, ssl=ssl))
        for path in [folder, *folder.rglob("*")]:
            path.chmod(0o755 if path.is_dir() else 0o644)
        for sub in ("mail", "home"):
            import os

            os.chown(folder / sub, nobody.pw_uid, nobody.pw_gid)
        self.proc = None

    def start(self) -> Dovecot:
        import socket
        import subprocess
        import time

        self.proc = subprocess.Popen(["dovecot", "-F", "-c", str(self.dir / "dovecot.conf")],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"dovecot exited: {self.proc.stderr.read().decode()[-2000:]} "
                                   f"{self.log()[-2000:]}")
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return self
            except OSError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"dovecot did not listen on {self.port}: {self.log()[-2000:]}")

    def log(self) -> str:
        path = self.dir / "dovecot.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except Exception:  # noqa: BLE001 - still running: end exactly this process
                self.proc.kill()
                self.proc.wait()

    def append(self, messages: list[bytes], folder: str = "INBOX") -> None:
        import imaplib

        conn = imaplib.IMAP4("127.0.0.1", self.port)
        conn.login(self.user, self.password)
        for data in messages:
            typ, detail = conn.append(folder, None, None, data)
            assert typ == "OK", detail
        conn.logout()

    def flags(self, folder: str = "INBOX") -> list[bytes]:
        import imaplib

        conn = imaplib.IMAP4("127.0.0.1", self.port)
        conn.login(self.user, self.password)
        conn.select(folder, readonly=True)
        _, data = conn.fetch("1:*", "(FLAGS)")
        conn.logout()
        return [d for d in data if isinstance(d, bytes)]


# --- an Outlook .msg, written from the published formats ----------------------------------------
# [MS-CFB] (the compound file: 512-byte sectors, a 64-byte mini stream for small streams) and
# [MS-OXMSG] (MAPI properties in __properties_version1.0, variable ones in __substg1.0_ streams,
# recipients and attachments in storages of their own). Small, but a real file: extract-msg
# (through olefile) reads it exactly as it reads one saved by Outlook.

_FREE, _END, _FAT, _NOSTREAM = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF


class _Node:
    def __init__(self, name: str, data: bytes | None = None) -> None:
        self.name = name
        self.data = data  # None: a storage
        self.children: list[_Node] = []
        self.index = 0
        self.start = _END
        self.left = self.right = self.child = _NOSTREAM

    def add(self, node: _Node) -> _Node:
        self.children.append(node)
        return node


def _cfb(root: _Node) -> bytes:
    import struct

    nodes: list[_Node] = []

    def number(node: _Node) -> None:
        node.index = len(nodes)
        nodes.append(node)
        for child in node.children:
            number(child)

    number(root)

    def tree(children: list[_Node]) -> int:
        # Siblings form a binary search tree ordered by name length, then upper-cased name.
        if not children:
            return _NOSTREAM
        ordered = sorted(children, key=lambda n: (len(n.name), n.name.upper()))
        mid = len(ordered) // 2
        ordered[mid].left = tree(ordered[:mid])
        ordered[mid].right = tree(ordered[mid + 1:])
        return ordered[mid].index

    for node in nodes:
        if node.data is None:
            node.child = tree(node.children)
    # Small streams go into the mini stream (64-byte sectors); the rest into 512-byte sectors.
    mini = bytearray()
    mini_fat: list[int] = []
    big: list[tuple[_Node, bytes]] = []
    for node in nodes:
        if node.data is None or not node.data:
            continue
        if len(node.data) < 4096:
            node.start = len(mini) // 64
            count = -(-len(node.data) // 64)
            mini_fat.extend(list(range(node.start + 1, node.start + count)) + [_END])
            mini.extend(node.data.ljust(count * 64, b"\0"))
        else:
            big.append((node, node.data))
    sectors: list[bytes] = []
    fat: list[int] = []

    def place(data: bytes) -> int:
        if not data:
            return _END
        start = len(sectors)
        count = -(-len(data) // 512)
        for i in range(count):
            sectors.append(data[i * 512:(i + 1) * 512].ljust(512, b"\0"))
            fat.append(start + i + 1 if i < count - 1 else _END)
        return start

    for node, data in big:
        node.start = place(data)
    root.start = place(bytes(mini))
    mini_fat_start = place(b"".join(struct.pack("<I", v) for v in mini_fat).ljust(512, b"\xff")) if mini_fat else _END
    entries = bytearray()
    for node in nodes:
        name = node.name.encode("utf-16-le") + b"\0\0"
        kind = 5 if node is root else (1 if node.data is None else 2)
        size = len(mini) if node is root else len(node.data or b"")
        entries += (name.ljust(64, b"\0") + struct.pack("<HBB", len(name), kind, 1)
                    + struct.pack("<III", node.left, node.right, node.child) + b"\0" * 16 + b"\0" * 4
                    + b"\0" * 16 + struct.pack("<IQ", node.start if size or node is root else _END, size))
    directory_start = place(bytes(entries).ljust(-(-len(entries) // 512) * 512, b"\0"))
    # The FAT describes every sector, its own included.
    fat_count = 1
    while (len(sectors) + fat_count) > fat_count * 128:
        fat_count += 1
    fat_start = len(sectors)
    fat.extend([_FAT] * fat_count)
    table = b"".join(struct.pack("<I", v) for v in fat).ljust(fat_count * 512, b"\xff")
    sectors.extend(table[i * 512:(i + 1) * 512] for i in range(fat_count))
    difat = [fat_start + i for i in range(fat_count)] + [_FREE] * (109 - fat_count)
    header = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 16 + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
              + b"\0" * 6 + struct.pack("<IIIIIIIII", 0, fat_count, directory_start, 0, 4096, mini_fat_start,
                                        1 if mini_fat else 0, _END, 0)
              + b"".join(struct.pack("<I", v) for v in difat))
    return header + b"".join(sectors)


def _properties(props: list[tuple[int, int, bytes]], header: bytes) -> tuple[bytes, list[_Node]]:
    """(the __properties_version1.0 stream, the __substg1.0_ streams) for (id, type, value)."""
    import struct

    stream = bytearray(header)
    streams = []
    for prop_id, prop_type, value in props:
        tag = (prop_id << 16) | prop_type
        if prop_type in (0x001F, 0x0102):
            # A string's stream holds no terminator; its size here counts one (two bytes).
            stream += struct.pack("<IIII", tag, 6, len(value) + (2 if prop_type == 0x001F else 0), 0)
            streams.append(_Node(f"__substg1.0_{prop_id:04X}{prop_type:04X}", value))
        else:
            stream += struct.pack("<II", tag, 6) + value.ljust(8, b"\0")
    return bytes(stream), streams


def make_msg(path: Path, *, subject: str, body: str, sender: str, sender_name: str, to: str,
             message_id: str, sent: str, in_reply_to: str | None = None,
             attachments: list[tuple[str, bytes]] | None = None) -> Path:
    """An Outlook .msg with transport headers (where Message-ID and In-Reply-To live), a body,
    one recipient and attachments. `sent` is an RFC 5322 date."""
    import struct
    from email.utils import parsedate_to_datetime

    def text(value: str) -> bytes:
        return value.encode("utf-16-le")

    when = parsedate_to_datetime(sent)
    filetime = int((when.timestamp() + 11644473600) * 10_000_000)
    headers = (f"From: {sender_name} <{sender}>\r\nTo: {to}\r\nSubject: {subject}\r\nDate: {sent}\r\n"
               f"Message-ID: {message_id}\r\n" + (f"In-Reply-To: {in_reply_to}\r\n" if in_reply_to else "")
               + "MIME-Version: 1.0\r\n\r\n")
    attachments = attachments or []
    props = [(0x001A, 0x001F, text("IPM.Note")), (0x0037, 0x001F, text(subject)), (0x1000, 0x001F, text(body)),
             (0x0C1A, 0x001F, text(sender_name)), (0x0C1F, 0x001F, text(sender)), (0x0C1E, 0x001F, text("SMTP")),
             (0x0042, 0x001F, text(sender_name)), (0x0065, 0x001F, text(sender)), (0x0E04, 0x001F, text(to)),
             (0x007D, 0x001F, text(headers)), (0x1035, 0x001F, text(message_id)),
             (0x0039, 0x0040, struct.pack("<Q", filetime)), (0x0E06, 0x0040, struct.pack("<Q", filetime)),
             (0x340D, 0x0003, struct.pack("<I", 0x00040000)), (0x0E07, 0x0003, struct.pack("<I", 1))]
    root = _Node("Root Entry")
    stream, streams = _properties(props, b"\0" * 8 + struct.pack("<IIII", 1, len(attachments), 1,
                                                                      len(attachments)) + b"\0" * 8)
    root.add(_Node("__properties_version1.0", stream))
    for node in streams:
        root.add(node)
    names = root.add(_Node("__nameid_version1.0"))
    for stream_name in ("__substg1.0_00020102", "__substg1.0_00030102", "__substg1.0_00040102"):
        names.add(_Node(stream_name, b""))
    recipient = root.add(_Node("__recip_version1.0_#00000000"))
    stream, streams = _properties([(0x3001, 0x001F, text(to)), (0x3003, 0x001F, text(to)),
                                   (0x39FE, 0x001F, text(to)), (0x3002, 0x001F, text("SMTP")),
                                   (0x0C15, 0x0003, struct.pack("<I", 1))], b"\0" * 8)
    recipient.add(_Node("__properties_version1.0", stream))
    for node in streams:
        recipient.add(node)
    for index, (name, data) in enumerate(attachments):
        attachment = root.add(_Node(f"__attach_version1.0_#{index:08X}"))
        stream, streams = _properties([(0x3707, 0x001F, text(name)), (0x3704, 0x001F, text(name[:12])),
                                       (0x3701, 0x0102, data), (0x3705, 0x0003, struct.pack("<I", 1)),
                                       (0x0E21, 0x0003, struct.pack("<I", index))], b"\0" * 8)
        attachment.add(_Node("__properties_version1.0", stream))
        for node in streams:
            attachment.add(node)
    path.write_bytes(_cfb(root))
    return path
