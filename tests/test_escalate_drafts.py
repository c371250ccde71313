"""`foi escalate --write`: letters whose arguments fit the sections cited, and complaint packs."""

from __future__ import annotations

import email
import re
from email.policy import default as default_policy
from pathlib import Path

import pytest
from escalate_helpers import TODAY, build_every_state, record, request_of, store_message

from foi.errors import FoiError
from foi.escalate.drafts import write_drafts
from foi.workspace import Workspace


@pytest.fixture
def every(batch_ws: Workspace) -> Workspace:
    build_every_state(batch_ws)
    return batch_ws


@pytest.fixture
def drafts(every: Workspace, tmp_path: Path) -> Path:
    out = tmp_path / "drafts"
    write_drafts(every, "cautions", out, today=TODAY)
    return out


def letter(out: Path, reference_slug_step: str) -> str:
    [path] = out.glob(f"*-{reference_slug_step}.txt")
    return path.read_text(encoding="utf-8")


def paragraph(text: str, start: str) -> str:
    """The numbered argument paragraph that starts with `start` (after its number)."""
    match = re.search(rf"^\d+\. ({re.escape(start)}.*)$", text, re.M)
    assert match, f"no paragraph starting {start!r}"
    return match.group(1)


def test_the_files_written(drafts: Path) -> None:
    names = sorted(p.relative_to(drafts).as_posix() for p in drafts.rglob("*") if p.is_file())
    letters = {n for n in names if "/" not in n}
    assert "plan.txt" in letters
    assert {n.rsplit("-", 1)[1] for n in letters if n != "plan.txt"} == {"chase.txt", "chase.eml", "review.txt",
                                                                           "review.eml"}
    stems = sorted(n[:-4] for n in letters if n.endswith(".txt") and n != "plan.txt")
    assert [s.split("-", 3)[3] for s in stems] == [
        "bedfordshire-review", "cumbria-chase", "devon-and-cornwall-review", "dorset-review", "essex-review",
        "hampshire-review", "kent-chase", "norfolk-review", "suffolk-review", "surrey-review",
        "police-scotland-review"]
    packs = sorted({n.split("/")[0] for n in names if "/" in n})
    assert [p.split("-", 3)[3] for p in packs] == ["cleveland-complaint", "gwent-complaint", "sussex-complaint",
                                                   "wiltshire-complaint"]
    for pack in packs:  # no ico_email configured: the letter for the ICO's form, no .eml
        assert {n.split("/", 1)[1] for n in names if n.startswith(pack + "/")} == {
            "complaint.txt", "timeline.txt", "README.txt"}
    assert (drafts / "plan.txt").read_text().startswith("cautions on 2026-02-27: 2 chase, 9 review, 3 wait, "
                                                        "4 complaint, 26 none\n")
    assert not [p for p in drafts.iterdir() if p.name.startswith(".")]  # no staging left behind


def test_each_section_gets_its_own_argument(drafts: Path) -> None:
    essex = letter(drafts, "essex-review")
    cost = paragraph(essex, "Cost limit (s.12).")
    assert "£450 for a police force: 18 hours of work at £25 an hour" in cost
    assert "Please show me the estimate and how it was reached" in cost
    assert "section 16 of the Act requires you to advise me" in cost
    assert "fewer years" in cost
    assert ("3 other forces have already answered this same request (Cheshire Constabulary, Surrey Police and "
            "Wiltshire Police).") in cost

    norfolk = letter(drafts, "norfolk-review")
    vexatious = paragraph(norfolk, "Vexatious request (s.14(1)).")
    assert "does not by itself make it vexatious" in vexatious
    assert "what in this request, or in my dealings with Norfolk Constabulary, makes it vexatious" in vexatious
    assert "Cost limit (" not in norfolk and "Personal information (" not in norfolk

    surrey = letter(drafts, "surrey-review")
    personal = paragraph(surrey, "Personal information (s.40(2)).")
    assert "round it, combine years or categories, or replace it with a marker" in personal
    assert "a fixed rule that every figure under five identifies someone is not that test" in personal
    assert "What was withheld." in paragraph(surrey, "What was withheld.")
    assert "Your reply of 21 January 2026 released part of the information and withheld the rest, citing s.40(2)." \
        in surrey

    suffolk = paragraph(letter(drafts, "suffolk-review"), "Information accessible by other means (s.21).")
    assert "Please tell me exactly where" in suffolk and "web address" in suffolk

    devon = paragraph(letter(drafts, "devon-and-cornwall-review"), "Law enforcement (s.31(1)(a)).")
    assert "would, or would be likely to, prejudice one of the law enforcement functions" in devon
    assert "please set out the public interest test in your own words" in devon

    hampshire = paragraph(letter(drafts, "hampshire-review"), "Investigations and proceedings (s.30(1)(a)).")
    assert "It is a qualified exemption" in hampshire and "public interest test" in hampshire

    dorset = letter(drafts, "dorset-review")
    assert "and would neither confirm nor deny that the information is held" in dorset
    ncnd = paragraph(dorset, "Neither confirm nor deny.")
    assert "what harm would follow from telling me whether Dorset Police holds these figures" in ncnd
    assert "public interest in confirming or denying must be weighed on its own" in ncnd
    assert paragraph(dorset, "Law enforcement (s.31(3)).") and paragraph(dorset, "Personal information (s.40(5)).")


def test_the_same_wording_gets_one_argument_applied_to_each(drafts: Path) -> None:
    essex, bedford = letter(drafts, "essex-review"), letter(drafts, "bedfordshire-review")
    # Essex cited s.12 alone, Bedfordshire s.12 and s.40(2), in the same words: both get both arguments.
    assert paragraph(essex, "Cost limit (s.12).") == paragraph(bedford, "Cost limit (s.12).")
    assert paragraph(essex, "Personal information (s.40(2)).") == paragraph(bedford, "Personal information (s.40(2)).")
    shared = paragraph(essex, "The same wording as other forces.")
    assert "worded almost exactly like the replies of Bedfordshire Police" in shared
    assert "worded almost exactly like the replies of Essex Police" in paragraph(bedford, "The same wording")
    assert "The same wording" not in letter(drafts, "surrey-review")


def test_review_requests_carry_the_dates(drafts: Path) -> None:
    essex = letter(drafts, "essex-review")
    assert essex.startswith("Subject: Request for internal review: Freedom of Information request FOI-CAUTIONS-0013"
                            "\n\nEssex Police\nFreedom of Information team\nBy e-mail: ")
    assert "I ask for an internal review of Essex Police's handling of my request FOI-CAUTIONS-0013, sent on " \
           "5 January 2026." in essex
    assert "Your reply of 20 January 2026 refused the request, citing s.12." in essex
    # 20 working days from 27 February, St Patrick's Day skipped; 40 at most, Easter skipped.
    assert "within 20 working days, by 30 March 2026" in essex and "no later than 29 April 2026" in essex
    assert essex.rstrip().endswith("Jo Bloggs\nThe Northern Echo\njo@example.org")


def test_police_scotland_gets_a_foisa_requirement_for_review(drafts: Path) -> None:
    scotland = letter(drafts, "police-scotland-review")
    assert "This is a requirement for review under section 20 of the Freedom of Information (Scotland) Act 2002" \
        in scotland
    cost = paragraph(scotland, "Cost limit (s.12 of FOISA).")
    assert "the £600 limit set by the Fees Regulations" in cost and "section 15 of the Act" in cost
    assert "Section 21(1) of the Act requires you to respond within 20 working days of receiving this, by " \
           "27 March 2026." in scotland
    assert "Scottish Information Commissioner" in scotland and "code of practice" not in scotland


def test_chasers(drafts: Path) -> None:
    kent = letter(drafts, "kent-chase")
    assert kent.startswith("Subject: Reply overdue: Freedom of Information request FOI-CAUTIONS-0020\n")
    assert ("The request reached you on 5 January 2026, so a reply was due by 2 February 2026, the twentieth working "
            "day after receipt. I have not had one, and it is now 19 working days overdue.") in kent
    assert "within the next 10 working days, by 13 March 2026" in kent
    assert "complain to the Information Commissioner under section 50 of the Act" in kent
    cumbria = letter(drafts, "cumbria-chase")
    assert cumbria.startswith("Subject: Internal review overdue: ")
    assert "It was expected by 11 February 2026, twenty working days after I asked, and is now 12 working days late." \
        in cumbria
    assert "no later than 11 March 2026" in cumbria


def test_the_eml_threads_to_the_request(every: Workspace, tmp_path: Path) -> None:
    every.db.conn.execute("UPDATE requests SET message_id = '<foi-cautions-0020.abc@example.org>' "
                          "WHERE body = 'kent'")
    every.db.conn.commit()
    out = tmp_path / "d"
    write_drafts(every, "cautions", out, today=TODAY, only=["chase"])
    [path] = out.glob("*-kent-chase.eml")
    msg = email.message_from_bytes(path.read_bytes(), policy=default_policy)
    assert msg["To"].addresses[0].addr_spec == request_of(every, "kent")["foi_email"]
    assert msg["In-Reply-To"] == "<foi-cautions-0020.abc@example.org>"
    assert msg["X-FOI-Reference"] == "FOI-CAUTIONS-0020"
    assert msg["Message-ID"].startswith("<foi-cautions-0020.")
    assert "it is now 19 working days overdue" in msg.get_content()


def test_the_force_s_own_words_are_quoted(every: Workspace, tmp_path: Path) -> None:
    record(every, "lancashire", "refused", TODAY, sections=["40(2)"],
           evidence="Disclosing figures below five could identify victims, so they are withheld.")
    out = tmp_path / "d"
    write_drafts(every, "cautions", out, today=TODAY, bodies=["lancashire"])
    text = letter(out, "lancashire-review")
    assert ('Your reply of 27 February 2026 refused the request, citing s.40(2). It said: "Disclosing figures below '
            'five could identify victims, so they are withheld."') in text


def test_complaint_pack_with_timeline_and_correspondence(every: Workspace, tmp_path: Path) -> None:
    from foi.escalate.drafts import write_drafts as write

    store_message(every, "gwent", direction="out", on=TODAY.replace(month=1, day=5), kind="sent",
                  subject="Freedom of Information request FOI-CAUTIONS-0016", text="Please send the figures.")
    store_message(every, "gwent", direction="in", on=TODAY.replace(month=1, day=14), kind="refused",
                  subject="RE: FOI-CAUTIONS-0016", text="Refused under section 31.",
                  attachments={"Refusal notice.pdf": b"%PDF-1.4 not really", "../../etc/passwd": b"x"})
    store_message(every, "gwent", direction="in", on=TODAY.replace(month=2, day=10), kind="review-upheld",
                  subject="Internal review FOI-CAUTIONS-0016", text="The review upholds the decision.")
    out = tmp_path / "d"
    write(every, "cautions", out, today=TODAY, only=["complaint"], bodies=["gwent"])
    pack = out / "FOI-CAUTIONS-0016-gwent-complaint"
    assert sorted(p.name for p in (pack / "correspondence").iterdir()) == [
        "01-2026-01-05-sent-sent.eml", "02-2026-01-14-received-refused.eml", "03-2026-01-14-Refusal notice.pdf",
        "04-2026-01-14-passwd", "05-2026-02-10-received-review-upheld.eml"]
    assert (pack / "correspondence" / "03-2026-01-14-Refusal notice.pdf").read_bytes() == b"%PDF-1.4 not really"
    assert (pack / "timeline.txt").read_text() == (
        "2026-01-05 Mon  request sent; received 2026-01-05, reply due 2026-02-02 (20 working days)\n"
        "2026-01-14 Wed  refused; s.31(1)(a); 7 working days after receipt\n"
        "2026-01-15 Thu  internal review asked for; 1 working day after the reply\n"
        "2026-02-10 Tue  review upheld the refusal; s.31(1)(a); 18 working days after the review was asked for\n")
    complaint = (pack / "complaint.txt").read_text()
    assert complaint.startswith("Subject: FOIA s.50 complaint: Gwent Police, Freedom of Information request "
                                "FOI-CAUTIONS-0016\n\nInformation Commissioner's Office\n"
                                "Through https://ico.org.uk/make-a-complaint/\n")
    assert ("The force refused the request on 14 January 2026, citing s.31(1)(a). I asked for an internal review on "
            "15 January 2026. The review, answered on 10 February 2026, upheld the refusal.") in complaint
    assert ("  1. Law enforcement (s.31(1)(a)): the force has not identified a real harm that releasing these "
            "aggregate figures would cause, nor shown a public interest test about them.") in complaint
    assert "I make this complaint within six weeks of the last substantive contact (by 24 March 2026)." in complaint
    assert "    Please send the figures." in complaint  # the request as sent, from the stored copy
    assert "  6. 05-2026-02-10-received-review-upheld.eml" in complaint
    readme = (pack / "README.txt").read_text()
    assert "Submit it through the Information Commissioner's website, https://ico.org.uk/make-a-complaint/" in readme
    assert "foi mark cautions gwent ico-complaint --on YYYY-MM-DD" in readme


def test_complaint_eml_when_an_address_is_configured(every: Workspace, tmp_path: Path) -> None:
    every.config["escalate"] = {"ico_email": "casework@ico.example.org"}
    store_message(every, "gwent", direction="in", on=TODAY.replace(month=2, day=10), kind="review-upheld",
                  subject="Internal review", text="Upheld.", attachments={"review.pdf": b"%PDF"})
    out = tmp_path / "d"
    write_drafts(every, "cautions", out, today=TODAY, only=["complaint"], bodies=["gwent"])
    msg = email.message_from_bytes((out / "FOI-CAUTIONS-0016-gwent-complaint" / "complaint.eml").read_bytes(),
                                   policy=default_policy)
    assert str(msg["To"]) == "Information Commissioner's Office <casework@ico.example.org>"
    names = [part.get_filename() for part in msg.iter_attachments()]
    assert names == ["timeline.txt", "01-2026-02-10-received-review-upheld.eml", "02-2026-02-10-review.pdf"]
    every.config["escalate"] = {"ico_email": "not an address"}
    with pytest.raises(FoiError, match=r"Bad ico_email 'not an address' in \[escalate\] of "):
        write_drafts(every, "cautions", out, today=TODAY, only=["complaint"])


def test_nothing_is_written_half_way(every: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import foi.escalate.drafts as drafts_module

    store_message(every, "gwent", direction="in", on=TODAY, kind="review-upheld", subject="x", text="y",
                  attachments={"a.pdf": b"%PDF"})
    out = tmp_path / "d"
    out.mkdir()
    (out / "mine.txt").write_text("kept")

    def full_disk(src: Path, dst: Path) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(drafts_module.shutil, "copyfile", full_disk)
    with pytest.raises(FoiError, match="Writing the drafts to .* failed \\(No space left on device\\)"):
        write_drafts(every, "cautions", out, today=TODAY)
    assert [p.name for p in out.iterdir()] == ["mine.txt"]


def test_a_broken_template_writes_nothing(every: Workspace, tmp_path: Path) -> None:
    (every.templates_dir / "escalate-review.txt.j2").write_text("{{ escalation.nonsense.deeper }}\n")
    out = tmp_path / "d"
    with pytest.raises(FoiError, match="escalate-review.txt.j2: 'dict object' has no attribute 'nonsense'"):
        write_drafts(every, "cautions", out, today=TODAY)
    assert not out.exists()


def test_an_edited_template_is_used_and_a_rerun_replaces_the_packs(every: Workspace, tmp_path: Path) -> None:
    path = every.templates_dir / "escalate-chase.txt.j2"
    path.write_text("Chasing {{ reference }}: {{ escalation.working_days_overdue }} days late.\n")
    out = tmp_path / "d"
    write_drafts(every, "cautions", out, today=TODAY, only=["chase", "complaint"])
    assert letter(out, "kent-chase").endswith("Chasing FOI-CAUTIONS-0020: 19 days late.\n")
    stale = out / "FOI-CAUTIONS-0016-gwent-complaint" / "old-note.txt"
    stale.write_text("from an earlier run")
    write_drafts(every, "cautions", out, today=TODAY, only=["complaint"])
    assert not stale.exists() and (stale.parent / "complaint.txt").is_file()
