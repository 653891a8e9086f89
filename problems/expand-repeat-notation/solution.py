def expand(notation: str) -> str:
    # `pieces` collects the text of the group being read; '(' saves it and starts a new
    # one, ')' joins the group, repeats it and appends it to the saved outer pieces.
    pieces: list[str] = []
    saved: list[list[str]] = []
    index = 0
    length = len(notation)
    while index < length:
        character = notation[index]
        if character == "(":
            saved.append(pieces)
            pieces = []
            index += 1
        elif character == ")":
            end = index + 1
            while end < length and notation[end].isdigit():
                end += 1
            group = "".join(pieces) * int(notation[index + 1 : end])
            pieces = saved.pop()
            pieces.append(group)
            index = end
        else:
            end = index
            while end < length and notation[end].isalpha():
                end += 1
            pieces.append(notation[index:end])
            index = end
    return "".join(pieces)
