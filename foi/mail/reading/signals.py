"""The wording that says what kind of reply a letter is, and how much each phrase counts.

Each pattern adds its weight to its kind's score once per sentence it matches (a quarter of it
in a hypothetical sentence); :func:`foi.mail.classify.classify` weighs the scores against each
other. Tuned on the reply corpus (tests/fixtures/mail, bench/classify_precision.py).
"""

from __future__ import annotations

import re

from foi.mail.reading import grammar as g
from foi.mail.reading.decisions import COST_ESTIMATE

AUTO_SUBJECT_RE = re.compile(
    r"^\s*(?:automatic\s+reply|auto(?:matic)?[-\s]?(?:reply|response)|autoreply|out\s+of\s+(?:the\s+)?office|"
    r"away\s+from\s+(?:the\s+)?office|on\s+leave)\b",
    re.I,
)
# A person away from work, said plainly: "I'm away at the moment", "I am absent from the office
# until", "I'm off until Monday" (round 14; not "away from our usual timescales").
PERSON_AWAY = (r"\b(?:I\s+am|I'm|I\s+will\s+be|I'll\s+be)\s+(?:currently\s+|now\s+)?"
               r"(?:away\s+(?:at\s+the\s+moment|until|from\s+(?:\w+\s+)?(?:\d|mon|tue|wed|thu|fri)|this\s+week|today|on\s+(?:holiday|leave|annual))"
               r"|absent\s+(?:from\s+(?:the\s+)?(?:office|work|the\s+\w+)|until)|off\s+(?:work\s+)?until)\b"
    # or gone for good: "I no longer work for the council", "I have now left the organisation"
    r"|\bI\s+(?:no\s+longer\s+work(?:\s+(?:for|at|in|with))?|have\s+(?:now\s+)?left)\s+(?:here\b|(?:the|this)\s+(?:\w+\s+)?"
    r"(?:council|force|service|organi[sz]ation|authority|department|team|trust|university|police|constabulary"
    r"|office|unit)\b)")
AUTO_BODY_RE = re.compile(
    # "I am working away from the office with limited access to email and will reply on my return"
    r"\blimited\s+access\s+to\s+(?:my\s+)?e-?mails?\b|\b(?:reply|respond|deal\s+with\s+\w+|get\s+back\s+to\s+you)\s+"
    r"(?:on|upon|after)\s+my\s+return\b|"
    r"\b(?:I\s+am|I'm)\s+(?:currently\s+)?(?:working\s+)?(?:out\s+of\s+(?:the\s+)?office|away\s+from\s+(?:the\s+"
    r"|my\s+)?(?:office|desk)|"
    r"on\s+(?:annual\s+)?leave)|this\s+is\s+an\s+automat(?:ic|ed)\s+(?:reply|response|message)"
    # a person away said plainly (round 14): "I'm away at the moment and back on 18 March", "I am
    # currently absent from the office", "I'm off until Monday"
    r"|" + PERSON_AWAY,
    re.I,
)
NCND_RE = re.compile(
    r"\bneither\s+confirms?\s+n?or\s+den(?:y|ies)|\bNCND\b|\b(?:will|can|would|shall|does|do)\s*(?:not"
    r"|n't)\s+(?:either\s+)?confirm\s+or\s+deny|"
    r"\b(?:unable|not\s+able)\s+to\s+(?:either\s+)?confirm\s+or\s+deny|"
    r"\bnot\s+(?:obliged|required)\s+to\s+confirm\s+or\s+deny|duty\s+to\s+confirm\s+or\s+deny\s+does\s+not\s+apply|"
    r"(?:excluded|exempt)\s+from\s+the\s+duty\s+to\s+confirm\s+or\s+deny"
    # The stance in other words (round 11): "we are unable to confirm whether or not anything
    # is held", "cannot say whether the force holds it" (not "cannot yet say": a reply to come).
    r"|\b(?:unable|not\s+(?:able|in\s+a\s+position)|cannot|can\s*not|can't|will\s+not|won't)\s+(?:to\s+)?(?:either\s+)?"
    r"(?:confirm|say|state)\s+whether\s+(?:or\s+not\s+)?(?:any|the|this|that|such|we|it|(?:the\s+)?\w+\s+(?:holds?|has))\b"
    r"[^.;]{0,60}?\b(?:is|are|was|were|be)\s+(?:or\s+(?:is|are)\s+not\s+)?held\b|\b(?:unable|not\s+able|cannot|can\s*not|will\s+not)\s+(?:to\s+)?"
    r"(?:confirm|say|state)\s+whether\s+(?:or\s+not\s+)?(?:we|the\s+\w+|it)\s+(?:holds?|has)\b"
    # Round 12, the same stance in more words and voices: "unable to confirm or not whether we hold
    # it", "not in a position to confirm or deny", "we must decline to confirm or deny", "neither
    # confirming nor denying", "whether it is held will be neither confirmed nor denied" (a rule that
    # any authority may, "a public authority may neither confirm nor deny", stays a rule: these
    # need the letter's own inability, refusal or tense).
    r"|\b(?:unable|not\s+(?:able|in\s+a\s+position)|cannot|can\s*not|can't)\s+(?:to\s+)?(?:either\s+)?confirm\s+"
    r"(?:or\s+(?:not|otherwise)\s+)whether\b"
    r"|\bnot\s+in\s+a\s+position\s+to\s+(?:either\s+)?confirm\s+or\s+deny"
    r"|\b(?:we|I|it|the\s+(?:force|constabulary|service|council|department|trust|authority)|(?-i:[A-Z]{2,5})"
    r"|(?-i:[A-Z][\w-]+)\s+(?:police|constabulary)|police\s+(?-i:[A-Z][a-z]+))\s+(?:\w+\s+){0,2}?(?:decline[sd]?|refuse[sd]?|declining|refusing)\s+to\s+(?:(?:either\s+)?confirm\s+or\s+deny"
    r"|(?:reveal|say|state|disclose)\s+whether\b)"
    # The closing line of such letters: "this should not be taken as an indication that the
    # information you asked for does or does not exist".
    r"|\bnot\s+be\s+taken\s+as\s+(?:\w+\s+)?(?:an?\s+)?indicat\w*\s+that\b[^.;]{0,120}?\b(?:exists?|is\s+held)\s+or\s+"
    r"(?:does\s+not|doesn't|is\s+not|isn't)(?:\s+(?:exist|held))?\b"
    # FOISA's own NCND section, relied on: "in terms of section 18(1) of FOISA".
    r"|\b(?:in\s+terms\s+of|under|applying|appl(?:y|ied)|relying\s+on|rel(?:y|ied)\s+(?:up)?on)\s+section\s+18\s*(?:\(1\)\s*)?"
    r"of\s+(?:the\s+)?(?:FOISA|Freedom\s+of\s+Information\s+\(Scotland\)\s+Act)"
    r"|\bneither\s+confirming\s+n?or\s+denying\b|\b(?:be|being|been|is|are|was|were)\s+neither\s+confirmed\s+n?or\s+denied"
    r"|\bit\s+(?:(?:is|would\s+be)\s+(?:not\s+(?:possible|appropriate)|inappropriate)|would\s+not\s+be\s+(?:possible"
    r"|appropriate))\s+(?:for\s+(?:us|the\s+\w+)\s+)?"
    r"to\s+(?:either\s+)?confirm\s+or\s+deny"
    # Round 12b: the holder named in more words, in any tense of "hold": "unable to confirm whether
    # the Home Office does hold information", "cannot say whether Northshire Police holds it",
    # "not able to state whether the department does or does not hold such records".
    r"|\b(?:unable|not\s+(?:able|in\s+a\s+position)|cannot|can\s*not|can't)\s+(?:to\s+)?(?:either\s+)?"
    r"(?:confirm|say|state)\s+whether\s+(?:or\s+not\s+)?(?:we|it|the\s+(?:\w+\s+){0,3}?\w+"
    r"|(?-i:[A-Z][\w'-]+)(?:\s+(?-i:[A-Z][\w'-]+)){0,3})\s+(?:(?:does|do)\s+(?:or\s+(?:does|do)\s+not\s+)?)?"
    r"(?:holds?|has|have)\s+(?:any\s+|the\s+|such\s+|this\s+|that\s+)?(?:information|data|records?|details"
    r"|figures|material|documents?|it|them)\b",
    re.I,
)

# The cost limit in other words (issue 12, round 11), for letters that name neither the hours nor
# the section: the work set against "the amount to which we are (legally required ...)"; the cost
# of complying with this request above an amount or limit; an unreasonable amount of work it would
# take. (Not the cost of a service asked about: "the cost of providing the scheme was above the
# amount budgeted" names no request.)
_OVER = r"(?:above|exceed(?:s|ed|ing)?|beyond|over|more\s+than|in\s+excess\s+of|outside)"
COST_IN_WORDS = (
    r"\b" + _OVER + r"\s+the\s+(?:amount|level|limit)\s+(?:of\s+(?:time|work|money|resources?)\s+)?(?:to\s+which|which"
    r"|that)\s+(?:we|I|(?:the|this)\s+(?:\w+\s+){0,2}?(?:force|police|constabulary|service|council|authority|department"
    r"|office|trust|organisation|commissioner))\s+(?:is|are|am|can|could|may|must|would|should)\b"
    r"|\bcost\s+of\s+(?:(?:providing|supplying|giving|producing|locating|retrieving|extracting|collating|compiling"
    r"|obtaining|finding)\s+(?:you\s+with\s+)?(?:the|this|that|these|those|such|all\s+(?:of\s+)?(?:the|this))\s+"
    r"(?:information|data|details|figures|records|material)|(?:complying|compliance|dealing)\s+with\s+(?:the|this|your"
    r"|such\s+a)\s+(?:request|enquiry)|answering\s+(?:the|this|your)\s+(?:request|enquiry|questions?))\b[^.;]{0,60}?"
    r"\b(?:" + _OVER + r"|exceed)\s+(?:the|our|any|a)\s+(?:\w+\s+)?"
    r"(?:amount|limit|level|threshold|maximum|ceiling|sum)\b"
    r"|\b(?:would|will|could)\b[^.;]{0,40}?\b(?:unreasonable|excessive|inordinate|prohibitive)\s+"
    r"(?:amount|level|quantity|degree)\s+of\s+(?:staff\s+|officer\s+|manual\s+)?(?:time|work|research|effort|resources?"
    r"|searching|checking)\b"
)

# The cost limit (s.12), in the words forces use, whether or not they print the section number:
# "exceeds the 'appropriate limit'", "beyond the sum we are bound by law to
# spend", "well in excess of ... £450", "would take more than 18 hours".
# "The force is treating this request as vexatious", "we have treated your request as vexatious",
# "we consider your request to be vexatious", "your request has been treated as vexatious":
# section 14 applied in the ICO's words (round 14b). The verb in a tense that states what is done
# (never "may/will/would treat", a warning), never negated, and of this request.
# "There are no data breaches", "there is no data protection issue": "data" as the first half of
# another noun says nothing about what is held; nor does "to ensure there are no ..." , a purpose
# (round 14b: a vexatious refusal explaining the checks a release would need).
_NOT_DATA_COMPOUND = (r"(?!\s+(?:breach\w*|protection|sharing|loss\w*|leak\w*|incidents?|subjects?|controllers?"
                      r"|processors?|processing|quality|security|retention)\b)")
_NOT_A_PURPOSE = r"(?<!ensure\s)(?<!ensure\sthat\s)(?<!sure\s)(?<!sure\sthat\s)"


# "... to ensure there are no breaches and all tactical information has been redacted": a check a
# release would need, in the same clause as "ensure" (no comma between), says nothing was redacted
# (round 14b). "To ensure privacy, names have been redacted" states it after its comma.
_NOT_ENSURED_REDACTION = r"^(?!.*\b(?:ensure|make\s+sure)\s+[^,;:]{0,160}?\bredact)"


VEXATIOUS_DECIDED = (
    r"|\b(?:am|are|is|have|has|had)\s+(?:now\s+|therefore\s+|also\s+|accordingly\s+)?(?:treat(?:ing|ed)|regard(?:ing|ed)"
    r"|consider(?:ing|ed)|deem(?:ing|ed))\s+(?:this|your|the)\s+(?:\w+\s+){0,2}?requests?\s+(?:as|to\s+be)\s+(?:being\s+)?"
    r"vexatious\b"
    r"|\b(?:we|I)\s+(?:therefore\s+|now\s+|also\s+|accordingly\s+)?(?:consider|regard|deem|find|treat)\s+(?:this|your|the)\s+"
    r"(?:\w+\s+){0,2}?requests?\s+(?:as|to\s+be)\s+(?:being\s+)?vexatious\b"
    r"|\b(?:this|your|the)\s+(?:\w+\s+){0,2}?requests?\s+(?:is|has\s+been)\s+(?:being\s+)?(?:treated|regarded)\s+as\s+"
    r"vexatious\b"
)
COST_LIMIT = (
    r"\bexceed(?:s|ed|ing)?\s+(?:the\s+)?['\u2018\u2019\u201c\u201d\"]?(?:appropriate|cost|fees?|time)\s+(?:costs?\s+)?"
    r"(?:limit|level|threshold)|(?:appropriate|cost|fees?)\s+(?:costs?\s+)?(?:limit|level|threshold)\b.{0,80}\b(?:exceed"
    r"|in\s+excess)"
    # "could not be done within the 18 hours allowed", "not possible within the appropriate limit"
    r"|\b(?:cannot|can\s*not|could\s+not|not\s+(?:be\s+)?(?:possible|able|achievable))\b.{0,80}\bwithin\s+(?:the\s+)?"
    r"(?:18\s*(?:-\s*)?hours?|appropriate|cost|fees?|time)\s*(?:\(cost\)\s*)?(?:limit|threshold|level)?"
    r"|\b(?:exceed|in\s+excess\s+of|more\s+than|longer\s+than|beyond|over|above)\b.{0,90}(?:18\s*(?:-\s*)?hours?|\u00a3\s?(?:450|600)"
    r"|cost\s+threshold|time\s+threshold|appropriate\s+limit|cost\s+limit)"
    r"|\bexcess(?:ive)?\s+cost|\btoo\s+costly|\bexceed\s+the\s+(?:18\s*(?:-\s*)?hour|time)"
    r"|(?:18\s*(?:-\s*)?hours|\u00a3\s?(?:450|600)).{0,80}\b(?:exceed|in\s+excess)"
    # ("That work would go past the sum the law obliges us to spend": the limit
    # in other verbs, round 10.)
    r"|\b(?:above|exceed(?:s|ed|ing)?|beyond|over|more\s+than)\s+the\s+amount\s+(?:to\s+)?which\s+(?:we\s+are"
    r"|the\s+\w+\s+(?:is|are))\s+(?:legally\s+)?(?:required|obliged)\s+to\s+(?:respond|comply|spend)"
    r"|\bcost\s+of\s+compliance\s+exceeds"
    r"|" + COST_IN_WORDS +
    # An estimate of more than 18 hours' work, with or without the limit named (round 6).
    r"|" + COST_ESTIMATE
)
COST_LIMIT_RE = re.compile(COST_LIMIT, re.I)

SALUTATION_RE = re.compile(r"^(?:dear|hi|hello|good\s+(?:morning|afternoon|evening))\b[^.]{0,40}$", re.I)

# Some of what was asked for is held back: "we have decided not to release part of the
# data", figures withheld because the numbers are low.
SOME_WITHHELD = (
    r"\b(?:decided|decision\s+(?:has\s+been|was)\s+(?:taken|made))\s+not\s+to\s+(?:supply|provide"
    r"|disclose|release)\s+(?:some|part|parts|certain)\b"
    r"|\b(?:withheld|suppressed|redacted|removed|not\s+(?:been\s+)?(?:supplied|provided|disclosed|released)"
    r"|not\s+to\s+(?:supply|provide|disclose|release))\b.{0,100}\b(?:low|small)\s+numbers"
    # Round 14: "Whilst I have provided the bulk of this information, some of it is exempt from
    # disclosure" - part held back, as done.
    r"|\bsome\s+of\s+(?:it|this|them|(?:the|this)\s+(?:requested\s+)?(?:information|data|details|material))\s+"
    r"(?:is|are|has\s+been|have\s+been|was|were)\s+(?:\w+\s+){0,2}?(?:exempt|withheld|redacted)\b"
)

# All of what was asked for is held back, said without a section: "withholding the whole of the
# request", "withheld in full", "withholding all of the information".
WHOLE_WITHHELD = (
    r"\bwithh(?:olding|eld|old)\s+(?:the\s+)?(?:whole|entirety|all)\s+of\s+(?:the|your|this|it)\b"
    r"|\b(?:withh(?:olding|eld|old)|exempt)\s+(?:(?!(?:but|and|while|disclos|releas|provid|giv)\w*\b)\w+\s+){0,3}?in\s+"
    r"(?:full|(?:its|their)\s+entirety)\b"
)

# "Whether the public interest favours keeping the data back or releasing it" weighs both.
EITHER_WAY = r"(?!\s+(?:\w+\s+){0,2}or\s+(?:in\s+)?(?:disclos|releas|provid|publish)\w*)"

# "Not able to give you a reply" is a reply not yet made, not information refused.
NOT_A_REPLY = (r"(?!\s+(?:you\s+(?:with\s+)?)?(?:a|the|our|any|your)\s+(?:full\s+|final\s+)?(?:response|reply)\b)"
               # "We cannot get an answer to you within the 20 working days": late, not refused.
               r"(?![^.;]{0,60}" + g.IN_TIME_LIMIT + r")")

# They offer to answer less and ask whether we agree: a question to us, not a refusal.
NARROWING = (
    r"\b(?:would|will)\s+you\s+(?:be\s+)?(?:accept|agree|consider|prefer|like\s+(?:us|me)\s+to|want\s+(?:us|me)\s+to"
    r"|(?:happy|content|willing|prepared)\s+(?:to|with|for))\b"
    r"|\b(?:are|were)\s+you\s+(?:happy|content|willing|prepared)\s+(?:to|with|for)\b"
    r"|\b(?:let\s+(?:me|us)\s+know|(?:please\s+)?(?:confirm|advise|indicate|tell\s+(?:me|us)))\s+(?:whether|if)\s+you"
    r"\s+(?:would|wish\s+to|want\s+to)\s+(?:\w+\s+){0,2}"
    r"(?:accept|narrow|reduce|refine|amend|limit|proceed|like|prefer|be\s+(?:happy|content|willing))"
    # "Do you wish to refine your request to one station?"
    r"|\b(?:do|would)\s+you\s+(?:wish|want|like)\s+(?:us\s+|me\s+)?to\s+(?:narrow|reduce|refine|amend|limit|restrict"
    r"|proceed|focus|confine)"
)
NARROWING_RE = re.compile(NARROWING, re.I)
# A refusal stated as a decision, not only the cost it would take: "this letter is a refusal
# notice", "your request is refused", "I am not obliged to".
FORMAL_REFUSAL_RE = re.compile(
    r"\brefusal\s+notice|\b(?:this|your|the)\s+request\s+(?:is|has\s+been)\s+(?:being\s+|hereby\s+|therefore\s+)?refused"
    r"|\bnot\s+obliged\s+to|\b(?:am|are|is)\s+(?:therefore\s+)?refusing\b|\b(?:is|are)\s+(?:therefore\s+)?exempt\b"
    r"|\bexempt\s+(?:from\s+disclosure\s+)?by\s+virtue",
    re.I,
)

# (signal, pattern, weight). A pattern adds its weight to its signal once per sentence it matches.
# Signals: the kinds of reply, plus "data" (information is given), "partial" (only part of it),
# "firm" (a definite refusal, as against a section merely named), "review" (an internal review
# outcome letter), "review-ack" (a review is being started), "generic" (a mailbox's automatic
# receipt), "held" (they say they hold the information).
_SIGNALS: tuple[tuple[str, str, float], ...] = (
    # acknowledgement
    ("acknowledged", r"\b(?:we|I)\s+(?:have\s+|has\s+)?(?:now\s+)?received\s+your\s+"
        r"(?:recent\s+|e-?mailed\s+|written\s+)?(?:request|application|freedom|foi|enquiry)", 1.5),
    # (Not "counted from when your request arrived", "since the day your request was logged": a
    # receipt as the point the figures or the clock run from, said inside an answer.)
    # (Not "a snapshot of data held at the time the request was received": when, not a receipt; round 15.)
    ("acknowledged", r"(?<!\bdate\s)(?<!\bday\s)(?<!\bsince\s)(?<!\bwhen\s)(?<!\bafter\s)(?<!\bbefore\s)(?<!\buntil\s)"
        r"(?<!\btime\s)(?<!\bmoment\s)(?<!\bpoint\s)"
        r"\b(?:your|the|this)\s+(?:request|application|enquiry)\s+(?:for\s+information\s+)?(?:which\s+)?"
        r"(?:was|has\s+been|is|had\s+been)\s+(?:received|logged|registered)", 1.5),
    ("acknowledged", r"\backnowledge\s+(?:the\s+)?receipt\s+of\s+your\s+(?:request|freedom|foi|application|enquiry)"
        r"|\backnowledg(?:e|ement)\s+(?:of\s+)?your\s+(?:request|foi)|\bthis\s+(?:e-?mail|letter)\s+(?:is\s+to\s+)?"
        r"acknowledges?\s+(?:receipt\s+of\s+)?your\s+request|\bwe\s+acknowledge\s+receipt", 2.0),
    ("acknowledged", r"\b(?:we|I)\s+have\s+(?:now\s+)?(?:logged|registered)\s+your\s+(?:\w+\s+)?(?:request|e-?mail"
        r"|enquiry|application)\b", 1.5),
    ("acknowledged", r"\b(?:has|have)\s+been\s+(?:logged|registered|allocated)|\blogged\s+(?:under|with|as)\b"
        r"|\b(?:assigned|allocated|given)\s+(?:a|the)?\s*(?:unique\s+)?reference", 1.5),
    ("acknowledged", r"\bwill\s+(?:now\s+)?be\s+(?:considered|dealt\s+with|processed"
        r"|handled)\s+(?:in\s+accordance|under"
        r"|within)", 1.5),
    ("acknowledged", r"\byou\s+(?:will|should|(?:can|may)\s+expect\s+to)\s+(?:receive|get|have)\s+a\s+(?:full\s+)?"
        r"(?:response|reply)\s+within"
        r"|\bwill\s+(?:receive|be\s+(?:sent|given|provided))\s+(?:with\s+)?a\s+(?:full\s+)?(?:response|reply)\s+within"
        r"|\b(?:will|shall|aim\s+to|endeavour\s+to|expect\s+to)\s+(?!(?:\w+\s+){0,2}(?:not|unable)\b)(?:\w+\s+){0,4}"
        r"(?:respond|reply|answered"
        r"|provide\s+(?:you\s+with\s+)?"
        r"a\s+response)\s+(?:to\s+you\s+)?(?:promptly\s+(?:and\s+)?)?within\s+(?:the\s+statutory\s+)?(?:timescale\s+of\s+)?"
        r"(?:20|twenty)\s+working\s+days", 1.5),
    ("acknowledged", r"\brespond\s+(?:to\s+you\s+)?in\s+due\s+course|\bexpect\s+to\s+(?:revert|come\s+back|get\s+back)"
        r"|\b(?:are|is)\s+(?:now\s+)?dealing\s+with\s+your\s+request|\bthank\s+you\s+for\s+your\s+(?:e-?mail"
        r"|request|enquiry"
        r"|letter)\s+(?:[^.]{0,60}?\b(?:which|that)\s+(?:was|we)\s+)?received\b|\bin\s+the\s+process\s+of"
        r"\s+dealing\s+with\s+your\s+request|\b(?:is|are)\s+(?:now\s+)?being\s+(?:processed|dealt\s+with|considered"
        r"|handled)\b", 1.0),
    ("acknowledged", r"\b(?:has\s+been|have\s+been|was)\s+(?:passed|forwarded|sent|allocated)\s+to\s+(?:the\s+)?"
        r"(?:relevant|appropriate)\s+(?:department|team|unit|officer|person)|\b(?:be\s+in\s+touch|contact\s+you|get\s+back\s+to\s+you)"
        r"\s+within\s+(?:the\s+)?(?:statutory\s+)?(?:20|twenty)\s+working\s+days", 1.5),
    # "I have passed your request to our FOI team, who will be in touch" (round 7).
    ("acknowledged", r"\b(?:passed|forwarded|referred)\s+(?:your\s+(?:\w+\s+)?(?:request|e-?mail|enquiry)|this|it)"
        r"\s+(?:on\s+)?to\s+(?:our|the)\s+(?:\w+\s+){0,3}(?:team|unit|department|officer|section)\b(?![^.]{0,80}\b(?:who|which)\s+"
        r"(?:has|have|provided|supplied|confirmed|advised)\b)", 1.5),
    ("acknowledged", r"\b(?:required|obliged)\s+to\s+(?:supply|provide|respond|reply)\b.{0,60}\bwithin\s+(?:20"
        r"|twenty)\s+"
        r"(?:working\s+)?days", 1.0),
    # "We will respond by 31 March": a due date, in a receipt as much as in an extension.
    ("acknowledged", r"\b(?:will|shall|aim\s+to|expect\s+to)\s+(?:respond|reply)\s+(?:to\s+you\s+)?"
        r"(?:by|on\s+or\s+before|no\s+later\s+than)\b", 0.5),
    # The acknowledgement is itself the attachment: "please find attached an acknowledgement letter
    # for your request" (issue 12, coverage).
    ("acknowledged", r"\b(?:attach(?:ed|es)?|enclos(?:ed|es|e))\b[^.]{0,40}\b(?:acknowledge?ment\s+(?:letter|notice)"
        r"|letter\s+of\s+acknowledge?ment)\b"
        r"|\b(?:attach(?:ed|es)?|enclos(?:ed|es|e))\s*,?\s+(?:(?:an?|our|the|your)\s+)?acknowledge?ment\s*(?:[.,;]|$"
        # "Attached is an acknowledgement of your request" (round 8)
        r"|\s+(?:for|of|to|regarding|concerning)\s+(?:your|the|this)\s+(?:\w+\s+){0,4}?(?:request|application|enquiry))"
        r"|\backnowledge?ment\s+(?:letter|notice)\b[^.]{0,40}\b(?:is|has\s+been)\s+(?:attached|enclosed)", 2.0),
    ("review-ack", r"\ba\s+review\s+will\s+now\s+be\s+(?:conducted|carried\s+out|undertaken)"
        r"|\b(?:your|the)\s+(?:internal\s+)?review\s+request\b.{0,40}\b(?:has\s+been|was|is)\s+(?:received|logged|passed)"
        r"|\breviewing\s+officer\s+will"
        r"|\b(?:your|the)\s+request\s+for\s+(?:an?\s+)?(?:internal\s+)?review\b.{0,80}\b(?:has\s+been|was|is)\s+"
        r"(?:received|logged|passed)|\b(?:we|I)\s+have\s+received\s+your\s+request\s+for\s+an?\s+(?:internal\s+)?review"
        r"|\bhas\s+been\s+passed\s+to\s+a\s+(?:senior|reviewing)\s+officer", 2.0),
    # a mailbox's automatic receipt, not about this request in particular
    ("generic", r"\byour\s+e-?mail\s*,?\s+(?:which\s+)?(?:has\s+been|was|is)\s+(?:received|acknowledged)"
        r"|\b(?:cannot|can\s*not|unable\s+to|do\s+not)\s+(?:reply|respond)\s+to\s+(?:each|every|all)\s+(?:one|e-?mails?"
        r"|messages?)?\s*individually|\b(?:due\s+to|because\s+of)\s+the\s+(?:high\s+|large\s+)?(?:volume|number)\s+of\s+"
        r"e-?mails|\be-?mail\s+to\s+the\s+.{0,60}"
        r"(?:in\s*box|mailbox)\s+is\s+acknowledged|\backnowledge\s+receipt\s+of\s+your\s+e-?mail|\bwe\s+have\s+received"
        r"\s+your\s+e-?mail|\byou\s+have\s+(?:contacted|reached)\s+the\b|\bthank\s+you\s+for\s+contacting\b", 1.5),
    ("generic", r"\bthis\s+is\s+an\s+automat|\bautomated\s+(?:reply|response|message|acknowledge?ment)"
        r"|\bdo\s+not\s+reply"
        r"\s+to\s+this|\bhigh\s+volume\s+of\s+(?:requests|e-?mails|correspondence|enquiries)"
        r"|\bindividual\s+acknowledge?ment"
        r"|\bwill\s+receive\s+attention|\bthis\s+(?:mailbox|inbox)\b|\bplease\s+accept\s+this\s+(?:reply|e-?mail)\s+as"
        r"\s+(?:an\s+)?acknowledge?ment|\bfrequently\s+asked\s+questions", 1.5),
    # extension
    # "extend the deadline", "extend our response time limit", "extending the period for our reply"
    ("extended", r"\bextend(?:ed|ing)?\s+(?:the|our|its|this|your)?\s*(?:\w+\s+){0,2}?(?:time|deadline|period|date"
        r"|timescale|time\s*(?:limit|frame))\b|\bextension\b", 2.0),
    ("extended", r"\b(?:section\s+|s\.?\s?)10\s*\(\s*3\s*\)", 2.0),
    # A holding note on an overdue request, with no new date: "we are still having difficulties with
    # this request", "staffing issues are causing further delays", "I am still not in a
    # position to send you our reply" (issue 12, coverage).
    ("extended", r"\bstill\s+(?:having|experiencing|facing)\s+(?:some\s+)?(?:difficult\w+|problems|issues)"
        r"|(?<!\bcan\s)(?<!\bcould\s)(?<!\bmay\s)(?<!\bmight\s)\b(?:caus\w*|lead\w*\s+to|result\w*\s+in)\s+(?:some\s+)?(?:further|additional|more)\s+delays?\b"
        r"|\b(?:still|have\s+still\s+been|has\s+still\s+been)\s+(?:been\s+)?unable\s+to\s+(?:provide|send|give)\s+"
        r"(?:you\s+(?:with\s+)?)?(?:a|the|our|your)\s+(?:full\s+)?(?:response|reply)", 1.5),
    # "The deadline for responding has been extended to 12 March"; "is taking longer than expected".
    # (and "the time for our response has been extended until 12 April"; round 14)
    ("extended", r"\b(?:deadline|time\s+limit|timescale|response\s+(?:date|time)|due\s+date|(?:date|time)\s+for\s+"
        r"(?:our\s+|a\s+|the\s+)?(?:response|reply))\b[^.]{0,60}\b(?:has\s+been|is\s+being|will\s+be|was)\s+extended"
        r"|\b(?:is|are)\s+taking\s+longer\s+than\b|\bwill\s+take\s+longer\s+than\s+(?:expected|anticipated|usual|the\s+(?:20"
        r"|twenty))", 2.0),
    # Still weighing it: "we are still considering where the public interest lies", "no decision has
    # yet been made on the balance of the public interest", "lets us go beyond the 20 working days".
    ("extended", r"\b(?:are|am|is)\s+(?:currently\s+|still\s+|now\s+)?(?:assessing|considering|weighing|balancing)\s+"
        r"(?:the\s+|where\s+the\s+)?(?:balance\s+of\s+the\s+)?public\s+interest"
        r"|\bnot\s+yet\s+(?:reached|made|come\s+to|completed|concluded|finished)\s+(?:a|our|the|this|its)\b"
        r"(?:\s+(?:decision|consideration|assessment|public\s+interest\s+test))?"
        r"|\bexceed\s+the\s+(?:20|twenty)(?:\s+|-)working(?:\s+|-)days?", 1.5),
    ("extended", r"\b(?:additional|further|more)\s+time\b|\breasonable\s+(?:period|extension|further\s+period)"
        # "we need a further 20 working days"; "sorry that our reply is running late"
        r"|\b(?:a\s+)?(?:further|additional|another|extra)\s+(?:\d{1,2}|ten|twenty|forty)\s+(?:working\s+|calendar\s+)?days"
        r"|\bdelay\s+in\s+(?:responding|replying|(?:providing|sending)\s+(?:you\s+with\s+)?(?:a|our|the)\s+"
        r"(?:response|reply|answer)|our\s+(?:response|reply))\b", 1.5),
    # Late: "we cannot reply inside the statutory 20 working days", "not ready to
    # reply yet", "your response will be delayed", "unable to meet the deadline".
    ("extended", r"(?<!\bwere\s)(?<!\bwas\s)(?<!\bbeen\s)\b(?:unable|not\s+be\s+able|not\s+able|cannot|can\s*not"
        r"|will\s+not\s+be\s+able|(?:have|has)\s+not\s+(?:yet\s+)?been\s+able)\s+(?:to\s+)?"
        r"(?:respond|reply|answer|(?:provide\s+(?:you\s+with\s+)?|give\s+(?:you\s+)?|send\s+(?:you\s+)?)(?:a|our|the)\s+"
        r"(?:full\s+)?(?:response|reply|answer))"
        r"\s+(?:to\s+(?:you|your\s+request)\s+)?(?:in\s+full\s+)?(?:within\s+(?:the\s+)?(?:statutory\s+|prescribed\s+"
        r"|normal\s+|usual\s+|required\s+|legal\s+)?(?:(?:20|twenty)(?:\s+|-)working(?:\s+|-)days?|time\s+(?:limit|scale|frame)"
        r"|timescale|deadline)"
        # On the due day itself: "a full reply cannot be sent to you today" (round 9).
        r"|today\b|by\s+(?:the\s+)?(?:due\s+date|deadline)|on\s+time\b)"
        r"|\bnot\s+(?:yet\s+)?(?:in\s+a\s+position|ready|able\s+at\s+(?:this|the\s+present)\s+time)\s+to\s+(?:respond"
        r"|reply|answer|provide\s+(?:you\s+with\s+)?(?:a|our|the)\s+(?:full\s+)?(?:response|reply|answer|decision)"
        r"|issue|send|give\s+(?:you\s+)?(?:a|our|the)\s+(?:full\s+)?(?:response|reply|answer|decision))"
        r"|\b(?:response|reply|answer)\s+(?:to\s+your\s+request\s+)?(?:will|may|is\s+going\s+to)\s+(?:\w+\s+)?be\s+"
        r"(?:late|delayed)\b"
        r"|\b(?:unable|not\s+(?:be\s+)?able)\s+to\s+meet\s+the\s+(?:statutory\s+|original\s+)?(?:deadline|time\s+limit"
        r"|timescale|(?:20|twenty)(?:\s+|-)working(?:\s+|-)days?)", 2.0),
    # Why it is late: "we are still collating the information".
    ("extended", r"\b(?:are|am|is)\s+still\s+(?:collating|gathering|compiling|locating|retrieving|awaiting|waiting"
        r"|consulting|considering|assessing|preparing)\b", 1.0),
    ("extended", r"\b(?:now\s+)?(?:plan|aim|expect|hope|intend|anticipate)\s+to\s+"
        r"(?:let\s+you\s+have\s+(?:a|our|the)\s+"
        r"(?:full\s+)?(?:response|reply|answer|decision)"
        r"|respond|reply|(?:provide|send|issue|give)\s+(?:you\s+)?(?:with\s+)?(?:a|our|the|it|this)\s*(?:full\s+|final\s+)?"
        r"(?:response|reply|answer|decision)?)\s+(?:to\s+you\s+)?"
        r"(?:by|no\s+later\s+than|on\s+or\s+before)\b", 1.0),
    ("extended", r"\bwill\s+(?:therefore\s+|now\s+)?(?:respond|reply|provide\s+(?:you\s+with\s+)?(?:a|our|the)\s+"
        r"(?:full\s+)?(?:response|decision))\s+(?:to\s+you\s+)?(?:by|no\s+later\s+than|on\s+or\s+before)\b", 1.0),
    # Weighing an exemption it has not yet decided on: "we are considering whether section 27
    # applies", "the Act lets the reply take longer while the public interest test is
    # still open".
    ("extended", r"\bconsidering\s+whether\s+(?:the\s+|an?\s+|any\s+)?(?:exemptions?|sections?|s\.?\s?\d|information\s+"
        r"(?:is|should\s+be)\s+exempt)"
        r"|\b(?:time|period)\s+for\s+(?:the\s+)?(?:response|reply)\s+to\s+be\s+(?:longer|extended)"
        r"|\bpublic\s+interest\b.{0,60}\b(?:undetermined|undecided|not\s+yet\s+(?:been\s+)?(?:determined|decided|concluded"
        r"|completed|reached))", 2.0),
    ("extended", r"\b(?:considering|consider"
        r"|consideration\s+of)\s+(?:the\s+)?(?:balance\s+of\s+the\s+)?public\s+interest"
        r"|\bpublic\s+interest\s+test\b.{0,60}\b(?:not\s+yet|further\s+time|more\s+time|additional\s+time)", 0.5),
    # More time in other words (round 6): "the new date for our response", "we will need until 9
    # April", "we need to weigh the public interest", "we have not been able to finish", "your
    # response is overdue", "we are finalising it and will send it to you by 21 March".
    ("extended", r"\b(?:new|revised|extended|amended)\s+(?:target\s+|due\s+|response\s+)?(?:date|deadline)\b"
        r"|\b(?:need|require|take)\s+until\b"
        r"|(?<!\bno\s)(?<!\bnot\s)\bneed\w*\s+(?:more\s+time\s+|further\s+time\s+)?to\s+(?:weigh|consider|assess|balance)\s+"
        r"(?:up\s+)?(?:the\s+)?(?:balance\s+of\s+the\s+)?public\s+interest"
        r"|\bnot\s+yet\s+(?:reached|made|come\s+to|completed|concluded)\s+(?:a|its|our|the)\s+(?:decision|conclusion|view)"
        r"\s+(?:on|about|regarding)\s+(?:the\s+)?(?:balance\s+of\s+the\s+)?public\s+interest", 2.0),
    ("extended", r"(?:\b(?:not\s+(?:yet\s+)?(?:been\s+)?able|unable)\s+to\s+(?:finish|complete|conclude|finali[sz]e)"
        r"|\bnot\s+yet\s+(?:been\s+)?able\s+to\s+(?:provide\s+(?:you\s+with\s+)?(?:a|our|the)\s+(?:full\s+)?(?:response"
        r"|reply|answer)|respond|reply))\b"
        r"(?![^.]{0,80}\b(?:cost|limit|hours)\b)", 1.5),
    ("extended", r"\b(?:is|are)\s+(?:now\s+)?overdue\b"
        r"|\bapolog(?:ies|i[sz]e\w*)\s+(?:for|that)\b[^.]{0,60}\b(?:late|overdue|delay)"
        # (not "the delay in acknowledging your email": the receipt was late, not the reply; round 15)
        r"(?!\w*\s+(?:in|with)\s+(?:acknowledg|confirming\s+receipt|logging|registering))"
        r"|\b(?:are|am|is)\s+(?:still\s+|currently\s+|now\s+)?finali[sz]ing\b"
        r"|\bwill\s+(?:\w+\s+){0,3}(?:respond|reply|send|provide|issue|let\s+you\s+have|be\s+with\s+you"
        r"|write\s+(?:to\s+you\s+)?(?:again\s+)?)\b[^.]{0,40}?"
        r"\b(?:by|no\s+later\s+than"
        r"|on\s+or\s+before)\s+(?:\w+,?\s+)?(?:the\s+)?\d", 1.0),
    # clarification: they ask us a question
    ("clarification", r"\b(?:could|can|would|will)\s+you\s+(?:please\s+)?(?:confirm|specify|indicate|explain"
        r"|tell\s+(?:me|us)"
        r"|let\s+(?:me|us)\s+know|clarify|provide\s+(?:some\s+)?(?:further|more)\s+(?:details|information))", 1.5),
    ("clarification", r"\bplease\s+(?:could\s+you\s+)?(?:confirm|specify|indicate|clarify|let\s+(?:me|us)\s+know)\s+"
        r"(?:which|what|whether|exactly|if|the\s+(?:\w+\s+)?(?:period|dates?|offences?|type|time|location|years?|name"
        r"|details))"
        r"|\bgrateful\s+if\s+you\s+(?:could|would|can)\s+(?:please\s+)?(?:confirm|specify|clarify|indicate|explain"
        r"|let\s+(?:us|me)\s+know)\b", 1.5),
    ("clarification", r"\b(?:we|I)\s+(?:require|need|would\s+be\s+grateful\s+for|seek"
        r"|request)\s+(?:some\s+)?(?:further\s+)?(?:information\s+(?:and|or)\s+)?"
        r"clarification|\b(?:please|(?:you|ask\s+you|like\s+you|need\s+you)\s+to)\s+clarify\s+(?:your\s+request|what"
        r"\s+you|which|whether|the)", 2.0),
    # "Could you let us know which years you mean", "please can you provide details
    # of which offences you mean?"
    ("clarification", r"\b(?:grateful\s+if\s+you\s+could|(?:please\s+)?(?:can|could)\s+you\s+(?:please\s+)?)\s*"
        r"(?:provide|give|send|tell|let)\s+(?:me|us)\s+(?:with\s+|know\s+)?(?:some\s+|further\s+|more\s+)?(?:details\s+of\s+)?"
        r"(?:which|what|whether|the\s+(?:dates?|period|years?|offences?|areas?|type)\b)", 1.5),
    # "We need you to provide your full name", "we require you to confirm which force area you mean".
    ("clarification", r"\b(?:we|I)\s+(?:need|require)\s+you\s+to\s+(?:provide|confirm|tell|give|send|clarify|specify"
        r"|explain|indicate)\b", 1.5),
    ("clarification", r"\bplease\s+(?:reply|respond|write\s+back)\s+(?:to\s+(?:this|us)\s+)?"
        r"(?:with|stating|confirming|giving|to\s+(?:confirm|clarify|say|tell))\b", 1.0),
    # "Could you narrow down the timeframe?", "in order to locate it, please provide the date and
    # location" (round 6).
    ("clarification", r"\b(?:could|can|would|will)\s+you\s+(?:please\s+)?(?:narrow|refine|limit|reduce|rephrase"
        r"|restrict)\b"
        r"|\b(?:in\s+order\s+to|so\s+that\s+we\s+can|to\s+help\s+us)\s+(?:locate|identify|find|search|answer)\b[^.]{0,80}"
        r"\bplease\s+(?:provide|give|send|tell|confirm|specify)\b", 1.5),
    ("clarification", r"\bsection\s+1\s*\(\s*3\s*\)|\bs\.?\s?1\s*\(\s*3\s*\)", 1.5),
    # A narrowing question: "would you accept an answer to question 1 only?", "please let us know
    # whether you would be willing to reduce the period".
    ("clarification", NARROWING, 2.0),
    ("clarification", r"\bbefore\s+we\s+can\s+(?:proceed|progress|process|answer|deal)|\b(?:not"
        r"|unable\s+to|cannot|can't|can\s+not)\s+(?:be\s+able"
        r"\s+to\s+)?(?:proceed|progress|process)\s+(?:with\s+)?(?:your\s+request\s+)?until\b"
        r"|\bnot\s+respond\b.{0,60}\bmay\s+(?:withdraw|close)\s+(?:your|the)\s+request", 1.0),
    ("clarification", r"\b(?:clock|20\s+working\s+days?(?:\s+period)?)\b.{0,60}\b(?:stopped|paused|on\s+hold"
        r"|will\s+(?:start"
        r"|restart|begin|resume))|\bon\s+hold\s+(?:until|pending)\b", 1.0),
    # information given
    # "Here is the information you requested", "please find the figures below", "see the corrected
    # figures attached" (round 7).
    ("data", r"\b(?:here\s+(?:is|are)|please\s+(?:find|see))\s+(?:the\s+|our\s+)?(?:\w+\s+)?(?:information|figures|data"
        r"|spreadsheet|breakdown)\b(?:\s+(?:you\s+(?:requested|asked\s+for)|(?:attached|enclosed|below)))", 1.5),
    # ("Please find electronically attached all the relevant information": an adverb between, and
    # "all the" before what is given; round 15.)
    ("data", r"\b(?:find|see)\s+(?:the\s+|our\s+)?(?:electronically\s+|herewith\s+)?(?:attached|enclosed)\s+"
        r"(?:(?:a|the|our|an|all\s+(?:of\s+)?the|all)\s+)?(?:\w+\s+)?(?:information|data|figures"
        r"|spreadsheet|table|document|file|list|details|cop(?:y|ies)|breakdown|answers?)\b", 2.0),
    ("data", r"\b(?:see|find)\s+(?:the\s+)?(?:attached|enclosed)\W*$|\b(?:as|see)\s+attached\b"

        r"|\bare\s+attached\s+to\s+this|\b(?:majority|rest|remainder)\s+of\s+the\s+information\s+is\s+attached", 1.5),
    ("data", r"\bprovided\s+the\s+following\s+(?:information|figures|data|details)"
        r"|\bthe\s+following\s+(?:information|figures"
        r"|data)\s+(?:is|are|has\s+been|have\s+been)\s+(?:provided|disclosed|released)", 2.0),
    ("data", r"\b(?:am|are)\s+(?:pleased|able|happy)\s+to\s+(?:provide|supply|enclose|disclose|release|attach)"
        r"|(?<!response\s)(?<!reply\s)(?<!answer\s)\b(?:is|are)\s+(?:being\s+)?(?:provided|disclosed|released)\s+"
        r"(?:to\s+you|below|as\s+follows|in\s+the)", 2.0),
    # "Below is all the data we hold", "what is set out above is everything our searches
    # found", "I can confirm the following", "we have attached a document",
    # "The unit sent me the attached workbook".
    ("data", r"\b(?:above|below)\s+is\s+(?:all\s+)?(?:the\s+)?(?:information|data|figures)\b"
        r"|\bis\s+all\s+(?:of\s+)?(?:the\s+)?(?:information\s+)?(?:that\s+)?we\s+(?:hold|have\s+been\s+able|could)"
        r"|\b(?:information|data|figures|details)\s+(?:provided|given|shown|supplied|set\s+out)\s+(?:above|below)\b"
        r"|\b(?:we|I)\s+have\s+(?:attached|enclosed)\b|\bthe\s+information\s+asked\s+for\s+is\s+as\s+follows"
        r"|\b(?:decided|able|pleased|happy)\s+to\s+(?:disclose|release|provide|supply)\s+(?:some|part)\s+of\b"
        r"|\b(?:I|we)\s+can\s+(?:however\s+)?confirm\s+the\s+following\b"
        # ("The exemptions ... are listed below" lists grounds, not information.)
        r"|^(?![^\n]*\b(?:exemptions?|sections?|factors|reasons|grounds?|arguments|considerations|rationale"
        r"|explanation)\b)[^\n]*?\b(?:is|are|has\s+been|have\s+been)\s+"
        r"(?:answered|set\s+out|listed|shown|detailed|tabulated)\s+(?:below|above|in\s+the\s+(?:table|attached))"
        r"|\b(?:continued|gone\s+on|been\s+able|decided)\s+to\s+provide\s+(?:some\s+|the\s+(?:following\s+)?)?(?:information"
        r"|data|figures)|\bthe\s+provision\s+of\s+(?:this|the)\s+(?:data|information|figures)"
        # ("The provision of the information would increase understanding" argues the public interest.)
        r"(?![^.]{0,60}\b(?:would|could|might|may)\b)", 2.0),
    ("data", r"\b(?:the\s+)?(?:enclosed|attached)\s+(?:excel\s+|pdf\s+|word\s+)?(?:spreadsheet|document|table|file"
        r"|list|data|figures|breakdown|report|copy|copies)\b", 1.5),
    ("data", r"\bplease\s+find\s+below\s+(?:the\s+)?(?:information|details|figures)"
        r"|\b(?:table|figures|details)\s+below"
        r"|\bplease\s+see\s+(?:the\s+)?(?:table|figures|details|overleaf)", 1.5),
    # A lead says an answer follows, not what it is: "our response is as follows" heads refusals too.
    ("lead", r"\bplease\s+find\s+below\s+(?:the\s+|our\s+)?(?:answers?|responses?)|\bour\s+response\s+"
        r"is\s+(?:below|as\s+follows)|\b(?:the|our)\s+response\s+(?:provided\s+)?(?:is\s+)?below\s+is\b"
        r"|\bresponse\s+is\s+below|\bplease\s+see\s+below|\bplease\s+(?:see|find)\s+(?:our|the)\s+(?:response|answers?"
        r"|reply)\s+below|\bin\s+(?:answer|response)\s+to\s+your\s+questions?\s*:"
        # "Please find the below answers to your questions", "our reply to each point follows"
        r"|\bplease\s+(?:see|find)\s+(?:the\s+|our\s+)?below\s+(?:response|answers?|reply|information)"
        r"|\bplease\s+see\s+(?:the\s+|our\s+)?answers?\s+to\s+(?:each|your|the|all)\b",
        1.5),
    ("data", r"\b(?:the\s+)?(?:information|data|figures)\s+(?:(?:that\s+)?you\s+(?:have\s+)?requested"
        r"|requested)\s+(?:is"
        r"|are|has\s+been)\s+(?:attached|enclosed|provided|set\s+out|shown|as\s+follows|below|contained)"
        r"|\b(?:figures|information|data)\s+(?:have|has)\s+been\s+(?:provided|attached|included)", 2.0),
    ("data", r"\bgesture\s+of\s+goodwill|\b(?:we|I)\s+can\s+(?:however\s+)?(?:tell|advise|inform)\s+you\s+that\b"
        # ("We can tell you that we cannot supply it" tells of a refusal.)
        r"(?!\s+(?:\w+\s+){0,3}?(?:unable|not|cannot|can't|no|neither|refus\w*|exempt)\b)"
        # ("We can tell you that this material falls outside the Act / is exempt /
        # is kept for journalism" tells what becomes of the information, not the information: round 9.)
        r"(?!\s+(?:the\s+|this\s+)?(?:information|data|records?|material)\s+(?:that\s+|which\s+)?(?:(?:you\s+(?:have\s+)?)?"
        r"(?:requested|asked\s+for|seek|sought)\s+)?(?:is|are|was|were)\s+(?:\w+\s+){0,2}?(?:excluded|exempt|not"
        r"|withheld|outside|covered\s+by|held\s+(?:for|by\s+the\s+\w+\s+for|solely))\b)"
        r"|\b(?:I|we)\s+have\s+(?:also\s+)?(?:been\s+able\s+to\s+)?(?:supplied|provided|released|disclosed|given"
        r"|included|run\s+a\s+report)\b|\bhave\s+been\s+able\s+to\s+run\s+a\s+report", 1.5),
    # "the data below can be released", "a PDF with the figures is attached", "see the table
    # below", "have answered as best we are able", "under section 16 ... can provide information
    # for questions 1 - 3", "rather than apply that exemption ... we have provided".
    ("data", r"\bthe\s+following\s+(?:information|data|figures|details)\s+(?:can|may|will)\s+be\s+(?:disclosed|provided"
        r"|released|supplied)|\b(?:find|see)\s+(?:the\s+|our\s+)?(?:pdf|excel|spreadsheets?|documents?|files?|data"
        r"|information|figures|tables?|breakdown)\s+(?:\w+\s+)?(?:attached|enclosed)"
        r"|\b(?:find|see)\s+(?:below|attached|enclosed)\s+(?:a|the)\s+(?:table|spreadsheet|breakdown|list)"
        r"|\b(?:find|see)\s+(?:a|the)\s+(?:table|spreadsheet|breakdown|list)\s+(?:below|attached|enclosed)", 2.0),
    ("data", r"\b(?:figures|information|data|details|answers)\s+"
        r"(?:(?:that\s+)?you\s+(?:asked|requested)\s+(?:for\s+)?)?(?:is|are)\s+(?:below|attached|enclosed)\b"
        r"|\b(?:please\s+)?(?:find|see)\s+attached\b(?!\s+(?:(?:our|the|my|a|an)\s+)?(?:\w+\s+)?(?:response|reply|letter"
        r"|decision|refusal|notice))", 1.5),
    ("data", r"\b(?:are|am|is)\s+(?:now\s+)?providing\s+(?:you\s+with\s+)?(?:a|the|some|our)?\s*(?:list|table|figures"
        r"|information|data|details|breakdown|numbers)|\bhave\s+answered\s+(?:as\s+best|where|the\s+questions?|your\s+questions?|each|all)"
        r"|\bsection\s+16\b.{0,160}\b(?:can|am\s+able\s+to|are\s+able\s+to|will)\s+provide\s+(?:you\s+with\s+)?"
        r"(?:some\s+|the\s+|relevant\s+)*(?:information|figures|data|details)"
        r"|\b(?:rather\s+than|instead\s+of)\s+(?:apply|applying|rely|relying|refus|cit)", 1.5),
    ("data", r"\bin\s+(?:answer|response)\s+to\s+(?:your\s+)?(?:question|part)\s+\d.{0,80}\b\d|\bthe\s+answer\s+to\s+"
        r"(?:your\s+)?question", 1.0),
    # "A copy of the policy is attached", "copies are enclosed" (round 6).
    ("data", r"\bcop(?:y|ies)\s+(?:of\s+[^.]{1,60}?\s+)?(?:is|are|has\s+been|have\s+been)\s+"
        r"(?:attached|enclosed)\b", 1.5),
    ("held", r"\b(?:can|do)\s+confirm\s+that\s+.{0,80}\b(?:does|do)\s+hold\b|\bthe\s+information\s+(?:you\s+have\s+"
        r"requested\s+)?is\s+held\s+by", 1.0),
    # only part of the information: "scoped" says the refusal covers only part of the request (a
    # refusal notice "for the parts not released", "for the rest of what you asked"); "partial"
    # is weaker talk of part ("we hold some of the information", "redacted", "any other information").
    ("scoped", r"\brefusal\s+notice\s+(?:under\s+section\s+17\s+.{0,60})?for\s+(?:this|the)\s+(?:part|parts|redacted"
        r"|requested\s+information\s+that|information\s+that)\b|\bfor\s+the\s+(?:requested\s+)?(?:information"
        r"|parts?)\s+"
        r"(?:of\s+\w+\s+)?that\s+(?:has|have)\s+not\s+been\s+released", 2.0),
    # The ground said of one part in so many words: "so section 12(1) applies to that part", "the
    # exemption applies to this part of your request", "is refused for the second question" (round 14b).
    # What became of the rest is for a person to read beside it.
    ("scoped", r"\b(?:appl(?:y|ies)|is\s+engaged|(?:has|have)\s+been\s+(?:applied|engaged)"
        r"|is\s+(?:refused|withheld|exempt))\s+(?:only\s+)?(?:to|for|in\s+respect\s+of)\s+(?:that|this|the\s+(?:first|second|third|fourth|fifth|last"
        r"|latter|former|remaining|other))\s+(?:part|question|element|point|aspect)s?\b", 2.0),
    ("partial", r"(?<!not\s)(?<!n't\s)\bhold(?:s)?\s+some\s+(?:of\s+the\s+)?(?:relevant\s+)?information"
        r"|\bsome\s+(?:relevant\s+)?information\s+"
        r"is\s+held|\bnot\s+possible\s+to\s+meet\s+your\s+requirements\s+in\s+full|\bparts?\s+of\s+(?:this"
        r"|your)\s+request"
        r"\s+(?:are|is)\s+exempt|(?<![\[(])\bredact(?:ed|ions?)\b(?!\s*[\])])|\bremainder\s+of\s+(?:the|your)\s+request"
        r"|\bin\s+addition\s+to\s+the"
        r"\s+attached|\bany\s+(?:other|further)\s+information\b|\bfurther\s+breakdown(?![^.]{0,40}\bnot\s+(?:possible|available|held))"
        r"|\bnot\s+obliged\s+to\s+supply\s+.{0,40}"
        r"\bin\s+full\b|\bnot\s+all\s+of\s+the\s+information", 1.5),
    # "Some data has been withheld", "held in part", "for anything else we rely on ...", "this
    # letter is our refusal notice for those parts", "exempting part of the
    # information", "holds further information ... however I am not obliged".
    ("scoped", r"\bfor\s+the\s+(?:rest|remainder)\s+of\s+(?:your|the|this)\s+request|\bwith\s+the\s+exception\s+of\b"
        r"|\bsome\s+(?:of\s+the\s+)?(?:data|information|details)\s+(?:has|have)\s+been\s+(?:withheld|redacted"
        r"|exempted|removed)|\bheld\s+in\s+part\b|\b(?:partly|partially)\s+held\b|\bfor\s+anything\s+else\b"
        r"|\brefusal\s+notice\s+(?:to|for|in\s+respect\s+of)\s+(?:those|these|the\s+remaining|that|this|the\s+other)\s+"
        r"(?:aspects?|parts?|elements?|questions?|points?)\b|\b(?:to|for)\s+part\s+of\s+the\s+(?:requested\s+)?information"
        r"|\bexempting\s+part\s+of|\bholds?\s+(?:further|additional|addition|other|more)\s+information|\b(?:disclose|release|provide)\s+some\s+of\s+the"
        r"|\bconfirm\s+n?or\s+deny\s+(?:whether\s+|that\s+)?(?:it\s+|we\s+)?(?:holds?\s+)?any\s+"
        r"(?:other|further)\b", 2.0),
    # Some held back: "we have decided not to release part of the data", figures
    # withheld because the numbers are low.
    ("scoped", SOME_WITHHELD, 2.0),
    # Released with parts blacked out: "names have been redacted", "a redacted copy".
    # (Not the check a release would need: "a second officer would read every page to ensure all personal
    # details have been redacted" explains a refusal, round 14b.)
    ("scoped", _NOT_ENSURED_REDACTION + r".*?(?:\b(?:has|have)\s+been\s+redacted|\bredacted\s+(?:copy|copies|version"
        r"|document)|\bwith\s+redactions\b)", 2.0),
    ("firm", SOME_WITHHELD, 2.0),
    # A detail withheld, not the whole: "the names of officers have been withheld under section 40(2)",
    # "personal details are redacted" (round 6).
    # (Round 14: also after "Please note that" and a lead clause, "Please note that, in accordance with
    # our duties under the Data Protection Act, personal information such as signatures ... has been
    # removed from some of the documents".)
    ("detail", r"(?:^\W*|\bplease\s+note,?\s+(?:that\s+)?)(?:,?\s*in\s+(?:accordance|line)\s+with\s+[^.,]{0,100},\s*)?"
        r"(?:however,?\s+)?(?:the\s+|any\s+|all\s+)?(?:names?|details?\s+of|identit\w+"
        r"|personal\s+(?:data|details|information)|(?:e-?mail\s+|home\s+)?addresses|telephone\s+numbers|signatures|specific\s+locations?)\b[^.]{0,80}?"
        r"\b(?:ha(?:s|ve)\s+been\s+|(?:is|are)\s+(?:being\s+)?)(?:withheld|redacted|removed|omitted|exempt)\b", 2.0),
    # Small figures hidden under an exemption: "figures under five have been replaced with '*' under
    # section 40(2)": the rest is given (round 6).
    ("scoped", r"\b(?:replaced|suppressed|masked|substituted|shown\s+as|represented\s+(?:by|as))\b[^.]{0,100}"
        r"\b(?:section|s\.?)\s*\d{2}", 2.0),
    ("refused", r"\b(?:replaced|suppressed|masked|substituted|shown\s+as|represented\s+(?:by|as))\b[^.]{0,100}"
        r"\b(?:section|s\.?)\s*\d{2}", 2.0),
    # A refusal scoped to one question: "The question about how many ... falls under
    # section 12(2)"; "some of the information you asked for is exempt".
    ("scoped", r"^\W*(?:however,?\s+)?(?:the|your)\s+(?:question|part|element|aspect)\s+(?:\d+\s+)?(?:concerning"
        r"|regarding|about|relating\s+to|on|asking)\b.{0,200}\b(?:exempt|exemption|refus\w*|withheld|section\s+\d|cost"
        r"|limit)"
        r"|\bsome\s+of\s+the\s+(?:information|data|details)\b.{0,60}\b(?:is|are|has\s+been|have\s+been)\s+(?:\w+\s+){0,6}"
        r"(?:exempt|withheld|redacted|accessible)", 2.0),
    # refusal
    ("refused", r"\brefusal\s+notice|\b(?:am|are|is|have\s+been|has\s+been)\s+exempting\b|\bexempting\s+(?:any|all|the"
        r"|this|that|part)\b", 2.0),
    ("data", r"\bdisclose\s+the\s+located", 1.0),
    # "We are disclosing everything your request covers" (issue 12, coverage).
    ("data", r"\b(?:are|am|is|have\s+been|has\s+been)\s+(?:therefore\s+|now\s+)?(?:releasing|disclosing|providing"
        r"|supplying|released|disclosed|provided|supplied)\s+all\s+(?:of\s+)?the\s+(?:requested\s+|relevant\s+)?"
        r"information\b", 1.5),
    # "Officers' names have been removed under section 40(2)": withheld, part or whole.
    # (Round 14: "removed from some of the documents, as required by section 40(2)".)
    ("refused", r"(?<!\bnot\s)(?<!\bno\s)\b(?:removed|redacted|omitted|withheld|withholding|excluded|taken\s+out)"
        r"(?:\s+(?:\w+\s+){0,3}|\s+from\s+(?:\w+\s+){0,5}?(?:documents?|records?|files?|emails?|e-mails?|pages?|"
        r"reports?|information|data|material)\s*,?\s*)"
        r"(?:under|by\s+virtue\s+of|as\s+(?:required|permitted|allowed)\s+(?:by|under)"
        r"|in\s+line\s+with|in\s+accordance\s+with|pursuant\s+to)\s+(?:the\s+)?(?:section|s\.?)\s*\d", 2.0),
    ("firm", r"\brefusal\s+notice|\bnot\s+(?:obliged|required)\s+to\s+(?:supply|provide|disclose|release|comply)(?!"
        r"[^.]{0,80}\buntil\b)"
        r"|\bthis\s+request\s+is\s+(?:being\s+)?refused|\b(?:is|are|has|have)\s+(?:therefore\s+|hereby\s+|now\s+)?"
        r"(?:being\s+|been\s+)?(?:refused"
        r"|withheld)\b"
        r"|\brefus(?:e|ing)\s+(?:to\s+(?:comply|disclose|provide)|your\s+request|this\s+request)|\bwithhold(?:ing)?\s+"
        r"(?:the|this|that)\s+information" + EITHER_WAY
        + r"|\bcannot\s+be\s+disclosed|\bunable\s+to\s+(?:provide|disclose|supply"
        r"|release|answer)" + NOT_A_REPLY +
        r"|\bwill\s+not\s+be\s+able\s+to\s+(?:answer|provide|comply)" + NOT_A_REPLY +
        r"|\bexempt\s+(?:from\s+disclosure\s+)?by\s+virtue", 2.0),
    ("refused", r"\bnot\s+obliged\s+to\s+(?:supply|provide|disclose|release|comply)(?![^.]{0,80}\buntil\b)", 2.0),
    ("refused",
        # ("Information is exempt information if ..." quotes the Act, it applies nothing.)
        r"\b(?:is|are|being)\s+(?:therefore\s+|considered\s+|deemed\s+)?(?:(?:considered|deemed)\s+to\s+be\s+)?exempt\b"
        r"(?!\s+information\s+(?:if|to\s+the\s+extent|by\s+virtue\s+of\s+this))|\bexempt\s+(?:from\s+disclosure\s+)?"
        r"(?:by\s+virtue|under)|(?<!\bno\s)\bexempt(?:ion)?s?\s+(?:applies|apply|is\s+engaged|are\s+engaged|has\s+been\s+applied"
        r"|have\s+been\s+applied|being\s+applied)|\bthe\s+following\s+exemptions?\s+(?:applies|apply)", 1.5),
    ("refused", r"\b(?:has|have)\s+(?:therefore\s+)?(?:been\s+)?(?:refused|withheld)|\b(?:refuse|refusing"
        r"|decline|declining)"
        r"\s+(?:to\s+(?:comply|disclose|provide)|your\s+request|this\s+request)|\bwithhold(?:ing)?\s+(?:the|this"
        r"|that)\s+"
        r"information" + EITHER_WAY + r"|\brelying\s+(?:up)?on\b|\b(?:will|to)\s+rely\s+on\b"
        r"|\bthis\s+request\s+is\s+(?:being\s+)?refused"
        r"|\b(?:has|have)\s+engaged\s+(?:an?|the)\s+exemptions?\b", 2.0),
    ("refused", r"\bwill\s+not\s+(?:be\s+)?(?:answer|respond|comply|provid|disclos|releas|supply)\w*"
        r"|\b(?:section|s\.?)\s*\d{2}(?:\s*\(\w+\))*\s+(?:therefore\s+)?(?:applies|is\s+engaged|has\s+been\s+(?:applied"
        r"|engaged))|\brepeats?\s+(?:a|one|the|your)\s+(?:previous\s+|earlier\s+)?(?:request|one)\b", 1.5),
    ("refused", r"\b(?:unable|not\s+able)\s+to\s+(?:comply|provide|disclose|supply|release|answer)" + NOT_A_REPLY +
        r"|\bcannot\s+(?:comply|provide|disclose|release)" + NOT_A_REPLY + r"|\bcannot\s+be\s+disclosed"
        r"|\bwill\s+not\s+be\s+able\s+to\s+(?:answer|provide|comply)" + NOT_A_REPLY, 1.5),
    ("refused", COST_LIMIT, 2.0),
    ("firm", COST_LIMIT, 2.0),
    ("refused", r"(?<!not\s)\bvexatious\b|\brepeated\s+request", 2.0),
    # A decision not to give it, in plain words (round 6): "we are therefore not providing it",
    # "we will not be dealing with your request", "the request is vexatious".
    ("refused", r"\b(?:are|am|is)\s+(?:therefore\s+|thus\s+|accordingly\s+)?not\s+(?:providing|disclosing|releasing"
        r"|supplying|answering|complying)\b|\bwill\s+not\s+(?:be\s+)?(?:deal|dealing|process|processing|progress"
        r"|progressing|tak(?:e|ing)\s+(?:this|your\s+request)\s+(?:any\s+)?further)\b", 1.5),
    # "We will not release this information", "we are withholding it", "we cannot share this".
    ("firm", r"\b(?:will|shall)\s+not\s+(?:be\s+)?(?:releas|disclos|provid|supply|suppl|shar)\w*\s+"
        r"(?:this|the|that|these|any|it|them)\b|\bwithholding\s+(?:it|them)\b|\b(?:cannot|can\s*not|unable\s+to)\s+(?:share|release)\s+(?:this|the"
        r"|that|these|it|them)\b", 2.0),
    ("refused", r"\b(?:cannot|can\s*not|unable\s+to)\s+(?:share|release)\s+(?:this|the|that|these|it|them)\b"
        r"|\bwithholding\s+(?:it|them)\b", 1.5),
    # All of it held back in so many words: "we are withholding the whole of it", "the
    # information is withheld in its entirety" (issue 12, coverage).
    ("firm", WHOLE_WITHHELD, 2.0),
    ("refused", WHOLE_WITHHELD, 1.5),
    ("refused", r"\b(?:decided|decision\s+(?:has\s+been|was)\s+(?:taken|made))\s+(?:not\s+to\s+(?:disclose|release"
        r"|provide|supply)|to\s+withhold)\b(?!\s+(?:some|part|parts|certain)\b)", 2.0),
    ("firm", r"\b(?:request|requests)\s+(?:is|are|has\s+been|have\s+been)\s+(?:therefore\s+)?"
        r"(?:considered\s+|deemed\s+|found\s+)?(?:to\s+be\s+)?(?<!not\s)vexatious\b"
        r"|\bdecided\s+that\s+your\s+request\s+is\s+vexatious"
        # The ICO's own wording for the decision (round 14b): "the force is treating this request as
        # vexatious", "we have treated your request as vexatious", "we consider your request to be
        # vexatious", "your request has been treated as vexatious". Not "we are not treating it as
        # vexatious", nor a warning ("we may treat further requests as vexatious"): only a tense that
        # states what is done, never a modal, and a request that is this one.
        + VEXATIOUS_DECIDED, 2.0),
    ("refused", r"\breasonably\s+accessible\s+(?:to\s+(?:you|the\s+applicant)\s+)?by\s+other\s+means", 1.0),
    ("refused", r"\bbalance\s+of\s+(?:the\s+)?public\s+interest\b.{0,80}\b(?:maintain|withhold|non-?disclosure"
        r"|favour\s+of"
        r"\s+the\s+exemption)"
        r"|\bpublic\s+interest\b.{0,60}\bfavou?rs?\s+(?:maintaining|withholding|non-?disclosure)", 1.5),
    # not held
    ("not-held", r"(?<!\bor\s)\b(?:is|are|was|were)\s+not\s+held\b|\bnot\s+held\s+by\b|\binformation\s+not\s+held\b"
        r"|^\W*(?:[a-z](?:\s*(?:&|and)\s*[a-z])?\)?\s*)?(?:information\s+)?not\s+held\W*$", 2.0),
    # "The information is not recorded by the force", "we do not record this".
    ("not-held", r"(?<!\bor\s)\b(?:is|are|was|were)\s+not\s+(?:recorded|captured|kept|retained)\b"
        r"(?!\s+(?:in\s+a|centrally"
        r"|in\s+(?:such|an?)\s+(?:way|format|manner)))"
        # (Not "does not capture all the information": not all is not none.)
        r"|(?<!\bor\s)\b(?:does|do|did)\s+not\s+(?:record|capture|keep|retain)\b(?!\s+all\b)(?!\s+(?:\w+\s+){0,6}(?:in\s+a|centrally"
        r"|in\s+(?:such|an?)\s+(?:way|format|manner)))", 2.0),
    # "The force has no record of any such meetings", "we hold no records of this" (issue 12, coverage).
    ("not-held", r"\b(?:has|have|holds?|keeps?)\s+no\s+(?:recorded\s+)?(?:record|records|information|trace|data)\s+"
        r"(?:of|about|on|relating\s+to|regarding|held)\b(?!\s+(?:\w+\s+){0,2}(?:receiv\w*|your|an?\s+(?:earlier|previous)"
        r"|the\s+(?:earlier|previous|original)))", 2.0),
    # "The information is held by the Home Office, not by this force."
    ("not-held", r"\bheld\s+by\s+[^.]{2,60}?,?\s+(?:and\s+)?not\s+(?:by\s+)?(?:this|the|our)\s+"
        r"(?:force|constabulary|authority|department|office|organisation)\b|\bnot\s+held\s+by\s+(?:this|the|our)\s+(?:force|constabulary|authority"
        r"|organisation)\b", 2.0),
    # (Not "whether or not we hold it": the two halves of a disjunction decide nothing.)
    ("not-held", r"(?<!\bor\s)\b(?:does|do|did)\s+not\s+hold\b(?!\s+all\b)"
        r"|\bholds?\s+no\s+(?:recorded\s+)?(?:information|data|records)"
        r"|\bno\s+"
        r"(?:recorded\s+)?information\s+(?:is\s+)?held", 2.0),
    ("not-held", r"\bno\s+(?:relevant\s+)?(?:information|records?|data|correspondence)\s+(?:has\s+been|was|were"
        r"|could\s+be)"
        r"\s+(?:found|located|identified)|\bzero\s+results|\bfailed\s+to\s+locate|\bidentified\s+no\s+information"
        r"|" + _NOT_A_PURPOSE + r"\bthere\s+(?:is|was)\s+no\s+(?:correspondence|record|information|data)\b"
        + _NOT_DATA_COMPOUND
        # "There are no records of any such payments", "we have found no information within the
        # scope", "no such reports were found", "no information exists".
        + r"|" + _NOT_A_PURPOSE + r"\bthere\s+(?:are|were)\s+no\s+(?:records|documents|reports|files|data)\b"
        + _NOT_DATA_COMPOUND
        + r"|\b(?:found|located|identified|traced)\s+no\s+(?:relevant\s+|recorded\s+)?(?:information|records?"
        r"|documents?|data|reports?)\b|\bno\s+such\s+(?:information|records?|documents?|reports?|data)\s+(?:\w+\s+)?"
        r"(?:was|were|has\s+been|have\s+been|could\s+be)\s+(?:found|located|identified|traced)"
        r"|\bno\s+(?:such\s+|relevant\s+|recorded\s+)?(?:information|records?|data)\s+(?:exists?|is\s+available)\b",
        1.5),
    # "No information matching your request has been found", "no records of that kind were located".
    ("not-held", r"\bno\s+(?:relevant\s+|such\s+|recorded\s+)?(?:information|records?|data|documents?|correspondence)"
        r"\s+(?:\w+\s+){0,4}?(?:has\s+been|have\s+been|was|were|could\s+be|can\s+be)\s+"
        r"(?:found|located|identified|traced)\b",
        1.5),
    # The same decision in the language's other shapes, built from parts of meaning
    # (foi.mail.reading.grammar; issue 12, round 8): a negated subject in the passive, nothing held, a
    # negated verb of having, a question answered "not applicable".
    ("not-held", g.NEGATED_SUBJECT_HELD, 2.0),
    ("not-held", g.NOTHING_HELD, 2.0),
    ("not-held", g.POSSESSION_DENIED, 2.0),
    ("not-held", g.NOT_APPLICABLE, 1.5),
    ("clarification", g.ASK_FOR_DETAIL, 1.5),
    ("clarification", g.NEED_DETAIL, 1.5),
    ("clarification", g.CLOCK_WAITS, 1.0),
    ("acknowledged", g.RECEIVED_ON, 1.5),
    ("review", g.REVIEW_DONE, 2.0),
    ("acknowledged", g.REQUEST_IN_HAND, 1.5),
    ("acknowledged", g.REQUEST_ACKNOWLEDGED, 1.5),
    ("acknowledged", g.REPLY_PROMISED, 1.5),
    ("extended", g.LATE, 2.0),
    ("extended", g.DELAYED, 1.5),
    ("extended", g.STILL_BEING, 1.0),
    ("extended", g.HEAR_BY, 1.0),
    ("extended", g.DUE_MOVED, 2.0),
    ("not-held", g.NOT_KEPT, 2.0),
    ("not-held", g.NOTHING_TO_GIVE, 2.0),
    ("scoped", _NOT_ENSURED_REDACTION + r".*?(?:" + g.BLACKED_OUT + r")", 2.0),
    ("refused", g.BLACKED_OUT_UNDER, 2.0),
    ("not-held", g.NOT_FOUND, 1.5),
    ("not-held", g.NOT_EXISTING, 2.0),
    ("clarification", g.ASK_MORE_SPECIFIC, 1.5),
    ("clarification", g.UNCLEAR_TO_US, 1.0),
    ("acknowledged", g.WORKING_ON_IT, 1.5),
    ("extended", g.REPLY_NOW_BY, 1.5),
    ("refused", g.REQUEST_DECLINED, 2.0),
    ("firm", g.REQUEST_DECLINED, 2.0),
    ("data", g.ATTACHED_GIVEN, 1.5),
    ("scoped", g.PART_ANSWERED, 2.0),
    ("scoped", g.THE_REST, 2.0),
    ("refused", g.RELIED_ON, 2.0),
    ("refused", g.WITHHELD_JUDGED, 2.0),
    ("firm", g.WITHHELD_JUDGED, 2.0),
    ("refused", g.UNDER_GROUND, 1.5),
    # The cost limit in words, with no number or section: "answering it would involve an unreasonable
    # amount of work to establish whether the information is held, and to locate and extract it"
    # (round 9). Alone it is a guess: refusing words, not a stated refusal.
    ("refused", r"\b(?:would|will|could)\s+(?:\w+\s+){0,2}?(?:involve|require|take|need|mean|entail)\s+(?:an?\s+)?"
        r"(?:unreasonable|disproportionate|excessive|inordinate|very\s+large)\s+(?:amount|level|degree|quantity)\s+of\s+"
        r"(?:research|work|time|staff\s+time|officer\s+time|effort|resources?|searching)\b"
        r"(?=[^.]{0,200}\b(?:whether\s+(?:\w+\s+){0,6}?(?:is\s+|are\s+)?held|locat\w+|retriev\w+|extract\w*|collat\w+))",
        1.5),
    # internal review outcome letters
    ("review", r"\b(?:I|we)\s+have\s+(?:now\s+)?(?:completed|conducted|carried\s+out|undertaken|concluded)\s+(?:an?|the"
        r"|your|a\s+full)\s+(?:internal\s+)?review|\binternal\s+review\s+(?:has"
        r"|was)\s+(?:now\s+)?(?:been\s+)?(?:completed"
        r"|concluded|conducted|carried\s+out|undertaken)|\b(?:I|we)\s+have\s+now\s+conducted\s+a\s+review", 2.0),
    # "I have reviewed that decision", "we have reconsidered our response" (round 6)
    ("review", r"\b(?:I|we)\s+have\s+(?:now\s+|carefully\s+)?(?:re-?examined|reviewed|reconsidered"
        r"|looked\s+again\s+at)\s+(?:that|the|this|our|its)\s+(?:original\s+|earlier\s+)?"
        r"(?:decision|response|refusal|handling)\b", 2.0),
    ("review", r"\b(?:following|after|having\s+(?:completed|conducted|carried\s+out|undertaken))\s+(?:an?|the|this)\s+"
        r"(?:full\s+)?internal\s+review\b", 2.0),
    ("review", r"\b(?:findings|outcome|result)\s+of\s+(?:the|your|this)\s+(?:internal\s+)?review|\binternal\s+review\s+"
        r"(?:\(ir\)\s+)?(?:decision|outcome|result)|\bir\s+decision|\breview(?:ing)?\s+(?:panel|decision|outcome"
        r"|findings)"
        r"|\bhaving\s+reviewed", 1.5),
)
SIGNALS = tuple((kind, re.compile(rx, re.I), w) for kind, rx, w in _SIGNALS)

# A "not held" that is really about cost ("not held in a retrievable format", "not held in a
# form we could pull out within 18 hours") or about part of a request.
NOT_HELD_COST_RE = re.compile(r"retrievable|readily|easily|in\s+a\s+(?:format|form|way|manner)\b|18\s+hours"
                              r"|cost"
                              r"|centrally"
                              r"|\b(?:can(?:not)?|could|be)\s+(?:not\s+)?(?:be\s+)?searched|\bsearchable", re.I)
NOT_HELD_PART_RE = re.compile(r"(?i:(?<!\bno\s)\b(?:some|part|parts|all\s+of\s+it)\s+of\b(?!\s+(?:the|a|our|its)\s+"
                              # ("not recorded in the part of the system used": where, not how much)
                              r"(?:system|database|process|force|organisation|record\b))|\bsome\s+of\s+the"
    r"|\bin\s+relation\s+to\s+"
                              r"(?:request|question|part)s?\s+(?:number\s+)?\d|\bquestions?\s+\d|\bparts?\s+\d)"
                              r"|^\W*(?i:q\s?)?(?:[a-z]|\d{1,2})(?:\s*(?:&|and|,)\s*(?:[a-z]|\d{1,2}))*\s*[.):]"
                              # "not held by ward, but the attached gives it by constituency"
                              r"|(?i:\b(?:but|however)\b.{0,80}\b(?:attached|enclosed|provided|provide|gives?|given|below"
                              r"|answered|able\s+to))"
                              # "not held within Force Planning": one department's, not the force's
                              r"|\bwithin\s+(?:the\s+)?(?!(?:[A-Z][a-z]+\s+){0,3}(?:Police|Constabulary)\b)(?!Force\b(?!\s+[A-Z]))[A-Z][a-z]+"
                              r"|^\W*[a-z](?:\s*(?:&|and|,)\s*[a-z])+\s"
                              # "Figures for 2021 are not held": one period of the request
                              r"|(?i:\b(?:for|before|prior\s+to|after|earlier\s+than|between)\s+(?:the\s+year\s+)?"
                              r"(?:19|20)\d\d\b.{0,40}\bnot\s+held\b)"
                              # "those weeks are no longer held on our system", "not held
                              # for the earlier years": a period or place of the request (round 10)
                              r"|(?i:\b(?:no\s+longer\s+holds?|not\s+held|do\s+not\s+hold|does\s+not\s+hold)\b[^.]{0,60}"
                              r"\b(?:for|before|prior\s+to|in|during)\s+(?:these|those|the\s+(?:earlier|later|remaining|other"
                              r"|first|last|older))\s+(?:\w+\s+)?(?:months?|years?|periods?|dates?|weeks?|divisions?|areas?"
                              r"|districts?|wards?)\b)")
# The caveat forces print under figures they release.
DATA_CAVEAT_RE = re.compile(r"every\s+effort\s+is\s+made\s+to\s+ensure\s+that\s+the\s+figures"
    r"|extracted\s+from\s+a\s+live"
                            r"\s+system|figures\s+provided\s+therefore|use\s+the\s+enclosed\s+data"
                            # "any statistical data supplied ... is a snapshot of data held at the time",
                            # "the below figures relate only to ..." (round 15)
                            r"|\b(?:data|figures|statistics)\s+(?:supplied|provided|disclosed|released)\b[^.]{0,80}?"
                            r"\bis\s+a\s+snapshot\b"
                            r"|\bthe\s+(?:below|above)\s+(?:figures|data|statistics|numbers|totals)\s+(?:relate|relates|show|shows"
                            r"|cover|covers|include|includes|are|is|were|represent)\b", re.I)
# Released figures described as released: "the data provided is based on the date recorded", "the
# totals supplied here cover calendar years", "caveats apply to the figures given", "to produce the
# data provided, a search was run". The authority's note about what it has handed over, in any of
# these shapes (round 12b). (A copyright line about "the information supplied to you" is not one.)
DESCRIBED_RELEASE_RE = re.compile(
    r"^(?!.*\b(?:copyright|re-?use|licen[cs]e|protected)\b)(?:.*\b(?:apply|applies|relate|relates|refer|refers)"
    r"\s+to|.*\b(?:generate|produce|compile|obtain|extract)|\W*)\s*the\s+(?:data|figures|statistics|numbers|totals"
    r"|counts|results)\s+(?:(?:which|that)\s+(?:have|has)\s+been\s+|(?:being|now)\s+)?"
    r"(?:provided|supplied|disclosed|released|given|shown|listed)"
    r"(?:\s+(?:here|above|below|to\s+you|in\s+(?:this|the|our)\s+(?:response|reply|letter|table|spreadsheet)))?"
    r"(?:\s*[,.:;]|\s+(?:is|are|was|were|includes?|cover|covers|relates?|reflects?|therefore|only|may|should"
    r"|do|does|has|have|comes?|came|represents?)\b)", re.I)
# A receipt that speaks of a case reference ("logged under the above reference") handles this
# request; "your request" alone is said by automated mailbox receipts too.
SPECIFIC_RE = re.compile(r"\breference\b|\bref\b", re.I)
# "Please find attached our response": data, unless the response is an attached letter we read.
ATTACHED_RESPONSE_RE = re.compile(
    r"\b(?:find|see)\s+(?:the\s+)?(?:attached|enclosed)\s+(?:our|the|my)?\s*(?:\w+\s+)?(?:response|reply|letter|decision)\b"
    r"|\b(?:our|the|my)\s+(?:full\s+|formal\s+)?(?:response|reply|decision)\s+(?:letter\s+)?(?:is|are)\s+(?:attached"
    r"|enclosed)",
    re.I,
)
# Question numbers written as words ("question three").
PART_WORDS = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|first|second|third|fourth|fifth|sixth)"
# The start of one part of a reply answered question by question: "Question 2:", "Q3.",
# "Response 1 & 2", "2)", "b.".
PART_START_RE = re.compile(
    # "A2." answers question 2 under a "Q2." printed as the request.
    r"^\W*(?:a\d{1,2}[a-z]?\s*[.:)](?:\s|$)"
    r"|(?:question|q|request|response|answer|part)\s*\d{1,2}[a-z]?(?:\s*(?:&|and|-|to)\s*\d{1,2}[a-z]?)?"
    r"\s*[.):\-\u2013]?(?:\s|$)|(?:\d{1,2}[a-z]?|[a-h])\s*[.):\-\u2013](?:\s|$)"
    # "Part A - ...", "Question B:" (round 8)
    r"|(?:question|part|point)\s+\(?[a-h]\)?\s*[.):\-\u2013](?:\s|$)"
    # In prose: "In response to question one, ...", "With regard to question 3, ...", "Regarding part (b):"
    r"|(?:(?:in\s+(?:response|answer|relation|reply)|with\s+(?:regard|regards|respect|reference))\s+to|regarding|turning\s+to"
    r"|as\s+(?:for|to))\s+(?:your\s+)?(?:question|part|point|request)\s*\(?(?:\d{1,2}|" + PART_WORDS + r"|[a-h])\b\)?"
    r"\s*[,.:\-\u2013]?)",
    re.I,
)
# Sent elsewhere: "you could put this question to the NPCC instead", "prepared on
# behalf of the National Police Chiefs' Council", "you would have to ask them for this
# yourself".
REDIRECT_RE = re.compile(
    r"\b(?:submit|direct|redirect|send|address|forward|transfer)\w*\s+(?:this|that|your|the|any)\s+(?:part\s+of\s+"
    r"(?:your|the|this)\s+)?(?:future\s+)?(?:request|question|enquiry|enquiries|requests)\b.{0,60}?\bto\b"
    r"|\bmay\s+wish\s+to\s+(?:contact|submit|direct|approach|redirect|write\s+to|ask)\b"
    r"|\bon\s+behalf\s+of\s+(?:the\s+)?(?:NPCC|National\s+Police\s+Chiefs|Home\s+Office|College\s+of\s+Policing)"
    r"|\bwould\s+need\s+to\s+be\s+(?:requested|obtained|sought)\s+(?:directly\s+)?from\b",
    re.I,
)
# A subject that says what the message is.
ACK_SUBJECT_RE = re.compile(r"^\W*(?:re:\s*|fw:\s*)?(?:acknowledge?ment|receipt)\b|\backnowledge?ment\s+(?:of"
    r"|for|-|:)", re.I)

_REVIEW_SUBJECTS = r"(?:decision|response|refusal|exemptions?|outcome|answer|complaint|appeal|request|application)"
PARTLY_RE = re.compile(r"\b(?:partially|partly)\s+upheld|\bupheld\s+in\s+part|\bpartially\s+uphold", re.I)
UPHELD_RE = re.compile(
    # The subject nearest to "upheld" decides what was upheld, hence the tempered gap.
    r"\b(?P<subj>" + _REVIEW_SUBJECTS + r")s?\b(?:(?!\b" + _REVIEW_SUBJECTS + r"\b)[^.]){0,40}?"
    r"\b(?P<neg>not\s+(?:been\s+)?|partially\s+|partly\s+|in\s+part\s+)?upheld\b"
    r"|\b(?:I|we)\s+(?:therefore\s+|have\s+|now\s+|\w+ly\s+)*"
    r"(?P<neg2>do\s+not\s+|will\s+not\s+|cannot\s+|partially\s+)?uphold\s+(?:the\s+|your\s+)?"
    r"(?P<subj2>original\s+)?(?P<what>\w+)"
    r"|\bupheld\s+(?:the\s+)?(?:original\s+)?(?P<subj3>decision|response|refusal|exemptions?)",
    re.I,
)
MAINTAIN_RE = re.compile(
    # Kept, in the grammar's many shapes (foi.mail.reading.grammar; round 8).
    g.REVIEW_KEPT + r"|"
    # "the refusal is maintained", "the exemption was applied correctly" (round 6)
    r"\b(?:decision|response|refusal|exemptions?)\s+(?:is|are|has\s+been|have\s+been|will\s+be)\s+maintained\b|"
    r"\b(?:was|were|had\s+been|has\s+been)\s+(?:applied|engaged|relied\s+(?:up)?on)\s+(?:correctly|properly"
    r"|appropriately|rightly)\b|"
    r"(?<!\bnot\s)(?<!n't\s)\b(?:maintain(?:ed|s)?|stand(?:s)?\s+by|agree\s+with)\s+(?:the\s+|its\s+|it['\u2019]s\s+|our\s+)?"
    r"(?:original\s+)?(?:decision|response|refusal|exemptions?|position|reliance\s+(?:up)?on)|"
    r"\boriginal\s+(?:decision|response|refusal)\s+(?:was|is|remains)\s+(?:correct|appropriate|valid|sound)|"
    r"\b(?:were|was|had\s+been|has\s+been)\s+(?:correctly|properly|appropriately|rightly)\s+(?:applied|engaged"
    r"|relied\s+(?:up)?on)|"
    r"\b(?:original\s+)?(?:decision|response|refusal)\s+(?:therefore\s+|still\s+)?(?:stands|remains\s+(?:unchanged"
    r"|in\s+place|valid))\b|"
    r"(?<!not\s)\b(?:satisfied|content)\s+that\s+the\s+(?:original\s+)?(?:decision|response"
        r"|exemptions?|refusal)\s+(?:was|were|is|are)\s+(?:correct|appropriate|properly"
        r"|correctly)",
    re.I,
)
OVERTURN_RE = re.compile(
    g.REVIEW_CHANGED + r"|"
    # "the original response should be varied", "section 43 had been applied incorrectly" (round 6)
    r"\b(?:decision|response)\s+(?:should\s+be|has\s+been|is|was|will\s+be)\s+(?:varied|amended|revised)\b|"
    r"\b(?:was|were|had\s+been|has\s+been)\s+(?:applied|engaged|relied\s+(?:up)?on)\s+(?:incorrectly|wrongly"
    r"|inappropriately)\b|\bcan\s+(?:now\s+)?be\s+(?:disclosed|released)\b|"
    r"\b(?:was|were|had\s+been)\s+not\s+(?:correctly|properly|appropriately|rightly)\s+(?:applied|engaged|relied)"
    r"|\b(?:is|are)\s+now\s+(?:being\s+)?(?:disclosed|released|provided)\b|\boverturn(?:ed|ing)?\b|\breversed?\s+(?:the\s+)?(?:original\s+)?decision|"
    r"\b(?:original\s+)?(?:decision|response|refusal)\s+(?:was|is)\s+(?:not\s+correct|incorrect|wrong|flawed)|"
    r"\bshould\s+(?:have\s+been|be)\s+(?:disclosed|released|provided)|"
    r"\b(?:will|now|are\s+now\s+able\s+to|decided\s+to)\s+(?:be\s+)?(?:release|disclose|provide)\s+(?:the\s+"
    r"|this\s+)?(?:information|data|figures)|"
    r"\bfound\s+in\s+your\s+favour|\bhave\s+been\s+disregarded|\bno\s+longer\s+(?:rely|relying)",
    re.I,
)


# A disclosure log's own field for the outcome, on a line of its own: "Decision: Partially
# disclosed", "Outcome - Information not held", "Refusal Sections 24 and 31" (issue 12, coverage).
# The authority files the reply under it, so it says plainly what the letter below decides.
_LOG_FIELD_RE = re.compile(
    r"^\W*(?:(?:final\s+)?decision|outcome|result|response\s+type|disclosure\s+(?:decision|status))\s*[:\-\u2013]\s*"
    r"(?P<value>[a-z][\w ,/&().\-]{2,60}?)\W*$",
    re.I,
)
_LOG_SECTIONS_RE = re.compile(
    r"^\W*(?P<value>refusal|refused|exempt(?:ion)?s?|partial(?:ly)?\s+disclos\w*|part\s+disclos\w*)\s+"
    r"(?:sections?|s\.?)\s*\d{1,2}\b[\w ().,&/-]{0,60}$",
    re.I,
)
# The field's value standing alone on its line, as some logs print it: "Partial Disclosure", "Full
# Disclosure".
_LOG_BARE_RE = re.compile(r"^\W*(?P<value>(?:full|partial)\s+disclosure)\W*$", re.I)
_LOG_VALUES: tuple[tuple[str, str], ...] = (
    ("partial", r"\b(?:partial(?:ly)?|part|in\s+part|some)\b.{0,30}\b(?:disclos|releas|provid|supplied|granted|held)"
        r"|\b(?:disclos|releas)\w*\s+in\s+part\b|\bpartial\b"),
    ("not-held", r"\bnot\s+held\b|\bno\s+(?:information|data|records?)\s+(?:held|found)\b"),
    ("refused", r"\brefus\w*|\bnot\s+disclosed|\bwithheld\b|\bexempt|\bneither\s+confirm|\bNCND\b|\bvexatious"),
    ("responded", r"^(?:information\s+)?(?:disclosed|released|provided|supplied)(?:\s+in\s+full)?$"
        r"|^(?:full(?:y)?\s+(?:disclosed|disclosure|release|released))$|^granted(?:\s+in\s+full)?$"),
)


def log_decision(sentences: list[str] | tuple[str, ...]) -> tuple[str, str] | None:
    """The kind a disclosure log's outcome field states ("Decision: Disclosed" -> responded), with
    its line; None when no such field is there, or two disagree."""
    found: list[tuple[str, str]] = []
    for s in sentences:
        if len(s) > 90:
            continue
        # (A bare value printed as a table's cell, "Partial Disclosure |" beside "Non Disclosure |", is
        # a column of counts, not the filing of this reply: round 9.)
        cell = "|" in s or "\t" in s.strip()
        m = _LOG_FIELD_RE.match(s) or _LOG_SECTIONS_RE.match(s) or (None if cell else _LOG_BARE_RE.match(s))
        if not m:
            continue
        value = re.sub(r"\s+", " ", m.group("value").strip().lower())
        kind = next((k for k, pattern in _LOG_VALUES if re.search(pattern, value, re.I)), None)
        if kind:
            found.append((kind, s))
    kinds = {k for k, _ in found}
    return found[0] if len(kinds) == 1 else None
