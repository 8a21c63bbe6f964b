//! Unconfirmed ETA: a time the fix is promised for ("within 2 hours", "by
//! 16:00", "shortly", "several more hours"), unless the time is history, the
//! length of a symptom, the next update, or an honest "no ETA".

use std::sync::LazyLock;

use regex::Regex;

use super::{
    FIX_TOLD, compile, ends_with_ignore_case, sentence_around, sentence_before,
    starts_with_ignore_case,
};

/// A clock time as status pages write it: "16:00", "6 pm", "10:00pm",
/// "8:00 a.m.".
const CLOCK: &str = r"\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)";

/// A month by name, for dates: "by 25 February", "on March 3rd".
const MONTH: &str = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?";

/// A time the fix is promised for ("within 2 hours", "by 16:00", "shortly",
/// "at 3 this afternoon").
pub(super) static ETA_TIME: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"(?i)\b(?:by|within|in|before|around|until|for\s+another|for|between|in\s+the\s+next|take|takes|taking|require|requires|(?:to|will|may|might|could)\s+last|needs?|be|up\s+to|estimat\w*|expect\w*|anticipat\w*)\s+(?:up\s+to\s+|(?:a\s+)?maximum\s+(?:of\s+)?|max\.?\s+|at\s+most\s+|about\s+|roughly\s+|approximately\s+|around\s+|less\s+than\s+|at\s+least\s+|no\s+more\s+than\s+|not\s+more\s+than\s+|no\s+longer\s+than\s+|under\s+|anywhere\s+from\s+|the\s+next\s+|another\s+)?(?:\d+|a\s+few|few|several|many|a\s+couple(?:\s+of)?|couple\s+of|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty-?five|half\s+an?)\s*(?:(?:-|and|to)\s*(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty)\s*)?(?:more\s+)?(?:business\s+|working\s+)?(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|h|days?|weeks?)\b|\bbe\s+(?:about\s+|at\s+least\s+)?(?:a|one|two|three|several|a\s+few|\d+)\s+months?\s+before\b|~\s*\d+\s*(?:minutes?|mins?|hours?|hrs?|h)\b|\b(?:by|before|until|no\s+later\s+than|(?:finish|complete|end|conclude)\w*\s+on)\s+(?:as\s+(?:late|early)\s+as\s+)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(?:the\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH}|{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?)\b|\b(?:by|around|before|until|no\s+later\s+than|after|from)\s+(?:noon|midday|midnight)\b|\b(?:by|around|before|until|no\s+later\s+than|targeting|targeted\s+for|aiming\s+for)\s+(?:approximately\s+|about\s+|around\s+)?\d{{1,2}}(?::\d{{2}})?\s*(?:am|pm|utc|gmt|[a-z]{{2,4}}t)?\b|\b(?:at|to|and|from)\s+(?:approximately\s+|about\s+|around\s+)?{CLOCK}|\b{CLOCK}\s+(?:tonight|today|tomorrow)\b|\b(?:at|by|around|until|before)\s+(?:approximately\s+|about\s+|around\s+)?\d{{1,2}}(?:[:.]\d{{2}})?\s+(?:this|tomorrow)\s+(?:morning|afternoon|evening|night)\b|\b(?:by|before|until|no\s+later\s+than|and)\s+(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day\s+)?(?:\d{{4}}-\d{{2}}-\d{{2}}\s+)?\d{{4}}\s*(?:utc|gmt|hrs?)\b|\b(?:at|by|before|until)\s+\d{{1,2}}[:.]?\d{{2}}\s*hrs\b|\bwindow\s+(?:of\s+|from\s+|between\s+)?\d{{1,2}}:\d{{2}}\s*(?:[–-]|to|and)\s*\d{{1,2}}:\d{{2}}|\b\d{{1,2}}(?::\d{{2}})?\s*[–-]\s*\d{{1,2}}:\d{{2}}\s*(?:am|pm)?\s*(?:utc|gmt|[a-z]{{2,4}}t)\b|\b(?:estimat\w*|expect\w*|anticipat\w*|needs?|takes?|taking|for|in)\s+(?:about\s+|roughly\s+|around\s+|approximately\s+)?another\s+(?:hour|half[\s-]hour|day|week|night)\b|\b(?:shortly|soon|imminently|later\s+today|in\s+the\s+(?:near|immediate)\s+future|within\s+the\s+(?:hour|day|week)|(?:within|in)\s+the\s+next\s+(?:hour|half[\s-]hour|day|week)|(?:by|before|no\s+later\s+than)\s+(?:the\s+)?(?:end|start|close|beginning)\s+of\s+(?:the\s+)?(?:business\s+)?(?:day|morning|afternoon|evening|week|month|quarter|January|February|March|April|May|June|July|August|September|October|November|December)|(?:by|before|no\s+later\s+than)\s+(?:eod|cob|(?:the\s+)?(?:close|end)\s+of\s+business)|(?:by|before)\s+(?:the\s+)?end\s+of\s+(?:tomorrow|today|tonight)|by\s+this\s+(?:afternoon|evening|morning)|(?:by|until|before|no\s+later\s+than)\s+(?:(?:the\s+)?end\s+of\s+(?:the\s+)?day\s+)?(?:tonight|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|later\s+(?:this|tonight|in\s+the)\s*(?:morning|afternoon|evening|day|week)?|in\s+the\s+coming\s+(?:minutes|hours)|in\s+the\s+short\s+term|over\s+the\s+(?:next|coming)\s+(?:few\s+|several\s+|couple\s+of\s+|\d+(?:\s*[-–]\s*\d+)?\s+)?(?:minutes|hours|hour|day)|(?:take|last)\s+the\s+rest\s+of\s+(?:the\s+)?(?:day|night|morning|afternoon|evening|week)|(?:for|through)\s+(?:most|much)\s+of\s+(?:the\s+)?(?:day|night|morning|afternoon|evening|week|weekend)|(?:complete|finish|end|conclude)\s+(?:at|by)\s+(?:approximately\s+|about\s+|around\s+)?\d{{1,2}}:\d{{2}}|(?:in|within)\s+(?:a|the)\s+matter\s+of\s+(?:minutes|hours|days)|over\s+the\s+course\s+of\s+(?:the\s+|this\s+)?(?:morning|afternoon|evening|day|night|weekend))\b"
    ))
});

/// Times of day and days ("by the weekend", "resolved today", "a patch is
/// planned for Thursday"): promises only beside a fix word.
pub(super) static DAY_TIME: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\b(?:(?:by|before|until|around|in|during|over|within|later)\s+(?:the\s+|this\s+)?(?:early\s+|late\s+|mid-?)?(?:morning|afternoon|evening|lunchtime|lunch|weekend)|(?:today|tonight|tomorrow|overnight)(?:\s+(?:morning|afternoon|evening|night))?|(?:in|over)\s+the\s+coming\s+(?:days|weeks)|into\s+the\s+(?:early\s+|late\s+)?(?:morning|afternoon|evening|night|weekend)|by\s+the\s+(?:following|next)\s+(?:day|morning|afternoon|evening|week)|next\s+week(?:end)?|this\s+week(?:end)?|(?:completed|finished|restored|resolved|fixed|done|back)\s+this\s+(?:afternoon|evening)|(?:to|will|should|would)\s+(?:be\s+)?(?:fix|resolv|restor|repair|complet|finish)\w*\s+(?:[\w'’]+\s+){0,4}?this\s+(?:afternoon|evening)|(?:planned|scheduled|expected|due|targeted|slated)\s+(?:for|on)\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|on\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s+(?:morning|afternoon|evening|night))\b",
    )
});

/// Words that look forward: an ETA is a time the text promises or expects,
/// not one it reports ("completed by 09:30" is history).
static LOOKS_AHEAD: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\b(?:will|shall|promis\w*|expect\w*|anticipat\w*|estimat\w*|should|hope|hoping|hopefully|aim\w*|plan\w*|going\s+to|(?-i:may)|might|could|needs?\s+(?:to|another|about|around|roughly|approximately|up\s+to|at\s+least)|believe|supposed|under\s*way|typically|usually|generally|likely\s+to|projected|target\w*|scheduled|remaining|to\s+be\s+(?:deployed|released|completed|applied|restored))\b|['’]ll\b",
    )
});

/// A window that can only be ahead: "over the next hour", "in the coming
/// minutes".
static NEXT_OR_COMING: LazyLock<Regex> = LazyLock::new(|| compile(r"(?i)\b(?:next|coming)\b"));

/// Work told in the past over a window: "our engineers worked dedicatedly
/// over the next few hours to restore" is what was done, not a promise.
static WORKED_THROUGH: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\b(?:worked|spent|continued|remained|stayed|monitored|waited|watched|kept)\s+(?:[\w-]+\s+){0,4}$",
    )
});

/// A guess about the past: "the start of the outage is expected to have
/// been around 3:00 AM" dates what happened, it promises nothing; nor does
/// a hope already past ("I was hoping to have it all done in about an
/// hour"; none of four tune sentences with one is an ETA), nor what we
/// expected then ("we opened a case and expected replacement hardware
/// within 24 hours"; none of seven tune sentences with "we ... expected"
/// is one). Only our own past expectation: "they expected" is as often
/// someone's estimate reported in the past tense.
static GUESSED_PAST: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\b(?:expected|estimated|believed|thought|assumed)\s+to\s+have\s+(?:been|started|begun|occurred|happened)\s+$|\b(?:(?:was|were)\s+hoping|had\s+hoped)\s+to\b[^.!?]*$|\b(?:we|i)\s+(?:(?:[\w'’-]+\s+){0,8}?(?:and|had)\s+)?expected\b[^.!?]*$",
    )
});

/// A past auxiliary just before the time's verb: "were restored within".
static PAST_JUST_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| compile(r"(?i)\b(?:was|were|had)\s+(?:[\w-]+\s+){0,3}$"));

/// The word just before a time that makes it history ("was resolved by",
/// "detected within", "took"), or before the range it ends ("placed between
/// 6 PM and 11 PM").
static REPORTED: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\b(?:\w+ed|was|were|had|took|taken|made|done|given|written|lasted|ran|said|told|saw|began|found|hit|lost|sent)\s+(?:\w+\s+)?(?:(?:between|from)\s+\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)?\s*(?:utc|gmt|[a-z]{2,4}t)?\s+)?$",
    )
});

/// A sentence that opens with its time and goes on in the past tense tells
/// what happened within it: "Within about 90 minutes, any emails … had been
/// restored", "Over the next few hours, we were able to restore all pages".
static OPENS_HISTORY: LazyLock<Regex> =
    LazyLock::new(|| compile(r"(?i)^\s*,\s*(?:[\w'’-]+\s+){0,10}?(?:was|were|had)\b"));

/// Who spoke on the day a sentence opens with: "Today, NPA chair Nick Kaye
/// said that he expected…".
static SAID_THEN: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"^\s*,\s*(?:[\w'’.-]+\s+){0,8}?(?:said|says|told|announced|confirmed|stated|explained|wrote|tweeted|posted)\b",
    )
});

/// What keeps such a sentence a promise: "Over the next hour, the queued
/// emails that were held will be sent".
static FUTURE: LazyLock<Regex> =
    LazyLock::new(|| compile(r"(?i)\b(?:will|shall|should|expect\w*|going\s+to)\b|['’]ll\b"));

/// How long something already lasted: "the outage lasted roughly 1 hour and
/// 30 minutes", "recovery took 40 minutes". A length told in the past is
/// history, which the rule settles so the learned model leaves it alone.
static PAST_LENGTH: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\b(?:lasted|took|spanned|persisted\s+for)\s+(?:(?:about|roughly|approximately|around|nearly|almost|over|under|just\s+(?:over|under)|less\s+than|more\s+than|a\s+total\s+of)\s+)?(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|a\s+few|several)\s*(?:seconds?|minutes?|mins?|hours?|hrs?|days?)\b",
    )
});

/// What follows a duration that makes it the length of a symptom.
static SYMPTOM_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)^\s+(?:(?:to|before\s+they)\s+(?:start|load|appear|arrive|show|sync|open|send|process|go\s+through|be\s+(?:delivered|processed|sent|received|shown|visible|updated|reflected))|longer|behind|late|old|out\s+of\s+date)\b",
    )
});

/// What comes before a duration that makes it the size of a delay, not the
/// time it ends: "delays of up to 30 minutes", "may lag by 15 minutes",
/// "wait up to 5 minutes".
static SYMPTOM_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\b(?:delay\w*|lag\w*|wait\w*|late|behind|queued|slower|latenc\w*|out\s+of\s+date|stale|outdated|off|old|extend\w*|prolong\w*)\s+(?:of\s+|by\s+|for\s+)?$",
    )
});

/// A time the customer acts within, or a billing timeline, is not when the
/// problem ends: "you may need to sign in again within 24 hours", "refunds
/// will appear within 5 business days", "you will get a response within 4
/// hours" (a support desk's reply time).
static NOT_THE_FIX: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\b(?:you|customers|users|admins|administrators)\s+(?:may\s+|might\s+|will\s+)?(?:need|have)\s+to\b|\b(?:get|receive|expect)\s+(?:a\s+|an\s+)?(?:response|reply|answer|call\s*back)\b|\b(?:retry|retries|retried|try\s+again|resend\w*|re-send\w*|redeliver\w*)\b|\b(?:contact|email|text|write\s+to|notify)\s+(?:all\s+|every\s+|affected\s+)?(?:[\w-]+\s+){0,3}?(?:customers?|users?|you)\b|\b(?:refund\w*|credits?|charges?|statements?|invoices?|rebook\w*|waivers?)\b|\b(?:prevent|avoid)\w*\s+(?:future|similar|recurrence|a\s+recurrence|this\s+from|it\s+from)\b",
    )
});

/// What customers will notice is a symptom, and a time in the same clause
/// is how long they notice it: "users may experience delays for the next
/// hour". A time in another clause can still be the fix: "some users may
/// see DNS errors, this should resolve itself in around an hour".
static SYMPTOM_SEEN: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\b(?:you|customers|users)\s+(?:may|might|could|will)\s+(?:lose|experience|see|notice|encounter)\b",
    )
});

/// What customers will notice that is the outage itself: how long they
/// will "experience interrupted service" is when service returns.
static OUTAGE_SEEN: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\b(?:lose|experience|see|notice|encounter)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}?(?:outages?|interrupted\s+service|(?:service\s+)?interruptions?|downtime|loss\s+of\s+service|no\s+service)\b",
    )
});

/// A time right after pausing or taking something offline is when the
/// disruption starts, not when it ends: "we will be pausing withdrawals
/// shortly", "take our systems offline later today". ("Until" still marks
/// an end, and a planned window's end is an ETA.)
static DISRUPTION_STARTS: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\b(?:paus(?:e|es|ed|ing)|suspend\w*|disabl(?:e|es|ing)|halt(?:s|ing)?|(?:take|taking|takes|bring|bringing)\s+(?:[\w'’-]+\s+){0,4}?(?:offline|down)|shut(?:ting)?\s+(?:[\w'’-]+\s+){0,3}?down|(?:be|go|going|goes)\s+(?:offline|dark))\s+(?:[\w'’-]+\s+){0,2}$",
    )
});

/// A time right after work starting ("repair shall recommence from 00.01
/// tonight", "beginning at 2 AM", "will begin their move in a couple of
/// days") is when it starts, not when it ends: none of 33 tune sentences
/// with one is labelled an ETA. So is a time right after a move to a new
/// home ("will be moving to a new server, hopefully in the next few days"):
/// none of 11 tune sentences with such a move is an ETA.
static WORK_STARTS: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\b(?:re)?(?:start|begin|commenc)\w*\s+(?:(?:from|at|on)\s+)?(?:\d{1,2}[:.]?\d{2}\s*(?:am|pm|utc|gmt)?\s+)?$|\bbegin\w*\s+(?:the|their|its|our)\s+[\w-]+\s+$|\b(?:mov|migrat)(?:e|es|ed|ing)\s+(?:[\w'’-]+\s+){0,2}?to\s+(?:a|the|our)\s+new\s+[\w-]+,?\s+(?:(?:hopefully|probably|possibly)\s+)?$",
    )
});

/// What a time is followed by when it is when the disruption starts: "we
/// will shortly be temporarily disabling the summary endpoint", or when
/// planned work does: "within the next day or two I plan to install a
/// major upgrade", "in 10 minutes, we will be failing over".
static DISRUPTION_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)^\s+(?:be\s+)?(?:temporarily\s+)?(?:disabling|pausing|suspending|taking\s+(?:[\w-]+\s+){0,3}?(?:down|offline)|shutting\s+(?:[\w-]+\s+){0,3}?down|turning\s+off)\b|^(?:\s+or\s+(?:two|so))?,?\s+(?:i|we)\s+(?:(?:plan|intend)\s+to|will\s+be|['’]ll\s+be)\s+(?:install|upgrad|mov|migrat|perform|carr(?:y|ying)\s+out|begin|start|fail(?:ing)?\s+over|switch)\w*",
    )
});

/// A planned outage's length is when it ends: "all payment services will be
/// unavailable for 24 hours", "the router will go down for 5-10 minutes",
/// "expect to be without power for at least a week", "planned shut downs for
/// a few hours each", unlike a symptom's "for up to an hour".
static PLANNED_LENGTH: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\b(?:will|to)\s+(?:go|be\s+taken|be\s+brought)\s+(?:down|offline)\s+(?:for\s+)?$|\b(?:will|to|may|might|could)\s+be\s+(?:[\w-]+\s+){0,3}?(?:unavailable|offline|down|closed|out\s+of\s+service|suspended|paused|without\s+(?:power|service|water|internet|access|connectivity))\s+(?:for\s+)?$|\bplanned\s+(?:shut\s*-?downs?|outages?|closures?|interruptions?|downtime)\s+(?:of\s+|for\s+)?$|\b(?:may|might|could|will|expected\s+to|likely\s+to)\s+(?:continue|persist|last)\s+(?:for\s+)?$",
    )
});

/// A fix said not to come by then ("something we may not resolve this
/// weekend") warns that it will last; it promises no time.
static NOT_FIXED_BY: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\b(?:not|n['’]t|never)\s+(?:(?:going|expected|likely)\s+to\s+)?(?:be\s+)?(?:fully\s+)?(?:resolv\w*|fix\w*|restor\w*|complet\w*|finish\w*)\s+(?:[\w'’]+\s+){0,2}$",
    )
});

/// "There is no ETA" is the honest answer, not a promise.
static NO_ETA: LazyLock<Regex> =
    LazyLock::new(|| compile(r"(?i)\b(?:no|not|n['’]t|without)\b[^.!?]{0,24}$"));

/// Words that make a time a promise about the fix rather than the next update.
/// A place that reopens is back as well ("will reopen at 3 this afternoon",
/// "working to safely reopen all lines as soon as possible").
static RESTORATION: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\b(?:fix(?:ed|es|ing)?|rectif(?:y|ies|ied|ying)|remed(?:y|ies|ied|ying)|finish(?:ed|es|ing)?|complet(?:e|ed|es|ing|ion)|patch(?:ed|es|ing)?|hotfix\w*|resolv(?:e|ed|ing)|resolution|restor(?:e|ed|ing|ation)|repair(?:s|ed|ing)?|recover(?:ed|ing|y)?|back\s+(?:up|online|on|to\s+normal)|(?:to|will|should|would|may|might|could)\s+return|working\s+(?:again|normally)|fully\s+operational|available\s+again|up\s+and\s+running|mitigat(?:e|ed|ion)|normal\s+service|return\s+to\s+normal|(?:run|running|operate|operating|depart|departing)\s+(?:normally|as\s+normal|on\s+(?:time|schedule)|to\s+schedule)|resum(?:e|es|ing|ption)|re-?open(?:s|ing)?|stabili[sz](?:e|es|ing)|able\s+to\s+(?:log\s*in|login|sign\s*in))\b",
    )
});

/// A time right after these is when the next message comes, not the fix.
static ABOUT_UPDATES: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\b(?:monitor\w*|watch\w*|observ\w*|summary|summaries|send|notif\w*|contact\w*|update|updates|updated|information|info|post|posted|published|provided|share|shared|check\s+in|report|rfo|rca|postmortem|post-mortem|write-up|retrospective|analysis|communicat\w*|details|news|back\s+to\s+you|repl(?:y|ies))\b[^.!?]{0,25}$",
    )
});

/// A time just before what we will publish is when that comes out: "in the
/// coming weeks, we will release an incident report", "we'll be back in 30
/// minutes with another update".
static UPDATE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)^[^.!?]{0,30}?\b(?:we\s+will|we['’]ll|we\s+plan\s+to|we\s+aim\s+to)\s+(?:release|publish|share|post|provide|send|issue)\s+(?:an?\s+|the\s+|our\s+|further\s+|more\s+)?(?:[\w-]+\s+){0,2}?(?:report|postmortem|post-mortem|RCA|RFO|write-up|summary|update|details|analysis|retrospective)\b|^\s*with\s+(?:an?\s+|another\s+|the\s+next\s+|further\s+|more\s+|an\s+)?(?:[\w-]+\s+)?(?:update|information|news|details)\b",
    )
});

/// A time counted from an event that has not happened is a target for
/// next time, not a promise for this one: "rollback within 15 minutes of
/// detecting a potential issue".
static OF_AN_EVENT: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)^\s+of\s+(?:detect\w*|notic\w*|receiv\w*|spott\w*|identify\w*|each|every|any|an?\s+(?:[\w-]+\s+)?(?:alert|incident|issue|failure|page|outage|problem))\b",
    )
});

/// What was done, right after the time: ", we have increased".
static DONE_AFTER: LazyLock<Regex> =
    LazyLock::new(|| compile(r"(?i)^\s*,?\s*we(?:\s+have|['’]ve)\s+\w+ed\b"));

/// A fix told in the present tense, right before "within" a time.
static PRESENT_FIX: LazyLock<Regex> = LazyLock::new(|| compile(&format!(r"(?i){FIX_TOLD}\s+$")));

/// When an estimate will come, not the fix: "a solid fix time may not
/// emerge until the weekend", "an ETA will be available by 15:00".
static ESTIMATE_ARRIVES: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\b(?:estimate|eta|etr|timeline|time\s*frame|fix\s+time)\)?\s+(?:(?:may|might|will|should|could|is\s+(?:un)?likely\s+to)\s+)?(?:not\s+)?(?:emerge|arrive|come|be\s+(?:available|known|provided|given|shared|confirmed))\s+$",
    )
});

/// "Expected resolution: unknown" fills the field honestly.
static UNKNOWN: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)^\s*:?\s*(?:unknown|tbd|tbc|n/a|none|not\b|no\b|to\s+be\s+(?:determined|confirmed)|pending|unclear)",
    )
});

static EXPLICIT_ETA: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"\b(?:ETA|ETR|ETTR)\b|(?i:\bestimated\s+time\s+(?:to|of)\s+(?:resolution|recovery|fix|restoration)\b|\bexpected\s+(?:resolution|recovery|fix)\s+(?:time|by|at|in|within)\b|\b(?:expected|estimated)\s+(?:resolution|recovery|restoration|fix)(?:\s+time)?\s*:)",
    )
});

/// "May have experienced" and "should've been arranged" look back, and "could
/// not" reports what we were unable to do, though these modals usually look
/// ahead.
static PAST_MODAL: LazyLock<Regex> =
    LazyLock::new(|| compile(r"(?i)^(?:\s+(?:still\s+)?have|['’]ve)\s+(?:been|\w+ed)\b"));

/// "As it", "as they", "like everything": before "should", the way things
/// ought to be rather than what is coming.
static AS_IT: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"(?i)\b(?:as|like)\s+(?:it|they|things|everything|this|that|all)\s+$")
});

/// Whether the text looks ahead, leaving out past modals ("might have seen").
fn looks_ahead(text: &str) -> bool {
    LOOKS_AHEAD.find_iter(text).any(|m| {
        let word = m.as_str().to_ascii_lowercase();
        let after = &text[m.end()..];
        let modal = ["may", "might", "could", "should"].contains(&word.as_str());
        let unable = word == "could" && starts_with_ignore_case(after, " not ");
        // "Behaving as expected" and "longer than expected" say how things
        // are, not what is coming.
        let before = &text[..m.start()];
        let as_expected = word.starts_with("expect")
            && ["as ", "than "]
                .iter()
                .any(|end| ends_with_ignore_case(before, end));
        // "All was as it should be" says things are right, not what comes.
        let as_it_should = word == "should" && AS_IT.is_match(before);
        !(unable || as_expected || as_it_should || (modal && PAST_MODAL.is_match(after)))
    })
}

pub(super) fn warm() {
    LazyLock::force(&NEXT_UPDATE);
    LazyLock::force(&PAST_MODAL);
    LazyLock::force(&AS_IT);
    LazyLock::force(&OUTAGE_SEEN);
    LazyLock::force(&ETA_TIME);
    LazyLock::force(&DAY_TIME);
    LazyLock::force(&WORKED_THROUGH);
    LazyLock::force(&GUESSED_PAST);
    LazyLock::force(&LOOKS_AHEAD);
    LazyLock::force(&REPORTED);
    LazyLock::force(&PAST_LENGTH);
    LazyLock::force(&OPENS_HISTORY);
    LazyLock::force(&SAID_THEN);
    LazyLock::force(&SHOULD_NOW);
    LazyLock::force(&FUTURE);
    LazyLock::force(&NEXT_OR_COMING);
    LazyLock::force(&PAST_JUST_BEFORE);
    LazyLock::force(&NO_ETA);
    LazyLock::force(&NOT_FIXED_BY);
    LazyLock::force(&DISRUPTION_STARTS);
    LazyLock::force(&WORK_STARTS);
    LazyLock::force(&DISRUPTION_AFTER);
    LazyLock::force(&PLANNED_LENGTH);
    LazyLock::force(&SYMPTOM_AFTER);
    LazyLock::force(&SYMPTOM_BEFORE);
    LazyLock::force(&NOT_THE_FIX);
    LazyLock::force(&SYMPTOM_SEEN);
    LazyLock::force(&RESTORATION);
    LazyLock::force(&ABOUT_UPDATES);
    LazyLock::force(&EXPLICIT_ETA);
    LazyLock::force(&UPDATE_AFTER);
    LazyLock::force(&OF_AN_EVENT);
    LazyLock::force(&UNKNOWN);
    LazyLock::force(&ESTIMATE_TO_COME);
    LazyLock::force(&CONDITION_FIRST);
    LazyLock::force(&CONDITION_LAST);
    LazyLock::force(&HABITUAL);
    LazyLock::force(&ESTIMATE_ARRIVES);
    LazyLock::force(&PRESENT_FIX);
    LazyLock::force(&DONE_AFTER);
}

/// What an estimate is called, for the honest answers below that name one.
const ESTIMATES: &str = r"(?:estimates?|eta|etr|timelines?|time\s*frames?)";

/// Promised fix times: a time expression in a sentence that talks about the
/// fix, unless the time is about the next update; and explicit "ETA" wording.
/// A sentence that opens on how things usually go ("Usually they clear this
/// up within a few days", "Sometimes a payment may show up as pending ...
/// and will reverse within a couple of hours") tells how long such things
/// take, not when this one ends: 32 of 33 tune sentences that open so are
/// no ETA.
static HABITUAL: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)^\s*(?:sometimes|usually|typically|normally|generally|occasionally|in\s+most\s+cases|most\s+of\s+the\s+time)\b",
    )
});

/// "No estimate yet for the fix", "we don't know when": the honest answer
/// in any words, which a bag of words reads as a promise.
static NO_ESTIMATE: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"(?i)\b(?:no|not|n['’]t|without|unable|cannot|unknown|hard|difficult|impossible)\b[^.!?]{{0,40}}?\b(?:{ESTIMATES}|(?:know|say|tell|predict)\s+(?:\w+\s+)?when|when\s+(?:it|this|service|the\s+\w+)\s+will)\b",
    ))
});

/// An estimate still to come ("estimates on the repair will be
/// forthcoming", "we will share an ETA once the part arrives") is the same
/// honest answer: it names the estimate, not a time.
static ESTIMATE_TO_COME: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"(?i)\b{ESTIMATES}\b[^.!?]{{0,60}}?\b(?:will|to)\s+be\s+(?:forthcoming|provided|shared|available|announced|given|posted|published)\b|\b(?:we\s+will|we['’]ll|will)\s+(?:provide|share|give|post|publish|announce)\s+(?:an?\s+|the\s+|our\s+|more\s+)?(?:estimated?\s+)?(?:[\w-]+\s+){{0,2}}?{ESTIMATES}\b",
    ))
});

/// A sentence that opens on a condition still to come ("Once the fix is
/// deployed, service should return to normal") ties the recovery to an
/// event, not to a time; of 150 such tune sentences two promise a time,
/// and both name it in words the rule finds itself.
static CONDITION_FIRST: LazyLock<Regex> =
    LazyLock::new(|| compile(r"(?i)^\s*(?:once|when|after|as\s+soon\s+as)\b[^,.!?]{3,80},"));

/// A promise tied to an event that closes the sentence ("The line will
/// reopen once repairs are finished", "will be fixed as soon as possible")
/// gives no time either: none of 39 tune sentences that end so is an ETA.
static CONDITION_LAST: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\b(?:will|should|would)\s+(?:be\s+)?[a-z]+\s+(?:once|when|as\s+soon\s+as|after)\s+[^,.!?]{3,80}[.!?]?\s*$",
    )
});

/// When the next update comes is what the rule asks the lead to promise
/// instead of a fix time ("Our next update will be by 15:00 UTC" is its
/// suggestion, "we'll touch base again by 20:30 UTC" says the same), so
/// such a sentence is never the model's to flag.
static NEXT_UPDATE: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\b(?:next|further|another|new|more)\s+(?:update|updates|information)\b|\bupdate\s+(?:you|again|this)\b|\btouch\s+base\b",
    )
});

/// "Access should now be restored" and "delays should be back to the normal
/// ~10 seconds" are hedged all-clears about the present, never a time,
/// though their "should … be" reads like a promise.
static SHOULD_NOW: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\b(?:should|may|might)\s+now\s+be\b|\bshould\s+be\s+back\s+to\s+(?:the\s+)?normal\b",
    )
});

/// Whether the rule settles `sentence` itself, so the learned model leaves
/// it alone: it holds a time or an "ETA" the rule judges (found or excused),
/// it says there is no estimate, or it promises the next update.
pub(super) fn settled(sentence: &str) -> bool {
    EXPLICIT_ETA.is_match(sentence)
        || PAST_LENGTH.is_match(sentence)
        || NEXT_UPDATE.is_match(sentence)
        || ETA_TIME.is_match(sentence)
        || DAY_TIME.is_match(sentence)
        || NO_ESTIMATE.is_match(sentence)
        || ESTIMATE_TO_COME.is_match(sentence)
        || CONDITION_FIRST.is_match(sentence)
        || CONDITION_LAST.is_match(sentence)
        || SHOULD_NOW.is_match(sentence)
}

pub(super) fn find(text: &str) -> Vec<(usize, usize)> {
    let mut found: Vec<(usize, usize)> = EXPLICIT_ETA
        .find_iter(text)
        .filter(|m| !NO_ETA.is_match(sentence_before(text, m.start())))
        .filter(|m| !UNKNOWN.is_match(&text[m.end()..]))
        .map(|m| (m.start(), m.end()))
        .collect();
    // "Around 3,000 customers" is a count, not three o'clock.
    let times = ETA_TIME
        .find_iter(text)
        .filter(|m| !thousands_follow(&text[m.end()..]))
        // "In the short term" is a promise only beside what gets fixed:
        // "should stabilize in the short term" is one, "in the short term
        // we will come up with ways to prevent this" is a plan (five of six
        // tune sentences with it are no ETA).
        .map(|m| (m, starts_with_ignore_case(m.as_str(), "in the short term")));
    // A time of day counts only beside what gets fixed then: "resolved
    // today" is a promise, "working on this today" is not.
    let days = DAY_TIME.find_iter(text).map(|m| (m, true));
    for (time, needs_fix) in times.chain(days) {
        if let Some(span) = promised(text, time.start(), time.end(), needs_fix) {
            found.push(span);
        }
    }
    found
}

/// Whether `rest` goes on with a thousands separator: ",000".
fn thousands_follow(rest: &str) -> bool {
    let mut chars = rest.chars();
    chars.next() == Some(',') && chars.take(3).filter(char::is_ascii_digit).count() == 3
}

/// The span of a promise made with the time at `at..to`, if it is one.
fn promised(text: &str, at: usize, to: usize, needs_fix: bool) -> Option<(usize, usize)> {
    let before = sentence_before(text, at);
    // "As soon as", "for up to an hour" and "several minutes to load"
    // describe the wait or the symptom, not when it ends; "for 24 hours" is
    // a wait too, unless it is how long a planned outage lasts. Most times
    // that start with "for" end here, before the costlier checks.
    let time = &text[at..to];
    let for_a_while = (ends_with_ignore_case(before, "for ")
        || starts_with_ignore_case(time, "for "))
        && !PLANNED_LENGTH.is_match(before);
    if for_a_while {
        return None;
    }
    // "Breaks are repaired, and water is back on within 48 hours" says
    // how long fixes take, in the present tense: a promise all the same.
    let fix_within = starts_with_ignore_case(time, "within ") && PRESENT_FIX.is_match(before);
    // "Being restored over the next hour" is not history, though "were
    // restored within the next hour" is.
    let worked_through = WORKED_THROUGH.is_match(before) && !looks_ahead(before);
    let ahead_by_itself =
        NEXT_OR_COMING.is_match(time) && !PAST_JUST_BEFORE.is_match(before) && !worked_through;
    let told_after = before.trim().is_empty() && {
        let rest = sentence_around(text, at).1.max(to);
        OPENS_HISTORY.is_match(&text[to..rest]) && !FUTURE.is_match(&text[to..rest])
    };
    // "Today, the association's chair said that…": the day it was said.
    let said_then = before.trim().is_empty() && SAID_THEN.is_match(&text[to..]);
    let history = told_after
        || said_then
        || worked_through
        || GUESSED_PAST.is_match(before)
        || (REPORTED.is_match(before) && !looks_ahead(before) && !ahead_by_itself && !fix_within);
    // "Since 10.30 am today" and "deployed earlier today" count from a
    // time already past; "shortly be temporarily disabling" is when the
    // disruption starts.
    let symptom = ends_with_ignore_case(before, "as ")
        || ends_with_ignore_case(before, "since ")
        || ends_with_ignore_case(before, "since just ")
        || ends_with_ignore_case(before, "earlier ")
        || DISRUPTION_AFTER.is_match(&text[to..])
        || SYMPTOM_BEFORE.is_match(before)
        || SYMPTOM_AFTER.is_match(&text[to..]);
    let not_fixed = NOT_FIXED_BY.is_match(before)
        // "In the short term, we have increased the capacity" is what was done.
        || (starts_with_ignore_case(time, "in the short term") && DONE_AFTER.is_match(&text[to..]));
    let until = ["until", "till", "through"]
        .iter()
        .any(|word| starts_with_ignore_case(time, word));
    let disruption_starts =
        (DISRUPTION_STARTS.is_match(before) || WORK_STARTS.is_match(before)) && !until;
    if ABOUT_UPDATES.is_match(before)
        || ESTIMATE_ARRIVES.is_match(before)
        || UPDATE_AFTER.is_match(&text[to..])
        || OF_AN_EVENT.is_match(&text[to..])
        || history
        || symptom
        || not_fixed
        || disruption_starts
    {
        return None;
    }
    let (start, end) = sentence_around(text, at);
    let sentence = &text[start..end.max(to)];
    if HABITUAL.is_match(sentence) {
        return None;
    }
    // "Over the next hour" and "in the coming minutes" look ahead by
    // themselves, with no "will" in the sentence.
    let ahead = looks_ahead(sentence) || NEXT_OR_COMING.is_match(time) || fix_within;
    if !ahead || NOT_THE_FIX.is_match(sentence) {
        return None;
    }
    let clause_start = text[start..at]
        .rfind([',', ';'])
        .map_or(start, |i| start + i + 1);
    let clause_end = text[to..end.max(to)]
        .find([',', ';'])
        .map_or(end.max(to), |i| to + i);
    let clause = &text[clause_start..clause_end];
    if SYMPTOM_SEEN.is_match(clause) && !OUTAGE_SEEN.is_match(clause) {
        return None;
    }
    // The fix word nearest the time is the one the promise is about; a
    // sentence that looks ahead with a time in it promises one too.
    let nearest = RESTORATION
        .find_iter(sentence)
        .map(|m| (start + m.start(), start + m.end()))
        .min_by_key(|(s, e)| s.abs_diff(to).min(e.abs_diff(at)));
    // "At 10 p.m." and "from 7.30am" are when something starts; they are a
    // promise only when the sentence says what gets fixed then.
    let starts_at = ["at ", "from "]
        .iter()
        .any(|start| starts_with_ignore_case(time, start));
    // "At 7:36 p.m., the duty engineer escalated ..." opens a line of a
    // timeline: when it happened, not when it will be over.
    if starts_at && before.trim().is_empty() {
        return None;
    }
    // "With no estimate of when services will return": the fix word sits
    // inside the sentence's admission that there is no time.
    let unestimated = |fix_start: usize| {
        NO_ESTIMATE
            .find(sentence)
            .is_some_and(|no| fix_start >= start + no.start())
    };
    match nearest {
        Some((fix_start, _)) if unestimated(fix_start) => None,
        Some((fix_start, fix_end)) => Some((fix_start.min(at), fix_end.max(to))),
        None if starts_at || needs_fix => None,
        None => Some((at, to)),
    }
}
