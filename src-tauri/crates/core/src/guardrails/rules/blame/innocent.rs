//! What clears a party named beside a fault: working with it, waiting on
//! it, moving away from it, thanking it, denying it, or an everyday act
//! that the sentence does not say went wrong.

use std::sync::LazyLock;

use regex::Regex;

use super::super::{
    ITS_OWN_SYSTEMS, compile, ends_with_ignore_case, names_us, sentence_around, sentence_before,
};
use super::company::speaks_of_itself;
use super::parties::{NOT_A_NAME, OUR_SIDE};

/// What says something went wrong somewhere, for [`PROVIDER`]. "Fixed-line
/// ISPs" names a kind of line, not a fix.
pub(super) static TROUBLE: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\b(?:bad|broken|faulty|wrong|incorrect\w*|mistake\w*|errors?|bugs?|buggy|caus\w+|due\s+to|led\s+to|result\w*|outages?|incidents?|disrupt\w*|interrupt\w*|trigger\w*|broke|failures?|fail\w*|problems?|issues?|degrad\w*|experienc\w*|suffer\w*|down|downtime|restor\w*|resolv\w*|mitigat\w*|recover\w*|power|delay\w*|slow\w*|unavailab\w*|unresponsive|unreachable|maintenance|attack\w*|breach\w*|congest\w*|limit\w*|cut|damage\w*|loss|lost|faults?|RFO|affect\w*|impact\w*|declared|repair\w*|unexpected\w*|mis(?:rout|configur|handl|appl|direct)\w*|deploy\w*|chang\w*|patch\w*|vulnerab\w*|increas\w*|spik\w*|originat\w*|roll\w*\s+out|crash\w*|stuck|held|queue\w*|returning|normal|concerns?|abrupt\w*|flak\w*|unreliab\w*|stopped\s+(?:delivering|sending|processing|responding|working|routing|serving|accepting)|locked\s+us\s+out|(?:went|gone|go|goes|going)\s+dark|breaking\s+(?:changes?|releases?|updates?)|not\s+(?:been\s+)?(?:communicated|announced)\s+(?:beforehand|in\s+advance|to\s+us)|without\s+(?:any\s+)?(?:prior\s+|advance\s+)?(?:notice|warning))\b|\bfix\w*(?:[^\w-]|$)",
    )
});

/// "To avoid human error", "to detect third-party issues earlier",
/// "monitor 3rd party statuses" and "better handle token processing when
/// the third party servers are unavailable" name a risk, not a culprit;
/// "time to upgrade our hosting service" names a plan.
pub(super) static PREVENTING: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\b(?:avoid|prevent|reduce|minimi[sz]e|eliminate|without|detect|upgrad(?:e|ed|ing)|prone\s+to|risk\s+of|resilient\s+to|resilience\s+(?:to|against)|(?:protect\w*|insulat\w*|shield\w*)\s+(?:[\w-]+\s+)?(?:against|from)|guard\s+against|withstand|robust\s+(?:enough\s+)?(?:to\s+handle|to|against))\s+(?:[\w-]+\s+){0,2}$|\bmonitor\w*\s+$|\b(?:handle|cope\s+with|tolerate|survive)\b[^.!?]{0,60}?\b(?:when|if|whenever|should)\s+(?:the\s+|a\s+|an\s+|our\s+)?$",
    )
});

/// Working with a provider (or sitting down with one), or contacting,
/// calling, speaking to or (for us) informing one, is how the fix happens
/// ("able to communicate with" it too, though a "communication failure
/// with" one is its trouble), and so is a fix found with one ("identified a
/// lasting fix with our vendor", "the disruption has been resolved with the
/// cellular vendor"), and so is a fix made "with the help of"
/// or "with usage of" one ("mitigate the attacks with usage of our partner
/// Cloudflare").
/// "Investigating the throughput issues with the Google Cloud Platform
/// team": the vendor's team is who we investigate with, so "issues with
/// the vendor" names no culprit. [`THEIR_TEAM`] is the word after the
/// vendor, [`INVESTIGATING`] the sentence before it.
static THEIR_TEAM: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)^(?:\s+(?-i:[A-Z])[\w-]*){0,2}\s+(?:team|teams|engineers|engineering\s+team|support\s+team)\b",
    )
});
static INVESTIGATING: LazyLock<Regex> =
    LazyLock::new(|| compile(r"(?i)\b(?:investigat\w*|diagnos\w*|debugg\w*|looking\s+into)\b"));

pub(super) static WORKING_WITH: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\b(?:dialog(?:ue)?|contact|touch|talk\w*|conversations?|communication)\b[^.!?]{0,20}\bwith\s+(?:[\w-]+\s+){0,7}$|\binvestigation\s+with\s+(?:[\w-]+\s+){0,3}$|\b(?:work(?:s|ed|ing)?|sit(?:s|ting)?\s+down|sat\s+down|together|collaborat\w*|coordinat\w*|review\w*|discuss\w*|engag\w*|liais\w*|partner\w*|contact\w*|escalat\w*|reach\w*\s+out|chas(?:e|ed|es|ing)|press(?:ed|ing)|follow(?:ed|ing)?\s+up|opened\b[^.!?]{0,40})\s+(?:closely\s+)?(?:with\s+|to\s+)?(?:[\w-]+\s+){0,7}$|\b(?:call(?:s|ed|ing)?|phoned|spoke|spoken|speak\w*|talked)\s+(?:[\w-]+\s+){0,2}?(?:to|with)\s+(?:[\w-]+\s+){0,4}$|\bable\s+to\s+communicate\s+with\s+(?:[\w-]+\s+){0,4}$|\b(?:fix|solution|resolution|workaround|remedy|resolved|fixed|rectified)\s+(?:together\s+)?with\s+(?:[\w-]+\s+){0,4}$|\bjoint\s+(?:effort|investigation|review|work)\s+with\s+(?:[\w-]+\s+){0,4}$|\bwith\s+(?:the\s+)?(?:kind\s+)?(?:help|assistance|support|aid|usage|use)\s+of\s+(?:[\w-]+\s+){0,3}$|\b(?:we|have|has|had)\s+(?:now\s+|also\s+|already\s+)?(?:informed|notified|told|alerted|warned)\s+(?:[\w-]+\s+){0,3}$",
    )
});

/// Our own people and a provider doing the work together: "our
/// engineering team and the service vendor wrote and applied the filters".
static WITH_OUR_TEAM: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"(?i)\b(?:our|the)\s+(?:[\w-]+\s+){0,2}?(?:team|engineers?|staff)\s+and\s+$")
});

/// Waiting for news from a provider ("whilst we await an update from our
/// supplier"), receiving it ("received an RFO from our upstream", "the
/// latest statement from the upstream provider", news "made available from
/// the carrier"), checking with one ("verified via our card provider") or
/// being assured by one ("assured by our hosting provider that they are
/// tracking this down") says who tells us, not whose fault it is; help from
/// one ("a rescue operation from our ISP's datacenter team") says who
/// helped.
pub(super) static AWAITING: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\b(?:await\w*|waiting\s+(?:for|on))\s+(?:[\w-]+\s+){0,12}?from\s+(?:[\w-]+\s+){0,4}$|\b(?:statement|note|notice|notification|message|news|advice|advisory|confirmation|announcement)s?\s+(?:[\w-]+\s+){0,2}?from\s+(?:[\w-]+\s+){0,4}$|\b(?:receiv\w*|got)\s+(?:[\w-]+\s+){0,4}?(?:RFO|report|outage|update|notice|notification|statement)\s+from\s+(?:[\w-]+\s+){0,4}$|\b(?:verified|confirmed|checked)\s+(?:via|with|through)\s+(?:[\w-]+\s+){0,4}$|\b(?:help|assistance|support|rescue(?:\s+operation)?)\s+from\s+(?:[\w-]+\s+){0,4}$|\b(?:assured|reassured|told|advised|informed)\s+by\s+(?:[\w-]+\s+){0,4}$|\bmade\s+available\s+(?:to\s+us\s+)?(?:from|by)\s+(?:[\w-]+\s+){0,4}$",
    )
});

/// A provider found not to be the cause ("our third party provider was not
/// the cause of the elevated HTTP request") is cleared by the sentence.
pub(super) static NOT_THE_CAUSE: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)^(?:\s+[\w-]+){0,2}?\s+(?:was|were|is|are|has\s+been|had\s+been)\s+not\s+(?:the\s+)?(?:root\s+)?(?:cause|culprit|source|at\s+fault|to\s+blame|responsible)\b",
    )
});

/// A party vouching for its own things ("Visa confirmed that its systems
/// were working normally") says it was not hit, which blames nobody.
static VOUCHES_FOR_ITS_OWN: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"(?i)^\s*{ITS_OWN_SYSTEMS}\s+(?:working|operating|running|functioning|work|operate|run|function)\s+(?:normally|fine|as\s+(?:normal|usual))\b",
    ))
});

/// A provider brought in to help ("our dark fiber provider was involved
/// to help identify the issue") is named for the help, not the fault.
static BROUGHT_IN: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)^\s+(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:involved|engaged|brought\s+in|called\s+in|asked)\s+to\s+help\b",
    )
});

/// "Switched over to another third-party provider" names the way out.
pub(super) static SWITCHED_TO: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"(?i)\b(?:secondary|backup|alternate|alternative|new|another|other)\s+$")
});

/// Cutting a provider off, or routing around one, is the way out too:
/// "dropping our connection to the respective provider", "pushed a fix to
/// route around the provider". Reporting the fault to one is how the fix
/// starts: "the issue has been reported to the fibre provider". Read up to
/// the end of the provider's name.
pub(super) static DROPPED: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)(?:\b(?:dropp\w*|disconnect\w*|remov\w*)\s+our\s+(?:connection|link|session)s?\s+(?:to|with|from)|\b(?:(?:rout|work|steer|mov|shift|redirect)\w*\s+(?:[\w-]+\s+){0,2}?around|bypass\w*)|\breport(?:ed|ing)?\s+(?:[\w-]+\s+){0,4}?to|\b(?:raised|logged)\s+(?:[\w-]+\s+){0,4}?(?:with|to))\s+(?:[\w-]+\s+){0,3}?(?:providers?|carriers?|upstreams?|vendors?|suppliers?|ISPs?)$",
    )
});

/// A provider telling us something ("the suppliers have confirmed that the
/// backlog will be delivered", "..., which our provider has confirmed") is
/// news, not its fault, unless what it told us is trouble.
pub(super) static TOLD_US: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)^(?:['’]s)?\s+(?:have\s+|has\s+|had\s+)?(?:now\s+|since\s+|also\s+)?(?:confirmed|advised|informed|told|assured|notified|alerted|said|stated|announced)(?:\s+(?:us\s+)?(?:that\s+)?|\s*[.!?,;]|\s*$)",
    )
});

/// A provider handing us a fix ("our vendor has prepared a fix for the
/// script") is named for the fix, not the fault; one that restored what it
/// runs ("after our provider restored service") still says whose outage
/// it was.
pub(super) static MENDS: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)^\s+(?:(?:has|have|had)\s+)?(?:now\s+|since\s+|also\s+|quickly\s+|promptly\s+)*(?:prepared|provided|released|supplied|shipped|delivered|issued|developed)\s+(?:us\s+)?(?:an?|the)\s+(?:[\w-]+\s+)?(?:fix|patch|hotfix|workaround)\b",
    )
});

/// A provider that itself mends or looks into the trouble ("the vendor
/// began investigating", "our hosting provider is investigating why this
/// happened", "the SMS Provider released a fix", "we contacted
/// our cloud provider and they fixed the issue", "our service provider,
/// Google Cloud Platform, who restored connectivity", "our ISP indicated
/// the hardware had been replaced"): the trouble was theirs to mend, so
/// working with them or waiting on them does not clear them.
static PROVIDER_MENDS_IT: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)^(?:\s+(?:support\s+)?(?:teams?|engineers?|staff|technicians?))?\s+(?:(?:has|have|had)\s+)?(?:then\s+|quickly\s+|promptly\s+|now\s+|since\s+)?(?:began\s+(?:investigat\w*|an?\b|the\b)|started\s+investigat\w*|(?:is|are)\s+(?:currently\s+|still\s+|now\s+)?investigating\s+(?:why|what|how)\b|fixed|resolved|restored|repaired|corrected|rectified|rolled\s+back|reverted|released\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+)?(?:fix|patch|hotfix)\b)|^[^.;!?]{0,60}?(?:\band\s+they|,\s+who|\bthat\s+they)\s+(?:(?:have|has|had)\s+)?(?:then\s+|quickly\s+|promptly\s+|now\s+)?(?:fixed|resolved|restored|repaired|rolled\s+back|reverted)\b|^\s+(?:has\s+|have\s+|had\s+)?(?:indicated|confirmed|reported|advised|informed\s+us|told\s+us|notified\s+us)\s+(?:that\s+)?(?:[\w-]+\s+){0,3}?(?:had|has|have|was|were)\s+(?:been\s+)?(?:replaced|repaired|fixed|restored|resolved)\b",
    )
});

/// A provider said to be failing ("our transcription provider timing out",
/// "the provider was experiencing an outage"): the trouble is its own,
/// however the sentence came to name it ("communication with" it).
static PROVIDER_FAILING: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)^\s+(?:(?:was|were|kept|had\s+been|has\s+been|is|are)\s+)?(?:timing\s+out|timed\s+out|failing|failed|going\s+down|went\s+down|erroring|returning\s+errors|unresponsive|unreachable|not\s+responding|experiencing)\b",
    )
});

/// Where something we send goes ("uploading a recording to the provider",
/// "forwarded to the carrier"): the provider is the destination, not the
/// culprit, unless the sentence says it failed.
static SENT_TO: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\b(?:upload\w*|send\w*|sent|deliver\w*|forward\w*|submit\w*|pass\w*|hand\w*)\s+(?:[\w-]+\s+){0,3}?to\s+$",
    )
});

/// A change made while updating ("the servers were accidentally removed
/// from their load balancers during the update", "during an
/// infrastructure configuration change, a firewall rule was inadvertently
/// applied") tells what the update did, with no person named to blame.
static DURING_A_CHANGE: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\bduring\s+(?:an?|the|our)\s+(?:[\w-]+\s+){0,2}?(?:update|upgrade|deploy\w*|rollout|roll-out|migration|release|change|maintenance)\b",
    )
});

/// Making use of a cloud's data centres ("take advantage of Amazon's
/// redundant data center infrastructure"), or moving to a provider ("began
/// a transition to one of the premiere hosting companies"), is a plan, not
/// a fault, unless the sentence says it went wrong; so is using one ("we use
/// a third-party verification system").
static MAKING_USE: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\b(?:(?:advantage\s+of|benefit\s+from|leverag\w*|rely\s+on|us(?:e|es|ing))\s+(?:(?:a|an)\s+)?|(?:mov|migrat|transition)\w*\s+(?:over\s+)?to\s+(?:one\s+of\s+)?(?:(?:the|a|an)\s+)?(?:[\w-]+\s+){0,2}?)$",
    )
});

/// Relying on a vendor ("relied on a third-party vendor to manage") or
/// moving off one ("migrating from this third-party vendor") tells how we
/// are built, unless the sentence has trouble in it ("all servers relying on
/// the affected DNS provider experienced downtime").
static RELIED_ON: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\b(?:rel(?:y|ies|ied|ying)\s+(?:on|upon)|(?:mov|migrat|transition)\w*\s+(?:away\s+)?from)\s+(?:(?:a|an|the|this|that|these|those)\s+)?$",
    )
});

/// Whether a party named right after `before` is one we use, rely on or
/// move to or from, told as how we are built: [`MAKING_USE`] unless what
/// follows it (`rest`) went wrong, [`RELIED_ON`] unless the `sentence` has
/// trouble in it. Both the named parties and "third-party ..." read this.
pub(super) fn how_we_are_built(before: &str, rest: &str, sentence: &str) -> bool {
    (MAKING_USE.is_match(before) && !WENT_WRONG.is_match(rest))
        || (RELIED_ON.is_match(before) && !TROUBLE.is_match(sentence))
}

/// Moving to another provider is the fix, not the fault: "a backup
/// provider", "our replacement email service provider". Others hit by the
/// same outage ("affecting a dozen other network operators") share it,
/// they did not cause it.
pub(super) static OTHER_PROVIDER: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\b(?:secondary|second|backup|alternate|alternative|additional|extra|spare|different|new|another|other|replacement)\s+(?:[\w-]+\s+){0,2}(?:providers?|vendors?|suppliers?|carriers?|ISPs?|operators?)\b",
    )
});

/// What a team or an engineer does every day (deploying, pushing, changing):
/// blame only when the sentence says it went wrong.
pub(super) static EVERYDAY_ACT: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\b(?:deploy\w*|pushed|push|shipped|rolled\s+out|introduced|ran|typed|changed|change|release)\b",
    )
});

/// Our own people, whose everyday acts are not blame by themselves (a vendor's
/// change is: that is the point of the rule).
pub(super) static OUR_PEOPLE: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\b(?:team|engineers?|developers?|someone|operators?|administrators?|admins?|employees?|staff|members?|contractors?|interns?|dba|sre)\b",
    )
});

/// Words that make an act a slip: "accidentally pushed", "an untested change".
pub(super) static SLIP: LazyLock<Regex> =
    LazyLock::new(|| compile(&format!(r"(?i)\b(?:{SLIP_WORDS})\b")));

/// The words of [`SLIP`].
pub(super) const SLIP_WORDS: &str = r"accidental\w*|mistaken\w*|inadvertent\w*|erroneous\w*|bad|wrong|untested|unreviewed|unapproved";

/// A slip word right before the act: "a bad deploy", "an untested change".
pub(super) static SLIP_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"(?i)\b(?:{SLIP_WORDS}|faulty|broken|botched)\s+(?:[\w-]+\s+)?$"
    ))
});

/// What says an everyday act went wrong, later in its sentence.
pub(super) static WENT_WRONG: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\b(?:bad|broken|faulty|wrong|incorrect\w*|mistake\w*|errors?|bugs?|buggy|caus\w+|led\s+to|lead\s+to|leading\s+to|result\w*\s+in|outages?|incidents?|disruption|trigger\w*|broke|failures?|failed|problems?|issues?|degrad\w*|unintended|downed|surges?)\b",
    )
});

/// An act that is the fix ("deployed a fix", "pushed a patch") is no slip.
pub(super) static THE_FIX: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)^\s+(?:(?:a|an|the|our|its|their|this)\s+)?(?:[\w-]+\s+){0,2}?(?:fix\w*|patch\w*|remediation|mitigation|rollback|roll-back|workaround|hotfix\w*|capacity)\b",
    )
});

/// A party named as unaffected, or working as usual, is not blamed.
pub(super) static UNAFFECTED: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\b(?:not\s+(?:been\s+)?(?:affected|impacted|involved|at\s+fault)|unaffected|as\s+usual)\b",
    )
});

/// A denial: "did not", "hasn't", "never".
pub(super) const DENIAL: &str = r"\b(?:(?:did|does|do|has|have|had)(?:\s+not|n['’]t)|never)\b";

/// A denial inside the words that would blame: "did not accidentally".
pub(super) static DENIED: LazyLock<Regex> = LazyLock::new(|| compile(&format!(r"(?i){DENIAL}")));

/// A denial right before them: "never" + "accidentally cut".
pub(super) static DENIED_JUST_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| compile(&format!(r"(?i){DENIAL}\s+$")));

/// A denial right after a provider named in passing: "the contractor did not".
pub(super) static DENIED_JUST_AFTER: LazyLock<Regex> =
    LazyLock::new(|| compile(&format!(r"(?i)^\s+{DENIAL}")));

/// Words of mending inside a named party's report.
pub(super) static FIXING: LazyLock<Regex> =
    LazyLock::new(|| compile(r"(?i)\b(?:resolv|fix|restor|repair|mitigat)\w*"));

/// Blame as the thing talked about, not laid: "without reassigning blame",
/// "avoid shifting blame", or taken on oneself: "taking full blame".
pub(super) static BLAME_ITSELF: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\b(?:reassign\w*|shift\w*|deflect\w*|avoid\w*|assign\w*|plac\w*|apportion\w*|without|no|tak\w*|accept\w*|shoulder\w*)\s+(?:the\s+|any\s+|full\s+|all\s+(?:the\s+)?)?$",
    )
});

/// A thing, not a party, said to be "to blame": "a network fault is to blame"
/// is a cause (or, hedged, a guess), not blame.
pub(super) static A_THING: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\b(?:fault|failure|bug|error|issue|problem|outage|change|update|upgrade|release|deploy\w*|migration|patch|rollout|configuration|config|setting|certificate|disk|hardware|software|storm|surge|spike|load|traffic|congestion|main|pipe|cable|fire|flood|leak)\s+$|\b(?:who|whom)(?:['’]s|\s+is|\s+was)?\s+to\s+$",
    )
});

/// Our own kit said to be "to blame" ("our ingest instances in us-east-1a
/// were to blame"): a cause of ours, not a party, unless what is ours is a
/// supplier or people ([`OUR_PEOPLE_OR_SUPPLIER`]).
pub(super) static OUR_KIT: LazyLock<Regex> =
    LazyLock::new(|| compile(r"(?i)\bour\s+(?:[\w.-]+\s+){1,5}$"));

pub(super) static OUR_PEOPLE_OR_SUPPLIER: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\b(?:vendor|provider|supplier|partner|carrier|contractor|host|ISP|engineer|employee|staff|team|people|operator|technician)s?\b",
    )
});

/// The words that tell of a slip: "inadvertently", "mistakenly".
static ADVERB_OF_A_SLIP: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"(?i)^(?:inadvertently|accidentally|mistakenly|erroneously|unintentionally)\b")
});

/// A machine as the one that slipped: "this automated process inadvertently
/// deployed", "a cleanup operation in our storage system mistakenly
/// removed" tell what a program did, with no person to blame ("the change
/// was inadvertently pushed" still has one).
pub(super) static A_PROGRAM_SLIPPED: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"(?i)\b(?:process|operation|procedure|job|script|system|tool|automation|task)s?\s+$")
});

/// Our own slip, owned as ours: "we accidentally misconfigured our
/// replication" or a founder's "I accidentally ran an update script"
/// blames nobody else.
static WE_SLIPPED: LazyLock<Regex> =
    LazyLock::new(|| compile(r"(?i)\b(?:we|I)\s+(?:had\s+|have\s+|then\s+|also\s+)*$"));

/// Our own software that processes things: "one of the notification
/// processors was experiencing a failure" is a worker of ours, not a
/// payment processor we buy from.
static SOFTWARE_PROCESSOR: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\b(?:notification|message|event|job|queue|background|stream|log|webhook|e-?mail|mail|batch|task|request|image|video|file|upload|import|export)\s+processors?$",
    )
});

/// A maker's name on our own kit: "a storage issue with the F5 firewall"
/// is trouble in our firewall, not at F5. (Its servers or its firmware
/// are the maker's own.)
static BRAND_OF_OUR_KIT: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"^\s+(?i:firewalls?|routers?|switch(?:es)?|load\s+balancers?|appliances?|storage\s+arrays?|SAN|phones?|handsets?)\b",
    )
});

/// What follows a card scheme's name when it names the card: "Visa Debit".
pub(super) static CARD_PRODUCT: LazyLock<Regex> =
    LazyLock::new(|| compile(r"^\s+(?i:debit|credit|cards?|prepaid)\b"));

/// "Replaced by the technician", "checked by one of our staff members":
/// mended or looked at by someone, which is no blame.
pub(super) static MENDED: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\b(?:replaced|repaired|fixed|restored|resolved|installed|reset|rebooted|restarted|mended|corrected|recovered|checked|reviewed|verified|inspected|approved|examined|assessed|tested|monitored|handled|answered)\s+(?:\w+\s+)?$",
    )
});

/// Seen by a provider: "detected by the vendor's monitoring" names who
/// noticed it. (Restored by one still says whose outage it was.)
pub(super) static SEEN_BY: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"(?i)\b(?:detected|noticed|spotted|discovered|caught|flagged)\s+(?:\w+\s+)?by\s+$")
});

/// What we give back or provide to a party: "restore functionality to all
/// partners" names the ones we serve.
static SERVED_TO: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"(?i)\b(?:restor\w*|provid\w*|offer\w*|return\w*)\s+(?:[\w-]+\s+){0,3}?to\s+$")
});

/// Who owns or stands behind a company: "they're owned by Salesforce and
/// powered by Amazon" (equipment "owned by the network operator" is the
/// operator's own kit).
static OWNED_BY: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"(?i)\b{COMPANY_IS}\s+(?:[^.;!?]{{0,60}}?\s)?(?:owned|backed|acquired|funded|powered)\s+by\s+$"
    ))
});

/// A company as the subject of "is"/"are": "they're", "the company was".
const COMPANY_IS: &str = r"(?:they|company|firm)(?:['’]re|['’]s|\s+(?:are|is|was|were))";

/// A company as what is owned ("they're owned by"), where a line "owned
/// by Verizon" or data centres "which are managed by Flexential" are that
/// owner's kit.
pub(super) static A_COMPANY_IS: LazyLock<Regex> =
    LazyLock::new(|| compile(&format!(r"(?i)\b{COMPANY_IS}\s+(?:now\s+|also\s+)?$")));

/// Partners by the kind of customer they are ("our church partners",
/// "restaurant partners"): the ones we serve, not a supplier.
static SERVED_PARTNERS: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\b(?:church|restaurant|school|merchant|retail|store|club|charity|ministry|community|customer|client)\s+partners?$",
    )
});

/// "We thank our partners" names them for their help.
pub(super) static THANKS: LazyLock<Regex> =
    LazyLock::new(|| compile(r"(?i)\bthank\w*\s+(?:[\w-]+\s+){0,3}$"));

/// Whether `said` is an everyday act that the `rest` of its sentence does not
/// say went wrong. A slip word just `before` it counts too: "a bad deploy by
/// the platform team".
pub(super) fn everyday(said: &str, before: &str, rest: &str) -> bool {
    if !OUR_PEOPLE.is_match(said)
        || !EVERYDAY_ACT.is_match(said)
        || SLIP.is_match(said)
        || SLIP_BEFORE.is_match(before)
    {
        return false;
    }
    THE_FIX.is_match(rest) || !(WENT_WRONG.is_match(rest) || SLIP.is_match(rest))
}

/// "Carrier routes" and "carrier traffic" are ours, not a carrier: the word
/// after the provider noun says it is used as an adjective. After a
/// possessive, what the vendor gave us ("the vendor's release notes", "the
/// vendor's stable version") is help, not its fault.
pub(super) fn names_our_own_kit(rest: &str) -> bool {
    let next = rest.split_whitespace().next().unwrap_or("");
    let next = next
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_ascii_lowercase();
    [
        "routes",
        "route",
        "traffic",
        "gateways",
        "gateway",
        "rates",
        "selection",
        "release",
        "documentation",
        "guidance",
        "advice",
        "recommendations",
        "instructions",
        "stable",
        "note",
        "notes",
        "statement",
        "notice",
        "announcement",
        "advisory",
        "supporting",
        "docs",
        "manual",
    ]
    .contains(&next.as_str())
}

/// Where the party a provider phrase names begins: at its last "the",
/// "our" or "a". The phrase may reach back over other words ("the
/// guidelines and contacted the manufacturer"), and what comes before the
/// party itself says whether we were only working with it.
pub(super) fn party_start(said: &str) -> usize {
    let lower = said.to_ascii_lowercase();
    [" the ", " our ", " a ", " an ", " their ", " my "]
        .iter()
        .filter_map(|word| lower.rfind(word).map(|i| i + 1))
        .max()
        .unwrap_or(0)
}

/// Whether the words at `start..end` of `text`, which a blame pattern
/// found, are cleared by what stands around them. `named`: the pattern
/// names a party (checked against our own side); `in_passing`: it names a
/// provider only in passing (blame only when the sentence tells of trouble).
pub(super) fn cleared(
    text: &str,
    start: usize,
    end: usize,
    named: bool,
    in_passing: bool,
    ourselves: &[String],
) -> bool {
    let before = sentence_before(text, start);
    let said = &text[start..end];
    // Our own software is no party at all, whatever trouble the sentence
    // tells of, so it is settled before anything else is read.
    if SOFTWARE_PROCESSOR.is_match(said) {
        return true;
    }
    // "Every external dependency is a potential single point of failure"
    // speaks of any party at all, none in particular (none of four tune
    // sentences with "every", "each" or "any" before one is blame).
    if ["every ", "each ", "any "]
        .iter()
        .any(|word| ends_with_ignore_case(before, word))
    {
        return true;
    }
    // "There's an outage" and "Today's outage" name nobody.
    let first_word = said.split(['\'', '’', ' ']).next().unwrap_or("");
    if named && NOT_A_NAME.is_match(first_word) {
        return true;
    }
    let (sentence_start, sentence_end) = sentence_around(text, start);
    let rest = &text[end..sentence_end.max(end)];
    let lower = said.to_ascii_lowercase();
    let to_blame = lower.contains(" to blame") || lower.contains(" at fault");
    let sentence = &text[sentence_start..sentence_end.max(end)];
    // "The contractor did not accidentally damage the line" denies it
    // (a provider named in passing and then denied; "the outage did
    // not impact X" still names the outage).
    let denied = DENIED.is_match(said)
        || DENIED_JUST_BEFORE.is_match(before)
        || (in_passing && DENIED_JUST_AFTER.is_match(rest));
    let own = lower.contains("in-house") || lower.contains(" own ");
    if in_passing
        && !denied
        && !own
        && (PROVIDER_MENDS_IT.is_match(rest) || PROVIDER_FAILING.is_match(rest))
    {
        return false;
    }
    denied
        || (in_passing
        && (!TROUBLE.is_match(sentence)
            || names_our_own_kit(rest)
            || TOLD_US
                .find(rest)
                .is_some_and(|told| !TROUBLE.is_match(&rest[told.end()..]))))
        // "Not why it isn't running or who's to blame": the question,
        // not an answer.
        || ((to_blame || lower == "blame") && A_THING.is_match(before))
        || (ADVERB_OF_A_SLIP.is_match(said)
            && (A_PROGRAM_SLIPPED.is_match(before)
                || WE_SLIPPED.is_match(before)
                || DURING_A_CHANGE.is_match(sentence)))
        || (in_passing && SENT_TO.is_match(before))
        || (in_passing && WITH_OUR_TEAM.is_match(&text[sentence_start..start + party_start(said)]))
        || (to_blame
            && OUR_KIT
                .find(before)
                .is_some_and(|kit| !OUR_PEOPLE_OR_SUPPLIER.is_match(kit.as_str())))
        || (lower == "blame" && BLAME_ITSELF.is_match(before))
        || PREVENTING.is_match(before)
        // Only near the party: "after our host restored it, our
        // systems ran as usual" says nothing of the host.
        || UNAFFECTED.is_match(&rest[..rest.floor_char_boundary(48)])
        || WORKING_WITH.is_match(before)
        || (THEIR_TEAM.is_match(rest) && INVESTIGATING.is_match(before))
        // "Deliver the message to the recipient's server": where it
        // goes, not where it failed.
        || (in_passing && ends_with_ignore_case(before, "to ") && lower.contains("recipient"))
        || (in_passing && WORKING_WITH.is_match(&text[sentence_start..start + party_start(said)]))
        || THANKS.is_match(before)
        || (lower.starts_with("by ") && MENDED.is_match(before))
        // "Detected by the vendor's monitoring": a provider named in
        // passing as who saw it, not whose fault it was.
        || (in_passing && SEEN_BY.is_match(before))
        // "Noticed by the developer triggering the deployment": who saw
        // it, not who caused it.
        || (lower.starts_with("by ") && SEEN_BY.is_match(&format!("{before}by ")))
        // "Owned by Salesforce and powered by Amazon": who stands behind
        // a provider, not who failed.
        || OWNED_BY.is_match(before)
        // "Restore functionality to all partners": the ones we serve.
        || (in_passing && SERVED_TO.is_match(before))
        || (in_passing && SERVED_PARTNERS.is_match(said))
        || (in_passing && MENDS.is_match(rest))
        || how_we_are_built(before, rest, sentence)
        || everyday(said, before, rest)
        || OTHER_PROVIDER.is_match(said)
        || SWITCHED_TO.is_match(before)
        || DROPPED.is_match(sentence_before(text, end))
        || AWAITING.is_match(before)
        || BROUGHT_IN.is_match(rest)
        || NOT_THE_CAUSE.is_match(rest)
        || VOUCHES_FOR_ITS_OWN.is_match(rest)
        || (in_passing && AWAITING.is_match(sentence_before(text, start + party_start(said))))
        // "Visa Debit" and "Mastercard credit cards" name the card a
        // bank issues, not the card company.
        || (said.ends_with(|c: char| c.is_ascii_alphanumeric())
            && said.rsplit(' ').next().is_some_and(|w| w.starts_with(|c: char| c.is_ascii_uppercase()))
            && BRAND_OF_OUR_KIT.is_match(rest))
        || (["Visa", "Mastercard"].iter().any(|card| said.ends_with(card))
            && CARD_PRODUCT.is_match(&text[end..]))
        // "On Jan. 7, DigitalOcean experienced a loss of network
        // connectivity", with no "we" or "our" anywhere: a company's
        // own postmortem speaking of itself. When our own names are
        // known, only they speak of themselves so.
        || (ourselves.is_empty() && speaks_of_itself(said, sentence))
        // A company's own name, said by its own writer (a provider
        // named in passing is the provider, whoever's it is).
        || (!in_passing && names_us(said, ourselves))
        // "Our in-house card processor" is our own.
        || (in_passing && own)
        // "Our payment processor integration" is our own code.
        || text[end..].trim_start().starts_with("integration")
        || (named && OUR_SIDE.is_match(said))
        // "Zoom reported resolving the issue" tells of the fix.
        || ((named || lower.contains("report"))
            && (FIXING.is_match(said) || FIXING.is_match(&rest[..rest.floor_char_boundary(24)])))
        // "with the third party" after "working" is the same case.
        || (lower.starts_with("with ")
            && WORKING_WITH.is_match(&format!("{before}with ")))
}

pub(super) fn warm() {
    LazyLock::force(&TROUBLE);
    LazyLock::force(&SERVED_TO);
    LazyLock::force(&SERVED_PARTNERS);
    LazyLock::force(&OWNED_BY);
    LazyLock::force(&A_COMPANY_IS);
    LazyLock::force(&WE_SLIPPED);
    LazyLock::force(&PREVENTING);
    LazyLock::force(&ADVERB_OF_A_SLIP);
    LazyLock::force(&A_PROGRAM_SLIPPED);
    LazyLock::force(&WORKING_WITH);
    LazyLock::force(&RELIED_ON);
    LazyLock::force(&THEIR_TEAM);
    LazyLock::force(&INVESTIGATING);
    LazyLock::force(&AWAITING);
    LazyLock::force(&BROUGHT_IN);
    LazyLock::force(&NOT_THE_CAUSE);
    LazyLock::force(&SWITCHED_TO);
    LazyLock::force(&DROPPED);
    LazyLock::force(&TOLD_US);
    LazyLock::force(&MENDS);
    LazyLock::force(&PROVIDER_MENDS_IT);
    LazyLock::force(&PROVIDER_FAILING);
    LazyLock::force(&SENT_TO);
    LazyLock::force(&WITH_OUR_TEAM);
    LazyLock::force(&DURING_A_CHANGE);
    LazyLock::force(&MAKING_USE);
    LazyLock::force(&OTHER_PROVIDER);
    LazyLock::force(&EVERYDAY_ACT);
    LazyLock::force(&OUR_PEOPLE);
    LazyLock::force(&SLIP);
    LazyLock::force(&SLIP_BEFORE);
    LazyLock::force(&WENT_WRONG);
    LazyLock::force(&THE_FIX);
    LazyLock::force(&UNAFFECTED);
    LazyLock::force(&DENIED);
    LazyLock::force(&DENIED_JUST_BEFORE);
    LazyLock::force(&DENIED_JUST_AFTER);
    LazyLock::force(&FIXING);
    LazyLock::force(&BLAME_ITSELF);
    LazyLock::force(&A_THING);
    LazyLock::force(&OUR_KIT);
    LazyLock::force(&OUR_PEOPLE_OR_SUPPLIER);
    LazyLock::force(&CARD_PRODUCT);
    LazyLock::force(&BRAND_OF_OUR_KIT);
    LazyLock::force(&MENDED);
    LazyLock::force(&SEEN_BY);
    LazyLock::force(&THANKS);
    LazyLock::force(&SOFTWARE_PROCESSOR);
}
