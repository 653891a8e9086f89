import re

INNERMOST = re.compile(r"\(([a-z]*)\)(\d+)")


def expand(notation: str) -> str:
    # Expand the first bracket group that holds only letters, splice it in, repeat.
    text = notation
    while "(" in text:
        match = INNERMOST.search(text)
        assert match is not None
        repeated = match.group(1) * int(match.group(2))
        text = text[: match.start()] + repeated + text[match.end() :]
    return text
