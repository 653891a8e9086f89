def is_valid(s: str) -> bool:
    opener_for = {")": "(", "]": "[", "}": "{"}
    stack: list[str] = []
    for character in s:
        if character in opener_for:
            if not stack or stack.pop() != opener_for[character]:
                return False
        else:
            stack.append(character)
    return not stack
