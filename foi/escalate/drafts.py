"""The letters: chasers, review requests and complaints, from the `escalate-*` templates.

Each is rendered from the record (our reference and theirs, the dates, what we asked, what they
said) with the arguments `foi.escalate.arguments` picks, as plain text and as an .eml ready for a
mail client or for `foi escalate --send`. A complaint comes as a pack: a folder with the letter,
the timeline and the correspondence (`foi.escalate.pack`).

Writing is all or nothing as far as a file system allows: every letter and pack is rendered and
every stored file read before anything is written; the files are then written into a staging
folder inside the output folder and each moved into place with an atomic rename.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from datetime import date, datetime, time
from email.message import EmailMessage
from email.utils import formataddr
from pathlib import Path
from typing import Any

from foi.bodies import EMAIL
from foi.deadlines import Calendar, calendar_for
from foi.errors import FoiError
from foi.escalate.arguments import (
    BatchFacts,
    answered_context,
    arguments_for,
    batch_facts,
    cite,
    cite_all,
    group_context,
)
from foi.escalate.pack import Pack, build_pack
from foi.escalate.plan import ACTIONS, CHASE_GRACE_DAYS, Plan, Step, describe, plan_batch
from foi.storage import safe_name
from foi.tracking import REVIEW_DAYS, REVIEW_MAX_DAYS
from foi.workspace import Workspace

LAW: dict[str, dict[str, str]] = {
    "FOIA": {
        "name": "Freedom of Information Act 2000", "short": "FOIA", "advice_section": "16",
        "cost_limit": "the appropriate limit (£450 for a police force: 18 hours of work at £25 an hour)",
        "prejudice_words": "would, or would be likely to, prejudice",
        "regulator": "the Information Commissioner", "office": "Information Commissioner's Office",
        "complaint": "Complaint under section 50 of the Freedom of Information Act 2000",
        "complaint_short": "FOIA s.50 complaint", "review_name": "internal review", "a_review": "an internal review",
        "window": "six weeks",
        "submit_url": "https://ico.org.uk/make-a-complaint/", "working_days_section": "section 10(6)",
    },
    "FOISA": {
        "name": "Freedom of Information (Scotland) Act 2002", "short": "FOISA", "advice_section": "15",
        "cost_limit": "the £600 limit set by the Fees Regulations",
        "prejudice_words": "would, or would be likely to, prejudice substantially",
        "regulator": "the Scottish Information Commissioner", "office": "Scottish Information Commissioner",
        "complaint": "Application for a decision under section 47(1) of the Freedom of Information (Scotland) "
                     "Act 2002",
        "complaint_short": "FOISA s.47 application", "review_name": "review", "a_review": "a review",
        "window": "six months",
        "submit_url": "https://www.foi.scot/", "working_days_section": "section 73",
    },
}
# Every date a template may ask for; absent ones are None, so `{% if e.dates.x %}` works everywhere.
DATE_KEYS = ("sent_on", "received_on", "due_on", "chased_on", "chase_wait_until", "replied_on", "first_reply_on",
             "review_by",
             "review_asked_on", "review_expected_on", "review_latest_on", "review_outcome_on",
             "release_expected_on", "complain_by", "answer_by", "review_answer_by", "review_answer_latest")
KIND_WORDS = {"refused": "refused the request", "partial": "released part of the information and withheld the rest",
              "not-held": "said the information is not held", "responded": "answered",
              "review-upheld": "upheld the refusal on review", "review-overturned": "overturned the refusal on review"}
CONFIG_KEYS = {"FOIA": "ico_email", "FOISA": "sic_email"}


@dataclass
class Draft:
    step: Step
    subject: str
    text: str
    stem: str  # file (or pack folder) name without extension
    to: str | None  # the address it goes to; None when there is none (a portal, the Commissioner's form)
    to_name: str
    send_via: str | None  # where to send it instead
    pack: Pack | None = None
    message: EmailMessage | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"body": self.step.body, "reference": self.step.reference, "step": self.step.step,
                "subject": self.subject, "to": self.to, "send_via": self.send_via, "file": self.stem}


@dataclass
class WriteResult:
    out: Path
    plan: Plan
    drafts: list[Draft]
    written: list[Path] = field(default_factory=list)
    no_email: list[dict[str, Any]] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # stored files a pack could not include


def regulator_email(ws: Workspace, act: str) -> str | None:
    """[escalate] ico_email / sic_email in foi.toml: where complaints go by e-mail, if anywhere."""
    key = CONFIG_KEYS.get(act, "ico_email")
    value = ws.section("escalate").get(key)
    if value in (None, ""):
        return None
    if not isinstance(value, str) or not EMAIL.match(value.strip()):
        raise FoiError(f"Bad {key} {value!r} in [escalate] of {ws.root / 'foi.toml'}: give an e-mail address, "
                       "or leave it empty to submit complaints through the Commissioner's website.")
    return value.strip()


def render_drafts(ws: Workspace, plan: Plan, *, today: date, with_messages: bool = True) -> list[Draft]:
    """A letter for every chase, review and complaint in the plan (FoiError before anything is sent
    or written if any of them does not render)."""
    from foi.batches import get_batch

    steps = [s for s in plan.steps if s.step in ACTIONS]
    if not steps:
        return []
    batch = get_batch(ws.db, plan.batch)
    facts = batch_facts(ws.db, plan.batch)
    calendars: dict[str, Calendar] = {}
    drafts = []
    for step in steps:
        cal = calendars.setdefault(step.act, calendar_for(step.act, ws.extra_holidays))
        drafts.append(_draft(ws, step, batch, facts, cal, today, with_messages))
    return drafts


def _draft(ws: Workspace, step: Step, batch: dict[str, Any], facts: BatchFacts, cal: Calendar, today: date,
           with_messages: bool) -> Draft:
    from foi.bodies import get_body
    from foi.templating import build_context, find_template, render, render_string

    body = get_body(ws.db, step.body)
    context = build_context(ws, body, reference=step.reference, vars=batch["vars"], today=today,
                            batch=step.batch, request=step.request)
    subject = render_string(batch["subject"], context).strip()
    if step.reference not in subject:
        subject = f"{subject} [{step.reference}]"
    # Worth quoting in a letter only when it says more than "Freedom of Information request REF".
    topic = subject.replace(step.reference, "").strip(" []-:")
    topic = None if topic.lower() in ("", "freedom of information request", "foi request") else topic
    pack = build_pack(ws, step, cal) if step.step == "complaint" else None
    regulator = regulator_email(ws, step.act) if step.step == "complaint" else None
    stem = safe_name(f"{step.reference}-{step.body}-{step.step}")
    context["escalation"] = _escalation(
        ws, step, facts, cal, today, subject=topic, request_text=_request_text(ws, step, batch, context),
        pack=pack, regulator_email=regulator)
    text = render(find_template(ws, f"escalate-{step.step}"), context)
    law = LAW[step.act]
    if step.step == "complaint":
        to, to_name, send_via = regulator, law["office"], None if regulator else law["submit_url"]
        subject_line = f"{law['complaint_short']}: {body['name']}, {subject}"
    else:
        to, to_name = body.get("foi_email") or None, body["name"]
        send_via = None if to else (body.get("portal") or body.get("website"))
        subject_line = f"{_SUBJECT[(step.step, step.target or 'reply')][step.act == 'FOISA']}: {subject}"
    draft = Draft(step=step, subject=subject_line, text=text, stem=stem, to=to, to_name=to_name,
                  send_via=send_via, pack=pack)
    if with_messages and to:
        draft.message = build_draft_message(ws, draft, today)
    return draft


_SUBJECT = {  # (step, target) -> (FOIA wording, FOISA wording)
    ("chase", "reply"): ("Reply overdue", "Reply overdue"),
    ("chase", "review"): ("Internal review overdue", "Review overdue"),
    ("chase", "release"): ("Information not yet released", "Information not yet released"),
    ("review", "refusal"): ("Request for internal review", "Requirement for review"),
    ("review", "reply"): ("Request for internal review", "Requirement for review"),
}


def build_draft_message(ws: Workspace, draft: Draft, today: date, *, message_id: str | None = None,
                        sending: bool = False) -> EmailMessage:
    """The letter as an e-mail in the request's thread; a complaint carries its pack as attachments.
    A draft is dated 09:00 on `today`; a letter being sent, now."""
    from foi.letters import Letter, build_message, new_message_id

    step = draft.step
    recipient = {"slug": step.body, "name": draft.to_name, "foi_email": draft.to}
    letter = Letter(request=step.request, body=recipient, subject=draft.subject, text=draft.text)
    msg = build_message(ws, letter, message_id=message_id or new_message_id(ws, step.reference),
                        when=None if sending else datetime.combine(today, time(9, 0)),
                        in_reply_to=step.request.get("message_id"))
    msg.replace_header("To", formataddr((draft.to_name, draft.to or "")))
    if draft.pack is not None:
        _attach_pack(msg, draft.pack)
    return msg


def _attach_pack(msg: EmailMessage, pack: Pack) -> None:
    import email
    import mimetypes
    from email.policy import default

    msg.add_attachment(timeline_text(pack).encode("utf-8"), maintype="text", subtype="plain",
                       filename="timeline.txt")
    for item in pack.files:
        data = item.source.read_bytes()
        if item.name.lower().endswith(".eml"):
            msg.add_attachment(email.message_from_bytes(data, policy=default), filename=item.name)
            continue
        kind = mimetypes.guess_type(item.name)[0] or "application/octet-stream"
        maintype, subtype = kind.split("/", 1)
        msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=item.name)


def _request_text(ws: Workspace, step: Step, batch: dict[str, Any], context: dict[str, Any]) -> str:
    """The request as it went: the stored copy of the sent message, else the batch's template again."""
    row = ws.db.execute("SELECT path FROM messages WHERE request_id = ? AND direction = 'out' AND kind = 'sent' "
                        "AND path IS NOT NULL ORDER BY id LIMIT 1", [step.request_id]).fetchone()
    if row and (ws.root / row[0]).is_file():
        import email
        from email.policy import default

        msg = email.message_from_bytes((ws.root / row[0]).read_bytes(), policy=default)
        part = msg.get_body(preferencelist=("plain",))
        if part is not None:
            with contextlib.suppress(LookupError, ValueError):
                return str(part.get_content()).strip()
    from foi.templating import find_template, render

    sent = step.state.sent_on
    try:
        return render(find_template(ws, batch["template"]), {**context, "today": sent or context["today"]}).strip()
    except FoiError:
        return ""


def _escalation(ws: Workspace, step: Step, facts: BatchFacts, cal: Calendar, today: date, *, subject: str | None,
                request_text: str, pack: Pack | None, regulator_email: str | None) -> dict[str, Any]:
    state = step.state
    dates: dict[str, Any] = dict.fromkeys(DATE_KEYS)
    dates.update(sent_on=state.sent_on, received_on=state.received_on, due_on=state.due_on,
                 replied_on=state.last_reply_on, review_asked_on=state.review_asked_on,
                 review_outcome_on=state.review_outcome_on, chased_on=state.chased_on)
    dates.update({k: v for k, v in step.dates.items() if k in DATE_KEYS})
    dates["first_reply_on"] = state.replied_on
    dates["answer_by"] = cal.add_working_days(today, CHASE_GRACE_DAYS)
    dates["review_answer_by"] = cal.add_working_days(today, REVIEW_DAYS)
    dates["review_answer_latest"] = cal.add_working_days(today, REVIEW_DAYS if step.act == "FOISA"
                                                         else REVIEW_MAX_DAYS)
    # Section arguments answer a refusal: not a silence, nor information promised and not sent.
    facts_args = arguments_for(step, facts) if step.target in ("refusal", "review") else []
    evidence = [{**item, "words": KIND_WORDS.get(item["kind"], item["kind"]),
                 "sections_text": cite_all(item["sections"], step.act)} for item in step.evidence]
    return {
        "step": step.step, "target": step.target or "reply", "act": step.act, "law": LAW[step.act],
        "dates": dates, "working_days_overdue": step.dates.get("working_days_overdue"),
        "reply_late_days": step.dates.get("reply_working_days_late"),
        "status": step.state.status, "sections": list(step.sections),
        "sections_text": cite_all(step.sections, step.act), "ncnd": step.ncnd,
        "evidence": evidence, "last_evidence": next((e for e in reversed(evidence) if e["text"]), None),
        "reply_words": KIND_WORDS.get(_last_reply_kind(step) or "", "withheld the information"),
        "first_reply_words": KIND_WORDS.get(evidence[0]["kind"] if evidence else "", "refused the request"),
        "arguments": [a.as_dict() for a in facts_args],
        "group": group_context(step, facts), "answered": answered_context(step, facts),
        "subject": subject, "request_text": request_text, "why": list(step.why), "late": step.late,
        "grace_days": CHASE_GRACE_DAYS, "regulator_email": regulator_email,
        "timeline": [entry.line() for entry in pack.timeline] if pack else [],
        "enclosures": ["timeline.txt", *(f.name for f in pack.files)] if pack else [],
        "missing": list(pack.missing) if pack else [],
    }


def _last_reply_kind(step: Step) -> str | None:
    return next((e.kind for e in reversed(step.events) if e.kind in KIND_WORDS and e.kind not in
                 ("review-upheld", "review-overturned")), None)


def timeline_text(pack: Pack) -> str:
    return "\n".join(entry.line() for entry in pack.timeline) + "\n"


# --------------------------------------------------------------------------------------------------
# Checking the templates (`foi template check escalate-review`)


def sample_contexts(context: dict[str, Any]) -> list[dict[str, Any]]:
    """The request context a template check made, with made-up escalations covering every branch of
    the escalate-* templates: each target, every argument, FOIA or FOISA by the body's Act."""
    body = context["body"]
    act = body.get("act") or "FOIA"
    today = context["today"]
    day = today if isinstance(today, date) else date.fromisoformat(str(today))
    dates = {key: day for key in DATE_KEYS}
    arguments = [{"key": key, "cited": cited, "title": title, "qualified": q, "prejudice": p,
                  "labels": [cite(c, act) for c in cited]}
                 for key, cited, title, q, p in (
                     ("s12", ["12"], "cost limit", False, False),
                     ("s14", ["14(1)"], "vexatious request", False, False),
                     ("repeat", ["14(2)"], "repeated request", False, False),
                     ("s21", ["21"], "information accessible by other means", False, False),
                     ("s30", ["30(1)(a)"], "investigations and proceedings", True, False),
                     ("s31", ["31(1)(a)"], "law enforcement", True, True),
                     ("s40", ["40(2)"], "personal information", False, False),
                     ("exemption", ["38(1)"], "health and safety", True, True),
                     ("ncnd", [], "neither confirm nor deny", False, False),
                     ("partial", [], "what was withheld", False, False),
                     ("shared", [], "the same wording as other forces", False, False))]
    evidence = [{"on": day, "kind": "refused", "sections": ["40(2)"], "ncnd": False, "text": "A sentence they wrote.",
                 "message_row": None, "words": KIND_WORDS["refused"], "sections_text": "s.40(2)"}]
    out = []
    for step, target, status in (("chase", "reply", "sent"), ("chase", "review", "internal-review"),
                                 ("chase", "release", "review-overturned"), ("review", "refusal", "refused"),
                                 ("review", "reply", "sent"), ("complaint", "reply", "sent"),
                                 ("complaint", "review", "review-upheld"), ("complaint", "review", "internal-review"),
                                 ("complaint", "release", "review-overturned")):
        escalation = {
            "step": step, "target": target, "act": act, "law": LAW.get(act, LAW["FOIA"]), "dates": dates,
            "working_days_overdue": 3, "reply_late_days": 2, "status": status, "sections": ["40(2)"],
            "sections_text": "s.40(2)", "ncnd": True, "evidence": evidence, "last_evidence": evidence[0],
            "reply_words": KIND_WORDS["refused"], "first_reply_words": KIND_WORDS["refused"],
            "arguments": arguments if target in ("refusal", "review") else [],
            "group": {"bodies": ["x"], "names": ["X Police"], "names_text": "X Police", "size": 2, "text": "...",
                      "score": 95},
            "answered": {"sent": 43, "count": 2, "bodies": ["x", "y"], "names": ["X Police", "Y Police"],
                         "names_text": "X Police and Y Police"},
            "subject": "Freedom of Information request", "request_text": "1. For each year ...",
            "why": ["A reason."], "late": "A time limit has passed.", "grace_days": CHASE_GRACE_DAYS,
            "regulator_email": None, "timeline": ["2026-01-01 Thu  request sent"], "enclosures": ["timeline.txt"],
            "missing": [],
        }
        out.append({**context, "escalation": escalation})
    return out


# --------------------------------------------------------------------------------------------------
# Writing


def write_drafts(ws: Workspace, batch: str, out: Path, *, today: date, only: list[str] | None = None,
                 bodies: list[str] | None = None) -> WriteResult:
    """Plan the batch and write a letter per chase and review (txt, and eml where there is an address)
    and a pack folder per complaint into `out`, with the plan itself as plan.txt."""
    from foi.escalate.plan import check_steps

    only = check_steps(only)
    out = Path(out).expanduser().absolute()
    if out.exists() and not out.is_dir():
        raise FoiError(f"{out} is a file: give --write a folder.")
    plan = plan_batch(ws, batch, today=today, only=only, bodies=bodies)
    drafts = render_drafts(ws, plan, today=today)
    result = WriteResult(out=out, plan=plan, drafts=drafts)
    files: list[tuple[str, bytes | Path]] = [("plan.txt", ("\n".join(describe(plan)) + "\n").encode("utf-8"))]
    folders: list[str] = []
    for draft in drafts:
        if draft.pack is not None:
            folder = draft.stem
            folders.append(folder)
            files.append((f"{folder}/complaint.txt", _text_file(draft)))
            if draft.message is not None:
                files.append((f"{folder}/complaint.eml", bytes(draft.message)))
            files.append((f"{folder}/timeline.txt", timeline_text(draft.pack).encode("utf-8")))
            files.append((f"{folder}/README.txt", _pack_readme(draft).encode("utf-8")))
            files.extend((f"{folder}/correspondence/{item.name}", item.source) for item in draft.pack.files)
            result.missing.extend(draft.pack.missing)
            continue
        files.append((f"{draft.stem}.txt", _text_file(draft)))
        if draft.message is not None:
            files.append((f"{draft.stem}.eml", bytes(draft.message)))
        else:
            result.no_email.append({"body": draft.step.body, "step": draft.step.step, "send_via": draft.send_via})
    result.written = _publish(out, files, folders)
    return result


def _text_file(draft: Draft) -> bytes:
    return f"Subject: {draft.subject}\n\n{draft.text}".encode()


def _pack_readme(draft: Draft) -> str:
    law = LAW[draft.step.act]
    where = (f"Send complaint.eml (it carries the timeline and correspondence) to {draft.to}." if draft.to else
             f"Submit it through {law['regulator']}'s website, {law['submit_url']}, pasting complaint.txt and "
             "attaching the files below in this order.")
    lines = [f"Complaint pack: {draft.step.body_name}, {draft.step.reference}", "", where,
             f"Then record it: foi mark {draft.step.batch} {draft.step.body} ico-complaint --on YYYY-MM-DD", "",
             "Files:", "  complaint.txt  the letter", "  timeline.txt   what happened, with working-day counts"]
    lines += [f"  correspondence/{item.name}  {item.what}" for item in draft.pack.files] if draft.pack else []
    if draft.pack and draft.pack.missing:
        lines += ["", "Stored files no longer found (attach them yourself if you have them):"]
        lines += [f"  {m}" for m in draft.pack.missing]
    return "\n".join(lines) + "\n"


def _publish(out: Path, files: list[tuple[str, bytes | Path]], folders: list[str]) -> list[Path]:
    """Stage every file in a folder inside `out`, then move each into place (whole pack folders at once)."""
    try:
        out.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".foi-escalate-", dir=out))
    except OSError as exc:
        raise FoiError(f"Can't write to {out}: {exc.strerror or exc}. Give --write another folder.") from None
    try:
        for relative, data in files:
            target = staging / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(data, Path):
                shutil.copyfile(data, target)
            else:
                target.write_bytes(data)
            with open(target, "rb") as fh:
                os.fsync(fh.fileno())
        written = []
        for folder in folders:  # a pack is replaced whole, so no file of an older pack lingers in it
            final = out / folder
            if final.exists():
                old = staging / f".old-{folder}"
                os.replace(final, old)
            os.replace(staging / folder, final)
        for relative, _ in files:
            top = relative.split("/", 1)[0]
            if top in folders:
                written.append(out / relative)
                continue
            os.replace(staging / relative, out / relative)
            written.append(out / relative)
        return written
    except OSError as exc:
        raise FoiError(f"Writing the drafts to {out} failed ({exc.strerror or exc}); files already in place "
                       "are complete, the rest were not written.") from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)
