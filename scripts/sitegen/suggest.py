""" "Suggest a correction" and "Propose a new result" links: they open the repository's issue forms
(.github/ISSUE_TEMPLATE/) with the country, the figure or change id and the page's address filled in, using
GitHub's issue-form URL parameters (each form field's `id` is a query parameter).

The repository is the `extra.repository` setting of mkdocs.yml (settings.repository()); with none set, or one
that is not an https:// address, no link is shown. Every value is URL-encoded, then HTML-escaped.

A link stays under URL_MAX characters whatever the data holds (a 33,000-character country name once made
33,000-character links): each value is cut with "…" to its share of VALUE_MAX, counted once URL-encoded (a
character can take up to 12 there), and a repository address longer than REPOSITORY_MAX shows no link."""

from __future__ import annotations

from urllib.parse import quote, urlencode

from spf.sitegen import settings
from spf.sitegen.components import Raw, page_url, sentence
from spf.sitegen.i18n import _
from spf.sitegen.text import h

CORRECTION = "report-data-error.yml"
PROPOSAL = "propose-result.yml"
LIMIT = 300  # characters of a description put into the form; the page address shows the rest
URL_MAX = 4_000  # characters of a whole link: half of GitHub's practical limit of about 8,000
REPOSITORY_MAX = 200
# URL-encoded characters of each value. With the longest repository, the template and the parameter names
# (about 300 characters), a link holds at most 200 + 300 + 300 + 1,000 + 300 + 1,500 = 3,600 < URL_MAX.
VALUE_MAX = {"title": 300, "page": 1_000, "country": 300, "figure": 1_500}


def _repository(repository: str | None) -> str:
    value = settings.repository() if repository is None else repository.rstrip("/")
    return value if value.startswith("https://") and len(value) <= REPOSITORY_MAX else ""


def fit(value: str, budget: int) -> str:
    """The value, cut with "…" where it would take more than `budget` characters once URL-encoded."""
    if len(quote(value, safe="", errors="replace")) <= budget:
        return value
    room, used = budget - len(quote("…", safe="")), 0
    for end, char in enumerate(value):
        used += len(quote(char, safe="", errors="replace"))
        if used > room:
            return value[:end] + "…"
    return value


def page_address(src: str) -> str:
    """The published address of a page, or its path on the site when no address is set."""
    path = page_url(src)
    path = path + "/" if path else ""
    base = settings.site_url()
    return base.rstrip("/") + "/" + path if base else "/" + path


def issue_url(repository: str, template: str, title: str, **fields: str) -> str:
    """The issue form's address with its fields filled in, each value cut to its VALUE_MAX."""
    values = {name: fit(str(value), VALUE_MAX[name]) for name, value in {"title": title, **fields}.items()}
    query = urlencode({"template": template, **values}, quote_via=quote, errors="replace")
    return f"{repository}/issues/new?{query}"


def _a(url: str, text: str) -> str:
    return f'<a class="suggest" href="{h(url)}" rel="external">{h(text)}</a>'


def country_links(country: str, src: str, repository: str | None = None, shown: str | None = None) -> str:
    """A paragraph with both links for a country page, or "" when no repository is set. The issue is filed
    in English (the repository's language) with the data's `country` name; `shown` is the page's name."""
    repo = _repository(repository)
    if not repo:
        return ""
    page = page_address(src)
    fix = issue_url(repo, CORRECTION, f"Data error: {country}", page=page, country=country)
    new = issue_url(repo, PROPOSAL, f"New result: {country}", country=country, page=page)
    correct, propose = _("Suggest a correction"), _("Propose a new result")
    question = sentence(_("Something wrong or missing for {country}?"), country=h(shown or country))
    return Raw(f'<p class="suggest-links">{question} {_a(fix, correct)} · {_a(new, propose)}</p>')


def change_link(change: dict, country: str, src: str, repository: str | None = None) -> str:
    """A "Suggest a correction" link for one institutional change (by its change_id), or ""."""
    repo = _repository(repository)
    if not repo:
        return ""
    description = str(change.get("description") or "")
    if len(description) > LIMIT:
        description = description[: LIMIT - 1] + "…"
    figure = f"{change['change_id']}: {description}"
    url = issue_url(
        repo,
        CORRECTION,
        f"Data error: {change['change_id']} ({country})",
        page=page_address(src),
        country=country,
        figure=figure,
    )
    return Raw(_a(url, _("Suggest a correction")))
