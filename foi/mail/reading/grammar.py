"""Small grammars over meanings for the reply signals (issue 12, round 8).

Phrase lists written from the templates we had matched those templates and nothing else: the same
decision put by another force in other words went unread. Each signal here is built instead from
parts of meaning, each part a set of synonyms, joined the ways English joins them: a negated
subject in the passive ("no information on this subject is held"), a negated verb of
possession ("we do not have any records of this"), a polite frame around a request for detail
("we would be grateful if you could give more detail about which ..."), a receipt
with its date in either voice ("received by A and B on 3 May", "which reached us on 3 May"), a
review stated as done ("the review was conducted on 28 May").

Gaps between the parts are bounded and never cross a sentence's end, so a part cannot borrow its
partner from the next clause. :mod:`foi.mail.reading.signals` puts these patterns beside its own.
"""

from __future__ import annotations

# ---- shared parts -----------------------------------------------------------------------------

# What an authority may hold, with the words that qualify it ("recorded information", "any such
# records", "relevant data").
QUALIFIER = r"(?:(?:recorded|relevant|such|any|further|other|specific|written|electronic)\s+)"
THING = (r"(?:information|data|records?|documents?|documentation|details|figures|statistics|material"
         r"|correspondence|reports?|files?|minutes|emails?|e-mails?|logs?|returns?)")
NOUN = QUALIFIER + r"*" + THING
# To be, in the tenses a reply uses.
BE = r"(?:is|are|was|were|has\s+been|have\s+been|had\s+been|can\s+be|could\s+be)"
# Kept by the authority.
HELD = r"(?:held|recorded|kept|retained|stored|captured|collated|maintained)"
# Looked for and not found.
FOUND = r"(?:found|located|identified|traced|retrieved)"
# Words between two parts of one clause: no full stop, semicolon or question mark in between.
GAP = r"[^.;?!]"


def gap(most: int) -> str:
    """Up to `most` characters inside one clause, as few as will do."""
    return GAP + "{0," + str(most) + "}?"


# A date as written in a letter: "3 May 2024", "3rd of May", "03/05/2024", "May 3, 2024".
MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
DATE = (r"(?:\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?" + MONTH + r"|\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}|"
        + MONTH + r"\s+\d{1,2}(?:st|nd|rd|th)?\b|\d{4}-\d{2}-\d{2})")

# ---- not held ---------------------------------------------------------------------------------

# "No information on this subject is held", "no recorded information that would answer
# your question is held by the force", "no data on this subject is kept": a negated subject, any
# words that say what it is about, then a passive of keeping. (Not "no information is held on a
# central system": that is where, and foi.mail.reading.signals.NOT_HELD_COST_RE sets it aside.)
NEGATED_SUBJECT_HELD = (
    r"\b(?:no|nil)\s+" + NOUN + r"\b" + gap(120) + r"\b" + BE + r"\s+(?:currently\s+|now\s+|actually\s+)?"
    + HELD + r"\b"
)
# "Nothing is held", "nothing relevant to the request is held", "none held", "nil held",
# "we hold nothing", "the force holds nothing of that kind".
# (Not "none of the incidents were recorded as hate crimes": a count of nought is an answer; nor "we
# have nothing further to add" under one.)
NOTHING_HELD = (
    r"\bnothing\s+(?:" + gap(80) + r"\b)?(?:" + BE + r"\s+)?(?:currently\s+)?" + HELD + r"\b"
    r"|\bnone\s+(?:" + BE + r"\s+)?(?:currently\s+)?held\b"
    r"|^\W*(?:nil|none)(?:\s+(?:return|held|recorded))?\W*$"
    r"|\b(?:hold|holds|held|keep|keeps|have|has)\s+nothing\b(?!\s+(?:else|further|more|additional|to\s+add))"
)
# "We do not have any records of this", "the force does not possess such data", "we have no
# information about that", "the constabulary has no data relating to ..." (not "we have no record
# of receiving your request": that is about our letter, not the information; nor "whether we do or
# do not have it": a disjunction decides nothing).
POSSESSION_DENIED = (
    r"(?<!\bor\s)\b(?:do|does|did)\s+not\s+(?:currently\s+)?(?:have|possess|retain|keep|store|maintain)\s+(?!all\b)(?:any\s+)?"
    + NOUN + r"\b(?!\s+(?:\w+\s+){0,2}(?:receiv\w*|your\s+(?:request|e-?mail|letter)))"
    r"|\b(?:has|have|holds?|possess(?:es)?|retains?|keeps?)\s+no\s+" + NOUN
    + r"\b(?!\s+(?:\w+\s+){0,2}(?:receiv\w*|your\s+(?:request|e-?mail|letter)|an?\s+(?:earlier|previous)"
    r"|the\s+(?:earlier|previous|original)))"
    r"|\bnot\s+in\s+(?:our|the\s+force'?s|its|the\s+\w+'s)\s+possession\b"
)
# Nothing to give, said as a lack: "there is no recorded information to provide", "we have no data
# to give you" (not "no further information to provide", said under an answer).
NOTHING_TO_GIVE = (
    r"\b(?:there\s+(?:is|are|was|were)|we\s+have|the\s+force\s+has|I\s+have)\s+no\s+(?:(?:recorded|relevant|such)\s+)?"
    r"(?:information|data|records?|documents?|figures|details)\s+(?:to\s+(?:provide|give|disclose|release|supply|send"
    r"|share|offer)|available)\b"
)
# A question answered "Not applicable" ("N/A - see question 1"): nothing to give for that part,
# said on its own line.
NOT_APPLICABLE = r"^\W*(?:not\s+applicable|n\s*/\s*a)\b(?:\W+(?:see|as\s+per|refer\s+to)\b[^.]{0,40})?\W*$"

# The whole request said not held, plainly (the one definition; classify used to restate it): "the
# information you asked for is not held", "the requested data was not recorded", "we do not hold
# any information within the scope of this request", "the force does not have the records you
# asked for". A subject or object that is the request itself, not one part of it, and no place
# named after it ("is not held by the Custody Unit", "not held on the Niche system" tell where a
# search looked); nor the half of a disjunction ("whether or not we hold any such data").
_THE_REQUESTED = (r"(?:(?:the|this)\s+(?:requested\s+)?(?:information|data)|the\s+(?:requested\s+)?(?:data|records))")
_YOU_ASKED = r"(?:(?:that\s+|which\s+)?you\s+(?:have\s+)?(?:requested|asked\s+for|seek|are\s+seeking|require)\s+)"
_WHOLE_OBJECT = (r"(?:any\s+)?(?:the\s+)?(?:recorded\s+)?(?:information|data|records?)\s+"
                 r"(?:within\s+the\s+scope|(?:that\s+|which\s+)?"
                 r"you|requested|relevant|relating\s+to\s+your\s+request)")
_HOLDER = (r"(?:we|the\s+(?:force|constabulary|service|council|department|authority|trust|university|board))")
WHOLE_NOT_HELD = (
    r"^\W*(?:(?:however|unfortunately|therefore|sadly|regrettably),?\s+)?" + _THE_REQUESTED + r"\s+" + _YOU_ASKED + r"?"
    r"(?:is|was|are|were)\s+not\s+(?:held|recorded|kept|retained)\b"
    r"(?![^.]{0,40}\b(?:by|within|in|on)\s+(?:the\s+|our\s+)?(?-i:[A-Z]))"
    r"|(?<!\bor\s)\b" + _HOLDER + r"\s+(?:do|does|can\s+confirm\s+(?:that\s+)?(?:we|it)\s+do(?:es)?)"
    r"\s+not\s+(?:hold|have|possess|retain)\s+" + _WHOLE_OBJECT
)

# ---- clarification ----------------------------------------------------------------------------

# A modal put to the reader, the word order of a question to us: "could you", "would you please",
# "can you kindly".
YOU_MODAL = r"(?:could|can|would|will)"
ASK_YOU = r"\b" + YOU_MODAL + r"\s+you\s+(?:please\s+|kindly\s+)?"
# The polite frame of a request to us: "I would be grateful if you could", "it would help if you
# would", "we would appreciate it if you could", "could you please", "kindly", "please can you".
POLITE_ASK = (
    r"(?:\b(?:grateful|appreciate\s+it|appreciated|helpful|help(?:\s+us)?|useful|assist\s+us)\s+if\s+you\s+"
    r"(?:could|would|can|were\s+able\s+to)"
    r"|" + ASK_YOU + r"(?:also\s+)?"
    r"|\b(?:please|kindly)\s+(?:could\s+you\s+|can\s+you\s+|would\s+you\s+)?"
    r"|\b(?:we|I)\s+(?:would\s+)?(?:ask|request|invite)\s+(?:that\s+)?you\s+(?:to\s+)?"
    r"|\b(?:we|I)\s+(?:need|require|would\s+need|will\s+need)\s+you\s+to\s+)"
)
# What they ask us to do: tell them more.
ASK_VERB = (r"(?:provide|give|send|supply|tell|let\s+(?:us|me)\s+know|confirm|specify|clarify|explain|indicate"
            r"|describe|identify|outline|define|state|advise|expand|elaborate|set\s+out|narrow|refine)")
# Asked in so many words, with or without its mark, at the opening: "could you please tell us which
# years you mean", "would you clarify", "Sarah, can you confirm the area you are interested in".
ASKED_IN_WORD_ORDER = r"^\W*(?:\w+\s*,\s*)?" + ASK_YOU + r"(?:\w+\s+){0,2}?" + ASK_VERB + r"\b"
# A question the authority puts to us, as against one of ours pasted back ("Do you hold ...?",
# "4b Can you provide me with ...?"): they ask what we would like, accept or can confirm.
ASKS_US = (
    r"^(?![\W\d]*(?:\d|[a-z]\)|q\d))[^?]{0,200}\b(?:" + YOU_MODAL + r"|do|are|were)\s+you\s+(?:please\s+)?"
    r"(?:like|wish|want|prefer|accept|agree|consider|confirm|clarify|specify|let\s+(?:me|us)\s+know|tell\s+us"
    r"|be\s+(?:happy|content|willing|prepared|able|interested)|still\s+(?:like|want|wish))\b"
)
# Handed to the requester: "the reports disclosed to you", "released to you in full", "supplied to
# you below". A requester asks; only the authority gives.
HANDED_TO_YOU = r"\b(?:disclosed|released|supplied)\s+to\s+you\b"
# Who, which, what ...: the detail they lack.
WH = r"(?:which|what|who|whom|whose|where|when|whether|how)"
# What we meant: "you mean", "you are referring to", "your request covers", "you have in mind".
YOUR_MEANING = (r"\b(?:you\s+(?:(?:are|were|would\s+be)\s+)?(?:mean|meant|refer|referring|require|requiring"
                r"|seek|seeking|want|wanting|wish|would\s+like|interested|looking|intend|intended|have\s+in\s+mind|asking|asked"
                r"|request|requested|need|consider|regard|define|class|count|include)|your\s+(?:request|question|enquiry)\s+(?:covers?|relates?|refers?|concerns?"
                r"|means?|is\s+(?:about|asking)))")
# More detail, about something: "further detail about", "more information as to", "clarification of".
MORE_DETAIL = (r"(?:(?:some|any|further|more|additional|clearer|specific)\s+)+(?:details?|information|clarification"
               r"|particulars|explanation)\s+(?:about|of|on|as\s+to|regarding|concerning|in\s+relation\s+to)\b")
# "we would be grateful if you could give more detail about who ...", "could you
# please tell us which stations you mean", "kindly let us know precisely what you are seeking".
# (The request itself says "please tell me which companies ...": a question about the world, not
# about what we meant; it takes "exactly", or words about our meaning, to be theirs.)
ASK_FOR_DETAIL = (
    POLITE_ASK + r"\s*(?:\w+\s+){0,2}?" + ASK_VERB + r"\b(?:\s+(?:us|me))?(?:\s+with)?\s+" + MORE_DETAIL
    + gap(40) + r"\b" + WH + r"\b"
    r"|" + POLITE_ASK + r"\s*(?:\w+\s+){0,2}?" + ASK_VERB + r"\b" + gap(50)
    + r"\b(?:exactly|precisely|specifically)\s+" + WH + r"\b"
    r"|" + POLITE_ASK + r"\s*(?:\w+\s+){0,2}?" + ASK_VERB + r"\b" + gap(50) + r"\b" + WH + r"\b" + gap(60)
    + YOUR_MEANING
)
# "We need further details of precisely what information you are seeking", "we require more
# information about which incidents you mean".
NEED_DETAIL = (
    r"\b(?:we|I)\s+(?:will\s+|would\s+)?(?:need|require)\s+(?:from\s+you\s+)?" + MORE_DETAIL
    + gap(40) + r"\b(?:(?:exactly|precisely|specifically)\s+)?" + WH + r"\b"
)
# The clock waits on us: "the statutory time for our response will not start until we receive the
# further information", "the 20 working days will begin once we receive your reply", "we will
# start the clock again when your clarification arrives".
CLOCK_WAITS = (
    r"\b(?:clock|time(?:\s*(?:limit|scale|frame))?|period|deadline|timescale|(?:20|twenty)\s+(?:working\s+)?days?)\b"
    + gap(60) + r"\b(?:will|shall|does|do|would)\s+not\s+(?:start|begin|commence|run|resume|restart)\b"
    + gap(40) + r"\b(?:until|before)\b"
    r"|\b(?:clock|time(?:\s*(?:limit|scale|frame))?|period|(?:20|twenty)\s+(?:working\s+)?days?)\b" + gap(60)
    + r"\b(?:will|shall)\s+(?:only\s+)?(?:start|begin|commence|restart|resume|run)\s+(?:again\s+)?"
    r"(?:once|when|on\s+receipt|from\s+(?:the\s+date|when|receipt))\b"
    r"|\b(?:start|restart|resume)\s+the\s+clock\s+(?:again\s+)?(?:once|when|on\s+receipt)"
)

# ---- acknowledgement --------------------------------------------------------------------------
#
# An acknowledgement says three things, in any order and in many words: thanks for (or receipt of)
# the request; that it arrived, is in hand, was passed on or given a reference; and that a reply
# will come. Each meaning is written here once. :mod:`foi.mail.reading.signals` weighs the stricter shapes
# built from them (the arrival with its date, the request in hand, a reply promised in time);
# :func:`foi.mail.reading.receipts.acknowledgement` reads the three meanings together.

# This request: "request", "application", "enquiry".
REQUEST_NOUN = r"(?:request|application|enquiry|inquiry)"
# Whatever they received from us: the request, or the message that carried it.
MAIL_NOUN = (r"(?:request|application|enquiry|inquiry|communication|correspondence|e-?mail|letter|message"
             r"|submission|FOI|freedom\s+of\s+information)")
# Arrived, in the words for it: "received", "reached us", "arrived", "came in", "logged",
# "registered", "recorded on 3 May" (not "reached the conclusion", "reached the cost limit"; not
# "recorded crimes").
ARRIVED = (r"(?:received|reached(?=\s+(?:us|me|our\b|the\s+(?!(?:conclusion|decision|view|limit|cost"
           r"|appropriate|threshold|point|stage)\b)))|arrived|came\s+in|logged|registered"
           r"|recorded(?=\s+(?:on|as|under|and|by|with)\b|\s*[.,]))")
# In hand: "is being processed", "is now being dealt with".
HANDLED = r"(?:processed|dealt\s+with|considered|handled|looked\s+(?:at|into)|progressed|actioned)"
# Passed on inside the authority: "passed to the disclosure team", "forwarded on to", "allocated to".
PASSED_ON = r"(?:passed|forwarded|sent|referred|transferred|allocated|assigned)\s+(?:on\s+)?to"
# A reference given: "we have allocated the above reference", "has been given the reference", "a
# case number has been assigned".
REFERENCE_GIVEN = (
    r"(?:allocated|assigned|given|issued)\s+(?:(?:it|this|your\s+\w+)\s+)?(?:the|a|an)?\s*(?:above|following|below"
    r"|unique|case)?\s*(?:reference|ref\b|case\s+number|number)"
    r"|\breference\s+(?:number\s+)?" + gap(40) + r"\b(?:has\s+been|was|is)\s+(?:allocated|assigned|given)"
)

# Thanks for it, or its receipt acknowledged: "thank you for your request", "many thanks for your
# recent e-mail", "we acknowledge receipt of your letter", "we acknowledge with thanks your
# application", "I confirm that we have received".
THANKS = (r"\b(?:thank\s+you|thanks|many\s+thanks|we\s+are\s+grateful)\s+for\s+(?:your|the)\s+(?:\w+\s+){0,3}?"
          + MAIL_NOUN
          + r"|\b(?:acknowledge|confirm)\s+(?:with\s+(?:thanks|gratitude)\s+)?(?:the\s+)?receipt\s+of\s+(?:your|the)\b"
          # "we acknowledge with thanks your recent letter requesting data"
          r"|\backnowledge\s+with\s+(?:thanks|gratitude)\s+(?:your|the)\s+(?:\w+\s+){0,3}?" + MAIL_NOUN
          + r"|\b(?:writing|write|wish|like)\s+to\s+acknowledge\s+(?:your|the)\s+(?:\w+\s+){0,3}?" + MAIL_NOUN
          + r"|\b(?:we|I)\s+(?:can\s+)?confirm\s+(?:that\s+)?(?:we|I|the\s+\w+)\s+(?:have|has)\s+received\b")
# Its receipt, logging, passing on or reference stated, in any voice: "received on 03/04/2023",
# "which reached us", "is being considered", "has been passed to the FOI team", "a case number has
# been assigned".
RECEIPT = (r"\b(?:" + ARRIVED + r"|acknowledge|(?:is|are)\s+(?:now\s+)?being\s+" + HANDLED + r"|" + PASSED_ON
           + r"|" + REFERENCE_GIVEN
           # a case system's field: "Date of receipt: 11 March 2024", "Receipt date: 11/03/2024" (round 14)
           + r"|(?:date\s+(?:of\s+)?receipt|receipt\s+date)(?=\s*:)"
           + r")\b")

# Within the time the law allows: "within 20 working days", "within the statutory timescale",
# The time the law allows, with the words that qualify it: "the statutory timescale", "20 clear
# working days", "the time allowed". (Written once: a reply promised within it, or one that cannot
# be made within it, LATE below.)
_TIME_ADJ = r"(?:statutory|prescribed|normal|usual|required|legal|original)"
_TIME_ALLOWED = (r"(?:(?:20|twenty)(?:\s+|-)(?:clear\s+|full\s+|statutory\s+)?working|time\s*(?:limit|scale|frame)"
                 r"|timescale|deadline|time\s+(?:allowed|permitted|required)|statutory\s+time|period)")
# "within 20 clear working days", "up to twenty working days", "no later than 20 working days".
WITHIN_TIME = (r"(?:within|up\s+to|no\s+(?:later|more)\s+than)\s+(?:the\s+|our\s+)?(?:" + _TIME_ADJ + r"\s+)?"
               + _TIME_ALLOWED)
# When they will answer: "in due course", "shortly", "as soon as we can", "promptly", or within
# that time.
IN_TIME = (r"(?:in\s+due\s+course|shortly|soon|as\s+soon\s+as\s+(?:possible|practicable|we\s+(?:can|are\s+able))"
           r"|promptly|without\s+(?:undue\s+)?delay|" + WITHIN_TIME + r")")
# What follows a verb of answering when the answer is this letter: "(answer) each question in the
# order asked", "(respond to) your points in turn", "(reply) below", "(answer them) as follows".
_HERE_AND_NOW = (r"\s+(?:to\s+)?(?:each|every|all\s+(?:of\s+)?(?:your|the)|your\s+(?:questions|points)"
                 r"|the\s+(?:questions|points)|them\b|these\b|in\s+turn|in\s+the\s+order|below|as\s+follows|here)")
# The answer's preface: "I will deal with your questions in the order they came", "we shall
# respond to your points in turn".
ANSWER_PREFACE = (r"\b(?:I|we)\s+(?:will|shall|'ll|would\s+like\s+to|have)\s+(?:now\s+|therefore\s+)?"
                  r"(?:answer|respond|reply|address|deal\s+with)(?:ed)?" + _HERE_AND_NOW)
# A reply to come, with the reply, the authority or us as the subject: "the due date for issuing a
# response is 2 May", "a full response will be sent", "our reply will follow", "we aim to respond",
# "the team will get back to you", "you should receive a response", "you will hear from us".
REPLY_TO_COME = (
    # (a case system's field as well: "Response due: 9 April", "Reply by: 09/04/2024": round 14)
    r"\b(?:response|reply|answer)\s+(?:due|by|deadline)(?:\s+(?:date|by|on))?\s*:"
    r"|\b(?:due|target)\s+date\b|\b(?:deadline|date)\s+for\s+(?:issuing|sending|providing|our|a|the|your)\s+"
    r"(?:\w+\s+)?(?:response|reply)"
    r"|\b(?:response|reply)\s+(?:is|will\s+be)\s+due\b"
    r"|\b(?:arrange|ensure)\s+(?:for\s+)?(?:that\s+)?(?:a|the|our|your)\s+(?:full\s+)?(?:response|reply)"
    r"|\b(?:an?|our|the|your)\s+(?:full\s+|formal\s+|written\s+)?(?:response|reply|answer)\s+(?:\w+\s+){0,3}?"
    r"(?:will|should|shall)\s+(?:\w+\s+)?(?:be\s+(?:sent|provided|issued|given|with\s+you|made)|follow|reach\s+you)\b"
    r"|\b(?:will|shall|ll|aim\s+to|intend\s+to|expect\s+to|endeavour\s+to|hope\s+to|should)\s+(?:\w+\s+){0,2}?"
    r"(?:respond|reply|answer|be\s+in\s+touch|get\s+back\s+to\s+you|write\s+(?:to\s+you|back)|contact\s+you"
    r"|come\s+back\s+to\s+you|(?:send|provide|issue|give)\s+(?:you\s+)?(?:with\s+)?(?:a|the|our)\s+(?:\w+\s+)?"
    r"(?:response|reply))\b"
    # (Not "I will deal with your questions in the order they came", "we will respond to your points in
    # turn below": the answer's own preface, the reply is this letter.)
    r"(?!" + _HERE_AND_NOW + r")"
    r"|\byou\s+(?:will|should|shall|can\s+expect\s+to|may\s+expect\s+to)\s+(?:\w+\s+)?(?:receive|get|be\s+sent"
    r"|be\s+given|be\s+provided\s+with|have|hear)\b"
    r"|\b(?:receive|get|have)\s+(?:a|the|our)\s+(?:full\s+|formal\s+)?(?:response|reply|information|answer)"
)
# A reply promised in time, in either voice: "a response will reach you in good time", "a
# reply will follow within twenty working days", "we'll get back to you shortly".
REPLY_PROMISED = r"(?:" + REPLY_TO_COME + r")" + gap(40) + r"\b" + IN_TIME
# A reply to come, as an acknowledgement says it (a time alone will do: "within 20 working days").
REPLY_DUE = REPLY_TO_COME + r"|\b" + WITHIN_TIME

# The request's arrival stated with its date, in either voice and with the receiver named or not:
# "your request below, received by A and B on 3 May 2024", "your e-mail, which reached the joint
# unit on 5 March", "which A and B received on 1 July", "your request reached us on 2 April". A
# dated thanks alone ("Thank you for your email received on 9 May ...") opens answers as often as
# receipts: after thanks, the receipt must be stated as such, by whom or in a clause of its own.
# "I write in response to (in connection with) your request received on 6 January" answers it.
_ON_DATE = r"\b(?:on|dated)\s+(?:\w+day,?\s+)?(?:the\s+)?" + DATE
_THING_SENT = r"\b" + MAIL_NOUN + r"\b"
_OPENS_AN_ANSWER = (r"(?!" + GAP + r"*\b(?:in\s+(?:response|reply|answer|relation|connection)\s+(?:to|with)"
                    r"|further\s+to|with\s+(?:regard|reference|respect)\s+to|regarding|following|re:)\s)")
RECEIVED_ON = (
    r"^" + _OPENS_AN_ANSWER + r"(?:(?!\W*(?:many\s+)?thank)[^.;?!]*?" + _THING_SENT + gap(90) + r"\b" + ARRIVED + r"\b"
    + gap(90) + _ON_DATE
    + r"|[^.;?!]*?" + _THING_SENT + gap(90) + r"(?:\breceived\s+by\s+[A-Z]|\breached\s+"
    r"|\b(?:which|that)\s+(?:we|I|[A-Z]" + GAP + r"{0,80}?)\s+received\b"
    r"|\b(?:which|that)\s+(?:was|were)\s+received\s+by\b)" + gap(90) + _ON_DATE + r")"
)


# ---- internal review --------------------------------------------------------------------------

# What our letter asks for, after the letter: "your request for", "your e-mail asking for", "your
# letter requesting", "your application seeking" (round 14 fold: both tests of our review request,
# doubt.review_asked and internal_review's, read it alike).
SEEKING = r"(?:for|asking\s+for|requesting|seeking)"

# A review stated as done: "the review was conducted on 28 May", "an internal review was held",
# "the review took place on 1 July", "we conducted the review on 27 June". Either it is named as
# ours ("internal review", "the review of our response", "your review") or its date is given: "the
# review was carried out by a senior manager" alone may be an answer about some other review.
_REVIEW_OURS = (r"(?:internal\s+review|review\s+of\s+(?:your|our|the|this)\s+(?:\w+\s+)?(?:request|response|decision"
                r"|handling|refusal|reply)|your\s+review|(?:this|the)\s+review\s+(?:request|panel))")
_DONE = (r"(?:was|has\s+(?:now\s+)?been|had\s+been|have\s+(?:now\s+)?been)\s+(?:now\s+)?"
         r"(?:conducted|carried\s+out|undertaken|completed|held|concluded|performed|finali[sz]ed)\b")
REVIEW_DONE = (
    r"\b" + _REVIEW_OURS + r"\b" + gap(50) + r"\b" + _DONE
    + r"|\breview\b" + gap(50) + r"\b" + _DONE + gap(60) + r"\b(?:on|dated)\s+(?:\w+day,?\s+)?(?:the\s+)?" + DATE
    + r"|\breview\s+took\s+place\b" + gap(40) + r"\b(?:on\s+(?:\w+day,?\s+)?(?:the\s+)?" + DATE + r")"
    + r"|\b(?:the|this|your|an?)\s+(?:internal\s+|independent\s+)?review\s+(?:has|have)\s+(?:now\s+)?(?:taken\s+place"
    r"|been\s+(?:held|done))\b"
    r"|\b(?:I|we)\s+(?:have\s+)?(?:carried\s+out|conducted|undertook|undertaken|completed)\s+(?:an?|the|this|your)\s+"
    r"(?:\w+\s+)?review\b(?!\s+(?:of|into)\s+(?!(?:your|our|the|this)\s+(?:\w+\s+)?(?:request|response|decision"
    r"|handling|refusal|reply)))"
)

# ---- acknowledgement without a date -------------------------------------------------------------

# This request, named with any words between: "your freedom of information request", "your recent
# request for information", "the application", "your enquiry".
YOUR_REQUEST = (r"\b(?:your|the|this)\s+(?:[\w-]+\s+){0,4}?" + REQUEST_NOUN + r"\b"
                r"(?:\s+for\s+(?:information|an?\s+internal\s+review))?")
# It arrived and is in hand: "has been safely received", "has arrived safely", "is being processed",
# "has been passed to a disclosure officer".
REQUEST_IN_HAND = (
    YOUR_REQUEST + r"(?:\s*\([^)]{0,40}\))?,?\s+(?:\w+\s+){0,2}?(?:has|have)\s+(?:now\s+)?(?:been\s+)?"
    r"(?:safely\s+|successfully\s+|duly\s+|now\s+)?(?:" + ARRIVED + r"|allocated|assigned|" + PASSED_ON + r")\b"
    r"|" + YOUR_REQUEST + r",?\s+(?:\w+\s+){0,2}?(?:is|are)\s+(?:now\s+|currently\s+)?being\s+" + HANDLED + r"\b"
)
# Received, said by them: "we have your request", "I write to acknowledge your information request",
# "we confirm receipt of your request".
REQUEST_ACKNOWLEDGED = (
    r"\b(?:acknowledge|confirm)\s+(?:(?:the\s+)?(?:safe\s+)?receipt\s+of\s+)?" + YOUR_REQUEST
    + r"|\b(?:we|I)\s+(?:now\s+)?(?:have|hold)\s+(?:received\s+)?" + YOUR_REQUEST
    + r"(?!\s+(?:and|which)\s+(?:our|the)\s+(?:answer|response|reply))"
)


# ---- extension --------------------------------------------------------------------------------

# "More time", the words every stage shares (round 14 fold): the extra time itself ("further time",
# "additional time") and the verbs that need it ("we need", "it requires", "we have required"). Each
# stage builds its own test of more time from these (and TAKE, below): interim's held-up answer, the review's extension
# (internal_review), the weaker hints (doubt), a decision taken now (sentences); receipts.MORE_TIME and
# signals' "extended" weight keep their narrower list without "extra" (folding it in would change
# which receipts stand).
MORE = r"(?:further|more|additional|extra)"
NEED = r"(?:need|needs|needed|require|requires|required)"
# "we need further time", "the request requires some additional time".
NEED_MORE_TIME = r"\b" + NEED + r"\s+(?:some\s+)?" + MORE + r"\s+time\b"
# Taking the time: "it is taking longer", "the search will take a little longer" ("will take" is read
# at "take"). interim adds "took"; the review's extension (internal_review) wants "than" after "longer".
TAKE = r"(?:taking|take|takes)"

# Not able to answer in time: "we will not manage to answer your request inside the 20 working
# day limit", "we cannot complete our response within the statutory time".
_NOT_ABLE = (r"(?:unable|not\s+(?:be\s+)?able|not\s+(?:been\s+)?possible(?:\s+for\s+(?:us|me))?|cannot|can\s*not"
             r"|will\s+not\s+be\s+able|(?:have|has)\s+not\s+(?:yet\s+)?been\s+able)")
IN_TIME_LIMIT = r"\bwithin\s+(?:the\s+|our\s+)?(?:" + _TIME_ADJ + r"\s+)?" + _TIME_ALLOWED
LATE = (r"\b" + _NOT_ABLE + r"\s+to\s+(?:\w+\s+){0,2}?(?:respond|reply|answer|deal\s+with|complete|provide|send"
        r"|issue|finish|meet|offer|give|make|let\s+you\s+have)\b" + gap(60) + IN_TIME_LIMIT)
# Delayed or late, said of the reply: "your request has been delayed", "our response is late",
# "the reply to your request will be a little late".
DELAYED = (
    # (not "investigate the reason why the response was delayed": a complaint about a past delay; round 15)
    r"(?<!\bwhy\s)(?<!\bhow\s)\b(?:your\s+(?:\w+\s+){0,3}?request|(?:our|the|your|a)\s+(?:full\s+|final\s+)?(?:response|reply|answer"
    r"|decision))\s+(?:\w+\s+){0,4}?(?:has\s+been|is|was|will\s+be|is\s+going\s+to\s+be|may\s+be|are)\s+"
    r"(?:\w+\s+){0,2}?(?:delayed|late|overdue|held\s+up)\b"
)
# Still in hand, in the passive: "the information is still being gathered".
STILL_BEING = (r"\b(?:is|are)\s+still\s+being\s+(?:gathered|collated|compiled|located|retrieved|prepared|considered"
               r"|assessed|processed|finali[sz]ed|reviewed|sought|obtained|checked)\b")

# A reply promised by a date, in the words of hearing from them: "you should hear from us by 15
# July", "we hope to be in touch by 3 June". (In a receipt it is the ordinary due date, in a late
# letter the new one: the weighing decides which.)
HEAR_BY = (
    r"\b(?:you\s+(?:will|should|shall|can\s+expect\s+to|may\s+expect\s+to)\s+(?:\w+\s+)?(?:hear\s+(?:back\s+)?from\s+(?:us|me)"
    r"|receive\s+(?:a|our|the)\s+(?:full\s+)?(?:response|reply|answer|decision))"
    r"|\b(?:we|I)\s+(?:will|shall|aim\s+to|expect\s+to|hope\s+to|intend\s+to)\s+(?:\w+\s+)?(?:be\s+in\s+touch"
    r"|get\s+back\s+to\s+you|come\s+back\s+to\s+you|write\s+to\s+you\s+again))" + gap(30)
    + r"\b(?:by|no\s+later\s+than|on\s+or\s+before)\s+(?:\w+day,?\s+)?(?:the\s+)?" + DATE
)

# The due date moved: "the response due date ... is now 22nd May", "the
# deadline for our reply has been put back to 3 June", "we have moved the due date to ...".
_DUE = r"(?:due\s+date|deadline|date\s+(?:that|when|by\s+which|on\s+which)?|time\s*(?:limit|scale)|target\s+date)"
DUE_MOVED = (
    r"\b" + _DUE + gap(80) + r"\b(?:has\s+been|have\s+been|is\s+being|will\s+be|was|is\s+now|has\s+now\s+been)\s+"
    r"(?:changed|moved|extended|revised|amended|put\s+back|pushed\s+back|deferred|rescheduled|postponed|updated)\s+"
    r"(?:to|until|till)\b"
    r"|\b(?:changed|moved|extended|revised|amended|put\s+back|pushed\s+back|deferred|rescheduled|postponed)\s+"
    r"(?:the|our)\s+(?:response\s+|due\s+)?" + _DUE + r"\b" + gap(60) + r"\b(?:to|until|till)\b"
)

# ---- information given --------------------------------------------------------------------------

# "I attach the information you requested", "we enclose a copy of the policy", "attached is the
# spreadsheet", "enclosed are copies of the minutes".
ATTACHED_GIVEN = (
    r"\b(?:I|we)\s+(?:am\s+|are\s+)?(?:attach|enclose|attaching|enclosing)\w*\s+(?:herewith\s+|here\s+)?"
    r"(?:the|a|an|our|copies|cop(?:y|ies)\s+of|details|figures|data|information|your)\b"
    r"|^\W*(?:please\s+find\s+)?(?:attached|enclosed)\s+(?:is|are|please\s+find|you\s+will\s+find|herewith)\s+"
    r"(?:the|a|an|our|copies|cop(?:y|ies)\s+of|details|figures|data|information)\b"
    r"(?!\s+(?:\w+\s+)?(?:response|reply|letter|decision|refusal|notice|acknowledge?ment|form)\b)"
)

# ---- part of it ---------------------------------------------------------------------------------

# Only part is answered, and the rest is dealt with otherwise: "the attached document answers part
# of your request", "for the rest, we rely on section 24", "the remainder of the information is
# withheld".
PART_ANSWERED = (r"\b(?:answers?|covers?|provides?|address(?:es)?|deals?\s+with|gives?|meets?)\s+(?:only\s+)?"
                 r"(?:part|some|parts)\s+of\s+(?:your|the|this)\s+(?:\w+\s+)?request")
THE_REST = (r"\bfor\s+the\s+(?:rest|remainder|remaining\s+(?:parts?|questions?|information|elements?))\b"
            r"|\b(?:rest|remainder)\s+of\s+(?:the\s+|your\s+)?(?:information|request|questions?|data)\s+"
            r"(?:is|are|has\s+been|have\s+been)\s+(?:\w+\s+)?(?:withheld|exempt|refused|not\s+(?:disclosed|provided"
            r"|released))")

# ---- refusal ----------------------------------------------------------------------------------

# A ground for withholding: "section 24(1)", "s.31", "the exemption at section 40(2)", "exemptions".
GROUND = (r"(?:(?:(?:the\s+)?(?:exemptions?|provisions?)\s+(?:at|in|under|of)\s+)?(?:sections?|s\.?)\s*\d{1,2}"
          r"|(?:the\s+|an?\s+|this\s+|these\s+|two\s+|following\s+)*exemptions?\b)")
# Relied on, in any voice and tense: "we rely on section 24(1)", "the force is relying upon the
# exemption at section 31", "we have relied on s.40", "the constabulary relies on".
RELIED_ON = (
    r"\b(?:we|I|it|(?:the|this)\s+(?:force|constabulary|authority|service|department|council|office|organisation))\s+"
    r"(?:\w+\s+)?(?:rel(?:y|ies|ied)|(?:is|are|am)\s+(?:now\s+)?relying|(?:has|have)\s+relied|(?:will|shall|must)\s+rely)"
    r"\s+(?:up)?on\s+" + GROUND
)
# The information placed under a ground: "falls within the exemption at section 31", "is covered
# by section 24(1)", "this engages section 40(2)".
UNDER_GROUND = (
    r"\b(?:falls?|fell|comes?)\s+(?:within|under)\s+(?:the\s+)?(?:scope\s+of\s+)?(?:the\s+)?(?:exemption|section|s\.)"
    r"|\b(?:is|are)\s+covered\s+by\s+(?:the\s+)?(?:exemption|section|s\.)"
    # "falls within the terms of section 22"; "section 22 (future publication) comes within the
    # terms of an exemption" (round 9).
    r"|\b(?:falls?|fell|comes?)\s+(?:into|within|under)\s+the\s+terms\s+of\b"
    # A refusal notice naming its ground: "the exemption applicable to the information you have
    # requested can be found at section 31", "the exemptions applicable are: section 22 ..." (round 15).
    # (Not "an exemption may apply", "if an exemption is applicable": no ground named as found.)
    r"|\bthe\s+(?:exemptions?|exceptions?)\s+(?:(?:that|which)\s+(?:appl(?:y|ies)|(?:is|are)\s+engaged)|applicable)"
    r"\s+(?:to\s+[^.;:]{0,100}?)?(?:(?:is|are|can\s+be\s+found\s+(?:at|in|under))\s*:?\s+(?:at\s+)?"
    r"(?:section|s\.?\s*\d|regulation)|(?:is|are)\s*:\s*$)"
    # (Not "engages section 31": a letter still weighing the public interest says that too.)
)

# The authority's judgement that the information is to be held back (round 10): a verb of judging
# in the first person, then the information in the passive of withholding. "Having weighed
# it, we think it ought to be withheld under the exception at regulation 12(5)(b)", "I
# am satisfied that the names must be withheld", "we have concluded that the report is to be
# withheld", "the council considers that this information should remain exempt". (Not "you may
# think it should be withheld", not "if we believed it should be withheld": a second person or a
# condition; nor "we do not believe ... should be withheld".)
JUDGE = (r"(?:believe[sd]?|consider(?:s|ed)?|(?:have\s+|has\s+)?conclude[sd]?|(?:am|are|is)\s+satisfied"
         r"|(?:have\s+|has\s+)?decided|(?:have\s+|has\s+)?determined|take\s+the\s+view|(?:am|are|is)\s+of\s+the\s+view|judge[sd]?)")
WITHHELD_JUDGED = (
    r"(?<!\bif\s)\b(?:we|I|the\s+(?:force|constabulary|council|department|authority|trust|service|university|board"
    r"|government))\s+(?:\w+\s+)?" + JUDGE + r"\s+(?:that\s+)?(?:\w+\s+){0,6}?"
    r"(?:should|must|ought\s+to|is\s+to|are\s+to"
    r"|will\s+need\s+to)\s+(?:be\s+|remain\s+)(?:withheld|exempt(?:ed)?|refused|redacted|kept\s+back)\b"
)

# ---- internal review outcomes -----------------------------------------------------------------
#
# A reviewer's verdict on the first reply, in words written once here: the reply was right or
# wrong, kept or changed. REVIEW_KEPT and REVIEW_CHANGED are whole clauses (signals.py weighs
# them); UPHELD and OVERTURNED are the verdict alone, read after a reviewer's judgement
# (:func:`foi.mail.reading.outcomes.conclusion`: "I remain of the view that ... was correct").

# Right, and rightly: "correct", "properly", "justified".
RIGHT = r"(?:correct|right|proper|appropriate|valid|justified|reasonable|sound)"
RIGHTLY = r"(?:correctly|properly|appropriately|rightly|validly|legitimately|reasonably)"
# Wrong, and wrongly.
WRONG = r"(?:wrong|incorrect|mistaken|in\s+error|flawed|inappropriate)"
WRONGLY = r"(?:incorrectly|wrongly|inappropriately|improperly)"
# What a reply did with a ground: "applied", "relied on", "withheld".
APPLIED = (r"(?:applied|engaged|relied(?:\s+(?:up)?on)?|cited|used|handled|made|dealt(?:\s+with)?|withheld"
           r"|refused)")
# Kept: "uphold", "maintain", "affirm".
KEEP = r"(?:affirm|confirm|endorse|uphold|maintain)"
# Undone: "overturn", "reverse", "set aside".
REVERSE = r"(?:overturn|reverse|set\s+aside|overrule)"
# Changed in any degree.
CHANGE = r"(?:" + REVERSE + r"|withdraw|vary|revise|amend|change|alter|depart\s+from|interfere\s+with|disturb)"
# Not changed: "no reason to depart from", "we do not propose to alter".
NO_CHANGE = (r"\bno\s+(?:reason|grounds?|basis|cause|need)\s+to\s+" + CHANGE
             + r"|\bdo\s+not\s+(?:propose|intend|consider\s+it\s+necessary)\s+to\s+" + CHANGE
             # a wish or need denied, however it is put: "we do not consider that we wish to change
             # our position", "we do not feel we need to alter the decision" (round 15)
             + r"|\b(?:do|does|did)\s+not\s+(?:consider|think|feel|believe|see)\s+(?:that\s+)?(?:we|I|it|the\s+\w+)\s+"
             r"(?:wish|want|need|ought|has|have|should)\s+(?:to\s+)?" + CHANGE
             + r"|\b(?:do|does|did)\s+not\s+(?:wish|want|need)\s+to\s+" + CHANGE)
# Should have been otherwise: "should have been released", "ought not to have been applied".
SHOULD_HAVE = (r"\b(?:should|ought\s+to)\s+(?:not\s+)?have\s+been\s+(?:released|disclosed|provided|answered|applied"
               r"|relied\s+(?:up)?on|cited|used|engaged|withheld|refused)")
# Not preceded by a negation or by "no reason to" (variable-width look-behind is not allowed).
_NOT_BEFORE = r"(?<!\bnot\s)(?<!n't\s)(?<!\bnever\s)"
# (Nor by "wish to", "want to": "we do not consider that we wish to change our position"; round 15.)
_NOT_REFUSED = (r"(?<!\bwish\sto\s)(?<!\bwant\sto\s)(?<!\breason\sto\s)(?<!\bgrounds\sto\s)(?<!\bground\sto\s)"
                r"(?<!\bbasis\sto\s)(?<!\bneed\sto\s)(?<!\bcause\sto\s)(?<!\bnot\sto\s)(?<!\bpropose\sto\s)(?<!\bintend\sto\s)(?<!\bnecessary\sto\s)")

# The verdict alone.
UPHELD = (
    r"\b(?:was|were|is|are|has\s+been|had\s+been)\s+(?:both\s+)?(?:" + RIGHTLY + r"|" + RIGHT + r"(?:ly)?"
    r"|in\s+accordance)\b"
    r"|\b" + RIGHTLY + r"\s+" + APPLIED
    + r"|\b" + APPLIED + r"\s+(?:\w+\s+){0,8}?" + RIGHTLY + r"\b"
    # the tribunal's voice: "the council was entitled to rely on section 12"; a reviewer agreeing
    # with the first reply: "I agree with the original decision", "I concur with that assessment"
    r"|\b(?:was|were|is|are)\s+(?:fully\s+|therefore\s+|quite\s+)?entitled\s+to\s+(?:rely|apply|withhold|refuse|cite"
    r"|use|neither)\b"
    r"|(?<!not\s)(?<!n't\s)\b(?:agree|concur)\s+(?:fully\s+|entirely\s+)?with\s+(?:the|our|its|that|this|their)\s+"
    r"(?:[\w']+\s+){0,2}?(?:decision|response|refusal|assessment|position|conclusion|reply)\b"
    # the verdict before the noun: "this was the correct exemption", "it is the right decision"
    r"|\b(?:was|were|is|are)\s+(?:both\s+|indeed\s+|still\s+)?(?:the|an?)\s+(?:" + RIGHT + r")\s+(?:exemptions?"
    r"|sections?|decision|response|reply|approach|outcome|answer|course\s+of\s+action|grounds?)\b"
    r"|\bwas\s+right\s+to\b|\b(?:stands|should\s+stand|remains\s+" + RIGHT + r")\b"
    # the ground kept: "a different exception still applies", "section 31 continues to apply",
    # "the exemption remains engaged"
    r"|\b(?:still|continues?\s+to|would\s+still)\s+appl(?:y|ies)\b|\b(?:remains?|is\s+still)\s+(?:engaged|applicable)\b"
    r"|\b(?:uphold|maintain)\b|" + NO_CHANGE
)
OVERTURNED = (
    r"\b(?:was|were|is|are)\s+not\s+(?:" + RIGHTLY + r"|" + RIGHT + r"|engaged|applicable)\b"
    r"|\b(?:was|were|is|are)\s+not\s+entitled\s+to\s+(?:rely|apply|withhold|refuse|cite|use|neither)\b"
    # the verdict after its verb: "the exemption was applied incorrectly"
    r"|\b(?:applied|cited|relied\s+(?:up)?on|engaged|used)\s+(?:\w+\s+){0,3}?" + WRONGLY + r"\b"
    r"|\b(?:was|were|is|are)\s+not\s+(?:the|an?)\s+(?:" + RIGHT + r")\s+(?:exemptions?|sections?|decision|response"
    r"|reply|approach|outcome|answer|course\s+of\s+action|grounds?)\b"
    r"|\b(?:was|were)\s+" + WRONG + r"\b|\b" + WRONGLY + r"\s+(?:applied|relied|cited|withheld|refused)"
    r"|" + SHOULD_HAVE + r"|\b" + _NOT_BEFORE + _NOT_REFUSED + REVERSE
)

# What was reviewed: "the original decision", "our initial response", "the exemptions cited".
_REVIEWED = (r"(?:(?:the|our|its|that|this|your)\s+)?(?:original\s+|initial\s+|earlier\s+|first\s+|force'?s\s+)*"
             r"(?:decision|response|refusal|position|answer|exemptions?(?:\s+(?:cited|applied|relied\s+(?:up)?on))?)")
# Kept, as a clause: "I affirm the original decision", "the original position is confirmed", "the
# exemptions cited remain appropriate", "no reason to depart from the original decision", "your
# request was handled correctly", "your appeal is dismissed".
REVIEW_KEPT = (
    _NOT_BEFORE + r"\b" + KEEP + r"(?:s|ed|ing)?\s+" + _REVIEWED + r"\b"
    r"|\b" + _REVIEWED + r"\s+(?:is|are|was|were|has\s+been|have\s+been|remains?|therefore|is\s+therefore"
    r"|are\s+therefore)\s+(?:therefore\s+|hereby\s+|still\s+)?(?:confirmed|affirmed|endorsed|" + RIGHT + r")\b"
    r"|(?:" + NO_CHANGE + r")\s+" + _REVIEWED
    + r"|\b(?:request|response|decision)\s+(?:was|were|has\s+been|had\s+been)\s+(?:handled|dealt\s+with|answered"
    r"|processed|made)\s+(?:" + RIGHTLY + r"|in\s+accordance\s+with)"
    r"|\b(?:appeal|complaint)\s+(?:is|was|has\s+been)\s+(?:therefore\s+)?(?:dismissed|rejected|unsuccessful"
    r"|not\s+successful)\b"
    # "the exemptions at sections 43(2) and 41 were both correct in this case"
    r"|\bexemptions?\b" + gap(100) + r"\b(?:was|were|is|are|had\s+been|has\s+been|have\s+been)\s+(?:both\s+)?"
    r"(?:" + RIGHTLY + r"|" + RIGHT + r"(?:ly)?)\b"
)
# Changed, as a clause: "the original decision has been reversed", "I have decided to vary the
# original response", "section 40(2) should not have been applied", "your appeal is successful",
# "I do not agree with the original decision".
REVIEW_CHANGED = (
    r"\b" + _REVIEWED + r"\s+(?:has\s+been|have\s+been|is|was|will\s+be|should\s+be)\s+(?:therefore\s+|now\s+)?"
    r"(?:reversed|set\s+aside|withdrawn|overturned|changed|varied|revised|amended|overruled|altered)\b"
    r"|\b" + _NOT_BEFORE + _NOT_REFUSED + CHANGE + r"\s+" + _REVIEWED + r"\b"
    r"|" + SHOULD_HAVE
    + r"|\b(?:appeal|complaint)\s+(?:is|was|has\s+been)\s+(?:therefore\s+)?(?:successful|allowed)\b"
    r"|\b(?:do|does|did)\s+not\s+agree\s+with\s+" + _REVIEWED + r"|\bdisagree\s+with\s+" + _REVIEWED
)

# ---- not held, more shapes ------------------------------------------------------------------------

# A negated verb of keeping, with what is not kept: "the force does not collate this information",
# "we do not routinely collect such data", "the constabulary does not compile these figures". (Not
# "does not monitor social media": what is not done is not the information; nor "not ... in a
# format", which is about the cost of finding it.)
NOT_KEPT = (
    r"(?<!\bor\s)\b(?:does|do|did)\s+not\s+(?:currently\s+|routinely\s+|specifically\s+|separately\s+|formally\s+|generally\s+"
    r"|electronically\s+|actively\s+)?"
    r"(?:collate|collect|compile|gather|store|log|track|maintain|produce|keep|record|retain|capture)\s+"
    r"(?:(?:this|that|these|those|such|the|any|that\s+kind\s+of|this\s+type\s+of)\s+)?" + NOUN + r"\b"
    r"(?!\s+(?:\w+\s+){0,6}?(?:in\s+a\b|centrally|in\s+(?:such|an?)\s+(?:way|format|manner)))"
    r"|(?<!\bor\s)\b(?:does|do|did)\s+not\s+(?:currently\s+|routinely\s+)?(?:collate|collect|compile|record|keep|hold)\s+"
    r"(?:this|that|it|these|them)\s*[.]?$"
)
# Looked for, not found: "we have been unable to locate any information relevant to your request",
# "our searches returned no results", "the search found nothing".
NOT_FOUND = (
    r"\b(?:unable|not\s+(?:been\s+)?able|could\s+not|couldn't|cannot|did\s+not|failed)\s+to\s+(?:locate|find|identify"
    r"|trace|retrieve)\s+(?:any\s+)?" + NOUN + r"\b"
    r"|\b(?:search(?:es)?|enquiries|checks)\s+(?:\w+\s+){0,4}?(?:returned|produced|found|revealed|located|identified"
    r"|yielded|showed)\s+(?:no|nothing|zero)\b(?!\s+(?:further|other)\s+(?:results|information)\s+(?:beyond|than|besides))"
)
# Does not exist: "no such policy exists", "the information you are asking for does not exist",
# "the force has not produced any such report".
NOT_EXISTING = (
    r"\bno\s+(?:such\s+)?(?:\w+\s+){0,2}?(?:exists?|existed)\b"
    r"|\b(?:information|data|records?|documents?|policy|policies|report|reports|guidance|procedure|assessment"
    # (Not "no inference should be drawn that the data exists or does not exist": NCND's words.)
    r"|agreement|contract|list|register|figures)\b" + gap(60) + r"(?<!\bor\s)\b(?:does|do|did)\s+not\s+exist\b"
    r"|\b(?:has|have|had)\s+not\s+(?:produced|created|commissioned|written|published|carried\s+out|conducted"
    r"|undertaken|compiled|drawn\s+up)\s+any\s+(?:such\s+)?(?:\w+\s+)?(?:report|reports|review|reviews|assessment"
    r"|assessments|policy|policies|guidance|analysis|research|study|studies|survey|audit|documents?)\b"
)

# ---- clarification, more shapes -------------------------------------------------------------------

# What we need, of a thing we asked about: "the period you are interested in", "the date range you
# require", "which years you would like included".
YOUR_NEED = (r"\byou\s+(?:are\s+|were\s+)?(?:mean|meant|referring\s+to|refer\s+to|require|need|seeking|seek|want"
             r"|would\s+like|interested\s+in|looking\s+for|have\s+in\s+mind|wish\s+(?:us\s+)?to|consider|regard"
             r"|define)\b")
ASK_MORE_SPECIFIC = (
    POLITE_ASK + r"\s*(?:\w+\s+){0,2}?be\s+(?:more|a\s+little\s+more|a\s+bit\s+more)\s+"
    r"(?:specific|precise|clear|exact)\b"
    r"|" + POLITE_ASK + r"\s*(?:\w+\s+){0,2}?" + ASK_VERB + r"\b" + gap(40) + r"\bthe\s+(?:\w+\s+){0,3}?" + YOUR_NEED
)
# They say what they could not make out: "we are unsure what information you are seeking", "it is
# not clear to us which records you mean". (Inside an answer too, so it weighs less on its own.)
UNCLEAR_TO_US = (
    r"\b(?:we|I)\s+(?:are|am)\s+(?:not\s+(?:entirely\s+|completely\s+)?(?:clear|sure|certain)|unsure|uncertain|unclear)"
    r"\s+(?:about\s+|as\s+to\s+|of\s+)?" + WH + r"\b" + gap(60) + YOUR_MEANING
    + r"|\bit\s+is\s+(?:not\s+(?:entirely\s+)?clear|unclear)\s+(?:to\s+(?:us|me)\s+)?" + WH + r"\b" + gap(60)
    + YOUR_MEANING
)

# ---- acknowledgement, more shapes -----------------------------------------------------------------

# "We are currently processing your request", "the disclosure unit is now dealing with your
# application", "we are working on your request".
WORKING_ON_IT = (
    r"\b(?:we|I|(?:the|our)\s+(?:\w+\s+){0,3}?(?:team|unit|department|office|officer|section))\s+(?:are|is|am)\s+"
    r"(?:currently\s+|now\s+)?(?:processing|handling|dealing\s+with|looking\s+into|considering|working\s+on"
    r"|progressing|actioning)\s+" + YOUR_REQUEST
)

# ---- extension, more shapes -----------------------------------------------------------------------

# "Our response will now be sent by 4 July": a new date for the reply, said of the reply itself.
REPLY_NOW_BY = (
    r"\b(?:response|reply|answer|decision)\s+(?:to\s+(?:you|your\s+request)\s+)?(?:will|shall)\s+now\s+be\s+"
    r"(?:sent|provided|issued|given|with\s+you)\s+(?:to\s+you\s+)?(?:by|no\s+later\s+than|on\s+or\s+before)\b"
)

# ---- refusal, more shapes -------------------------------------------------------------------------

# "Your request is declined", "the application has been turned down".
REQUEST_DECLINED = (
    r"\b(?:your|the|this)\s+(?:\w+\s+){0,3}?(?:request|application)\s+(?:is|has\s+been|was|is\s+being)\s+(?:therefore\s+"
    r"|hereby\s+)?(?:declined|rejected|turned\s+down)\b"
)
# The whole request refused, in so many words, in any verb of refusing: "your request for information
# is refused", "this FOI request has been declined", "the application is therefore rejected". A
# requester never says it of their own request: it is the authority's voice (segments) and, after a
# lead ("our response is set out below"), what the lead announces (decisions). (REQUEST_DECLINED, for
# the deciding grammar, leaves "refused" to the wording signals.)
REQUEST_REFUSED = (
    r"\b(?:your|this|the)\s+(?:[\w()-]+\s+){0,5}?(?:request|application)\s+(?:for\s+information\s+)?"
    r"(?:is|has\s+been|was)\s+(?:therefore\s+|hereby\s+)?(?:being\s+)?(?:refused|declined|rejected|turned\s+down)\b"
)

# ---- hedges ----------------------------------------------------------------------------------------

# The modals of what is possible, not done: "may", "might", "could" (round 14 fold: each hedge below,
# and internal_review's test of more time, adds its own words to these).
MAYBE = r"(?:may|might|could)"
# Said as a supposition, not as done: "if section 21 applies to your request", "whether any exemption
# applies", "section 12 would apply", "some of it may be held".
SUPPOSED = r"\b(?:if|whether|would|" + MAYBE + r")\b"
# A delay or a step foreseen, not announced: "you may experience a delayed response", "delays may be
# unavoidable", "in some cases it might take longer": a warning every receipt may carry.
HEDGE = (r"\b(?:" + MAYBE + r"|possible|possibly|occasionally|in\s+some\s+(?:cases|circumstances)"
         r"|where\s+necessary|if)\b")

# ---- partial, more shapes -------------------------------------------------------------------------

# Released with parts hidden, in the words for hiding: "parts of the report have been blacked out",
# "names are obscured", "personal details have been masked". (Withheld or removed alone may be all.)
BLACKED_OUT = (r"\b(?:has|have|had)\s+been\s+(?:blacked\s+out|obscured|masked|blanked(?:\s+out)?|greyed\s+out"
               r"|redacted)\b"
               r"|\b(?:is|are)\s+(?:blacked\s+out|obscured|blanked\s+out|greyed\s+out)\b")
# The same with the ground named: "blacked out under section 31".
BLACKED_OUT_UNDER = (r"\b(?:blacked\s+out|obscured|masked|blanked(?:\s+out)?|greyed\s+out)\s+(?:\w+\s+){0,3}?"
                     r"(?:under|by\s+virtue\s+of|in\s+(?:line|accordance)\s+with|pursuant\s+to)\s+(?:the\s+)?(?:section|s\.?)\s*\d")

# A sentence that applies a ground or refuses, in the grammar's shapes (for
# :func:`foi.mail.reading.decisions.deciding`): "we rely on section 24", "falls within the exemption at
# section 30", "your request is declined", "blacked out under section 31".
GROUND_APPLIED = "|".join(f"(?:{p})" for p in (RELIED_ON, UNDER_GROUND, REQUEST_DECLINED, BLACKED_OUT_UNDER,
                                               WITHHELD_JUDGED))
