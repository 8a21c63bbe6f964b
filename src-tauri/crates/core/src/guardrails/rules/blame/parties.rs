//! What names a party at fault: the vendors and clouds we know by name, and
//! the phrases that put a fault on a vendor, a provider named in passing, a
//! company announcing its trouble, or somebody else's hands.

use std::sync::LazyLock;

use regex::Regex;

use super::super::{SITE_WORK, compile};

/// Capitalised words before "'s" that name nobody: a contraction at the
/// start of a sentence ("There's an outage", "Here's an outage") or a day
/// ("Today's outage").
pub(super) static NOT_A_NAME: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"^(?:There|Here|That|What|Where|Who|It|This|Everything|Nothing|Something|Someone|Everyone|Nobody|Today|Tonight|Yesterday|Now)$",
    )
});

pub(super) const VENDORS: &str = r"(?:AWS|Amazon(?:\s+Web\s+Services)?|Azure|Microsoft|Google(?:\s+Cloud)?|GCP|Cloudflare|CloudFlare|Fastly|Akamai|Stripe|Twilio|Datadog|GitHub|GitLab|Okta|Salesforce|Heroku|Vercel|Netlify|Digital\s?Ocean|Oracle|SendGrid|Mailgun|PagerDuty|Atlassian|Slack|Zoom|Shopify|PayPal|Adyen|Braintree|Auth0|Snowflake|Linode|Hetzner|OVH|Equinix|Verizon|Cincinnati\s+Bell|Comcast|Zscaler|Lumen|CrowdStrike|Crowdstrike|Nexmo|Vonage|Mailchimp|Mandrill|Postmark|SparkPost|Amazon\s+SES|Route\s?53|Imperva|Incapsula|StackPath|Limelight|Let['’]s\s+Encrypt|DigiCert|Sectigo|GoDaddy|Namecheap|NS1|Dyn|UltraDNS|Level\s?3|CenturyLink|Cogent|Telia|NTT|Zayo|AT&T|T-Mobile|Sprint|Vodafone|Telstra|Optus|Rackspace|SoftLayer|IBM(?:\s+Cloud)?|Alibaba\s+Cloud|Scaleway|Vultr|Supabase|Firebase|MongoDB\s+Atlas|Confluent|Algolia|Segment|Zendesk|HubSpot|APNs|FCM|Visa|Mastercard|Plaid|Square|Worldpay|Klarna|Mollie|Sinch|Plivo|MessageBird|Telnyx|OpenAI|MailChannels|Porkbun|DNSimple|DNS\s+Simple|Office\s+365|Microsoft\s+365|Gmail|Google\s+Workspace|Docker\s+Hub|npm|Bitbucket|Sentry|New\s+Relic|LaunchDarkly|OneLogin|Hurricane\s+Electric|SITA|Sita|Amadeus|Sabre|HostGator|Hostgator|Bluehost|DreamHost|SiteGround|Hostinger|IONOS|WP\s+Engine|Kinsta|Media\s+Temple|Openreach|National\s+Grid|Network\s+Rail|Virgin\s+Media|TalkTalk|Xfinity|PG&E|British\s+Telecom|BT|Hotmail|Outlook\.com|Yahoo(?:\s+Mail)?|iCloud|Apple|Cisco|Juniper|Arista|NetApp|Ericsson|Nokia|Huawei|Fortinet|Palo\s+Alto\s+Networks|F5|Citrix|VMware|Broadcom|Supermicro|Dell(?:\s+EMC)?|Hewlett\s+Packard(?:\s+Enterprise)?|HPE|Brocade|Ciena|Metaswitch|Pure\s+Storage|Nutanix|Red\s+Hat|Canonical|Microsoft\s+Azure|Cyxtera|Digital\s+Realty|CoreSite|Telehouse|Interxion|Con\s+Ed(?:ison)?|Blackboard)";

/// Infrastructure providers: a customer update that names one as where the
/// failure was puts the fault on it.
pub(super) const CLOUDS: &str = r"(?:AWS|Amazon(?:\s+Web\s+Services)?|Azure|GCP|Google\s+Cloud(?:\s+Platform)?|Digital\s?Ocean|Linode|Hetzner|OVH|Equinix|Cloudfront|CloudFront)";

/// Capitalised words that start sentences or name our own side or a time,
/// never a third party announcing something ("In Wednesday's incident").
/// A college or university names itself bare ("College experienced a
/// loss of connectivity"), and so does a city, county, district, town,
/// museum or hospital ("The City's Online Payment Portal suffered an
/// Outage"), "IT" is its own department, "HQ" its own headquarters (or a
/// product named for one: "when HQ is down"), and a list item's "Internet
/// is down in local area" names the connection, not a company.
pub(super) const NOT_A_PARTY: &str = r"(?:We|I|It|This|That|They|The|Our|In|On|At|Last|Team|Engineering|Support|Customers?|Users?|Engineers?|Everyone|Today|Yesterday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|June|July|August|September|October|November|December|Status|Service|Services|System|Systems|Update|Monitoring|Investigating|Identified|Resolved|Downdetector|Issue|Problem|Cause|Fault|Incident|Outage|Root|College|University|Council|School|City|County|District|Town|Borough|Museum|Hospital|Campus|Faculty|Library|IT|Internet|HQ)";

pub(super) static BLAME: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    [
        format!(r"\b{VENDORS}(?:'s|’s)?\s+(?:[a-z][\w-]*\s+)?(?:faults?|mistakes?|outages?|failures?|errors?|bugs?|misconfiguration|bad\s+deploy\w*|deploy\w*|incidents?|problems?|issues?)\b"),
        // A headline's named vendor outage doing harm: "Crowdstrike Outage
        // Cripples Hotel Operations".
        format!(r"\b{VENDORS}(?:'s|’s)?\s+(?:IT\s+)?(?:Outage|Failure|Glitch|Bug)s?\s+[A-Z][a-z]+s\b"),
        // Trouble at or of a named vendor, in brackets too: "a worldwide
        // failure (of the Amadeus system)".
        format!(r"(?i:\b(?:outage|failure|fault|mistake|misconfiguration|issue|problem|incident|disruption|error|trouble|glitch(?:e)?|difficult(?:y|ie))s?\s+\(?(?:at|from|by|of|on|in|with|within)\s+)(?:the\s+|our\s+)?{VENDORS}\b"),
        // A named vendor's system named before the outage: "the Microsoft
        // cloud system outage".
        format!(r"\b{VENDORS}\s+(?:(?:[A-Z][\w-]*|(?i:cloud|systems?|network|platform|services?|servers?|email|mail|payments?|data|database|storage|login|sign-in|authentication|region|regional|global|hosting|software|infrastructure|DNS|API|CDN|routers?|switch(?:es)?|firewalls?|hardware|equipment|devices?|edge))\s+){{1,3}}?(?i:outage|failure|fault|incident|disruption)s?\b"),
        // A named vendor's equipment that failed: "one of our Cisco edge
        // routers experienced a hardware fault".
        format!(r"\b{VENDORS}\s+(?:[\w-]+\s+)?(?i:routers?|switch(?:es)?|firewalls?|hardware|equipment|appliances?|devices?|load\s+balancers?|storage\s+arrays?)\s+(?i:(?:experienced|suffered|had|developed|hit)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+)?(?:fault|failure|bug|defect|problem|issue|crash)|failed|crashed|malfunctioned)\b"),
        // A cloud's machine that failed under us: "an EC2 instance hosting
        // one of our services failed", "an AWS server became unresponsive".
        format!(r"\b(?:{VENDORS}\s+(?:EC2\s+|[\w-]+\s+)?|EC2\s+)(?i:instances?|servers?|hosts?|VMs?|virtual\s+machines?|nodes?)\s+(?:[\w.-]+\s+){{0,6}}?(?i:failed|crashed|died|became\s+unresponsive|stopped\s+responding|went\s+down|(?:suffered|had|experienced)\s+an?\s+hardware\s+failure)\b"),
        // Another company's status page quoted as where the trouble is.
        format!(r"\b{VENDORS}(?:'s|’s)?\s+(?i:status\s+page)\b"),
        // A named vendor's change that went wrong, or its engineers who
        // took their time: "a bug introduced to the Google Cloud Platform
        // networking stack", "took Google engineers over 24 hours".
        // So is a bug in a named vendor's product ("a bug in the GCP User
        // Console") and a service that vendor provides failing ("a
        // disruption of the ELB service provided by Amazon Web Services").
        format!(r"(?i:\b(?:bugs?|defects?|flaws?|regressions?)\s+in\s+(?:the\s+|an?\s+)?){VENDORS}\b"),
        format!(r"(?i:\b(?:disruption|outage|failure|degradation|malfunction)\s+(?:of|in|with)\s+(?:the\s+|an?\s+)?(?:[\w()-]+\s+){{0,6}}?(?:provided|operated|run|hosted|supplied)\s+by\s+(?:the\s+)?){VENDORS}\b"),
        format!(r"(?i:\b(?:bugs?|defects?|regressions?|faulty\s+changes?)\s+(?:was\s+|were\s+)?(?:introduced|shipped|deployed|pushed|released)\s+(?:to|into|in|by)\s+(?:the\s+)?){VENDORS}\b|\b(?i:took)\s+{VENDORS}(?:['’]s)?\s+(?i:engineers|technicians|staff|support|teams?)\b"),
        format!(r"\b{VENDORS}(?:\s+[A-Z][\w-]*){{0,2}},?\s+(?i:caused|broke|went\s+down|is\s+down|was\s+down|failed|messed\s+up|screwed\s+up|pushed|deployed|misconfigured|is\s+to\s+blame|is\s+at\s+fault|shut\s+down|took\s+down)\b"),
        // A named vendor, or "the company" in a report about one, saying
        // what went wrong: "Visa said the outage was caused by a hardware
        // failure", "the company said its payment systems were down".
        format!(r"(?:\b{VENDORS}|\b(?i:the\s+(?:company|firm|bank|telco|operator|airline|retailer|carrier|insurer|provider|vendor)))\s+(?:has\s+|had\s+)?(?i:said|says|claims?|claimed|explained|detailed|disclosed|revealed|suggested|stated|confirmed|admitted)\s+(?:that\s+)?[^.!?]{{0,80}}?\b(?i:outages?|failures?|disruptions?|glitch(?:es)?|faults?|breach(?:es)?|down|crash\w*)\b"),
        // A named vendor, or its staff, telling of the trouble: "Bluehost
        // reported on its Twitter account", "a Linode engineer posted a
        // summary of the attack".
        format!(r"\b{VENDORS}(?:\s+(?i:engineers?|staff|support|technicians?|team))?\s+(?i:reported|posted|explained|told\s+us|wrote|(?:reports|confirms|confirmed|indicates|indicated|(?:has\s+)?communicated|informed\s+us|notified\s+us)\s+that)\b"),
        // A named vendor having trouble now: "Stripe is currently
        // experiencing degraded performance", "Shopify is returning a nginx
        // error on all shops", "SendGrid has been grappling with a security
        // issue". ("GitHub experienced" is how a
        // company's own postmortem speaks of itself, so the past is left.)
        format!(r"\b{VENDORS}(?:,\s+[^,.!?]{{1,60}},)?(?:\s+(?i:engineers?|technicians?|staff|support|teams?))?\s+(?i:(?:(?:is|are|has\s+been|have\s+been)\s+(?:currently\s+|still\s+)?|still\s+)(?:experiencing|having|suffering|investigating|reporting|dealing\s+with|grappling\s+with|struggling\s+with|recovering\s+from|aware\s+of|trying\s+to\s+(?:resolve|fix|restore|recover)|returning\s+(?:an?\s+)?(?:[\w-]+\s+){{0,2}}?errors?))\b"),
        // A named vendor's engineers at work on it: "Microsoft engineers
        // have made several configuration changes in an effort to
        // remediate this issue".
        format!(r"\b{VENDORS}\s+(?i:engineers?|technicians?)\s+(?i:have|has|had|are|were)\s+(?:[\w-]+\s+)?(?i:made|applied|deployed|rolled|reverted|working|restart\w*|identified|found)\b"),
        // A named vendor that had the trouble, told by its customer:
        // "Blackboard had a service disruption affecting multiple
        // universities".
        format!(r"\b{VENDORS}\s+(?i:had\s+(?:an?\s+)?(?:[\w-]+\s+){{0,2}}?(?:outage|disruption|incident|failure|fault|problem|issue)s?)\b"),
        // An outage suffered by a named vendor's platform, or demand piling
        // onto it: "a technical outage to the Blackboard platform", "an
        // unexpected spike in demand on Blackboard".
        format!(r"(?i:\boutages?\s+to\s+(?:the\s+)?){VENDORS}\s+(?i:platform|system|service|network|servers?)\b|(?i:\b(?:spikes?|surges?|increases?)[”\x22’]?\s+in\s+(?:demand|traffic|load)\s+on\s+(?:the\s+)?){VENDORS}\b"),
        // Something a named vendor made happen to us: "hosted on a Windows
        // system affected by CrowdStrike's Falcon sensor".
        format!(r"(?i:\b(?:affected|impacted|disrupted|hit|broken|knocked\s+out)\s+by\s+(?:the\s+|an?\s+)?){VENDORS}\b"),
        // A named vendor's service having the trouble: "the Zoom video
        // conferencing service is having an intermittent global outage".
        format!(r"\b{VENDORS}\s+(?:[\w-]+\s+){{0,3}}?(?i:(?:service|platform|app|network|website|system|cluster|database)s?\s+(?:(?:is|are|was|were|has\s+been)\s+(?:currently\s+|still\s+)?(?:having|experiencing|suffering|down|offline|unavailable)|became\s+(?:unresponsive|unavailable|unreachable)))\b"),
        // A named vendor fixing its own fault: "Zoom fixes global outage",
        // "Zoom says it has fixed the issue", "Zoom said it was deploying a
        // fix".
        format!(r"\b{VENDORS}\s+(?i:(?:has\s+|have\s+)?(?:fixes|fixed|restores|restored|resolves|resolved|repairs|repaired)\s+(?:the\s+|an?\s+|its\s+)?(?:[\w-]+\s+)?(?:outage|issue|problem|fault|glitch|bug|disruption)|(?:says|said)\s+(?:it|they)\s+(?:has|have|had|is|was|are|were)\s+(?:fixed|resolved|restored|deploying\s+a\s+fix|rolling\s+out\s+a\s+fix|working\s+on\s+a\s+fix))\b"),
        // A named vendor shipping the fix for its own fault, or named as
        // who fixed it: "Twilio has rolled out a fix for the SMS delays",
        // "Cloudflare is deploying a patch", "resolved by Cloudflare".
        // ("We rolled out a fix" is ours; "GitHub deployed a change" on
        // GitHub's own page is cleared by our own names.)
        format!(r"\b{VENDORS}(?:\s+(?i:engineers?|teams?|support))?\s+(?i:(?:has|have|had)\s+|is\s+|are\s+)?(?i:(?:rolled|rolling)\s+(?:out|back)|implemented|implementing|deployed|deploying|applied|applying|reverted|reverting|released|releasing|mitigated|mitigating)\s+(?i:an?\s+|the\s+|their\s+|its\s+)?(?:[\w-]+\s+){{0,2}}?(?i:fix|fixes|patch|patches|mitigations?|changes?|update|rollback|workaround|hotfix)\b"),
        format!(r"(?i:\b(?:resolved|fixed|restored|mitigated|repaired)\s+by\s+)(?:the\s+)?{VENDORS}\b"),
        // A named vendor's part of the service that is failing: "Twilio's
        // SMS delivery is delayed".
        format!(r"\b{VENDORS}(?:'s|’s)\s+(?:[\w-]+\s+){{0,3}}?(?i:(?:is|are|has\s+been|have\s+been|was|were)\s+(?:currently\s+|still\s+)?(?:delayed|down|failing|degraded|unavailable|slow|broken|rejecting|dropping|offline|unreachable|inaccessible))\b"),
        // A named vendor slow or unhelpful in answering: "SendGrid's
        // responses, unfortunately, were concerning slow".
        format!(r"\b{VENDORS}(?:'s|’s)\s+(?:[\w-]+\s+)?(?i:(?:responses?|replies|support|communications?)\b[^.!?]{{0,30}}?\b(?:slow|poor|lacking|unhelpful|inadequate|vague|unresponsive))\b"),
        // Another party acting on our account: "they had immediately
        // stopped delivering emails sent by our account", "suspended our
        // account".
        r"(?i)\b(?:stopped|suspended|blocked|disabled|throttled|paused|locked|terminated|froze|frozen|flagged|shut\s+down)\s+(?:[\w-]+\s+){0,5}?our\s+accounts?\b".to_owned(),
        // The trouble placed with a named vendor: "confirmed that the issues
        // were with AWS", "the root cause was with Cloudflare".
        format!(r"(?i:\b(?:issues?|problems?|faults?|trouble|failures?|(?:root\s+)?causes?)\s+(?:was|were|is|are|lay|lies|lie)\s+(?:with|at)\s+(?:the\s+)?){VENDORS}\b"),
        // The building our servers sit in, in trouble: "the data center
        // where our server is located suffered", "the datacenter that was
        // having problems". (Not "our data centre": a company can run its
        // own.)
        r"(?i)\bthe\s+(?:data\s*cent(?:er|re)|datacent(?:er|re)|colo(?:cation)?\s+(?:facility|centre|center))\s+(?:(?:where|that|which|in\s+which)\s+(?:[^,.;!?]{0,40}?\s+)?)?(?:(?:had|has\s+had)\s+(?:an?\s+|some\s+|the\s+)?(?:[\w-]+\s+)?(?:outages?|failures?|faults?|problems?|issues?|incidents?|fires?|floods?)|suffered|experienced|was\s+having|is\s+having|were\s+having|lost\s+power)\b".to_owned(),
        // Limits somebody else set: "rate limits imposed by the internet DNS
        // systems", "new quotas introduced by Airtable".
        r"(?i)\b(?:limits?|quotas?|restrictions?|caps)\s+(?:introduced|imposed|enforced)\s+by\s+(?:the\s+|an?\s+)?(?:[\w-]+\s+){0,2}?(?:(?-i:[A-Z])[\w-]+|providers?|vendors?|suppliers?|partners?|carriers?|registr(?:y|ies|ars?)|systems?)\b".to_owned(),
        // Waiting on a named vendor to mend it.
        format!(r"(?i:\b(?:waiting|wait|depend\w*|rely\w*|relying)\s+(?:on|for|upon)\s+){VENDORS}\s+(?i:to\s+(?:fix|restore|resolve|repair|recover|mend|correct))\b"),
        r"(?i)\b[\w-]+\s+team(?:'s|’s)?\s+(?:fault|mistake|error|bad\s+\w+|deploy\w*|change|push|release|misconfiguration)\b".to_owned(),
        r"(?i)\b[\w-]+\s+team\s+(?:caused|broke|pushed|deployed|shipped|rolled\s+out|misconfigured|forgot|missed|deleted|dropped|introduced|messed|screwed|failed\s+to|stopped\s+(?:releasing|supporting|shipping|publishing|providing)|made\s+(?:an?\s+)?(?:error|mistake))\b".to_owned(),
        r"(?i)\b(?:deploy\w*|change|push|release|mistake|error|misconfiguration|migration|bug)\s+(?:made\s+|shipped\s+|pushed\s+)?by\s+(?:the\s+|our\s+)?[\w-]+\s+team\b".to_owned(),
        r"(?i)\b(?:an?|one\s+of\s+our|our)\s+(?:engineer|developer|admin\w*|operator|contractor|intern|dba|sre|employee|team\s+member)s?\s+(?:accidentally\s+|mistakenly\s+)?(?:caused|broke|pushed|deployed|deleted|ran|dropped|misconfigured|forgot|made\s+a\s+mistake|introduced|shipped|typed|clicked|opened|approved|skipped|ignored)\b".to_owned(),
        // A named carrier, network or utility as the cause: "due to London
        // Links Network going down" (but not "caused by Source Network
        // Address Translation", a name that goes on).
        r"\b(?i:due\s+to|caused\s+by|because\s+of|result\s+of|(?:problems?|issues?|outages?|faults?|failures?)\s+(?:at|with))\s+(?:the\s+|an?\s+)?(?:[A-Z][\w&-]*\s+){1,3}(?:Network|Networks|Telecom|Telecoms|Communications|Broadband|Power|Energy|Electric|Utilities)(?:[.,;:!?)]|\s+[a-z\d]|$)".to_owned(),
        // Put outside: "due to factors external to PSN".
        r"(?i)\b(?:factors?|causes?|events?|issues?|problems?|circumstances)\s+(?:external|outside)\s+(?:to|of)\b|\bexternal\s+(?:factors?|causes?|circumstances|part(?:y|ies))\b|\b(?:outside|external)\s+(?:sources?|part(?:y|ies)|attackers?|actors?)\b".to_owned(),
        // The people at a data centre who did it: "the people in the
        // datacenter decided to reboot a bunch of machines".
        r"(?i)\b(?:people|staff|technicians|folks|engineers|workers)\s+(?:in|at)\s+the\s+(?:data\s*cent(?:er|re)|datacent(?:er|re)|colo(?:cation)?(?:\s+facility)?)\s+(?:decided\s+to\s+|accidentally\s+|mistakenly\s+)?(?:reboot\w*|restart\w*|shut\s+down|shutting\s+down|powered\s+(?:off|down)|unplug\w*|pulled|disconnect\w*)\b".to_owned(),
        r"(?i)\bsomeone\s+(?:on\s+\w+\s+)?(?:accidentally\s+)?(?:pushed|deployed|broke|deleted|ran|dropped|misconfigured|forgot)\b|\b(?:someone|somebody)\s+(?:[\w-]+\s+){0,4}?(?:is\s+|was\s+|has\s+been\s+)?(?:(?:powering|powered|switching|switched|turning|turned|shutting|shut)\s+(?:[\w-]+\s+){0,2}?(?:down|off|out)|unplugg\w*|disconnect\w*)\b|\b(?:people|someone|somebody|workers?|technicians?)\s+(?:[\w-]+\s+){0,6}?accidentally\s+(?:unplug\w*|disconnect\w*|cut|damag\w*|pull\w*|knock\w*)\b".to_owned(),
        r"(?i)\bhuman(?:\s+|-)(?:error|caused)\b|\bblam(?:e|ed|es|ing)\b|\b(?:is|was|are|were)\s+(?:to\s+blame|at\s+fault)\b".to_owned(),
        r"(?i)\b(?:their|(?:the|our)\s+(?:[\w-]+\s+)?(?:vendor|provider|supplier|partner)(?:'s|’s)?)\s+(?:fault|mistake|outage|failure|error)\b".to_owned(),
        // Trouble at vendors named only as a kind: "cascading outages at
        // critical vendors who provide hosting".
        r"(?i)\b(?:outage|failure|fault|issue|problem|incident|disruption|error)s?\s+(?:at|with|from)\s+(?:[\w-]+\s+){0,2}?(?:providers|vendors|suppliers|carriers)\b".to_owned(),
        // A party outside the company named as where it went wrong. A
        // "downstream service" is one of ours that ours feed; only a
        // downstream provider is somebody else.
        r"(?i)\b(?:third[- ]?party|3rd[- ]?party|upstream|external)\s+(?:[\w-]+\s+){0,4}?(?:providers?|vendors?|suppliers?|partners?|services?|dependency|dependencies|database|carriers?|isps?|gateways?|interconnects?|exchanges?|disruptions?|outages?)\b|(?i:\bdownstream\s+(?:[\w-]+\s+){0,4}?(?:providers?|vendors?|suppliers?|partners?|carriers?|isps?)\b)|(?i:\b(?:with|by|at|from)\s+(?:the|a|an)\s+(?:[\w-]+\s+)?(?:third|3rd)[- ]?party\b)".to_owned(),
        // People who damaged it: contractors, vandals, thieves, and whoever
        // broke in ("We had a break in last night at one of our technical
        // facilities"; "an unexpected break in service" is no break-in).
        format!(r"(?i)\b(?:contractors?|vendors?|third\s+parties)\s+(?:[\w-]+[,\x22”’]?\s+){{0,6}}?[\x22“‘]?(?:accidentally|damaged|cut|severed|knocked|broke|dug|hit|struck|ruptured|punctured|failed\s+to|ignored)\b|\b(?:caused|damaged|cut|severed)\s+by\s+(?:an?\s+|the\s+|some\s+)?(?:[\w-]+\s+){{0,2}}?(?:contractors?|vandals?|workmen|work\s+crews?|builders)\b|\b(?:road\s+|construction\s+|utility\s+|building\s+)?workers\s+{SITE_WORK}\b|\bby\s+(?:builders|contractors|vandals|workmen|diggers)\b|\b(?:vandalism|sabotage|cable\s+theft|copper\s+theft|thieves|burglar(?:y|ies|s)?)\b|\bbreak-ins?\b|\b(?:a|the)\s+break\s+in\s+(?:last\s+night|overnight|(?:at|to)\s+(?:one\s+of\s+)?(?:our|the|its|their|a))\b|\b(?:caused|started|triggered|done)\s+by\s+(?:someone|somebody)\b|\bvendor\s+work\b|\b(?:lorry|lorries|truck|vehicle|car|van|bus|digger|excavator|tractor|crane)\s+(?:hit|struck|crashed\s+into|ran\s+into|collided\s+with|damaged|knocked\s+(?:down|over|out))\b|\b(?:a\s+single|one|an?)\s+(?:user|customer)\s+(?:triggered|caused)\b|\bone\s+of\s+our\s+(?:customers?|clients?|users?)\s+(?:had|made)\s+(?:an?\s+)?(?:[\w-]+\s+(?:and\s+)?){{0,3}}?(?:use|usage|requests?|spike|surge|flood|misuse)\b|\bflood\s+of\s+(?:[\w-]+\s+)?(?:requests|traffic|calls)\s+from\s+(?:an?|one|a\s+single|some)\b"),
        format!(r"\b{CLOUDS}(?:'s|’s)?(?:\s+\(AWS\))?\s+(?i:(?:[\w-]+\s+){{0,3}}?(?:\([^)]{{1,30}}\)\s+)?(?:experienc\w+|suffer\w*|caus(?:es|ed)|is\s+(?:having|seeing|experiencing|down)|went\s+offline|(?:is|was|were|has\s+been)\s+(?:offline|unavailable)|degraded|performed|has\s+identified|identified|report(?:s|ed)|stated|went\s+down|outage|incident|issue|disruption|failures?|problems?|maintenance|capacity\s+issue|status\s+page|data\s+cent(?:er|re)|investigation))\b|\b{CLOUDS}\s+(?i:event)\b"),
        format!(r"(?i:\b(?:in|at|from|with)\s+(?:the\s+|this\s+|an?\s+|their\s+)?){CLOUDS}(?:'s|’s)?\s+(?i:region|data\s*cent(?:er|re)|zone|availability\s+zone|services)\b"),
        format!(r"(?i:\b(?:due\s+to|caused\s+by|result\s+of|affecting|(?:errors?|failures?|issues?|problems?|outages?|disruptions?)\s+(?:from|at|in|with))\s+(?:one\s+of\s+(?:the|our)\s+|the\s+|an?\s+)?(?:[\w-]+\s+){{0,2}}?){CLOUDS}\b"),
        // A named vendor as the one that started it, or that had to fix
        // it: "initiated by our Amazon Web Services database", "due to
        // Cloudflare's time-to-live", "Microsoft
        // had to apply a software fix".
        format!(r"(?i:\b(?:(?:initiated|caused|triggered|started|run|tracked\s+down|traced|identified|broken|damaged|severed|knocked\s+out|taken\s+down|brought\s+down)\s+by|due\s+to|because\s+of|result\s+of|(?:traced|root[- ]caused|attributed)\s+(?:this|the|it)\s+(?:[\w-]+\s+)?to)\s+(?:the\s+|our\s+|an?\s+)?){VENDORS}\b"),
        // A named vendor's trouble given as the reason: "failed because
        // Stripe was having problems".
        format!(r"(?i:\bbecause\s+(?:the\s+|our\s+)?){VENDORS}\s+(?i:was|were|is|are|had|has)\b"),
        // The maker said to owe an answer: "the company that makes the poll
        // pads … should take some responsibility".
        r"(?i)\b(?:company|firm|vendor|provider|supplier|manufacturer|maker|contractor)\s+that\s+(?:makes|made|builds|built|supplies|supplied|provides|provided|sells|sold|runs|operates)\b[^.!?]{0,100}?\bshould\s+(?:take|accept|bear)\s+(?:some\s+|more\s+|full\s+)?responsibility\b".to_owned(),
        // A named vendor apologising for the issue owns it: "Fastly, for its
        // part, issued an apology for the issues".
        format!(r"\b{VENDORS}(?:,\s+[^,.!?]{{1,30}},)?\s+(?i:issued\s+an\s+apology|apologi[sz]ed)\b"),
        format!(r"\b{VENDORS}\s+(?i:(?:had\s+to\s+|has\s+|have\s+|is\s+|are\s+|already\s+)?(?:apply|applied|applying|release|released|releasing|deploy|deployed|deploying|ship|shipped)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){{0,2}}?(?:fix|patch|hotfix)(?:es)?)\b"),
        // A vendor's people who could not fix it: "IBM engineers have to
        // date been unsuccessful in remedying the problems".
        format!(r"(?:\b{VENDORS}(?:'s|’s)?|(?i:\bthe\s+(?:vendor|provider|supplier)(?:'s|’s)?))\s+(?i:(?:engineers?|technicians?|support(?:\s+team)?|staff)\s+(?:have\s+|has\s+)?(?:(?:to\s+date|so\s+far|still|yet)\s+)?(?:been\s+)?(?:unsuccessful|unable|not\s+(?:yet\s+)?(?:been\s+)?able))\b"),
        // A named vendor working on the problem is where the problem is:
        // "HostGator worked on the problem for most of the day", "Cincinnati
        // Bell worked to find and resolve the problem".
        format!(r"\b{VENDORS}\s+(?i:(?:(?:worked|is\s+working|are\s+working|was\s+working|were\s+working|has\s+been\s+working|have\s+been\s+working)\s+(?:on\s+(?:(?:implementing|deploying|applying|developing|rolling\s+out)\s+)?|to\s+(?:(?:find|identify|diagnose|locate)\s+and\s+)?(?:fix|resolve|restore|address|mitigate)\s+)(?:the\s+|a\s+|this\s+)?(?:problem|issue|outage|fault|fix|repair)s?|(?:is|are|was|were)\s+(?:fixing|repairing|restoring|replacing|(?:hard\s+)?at\s+work)))\b"),
        // A named vendor's people at work on it: "experts from Microsoft
        // had to work around the clock", "National Grid engineers at work
        // fixing the voltage issue".
        format!(r"(?i:\b(?:staff|experts?|engineers?|technicians?|crews?)\s+(?:from|at)\s+){VENDORS}\b|\b{VENDORS}\s+(?i:(?:engineers?|technicians?|crews?)\s+(?:are\s+|were\s+)?(?:at\s+work\s+|on\s+site\s+)?(?:fixing|repairing|restoring|working\s+on))\b"),
        // The power or water company's outage: "the power utility (PG&E)
        // experienced an outage".
        r"(?i)\b(?:power|electric(?:ity)?|energy|water|gas)\s+(?:utility|company|supplier|provider)(?:\s+\([^)]{1,20}\))?\s+(?:experienced|suffered|had|reported|lost|cut)\b".to_owned(),
        // Trouble "on Microsoft's side" or "on Stripe's end".
        r"\bon\s+[A-Z][a-zA-Z]+(?:'s|’s)\s+(?i:end|side)\b".to_owned(),
        // A named vendor's own change: "a change Salesforce made to its API".
        format!(r"(?i:\b(?:change|update|release)s?\s+(?:that\s+)?){VENDORS}\s+(?i:made|pushed|deployed|rolled\s+out|shipped|released)\b"),
        // A person who got it wrong: "an engineer responded, but
        // misdiagnosed the problem".
        r"(?i)\b(?:an?|one\s+of\s+our|our|the)\s+(?:on-?call\s+)?(?:engineer|developer|operator|administrator|technician|employee)s?\s+(?:[\w,'’-]+\s+){0,4}?(?:misdiagnosed|misread|misjudged|misidentified|mistakenly|inadvertently)\b".to_owned(),
        // A slip put on a person: "a mistake by a member of our team".
        r"(?i)\b(?:mistake|error|slip|oversight|misstep)s?\s+(?:(?:was\s+|were\s+)?made\s+)?by\s+(?:an?\s+|one\s+|the\s+)?(?:member|members|someone|engineer|operator|employee|person|technician|administrator)\b".to_owned(),
        // Trouble at someone else's: "an outage at a major internet carrier",
        // "one of these providers has experienced trouble", "our data center
        // operator", "the bank's systems".
        r"(?i)\bone\s+of\s+(?:these|those|our|the)\s+(?:[\w-]+\s+)?(?:providers|carriers|suppliers|vendors|ISPs|upstreams)\s+(?:has\s+|had\s+)?(?:experienced|suffered|had|is\s+having|was\s+having)\b|\b(?:outages?|failures?|faults?|problems?|issues?|incidents?)\s+(?:at|with|in)\s+(?:an?|the|our|one\s+of\s+(?:the|our))\s+(?:[\w-]+\s+){0,3}?(?:carriers?|providers?|ISPs?|vendors?|suppliers?|partners?|registrars?|data\s+cent(?:er|re)\s+operators?)\b|\b(?:data\s+cent(?:er|re)|colocation|colo|facility|hosting)\s+(?:operators?|compan(?:y|ies)|owners?)\b|\b(?:the|a|an|our|their)\s+(?:[\w-]+\s+)?(?:bank|banks|registrar|issuer|card\s+network|courier|carrier|supplier|vendor|partner|provider|host|utility)(?:'s|’s)\s+(?:[\w-]+\s+)?(?:systems?|side|network|servers?|services?|platform|API|website|app|gateways?)\b".to_owned(),
        // Something of a vendor's: "a bug in a vendor's software".
        r"(?i)\b(?:an?|its)\s+(?:[\w-]+\s+){0,2}?(?:vendor|supplier|partner|carrier|contractor)(?:'s|’s)\s".to_owned(),
        // A provider's trouble, or trouble from outside our walls ("the
        // data center is not under our control", "the maintenance was
        // completely out of our hands", "the problem was outside the realm
        // of the DMV").
        r"(?i)\b(?:an?|its)\s+(?:[\w-]+\s+){0,3}?providers?(?:'s|’s)?\s+(?:outages?|issues?|incidents?|failures?|problems?|disruptions?|errors?)\b|\boutside\s+(?:of\s+)?(?:our|[A-Z][\w-]*['’]s)\s+(?:direct\s+|immediate\s+)?(?:control|systems?|network|infrastructure)\b|\boutside\s+(?:of\s+)?the\s+(?:realm|remit|purview)\s+of\s+(?:the\s+)?(?:our\b|(?-i:[A-Z])[\w-]*)|\b(?:beyond|out\s+of|not\s+under|not\s+within)\s+(?:our|my)\s+(?:direct\s+|immediate\s+)?control\b|\b(?:entirely|completely|solely|wholly)\s+in\s+their\s+hands\b|\bout\s+of\s+(?:our|my)\s+hands\b|\bnot\s+on\s+our\s+(?:side|end)\b|\bnot\s+(?:an?\s+)?(?:error|issue|problem|fault)\s+(?:with|in|on)\s+our\s+(?:systems?|side|end|network|platform)\b|\b(?:fingered|blamed|named|singled\s+out)\s+as\s+(?:the\s+)?(?:culprit|cause)\b|\b(?:excavat\w+|backhoe|construction\s+(?:crews?|works?|activity|projects?))\b|\b(?:diggers?|excavators?)\s+(?:[\w-]+\s+){0,5}?(?:has\s+|had\s+)?(?:hit|struck|cut|severed|damaged|dug\s+(?:up|through|into)|ripped)\b".to_owned(),
        // Fault put on a party by a curse or an idiom: "sitting here cursing
        // the phone company", "it was not Verizon’s finest hour".
        r"(?i)\b(?:curs(?:e|es|ed|ing)|damn(?:ed|ing)?)\s+(?:at\s+)?(?:the|our|my|their)\s+(?:[\w-]+\s+){0,2}?(?:company|provider|host|carrier|isp|vendor|supplier)\b|\bnot\s+(?:[a-z][\w&-]*['’]s|their|its)\s+(?:finest|best|proudest)\s+(?:hour|moment|day)\b".to_owned(),
        // A carrier's or provider's trouble, named as such ("this carrier
        // issue", "a fault upstream", "the fault has been identified with a
        // single provider"), or an outside party's own change ("an update to their
        // service", "on their end").
        r"(?i)\b(?:carrier|vendor|supplier|provider|ISP|upstream)\s+(?:(?:software|hardware|network|firmware|system|platform)\s+)?(?:issues?|problems?|outages?|failures?|errors?|delays?|faults?|incidents?)\b|\bupstream\s+[\w-]+\s+(?:faults?|failures?|outages?)\b|\b(?:faults?|issues?|problems?|failures?)\s+upstream\b|\b(?:fault|issue|problem|failure)\s+(?:has\s+been\s+|was\s+|is\s+)?(?:identified|traced|isolated|located|pinpointed)\s+(?:with|to|at)\s+(?:an?|the|one\s+of\s+our|our|a\s+single)\s+(?:[\w-]+\s+){0,2}?(?:carrier|provider|ISP|vendor|supplier|upstream)s?\b|\b(?:update|change|problem|issue|bug|outage|failure|fault)s?\s+(?:to|in|with|on|within)\s+their\s+(?:[\w-]+\s+)?(?:service|systems?|network|platform|infrastructure|API|servers?)\b|\bon\s+their\s+(?:end|side)\b".to_owned(),
        // The provider's own finding of the cause ("Provider confirms root
        // cause was a fibre break") puts the fault on its side.
        r"(?i)\b(?:providers?|carriers?|suppliers?|vendors?|upstreams?)\s+(?:has\s+|have\s+)?(?:confirm\w*|identifi\w*|report\w*|advis\w*|stat\w*)\s+(?:that\s+)?(?:the\s+)?(?:root\s+)?cause\b".to_owned(),
        // A provider that lost what it carried: "our SMS vendor dropped
        // messages" (but "the session with the provider had dropped" is a
        // link going down, not the provider's act).
        r"(?i)\b(?:our|the|an?)\s+(?:[\w-]+\s+){0,2}?(?:vendors?|providers?|suppliers?|carriers?|partners?)\s+(?:has\s+|have\s+|had\s+)?(?:dropped|lost|deleted|rejected|blocked|throttled|discarded)\s+(?:[\w-]+\s+){0,2}?(?:messages|calls|traffic|packets|data|requests|emails|e-mails|texts|orders|payments|records|files|events|notifications|webhooks)\b".to_owned(),
        // Traffic another company's systems sent us: "the DDoS level of
        // traffic coming from their systems".
        r"(?i)\b(?:traffic|requests|load|calls|flood)\s+(?:coming|originating|sent)\s+from\s+(?:their|(?-i:[A-Z][a-zA-Z]+)(?:'s|’s))\s+(?:systems?|servers?|side|platform|network|infrastructure)\b".to_owned(),
        // A customer whose traffic took the service down.
        r"(?i)\b(?:from|by|originating\s+from)\s+(?:a\s+single|one)\s+(?:customer|user|tenant|client)\b|\b(?:from|by)\s+(?:a\s+particular|a\s+specific)\s+group\s+of\s+(?:customers|users|clients|visitors)\b|\b(?:a\s+single|one)\s+(?:customer|user|tenant|client)(?:['’]s)?\s+(?:account\s+|environment\s+)?(?:generated|triggered|caused|sent|flooded|overloaded)\b".to_owned(),
        // Another company's API or platform changing under us.
        r"\b[A-Z][a-zA-Z]+(?:'s|’s)?\s+(?:API|platform)\s+(?i:changes?|updates?|outages?|issues?|deprecation|failures?)\b|(?i:\b(?:changes?|updates?|deprecation)\s+(?:to|in|of|by)\s+)(?:the\s+)?[A-Z][a-zA-Z]+(?:'s|’s)?\s+(?:API|platform)\b".to_owned(),
        // People who slipped: "by one of our engineers", "accidentally deleted".
        r"(?i)\bby\s+(?:an?|one\s+of\s+our|our|the)\s+(?:engineers?|employees?|operators?|technicians?|team\s+members?|administrators?|developers?|contractors?|staff\s+members?)\b|\bby\s+(?:a\s+)?human\s+(?:interaction|action|intervention|input|activity|hand)\b|\b(?:inadvertently|accidentally|mistakenly|erroneously|unintentionally)\s+(?:\w+\s+)?(?:deleted|removed|dropped|ran|executed|pushed|deployed|applied|modified|misconfigured|shut|disabled|disconnected|terminated|unplugged|cut)\b".to_owned(),
        // A person or a team named as the cause ("human and process error":
        // people among the causes are still blamed).
        r"(?i)\b(?:human|operator|manual)\s+(?:(?:and|or|&)\s+[\w-]+\s+)?(?:error|mistake)s?\b|\b(?:instructions|procedures?|runbooks?|steps)\s+(?:[\w-]+\s+){0,3}?(?:was|were)\s+not\s+followed\b|\bengineer-driven\b|\bfat[- ]finger\w*|\ban\s+error\s+was\s+made\b|\bentered\s+incorrectly\b|\b(?:recogni[sz]es?|recogni[sz]ed|made)\s+(?:the|a)\s+mistake\b|\bteam\s+member\b[^.]{0,80}?\bexecuted\b|\b(?:an?|the)\s+(?:engineer|operator|administrator|employee)\s+(?:was\s+)?(?:performing|executed|ran|running|entered|typed|deleted|pushed)\b|\b[\w-]+\s+team\s+(?:upgraded|changed|executed|ran|made\s+a\s+change)\b".to_owned(),
        // Somebody else's digging: "damage caused by 3rd party road works",
        // "caused by the road expansion works".
        r"(?i)\b(?:caused|cut|damaged|severed|broken)\s+by\s+(?:the\s+|(?:3rd|third)[\s-]+party\s+)?(?:[\w-]+\s+){0,2}?(?:road\s?works|(?:construction|civil|building|excavation|expansion)\s+works?|digging|excavations?)\b".to_owned(),
        // Somebody who broke in: "hackers gained access to its networks",
        // "compromised by an unauthorized third party", "we're under attack
        // from Russian Spambots". Only an act told of
        // them counts, so "protect against hackers" and "hackers are
        // bypassing multifactor authentication", said of the world at
        // large, stay plain.
        format!(r"(?i)\b{INTRUDERS}\s+(?:[\w-]+\s+)?(?:successfully\s+)?(?:broke|gained|compromised|stole|leveraged|exfiltrated|accessed|attacked|infected|breached|obtained|sent|carried\s+out|(?:was|were)\s+able|could\s+access|managed)\b|\b(?:by|(?:under\s+(?:attack|siege)|attacks?)\s+from)\s+(?:the\s+|an?\s+|some\s+)?(?:[\w-]+\s+){{0,2}}?{INTRUDERS}\b"),
    ]
    .iter()
    .map(|p| compile(p))
    .collect()
});

/// People who break in or abuse an account, named by what they are rather
/// than who ("compromised by a spammer": four of four tune sentences with a
/// spammer are blame).
const INTRUDERS: &str = r"(?:hackers?|attackers?|spammers?|spam-?bots?|botnets?|threat\s+actors?|malicious\s+actors?|cyber-?\s?criminals?|intruders?|unauthori[sz]ed\s+third[\s-]+part(?:y|ies))";

/// A provider named in passing ("our data centre provider has sent a
/// response", "all three major cloud providers", the recipient's mail
/// server, "the gateway we rely on", "the SMS Provider" in title case,
/// "their card-issuing bank")
/// blames it only when the sentence says something went wrong.
pub(super) static PROVIDER: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i:\b(?:(?:our|my|your|the|their|one\s+of\s+(?:our|its|their)|\w+(?:'s|’s))\s+(?:[\w-]+\s+){0,4}?|an?\s+(?:[\w-]+\s+){0,2}?|(?:all|both|each|every|two|three)\s+(?:[\w-]+\s+){0,3}?))(?:providers?|vendors?|suppliers?|partners?|carriers?|contractors?|processors?|manufacturers?|ISPs?|upstreams|registrars?|telcos?|resellers?|distributors?|landlords?|acquirers?|(?:card\s+)?issuers?|(?:card[\s-])?(?:issuing|acquiring)\s+banks?|(?:mobile|network|phone|telecoms?|cable|grid)\s+operators?|(?:primary|upstream|voice|carrier)\s+interconnects?|national\s+grid|air\s+traffic\s+control(?:lers)?|(?:phone|telephone|telecoms?|power|electricity|energy|water|gas|cable|internet|broadband|courier|delivery)\s+compan(?:y|ies)|(?:electric|electricity|power|water|gas)\s+utilit(?:y|ies)|(?:web|website|cloud|hosting|VPS|DNS|e-?mail|mail)\s+hosts?|certificate\s+authorit(?:y|ies)|webhosts?|(?:web\s*)?hosting\s+(?:services?|compan(?:y|ies)|part(?:y|ies)|firms?))(?:'s|’s)?\b|(?i:\b(?:the|a)\s+(?:company|firm|business)\s+(?:that|which|who)\s+(?:hosts|runs|provides|supplies|manages|owns)\b)|\b[A-Z][a-zA-Z]+,\s+(?:a|an|our)\s+(?:[\w/-]+\s+){0,3}?(?:provider|vendor|partner|supplier|carrier)\b|(?i:\banother\s+part(?:y|ies)\b)|(?i:,\s+(?:which|who)\s+(?:hosts|runs|provides|supplies|manages|powers)\s+our\b)|(?i:\b[\w-]+\s+(?:that\s+|which\s+)?we\s+(?:rely|depend)\s+(?:on|upon)\b)|(?i:\b(?:the\s+)?(?:recipient|recipients|remote|destination|end-customers?)(?:'s|’s|s['’])?\s+(?:e-?mail\s+|mail\s+)?(?:servers?|systems?|services?|domains?)\b)|\b(?:provider|supplier|carrier|vendor)\s+[A-Z][a-zA-Z]+\b|\b(?:provider|supplier|vendor|partner|carrier|host),\s+[A-Z][a-zA-Z]+,|(?i:\b(?:our|the)\s+(?:[\w-]+\s+){0,2}?)(?:Provider|Supplier|Vendor|Carrier)s?(?:'s|’s)?\b",
    )
});

/// Named parties: a company announcing its own trouble on our page, or
/// somebody else's possession that failed ("CrowdStrike's Falcon sensor
/// disruptions"). Checked against [`OUR_SIDE`], since any capitalised word
/// can open a sentence.
pub(super) static PARTIES: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    [
        format!(r"\b(?:{VENDORS}|[A-Z][a-zA-Z]+)(?:\s+Inc\.?,?)?(?:,\s+the\s+(?:company|firm|provider|vendor)\s+[^,.!?]{{1,50}},)?\s+(?:(?:has\s+(?:recently\s+|now\s+|also\s+)?)?(?:acknowledged|announced|stated|released|confirmed\s+(?:a|an|that))|notified\s+us|informed\s+us)\b"),
        r"\b[A-Z][a-zA-Z]+\s+(?:has|have)\s+(?:identified|acknowledged|confirmed|reported|decided|revealed)\b".to_owned(),
        // Another company's own account of its outage: "According to OVH,
        // the network outage was caused by a firmware bug".
        r"\b(?i:according\s+to)\s+[A-Z][a-zA-Z]+,\s+(?i:(?:the|their|its)\s+(?:[\w-]+\s+){0,3}?(?:outage|failure|incident|disruption|fault|problem|issue)\s+(?:was|were|is)\s+(?:caused|due|the\s+result|triggered))\b".to_owned(),
        // Another company's customers all hit, or its engineers unable to
        // mend it: "All of Netsight's customers were affected", "Level 3
        // engineers were unable to access the secure location".
        r"\b[A-Z][a-zA-Z]+(?:'s|’s)\s+(?:other\s+)?(?:customers|clients|users)\s+(?:were|are|have\s+been|had\s+been)\s+(?:also\s+|all\s+)?(?:affected|impacted|down|offline|disrupted)\b".to_owned(),
        r"\b[A-Z][a-zA-Z&-]*(?:\s+\d+)?\s+(?:engineers?|technicians?|crews?)\s+(?:(?:were|was)\s+(?:still\s+)?(?:unable|not\s+able)|could\s+not|couldn['’]t|failed\s+to)\b".to_owned(),
        // Another organisation telling of the fault in its own network:
        // "CENIC reported intermittent traffic loss", "CENIC identified a
        // malfunctioning router".
        r"\b[A-Z][a-zA-Z]+\s+(?:reported|identified|found)\s+(?:an?\s+|the\s+|some\s+)?(?:[\w-]+\s+){0,3}?(?i:outages?|faults?|failures?|problems?|issues?|loss|malfunction\w*|breaks?|cuts?|router|switch|fibre|fiber)\b".to_owned(),
        r"\b[A-Z][a-zA-Z]+(?:'s|’s)\s+(?:[\w-]+\s+){0,2}?(?i:outages?|failures?|disruptions?|faults?|mistakes?|bugs?|fibre\s+break|fiber\s+break)\b|\b[A-Z][a-zA-Z]+(?:'s|’s)\s+(?:[\w-]+\s+){0,3}?(?:seems?\s+to\s+have\s+|appears?\s+to\s+have\s+)?(?:suffered|experienced)\b".to_owned(),
        // Another company's service that had the trouble: "Amazon’s Route53
        // DNS service had an outage".
        r"\b[A-Z][a-zA-Z]+(?:'s|’s)\s+(?:[\w-]+\s+){0,3}?(?:had|has\s+had)\s+(?:an?\s+|some\s+)?(?:[\w-]+\s+){0,2}?(?i:outages?|disruptions?|failures?|faults?|incidents?|problems?|issues?)\b".to_owned(),
        // A named vendor's own network failing: "the CloudFlare network
        // began to fault worldwide".
        format!(r"\b{VENDORS}\s+(?i:network|platform|services?|API|CDN|servers?|infrastructure|edge)\s+(?i:(?:began|started)\s+to\s+)?(?i:fault\w*|fail\w*|went\s+down|was\s+down|crashed|degraded|suffered|experienced)\b"),
        // Another company's platform slow or coming back: "attributed to
        // Shopify API degradation", "as Shopify performance improved".
        // Only after a joining word or a comma: a capital that opens the
        // sentence ("High API latency", "Checkout performance") is no name.
        r"(?:\b(?i:to|as|after|once|and|by|from|with|of|when|until|while)\s+|,\s+)[A-Z][a-zA-Z]+(?:'s|’s)?\s+(?:(?:API|APIs|platform)(?:\s+performance)?|performance)\s+(?i:degradation|slowness|instability|latency|(?:has\s+|had\s+)?(?:stabili[sz]ed|recovered|improved|degraded))\b".to_owned(),
        // Another company's own things failing: "BT's sessions failed to
        // redirect".
        r"\b[A-Z][a-zA-Z]+(?:'s|’s)\s+(?:[\w-]+\s+){0,2}?(?:failed|crashed|broke)\b".to_owned(),
        // Another company's service gone: "Microsoft's Azure storage
        // service in the South Central US region has been offline".
        r"\b[A-Z][a-zA-Z]+(?:'s|’s)\s+(?:[\w-]+\s+){0,10}?(?:(?:has|have|had)\s+been|was|were|went)\s+(?:offline|down|unavailable|unreachable)\b".to_owned(),
    ]
    .iter()
    .map(|p| compile(p))
    .collect()
});

/// A named party throttling or blocking us: "rate limited on the Steam
/// servers". The name is checked against [`OUR_SIDE`], since "payments were
/// blocked on Thursday morning" names a day, not who blocked them.
pub(super) static BLOCKED_BY: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i:\b(?:rate[- ]limited|throttled|blocked|banned)\s+(?:by|on|at)\s+(?:the\s+)?)([A-Z][a-zA-Z]+)\b",
    )
});

/// A capitalised word that is ours or a sentence opener, not a third party.
pub(super) static OUR_SIDE: LazyLock<Regex> =
    LazyLock::new(|| compile(&format!(r"^(?:{NOT_A_PARTY})\b")));

/// The same trouble "widely reported by other AWS customers": naming the
/// others who share a vendor names whose trouble it is. (Only a named
/// vendor: "other Nest customers" in news about Nest is the company's own.)
pub(super) static OTHER_CUSTOMERS: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"\b(?i:other)\s+{VENDORS}\s+(?i:customers|users|clients|tenants|subscribers)\b"
    ))
});

/// A party that let us down: "failed to notify us", "dropped the ball",
/// "the server was shut down by our host".
pub(super) static LET_DOWN: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\b(?:failed|neglected|forgot)\s+to\s+(?:inform|notify|tell|warn|alert|advise|update)\s+us\b|\b(?:did\s+not|didn['’]t|never)\s+(?:inform|notify|tell|warn|alert|advise)\s+us\b|\bwithout\s+(?:notifying|informing|telling|warning)\s+us\b|\bdropped\s+the\s+ball\b|\b(?:shut\s+down|taken\s+(?:offline|down)|suspended|null[\s-]?routed)\s+by\s+(?:our|the)\s+(?:[\w-]+\s+)?(?:host|web\s*host|hosting\s+(?:provider|company)|ISP)\b|\bwithout\s+(?:any\s+)?(?:prior\s+|advance\s+)?(?:notice|warning)\b|\b(?:were|was|is|are)\s+unable\s+to\s+(?:provide|give|tell)\s+us\b|\b(?:could\s+not|couldn['’]t)\s+(?:provide|give|tell)\s+us\b|\blet\s+us\s+down\b|\bkept\s+us\s+in\s+the\s+dark\b|\bwe\s+(?:had|have|were)(?:\s+not|n['’]t|\s+never)\s+(?:been\s+)?(?:made\s+aware|informed|notified|told|warned)\s+of\b|\btheir\s+(?:incompetence|negligence|carelessness)\b|\b(?:weren['’]t|were\s+not|wasn['’]t|was\s+not)\s+(?:answering|responding\s+to|picking\s+up(?:\s+(?:the\s+|their\s+|our\s+)?(?:phones?|calls?))?)\b|\bwould\s+not\s+(?:allow|let)\s+(?:me|us)\b|\b(?:they|the\s+(?:vendor|provider|supplier|company|carrier))\s+(?:have|has|had)(?:\s+not|n['’]t)\s+(?:yet\s+)?(?:explained|told\s+us|said)\s+(?:what|why|how)\b|\bwe\s+(?:have|had)(?:\s+not|n['’]t|\s+never)\s+(?:yet\s+)?(?:been\s+given|received)\s+(?:any\s+)?(?:details|explanation|RFO|root\s+cause)\b|\btheir\s+(?:[\w-]+\s+){0,3}?(?:links?|lines?|circuits?|network|equipment|power|generators?|systems?|servers?|infrastructure|platform|fib(?:re|er)|cables?)\s+(?:had\s+|has\s+|have\s+)?(?:failed|went\s+down|crashed|broke|(?:was|were|been)\s+down)\b",
    )
});

/// What follows "wasn't picking up" when it picks something up: "the
/// program wasn't picking up Chris's voice" is a microphone, not a phone
/// left ringing.
pub(super) static PICKS_UP_SOMETHING: LazyLock<Regex> =
    LazyLock::new(|| compile(r"^\s+(?:[A-Z]|(?i:my|our|his|her|its|the|a|an|any|some)\b)"));

/// Our own watch on the service, which can miss a problem without anyone
/// else being at fault: "Our monitoring did not alert us", "our monitoring
/// of the gateway service failed to notify us", "a misconfigured alert that
/// did not trigger and didn't alert us".
pub(super) static OUR_OWN_WATCH: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\bour\s+(?:[\w-]+\s+)?(?:monitoring|alerting|alarms?|alerts?|probes?|checks?|tools?|tooling|dashboards?|metrics)\s+(?:(?:systems?|services?|stack|setup|platform)\s+)?(?:(?:of|for|on)\s+(?:[\w-]+\s+){1,5}?)?$|\b(?:an?|the|our)\s+(?:[\w-]+\s+){0,2}?(?:monitoring|alerting|alarms?|alerts?|probes?|checks?)\s+(?:that|which)\s+(?:[\w'’-]+\s+){0,6}$",
    )
});

/// Where we tell customers, which a problem is "reported to" without being
/// handed to anyone: "we reported it to StatusPage".
pub(super) const WHERE_WE_PUBLISH: [&str; 3] = ["StatusPage", "Statuspage", "Twitter"];

/// The fault taken to a named company: "escalated within Neotel", "reported
/// to TENET's service desk". Naming where the fault went names whose it is.
pub(super) static ESCALATED_TO: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"\b(?i:escalated|reported|raised)\s+(?:(?i:it|this|the\s+(?:issue|fault|problem|matter))\s+)?(?i:with(?:in)?|to)\s+([A-Z][a-zA-Z]+)\b",
    )
});

/// Our own people a problem is escalated to: "escalated to Incident
/// Commander", "reported to Engineering".
pub(super) const ROLES: [&str; 16] = [
    "Incident",
    "Engineering",
    "Support",
    "Operations",
    "Ops",
    "Security",
    "Management",
    "Leadership",
    "Product",
    "Tier",
    "Level",
    "Senior",
    "Technical",
    "Development",
    "Site",
    "On",
];

/// Our things in somebody else's hands: "data centers managed by Flexential".
pub(super) static IN_OTHER_HANDS: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"\b(?i:managed|operated|run|hosted|owned|maintained|supplied)\s+by\s+[A-Z][a-zA-Z]+")
});

/// "Third-party" before anything but the customer's own integrations.
pub(super) static THIRD_PARTY: LazyLock<Regex> =
    LazyLock::new(|| compile(r"(?i)\b(?:third|3rd)[- ]?party\s+([\w-]+)"));

/// What a third party can be without being blamed: the customer's own tools.
pub(super) const THEIR_OWN: [&str; 17] = [
    "ticketing",
    "system",
    "software",
    "integration",
    "integrations",
    "app",
    "apps",
    "application",
    "applications",
    "cookies",
    "tool",
    "tools",
    "clients",
    "extensions",
    "plugins",
    "libraries",
    "services",
];

pub(super) fn warm() {
    LazyLock::force(&BLAME);
    LazyLock::force(&OUR_OWN_WATCH);
    LazyLock::force(&PROVIDER);
    LazyLock::force(&PARTIES);
    LazyLock::force(&OUR_SIDE);
    LazyLock::force(&NOT_A_NAME);
    LazyLock::force(&OTHER_CUSTOMERS);
    LazyLock::force(&LET_DOWN);
    LazyLock::force(&PICKS_UP_SOMETHING);
    LazyLock::force(&ESCALATED_TO);
    LazyLock::force(&BLOCKED_BY);
    LazyLock::force(&IN_OTHER_HANDS);
    LazyLock::force(&THIRD_PARTY);
}
