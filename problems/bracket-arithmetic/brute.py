def flat_value(text: str) -> int:
    # Evaluate text without brackets: '-' flips the sign of the next number.
    total, sign, index = 0, 1, 0
    while index < len(text):
        character = text[index]
        if character.isdigit():
            end = index
            while end < len(text) and text[end].isdigit():
                end += 1
            total += sign * int(text[index:end])
            sign = 1
            index = end
            continue
        if character == "-":
            sign = -sign
        index += 1
    return total


def evaluate(expression: str) -> int:
    # Replace the first innermost bracket pair by its value until none is left.
    text = expression
    while ")" in text:
        close = text.index(")")
        open_ = text.rindex("(", 0, close)
        text = text[:open_] + str(flat_value(text[open_ + 1 : close])) + text[close + 1 :]
    return flat_value(text)
