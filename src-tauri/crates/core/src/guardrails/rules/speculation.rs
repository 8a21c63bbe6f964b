//! Speculation: a cause offered as a guess. A cause stated as found ("caused
//! by a regression", "we identified the root cause") is not speculation, and
//! neither is a belief about anything but the cause ("we believe everything
//! is back to normal" is the all-clear rule's business).

use std::sync::LazyLock;

use regex::Regex;

use super::{
    compile, ends_with_ignore_case, sentence_around, sentence_before, starts_with_ignore_case,
};

/// What a belief can be about other than the cause: the recovery, the plan,
/// a way to do something ("there are ways to automate it"), what customers
/// will see ("it is possible that your customer will see this charge"), how
/// long something will take, or what a new safeguard would have done ("we
/// believe would have flagged this issue"). ("We think about" is no belief
/// at all.) Nor is a belief about how patient the readers have been ("I
/// think that our members watching have been gracious and patient"), nor
/// one about what we will do next ("I think I'll write my congressman"), nor
/// a chance of a loss still to come ("there is a chance the Main Library may
/// lose power", "it's possible that HQ could be down", "a good chance that
/// the influx of young gamers … will cripple any network services"), nor a
/// guess at what I can do ("I guess I can call them"), nor one about when
/// it began ("it would appear that it started early this morning").
static NOT_ABOUT_CAUSE: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)^\s+(?:that\s+)?(?:(?:it|the\s+(?:outage|issue|problem|disruption|incident|trouble))\s+(?:started|began|begun)\s+(?:early|late|around|at|on|about|shortly|just|this|last|yesterday|overnight)\b|(?:[\w'’-]+\s+){0,10}?will\s+(?:cripple|overwhelm|overload|swamp|strain|knock\s+out|take\s+down|bring\s+down)\b|(?:[\w'’-]+\s+){0,4}?(?:is|are|was|were|remains?)(?:n['’]t)?\s+(?:not\s+)?(?:(?:still|only|largely|mostly)\s+)?(?:limited|isolated|confined|restricted)\s+to\b|(?:[\w'’-]+\s+){0,6}?(?:is|are|remains?)\s+(?:(?:still|both|currently|now|very|quite|rather|at\s+the\s+moment)\s+)*(?:slow|slower|sluggish|intermittent|patchy|unreliable|over)\b|(?:[\w'’-]+\s+){0,4}?will\s+(?:be\s+)?(?:cleared|processed|delivered|sent|complete|completed|finished|done|available|back)\b|(?:[\w'’-]+\s+){0,4}?(?:will|may|might|could)\s+(?:still\s+|also\s+)?(?:see|notice|lose|be\s+without|be\s+down|go\s+down)\b|(?:an?\s+|some\s+|the\s+)?(?:(?:partial|full|steady|gradual)\s+)?(?:recovery|improvement)\s+(?:in|of|across|for|since|from)\b|(?:the\s+|our\s+)?(?:fix|fixes|mitigation|mitigations|workaround|change|rollback)\s+(?:is|are|has\s+been|have\s+been)\s+(?:working|holding|effective|helping)\b|(?:(?:this|these|that|it|they)\s+)?would\s+(?:also\s+)?have\s+(?:been\s+)?(?:flagged|caught|detected|prevented|avoided|reduced|helped|shortened|alerted|allowed|limited|mitigated|stopped)\b|we\s+(?:can|will|have|are|should|need)|about\b|no\b|none\b|nothing\b|every\w*|everything|all\s+|in\b|you\b|it(?:\s+is|['’]s)\s+(?:important|right|essential|necessary|critical|crucial|vital|best|worth|our)|(?:some|many|most|only|a\s+(?:few|small|limited|number|subset))\b|(?:customers|users)\s+(?:are|were|may|might|will|can)\b|(?:i|we)(?:['’]ll|\s+will|\s+shall|\s+can|\s+could)\b|(?:(?:our|the)\s+)?(?:customers|users|members|supporters|listeners|viewers|readers)\s+(?:watching\s+|online\s+)?(?:have|has)\s+been\s+(?:(?:so|very|extremely|incredibly|really)\s+)?(?:gracious|patient|understanding|supportive|kind|wonderful|great|amazing|fantastic)\b|there\s+(?:is|are|was|were)\s+(?:(?:approximately|about|around|roughly|over|at\s+least|up\s+to|only|just)\s+)?\d|there\s+(?:is|are)\s+(?:(?:other|better|several|some|easier)\s+)?ways?\s+to\b|we['’]re\s+(?:ok|okay|fine|good|back|up|stable)\b)|\b(?:intact|unaffected|not\s+(?:affected|impacted|lost))\b|\b(?:back\s+to\s+normal|normally|operational|as\s+expected|working\s+again|resolved|restored|repair(?:ed)?|recovered|fixed|addressed|mitigated|take|before|until|(?:never\s+)?happen\w*\s+again|recur\w*|working\s+(?:as\s+)?hard|deserve\w*)\b|\bwill\s+(?:resolve|fix|restore|repair|address)\b",
    )
});

/// Ways of saying what one believes, shared by [`BELIEF`] (which checks what
/// the belief is about) and [`SPECULATION`] (which finds them).
const BELIEFS: &str = r"(?:we|i|engineers?|the\s+(?:team|company|firm|airline|bank|provider)|officials|investigators)\s+(?:now\s+)?(?:think|thinks|believe|believes|suspect|assume|presume|guess|reckon|hypothesi[sz]e)\b|from\s+what\s+we\s+(?:can\s+)?(?:tell|see)\b|as\s+far\s+as\s+we\s+(?:can\s+)?(?:tell|know)\b|there\s+(?:are|were)\s+(?:some\s+|early\s+|strong\s+)?(?:indications|signs)\s+that\b|(?:our|the)\s+(?:(?:current|initial|early|preliminary|present)\s+)?understanding\s+is\b|there(?:\s+is|['’]s)\s+a\s+(?:good\s+|small\s+|strong\s+|real\s+|slight\s+)?chance(?:\s+that)?\b";

/// Evidence said to point somewhere ("signs suggest", "the data points"),
/// shared by [`EVIDENCE_SAYS`] (which checks what it points to) and
/// [`SPECULATION`] (which finds it).
const EVIDENCE: &str = r"(?:findings|evidence|signs|signals|indications|data|everything|investigation|analysis|symptoms|logs|metrics|timing)\s+(?:so\s+far\s+)?(?:points?|suggests?|indicates?|hints?)";

/// The hedges that are guesses by their words alone, beside [`BELIEFS`]. A
/// hedge before "a" or "the" guesses only when a cause or a fault follows
/// ("probably a bad configuration"; "possibly a double task" is impact),
/// and so does a cause called possible ("due to possible bug").
/// A hedge a few words before the cause guesses too ("Apparently this, and a
/// couple of other issues we have had lately, are the result of our success";
/// seven of seven tune sentences with one), and so does what may have
/// happened for a reason ("your card may have been declined due to an
/// incorrect billing address"). So does a guess at what a party did ("it
/// looks like they had worked on some routers") or at the work behind it
/// ("it was probably routine maintenance"), and timing found curious ("I
/// find the timing of this happening on July 1 to be very curious" hints
/// at a cause without naming it), an outage that "occurred at the same time
/// as a major Slack outage" (a coincidence offered as a link), and causes
/// left open between named candidates ("could not determine if it was a
/// power surge or something else", "not known if the problem is purely a
/// technical one or a cyber attack"). Someone "wondering whether" guesses
/// only when a cause follows ("had overloaded the company's servers"), not
/// when the rides themselves are in doubt. Speculation reported as such
/// ("Speculation among players ranges from server overload …") is a guess,
/// and early investigations still point the way when they name what they
/// looked into ("Preliminary investigations into the cause of the outage
/// point towards …"). So do issues that "appeared to stem from a provider"
/// or "appear to be with the payment system" the stores use, what "could
/// potentially have been caused" by something, a headline's "maybe
/// coronavirus, maybe not", and a cause left open when nobody would say
/// which ("didn't confirm whether the damage was caused by vandalism or
/// faulty equipment").
const SPECULATION_ONLY: &str = r"\b(?:apparently|seemingly|presumably|probably|possibly)\b[^.!?]{0,80}?\b(?:caused\s+by|due\s+to|because\s+of|(?:the|a)\s+result\s+of)\b|\b(?:probably|possibly|presumably|likely|apparently|seemingly|perhaps|maybe)\s+(?:caused|due|because|triggered|related|linked|connected|tied|the\s+result|from)\b|\b(?:due\s+to|caused\s+by|because\s+of|result\s+of)\s+(?:an?\s+|the\s+)?(?:possible|probable|suspected)\s+(?:[\w-]+\s+)?(?:caus\w*|problems?|issues?|faults?|failures?|bugs?|errors?|(?:mis)?configurations?|attacks?|leaks?|crash\w*)\b|\b(?:probably|possibly|presumably|likely|apparently|seemingly|perhaps|maybe)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,4}?(?:caus\w*|behind|due|result\w*|trigger\w*|problems?|issues?|faults?|failures?|bugs?|errors?|breaks?|cuts?|outages?|(?:mis)?configurations?|spikes?|surges?|attacks?|leaks?|crash\w*|glitch\w*)\b|\b(?:reportedly|allegedly|supposedly)\s+(?:(?:been\s+)?caused|due|because|triggered|the\s+result|after|down\s+to|from|linked|related)\b|\b(?:best|educated|current)\s+guess\b|\b(?:likely|probably|possibly|presumably),\s+(?:an?\s+)?(?:[\w-]+\s+)?(?:error|failure|fault|issue|problem|bug|mistake)\b|\b(?:had|have|has|got)\s+(?:some|a\s+few|several|two|three|a\s+couple\s+of)\s+theories\b|\b(?:might|may|could)\s+(?:have\s+)?be(?:en)?\s+(?:at|on)\s+(?:our|their|its|the\s+[\w-]+['’]s)\s+(?:end|side)\b|\b(?:may|might|could)\s+be\s+down\s+to\b|\bwhether\s+(?:[\w-]+\s+){0,4}?(?:is|was|are|were)\s+(?:responsible|the\s+cause|to\s+blame|behind|related|linked)\b|\b(?:may|might|could)\s+(?:have\s+)?(?:something|anything)\s+to\s+do\s+with\b|\b(?:can(?:not|'t|’t)|could\s+not|couldn't|couldn’t)\s+(?:yet\s+|fully\s+|completely\s+|entirely\s+)?rule\s+(?:it\s+|this\s+|that\s+)?out\b|\bindications\s+are\b|\b(?:seeing|see|saw|some|early|first|strong|clear)\s+indications?\s+that\b|\b(?:may|might|could)\s+(?:potentially\s+|possibly\s+|also\s+|partly\s+)?(?:have\s+been|be)\s+(?:caused|due|triggered|related|linked|the\s+result)\b|\bmaybe\s+(?:[\w-]+\s+){0,2}?[\w-]+,\s+maybe\s+not\b|\b(?:may|might|could)\s+have\s+been\s+[a-z]+ed\s+(?:due\s+to|because\s+of|as\s+a\s+result\s+of)\b|\b(?:appears?|seems?|looks?)\s+(?:to\s+be\s+|to\s+have\s+been\s+|to\s+have\s+|(?:at\s+least\s+|more\s+|rather\s+)?like\s+)(?:caused|due|triggered|related|linked|the\s+result|resulted|a|an|the|it\s+was)\b|\b(?:appeared|seemed)\s+to\s+(?:be|have\s+been)\s+(?:caused|due|triggered|related|linked|the\s+result|a|an|the)\b|\b(?:the|a|one|our)\s+(?:likely|probable|possible|suspected|potential)\s+(?:cause|culprit|trigger|source)\b|\blikely\s+culprit\b|\bour\s+(?:(?:working|leading|current|initial)\s+)?(?:theory|hypothesis|guess|suspicion|assumption)\b|\b(?:a|the)\s+hypothesis\b|\b(?:a|the)\s+(?:leading|main|working|current|initial|likeliest|favou?red)\s+(?:hypothesis|theory)\b|\b(?:one|another)\s+possibility\s+is\b|\b(?:seems?|seemed|appears?|appeared)\s+to\s+coincide\s+with\b|\bworking\s+(?:assumption|theory|hypothesis)\b|\binitial\s+(?:indications|signs|signals|findings|analysis|investigation)\b|\b(?:initial|preliminary)\s+(?:assessment|diagnosis|analysis)\s+(?:is|was|suggests?|shows?|indicates?)\b|\bpreliminary\s+(?:root\s+)?cause\b|\bpreliminary\s+(?:findings|investigation)\b|\b(?:is|was|are|were|['’]s)\s+(?:most\s+)?(?:likely|probably)\s+(?:the\s+cause|responsible|caused|due|related|an?|the|with\s+(?:an?|the|our|their|its)\b|to\s+be\s+(?:an?|the|due|caused|related|linked|tied|connected|because|from|down|our|their|responsible))\b|\bit\s+is\s+(?:most\s+)?likely\s+that\b|\b(?:is|are|was|were)\s+(?:believed|thought|suspected|assumed)\s+to\s+(?:be|have)\b|\b(?:appears?|seems?|appeared|seemed)\s+to\s+(?:stem|originate|come|be\s+coming|be\s+linked|be\s+tied|result\s+from|relate\s+to|have\s+(?:stemmed|originated))\b|\b(?:appears?|seems?|appeared|seemed)\s+to\s+(?:be|lie)\s+with\s+(?:the|our|their|its|an?)\s+(?:[\w-]+\s+){0,3}?(?:systems?|providers?|vendors?|suppliers?|processors?|networks?|software|platforms?|databases?|servers?|updates?|configuration|hardware)\b|\b(?:appears?|seems?|seemed|appeared)\s+(?:related|linked|connected|tied)\s+to\b|\blooks\s+to\s+be\b|\bwe\s+(?:may|might)\s+have\s+(?:found|identified|located|pinpointed|isolated|traced)\b|\b(?:appears?|seems?)\s+to\s+have\s+been\s+(?:severed|cut|damaged|broken|corrupted|deleted|misconfigured|overloaded|exhausted|compromised|disconnected|knocked)\b|\bthe\s+(?:suspicion|assumption|theory|hypothesis|belief)\s+is\b|\b(?:may|might|could)\s+(?:have\s+been|be)\s+(?:as\s+)?a\s+result\s+of\b|\b(?:cause|culprit|source|reason|trigger)\s+(?:could|may|might)\s+(?:be|have\s+been)\b|\breason\s+to\s+(?:believe|think|suspect)\b|\b(?:the|one|a|our|leading|working|main)\s+theory\b|\b(?:most\s+)?(?:likely|probable|plausible)\s+(?:explanation|cause|reason|culprit|source|trigger)\b|\bit\s+(?:seems|appears|would\s+(?:seem|appear))\b|\b(?:prime|main|chief|leading|top)\s+suspect\b|\b(?:our|the)\s+(?:current\s+)?thinking\s+is\b|\b(?:my|our)\s+(?:first\s+|initial\s+)?thought\s+is\s+that\b|\b(?:may|might|could)\s+(?:stem|originate|come)\s+from\b|\bit(?:\s+is|'s|’s)\s+(?:possible|probable|plausible|conceivable|believed|thought|suspected|assumed)\s+that\b|\bit\s+(?:may|might|could)\s+(?:well\s+)?be\s+that\b|\b(?:a|our|the|strong|growing)\s+suspicion\s+(?:is\s+)?that\b|\b(?:we|i)(?:'re|’re|\s+are|'m|’m|\s+am)\s+(?:guessing|assuming|suspecting)\b|\b(?:this|that|which)\s+(?:would|may|might|could)\s+suggest\b|\b(?:possible|potential)\s+(?:cause|culprit|reason|explanation|trigger|link|connection|relationship|correlation)\b|\b(?:possible|potential)\s+causes\s+(?:have\s+been|were|are|include)\b|\b(?:most\s+)?likely\s+(?:offenders?|suspects?|culprits)\b|\b(?:appears?|seems?|seemed|appeared)\s+to\s+(?:be|have\s+been)\s+at\s+the\s+(?:heart|root|centre|center|core)\s+of\b|\b(?:fairly|reasonably|quite|somewhat|moderately|pretty)\s+(?:confident|certain|sure)\b|\b(?:high|good|reasonable|fair|some)\s+(?:level|degree)\s+of\s+confidence\b|\bnot\s+(?:yet\s+|entirely\s+|completely\s+)?(?:sure|certain)\b[^.!?]{0,12}\bbut\b|\b(?:may|might|could)\s+be\s+(?:an?\s+)?(?:problem|issue|fault|bug|failure)\s+(?:with|in)\b|\b(?:may|might|could)\s+(?:not\s+)?(?:be|have\s+been)\s+(?:the\s+)?(?:sole\s+|only\s+|main\s+|real\s+|root\s+|primary\s+)?(?:cause|reason|source|instigator|culprit|responsible|behind|causing|leading\s+to|resulting\s+in|triggering|contributing)\b|\bpotentially\s+(?:caused|due|related|linked|triggered)\b|\bat\s+first\s+glance\b|\b(?:mused|wondered|speculated)\s+(?:over\s+|about\s+)?whether\b|\bwondering\s+(?:whether|if)\b[^.!?]{0,100}?\b(?:caus\w*|overload\w*|due\s+to|because|behind|responsible|trigger\w*)|\b(?:can(?:not|'t|’t)|could(?:\s+not|n['’]t))\s+(?:yet\s+)?say\s+(?:with\s+)?(?:\d+\s*%|complete|full|absolute|total|any)\s+(?:certainty|confidence)\b|\bconsistent\s+with\s+(?:degradation|damage|wear|failure|corruption|exhaustion)\s+(?:of|to|in)\b|\bconsistent\s+with\s+(?:an?|the)\s+(?:(?:failing|faulty|failed|broken|bad|misconfigured|overloaded)\b|(?:[\w-]+\s+){0,3}?(?:issue|problem|fault|failure|bug|misconfiguration|cause|outage|attack|leak|overload)\b)|\btoo\s+(?:early|soon)\s+to\s+(?:say|tell|know|be\s+(?:sure|certain))\b[^.!?]{0,20}\bbut\b|\bleaning\s+(?:towards?|to)\b|\b(?:we|i)(?:['’]re|\s+are|\s+were|['’]m|\s+am|\s+was)?\s+(?:working\s+|operating\s+)?under\s+the\s+(?:assumption|impression|belief)\b|\bsuspicion\s+(?:falls|fell|rests|rested)\s+on\b|\b(?:our|my|the|an?)\s+(?:initial|first|early)\s+read(?:ing)?\s+(?:is|was|suggests?)\b|\b(?:our|my|a)\s+hunch\b|\b(?:makes?|made|making)\s+(?:me|us)\s+(?:think|suspect|wonder)\b|\b(?:we|i)\s+(?:first\s+|initially\s+)?thought\s+(?:it|this|that)\s+(?:might|may|could)\b|\b(?:may|might|could)\s+well\s+(?:be|have\s+been)\s+(?:an?|the|caused|due|related|linked)\b|\b(?:early|initial|first|preliminary)\s+reports\s+(?:point|suggest)\w*|\bspeculation\s+(?:among\s+(?:[\w-]+\s+){1,2}?)?(?:is\s+that|ranges\s+from|cent(?:re|er)s\s+on)\b|\b(?:early|initial|first|some)\s+(?:[\w-]+\s+)?(?:posts|tweets|rumou?rs)\s+(?:point|suggest|claim)\w*|\b(?:may|might|could)\s+have\s+(?:also\s+|further\s+|partly\s+|partially\s+)?(?:made|rendered|contributed)\b|\bthere\s+(?:may|might|could)\s+(?:have\s+been|be)\s+(?:other\s+|additional\s+|further\s+|some\s+)?contributing\s+factors?\b|\b(?:may|might|could)\s+have\s+been\s+(?:an?|the)\s+(?:[\w-]+\s+){0,2}?(?:fault|failure|problem|issue|bug|cut|fire|strike|leak|surge|outage|attack|break|short)\b|\bnot\s+(?:yet\s+)?(?:been\s+)?confirmed\b[^.!?]{0,12}\bbut\b|\b(?:may|might|could)\s+lie\s+(?:in|with)\b|\b(?:we|i)['’]d\s+(?:guess|say|think|assume|bet)\b|\b(?:looks|seems|appears)\s+(?:likely|probable)\b|\b(?:two|three|several|a\s+few|a\s+couple\s+of)\s+(?:possible|potential|likely|probable)\s+causes\b|\bcoincid(?:es|ed|ing)\s+with\b|\b(?:occurred|happened|came|started|began|hit)\s+at\s+the\s+same\s+time\s+as\b|\b(?:a|an|the)\s+(?:plausible|probable)\s+(?:[\w-]+\s+){0,3}?(?:outage|failure|fault|issue|problem|side[\s-]effects?|bug|error|explanation)\b|\blines?\s+up\s+with\b|\bit\s+(?:could|may|might)\s+(?:be|have\s+been)\s+(?:someone|somebody|something)\b|\b(?:a|some|strong|good|promising|solid)\s+leads?\s+on\s+(?:the\s+)?(?:cause|culprit|source)\b|\b(?:most\s+)?(?:likely|probably)\s+down\s+to\b|\b(?:currently|provisionally|tentatively)\s+attribut\w*\b|\b(?:though|although|but)\s+(?:this|that|it)\s+(?:is|has|remains)\s+(?:not\s+(?:yet\s+)?(?:been\s+)?|yet\s+to\s+be\s+)(?:confirmed|verified|proven)\b|\b(?:seems?|appears?)\s+to\s+have\s+(?:suffered|experienced|had|been\s+hit)\b|\b(?:seems?|appears?)\s+to\s+be\s+suffering\b|\bsuspected\b|\b(?:potentially|possibly|probably|likely)\s+symptomatic\s+(?:of|that)\b|\bcorrelat(?:e|es|ed|ing)\s+with\b|\b(?:may|might|could)\s+(?:be|have\s+been)\s+(?:connected|associated|tied|attributable)\s+to\b|\b(?:points?|pointing)\s+(?:to|towards)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:issue|problem|fault|failure|bug|misconfiguration|cause|outage)\b|\b(?:most\s+)?likely\s+(?:stemm|originat|caus|introduc|trigger|result)\w*\b|\b(?:most\s+)?likely\s+(?:experienced|suffered|lost|failed|overheated|crashed)\b|\b(?:it\s+)?(?:seems|appears|looks|(?:does|did|would)\s+appear)\s+(?:that|as\s+(?:if|though))\b|\beither\s+(?:an?|the)\s+(?:[\w-]+\s+){0,2}?(?:bug|fault|issue|problem|failure|misconfiguration|change|error)\b[^.!?]{0,120}?\bor\s+(?:an?|the)\s+(?:[\w-]+\s+){0,2}?(?:bug|fault|issue|problem|failure|misconfiguration|change|error)\b|\b(?:initial|current|early|preliminary|first)\s+(?:diagnosis|diagnostics|investigations?|analysis|findings|evidence|signs)\s+(?:(?:into|of)\s+(?:[\w-]+\s+){1,6}?)?(?:(?:points?|pointed)\s+(?:to|towards)\b|suggest(?:s|ed)?\s+(?:that\s+)?(?:it|this|the\s+(?:[\w-]+\s+)?(?:cause|fault|problem|issue))\s+(?:could|might|may|was|is)\b)|\bsuggest(?:ed|s|ing)?\s+that\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:was|were|is|had\s+been|has\s+been)\s+(?:caused\s+by|hacked|due\s+to|the\s+result\s+of)\b|\bit\s+looks\s+like\s+(?:they|someone|somebody)\s+(?:had\s+|have\s+|has\s+|may\s+have\s+|might\s+have\s+)?(?:worked|changed|made|done|touched|updated|pushed|deployed|been\s+working)\b|\btiming\b[^.!?]{0,60}?\b(?:very\s+|rather\s+|quite\s+|highly\s+|most\s+)?(?:curious|suspicious)\b|\b(?:it|this|that)\s+(?:was|is)\s+(?:most\s+)?(?:probably|likely|possibly)\s+(?:(?:a|an|the|some)\s+)?(?:(?:routine|scheduled|planned|unplanned|emergency)\s+)?(?:maintenance|work|upgrades?|updates?)\b|\b(?:not\s+(?:yet\s+)?(?:known|clear)|unclear|(?:did|does|would|could|can)(?:\s*not|n['’]t)\s+(?:confirm|say|know|determine))\s+(?:if|whether)\s+[^.!?]{1,40}?\s+(?:was|were|is|are)\s+(?:caused\s+by|due\s+to|the\s+result\s+of)\s+[^.!?]{1,40}?\s+or\s+[\w-]+|\b(?:not\s+(?:yet\s+)?(?:known|clear)|unclear|(?:could|can)(?:\s*not|n['’]t)\s+(?:determine|say|tell)|unable\s+to\s+(?:determine|say|tell))\s+(?:if|whether)\s+(?:it|this|the\s+(?:problem|issue|outage|failure|cause|incident|disruption|fault))\s+(?:was|is)\s+[^.!?]{1,60}?\s+or\s+(?:an?|something|some)\b";

/// "We believe", "our current understanding is", "as far as we can tell",
/// "there are signs that", "it's possible that" and their kin, checked
/// against [`NOT_ABOUT_CAUSE`].
static BELIEF: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        &[
            r"(?i)^(?:",
            BELIEFS,
            r"|it(?:\s+is|['’]s)\s+(?:possible|probable|plausible|conceivable)\s+that\b)",
        ]
        .concat(),
    )
});

/// "It appears that" guesses only when what follows is a cause: "it appears
/// that everything is back to normal" is the all-clear rule's.
static SEEMS: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)(?:seems|appears|looks|(?:does|did|would)\s+appear)\s+(?:that|as\s+(?:if|though))$|^it\s+(?:seems|appears|would\s+(?:seem|appear))$",
    )
});

static SPECULATION: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        &[
            r"(?i)\b(?:",
            BELIEFS,
            r")|\b",
            EVIDENCE,
            r"\b|",
            SPECULATION_ONLY,
        ]
        .concat(),
    )
});

/// "Signs suggest", "the data points": evidence read as a guess only when
/// what it points to is a cause ("early signs suggest the fix is working"
/// hedges a recovery).
static EVIDENCE_SAYS: LazyLock<Regex> = LazyLock::new(|| compile(&format!("(?i)^{EVIDENCE}$")));

/// "Looks like the", "appears to be a", "seems more like a": a hedge that
/// guesses a cause only when what follows is one.
static HEDGE: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)^(?:appears?|seems?|looks?)\s+(?:to\s+be|(?:at\s+least\s+|more\s+|rather\s+)?like)\s+(?:a|an|the)$",
    )
});

/// Words that make what follows a belief or hedge a cause after all, even
/// beside a recovery ("we believe it was caused by ..., and it is working
/// normally again").
static CAUSE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\b(?:caus\w*|due|because|result\w*|trigger\w*|blame|behind|culprit|reason|stem\w*|broke|messed\s+up|took\s+down|brought\s+down)\b",
    )
});

/// "Any inconvenience this may be causing" is an apology, not a guess.
/// A verb of finding right after "initial investigation": a fact, not a guess.
static FOUND_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"(?i)^\s+(?:showed|shows|found|confirmed|confirms|revealed|determined|established)\b")
});

/// What a first diagnosis turned out to be: "our initial diagnosis was
/// incorrect" takes a guess back, it makes none.
static RETRACTED: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"(?i)^\s+(?:incorrect|wrong|mistaken|inaccurate|not\s+(?:correct|right|accurate))\b")
});

/// Words before "initial investigation" that make it a stage of the work
/// ("during the", "began an", "upon").
static DURING: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\b(?:as\s+part\s+of|during|in|after|following|through|throughout|began|begun|begin|started|starting|launched|opened|conducted|conducting|completed)\s+(?:the|our|an|its|this)\s+$|\b(?:upon|on|after|following|during)\s+$",
    )
});

static APOLOGY: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\b(?:inconvenience|trouble|frustration|disruption|impact)\s+(?:that\s+|which\s+)?(?:this|it)\s+$",
    )
});

/// "Tried to analyse what the root cause may be": a question the team
/// asked itself, not a guess at its answer.
static ASKED_WHAT: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\b(?:what|whatever|which)\s+(?:the\s+|its\s+)?(?:(?:root|underlying|real|exact|actual)\s+)?$",
    )
});

/// A cause word that looks ahead to an effect: "may also cause disruption".
static FUTURE_EFFECT: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"(?i)^[^.!?]{0,20}?\b(?:may|might|could|will)\s+(?:also\s+|still\s+)?cause\b")
});

/// Who was hit, before "likely experienced": the impact is estimated.
static IMPACT_ON: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"(?i)\b(?:users|customers|clients|members|people|subscribers|you)\b[^,;]{0,60}$")
});

/// A belief held only if something comes to pass ("if we think it will be
/// of interest", "if we have reason to think the servers will be down"), or
/// one held at first and set aside ("Initially, we suspected a
/// configuration issue, but ..."): no guess at this incident's cause.
static NOT_HELD: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\b(?:if|unless|whenever)\s+(?:we\s+(?:have|had|find|see)\s+(?:any\s+|good\s+|a\s+)?)?$|\b(?:initially|at\s+first|originally|first)\s*,?\s+(?:we|i|the\s+team|our\s+team|engineers)\s+$|\b(?:we|i|team|engineers)\s+(?:initially|first|originally)\s+$",
    )
});

/// Who was hit, after "believed to have": "been most impacted", "affected
/// people across the country"; or when it
/// began: "is believed to have started at around 2:30pm".
static IMPACT_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)^\s+(?:(?:been|be)\s+(?:the\s+)?(?:(?:most|more|worst|hardest|badly|severely|partly|partially)\s+)?(?:impacted|affected|hit)|(?:affected|impacted)\b|(?:started|begun|began|occurred|ended|lasted)\s+(?:at|on|around|about|shortly|just|some|for|between|from|before|after)|been\s+(?:ongoing|under\s+way)\s+(?:since|for))\b",
    )
});

/// A fault described by what sets it off, right before "could be
/// triggered": "a bug that could be triggered by a rare setting" tells how
/// the known bug works, it guesses no cause.
static HOW_IT_WORKS: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\b(?:bug|defect|flaw|vulnerability|race\s+condition|condition|edge\s+case)\s+(?:that|which)\s+$",
    )
});

/// A suspicion then confirmed: "we verified the bug we suspected was the
/// root cause" reports a finding.
static CONFIRMED_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\b(?:verified|confirmed|determined|established|proved|proven)\b(?:\s+that)?\s+(?:[\w'’-]+\s+){0,4}$",
    )
});

/// "Pretty sure", "fairly confident": a belief, about the cause only if
/// what follows is ("pretty sure that the company is working as hard as it
/// could" is not).
static CONFIDENT: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)^(?:fairly|reasonably|quite|somewhat|moderately|pretty)\s+(?:confident|certain|sure)$",
    )
});

/// A sentence that opens by denying what follows: "No code changes".
static NONE_OF_THEM: LazyLock<Regex> =
    LazyLock::new(|| compile(r"(?i)^\s*(?:no|none\s+of\s+(?:the|our))\s+[^,;]{0,60}$"));

/// Words before "look" that make it a noun.
static A_LOOK: LazyLock<Regex> =
    LazyLock::new(|| compile(r"(?i)\b(?:a|the|good|bad|great|close|closer|quick|new|fresh)\s+$"));

/// A state of the service, not a cause: what "was suspected to be" means
/// when it is "down".
static DOWN_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"(?i)^\s+(?:down|offline|unavailable|out\s+of\s+service|not\s+working)\b")
});

pub(super) fn warm() {
    LazyLock::force(&A_LOOK);
    LazyLock::force(&IMPACT_AFTER);
    LazyLock::force(&HOW_IT_WORKS);
    LazyLock::force(&CONFIRMED_BEFORE);
    LazyLock::force(&NONE_OF_THEM);
    LazyLock::force(&NOT_HELD);
    LazyLock::force(&CONFIDENT);
    LazyLock::force(&DEGREE);
    LazyLock::force(&APOLOGY);
    LazyLock::force(&IMPACT_ON);
    LazyLock::force(&FUTURE_EFFECT);
    LazyLock::force(&SPECULATION);
    LazyLock::force(&BELIEF);
    LazyLock::force(&SEEMS);
    LazyLock::force(&NOT_ABOUT_CAUSE);
    LazyLock::force(&FOUND_AFTER);
    LazyLock::force(&RETRACTED);
    LazyLock::force(&DURING);
    LazyLock::force(&HEDGE);
    LazyLock::force(&EVIDENCE_SAYS);
    LazyLock::force(&CAUSE_AFTER);
    LazyLock::force(&ASKED_WHAT);
    LazyLock::force(&A_PROBLEM_ONLY);
    LazyLock::force(&DOWN_AFTER);
}

/// "An issue," and no more: a problem suspected to exist, with no cause named.
static A_PROBLEM_ONLY: LazyLock<Regex> =
    LazyLock::new(|| compile(r"(?i)^\s+(?:an?\s+)?(?:issue|problem)\s*[,.;]"));

/// A degree word right after "it seems": what follows is an opinion.
static DEGREE: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"(?i)^\s+(?:rather|very|quite|so|pretty|really|a\s+(?:bit|little))\s")
});

pub(super) fn find(text: &str) -> Vec<(usize, usize)> {
    SPECULATION
        .find_iter(text)
        .filter(|m| {
            let (_, end) = sentence_around(text, m.start());
            let rest = &text[m.end()..end.max(m.end())];
            let before = sentence_before(text, m.start());
            // "It looks like the dashboard loads normally" hedges a recovery,
            // not a cause, unless a cause follows.
            let belief = BELIEF.is_match(m.as_str())
                || SEEMS.is_match(m.as_str())
                || HEDGE.is_match(m.as_str())
                || CONFIDENT.is_match(m.as_str())
                || EVIDENCE_SAYS.is_match(m.as_str());
            let apology = APOLOGY.is_match(&text[..m.start()]);
            // "Users located in Canada likely experienced significant
            // latency" estimates the impact, not its cause, and so does
            // "are believed to have been most impacted".
            let impact = (starts_with_ignore_case(m.as_str(), "likely experienced")
                && IMPACT_ON.is_match(before))
                || IMPACT_AFTER.is_match(rest);
            // "There seems to be a big outage" hedges that a problem
            // exists, not what caused it.
            // "The system was suspected to be down" doubts that it is down,
            // not why.
            let existence = ends_with_ignore_case(&text[..m.start()], "there ")
                || (ends_with_ignore_case(m.as_str(), " be") && DOWN_AFTER.is_match(rest));
            // "No reason to suspect any damage" denies the guess, and so
            // does "No code changes correlated with the timing".
            let denied = (starts_with_ignore_case(m.as_str(), "reason")
                && (ends_with_ignore_case(&text[..m.start()], "no ")
                    || ends_with_ignore_case(&text[..m.start()], "any ")))
                || (starts_with_ignore_case(m.as_str(), "correlat")
                    && NONE_OF_THEM.is_match(before));
            // "Initial investigation showed that it had recovered" reports
            // what was found; "initial investigation suggests" still guesses.
            // "As part of the initial investigation, we restarted ..." names
            // a stage of the work, not what it suggests.
            let found = starts_with_ignore_case(m.as_str(), "initial ")
                && (FOUND_AFTER.is_match(rest)
                    || DURING.is_match(&text[..m.start()])
                    || RETRACTED.is_match(rest));
            // "As far as we can tell, no data was lost": the comma ends the
            // hedge, and what follows is what the belief is about.
            let about = rest.strip_prefix(',').unwrap_or(rest);
            // "It is possible that this may also cause some disruption"
            // foresees an effect; it guesses at no cause.
            let about_cause = (CAUSE_AFTER.is_match(rest) && !FUTURE_EFFECT.is_match(rest))
                || !NOT_ABOUT_CAUSE.is_match(about);
            // "Not a good look to have an outage" is a look, not a guess.
            let a_look =
                starts_with_ignore_case(m.as_str(), "look") && A_LOOK.is_match(&text[..m.start()]);
            let not_held = NOT_HELD.is_match(before);
            // "A bug that could be triggered by a rare setting" and "we
            // verified the bug we suspected" tell a fault already known.
            let known = (starts_with_ignore_case(m.as_str(), "could be triggered")
                && HOW_IT_WORKS.is_match(before))
                || (starts_with_ignore_case(m.as_str(), "suspected")
                    && CONFIRMED_BEFORE.is_match(before));
            let asked = ["cause", "culprit", "source", "reason", "trigger"]
                .iter()
                .any(|word| starts_with_ignore_case(m.as_str(), word))
                && ASKED_WHAT.is_match(before);
            // "Having already suspected an issue, we reverted" suspects
            // that something is wrong, not what caused it.
            let something_wrong =
                starts_with_ignore_case(m.as_str(), "suspected") && A_PROBLEM_ONLY.is_match(rest);
            // "It seems rather ridiculous" is an opinion, not a guess.
            let opinion = starts_with_ignore_case(m.as_str(), "it ") && DEGREE.is_match(rest);
            !(apology
                || asked
                || something_wrong
                || opinion
                || not_held
                || known
                || impact
                || found
                || existence
                || denied
                || a_look
                || (belief && !about_cause))
        })
        .map(|m| (m.start(), m.end()))
        .collect()
}
