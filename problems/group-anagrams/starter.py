def group_anagrams(strs: list[str]) -> list[list[str]]:
    # Return the words grouped so that each group holds anagrams of one another.
    pass
