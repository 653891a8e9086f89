def evaluate(expression: str) -> int:
    # `sign` is the sign of the next operand: '-' flips it, and finishing an operand
    # (a number or a closing bracket) resets it. '(' saves the running total and sign.
    total = 0
    sign = 1
    saved: list[tuple[int, int]] = []
    index = 0
    length = len(expression)
    while index < length:
        character = expression[index]
        if character.isdigit():
            end = index
            while end < length and expression[end].isdigit():
                end += 1
            total += sign * int(expression[index:end])
            sign = 1
            index = end
            continue
        if character == "-":
            sign = -sign
        elif character == "(":
            saved.append((total, sign))
            total, sign = 0, 1
        elif character == ")":
            outer_total, outer_sign = saved.pop()
            total = outer_total + outer_sign * total
            sign = 1
        index += 1
    return total
