"""HTML tags in note text: which ``<…>`` are markup (dropped from cards) and which are the note's own text.

A note about commands writes placeholders (``kubectl drain <node>``); a note about Vim or an editor writes keys in
angle brackets (``u<C-r>``, ``<Esc>``, ``<leader>w``). Both look like tags to CommonMark and both are text.
"""

from __future__ import annotations

import re

#: HTML's element names (and the few older ones notes still hold): ``<b>``, ``<img …>``, ``</div>`` are markup.
HTML_TAGS = frozenset(
    """a abbr address article aside audio b bdi bdo big blockquote body br button canvas caption center cite code col
    colgroup data dd del details dfn dialog div dl dt em embed fieldset figcaption figure font footer form h1 h2 h3
    h4 h5 h6 head header hr html i iframe img input ins kbd label legend li link main map mark meta meter nav
    noscript object ol optgroup option output p param picture pre progress q rp rt ruby s samp script section
    select slot small source span strike strong style sub summary sup svg table tbody td template textarea tfoot th
    thead time title tr track tt u ul var video wbr""".split()
)
#: A key in Vim's notation, as editor notes write keys: a modifier and a key (``C-r``, ``S-Tab``, ``M-x``,
#: ``C-S-Tab``), or a named key (``Esc``, ``CR``, ``Leader``, ``F5``), in any case.
_KEY_RE = re.compile(
    r"(?i:(?:[CSAMD]-){1,4}[A-Za-z0-9][A-Za-z0-9]{0,12}"
    r"|Esc|CR|NL|Enter|Return|Tab|BS|Backspace|Space|Leader|LocalLeader|Up|Down|Left|Right|Home|End"
    r"|PageUp|PageDown|Insert|Del|Bar|Bslash|Nop|Plug|SID|Cmd|F[1-9][0-9]?)\Z"
)
_TAG_NAME_RE = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]{0,30})([ \t/]?)")


def is_markup_tag(tag: str) -> bool:
    """Whether ``<…>`` is markup: an HTML element, any closing tag, a tag with attributes, or a component
    (``<Tabs>``, ``<TabItem value="a">``); not a placeholder in a command (``<node>``, ``<key-number>``)."""
    m = _TAG_NAME_RE.match(tag)
    if m is None:
        return True
    name = m.group(2)
    if m.group(1) or m.group(3):
        return True
    if _KEY_RE.match(name) and not (name.islower() and name in HTML_TAGS):
        return False  # a key: "<C-r>", "<Esc>", "<cr>"; "<del>" in lower case is HTML's element
    return name[0].isupper() or name.lower() in HTML_TAGS
