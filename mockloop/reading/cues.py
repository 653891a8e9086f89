"""The word patterns that signal each kind of sentence, written once and compiled once.

Everything is matched against lowercased text with curly quotes straightened, so
`I’m done` and `im done` read the same.
"""

from __future__ import annotations

import re


def alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a pattern (a `|` inside a group or a class stays)."""
    parts: list[str] = []
    depth, start, index, in_class = 0, 0, 0, False
    while index < len(pattern):
        character = pattern[index]
        if character == "\\":
            index += 2
            continue
        if in_class:
            in_class = character != "]"
        elif character == "[":
            in_class = True
            index += pattern.startswith("^", index + 1)
            index += pattern.startswith("]", index + 1)
        elif character == "(":
            depth += 1
        elif character == ")":
            depth -= 1
        elif character == "|" and depth == 0:
            parts.append(pattern[start:index])
            start = index + 1
        index += 1
    parts.append(pattern[start:])
    return parts


def grouped_at_word_starts(pattern: str) -> str:
    """The same pattern with every alternative that starts with `\\b` gathered behind one `\\b`.

    `\\bhash|\\bset|...` and `\\b(?:hash|set|...)` match exactly the same texts, but the
    regex engine tries the first at every position against every alternative, while the
    second fails at once where no word starts and then skips alternatives by their first
    letter: about five times faster for our long cues, with the same labels.
    """
    parts = alternatives(pattern)
    words = [part[2:] for part in parts if part.startswith(r"\b")]
    if len(words) < 2:
        return pattern
    others = [part for part in parts if not part.startswith(r"\b")]
    return "|".join([r"\b(?:" + "|".join(words) + ")", *others])


def cue(pattern: str) -> re.Pattern[str]:
    """Compile a lowercase cue pattern (grouped at word starts, which is faster)."""
    return re.compile(grouped_at_word_starts(pattern))


QUESTION_START = cue(
    r"^(?:so |and |also |ok(?:ay)? |hmm+ |sorry,? |quick question,? |btw,? |oh,? |wait,? )*"
    r"(is|are|can|could|does|do|did|will|would|should|shall|what|what's|whats|wat|how|which|"
    r"when|where|who|why|may|might|am|isn't|aren't|doesn't|don't|any|must|r u|do u)\b(?<!should)"
    r"|^(?:so |and |also )?should(?! be\b)"
)
RULE_CHANGE = cue(
    r"ignore (?:all |the |your |any |previous |prior |those |these )*(?:instructions|rules|prompt)"
    r"|system prompt|developer mode|\byou are now\b|\bpretend (?:you|to be)|\bact as\b|jailbreak"
    r"|(?:show|give|tell|print|reveal|share|paste|send|list|leak|dump)\b.{0,30}"
    r"\b(?:solution|reference|hidden (?:test|case|input)s?|test (?:input|case|data)s?"
    r"|expected outputs?|answer key|the answer|full code|working code)"
    r"|(?:what|which) (?:are|is|were) the hidden|hidden (?:tests?|cases?|inputs?) (?:are|look)"
    r"|(?:write|solve|code|finish|do) (?:it|this|the (?:code|problem|rest)) for me"
    r"|^(?:\w+,? )?what(?:'s| is) the (?:right |correct |real )?(?:answer|solution)"
    r"(?: then| here| to (?:this|it))?\W*$"
    r"|\b(?:strong )?hire me\b|give me (?:a |the )?(?:strong )?(?:hire|pass|good score|top score)"
    r"|mark (?:me|this|it) as (?:passed|correct|done|hire)|\bpass me\b|let me pass"
    r"|score me (?:as |a )|(?:rate|grade) me (?:as |a )|\b(?:skip|change) (?:this|the) problem"
    r"|(?:easier|different|another|new) (?:problem|question) instead|just give me the"
    r"|(?:extra|more) time\b.{0,20}\b(?:please|can i|could i|give)"
    r"|give me (?:more|extra) (?:time|minutes)|\bno time limit\b|disable the (?:timer|clock)"
    r"|pretend (?:the|that|it|my|all)|mark (?:this|it|me|my \w+) as|set my score|^system:"
    r"|skip (?:to|ahead to) the|\bscorecard\b|which hidden (?:test|case)|the hidden (?:test|case)s?"
    r"|(?:change|raise|bump) my (?:score|grade|rating)|\bgive me full marks\b|\b10/10\b"
    r"|\bhidd?en tests?\b.{0,40}\b(?:inputs?|tell me)|tell me the inputs|forget the rubric"
    r"|write (?:down )?that i did|turn off the (?:time limit|timer|clock)|say i passed"
    r"|write (?:the|a|me the) \w+ (?:version|code|solution) for me|mark (?:all )?(?:the )?tests? as"
    r"|hidden .{0,20}looks? like|giv(?:e)? me the ans\w*|drop (?:that|the) rule|print (?:its"
    r"|the) inputs?"
)
HINT = cue(
    r"(?<!type )\bhints?\b|\bstuck\b|\bclue\b|\bnudge\b|point me|help me|some help|\bany tips?\b"
    r"|\ba pointer\b|\bi'?m lost\b|\bno idea (?:how|where|what)\b|\blost here\b"
    r"|don'?t know (?:how|where|what) to (?:start|begin|do|proceed)|can you help"
    r"|(?:give|get) me (?:a |some )?(?:direction|push)|\bhelp\?|^help\b|\bsend help\b"
    r"|not sure (?:how|where) to (?:start|begin|go from here)|where (?:do|should) i (?:start|begin)"
    r"|what (?:data structure|approach|algorithm|technique) (?:should|do) i use"
    r"|\bhlep\b|\bno clue how\b|\bstuk\b|\bhnit\b|how do i fix|what would you do here"
    r"|explain me\b|\bi don'?t understand why\b"
)
NO_HINT = cue(
    r"\b(?:no|without|not a|don'?t need (?:a |any )?|don'?t want (?:a |any )?)hints?\b"
    r"|\bnot stuck\b|no help\b"
)
DONE = cue(
    r"\b(?:i'?m|i am|im|i think i'?m|we'?re|i'?ve|i have|we are) (?:all |pretty much |basically )?"
    r"(?:done|finished|finish)\b(?! with (?:the|this|that) (?:loop|function|part|first|helper))"
    r"|\ball done\b|\bthat'?s (?:it|all)\b|\bthat should be it\b|\bready to (?:submit|move on)\b"
    r"|(?:^|, ?)done[.!]*$|\bready for (?:the )?(?:next|follow)"
    # 'next one, please' asks to move on; 'when the next one starts' describes the input.
    r"|\bnext (?:question|part|one)\b(?!,? (?!please\b|then\b|now\b|pls\b)[a-z])"
    r"|\b(?:i'?ll|i will|let me|i can|i'?m going to|gonna) (?:just )?stop (?:here|there)\b"
    r"|\bmove on\b"
    r"|\bi'?m happy with (?:it|this|that)\b|\bdone coding\b|^(?:ok(?:ay)?,? )?done[.!]*$"
    r"|\bnothing (?:else|more)\b|\bno (?:more |other |further )?(?:ideas|questions)\b"
    r"|\bi give up\b|\bfinished\b|\bthat (?:should )?covers? (?:it|everything)\b"
    r"|\bcall it (?:done|there)\b|\bwrap (?:it )?up\b|\bthat'?s my (?:final|answer)\b"
    r"|\b(?:i think )?(?:it|this|that)'?s (?:fine|good|done|ok|okay) (?:now|as is)\b"
    r"|\bi think (?:it|this)'?s fine\b|\bgood enough\b|\bi think (?:it|this) works\b"
    r"|\bi finish\b|\bcall it here\b|\b(?:solution|code)(?:'s| is) (?:complete|done|finished)"
    r"|\bgood to go\b|\bnext step\b|\bthat'?s everything\b|\bthat'?s all from me\b"
)
FAREWELL = cue(
    r"\bthanks?\b|\bthank you\b|\bthx\b|\bthis was (?:really |so |very )?(?:fun|great|nice|helpful"
    r"|useful)\b|\bbye\b"
)
"""A candidate who is done and thanks the interviewer is leaving, not asking for more."""
CLAIMS_OPTIMAL = cue(
    r"(?<!not )(?<!isn't )(?<!sub)(?<!sub-)\boptimal\b|\bbest possible\b"
    r"|\bas (?:good|fast) as it gets\b|\bcan'?t (?:do|get|go) (?:any )?(?:better|faster)\b"
    r"|\bcannot (?:do|be done) (?:any )?(?:better|faster)"
    r"|\bno (?:faster|better|quicker) (?:way|approach|solution|algorithm)\b"
    r"|\bthere'?s no (?:faster|better|quicker)\b|\bhave to (?:look at|check|compare|try) every\b"
)
"""The candidate says the approach cannot be beaten (an assertion, not a question)."""
NOT_DONE = cue(r"\bnot (?:done|finished)\b|\balmost done\b|\bnot quite\b|\bonce i'?m done\b")
INTERVIEWER = cue(
    r"\byour (?:team|role|job|work|company|favou?rite|stack|manager|background|experience"
    r"|favorite|opinion|advice|career|office|org|group|project|product|language)"
    r"|\byou (?:like|enjoy|love|work|use|been|joined|started|do (?:day|all day|here|there)"
    r"|prefer|recommend|think of (?:the|working)|find|miss|learn|got into|code in|write in)"
    r"|\bhow long have you\b|\bare you (?:an? )?(?:engineer|manager|senior|staff|happy|hiring)"
    r"|\bthe team\b|\bthe company\b|\bteam (?:like|culture|size)\b|\bculture\b|\bwork here\b"
    r"|\bworking (?:here|at|there)\b|\bday[- ]to[- ]day\b|\btypical day\b|\bon[- ]?call\b"
    r"|\bpromotion\b|\bmentor\w*|\bremote\b|\bwork[- ]life\b|\btech stack\b|\bhiring\b"
    r"|what do you do\b|what'?s it like (?:at|working)|\bfavou?rite (?:programming )?language"
    r"|\bfor you\b|interview process|\bnext rounds?\b|\bthis role\b|\bthe role\b|\bmanager\b"
    r"|\bdo (?:you|u) (?:like|enjoy)|\bwhat (?:made|brought) you\b|\bhow big is the team\b"
    r"|\byou'?ve\b|\bdid you\b|\bdo you (?:do|write|use|have|code)\b|\bu been\b|onboarding"
    r"|vim or emacs|\bwhat editor do you\b|\bseparates\b"
    r"|\bwork-life\b|\bmanagement side\b|\bhave u been\b|\binterviewr\b|\byour name\b"
    r"|this company|you are working|\binterview a lot\b"
)
META = cue(
    r"\bbot\b|\bai\b|\ba robot\b|\bhuman\b|\breal person\b|\bchatgpt\b|\bllm\b|language model"
    r"|\bautomated\b|look (?:it |something |that |this |things )?up"
    r"|\bgoogle (?:it|that|this|something)"
    r"|search online|\bthe docs\b|documentation|stack ?overflow|the internet"
    r"|\b(?:use|in|write (?:it )?in|code (?:it )?in|switch to) (?:java|c\+\+|cpp|javascript|js|"
    r"typescript|go|golang|rust|kotlin|swift|c#|ruby|scala|another language|a different language)\b"
    r"|\b(?:java|c\+\+|javascript|typescript|golang|rust|kotlin) instead\b"
    r"|\bcan i use python\b|\bin python\b\?|\blibrar(?:y|ies)\b|\bimport\b|\bnumpy\b|\bheapq\b"
    r"|\bcollections\b|\bitertools\b|\bbuilt[- ]?ins?\b|\bstandard lib"
    r"|how (?:long|much time) (?:do we|do i|have we|is (?:there )?left|left|remaining|is this)"
    r"|time (?:is )?left|minutes (?:left|remaining)|how much time\b|\bhow long is (?:this|the)"
    r"|write (?:my own |some |unit |a few )?tests|\bunit tests?\b|run (?:the |my )?(?:tests|code)"
    r"|should i (?:start|begin|just|code|write|talk|explain|test|run)|can i (?:start|begin) coding"
    r"|ok to (?:start|code)|\bpseudo ?code\b|(?:think|talk) out loud|take a (?:minute|moment|sec)"
    r"|repeat the (?:question|problem)|\b(?:do|would) you (?:want|like|prefer) (?:me|that i)"
    r"|\bis it (?:ok|okay|fine|alright) (?:if|to (?!assume))\b|\bpython\b|would you rather"
    r"|\bperson\b|\bscript\b|\b\d+ min\b|print debugging|how many minutes|\bonsite\b"
    r"|\bmy questions\b|\bsame format\b|mind if i|\bcan i ask\b|\bprint statements?\b"
    r"|\b(?:autocomplete|debugger)\b|\bhow (?:does|do|will) (?:the )?(?:scoring|grading|"
    r"interview|this work|you (?:score|grade|evaluate))|\bf5\b|how do i run"
    r"|\bnotes?\b.{0,15}\bpaper\b"
    r"|can i (?:have|get) a (?:minute|moment|second|sec)|\bbathroom\b|\b(?:a|short) break\b"
    r"|\bcan i (?:change|rename) the (?:signature|function name)|type hints"
    r"|interview process|this round|system design|see my screen|\bconnection\b|\bpaste\b"
    r"|input parsing|function signature|\bgrad(?:ing|ed)\b|\bscor(?:ing|ed)\b|score this"
    r"|\brecorded\b|\bfeedback\b|\bpause\b|finish in time|\benglish\b|first language"
    r"|\bam i allowed\b|allowed to use|allowed, right|\bfunctools\b|\bbisect module\b"
    r"|\bsyntax\b|looking for mostly"
)
CODE_QUESTION = cue(
    r"\bmy (?:code|loop|solution|implementation|function|output|run|result|index|indices|"
    r"variable|tests?|bug|line|logic|approach|window|pointer|recursion|base case|condition|"
    r"check|if|return|dict|map|set|counter|helper|version|answer|program|run length)\b"
    r"|off[- ]by[- ]one|what'?s wrong|whats wrong|what is wrong|why (?:does|is|did|do|would)"
    r" (?:it|this|that|my|example|the (?:test|example|case|code|run|first)|test|case|these|those)"
    r"|\b(?:fail|fails|failing|failed|error|exception|crash\w*|time(?:s|d)? ?out|wrong answer|"
    r"bug|traceback|keyerror|indexerror|typeerror|valueerror|recursionerror|infinite loop)\b"
    r"|\bexample[- ]?\d\b|\bline \d+\b|is (?:this|it|that) (?:right|correct|ok|okay|efficient|"
    r"optimal|good)|does (?:this|it|that|my code) (?:look|work|handle)|\bam i\b|\bdid i\b"
    r"|\bwhy am i\b|\bi get\b|\bi'?m getting\b|\bgetting\b|\bwhere did i\b|\bloops? forever"
    r"|\b\w+\[[^\]]*\]|\b[a-z]+_[a-z_]+\b|\bwhy\b|\bi store\b|\bpasses\b|\bfor example\b"
    r"|\bloop\b|\bbranch\b|\binitiali[sz]e|\binitial value\b|<=|>=|\bbisect|float\('inf'\)"
)
FIRST_PERSON = cue(r"\b(?:i|i'?m|i'?ve|my|me|mine)\b")
ASKS_APPROACH = cue(
    r"\bmaybe\b|\bperhaps\b|\bidk\b|\bnot sure\b|\bwhat if\b|\bhow about\b|\bprob(?:ably)?\b"
    r"|\bi think\b|\bi guess\b|\bmayb\b|^(?:could|can|should|shall|may|would) (?:i|we)\b"
    r"|\bwould (?:it|that|a|an) (?:work|be)\b|\bis (?:that|this) (?:the|a) (?:right|good)"
    r"|\bis (?:a|an|the)\b.{0,25}\b(?:right|good|correct) (?:idea|approach|way|direction)"
)
PROBLEM_WORDS = cue(
    r"\b(?:input|inputs|output|list|array|arrays|string|strings|word|words|number|numbers|"
    r"integer|integers|value|values|element|elements|empty|negative|negatives|sorted|unsorted|"
    r"duplicate|duplicates|repeat|return|returns|returned|size|length|large|null|none|unicode|"
    r"case|uppercase|lowercase|characters?|letters?|range|bound|bounds|constraint|constraints|"
    r"guarantee|guaranteed|valid|invalid|zero|order|graph|tree|node|nodes|edges?|cycle|matrix|"
    r"grid|interval|intervals|target|k|n|index|indices|answer|solution exist|exist|unique|"
    r"distinct|same|twice|overflow|float|floats|modify|in[- ]place|mutate|ties?|multiple|need|"
    r"must|have to|or no|or not|end point|touch)\b"
)
APPROACH = cue(
    r"\bhash ?(?:map|table|set)s?\b|\bhashmap\b|\bdict(?:ionary)?\b|\bset\b|\bcounter\b"
    r"|\bsort(?:ed|ing|s)?\b|\btwo[- ]pointers?\b|\bpointers?\b|\bsliding window\b|\bwindow\b"
    r"|\bbinary search\b|\bbfs\b|\bdfs\b|breadth[- ]first|depth[- ]first|\brecurs(?:ion|ive|e)\b"
    r"|\bmemo\w*|\bcach(?:e|ing)\b|\bdp\b|dynamic programming|\btable\b|\bheap\b|min[- ]?heap"
    r"|max[- ]?heap|priority queue|\bstack\b|\bqueue\b|\bdeque\b|\btrie\b|union[- ]?find"
    r"|prefix (?:sum|product)s?|\bgreedy\b|brute[- ]?force|nested loops?|\bdouble loop\b"
    r"|every (?:pair|substring|subarray|possible|combination|option)|all (?:pairs|substrings)"
    r"|check (?:every|all|each)|\btry (?:every|all|each)\b|\bloop (?:over|through)\b"
    r"|\biterate\b|\blinked list\b"
    r"|topolog\w*|\bkahn\b|dijkstra|backtrack\w*|\bbucket\w*|\bgraph\b|\bcount(?:s|ing)?\b"
    r"|\bscan\b|\bone pass\b|\bsingle pass\b|\bcomplement\b|\bbottom[- ]up\b|\btop[- ]down\b"
    r"|\bquickselect\b|\bpartition\b|\bmonotonic\b|\bmerge\b|\bsweep\b|\bintervals?\b"
)
PROPOSE = cue(
    r"\bi'?ll\b|\bi will\b|\bi'?m going to\b|\bi am going to\b|\bgonna\b|\bi'?d\b|\bi would\b"
    r"|\bmy (?:approach|plan|idea)\b|\bthe (?:approach|plan|idea) (?:is|would be)\b|\bwe can\b"
    r"|\bi can\b|\blet'?s\b|\bi want to\b|\bplan is\b|\bapproach:|\bi'?d go with\b|\bi'?ll go with"
    r"|\bwe could\b|\bi could\b|\buse an? \b|\bfirst,? \w+.*\bthen\b|\bthe trick\b|\bwe need\b"
    r"|\bi need to\b|\bkeep an? \b|\bstore\b|\bidea\b"
)
HEDGE = cue(
    r"\bmaybe\b|\bperhaps\b|\bidk\b|\bi dunno\b|\bdunno\b|\bnot sure\b|\bi don'?t know\b"
    r"|\bi guess\b|\bmight\b|\bwhat if\b|\bhow about\b|\bprobably\b|\bpossibly\b|\bkinda\b"
    r"|\bsort of\b|\blet me (?:just )?try\b|\bjust try\b|\bno idea\b|\bnot certain\b|\bunsure\b"
    r"|\bcould (?:i|we|it) (?:maybe )?\w+|\bwould (?:it|that) work\b|\bor something\b|\?$"
    r"|\bi could\b|\bmayb\b|\bprob\b|\bi think\b(?! (?:it|this|that)'?s)|\bhalf remember"
    r"|\bsomehow\b|\bnot (?:100%|confident)|\bor (?:maybe )?(?:a |some )?\w+\?|\bi suppose\b"
)
COMMIT = cue(
    r"\bi'?ll\b|\bi will\b|\bi'?m going to\b|\bi am going to\b|\bgonna\b|\bi'?d\b|\bi would\b"
    r"|\bmy (?:approach|plan|idea)\b|\blet'?s\b|\bwe can\b|\bi can\b|\binstead\b"
    r"|\bswitch(?:ing)? to"
)
NARRATION = cue(
    r"^(?:ok(?:ay)?,? |so,? |alright,? |right,? )*now\b|\bso now\b|\bnow i\b|\bnext,? i\b"
    r"|\bi'?m (?:now )?(?:adding|writing|looping|checking|storing|iterating|handling|updating|"
    r"moving|fixing|going through|initiali[sz]ing|creating|returning|setting|changing|renaming|"
    r"testing|tracing|declaring|building|filling|pushing|popping|incrementing|appending|"
    r"just|going to (?:add|write|fix|change|rename|handle|return)|thinking|typing|refactoring)"
    r"|\bhere i\b|\bthis (?:line|loop|part)\b|\bi just\b|\bjust (?:added|wrote|fixed|changed)\b"
    r"|\bi (?:added|wrote|fixed|changed|renamed|moved|removed|updated|put)\b"
    r"|\b[ijk]\s*=\s*\d|->|=>|\bstep \d|\bdry[- ]run|let me trace|tracing|\bwalk(?:ing)? through"
    r"|\bfor (?:the )?(?:first |second )?example\b|\bby hand\b|\bthen (?:i|we) get\b|\bgives? us\b"
    r"|\bwe get\b|\bso (?:it )?returns?\b|\bfor \[|\bindex \d|\bletter by letter\b"
    r"|\blet me (?:write|code|add|fix|think|see|check|handle|rename|clean)\b|\bone sec\b|\bhmm+\b"
)
EDGE = cue(
    r"\bempt(?:y|ies)\b|\bsingle\b|\bextreme\b|\bequal to\b|\bexactly the same\b|\bwalled off"
    r"|\bbefore everything\b|\bback-to-back\b|\bfalling\b|\bdecreasing\b|\bincreasing\b"
    r"|\binside other\b|\bno rotation\b|\bisn'?t there\b|\btwo \w+ only\b|\bonly openers\b"
    r"|\bempty\b|\bnull\b|\bnone\b|\bnegatives?\b|\bduplicates?\b|\bdupes?\b|\boverflow\b"
    r"|\bsingle (?:element|item|char(?:acter)?|node|letter|number|value|interval|row|cell)\b"
    r"|\bone (?:element|item|character|node|letter|number)\b|\bzeros?\b|\ball (?:the )?same\b"
    r"|\bidentical\b|\bno (?:solution|answer|valid|pair|match|path|window)\b|\bboth empty\b"
    r"|\bedge[- ]cases?\b|\bcorner[- ]cases?\b|\bcycles?\b|\bdisconnected\b|\bout of bounds\b"
    r"|-> ?-?1\b|-> ?0\b|\brepeated\b|\bonly one\b|\blength (?:0|1|one|zero)\b|\bsize (?:0|1"
    r"|one|zero)\b"
)
OFF_TOPIC = cue(
    r"^(?:hi|hello|hey|yo|good (?:morning|afternoon|evening)|morning|thanks|thank you|thx|cheers|"
    r"nice to meet|pleasure|sorry|bye|goodbye|lol|haha)\b|how are you|how'?s it going|how'?s your"
    r"|\bthanks\b|\bthank you\b|\bone sec\b|\bconnection\b|\bhave a (?:good|nice|great)\b"
    r"|\bweather\b|\bweekend\b|\bfootball\b|\bsoccer\b|\blunch\b|\bmovie\b|\bjoke\b|\bvacation\b"
    r"|\bbrb\b|\bugh\b|\bhaha\b|\bmondays?\b|\bout of breath\b"
    r"|\bholiday\b|\bcoffee\b|\btea\b|\bnervous\b|\bexcited\b|\bdog\b|\bcat\b|\bmusic\b|\bgame\b"
    r"|\bmy day\b|\byour day\b|\bgood day\b|\bnice day\b|\btired\b|\bsleep\b|\bsports?\b"
)
ACKNOWLEDGEMENT = cue(
    r"^(?:(?:ok(?:ay)?|k|sure|cool|got it|right|yes|yep|yeah|alright|sounds good|makes sense|"
    r"understood|great|perfect|nice|fine|noted|will do)[.!, ]*)+$"
)
EVALUATIVE = cue(r"^[\w' -]{0,40}?\b(?:is|would be|was|are|'s)\b")
IDK = cue(
    r"^(?:hmm+,? )?(?:idk|i don'?t know|dunno|i dunno|no idea|not sure|no clue|pass)\b[.!? ]*"
    r"(?:,? ?sorry)?[.!]*$"
)
FOLLOW_UP_PROPOSAL = cue(
    r"^(?:then |so |if it'?s sorted |for \w+,? )?(?:i'?d |i )?(?:just )?(?:keep|use|do an?"
    r"|store|precompute"
    r"|wrap|reverse|recursively|heapify|binary search|union-find|bfs|dfs|two pointers|only push"
    r"|push|track|maintain|partition|switch|start lo|sum all|record|kahn)\b"
    r"|^with one kind|^binary search"
)
TRACE = cue(
    r"^\w+ing\b|=>|\b[ijk]\s*=|\[\d|\bnow\b|\bthen\b|\bso (?:its|it'?s|that'?s|at most|n)\b"
    r"|\bgives\b|\bbecomes\b|\bstays\b|\bi get\b|\bwe get\b|\bran it\b|\btested\b"
)
EDGE_IN_PLAN = cue(
    r"\bempty\b|returns? (?:0|-1|\[|false|true)|gets 0|just 0|\[\d, ?\d\] works|-1\.|"
    r"\bfor \"\"|\bat both ends\b|\bextremes\b"
)
