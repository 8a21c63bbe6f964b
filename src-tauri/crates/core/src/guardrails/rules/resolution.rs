//! Premature resolution: all-clear wording, hedged or not ("resolved", "back
//! to normal", "should be working normally"), unless it is a hope, a
//! condition, a plan or a denial ("we will confirm once it is resolved").

use std::sync::LazyLock;

use regex::Regex;

use super::eta::{DAY_TIME, ETA_TIME};
use super::{
    FIX_TOLD, ITS_OWN_SYSTEMS, compile, ends_with_ignore_case, sentence_around, sentence_before,
    starts_with_ignore_case,
};

/// The all-clear phrases. Among them a fix told by how long it took ("the
/// issue took nearly seven hours to be resolved") and the kit a library or
/// a school names by itself ("computers are operational", "Internet and
/// online catalog are up"), and a fix said to ensure the service came back
/// ("ensuring immediate restoration of SSO functionality"), a status line's
/// "Restored across the site as of 10:08", and the hour it came back told
/// as how long it stayed down ("did not come back online until Monday
/// morning"), a radio station that "returned to air", offices that
/// "returned to offering full services", and computers "back in business"
/// in a headline with no verb (three of three tune sentences with the words
/// are all-clears), customers who "should be able to make calls again"
/// (the hedge does not make it less of an all-clear), and what someone
/// "were able to get … back up" (their web properties; "most customers"
/// back is still partial, so the words after "get" must be a whole: it,
/// them, everything, or the/their/our …).
static RESOLVED: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\b(?:(?m:^)\d{1,2}:\d{2}\s*(?:UTC|GMT|[a-z]{2,4}T)?\s*[-–—]\s+(?:[\w-]+\s+){1,8}?(?:recovers|ends|subsides?|(?:unavailability|outage|disruption|degradation|errors|interruption|downtime)\s+ceases)\b|(?:saw|seen|observed|achieved|reached|confirmed)\s+(?:[\w-]+\s+){0,6}?full\s+recovery\s+of\s+(?:[\w-]+\s+){0,2}?(?-i:[A-Z])[\w-]*|resolved|fixed|solved|remedied|all[\s-]clear|all\s+systems\s+(?:are\s+)?go|out\s+of\s+the\s+woods|back\s+to\s+(?:the\s+)?(?:normal|full\s+(?:operation|service|capacity|functionality))|(?:returned|returns)\s+to\s+(?:offering|providing)\s+full\s+services?|back\s+in\s+business|(?:returned|returns|came\s+back)\s+to\s+(?:the\s+)?(?:normal|healthy|zero|baseline|expected|typical|usual)|fully\s+(?:restored|recovered|operational|functional|mitigat\w*)|now\s+(?:be\s+)?fully\s+responsive|fully\s+responsive\s+again|(?:operating|functioning|working|flowing|processing|operate|loading|performing|running|behaving|delivered|sending)\s+(?:normally|nominally|stably|as\s+(?:normal|expected))|(?:accepting|processing|taking|handling)\s+(?:[\w-]+\s+){0,3}?(?:as\s+(?:usual|normal)|normally)|(?:you|customers|users|members)\s+(?:can|should)\s+now\s+(?:access|use|stream|watch|play|log\s+in|sign\s+in|connect|send|receive|make|load|place|view|pay|book|download|upload)|(?:is|are)\s+(?:now\s+)?(?:running|operating|working)\s+smoothly|(?:running|operating)\s+(?:quite\s+|very\s+|perfectly\s+)?stable(?:\s+again)?|(?:running|operating|performing)\s+at\s+(?:typical|normal|expected|usual)\s+levels|(?:running|operating)\s+(?:at|on)\s+full\s+capacity|(?:normal|healthy)\s+(?:levels|capacity|state|status|latency)|(?:has|have|had|was|were|is|are|['’]ve)\s+(?:now\s+|since\s+|been\s+|fully\s+|completely\s+|successfully\s+|gradually\s+|subsequently\s+|later\s+|quickly\s+|eventually\s+|finally\s+|soon\s+|then\s+)*(?:restored|recovered|mitigated|addressed|rectified|closed|corrected|repaired|remedied|reinstated|stabili[sz]ed|re-?opened)|stabili[sz]ed|remained\s+(?:normal|healthy)|normali[sz](?:ed|ing)|(?:has|have|had)\s+(?:now\s+)?cleared|(?:alerts?|alarms?)\s+cleared|(?:saw|seen|observed|achieved|reached|had)\s+(?:an?\s+)?(?:full|immediate|quick|rapid|complete)\s+recovery|(?:see|seeing|saw)\s+normal\s+(?:performance|operations?|service|traffic|activity|behaviou?r)|(?:were|was|have\s+been|has\s+been)\s+able\s+to\s+(?:safely\s+|fully\s+|successfully\s+)?(?:rectify|fix|resolve|restore|correct|re-?establish|recover|regain|mitigate)|restoring\s+normal|(?:thus|thereby)\s+restoring|resolving\s+the\s+(?:issue|problem)|backlog\b[^.!?]{0,60}?\b(?:was|has\s+been)\s+(?:fully\s+)?(?:processed|cleared)|(?:worked\s+(?:thru|through)|cleared|processed|drained)\s+(?:all\s+(?:of\s+)?)?(?:the|our)\s+(?:[\w-]+\s+)?backlog|(?:finished|completed)\s+(?:re-?)?processing\s+(?:(?:the|our|all)\s+)?(?:[\w-]+\s+)?backlog|all\s+(?:[\w-]+\s+){0,3}(?:have|has)\s+(?:now\s+)?been\s+(?:processed|delivered|sent|completed)|(?:pending|queued|delayed|stuck|backlogged|held|outstanding|remaining)\s+(?:[\w-]+\s+)?(?:items|messages|e-?mails|mail|jobs|requests|orders|payments|documents|files|notifications|transactions|tasks|reports|invoices|checks|webhooks|events|builds)\s+(?:were|was|have\s+been|has\s+been|are\s+now|is\s+now)\s+(?:all\s+|now\s+|successfully\s+|fully\s+|eventually\s+)*(?:processed|delivered|sent|completed|run|cleared)|(?:ceased|re-?established)|(?:errors?|issues?|problems?|faults?|bugs?)\s+corrected|(?:auto|self)-?healed(?:\s+itself)?|healed\s+itself|resulting\s+in\s+(?:a\s+)?clearing\s+of\s+the\s+(?:issue|problem)|(?:service|services|operations|system|systems|access|networking|connectivity|functionality|performance|capacity|levels|traffic|process|processes|platform|site|website|app|application|logins?|notifications|deliver(?:y|ies)|webhooks|messages|e-?mails|syncs|payments|builds|jobs)\s+(?:(?:has|have|had|was|were|is|are|now|gradually|fully|been|successfully)\s+){0,2}(?:restored|recovered|resumed)|(?:normal|full)\s+(?:[\w-]+\s+){0,2}?(?:(?:has|have|had|was|were|is|are|now|been)\s+){0,2}(?:resumed|restored)|(?:has|have)\s+(?:been|remained)\s+stable|stable\s+since|returned\s+to\s+service|(?:returned|came\s+back)\s+to\s+(?:the\s+)?air|back\s+on\s+(?:the\s+)?air|(?:brought|put|returned)\s+back\s+in(?:to)?\s+service|brought\s+(?:it|them|everything|(?:the\s+)?[\w-]+)\s+back\s+to\s+(?:an?\s+|its\s+|their\s+)?(?:operational|normal|working|healthy)\s+state|(?:came|coming)\s+back\s+in(?:to)?\s+(?:full\s+)?service|provided\s+an?\s+(?:immediate\s+|quick\s+|full\s+|permanent\s+)?fix\b|again\s+normally|normally\s+again|resumed\s+(?:an?\s+)?(?:normal|full|regular)\s+(?:operating\s+)?(?:service|operations?|functionality|performance|state)|resum(?:ed|es)\s+(?:[\w-]+\s+)?(?:processing|flowing)|resuming\s+(?:normally|as\s+normal|(?:full|normal)\s+operations)|(?:the\s+)?(?:service|(?:customer\s+)?sites|websites?|systems|platform)\s+(?:has\s+|have\s+)?(?:all\s+|fully\s+)?recovered|(?:recovered|came\s+back(?:\s+(?:online|up))?)\s+(?:fully\s+|completely\s+)?(?:at|around|by|shortly\s+after)\s+(?:approximately\s+|about\s+|roughly\s+)?\d{1,2}(?::\d{2})?|bec(?:a|o)me\s+normal(?:\s+again)?|(?:back\s+)?up[\s-]+and[\s-]+running|back\s+(?:up|online|on[\s-]line)|(?:up|healthy|accessible|available|reachable|working|flowing|loading|online|correct|succeeding|processing|sending|syncing|arriving|responding|completing|connecting|functioning|running|delivering|delivered|processed|sent|received|synced)\s+(?:again|once\s+(?:more|again))|fixing\s+(?:the\s+|it\s+|them\s+)?(?:[\w-]+\s+){0,2}?again|(?:systems?|e-?mail|phones?|websites?|sites?|services?|apps?|applications?|platform|network|internet|wi-?fi|logins?)\s+(?:is|are)\s+(?:now\s+|all\s+)?working\b|restoration\s+(?:of\s+(?:the\s+)?(?:service|access)\s+)?was\s+(?:instant|immediate|complete)|(?:ensuring|ensured)\s+(?:an?\s+)?(?:immediate|full|quick|prompt)\s+restoration\s+of\b|restored\s+(?:across|as\s+of)\b|(?:did\s+not|didn['’]t)\s+come\s+back\s+(?:online\s+|up\s+)?until\b|(?:is|are)\s+now\s+being\s+(?:delivered|processed|sent|synced|received)|(?:is|are)\s+now\s+(?:getting|going|coming)\s+through|(?:is|are)\s+now\s+(?:correctly|properly)\s+(?:configured|set\s+up|[a-z]+ing)\b|(?:is|are)\s+being\s+(?:delivered|processed|sent|synced|received)\s+(?:again|normally|as\s+(?:normal|usual))|(?:delivered|processed|sent)\s+without\s+(?:any\s+)?delay|(?:has|have)\s+(?:now\s+)?ended|(?:impact|incident|outage|disruption|interruption|maintenance|event)\s+(?:has|have)\s+(?:now\s+)?concluded|(?:customer\s+)?impact\s+(?:ends|ended)|(?:all\s+)?(?:services|systems)\s+(?:are|were)\s+(?:now\s+|readily\s+|fully\s+|again\s+)?(?:available|operational|up|healthy|online)|all\s+(?:sites|websites)\s+are\s+(?:now\s+)?(?:up|available|online)|(?:computers|internet|(?:online\s+)?catalog(?:ue)?|phones|phone\s+lines|e-?mail)\s+(?:is|are)\s+(?:now\s+|all\s+|fully\s+|again\s+)?(?:up|online|operational|available)\b|(?:is|are)\s+(?:now\s+)?under\s+control|(?:seem|seems|appear|appears)\s+to\s+be\s+working(?:\s+(?:again|normally|fine|now)|\s*,)|(?:appeared|appears|seemed|seems)\s+to\s+(?:be|have\s+been)\s+(?:fully\s+)?restored|operational\s+and\s+healthy|(?:is|are)\s+(?:now\s+)?over|on\s+time\s+again|(?:operating|running|departing|arriving)\s+(?:to|on)\s+schedule|consider\w*\s+(?:this|the)\s+(?:[\w-]+\s+)?(?:closed|over|done)|no\s+longer\s+(?:(?:reporting|showing|returning|throwing|logging)\s+(?:any\s+)?errors|(?:be\s+)?(?:affected|delayed|impacted|experienc\w*|seeing|see|receiv\w*|getting|encounter\w*|hitting|running\s+into|affect\w*|impact\w*|occur\w*|happen\w*|fail\w*))|everything\s+(?:is|looks)\s+(?:to\s+be\s+)?(?:fine|ok|okay|good|back)|(?:work|working|loads?|loading)\s+fine|(?:working|running|operating|flowing|sending)\s+without\s+(?:pause|interruption|issues?|problems?|errors?)|no\s+(?:further|additional|ongoing|residual|lingering)\s+(?:disruptions?|degradation|impact|issues|outages?|problems?|interruptions?|errors?|failures?|timeouts?|occurrences?|recurrences?)|(?:(?:do|does)\s+not|don[’']t|doesn[’']t)\s+(?:expect|anticipate)\s+(?:to\s+see\s+)?(?:any\s+)?(?:further|additional|more|other)|(?:do|does)\s+not\s+(?:expect|anticipate)\s+(?:[\w-]+\s+){1,4}?to\s+(?:fail|recur|happen|occur|break|go\s+down)\s+again|confirmed\s+to\s+be\s+(?:fully\s+)?(?:up|operational|working|available|back|online)|working\s+(?:quite\s+|very\s+|really\s+)?well|known[\s-]good\s+state|caught\s+up|(?:has|have)\s+not\s+(?:happened|recurred|occurred|returned|reoccurred|come\s+back)\s+(?:since|again)|(?:is|was|has\s+been|have\s+been)\s+(?:now\s+|fully\s+)?(?:squashed|eliminated)|(?:was|were|has\s+been|have\s+been)\s+fully\s+completed|(?:has|have)\s+since\s+been\s+(?:fully\s+)?completed|(?:work|works|maintenance|migration|upgrade|deployment|recovery|restoration|restoral|restore|restart|reboot|fail-?over|repairs?|re-?runs|reprocessing|backfill|splic\w*)\s+(?:process\s+(?:for\s+(?:[\w-]+\s+){1,3}?)?(?:that\s+|which\s+)?)?(?:(?:is|are|has\s+been|have\s+been|was|were)\s+(?:now\s+)?(?:fully\s+|mostly\s+|largely\s+|finally\s+)?)?complete(?:d)?|work\s+(?:[\w-]+\s+){1,8}?(?:was|were|has\s+been|have\s+been)\s+(?:now\s+)?(?:fully\s+|successfully\s+)?completed|now\s+(?:being\s+)?successfully|confirmed\s+(?:a\s+)?full\s+(?:resolution|recovery|restoration)|(?:corrected|rectified|repaired|remedied)\s+(?:the|this)\s+(?:[\w/-]+\s+)?(?:issue|problem|fault|error|defect|bug)|addressed\s+(?:the\s+|this\s+|these\s+|those\s+|all\s+)?(?:[\w-]+\s+)?(?:issues?|problems?|faults?|errors?|bugs?)|(?:conditions|connectivity|traffic)\s+(?:in\s+(?:the\s+)?(?:[\w-]+\s+){0,2})?recovered|returned\s+(?:the\s+|all\s+|our\s+)?(?:[\w-]+\s+){0,2}?to\s+service|(?:do|does)\s+not\s+(?:expect|anticipate)\s+(?:to\s+see\s+)?any\s+(?:[\w-]+\s+){1,4}?to\s+(?:occur|recur|continue|return)|(?:appeared|seemed|appears|seems)\s+to\s+(?:have\s+)?(?:resolve|resolved|fix|fixed|restore|restored|clear|cleared)\s+(?:the\s+|this\s+)?(?:issue|problem|fault|outage|incident)|(?:was|were)\s+able\s+to\s+(?:[\w-]+\s+){1,8}?and\s+(?:quickly\s+|fully\s+)?(?:fix|resolve|restore|remediate|rectify|correct)\s+the\s+(?:issue|problem|fault|outage)|(?:was|were|has\s+been|have\s+been)\s+able\s+to\s+get\s+(?:it|them|everything|everyone|(?:the|their|our|its|all)\s+(?:[\w-]+\s+){0,2}?)back\s+(?:up|online|on[\s-]line)|with\s+full\s+(?:recovery|restoration)|(?:was|were)\s+able\s+to\b[^.!?]{0,120}?\b(?:and|then)\s+(?:quickly\s+|fully\s+)?(?:resolve|fix|restore|rectify)\s+(?:it|service|the\s+(?:issue|problem|fault|outage))|(?:functioning|working|operating|performing)\s+(?:properly|correctly|as\s+intended)|(?:is|are)\s+now\s+(?:available|accessible|operational|healthy|stable|online)|(?:is|are|was|were|['’]re|['’]s)\s+(?:now\s+|fully\s+|all\s+)?back|(?:looking|looks)\s+(?:good|healthy|normal|stable)|all\s+good|(?:has|have)\s+(?:now\s+)?gone\s+away|went\s+away|(?:issue|problem|incident|impact|outage)\s+(?:(?:has\s+been|have\s+been|was|is|now)\s+)?mitigated|(?:issues|problems|errors|failures)\s+(?:have\s+|had\s+)?recovered|(?:errors?|failures?|issues?|problems?|symptoms?|latency|timeouts?)\s+(?:have|has|had)\s+(?:now\s+)?(?:stopped|ceased|subsided|disappeared|abated)|subsided|(?:error|failure|timeout)\s+rates?\s+(?:has\s+|have\s+)?(?:dropped|fell|fallen|went|gone|returned|came)\s+(?:back\s+)?(?:down\s+)?to\s+(?:0\s?%\s*\w*|zero|nil|none)|(?:can|could)\s+(?:now\s+)?(?:get|log|sign)\s+(?:back\s+)?in\s+again|(?:can|could|should\s+(?:now\s+)?be\s+able\s+to)\s+(?:now\s+)?(?:make|receive|use|access|send|pay|book|view|load|connect|check|transact|withdraw|place)\s+(?:[\w-]+\s+){0,4}?(?:again|once\s+(?:more|again))|get\s+in\s+again|(?:allow|allowing|allows|allowed|let|lets|letting)\s+(?:you|users|customers|everyone|players|members)\s+(?:to\s+)?(?:[\w-]+\s+){1,3}?(?:again|once\s+(?:more|again))|able\s+to\s+(?:[\w-]+\s+){1,3}?now\b|successfully\s+(?:restarted|rebooted|migrated|upgraded|completed)|(?:restarted|rebooted|migrated|upgraded)\s+successfully|now\s+(?:be\s+)?able\s+to\s+(?:access|log\s+in|sign\s+in|use|connect|send|receive|complete|make|load)|stayed\s+stable|(?:(?:maintenance|mitigation|remediation|repair|recovery)\s+(?:actions?|works?|steps?)|actions\s+taken\s+to\s+(?:mitigate|remediate|repair|recover|fix|resolve)(?:\s+(?:it|this|the\s+issue))?)\s+(?:was|were|has\s+been|have\s+been)\s+successful|(?:have|has)\s+not\s+seen\s+(?:a|any)\s+(?:return|recurrence|repeat|reoccurrence)|(?:systems?|services?|platform|performance|instance|everything|things)\s+(?:is|are|has\s+been|have\s+been)\s+(?:now\s+|currently\s+)?stable\b|resolution\s+was\s+(?:achieved|reached)|(?:we|everything|things|it)(?:['’]re|\s+are|\s+is|['’]s)\s+(?:all\s+)?(?:ok|okay)\s+(?:now|again|for\s+now)|marking\s+(?:this\s+)?incident\s+as\s+(?:resolved|closed)|(?:is|are)\s+(?:now\s+)?behind\s+us|(?:settled|calmed)\s+down|(?:restarts?|restarted|resumes?|resumed)\s+at\s+(?:a\s+)?normal\s+(?:rate|pace|speed|levels?)|(?:all\s+)?green\s+again|all\s+(?:systems\s+|services\s+)?green|(?:not|n['’]t)\s+(?:being\s+)?(?:affected|impacted)\s+any\s*(?:more|longer)|closing\s+(?:out\s+)?(?:this|the)\s+(?:incident|issue)|(?:total\s+)?time\s+to\s+(?:resolution|resolve|recovery|restoration)\s+was|took\s+(?:us\s+|the\s+team\s+|engineers\s+|them\s+)?(?:about\s+|almost\s+|nearly\s+|around\s+|approximately\s+|over\s+|just\s+|some\s+)?(?:a\s+few|a\s+couple\s+of|[\w-]+)\s+(?:more\s+)?(?:minutes?|hours?|days?)\s+to\s+(?:be\s+(?:fixed|resolved|solved|restored|repaired)|fix|resolve|solve|restore|repair|mitigate|recover|get\s+(?:[\w'’-]+\s+){0,3}?back|(?:completely\s+|fully\s+)?(?:re-?)?(?:synchroni[sz]e|sync|catch\s+up))|confirmed\s+back\s+online|resolved\s+itself|recovered\s+on\s+(?:their|its)\s+own|(?:has|have|had)\s+(?:now\s+|all\s+)?(?:come|came)\s+back|backonline|(?:has|have|had)\s+(?:now\s+)?been\s+lifted|(?:are|is|were|was)\s+now\s+lifted|once\s+again\s+(?:be\s+able\s+to\s+)?(?:log|sign|access|use|connect|reach|send|receive|load|view)|(?:restored|returned)\s+(?:(?:them|it|everything|all)\s+)?to\s+(?:their|its)\s+(?:original|previous|normal)\s+state|helped\s+(?:to\s+)?(?:restore|resolve|fix|recover|clear)|\b(?:this|which|that)\s+(?:recovered|restored)\s+(?:the|our)\b|(?:has|have)\s+completed\s+(?:our|the|its|all)\s+(?:[\w-]+\s+)?(?:checks|work|maintenance|repairs?|migration|upgrade)|(?:have|has)\s+(?:now\s+)?all\s+been\s+(?:processed|delivered|sent|completed|cleared)|all\s+(?:of\s+)?(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:were|was)\s+(?:successfully\s+|fully\s+|all\s+|eventually\s+|properly\s+|correctly\s+)?(?:processed|delivered|sent|cleared)|all\s+(?:[\w-]+\s+){1,3}?can\s+(?:now\s+|again\s+)?be\s+(?:completed|signed|opened|accessed|used)|queues?\s+(?:were|was|have\s+been|has\s+been)\s+(?:now\s+)?(?:fully\s+)?(?:cleared|drained|emptied)|(?:completed|finished)\s+(?:the\s+)?(?:mitigation|recovery|restoration|remediation)|(?:allowed|enabled)\s+(?:us|the\s+team|our\s+team|(?:our\s+)?engineers|them)\s+to\s+(?:fully\s+)?(?:restore|recover|resolve|fix)|allowed\s+(?:the\s+|our\s+)?(?:[\w-]+\s+){0,3}?to\s+(?:fully\s+)?(?:recover|resume)\b|became\s+(?:fully\s+)?(?:healthy|stable|operational|available|responsive|accessible)|restored\s+(?:(?:our|the|full|normal|all)\s+){0,2}(?:functionality|service|services|access|connectivity|operations|power)|confirmed\s+(?:full\s+|complete\s+)?stability|(?:back\s+)?in\s+(?:good\s+|full\s+)?working\s+order|(?:is|are)\s+(?:now\s+|all\s+)?reporting\s+(?:as\s+)?(?:healthy|normal|operational|green)|back\s+to\s+(?:the\s+)?(?:baseline|pre-incident\s+levels|(?:usual|expected)\s+levels))\b",
    )
});

/// Words just before "resolved" that make it a hope, a condition or a denial.
/// The last word may run up to the match: "as soon as we're back" starts at
/// the contraction, leaving "we" with no space after it.
static NOT_A_CLAIM: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)(?:\bnot|n['’]t|\bawait\w*|\bwaiting\s+(?:for|on)|\bbelieved|\bthought|\buntil|\bonce|\bas\s+soon\s+as|\bwhen|\bafter|\bbefore|\bif|\byet|\bto\s+be|\bto\s+get|\bto\s+have|\bget|\bgets|\bgetting|\bwill\s+be|\bwill|['’]ll|\bshould|\bbe|\bwhether|\b(?:to|please|and|before|then)\s+(?:confirm|verify)(?:\s+that)?|\b(?:confirming|verifying)(?:\s+that)?|\bassert(?:\s+that)?|\bguarantee(?:\s+that)?|\bsure(?:\s+that)?|\bsay|\bcall|\bhope|\bhoping|\bexpect\w*|\btypically|\busually|\bgenerally|\btrending|\bheading|\bstart\w*|\bbegin\w*|\bbegan|\bworking\s+on|\bcome|\bcoming|\bbring|\bbringing|\bensure|\breturn|\breturning|\brecovering|\bcertain(?:ty)?(?:\s+that)?|\bcontinu\w*\s+to|\bprogress\w*|\botherwise|\brefresh\w*|\bretry\w*|\btrying\s+again|\btry\s+again|\breload\w*)\s+(?:[\w'’]+\s+){0,5}[\w'’]*$|\b(?:bring|bringing)\s+(?:[\w'’-]+\s+){0,9}$|\b(?:await\w*|waiting\s+(?:for|on))\s+(?:[\w'’-]+\s+){0,8}that\s+(?:[\w'’]+\s+){0,3}[\w'’]*$|\b(?:in\s+order|so\s+as|aim\w*|try\w*|attempt\w*)\s+to\s+$|\bnot\s+yet\s+(?:issued|declared|given|announced|posted|called)\b[^.!?]{0,60}$|\b(?:once|when|until|after)\s+(?:[\w'’]+\s+){0,6}?(?:verified|confirmed|checked)\s+(?:that\s+)?(?:[\w'’]+\s+){0,3}$|\b(?:being|ceased|stopped)\s+$|(?:^|[,;:]\s*)(?:but\s+|and\s+)?no\s+(?:[\w'’-]+\s+){0,3}$|\b(?:provide|give|issue|post|send)\s+(?:the|an?|our)\s+$|\b(?:can|could)\s+$",
    )
});

/// A condition that goes on past "and": "until every user is back online
/// and latency has recovered", "once the engineer has left site and all
/// works are completed". The condition is captured so that one told in the
/// past ("as soon as we had investigated and understood") stays history.
static CONDITION_GOES_ON: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\b(?:until|once|as\s+soon\s+as|unless)\s+((?:[\w'’-]+\s+){1,9})and\s+(?:[\w'’]+\s+){0,5}[\w'’]*$",
    )
});

/// "Reverted shortly after and processing returned to normal": "after" as an
/// adverb ends its clause and makes no condition of what follows. So does
/// "after that": "after that the error rate dropped to 0%" is what happened
/// next, not a condition ("after this is fixed" still is one).
static AFTER_AS_ADVERB: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\b(?:shortly|soon|immediately|right|not\s+long)\s+after(?:wards?)?\s*(?:,|\band\b)|\b(?:(?:shortly|soon|immediately|right)\s+)?after\s+(?:that|this)\s*(?:[,;]|\s(?:the|our|all|it|we|everything|things|service|services)\b)",
    )
});

/// "Is once again up and running": "once" before "again" or "more" says
/// it came back, it sets no condition ("once it is back").
static ONCE_AGAIN: LazyLock<Regex> = LazyLock::new(|| compile(r"(?i)\bonce\s+(again|more)\s+$"));

/// "Found a workaround to get all systems working again": a fix found to
/// get something back tells what it did, not what someone still aims for.
static FOUND_A_FIX_TO: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\b(found|used|applied)\s+(an?\s+(?:[\w-]+\s+)?(?:workaround|fix|solution|way))\s+to\s+get\s+",
    )
});

/// "We'll continue to monitor closely but we don't anticipate any other
/// regression": "but" with a new subject starts a clause of its own, so a
/// promise before it makes no hope of what follows; so does "but" just
/// before the all-clear ("delayed when applying the fix but has since been
/// completed").
static BUT_ANEW: LazyLock<Regex> =
    LazyLock::new(|| compile(r"(?i)\s+but\s+(?:(we|it|everything|things)\b|$)"));

/// What might have been: "should have", "would have", "could have".
static COULD_HAVE: LazyLock<Regex> =
    LazyLock::new(|| compile(r"(?i)\b(?:should|would|could|might|must)\s+$"));

/// A hedged all-clear is still an all-clear: "should be working normally",
/// "appears to be resolved", "you should see that this is no longer
/// affecting new requests", "you should know that our services are now
/// stable", "we now consider this issue to be resolved".
static HEDGED_CLEAR: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\b(?:should|appears?\s+to|seems?\s+to)\s+(?:now\s+|all\s+)?(?:be\s+)?(?:[\w'’]+\s+){0,2}$|\bshould\s+(?:now\s+)?(?:see|notice|find|know|note)\s+that\s+(?:[\w'’]+\s+){0,3}$|\b(?:consider|considers|considered|deem|deems|deemed)\s+(?:[\w'’-]+\s+){1,5}to\s+(?:be\s+|have\s+been\s+)$",
    )
});

/// "Restored to about 80% of those affected", "restored for most customers":
/// part of the way back is progress, not an all-clear. Only for words of
/// restoring: "fully resolved for most users" still claims the fix.
/// "Most services were restored", "most of its critical computer systems
/// were back online", "92% of the impact was mitigated": part
/// of the service named before the restoring words, and "Only the folder
/// names were restored".
static PARTIAL_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\b(?:most|some|many|several|half|part|(?:the\s+)?majority)\s+(?:of\s+(?:the\s+|our\s+|its\s+|their\s+)?(?:[\w'’-]+\s+){0,3}|(?:[\w'’-]+\s+){0,2})$|\b\d+(?:\.\d+)?\s*(?:%|percent)\s+of\s+(?:the\s+|our\s+|all\s+)?(?:[\w'’-]+\s+){0,2}$|^\s*only\s+(?:the|some|a|part|one|two|three|\d+)\b[^.!?]*$",
    )
});

/// "The website is back, but payments are still failing": the all-clear
/// covers one part while the sentence says another is still broken, and so
/// does "running again but with some limitations".
static BUT_STILL: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)^[^.!?]*?\b(?:but|however|although|though|whereas)\b[^.!?]*?\b(?:still\s+(?:[\w'’-]+\s+){0,2}?(?:failing|fail|down|unavailable|unresponsive|unreachable|affected|impacted|degraded|slow|broken|offline|delayed|delays|erroring|not\s+working|seeing\s+errors|experienc\w+\s+(?:errors|issues|problems))|still\s+(?:[\w'’-]+\s+){0,2}?(?:higher|elevated|worse|slower)\s+than\s+(?:usual|normal|expected|before)|still\s+(?:have|has|had|see|seeing)\s+no\b|not\s+yet\s+(?:restored|working|available|fixed|resolved|back)|(?:became|went|goes|becomes)\s+(?:unreachable|unavailable|unresponsive|offline)|(?:may|might|will)\s+continue\s+to\s+(?:notice|see|experience|encounter|face)|with\s+(?:some\s+)?(?:limitations|restrictions|reduced\s+(?:capacity|functionality)))\b",
    )
});

/// "Customers should be able to make calls again once the repair is
/// complete": a condition still to come after the hedged all-clear makes it
/// a forecast ("… again after the local end of the network failed" tells
/// what happened before).
static STILL_TO_COME: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)^\s*,?\s*(?:once|when|whenever|as\s+soon\s+as|if)\b|^\s*,?\s*after\s+(?:[\w'’-]+\s+){1,6}?(?:is|are|has\s+been|have\s+been)\b",
    )
});

/// "Resolving the issue as soon as possible" is an aim, not a claim.
static AIM_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"(?i)^\s*(?:[\w'’-]+\s+){0,3}?as\s+(?:soon|quickly|fast)\s+as\s+(?:possible|we\s+can)")
});

/// A share of the whole, "over 98%": after a recovery it makes it partial.
const SHARE: &str = r"(?:(?:about|approximately|around|nearly|almost|over|roughly|more\s+than|up\s+to)\s+)?\d+(?:\.\d+)?\s*(?:%|percent)";

/// The words after a recovery that make it partial: "restored to about
/// 80%", "for most customers", "back to limited capacity", "restored electric
/// service in portions of the city".
static PARTIAL: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"(?i)^\s+{SHARE}\s+of\b|^\s+(?:(?:the\s+)?(?:[\w-]+\s+)?(?:service|services|access|power|connectivity|functionality|it|them|everything)\s+)?(?:(?:to|for)\s+(?:(?:about|approximately|around|nearly|almost|over|roughly|more\s+than|some|most|many|half|part|the\s+(?:vast\s+)?majority)\b|\d+(?:\.\d+)?\s*(?:%|percent))|in\s+(?:some|many|most|several|certain|(?:parts?|portions?|areas?|sections?)\s+of)\b|to\s+(?:an?\s+)?(?:intermittent|partial|limited|degraded|reduced|slow|patchy|spotty)\b|to\s+\d[\d,]*\s+(?:of|out\s+of)\s)",
    ))
});

/// "While the affected servers are restored" is the time a fix takes, up to
/// the all-clear words; "while the issue was resolved" still says it was.
static WHILE_UNDER_WAY: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"(?i)\bwhile\s+(?:[\w'’-]+\s+){0,4}?(?:is|are|being)\s+(?:[\w'’-]+\s+){0,2}?[\w'’-]+$")
});

/// A quotation somebody said ("the council said that its “systems are
/// back up and running again now”") is a statement, however short.
static SAID_BEFORE_QUOTE: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\b(?:said|says|stated|states|announced|confirmed|tweeted|wrote|added|told\s+\w+|said\s+to\s+be)(?:\s+that)?(?:\s+(?:its|their|the|our|all))?\s*$",
    )
});

/// A verb that makes the quote after it its complement: "systems were
/// “back online”", "despite IT systems being “back to normal”".
static CLAIM_BEFORE_QUOTE: LazyLock<Regex> =
    LazyLock::new(|| compile(r"(?i)\b(?:is|are|was|were|being|been)\s*$"));

/// Said just before the all-clear words: what follows was never hit, and
/// so is what another party vouches for as its own ("Visa confirmed that
/// its systems were working normally"; a lead's own systems are "ours").
static NEVER_HIT: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"(?i)\b(?:not\s+(?:been\s+)?(?:affected|impacted)|unaffected)\b[^.!?]{{0,20}}$|\b(?:confirmed|said|says|stated|insisted|stressed|added)\s+(?:that\s+)?{ITS_OWN_SYSTEMS}\s+$",
    ))
});

/// "Should soon be resolved" predicts an all-clear; it does not hedge one.
static SOON: LazyLock<Regex> =
    LazyLock::new(|| compile(r"(?i)\b(?:soon|shortly|later|eventually)\s+(?:[\w'’]+\s+){0,2}$"));

/// "Every other alerting source is working normally" and "alternative
/// payment methods are functioning as normal" say what was never hit,
/// unless "now" or "again" makes it a recovery.
static THE_OTHERS: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)^\s*(?:[\w-]+\s+)?(?:(?:every|all|any)\s+(?:(?:of\s+)?the\s+)?other|other|alternative|alternate)\b(?:[^.!?]*)$",
    )
});

static NOW_OR_AGAIN: LazyLock<Regex> =
    LazyLock::new(|| compile(r"(?i)\b(?:now|again|once\s+more)\b"));

static BACKS_UP: LazyLock<Regex> =
    LazyLock::new(|| compile(r"(?i)\b(?:would|will|to|could|can|may|might|then|and)\s+$"));

/// "Network exceptions spike up again" is the trouble rising, and "the
/// weather ballsing things up again" someone spoiling things, not the
/// service coming up.
static RISES_UP: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\b(?:spik\w*|flar\w*|ramp\w*|shot|pick\w*|fir(?:e|es|ed|ing)|crept|creep\w*|bump\w*)\s+$|\b(?:mess|screw|balls|foul|muck|cock|louse)\w*\s+(?:things|it|everything|stuff)\s+$",
    )
});

/// "Even after the power was fully restored": "after" with the past tense
/// tells what happened, not a condition.
static AFTER_THEN: LazyLock<Regex> =
    LazyLock::new(|| compile(r"(?i)\bafter\s+(?:[\w'’-]+\s+){1,3}?$"));

/// "Once the backend was reachable again", "when the provider was available
/// again": a clause in the past tells what happened, where the present
/// ("once it is available again") sets a condition. Only for "again": the
/// corpus reads "once this issue was resolved" and "when the power was
/// restored" as background to other news as often as not.
static PAST_CLAUSE: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\b(?:after|before|until|till|once|when|as\s+soon\s+as)\s+(?:[\w'’-]+\s+){0,5}?(?:was|were|had)\s+(?:[\w'’-]+\s+){0,4}?[\w'’-]+$",
    )
});

/// "After our host restored functionality" tells what happened: "restored"
/// with its object is a verb in the past, unless an auxiliary makes it a
/// plan ("once we have restored service").
static WILL_HAVE: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"(?i)\b(?:have|has|['’]ve|had|will|to|be|been|being)\s+(?:[\w'’-]+\s+)?$")
});

/// What was saved rather than brought back: "recover the data", "recover
/// all lost emails", "recover a significant percentage of the email data".
static RECOVERED_WHAT: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)^(?:(?:a|the)\s+(?:(?:significant|large|small|high|good|substantial|big)\s+)?(?:percentage|portion|proportion|share|part|fraction)\s+of\s+)?(?:(?:the|all|our|any|most|some|their|your|lost|missing|deleted|affected|corrupted)\s+)*(?:data|files?|records?|e-?mails?|messages?|information|backups?|snapshots?|content|orders?|documents?|photos?)\b|^(?:the\s+)?\d+\s*[TGM]B\s+(?:[\w-]+\s+)?(?:snapshots?|backups?)\b",
    )
});

/// Where a restore came from: "it was restored from backup", "had to be
/// restored from backup tapes" tell the procedure, not the recovery (none
/// of four tune sentences is an all-clear).
static FROM_BACKUP: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"(?i)^from\s+(?:an?\s+|the\s+|our\s+)?(?:[\w-]+\s+){0,2}?backups?\b")
});

/// "Back at baseline", "back at normal levels": a measure where it belongs.
static BACK_AT_LEVEL: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)^at\s+(?:the\s+)?(?:baseline|pre-incident|(?:normal|usual|expected|typical|healthy)\s+(?:levels?|rates?|values?))\b",
    )
});

/// Whether the matched words open with a past-tense auxiliary.
fn starts_past(said: &str) -> bool {
    ["was ", "were ", "had "]
        .iter()
        .any(|aux| said.starts_with(aux))
}

/// A fix told in the present tense with how long it takes: "breaks are
/// repaired, and water is back on within 48 hours".
static FIX_WITHIN: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"(?i){FIX_TOLD}(?:,?\s+and\s+(?:[\w'’-]+\s+){{0,3}}?(?:is|are)\s+back(?:\s+on|\s+online|\s+up)?)?\s+within\s+(?:the\s+(?:next|coming)\s+|(?:about|around|roughly|approximately|up\s+to|under|less\s+than)\s+)?(?:\d|an?\s+(?:few\s+|couple\s+of\s+)?(?:minute|hour|day|week)|a\s+matter\s+of\s+(?:minutes|hours|days)|(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|thirty|forty|several|few)\b|the\s+(?:hour|day|week)\b)",
    ))
});

/// How things stood before it broke: "every subsystem was operating within
/// normal levels until the moment our service stopped", "all systems were
/// fine up until that event".
static BEFORE_IT_BROKE: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\b(?:up\s+)?until\s+(?:the\s+moment|that\s+(?:event|moment|point)|the\s+(?:event|incident|outage))\b|\bprior\s+to\s+the\s+(?:incident|outage|event)\b",
    )
});

/// Something dropped, just before it was re-established.
static FLAPPED: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"(?i)\b(?:dropped|lost|disconnected|reset|terminated)\b[^.!?]{0,60}\band\s+$")
});

/// What keeps a service up rather than brings it back: "remained", "stayed",
/// "kept everything in the building".
static KEPT_UP: LazyLock<Regex> =
    LazyLock::new(|| compile(r"(?i)\b(?:remained|stayed|kept(?:\s+[\w'’-]+){0,5})\s+$"));

/// The all-clear words that say how a service behaves, which "still" before
/// them turns into "it never stopped".
static WORKING_AS_USUAL: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)(?:normally|nominally|as\s+(?:normal|expected|usual)|properly|correctly|fine|smoothly|well|working\s+order)$",
    )
});

/// "Until the issue was fixed": "until" with the past, up to the all-clear.
static UNTIL_THEN: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\buntil\s+(?:[\w'’]+\s+){0,3}?(?:was|were|had\s+been)\s+(?:fully\s+|completely\s+|finally\s+)?$",
    )
});

/// When it happened, right after the all-clear: "at around 11am", "at 11:20".
static AT_A_TIME: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)^\s*(?:at|by|around)\s+(?:about\s+|around\s+|approximately\s+)?\d{1,2}(?:[:.]\d{2}|\s*(?:am|pm|a\.m\.|p\.m\.))",
    )
});

static PAST: LazyLock<Regex> = LazyLock::new(|| compile(r"\b(?:was|were|had)\b"));

/// A temporal word right after a clock time or a date: what follows it is
/// what happened then. So is a length before it: "approximately 3 hours
/// before all services were fully restored".
static AFTER_A_TIME: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)(?:\d|\b(?:am|pm|utc|gmt|[a-z]{2,4}t|morning|afternoon|evening|night|yesterday|today))\)?\s*,?\s+(?:when|until|once)\s+(?:[\w'’]+\s+){0,3}$|\b\d+\s+(?:seconds?|minutes?|hours?|days?)\s+before\s+(?:[\w'’]+\s+){0,3}$",
    )
});

pub(super) fn warm() {
    LazyLock::force(&PAST);
    LazyLock::force(&KEPT_UP);
    LazyLock::force(&FLAPPED);
    LazyLock::force(&FIX_WITHIN);
    LazyLock::force(&BACK_AT_LEVEL);
    LazyLock::force(&RECOVERED_WHAT);
    LazyLock::force(&FROM_BACKUP);
    LazyLock::force(&PAST_CLAUSE);
    LazyLock::force(&WILL_HAVE);
    LazyLock::force(&WORKING_AS_USUAL);
    LazyLock::force(&JUST_WORKING);
    LazyLock::force(&UNTIL_THEN);
    LazyLock::force(&AT_A_TIME);
    LazyLock::force(&BACKS_UP);
    LazyLock::force(&AFTER_A_TIME);
    LazyLock::force(&THE_OTHERS);
    LazyLock::force(&NOW_OR_AGAIN);
    LazyLock::force(&RESOLVED);
    LazyLock::force(&NOT_A_CLAIM);
    LazyLock::force(&COULD_HAVE);
    LazyLock::force(&CONDITION_GOES_ON);
    LazyLock::force(&BUT_ANEW);
    LazyLock::force(&RISES_UP);
    LazyLock::force(&BEFORE_IT_BROKE);
    LazyLock::force(&HEDGED_CLEAR);
    LazyLock::force(&AFTER_AS_ADVERB);
    LazyLock::force(&FOUND_A_FIX_TO);
    LazyLock::force(&ENSURE_THE_RETURN);
    LazyLock::force(&NOT_OVER);
    LazyLock::force(&SOON);
    LazyLock::force(&PARTIAL);
    LazyLock::force(&NEVER_HIT);
    LazyLock::force(&SAID_BEFORE_QUOTE);
    LazyLock::force(&CLAIM_BEFORE_QUOTE);
    LazyLock::force(&PARTIAL_BEFORE);
    LazyLock::force(&AIM_AFTER);
    LazyLock::force(&STILL_TO_COME);
    LazyLock::force(&BUT_STILL);
    LazyLock::force(&CLOSED_WHAT);
    LazyLock::force(&SHUT_PLACE);
    LazyLock::force(&CLOSES_AN_INCIDENT);
    LazyLock::force(&WHILE_UNDER_WAY);
    LazyLock::force(&AFTER_THEN);
}

/// What is still broken or still recovering: "card payments are failing
/// for all customers" reads like "resolved for all customers" to a bag of
/// words, "performance has improved" like "has recovered", and "restored
/// over 98% of capacity" like "restored", but none is an all-clear.
static NOT_OVER: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"(?i)\b(?:failing|fail|fails|unable|cannot|can['’]?t|can\s+not|(?:was|were)n['’]t\s+able|(?:was|were|is|are)\s+not\s+able|could\s+not|couldn['’]t|investigat\w*|experiencing|degraded|outage|down|slow|slower|delayed|errors?|timeouts?|timing\s+out|intermittent\w*|disrupt\w*|improv\w*)\b|\b(?:restored|recovered|mitigated)\s+{SHARE}",
    ))
});

/// What follows "closed" when something was shut: "closed the line",
/// "closed down", "closed for repairs", "is closed today".
static CLOSED_WHAT: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)^(?:the|a|an|our|its|their|all|some|several|down|off|for|today|tonight|tomorrow|until|till|on|due|because|while|at|from|during)\b",
    )
});

/// A place that is shut, just before "had been closed", or a department
/// or desk shut for the night ("while our customer support department was
/// closed").
static SHUT_PLACE: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\b(?:branch(?:es)?|offices?|departments?|desks?|shops?|stores?|roads?|stations?|schools?|bridges?|airports?|borders?|campus(?:es)?|librar(?:y|ies)|cent(?:er|re)s?|restaurants?|parks?)\s+$",
    )
});

/// What an all-clear closes: an incident, a ticket, a case.
static CLOSES_AN_INCIDENT: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\b(?:incidents?|issues?|tickets?|cases?|investigations?|outages?|events?|matters?|problems?|maintenance|disruptions?|alerts?|MBORC)\b",
    )
});

/// The trouble itself just before "is back": "the problem is back".
static TROUBLE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\b(?:problems?|issues?|outages?|faults?|errors?|bugs?|slowness|trouble|disruptions?|symptoms?)\s+$",
    )
});

/// A system said to be working, which [`find`] checks for work going on.
static JUST_WORKING: LazyLock<Regex> =
    LazyLock::new(|| compile(r"(?i)\s(?:is|are)\s+(?:now\s+|all\s+)?working$"));

/// Whether `sentence` holds an all-clear phrase the rule judges.
pub(super) fn says_all_clear(sentence: &str) -> bool {
    RESOLVED.is_match(sentence)
}

/// A return to service named as what the work is for: "changing the
/// setting to ensure the restoration of logins", "monitor recovery and
/// ensure return to normal service". ("Ensuring immediate restoration"
/// tells a fix that did it, and stays an all-clear.)
static ENSURE_THE_RETURN: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\bensure\s+(?:an?\s+|the\s+)?(?:(?:full|complete|prompt|quick|safe|timely)\s+)?(?:restoration|return|recovery)\b",
    )
});

/// Whether the rule settles `sentence` itself, so the learned model leaves
/// it alone: it holds an all-clear phrase the rule judges (found or
/// excused), it says what is still broken or still recovering, or it names
/// the return to service as the aim of the work.
pub(super) fn settled(sentence: &str) -> bool {
    says_all_clear(sentence)
        || NOT_OVER.is_match(sentence)
        || BEFORE_IT_BROKE.is_match(sentence)
        || ENSURE_THE_RETURN.is_match(sentence)
}

pub(super) fn find(text: &str) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    let mut fixes_sentence = None;
    let mut fixes_within: Vec<(usize, usize)> = Vec::new();
    for m in RESOLVED.find_iter(text) {
        let before = sentence_before(text, m.start());
        let (start, end) = sentence_around(text, m.start());
        // "Should be fixed by 16:00" or "should be back to normal tomorrow
        // morning" promises a time: that is the ETA rule's.
        // Only the clause that follows can hold that time: "appears to be
        // resolved now, though it started at 11 AM" promises nothing.
        let sentence = &text[start..end.max(m.end())];
        let rest = &text[m.end()..end.max(m.end())];
        let clause = rest.split([',', ';']).next().unwrap_or(rest);
        let hedged = HEDGED_CLEAR.is_match(before)
            && !SOON.is_match(before)
            && !ETA_TIME.is_match(clause)
            && !DAY_TIME.is_match(clause);
        // "Once the system had been fully restored" is history, not a hope.
        let said = m.as_str().to_ascii_lowercase();
        // "Between 17:30 and 18:30, when services were restored" tells
        // history; "when services are restored" is a condition.
        // "Unavailable until the issue was fixed at around 11am" is history
        // too: "until" with the past and a time tells when it ended.
        let history = said.starts_with("had ")
            || (PAST.is_match(&said) && AFTER_A_TIME.is_match(before))
            || (AFTER_THEN.is_match(before) && starts_past(&said))
            || (UNTIL_THEN.is_match(before) && AT_A_TIME.is_match(clause))
            || (said.ends_with("again")
                && PAST_CLAUSE.is_match(&text[m.start() - before.len()..m.end()]))
            || (said.starts_with("restored ") && !WILL_HAVE.is_match(before));
        // "Breaks are repaired, and water is back on within 48 hours" tells
        // how long fixes take: a promised time, the ETA rule's.
        // Several all-clear phrases can share one sentence, so its fixes
        // told with a time are found once per sentence, not once per phrase.
        let reach = end.max(m.end());
        if fixes_sentence != Some((start, reach)) {
            fixes_sentence = Some((start, reach));
            fixes_within = FIX_WITHIN
                .find_iter(&text[start..reach])
                .map(|f| (start + f.start(), start + f.end()))
                .collect();
        }
        if fixes_within
            .iter()
            .any(|&(fix_start, fix_end)| fix_start <= m.start() && fix_end >= m.end())
        {
            continue;
        }
        // "The controllers that should have restored themselves were unable
        // to" tells what did not happen.
        if said.starts_with("have ") && COULD_HAVE.is_match(before) {
            continue;
        }
        // "All of the emails that were sent to you during this issue will be
        // delivered" names the emails by what was done with them; the claim,
        // if any, comes after.
        if said.starts_with("all ") && (said.contains(" that ") || said.contains(" which ")) {
            continue;
        }
        // "Dropped all connections and re-established them" is a flap,
        // part of the failure, not the recovery.
        if said.contains("established") && FLAPPED.is_match(before) {
            continue;
        }
        // "Fixed-price" is a kind of plan, not a fix.
        if text[m.end()..].starts_with('-') {
            continue;
        }
        // "Could it have been resolved sooner?" asks; it claims nothing.
        if text[reach..].starts_with('?') {
            continue;
        }
        let after = text[m.end()..].trim_start();
        // "Ceased functioning" is the failure, not its end.
        let next_word = after
            .split_whitespace()
            .next()
            .unwrap_or("")
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_ascii_lowercase();
        // "Higher than normal latency" is the symptom, not its end.
        if said.starts_with("normal") && ends_with_ignore_case(before, "than ") {
            continue;
        }
        // "A buildup of successfully completed jobs" names the jobs, not a
        // recovery.
        if said.ends_with("completed")
            && [
                "jobs",
                "tasks",
                "builds",
                "runs",
                "syncs",
                "requests",
                "orders",
                "payments",
                "transactions",
                "checks",
                "deployments",
            ]
            .contains(&next_word.as_str())
        {
            continue;
        }
        // "The phone systems are working." and "service is working as
        // expected" are all-clears; "systems are working on the backlog" or
        // "working to restore" tell of work still going on.
        if JUST_WORKING.is_match(&said)
            && [
                "on",
                "to",
                "through",
                "with",
                "hard",
                "closely",
                "toward",
                "towards",
                "around",
                "together",
                "diligently",
                "tirelessly",
            ]
            .contains(&next_word.as_str())
        {
            continue;
        }
        // "Caught up in the latest incident" is being hit, not catching up.
        if said.ends_with("caught up") && next_word == "in" {
            continue;
        }
        if said == "ceased"
            && ["functioning", "working", "operating", "responding", "to"]
                .contains(&next_word.as_str())
        {
            continue;
        }
        // "We're back", "is back to normal", "is now back working", "are
        // now back too", "we were back on line", "the system was back in
        // operation" and "error rates are back at baseline" are
        // all-clears; "is back at work" or "back in stock" are not.
        let back_as = [
            "to",
            "up",
            "online",
            "again",
            "and",
            "now",
            "for",
            "working",
            "operating",
            "running",
            "functioning",
            "operational",
            "live",
            "within",
            "too",
        ];
        // The same for two words: "back in business", "back in operation",
        // "back on line".
        let back_as_phrases = ["in business", "in operation", "on line", "on-line"];
        if said.ends_with("back")
            && after.starts_with(|c: char| c.is_alphanumeric())
            && !back_as.contains(&next_word.as_str())
            && !back_as_phrases
                .iter()
                .any(|phrase| starts_with_ignore_case(after, phrase))
            && !BACK_AT_LEVEL.is_match(after)
        {
            continue;
        }
        // "The problem is back" is the trouble returning, not the service.
        if said.contains("back") && TROUBLE_BEFORE.is_match(before) {
            continue;
        }
        // "Heavy snow has closed the line", "the branch is closed today" and
        // "their local branch had been closed": something shut is the
        // trouble; "we have closed the incident" ends it. A place named
        // right before "closed" is what was shut, whatever else the
        // sentence says ("this issue began while our support department
        // was closed").
        if said.ends_with("closed")
            && ((CLOSED_WHAT.is_match(after) && !CLOSES_AN_INCIDENT.is_match(sentence))
                || SHUT_PLACE.is_match(before))
        {
            continue;
        }
        // "This workaround temporarily resolved the issue" tells of a
        // stopgap that did not hold, and "the issue was mostly resolved"
        // of part of the way: neither says it is over.
        if [
            "temporarily ",
            "mostly ",
            "largely ",
            "partially ",
            "partly ",
        ]
        .iter()
        .any(|word| ends_with_ignore_case(before, word))
        {
            continue;
        }
        if BEFORE_IT_BROKE.is_match(sentence) {
            continue;
        }
        // "Services in our other datacenters are not affected and are
        // functioning normally" were never hit.
        if NEVER_HIT.is_match(before) && !NOW_OR_AGAIN.is_match(sentence) {
            continue;
        }
        // "A fixed IP address" is a kind of address, not a fix.
        if said == "fixed"
            && (ends_with_ignore_case(before, " a ") || ends_with_ignore_case(before, " an "))
        {
            continue;
        }
        // "All underlying services remained up and running" were never
        // down, and "the UPS kept everything up and running" kept them up.
        if said.contains("up and running") && KEPT_UP.is_match(before) {
            continue;
        }
        // "Online banking was still working normally" was never hit.
        if ends_with_ignore_case(before, "still ") && WORKING_AS_USUAL.is_match(&said) {
            continue;
        }
        if said.starts_with("up ") && RISES_UP.is_match(before) {
            continue;
        }
        // "Would back up the server" is a queue growing, not a recovery.
        if said.starts_with("back up") && BACKS_UP.is_match(before) {
            continue;
        }
        // "Able to recover the data" saves what was lost, and "restored
        // from backup" tells where a restore came from; neither says
        // anything of the service.
        let restored = said.ends_with("restored");
        if ((restored || said.ends_with("recover")) && RECOVERED_WHAT.is_match(after))
            || (restored && FROM_BACKUP.is_match(after))
        {
            continue;
        }
        // "Is over" ends a clause ("the outage is over."); "is over 50%"
        // goes on with a number or a word. ("Able to recover every system"
        // ends in "over" too, but not in the word.)
        if said.ends_with(" over")
            && after.starts_with(|c: char| c.is_alphanumeric())
            && !starts_with_ignore_case(after, "and ")
        {
            continue;
        }
        let restoring = [
            "restor", "recover", "back", "resum", "again", "mitigat", "complet", "normal", "operat",
        ]
        .iter()
        .any(|word| said.contains(word));
        if (restoring
            && (PARTIAL.is_match(&text[m.end()..])
                || PARTIAL_BEFORE.is_match(&text[start..m.start()])))
            || AIM_AFTER.is_match(&text[m.end()..])
            || (said.starts_with("should") && STILL_TO_COME.is_match(&text[m.end()..]))
            || BUT_STILL.is_match(&text[m.end()..])
            || WHILE_UNDER_WAY.is_match(&text[start..m.end()])
        {
            continue;
        }
        if THE_OTHERS.is_match(before) && !NOW_OR_AGAIN.is_match(sentence) {
            continue;
        }
        // A few words inside quotation marks, opened and closed close by,
        // are what a screen printed ("connection is closed"), not the lead's
        // all-clear; a long quote is somebody's statement ("We are happy to
        // report that ... are now back up and running", "“We have resolved
        // an issue that caused some users to ...").
        // A quote that opens right after "were" or "being" ("systems were
        // “back online”") quotes the claim itself, not a screen.
        let opened = before.rfind(['"', '“', '”']);
        let printed = opened.is_some_and(|at| {
            before.len() - at <= 40
                && !SAID_BEFORE_QUOTE.is_match(&before[..at])
                && !CLAIM_BEFORE_QUOTE.is_match(&before[..at])
                && text[m.end()..]
                    .chars()
                    .take(40)
                    .any(|c| matches!(c, '"' | '”'))
        });
        if before.matches(['"', '“', '”']).count() % 2 == 1 && printed {
            continue;
        }
        let before = AFTER_AS_ADVERB.replace_all(before, ",");
        let before = BUT_ANEW.replace_all(&before, ", $1");
        let before = ONCE_AGAIN.replace_all(&before, "$1 ");
        let before = FOUND_A_FIX_TO.replace_all(&before, "$1 $2 and got ");
        let condition_goes_on = CONDITION_GOES_ON
            .captures(&before)
            .is_some_and(|c| !PAST.is_match(&c[1]));
        // "All services started responding again" tells the return, not a
        // start still under way.
        let started_again = said.ends_with("again") && ends_with_ignore_case(&before, "started ");
        if !(NOT_A_CLAIM.is_match(&before) || condition_goes_on)
            || hedged
            || history
            || started_again
        {
            found.push((m.start(), m.end()));
        }
    }
    found
}
