def group_anagrams(strs: list[str]) -> list[list[str]]:
    groups: list[list[str]] = []
    for word in strs:
        for group in groups:
            if sorted(group[0]) == sorted(word):
                group.append(word)
                break
        else:
            groups.append([word])
    return groups
