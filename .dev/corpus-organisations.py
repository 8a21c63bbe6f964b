#!/usr/bin/env python3
"""Whose page each page of the status-page corpus is, from its address alone.

Every page of `corpus/status-pages.txt` carries `@organisation <names>`, the
Settings entry a lead of that organisation would have made: the registrable
name in the address ("okta" for support.okta.com, "github" for
githubstatus.com), the provider a status aggregator's or a status-page
showcase's page is about (pingoru.io/providers/okta,
slok.github.io/stactus-showcase/simple/github), an IT department's
subdomain as well (oit.ua.edu is "oit, ua"), a product's status page under
its company's (bitbucket.status.atlassian.com is "bitbucket, atlassian"),
and nothing
where the address does not say (a link shortener, a mirror, a
statuspage.io short link). No sentence is read, so the held-out half is
annotated the same way as the tune half.

    python3 .dev/corpus-organisations.py --check   # lists pages that differ
    python3 .dev/corpus-organisations.py --write   # rewrites the directives

A new page needs only its `@source`; `--write` adds the line after it.
"""
import re
import sys
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent / "src-tauri/crates/core/corpus/status-pages.txt"

# Hosts that serve many organisations' pages: the name is the subdomain.
HOSTS = {
    "statuspage.io", "status.io", "medium.com", "github.io", "wordpress.com",
    "blogspot.com", "substack.com", "hashnode.dev", "tumblr.com", "ghost.io",
    "netlify.app", "herokuapp.com", "instatus.com", "atlassian.net",
    "notion.site", "vercel.app", "pages.dev", "gitlab.io", "statuspal.io",
    "sorryapp.com", "tawk.help", "freshdesk.com", "zendesk.com", "iheart.com",
    "patch.com", "nub.news",
}
# Country second levels, read past to the name before them.
TWO_PART = {
    "co.uk", "com.au", "co.nz", "org.uk", "ac.uk", "co.za", "com.br", "co.jp",
    "gov.uk", "ac.za", "org.au", "net.au", "co.in", "com.sg", "ac.nz",
    "gov.au", "nhs.uk", "ltd.uk", "me.uk", "edu.au", "edu.hk", "co.zw",
    "org.ng", "net.nz", "net.uk", "gov.gi",
}
GENERIC = {"edu", "co", "org", "net", "gov", "ac", "k12", "tx", "nb", "fl", "us", "ca"}
# Addresses that do not say whose page it is.
UNKNOWN = {
    "stspg.io", "tenant.statuspage.io", "f4g8z0njphjx.statuspage.io", "buff.ly",
    "feeds.feedburner.com", "joyk.com", "d18rjofxjei1sq.cloudfront.net",
    "hackernewsfavorites.com", "www.incidenthub-bay.com", "www.updatemonitor.com",
    "status.status.page",
    # A person's gist names the person, not the company they wrote for.
    "gist.github.com",
    # A site builder's mirror of another site's page.
    "mobile.dudasite.com",
}
# Names that go by more than their address says.
ALIASES = {
    "amazon": "amazon, aws, amazon web services",
    "vip": "wordpress",
    "bluetracker": "blizzard",
    "meta": "statuspal",
    "battle": "battle.net, blizzard",
    "grafanalabs": "grafana labs, grafana",
    "onepassword": "1password, onepassword",
    "glideapps": "glide, glideapps",
    "neondatabase": "neon, neondatabase",
    "checklyhq": "checkly, checklyhq",
    "ashbyhq": "ashby, ashbyhq",
    "vectorcharts": "vector charts, vectorcharts",
    "hbkwhere": "hbk where, hbkwhere",
}
# IT departments that speak for themselves on a university's site.
DEPARTMENTS = {"oit", "it", "its", "itsc", "ist", "tltc"}
AGGREGATORS = {"pingoru.io", "statusfield.com", "statussight.com", "www.plushcap.com", "pulsetic.com"}


def host_of(url):
    return re.sub(r"^https?://", "", url).split("/")[0].split(":")[0].split("?")[0].lower()


def name_of(url):
    host = host_of(url)
    path = re.sub(r"^https?://[^/]+", "", url)
    if host in UNKNOWN:
        return ""
    if host == "scour.ing":
        return name_of(re.sub(r"^/p/", "", path))
    provider = re.match(r"^/(?:providers|status|content)/([\w-]+)", path)
    if host in AGGREGATORS and provider:
        return provider.group(1)
    # A status-page showcase that renders each provider's history under
    # its name: slok.github.io/stactus-showcase/simple/github/history/5.
    showcase = re.match(r"^/stactus-showcase/[\w-]+/([\w-]+)/", path)
    if host == "slok.github.io" and showcase:
        return ALIASES.get(showcase.group(1), showcase.group(1))
    # A Notion workspace's pages sit under its name: notion.so/hookdeck/...
    if host in ("notion.so", "www.notion.so"):
        return path.strip("/").split("/")[0].lower()
    if host == "devtrackers.gg":
        return path.strip("/").split("/")[0].split("?")[0]
    parts = host.split(".")
    # A Vercel preview deployment ends with the owner's team name:
    # neon-next-git-fix-wp-preview-neondatabase.vercel.app is Neon's, and
    # so is neon-next-74y18yb1e-neondatabase.vercel.app (a nine-character
    # build hash, which holds a digit where a word would not).
    preview = re.match(r"^[a-z0-9-]+-(?:git-[a-z0-9-]+|(?=[a-z0-9]{9}-)[a-z]*\d[a-z0-9]*)-([a-z0-9]+)\.vercel\.app$", host)
    if preview:
        return ALIASES.get(preview.group(1), preview.group(1))
    for shared in HOSTS:
        shared_parts = shared.split(".")
        if host.endswith("." + shared) and len(parts) > len(shared_parts):
            sub = parts[-len(shared_parts) - 1]
            if sub == "lobby":
                return "wordpress"
            if sub not in ("www", "status", "blog", "staff"):
                return ALIASES.get(sub, sub)
    last = 3 if ".".join(parts[-2:]) in TWO_PART else 2
    i = len(parts) - last
    while i > 0 and parts[i] in GENERIC:
        i -= 1
    name = parts[max(i, 0)]
    name = re.sub(r"-?status$", "", name) or name
    name = re.sub(r"^get(?=.{4,})", "", name)
    return ALIASES.get(name, name)


def organisation(url):
    name = name_of(url)
    if not name:
        return ""
    parts = host_of(url).split(".")
    departments = [p for p in parts[:-2] if p in DEPARTMENTS]
    # A product's own status page under its company's: "bitbucket" for
    # bitbucket.status.atlassian.com.
    products = (
        [parts[0]]
        if len(parts) == 4 and parts[1] == "status" and parts[0] not in ("support", "emea", "www")
        else []
    )
    return ", ".join(departments + products + [name])


def rewritten(lines):
    out, source = [], None
    for line in lines:
        if line.startswith("@organisation"):
            continue
        out.append(line)
        if line.startswith("@source"):
            source = line.split()[1]
            out.append(("@organisation " + organisation(source)).rstrip() + "\n")
    return out


def main():
    if sys.argv[1:] not in (["--check"], ["--write"]):
        sys.exit(__doc__)
    lines = CORPUS.read_text().splitlines(keepends=True)
    fixed = rewritten(lines)
    if sys.argv[1] == "--write":
        CORPUS.write_text("".join(fixed))
        return
    if len(lines) != len(fixed):
        sys.exit(f"{abs(len(fixed) - len(lines))} pages lack their @organisation line: run --write")
    differ = [(n, b) for n, (a, b) in enumerate(zip(lines, fixed), 1) if a != b]
    for n, line in differ:
        print(f"line {n}: should be {line}", end="")
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
