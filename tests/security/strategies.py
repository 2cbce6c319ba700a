"""Hypothesis strategies of hostile input for the portal's forms and parsers.

Long strings, NUL and other control characters, Unicode look-alikes (full-width, Arabic
and mathematical digits, Cyrillic letters, ligatures, right-to-left marks), SQL and
HTML payloads, template syntax, header injection: what ASVS V1 (encoding), V2.2
(validation) and V16.5.1 (no stack trace on error) must survive. Valid values are mixed
in so that the deeper branches of each flow are reached too.
"""

from __future__ import annotations

from hypothesis import strategies as st

#: Characters a form can carry: anything but lone surrogates (not encodable in UTF-8).
TYPABLE = st.characters(exclude_categories=("Cs",))

SQL = (
    "' OR '1'='1",
    "' OR 1=1 --",
    "'; DROP TABLE account; --",
    '" OR ""="',
    "1; SELECT pg_sleep(5)",
    "%' AND 1=0 UNION SELECT password_hash FROM account --",
    "5436548' --",
    "\\'; --",
)
HTML = (
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "<svg onload=alert(1)>",
    "javascript:alert(1)",
    "{{ 7*7 }}",
    "{% for x in range(9) %}",
    "${7*7}",
    "<!--",
    "]]>",
)
CONTROL = (
    "\x00",
    "a\x00b",
    "5436548\x00",
    "\r\nSet-Cookie: evil=1",
    "\u202e",  # right-to-left override
    "\ufeff",  # byte order mark
    "\u200b",  # zero-width space
    "\x1b[31m",
    "%00",
    "../../etc/passwd",
)
LOOK_ALIKES = (
    "５４３６５４８",  # full-width digits of a real contract number
    "٥٤٣٦٥٤٨",  # Arabic-Indic digits
    "𝟓𝟒𝟑𝟔𝟓𝟒𝟖",  # mathematical bold digits
    "louise@exаmple.be",  # Cyrillic a
    "LOUISE@EXAMPLE.BE",
    "ﬁ@example.be",  # ligature
    "ß" * 30,
    "İ",
    "０４７０ １２ ３４ ５６",  # full-width mobile number
    "85.03.12-１２３.４５",
    "１９８５-０３-１２",
)
STRANGE = SQL + HTML + CONTROL + LOOK_ALIKES

#: Long text stays readable in Hypothesis reports (each character a short repr).
LONG_ALPHABET = "ab9 .-@<>'\"&;\x00éß５"

#: Strings that must never appear unescaped in a page.
REFLECTION_PAYLOADS = tuple(p for p in HTML if "<" in p)


def hostile_text(max_size: int = 60) -> st.SearchStrategy[str]:
    """Short random text, known payloads, payloads glued to random text, long text."""
    return st.one_of(
        st.sampled_from(STRANGE),
        st.text(TYPABLE, max_size=max_size),
        st.builds(lambda a, b: a + b, st.sampled_from(STRANGE), st.text(TYPABLE, max_size=20)),
        st.text(st.sampled_from(LONG_ALPHABET), min_size=255, max_size=1500),
        st.just(""),
    )


def or_valid(*valid: str, max_size: int = 60) -> st.SearchStrategy[str]:
    """Hostile text, or one of the valid values (sometimes decorated)."""
    good = st.sampled_from(valid)
    decorated = st.builds(
        lambda v, pad: pad + v + pad, good, st.sampled_from(("", " ", "  ", "\t", "\u00a0"))
    )
    return st.one_of(good, decorated, hostile_text(max_size))


DATES = st.one_of(
    st.dates().map(lambda d: d.isoformat()),
    st.sampled_from(
        (
            "1985-03-12",
            "1985-02-30",
            "0000-00-00",
            "0001-01-01",
            "9999-12-31",
            "1985-3-12",
            "12/03/1985",
            "1985-03-12T00:00",
            "-1985-03-12",
            "1e10",
            "１９８５-０３-１２",
        )
    ),
    hostile_text(30),
)

#: A brand space: (brand, language).
SPACES = st.sampled_from((("pv", "nl"), ("pv", "fr"), ("vivium", "fr"), ("vivium", "nl")))


def one_field_hostile(
    valid: dict[str, str], hostile: dict[str, st.SearchStrategy[str]] | None = None
) -> st.SearchStrategy[dict[str, str]]:
    """A form's fields: all valid but one (so each parser behind the form is reached),
    or every field hostile at once."""
    hostile = {name: (hostile or {}).get(name, or_valid(value)) for name, value in valid.items()}

    def with_one(name: str) -> st.SearchStrategy[dict[str, str]]:
        if name == "*":
            return st.fixed_dictionaries(hostile)
        return hostile[name].map(lambda value: {**valid, name: value})

    return st.sampled_from([*valid, "*"]).flatmap(with_one)
