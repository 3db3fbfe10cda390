"""What must never be missed, whatever the model says (PRODUCT.md §6): pure rules over the
normalised text (simplified Chinese, lower case) and the ticket's context.

URGENT, in the service team's words; each kind however it is told, by its name or by what
happened:
- a safety incident: fire, smoke or sparks, a burning smell or a scorch mark, an overheating
  or swelling battery, a burn, an electric shock, an injury, food poisoning, an allergic
  reaction, being ill after eating or drinking it, a child at risk. Told by what happened:
  an electric fault felt as a tingle, numbness or a zap on touching it or its water (麻了一下,
  有点电, "zapped me"); burning seen or heard (a plug, socket or lead gone black or brown,
  crackling or popping at it, smoke, Cantonese 燶味, a hot-plastic smell, "like an iron left
  on"); an injury told as trapped, bruised or swollen (夹住了, 青了一大片, "a nasty bruise"),
  or someone, an elderly one too, falling because a walking frame, stool or chair gave way;
  an allergic reaction told as red, itchy, puffy or swollen skin after using it (a rash,
  welts, blisters on the skin that met it, not from tight boots); ill after eating told by
  what it did (全家都跑厕所, "doubled over", "puking", "on the bathroom floor");
  a child at risk (a small part, magnet or button battery in a child's mouth, one stuck in or
  taken out of it (卡在嘴里, 从嘴里抠出来), retching, choking, gagging, swallowing, a fall; a car
  seat, ISOFIX arm, toddler reins, high chair, cot side or bath seat that gives way, or
  someone who nearly slid or fell out, however far the telling is from the word for the
  child), a child told by age counting as the word for one (两岁的, "my 8 month old");
  not a candle left burning, a smoke alarm, toast a toaster burns on one side, fire as a
  simile for spicy food (辣得像着火, "my mouth was on fire"), frying (炸了三锅), nor a
  safety feature asked about (防滑, non-slip, overheat protection, an auto shut-off, non-toxic,
  a spark screen);
- a legal, media or regulator threat: a lawyer or court, 12315, the consumer association
  or market regulator (Taiwan's 消基會 and 消保官, Hong Kong's 消委會), the FTC, BBB or trading
  standards, a journalist or the press, someone who writes for or works at a paper or
  presents on the radio, a call to a radio station or its hotline (打进交通台); not a
  relative who is a lawyer or a journalist or works at a paper
  or a magazine named in a thank-you, asking for the link or as the one who sent the
  customer to the shop (我爸是lawyer…说quality很好, "she put me onto your shop");
- a threat of a bad review or of going public: telling everyone, posting or filming about it
  on any platform (抖音, 小红书, 微博, 朋友圈, TikTok, X / Twitter, YouTube, Facebook ...), told
  without "bad" too: a review "that won't be kind", everyone in a neighbourhood group
  hearing of it, a chat log or screenshots put up in a group (发到业主群里让大家评评理, 挂你们),
  going live with it or to the customer's viewers if it is not put right, Hong Kong's and
  Taiwan's forums (连登, Dcard, PTT), the whole world made to see it (话畀全世界知);
- a double charge (told as two identical charges, or as a count: 扣了两回, 刷了三笔, 多了一笔
  on 花呗, "charged 3 times", "two pending holds", "went through twice", a learner's "charge
  two time", 兩單 charge; not a plan billed twice a year, nor two payments for two orders,
  in either language), or money taken that shows up nowhere:
  paid or charged but no order, money gone from a wallet or card (支付宝少了三百块) with no
  order (查不到这笔订单, 一个order都没有), charged without buying anything or for a membership
  never signed up for or signed up to by someone else, someone else using the card, a
  charge the customer does not recognise or calls fraud, a chargeback.

HIGH: clear anger, or a second contact about the same unresolved problem (the customer
says so, the ticket follows up a closed one, or another ticket of theirs in the same
category is still open from the last 7 days); three or more other tickets in 7 days.
Context: an order worth 1,000.00 or more, or a PLATINUM member, makes a NORMAL problem HIGH.

The platform a message came from (微博私信, 抖音, "via Instagram") is channel metadata: no
rule here names a platform on its own, only what someone threatens to do there.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from aftercare.tickets.rules import Priority, at_least
from aftercare.tickets.triage.text import LATIN_LETTER

_META = re.compile(r"[\\.^$*+?{}\[\]()|]")
# the analysis below runs at import over every rule: scanning with expressions rather than
# character by character: the loops took a third of the triage's load time, these a seventh
_ESCAPES = re.compile(r"\\+.?", re.S)  # backslashes and the character each escapes
_CLASS = re.compile(r"\[\^?\]?[^\]]*\]")  # a character class, escapes blanked
_BRACKETS = re.compile(r"[()\[\]]")
_PARENS = re.compile(r"\\.|[()]", re.S)
_STOPS = "?*{"  # a character these follow may be absent from a match
# a plain character (not a metacharacter; escaped, not a class like \b or \w), one that
# must be there: a character followed by ?, * or { may be absent, one followed by + ends it
_UNIT = r"(?:[^\\.^$*+?{}\[\]()|]|\\[\W_])"
_PLAIN = re.compile(rf"(?:{_UNIT}(?![?*{{+]))*(?:{_UNIT}(?=\+))?")
_ESCAPED = re.compile(r"\\(.)", re.S)


def _blank(escape: re.Match[str]) -> str:
    return "_" * len(escape.group())


def _blank_class(found: re.Match[str]) -> str:
    return "[" + "_" * (len(found.group()) - 2) + "]"


def _alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a pattern (`a|b(c|d)|e` -> a, b(c|d), e): the bars
    outside every group. Escaped characters (and their backslashes) and what classes hold are
    blanked first, so neither `\\(`, `\\|` nor `[(|]` opens or splits."""
    if "|" not in pattern:
        return [pattern]
    plain = _ESCAPES.sub(_blank, pattern) if "\\" in pattern else pattern
    plain = _CLASS.sub(_blank_class, plain) if "[" in plain else plain
    outside: list[tuple[int, int]] = []  # the stretches at depth 0
    depth, since = 0, 0
    for bracket in _BRACKETS.finditer(plain):
        before = depth
        depth += 1 if bracket.group() in "([" else -1
        if before == 0:
            outside.append((since, bracket.start()))
        elif depth == 0:
            since = bracket.end()
    if depth == 0:
        outside.append((since, len(plain)))
    found, start = [], 0
    for begin, end in outside:
        bar = plain.find("|", begin, end)
        while bar != -1:
            found.append(pattern[start:bar])
            start = bar + 1
            bar = plain.find("|", start, end)
    found.append(pattern[start:])
    return found


def _closing(pattern: str, start: int) -> int:
    """The index of the parenthesis that closes the one at `start`."""
    depth = 0
    for token in _PARENS.finditer(pattern, start):
        if token.group() == "(":
            depth += 1
        elif token.group() == ")":
            depth -= 1
            if depth == 0:
                return token.start()
    raise ValueError(f"unbalanced pattern: {pattern}")


def _prefix(pattern: str) -> str:
    """The plain characters every match of `pattern` begins with."""
    match = _PLAIN.match(pattern)
    plain = match.group() if match else ""
    return _ESCAPED.sub(r"\1", plain) if "\\" in plain else plain


def anchors(pattern: str) -> tuple[str, ...]:
    """Strings one of which every match of `pattern` (one alternative) contains, so that the
    expression is compiled and run only on a text that has one; () when none is known.
    Read from how the pattern begins: after any word boundaries and lookbehinds, its plain
    characters, or else each alternative of the group it opens with."""
    index = 0
    while True:
        if pattern.startswith("\\b", index):
            index += 2
        elif pattern.startswith(("(?<!", "(?<="), index):
            index = _closing(pattern, index) + 1
        else:
            break
    rest = pattern[index:]
    prefix = _prefix(rest)
    if prefix:
        return (prefix,)
    if not rest.startswith("(") or rest.startswith(("(?=", "(?!")):
        return ()
    end = _closing(rest, 0)
    if rest[end + 1 : end + 2] in tuple(_STOPS):
        return ()  # an optional group
    inner = rest[3:end] if rest.startswith("(?:") else rest[1:end]
    found: list[str] = []
    for alternative in _alternatives(inner):
        some = anchors(alternative)
        if not some:
            return ()
        found.extend(some)
    return tuple(found)


class Matcher:
    """One rule group: its plain words are found with `in` (most of them, and nearly all the
    Chinese), the rest by regular expressions, each compiled the first time a text holds one
    of its anchors (the words it must contain). Compiling them all at import cost the
    tickets function's cold start more than the whole model, and most never run: a ticket
    holds the anchors of a handful."""

    def __init__(self, patterns: tuple[str, ...]) -> None:
        alternatives = [alt for pattern in patterns for alt in _alternatives(pattern)]
        self.literals = tuple(alt for alt in alternatives if alt and not _META.search(alt))
        # one expression each: an expression that starts with a literal is searched for that
        # literal first, which an alternation of them all cannot do (5x slower on long text)
        self.sources = tuple(alt for alt in alternatives if _META.search(alt))
        self.anchors = tuple(anchors(source) for source in self.sources)
        # each anchor looked for once a text, not once for every expression that needs it: the
        # rules share most of theirs, and the lookups were most of a long ticket's rule time
        self._needs = tuple(frozenset(needed) for needed in self.anchors)
        every = sorted({anchor for needed in self.anchors for anchor in needed})
        # a text in one script need not be searched for the other's anchors: those with a Latin
        # letter, those with a character outside ASCII (Chinese), and the rest (digits, marks)
        self._latin_anchors = tuple(a for a in every if LATIN_LETTER.search(a) and a.isascii())
        self._wide_anchors = tuple(a for a in every if not a.isascii())
        self._plain_anchors = tuple(a for a in every if a.isascii() and not LATIN_LETTER.search(a))
        self._compiled: dict[str, re.Pattern[str]] = {}

    def _pattern(self, source: str) -> re.Pattern[str]:
        pattern = self._compiled.get(source)
        if pattern is None:
            pattern = self._compiled[source] = re.compile(source)
        return pattern

    def search(self, text: str) -> str | None:
        for literal in self.literals:
            if literal in text:
                return literal
        present = {anchor for anchor in self._plain_anchors if anchor in text}
        if LATIN_LETTER.search(text):
            present.update(anchor for anchor in self._latin_anchors if anchor in text)
        if not text.isascii():
            present.update(anchor for anchor in self._wide_anchors if anchor in text)
        for source, needed in zip(self.sources, self._needs, strict=True):
            if needed and needed.isdisjoint(present):
                continue  # it cannot match: no need to compile it
            match = self._pattern(source).search(text)
            if match:
                return match.group(0)
        return None


def _any(*patterns: str) -> Matcher:
    return Matcher(patterns)


def _counted(unit: str, *numbers: str) -> str:
    """`unit` (plain characters) just after a number: each of `numbers` is a fixed-width
    expression of a number, checked behind the unit, so the expression begins with the unit
    (its anchor) rather than with a digit every ticket holds."""
    return unit + "(?:" + "|".join(f"(?<={number}{unit})" for number in numbers) + ")"


# a child told by its age counts as the word for a child: 两岁的, 一岁半的, 三个月大的 ("my 2yo",
# "an 8 month old", "18-month-old", "3 year old"); years only up to twelve, so an eighty-year-old
# mother is not one
_ZH_DIGIT = "(?<![0-9一二三四五六七八九十百几])[一两二三四五六七八九十1-9]"
_ZH_TEENS = "(?<![0-9一二三四五六七八九十百几])(?:十一|十二|10|11|12)"
_ZH_MONTHS = "(?<![0-9一二三四五六七八九十百几])(?:十一|十二|1[0-9]|2[0-4])"
_AGE_ZH = (
    _counted("岁", _ZH_DIGIT, _ZH_TEENS, _ZH_DIGIT + "周")
    + "(?:半|多)?(?:的|大)|"
    + _counted("个月大", _ZH_DIGIT, _ZH_MONTHS)
    + "|"
    + _counted("个多月大", _ZH_DIGIT, _ZH_MONTHS)
    + "|"
    + _counted("个半月大", _ZH_DIGIT, _ZH_MONTHS)
    + "|"
    + _counted("个月龄", _ZH_DIGIT, _ZH_MONTHS)
    + "|"
    + _counted("月龄", _ZH_DIGIT, _ZH_MONTHS)
)
_EN_DIGIT = "(?<![a-z0-9.,£$€])"
_EN_WORD = "(?<![a-z])"
_EN_COUNTS = (
    _EN_DIGIT + "[1-9]",
    _EN_DIGIT + "(?:[1-9][- ]|[1-9][0-9])",
    _EN_DIGIT + "[1-9][0-9][- ]",
    _EN_WORD + "(?:one|two|six|ten)[- ]",
    _EN_WORD + "(?:four|five|nine)[- ]",
    _EN_WORD + "(?:three|seven|eight)[- ]",
    _EN_WORD + "(?:eleven|twelve)[- ]",
    _EN_WORD + "eighteen[- ]",
)
_EN_YEARS = (
    _EN_DIGIT + "[1-9]",
    _EN_DIGIT + "(?:[1-9][- ]|1[0-2])",
    _EN_DIGIT + "1[0-2][- ]",
    _EN_WORD + "(?:one|two|six|ten)[- ]",
    _EN_WORD + "(?:four|five|nine)[- ]",
    _EN_WORD + "(?:three|seven|eight)[- ]",
    _EN_WORD + "(?:eleven|twelve)[- ]",
)
_AGE_EN = (
    _counted("month", *_EN_COUNTS)
    + "s?[- ]old|"
    + _counted("week", *_EN_COUNTS)
    + "s?[- ]old|"
    + _counted("year", *_EN_YEARS)
    + "s?[- ]old|"
    + _counted("yr", *_EN_YEARS[:3])
    + "s?[- ]old|"
    + _counted("yo", _EN_DIGIT + "[1-9]", _EN_DIGIT + "(?:[1-9] |1[0-2])", _EN_DIGIT + "1[0-2] ")
    + "(?![a-z])"
)
# a puppy or a kitten told by its age ("a 4 month old lab", 四个月大的小狗) is not a child
_NOT_A_PET_EN = (
    r"(?![- ](?:lab|labrador|puppy|puppies|pup|pups|kitten|kittens|dog|cat|retriever|collie|spaniel|terrier"
    r"|poodle|pug|beagle|husky|rabbit|bunny|horse|foal|pony|calf|parrot|budgie|chicks?|hamster|guinea pig"
    r"|ferret|goat|lamb)s?\b)"
)
_NOT_A_PET_ZH = (
    "(?!(?:的)?(?:小狗|狗狗|狗|小猫|猫咪|猫|幼犬|幼猫|兔子|兔|鹦鹉|仓鼠|金毛|柯基|泰迪|柴犬|比熊"
    "|布偶|英短|小马))"
)
_AGE_EN = "(?:" + _AGE_EN + ")" + _NOT_A_PET_EN
_AGE_ZH = "(?:" + _AGE_ZH + ")" + _NOT_A_PET_ZH
_CHILD_ZH = (
    "(?:孩子|宝宝|婴儿|婴幼儿|幼儿|儿童|小孩|儿子|女儿|孙子|孙女|外孙|侄子|侄女|娃|baby|toddler"
    "|个仔|个女|细路|囡囡|" + _AGE_ZH + "|" + _AGE_EN + ")"  # Cantonese: a son, a daughter, a child
)
_CHILD_EN = (
    r"(?:baby|babies|toddler|child|children|kid|kids|son|daughter|infant|newborn|grandson|granddaughter"
    r"|grandchild|grandchildren|grandkid|grandkids|grandbaby|little one|little boy|little girl|"
    + _AGE_EN
    + ")"
)
# a message telling of something going into a mouth: with a child, a choking hazard
_MOUTH_ZH = (
    r"(?:塞|放|含|放进|塞进|吃进|咬)(?:了)?(?:到|在|进)?嘴里|往嘴里|吞(?:下|进|了|掉)|咽(?:下|了)"
    r"|卡(?:在)?(?:喉咙|嗓子)"
    # something stuck in or taken out of a mouth (卡在她嘴里, 从嘴里抠出来), or retching
    r"|卡在(?:他|她|它|宝宝|孩子|娃)?(?:的)?嘴里|嘴里(?:抠|掏|拿|取|挖|夹|吐)(?:出|了)|干呕|呛(?:到|住)了"
    # Cantonese 放咗入口: put it in the mouth (not in a pocket, 入口袋)
    r"|(?:放|塞|摆)(?:咗|了)?(?:入|落)口(?![袋罩红径香])"
)
_MOUTH_EN = (
    r"(?:in|into|inside) (?:his|her|their|my|the) mouth|mouthing|swallow|chok(?!e (?:collars?|chains?))|gagg"
    r"|\bgags?\b|inhal"
    r"|chew(?:ing|ed|s)? (?:on )?(?:a |the |some )?(?:loose|broken|small|torn|detached|bitten)"
)

# what carries mains power or a charge: a plug, socket or lead gone black or crackling is burning
_POWER_ZH = (
    "(?:插头|插座|插孔|插苏|插排|排插|插线板|拖线板|电线|电源线|线头|接线|充电口|充电头|充电器|充电线|充电座"
    "|适配器|电池(?!盖|仓|后盖)|插上电|通电|一插上|线路|电路)"
)
_POWER_EN = (
    r"(?:plugs?|sockets?|outlets?|power points?|power strip|extension lead|extension cord|extension"
    r"|cords?|cables?|wires?|wiring|chargers?|adapters?|adaptors?|fuse|fuse box|batter(?:y|ies)|power bank"
    r"|pins|prongs)"
)
# crackling in a speaker or headphones is a sound fault, not a fire
_NOT_AUDIO = (
    r"(?:(?!headphone|earphone|earbud|speaker|audio|\bmic\b|music|\baux\b|radio|bluetooth|\bcalls?\b)[^\n])"
)
_CRACKLE_EN = (
    r"(?:crackl(?:e|es|ed|ing)|(?:popping|pop|bang|banging|fizzing|sizzling|crackle|hissing|snapping) "
    r"(?:noises?|sounds?)|(?:went|goes|go) (?:pop|bang)|a (?:loud |big |little )?(?:pop|bang)\b(?! of)"
    r"|fizz(?:ed|es|ing)\b|sizzl(?:e|es|ed|ing)|arc(?:ed|ing)\b)"
)
_ZH_CRACKLE = (
    r"(?:(?:噼啪|噼里啪啦|劈啪|劈里啪啦|啪啪|滋滋|嗞嗞|呲呲)(?:地|的)?(?:响|声|作响|冒|的)"
    r"|(?:啪|嘭|砰|嘣)的一声|爆响)"
)
# a part of the body, for an injury or a reaction told by what it did to someone
_LIMB_ZH = "(?:手(?!机)|胳膊|手臂|手指|指头|手腕|腿|脚|脚趾|头(?!发)|脖子|膝盖)"
_BODY_ZH = (
    "(?:脸|皮肤|手(?!机|感)|手背|手指|胳膊|手臂|腿|脚|脖子|身上|嘴|嘴唇|眼睛|眼皮|头皮|额头|脸颊|下巴"
    "|耳朵|背上|胸口)"
)
_BODY_EN = (
    r"(?:arms?|forearms?|hands?|fingers?|thumbs?|legs?|hips?|knees?|feet|foot|toes?|wrists?|ankles?|forehead"
    r"|face|cheeks?|chin|lips?|ribs?|shins?|shoulders?|elbows?|neck|thighs?|eyes?|eyelids?|skin|scalp"
    r"|ears?|chest|tummy|bum)"
)
_SKIN_WORDS = r"red|itchy|itching|puffy|swollen|blotchy|inflamed|bumpy|stinging|blistered"
_SKIN_EN = "(?:" + _SKIN_WORDS + ")"
# after eating or drinking it (or making something with it and eating that)
_ATE_EN = (
    r"(?:ate|eaten|eating|drank|drunk|drinking|tasted|cooked|baked|made|served|had some"
    r"|had a (?:bit|slice|piece|few))"
)
_ILL_EN = (
    r"(?:doubled (?:over|up)(?! (?:with |in )?laugh)|stomach cramps?|tummy (?:ache|pain|cramps?|bug)"
    r"|belly ?ache|cramp(?:s|ing)\b|on the (?:toilet|loo)"
    r"|(?:toilet|loo|bathroom)\b.{0,15}\ball (?:night|day|evening|morning)"
    r"|the runs\b|(?:couldn'?t|can'?t|could not) keep (?:anything|it|food) down"
    r"|on the bathroom floor|throwin'? up|puk(?:e|ed|ing)\b|hugging the (?:toilet|bowl)|sick as (?:a )?dogs?)"
)
# a falling person: an elderly one whose frame, stool or chair gave way is as urgent as a child
_FALL_ZH = (
    "(?:摔倒|跌倒|摔了一跤|跌了一跤|摔了个跟头|摔在地上|摔到地上|跌在地上|跌到地上|跌坐|坐到地上|坐在了地上"
    "|摔下来|跌下来|摔了下来|栽倒|倒在地上)"
)
_GAVE_WAY_ZH = (
    "(?:塌了|垮了|散架|断了|折了|合上了|合起来|收起来|翻了|塌下去|陷下去|断开|裂开|一歪|歪了|松了|软了)"
)
_GAVE_WAY_EN = (
    r"(?:gave way|give way|giving way|gives way|folded|collapsed|buckled|caved in|tipped over|came apart"
    r"|broke|snapped|slid out|went from under|went out from under|came away|came off the wall|pulled out of"
    r" the wall)"
)
# what a person leans, sits or stands on
_HOLDS_ME_EN = (
    r"(?:walking frame|walker|zimmer|rollator|walking stick|cane|crutch|crutches|stool|step stool|chair"
    r"|ladder|step ladder|stepladder|bed|bench|seat|commode|recliner|armchair|sofa|shower seat|bath step"
    r"|grab rail|grab bar|handrail)"
)
_FELL_EN = (
    r"(?<![a-z'])(?:i|he|she|they|we|me|him|her|mum|mom|dad|nan|nana|gran|granny|grandma|grandad|grandpa"
    r"|husband|wife|mother"
    r"|father|partner|son|daughter|aunt|uncle)\b.{0,12}\b(?:fell|fall|fallen|falling|went down|hit (?:my|his"
    r"|her|the) (?:head|floor|hip|back)|on the (?:\w+ )?floor|landed|took a tumble|had a fall)\b"
    r"(?! in love| apart| asleep| for (?:it|him|her|them|you|that|this|the (?:trick|scam|idea|lie))"
    r"| off the (?:shelf|table|truck|van|lorry|back))"
)

# smoke seen, not smoke denied (不冒烟, 没有冒烟) nor a throat that 冒烟 from spice or thirst
_SMOKE_SEEN_ZH = (
    "(?<!不)(?<!没)(?<!没有)(?<!无)"
    "(?<!嗓子)(?<!嗓子直)(?<!喉咙)(?<!喉咙直)(?<!嘴里)(?<!嘴巴)(?<!嘴里直)(?<!嘴巴直)(?<!舌头直)(?<!辣得)(?<!辣到)"
)

SAFETY = _any(
    # Chinese
    # not 火爆了 (selling fast) nor a page 挤爆了 (jammed), fire as a simile (辣得像着火, 辣得冒火),
    # nor 炸 as frying (炸了三锅, 炸了鸡翅), nor scorching asked about before buying (会不会烧焦),
    # nor smoke denied (不冒烟), nor a throat that 冒烟 from spice or thirst (嗓子直冒烟)
    r"起火|(?<!像)(?<!像是)着火|失火"
    r"|" + _SMOKE_SEEN_ZH + r"冒烟|(?<!辣得)(?<!辣到)冒火|火花"
    r"|火苗|(?<!会不会)(?<!不会)(?<!容易)(?<!防)(?<!怕)(?<!避免)烧焦|焦味|自燃"
    r"|(?<!心态)(?<!心态直接)(?<!心情)(?<!头都)(?<!脑子)(?<!信息)(?<!人气)(?<!直接)(?<!到)爆炸|(?<!火)(?<!挤)爆了"
    r"|(?<!直接)(?<!我)(?<!心)(?<!人)(?<!太)(?<!超)(?<!好)(?<!真)炸了(?![一二两三四五六七八九十几半好0-9]{1,2}(?:锅|盘|份|批|篮|轮|大盘|大锅))(?!.{0,2}(?:鸡|薯|翅|虾|排|串|丸|饼|鱼|肉))",
    # (not swelling listed as a what-if before buying: 会不会冻坏了、鼓包啥的)
    r"鼓包(?!啥的|什么的|之类)|鼓起来|胀起来|膨胀|变形.{0,4}发烫",
    r"(?:尿袋|充电宝|电池|电芯|移动电源|外壳|个壳).{0,8}(?:胀到|胀咗|胀起|胀大|涨起|涨大)",
    r"(?:热|烫)(?:到|得)(?:揸唔住|拿不住|握不住|摸不得|唔敢摸|不敢摸)(?![吗么嘛])",
    # a brake that does not hold, a pram that rolled away (个脚掣锁唔实, 自己溜咗落去)
    r"(?:刹车|脚刹|脚掣|刹掣|手刹|刹制)(?:根本|完全|都)?(?:锁唔实|锁不住|锁不紧|刹不住|失灵|冇用|唔得|不管用|坏了)",
    r"(?:婴儿车|推车|bb车|手推车|童车|轮椅)\S{0,40}(?:自己|自已)?(?:溜|滑|冲)(?:咗|了|走|下)(?:落去|下去|出去)?",
    r"(?:电池|充电宝|充电器|充电头|充电|插头|插座|电源|适配器|电线|手机|机身).{0,8}(?:发烫|很烫|烫手|过热|特别烫|好烫|滚烫|烫得|烧)",
    r"烫伤|烧伤|灼伤|触电|漏电|电到我|电了一下|被电",
    # an electric fault told by how it felt: a tingle or numbness on touching it or its water
    r"(?:摸|碰|接触|握着|拿着|泡|洗|踩|水|外壳|机身|金属|把手|手柄|插头|插座|表面|壳子)"
    r".{0,12}(?:麻了一下|麻一下|一阵麻|发麻|酥麻|麻麻的|麻酥酥|手麻(?!烦)|脚麻|有点电(?![量池脑视话源线费器])"
    r"|有电流|电手|电了(?:我|一下|手)|电人)(?!.{0,6}舒服)",
    r"(?:麻了一下|一阵麻|发麻|酥麻|麻麻的|麻酥酥|电手).{0,10}(?:摸|碰|接触|外壳|机身|金属|插头|插座|漏电)",
    r"(?:有点|有些|会|很|好|一直|老是|居然|竟然)(?:电手|电人)|(?<![充放来停通断])电到(?:手|脚|了我|他|她|人)",
    r"受伤|划伤|割伤|割破|夹伤|砸伤|摔伤|流血|出血|骨折|缝针|送医|进了医院|去了医院|急诊|住院",
    # an injury told as trapped, bruised or swollen
    r"(?<![去消祛化散退])(?:淤青|瘀青|淤血|瘀血|青紫|乌青)(?![膏霜贴药油])",
    r"(?:青了|紫了|青紫了)(?:一大片|一片|一块|一大块|好大一块|一圈)|青一块紫一块",
    _BODY_ZH + r"(?:上|都|也)?(?:青了|紫了|乌青|肿起来|肿得)",
    r"夹(?:住|到|伤|了)(?:了)?(?:他|她|我|孩子|宝宝|老人)?(?:的)?" + _LIMB_ZH,
    r"把(?:他|她|我|我们|孩子|宝宝|人|老人|老伴|老公|老婆|我妈|我爸|奶奶|爷爷|外婆|外公|姥姥|姥爷)"
    r"(?:的.{1,2})?夹(?:住|到|伤|了)",
    r"(?:手|胳膊|腿|脚|手指|指头|手臂|脖子|他|她|我|人|孩子|宝宝)(?:都|给|又)?被.{0,6}夹(?:住|到|伤)",
    r"(?:都是|全是|满是|一手|一脸|一身|流了好多|出了好多)血(?![压糖型氧脂])",
    # someone (an elderly one too) falling because a frame, stool or chair gave way
    r"(?:助行器|助步器|学步车|拐杖|拐棍|凳子|椅子|折叠椅|折叠凳|梯子|人字梯|床|沙发|架子|坐便椅|洗澡椅|淋浴椅"
    r"|浴椅|轮椅|扶手|靠背|马扎|板凳|stool|chair|walker|ladder|frame).{0,20}"
    + _GAVE_WAY_ZH
    + ".{0,20}"
    + _FALL_ZH,
    _FALL_ZH + r".{0,20}(?:塌了|垮了|散架|断了|折了|合上了|合起来了|收起来了|塌下去)",
    # (not goods counted as bruised or grazed: 里面有两个碰伤了, 芒果碰伤)
    r"磕到头|磕到了头|磕了头|撞到头|撞到了头|磕破|(?<![一两二三四五六七八九十几0-9]个)(?<!果)(?:磕伤|撞伤|碰伤|擦伤)"
    r"|摔破|起了个包|肿了个包",
    r"食物中毒|吃坏|拉肚子|拉了.{0,6}肚子|上吐下泻|呕吐|吐了|过敏反应|过敏了|起疹子|中毒|有毒|甲醛超标",
    r"(?:吃|喝)(?:了|完|过).{0,10}(?:不舒服|肚子疼|肚子痛|难受|头晕|恶心|想吐|发烧)",
    # ill after eating or drinking it, told by what it did (全家都跑厕所, 跑了一晚上厕所)
    r"(?:吃|喝)(?:了|完|过)?.{0,30}(?:跑.{0,6}厕所|蹲.{0,4}厕所|闹肚子|拉稀|窜稀|腹泻|肠胃炎|胃疼|胃痛|绞痛|反胃"
    r"|上吐下泻)",
    r"(?:都在|都|一直|一晚上|一整晚|一夜|整晚|整夜|半夜|不停地|不停|轮流)(?:在)?跑(?:了)?.{0,4}厕所",
    # a burning smell, a scorch mark, smoke: the product overheating before it catches fire
    r"焦糊|糊味|烧糊|烧黄|烧黑|熏黑|烧化|烧穿|火星|电火花|打火花|一股烟|有烟冒",
    # (not toast browned on one side by a toaster)
    r"(?<!面包)(?<!吐司)(?<!一面)(?<!一边)(?<!单面)烤(?:焦|糊)",
    r"(?<![红发])(?<!蜡烛)烧.{0,4}(?:味|气味|味道)(?!.{0,4}(?:好闻|很香|香))|焦.{0,2}(?:味|气味|味道)"
    r"|(?:塑料|胶皮|电线|橡胶).{0,3}(?:烧|熔|融|化了|糊)",
    # burning told by sight or sound: a plug, socket or lead gone black, crackling, smoke (冒了点白烟,
    # Cantonese 燶味, 见到有烟)
    r"(?:插头|插座|插孔|插苏|插排|排插|插线板|拖线板|电线|电源线|线头|接线|充电口|充电头|充电器|充电线|适配器|插脚)"
    r"(?:那里|那儿|这里|那块|这块|上面|上|处|的地方|附近|周围|旁边|里面|口)?.{0,8}"
    r"(?:黑了(?:一块|一片|一圈|一点|一小块|一大块|一大片)|(?:都|全|有点|已经|直接)?黑了|发黑|变黑|焦黑|黑掉|黑乎乎|熔了|融了|化了)",
    _POWER_ZH + ".{0,12}" + _ZH_CRACKLE,
    _ZH_CRACKLE + ".{0,12}" + _POWER_ZH,
    # (smoke seen, not smoke denied: 一点都不冒黑烟, 没有冒烟; nor a throat 冒烟 from spice or thirst)
    r"(?<!从不)"
    + _SMOKE_SEEN_ZH
    + r"冒(?:了|出|出了|着|咗)?(?:点|一点|一点点|一股|一阵|一些|些|很多|好多|大量|阵)?"
    r"(?:白|黑|青|蓝)?烟",
    r"(?:见到|看到|看见|睇到|睇见|发现|竟然|居然|突然|开始)有(?:点|些|阵|一阵|啲|一啲|一股|好多)?烟"
    r"(?![灰缸雾花草酒囱嘴斗盒头味民油弹吗嘛么卖感道机])",
    r"㶶味|㶶臭|㶶烟|烧㶶|燶味|燶臭|燶烟|烧燶",  # 燶 folds to 㶶
    r"(?<!不)(?<!排)出(?:咗)?烟(?![口道管囱])",
    # an allergic reaction: the skin after using it
    r"红肿|又红又肿|肿起来|肿了|起疹|红疹|皮疹|疹子|荨麻疹|起红点|起疙瘩|起泡|水泡|脱皮.{0,4}(?:疼|痛)",
    r"(?:脸|皮肤|手|脖子|身上|嘴|眼睛|眼皮).{0,6}(?:过敏|发痒|痒得|刺痛|红了一片)",
    # an allergic reaction told as red, itchy or swollen skin after using it
    r"又红又痒|又痒又红|又痒又肿|又红又肿|红痒",
    r"(?:用了|用完|涂了|涂完|抹了|抹完|擦了|擦完|洗了|洗完|戴了|戴上|穿了|穿上|敷了|敷完|喷了|泡了|用过|一用|刚用)"
    r".{0,20}(?:(?<!不)(?<!不发)(?<!不变)红了|(?<!不)发红|变红|通红|(?<![止去不])痒|(?<![消去不])肿|起包|起小包|起了.{0,4}(?:包|疙瘩|红点)"
    r"|小疙瘩|(?<!不)刺痛|灼热|火辣辣)",
    # a child and something in its mouth: a choking or swallowing hazard
    _CHILD_ZH + r".{0,20}(?:" + _MOUTH_ZH + ")",
    r"(?:" + _MOUTH_ZH + r").{0,20}" + _CHILD_ZH,
    r"(?:磁珠|磁力珠|小磁铁|磁石|纽扣电池|小零件|小部件).{0,12}(?:" + _MOUTH_ZH + r"|掉(?:下来|了|出来)|脱落"
    r"|甩(?:咗|了)?出(?:嚟|来))",
    r"(?:一小块|小块|碎片|塑料片).{0,12}(?:" + _MOUTH_ZH + r")",  # a piece of it in a mouth
    # (not an anti-slip, anti-fall or anti-pinch feature: 防滑, 防摔, 防夹, nor a hair clip)
    r"(?<!防止)(?<!避免)(?<!防)"
    + _CHILD_ZH
    + r".{0,12}(?:吞|误食|卡住|卡在|窒息|噎|(?<!防)摔(?!不)|(?<![防抗止])滑(?![板梯轮雪冰草翔])"
    r"|(?<!防)夹(?!子|克|心|层|板)|被夹|受伤|划破|(?<![防不])烫|溜|(?<!防)磕)",
    # someone who may have swallowed it (怕是被她吞了, 我怕她吞下去了)
    r"被(?:他|她|宝宝|孩子|娃|儿子|女儿)(?:给)?(?:吞|咽|误食)"
    r"|(?:怕|担心|可能|好像|是不是|会不会)(?:是)?(?:被)?(?:他|她|宝宝|孩子|娃)(?:给)?(?:吞|咽)(?:下去|进去|了)",
    r"刹车.{0,4}(?:失灵|坏|不灵|没用)|brakes?\s?.{0,4}(?:失灵|坏了|不灵|没用|刹不住)|误食|窒息|噎住",
    # a child's seat, cot or harness giving way, or someone nearly sliding or falling out: a
    # child at risk however far the telling is from the word for the child
    r"(?:安全座椅|儿童座椅|婴儿座椅|安全提篮|餐椅|床护栏|安全门|背带|腰凳)"
    r".{0,30}(?:松开|松脱|自己开了|弹开|脱开|断了|断开|失灵|塌了|垮了|散架"
    r"|断咗|松咗|甩咗|散咗|塌咗|冧咗)",  # Cantonese 咗
    r"(?:婴儿车|推车|学步车|婴儿床|秋千|护栏|围栏).{0,8}(?:塌了|垮了|散架|自己收起来|自己合上|翻了|翻倒)",
    # a bath seat that let go, a cot side that dropped
    r"(?:洗澡椅|沐浴椅|浴椅|浴架|浴网|浴床|洗澡架|洗澡床|婴儿床|床护栏|床围栏|护栏|围栏|侧板|栏杆).{0,12}"
    r"(?:吸盘.{0,4})?(?:松了|松开|掉下来|掉下去|滑下来|滑落|脱落|吸不住|自己落下|落下来|降下来|倒了|翻了)",
    r"(?:差点|差一点|险些|差些)(?:儿)?(?:就)?(?:滑出|滑下|滑落|摔|跌|掉下|掉出|翻出|翻下|栽)",
    # English
    # (a flame, not a candle's nor the flame-retardant kind; a spark written before Chinese: "spark冒出来")
    # (not a mouth on fire from a spicy sauce)
    r"caught fire|(?<!mouth )(?<!mouth is )(?<!mouth was )(?<!mouth's )(?<!tongue was )on fire"
    r"|burst into flames|(?<!candle )flames?(?![a-z])(?![ -]?(?:retardant|resistant|proof"
    r"|red|effect))|fire hazard|sparks?(?![a-z])(?![ -]?(?:screen|guard|arrest|plug))|sparking",
    # smoke, not the colour or the glass of that name, nor a smoke alarm
    # (nor smoke denied: "no smoke, nothing burning")
    r"(?<!no )(?<!not )(?<!nothing )(?<!without )(?<!never )(?<!any )"
    r"smok(?:e|ing|in|ed)\b(?![ -]?(?:gr[ae]y|glass|black|blue|brown|colou?r|tint|effect|alarms?|detectors?"
    r"|sensors?|free|salmon|ham|bacon|cheese|paprika|flavou?r|machines?))",  # not a party smoke machine
    # (not a mouth or taste buds that exploded with flavour, "in the best way")
    r"(?<!mouth )(?<!buds )(?<!flavours )(?<!flavors )(?<!flavour )(?<!flavor )explod(?:e|ed|ing)"
    r"(?!,? (?:in (?:the|a) (?:best|good) way|with (?:flavou?r|taste)))|explosion(?! of (?:flavou?r|taste))"
    r"|melt(?:ed|ing)\b|scorch",
    # a burn, not a candle left burning nor toast a toaster burns on one side, nor a wood-burning
    # pen doing its job (or failing to: "won't burn a clean line")
    r"(?<!leave it )(?<!left it )(?<!leave )(?<!left )(?<!keep it )(?<!keep )(?<!kept )(?<!toaster )(?<!cand"
    r"le )(?<!wood )(?<!wood-)(?<!won't )(?<!wont )(?<!doesn't )(?<!does not )(?<!will not )(?<!can't )"
    r"(?<!cannot )(?<!nothing )(?<!not )(?<!no )(?<!not smell )(?<!n't smell )(?<!no smell of )"
    r"\bburn(?:ed|t|s|ing)?\b(?! ?(?:orange|sienna|umber|times?|rate|hours?|overnight|evenly|unevenly"
    r"|one side|on one side"
    r"|the toast|toast|the bread|bread|bagels?|calories|fat|a cd|cds?|dvds?|cleanly|longer|for (?:\d|a |an "
    r"|about|up to"
    r"|over|hours|ages)|through the night|all night|safely|properly|nicely|slowly|for hours"
    # nor a new appliance burnt in before first use ("do I need to burn it in first?")
    r"|it in\b|in (?:period|cycle|mode|first)\b|-in\b"
    # nor paint or a finish a polisher might burn through
    r"|through (?:the |my |your )?(?:paint|clear|clear ?coat|lacquer|varnish|finish|top ?coat|edges)"
    # pyrography: a line, a design or letters burnt into wood or leather as intended
    r"|(?:a |clean |a clean |neat |fine |crisp )?(?:lines?|designs?|patterns?|letters?|outlines?)\b"
    r"|into (?:the )?(?:wood|basswood|leather|gourd|blanks?|plywood)))|burn mark",
    # blisters where the skin met it, not blisters from tight boots or new shoes
    r"blister(?:s|ed|ing)? (?:on|all over) (?:my |his |her |their |the |our )?(?:\w+ )?(?:hands?|face|skin"
    r"|arms?|legs?|neck|lips?|scalp|back|chest|fingers?|wrists?|cheeks?|forehead|body|palms?|tummy|bottom"
    r"|bum)\b|blister(?:s|ed|ing)? (?:appeared|came up|formed|developed|everywhere|after (?:using|applying"
    r"|one use|putting)|from (?:the|your) (?:cream|gel|lotion|soap|spray|mask|serum|oil|wash|dye|patch"
    r"|plasters?|balm))|(?:skin|hands?|face|lips?|fingers) (?:blistered|started blistering|is blistering"
    r"|are blistering)",
    r"electric(?:al)? shock|shocked (?:me|my|him|her|us)|electrocut",
    # an electric fault told by how it felt ("a tingle when I touch it", "zapped me", "felt a shock")
    r"(?:touch(?:ed|ing)?|held|holding|grabbed|plugged|unplugged|switched|put (?:my|his|her) (?:hand|foot"
    r"|feet|finger)s?"
    r"|the water|in the water|metal|casing)\b.{0,40}\b(?:tingl(?:e|es|ed|ing|y)\b(?! of)|zapp(?:ed|ing)\b"
    r"|zaps?\b(?! of)"
    r"|jolt\b(?! of)|(?:electric(?:al)?|little|small|slight|mild|sharp|nasty) (?:shock|buzz|zap)\b"
    r"|felt a (?:shock|buzz)|pins and needles)",
    r"(?:tingl(?:e|es|ed|ing|y)\b|zapp(?:ed|ing)\b|zaps?\b(?! of)|jolt\b|buzz(?:ed|es)? me\b|felt a (?:shock"
    r"|buzz)|got a (?:little |small |slight |mild |nasty )?(?:shock|zap|jolt))"
    r".{0,40}\b(?:touch(?:ed|ing)? (?:it|the|its|a|any|that|this|my)|when (?:i|you|she|he|we|they) (?:touch"
    r"|held|hold"
    r"|grab|put|plug|unplug|switch)|off (?:it|the)\b|from (?:it|the (?:plug|socket|switch|kettle|toaster"
    r"|lamp|heater"
    r"|metal|handle|casing|cable|cord|charger|water|bath|tap))\b|in the water|the water|metal|casing|handle)",
    r"zapp(?:ed|ing) (?:me|my|him|her|us|them)\b|got zapped|(?:gave|gives|giving) (?:me|him|her|us|them"
    r"|my \w+) (?:a |an )?(?:little |small |slight |mild |nasty |real |proper )?(?:zap\b|jolt\b(?! of)"
    r"|electric(?:al)? (?:buzz|tingle))"
    r"|buzz(?:ed|es|ing) (?:my|his|her) (?:hand|hands|finger|fingers|foot|feet|arm|arms)\b"
    r"|felt (?:a |an |like an? )?(?:little |small |slight |mild |sharp |real |proper )?(?:electric(?:al)? )?"
    r"(?:shock|jolt|zap|tingle)s?\b(?! of)",
    # (not swelling denied: "it is not heating, not swelling")
    r"(?<!no )(?<!not )(?<!nothing )(?<!without )(?<!never )(?<!isn't )(?<!wasn't )(?<!no sign of )"
    r"(?:swollen|swell(?:ing|ed)?\b)|bulg(?:e|ing|ed)|puff(?:ed|ing|s)? up|puffy battery",
    r"(?:battery|batteries|charger|power bank|plug|adapter|adaptor)\b.{0,30}"
    r"(?:\bhot\b|expand|lifting|deform)",
    r"(?:电池|充电宝|充电器|power bank|battery).{0,12}(?:鼓|变形|膨胀|hot)",
    r"(?:adapter|adaptor|charger|plug|cable|cord|battery|power bank|socket).{0,8}"
    r"(?:发烫|很烫|烫手|过热|特别烫|好烫|滚烫|烫得|烫到)",
    r"(?:battery|charger|power bank|plug|adapter|adaptor|phone|laptop|cable|socket|cord|wire|wiring|outlet"
    r"|extension|power strip)\b.{0,40}"
    r"(?:overheat|too hot|really hot|very hot|super hot|extremely hot|so hot|burning hot|scalding)",
    # (not a protection asked about: "has it got overheat protection?", an auto shut-off)
    # (nor what it does if it overheats: "does it switch off if it tips over or overheats?")
    r"(?<!if it )(?<!when it )(?<!in case it )(?<!tips over or )(?<!tip over or )"
    r"overheat(?:ing|ed|s)?\b(?! ?(?:protection|prevention|cut-?off|shut-?off|sensor|guard|switch|safety))",
    r"injur(?:y|ed|ies)|\bhurt (?:my|his|her|him|me|us|our|the|myself|herself|himself|themselves)\b|got hurt",
    r"\bcut (?:my|his|her|their) (?:finger|hand|foot|leg|arm|lip|mouth)|bleed(?:ing)?|\bblood\b|stitches",
    # cuts or grazes told as what someone was left with ("cuts to his forearm and a sore hip")
    r"\b(?:cuts?|grazes?|gash(?:es)?|scrapes?) (?:to|on|across|all over) (?:my|his|her|their|our|both) "
    r"(?:\w+ )?" + _BODY_EN + r"\b",
    # an injury told as trapped, pinched or bruised ("trapped my arm", "a nasty bruise on my hip")
    r"(?:trapped|pinched|caught|crushed|jammed|squashed|clamped|nipped) (?:my|his|her|their|our|the baby's"
    r"|my son's"
    r"|my daughter's|someone's) (?:\w+ )?(?:arm|arms|hand|hands|finger|fingers|thumb|thumbs|leg|legs|foot"
    r"|feet|toe|toes|wrist|neck|knee|ankle|head)\b",
    r"(?:my|his|her|their|our|baby's|son's|daughter's) (?:\w+ )?(?:arm|arms|hand|hands|finger|fingers"
    r"|fingertip|thumb|thumbs|leg|legs|foot|feet|toe|toes|wrist|neck|ankle) "
    r"(?:got |was |were |became |has been |had been |been )?(?:trapped|pinched|crushed|jammed|squashed"
    r"|clamped|caught\b(?! up| out| on camera))",
    r"(?:trapped|pinned|crushed) (?:him|her)\b|trapped me (?:under|against|between|beneath)",
    r"bruis(?:e|es|ed|ing)\b(?! cream| gel| balm| oil| ointment| relief| remover| stick| spray| serum"
    r"| treatment)"
    r"(?=.{0,25}\b(?:my|his|her|their|our|your|the baby's)\s(?:left |right |upper |lower |whole )?"
    + _BODY_EN
    + r"\b)",
    _BODY_EN + r" (?:is |are |was |were |got |has |have |all |now |badly |really |very |quite )*"
    r"(?:bruised|bruises|bruising|black and blue)",
    r"(?:nasty|huge|massive|horrible|awful|terrible|enormous|giant|really bad|purple) bruis(?:e|es|ing)\b"
    r"|bruised (?:my|his|her|their|our) ",
    r"(?:i've got|i have|i got|i had|he has|she has|he's got|she's got|he had|she had|left me with"
    r"|left him with"
    r"|left her with|gave me|gave him|gave her|given me|given him|given her|now has|now have) (?:a |an "
    r"|some )?"
    r"(?:\w+ )?bruis(?:e|es|ing)\b(?! cream| gel| balm| oil| ointment| relief| remover| stick| spray)",
    r"(?<!goodyear )(?<!storm )(?<![a-z])welt\b(?! pocket| seam| construction| stitch)",
    # someone falling because a walking frame, stool or chair gave way under them
    _HOLDS_ME_EN + r"\b.{0,60}\b" + _GAVE_WAY_EN + r"\b.{0,120}\b" + _FELL_EN,
    r"(?:fell|went down|hit the floor|ended up on the floor|landed on|took a tumble|had a fall)\b"
    r"(?! off and| out| apart| in love| asleep| behind| through).{0,40}"
    r"\b(?:it|the whole thing|" + _HOLDS_ME_EN + r")\b.{0,20}"
    r"\b(?:gave way|collapsed|folded|buckled|caved in|came apart|snapped)",
    r"(?:gave way|give way|collapsed|folded up|folded|buckled|caved in|came apart) "
    r"(?:(?:under|beneath) (?:me|him|her|them|us|my \w+|his \w+)|on (?:me|him|her))\b",
    r"hospital|emergency room|\ba ?& ?e\b|\bthe er\b",
    r"food poisoning|poison(?:ed|ing|ous)?|got sick after|sick after (?:eating|drinking|using)",
    # ill after eating or drinking it, however it is told ("ate the bars and was sick all night")
    r"\b(?:ate|eaten|eating|drank|drunk|drinking|tasted)\b.{0,60}"
    r"\b(?:sick(?! of| and tired)|ill\b|unwell|poorly|nause|stomach ?(?:ache|pain|cramp|bug)|upset stomach)",
    r"made (?:me|us|him|her|them|my \w+) (?:sick|ill|vomit|throw up)|vomit|throwing up|throwin'? up|threw up"
    r"|diarrh",
    # ill after eating it, told by what it did ("within an hour we were both doubled over")
    r"\b" + _ATE_EN + r"\b.{0,80}\b" + _ILL_EN,
    _ILL_EN + r".{0,40}\b(?:after|since|from) (?:eating|drinking|having|trying|tasting|finishing|consuming"
    r"|(?:i|we|he|she|they) (?:ate|drank|had|tried))\b",
    # (not a beekeeper's hives)
    r"allergic reaction|broke out in (?:a )?rash|(?<!bee)(?<!bee )(?<!the )(?<!my )(?<!our )hives\b"
    r"(?! (?:open|opened|are open|in spring|for the))",
    r"\brash(?:es)?\b|welts|came up in|come up in|breaking out|broke out|anaphyla",
    r"swollen (?:face|lips?|eyes?|skin)",
    # an allergic reaction told as red, itchy or puffy skin ("my hands went red and itchy and puffy")
    _BODY_EN
    + r"\b.{0,30}\b"
    + _SKIN_EN
    + r"\b,?(?: and| &| n|,)? (?:so |really |very |all )?(?:"
    + _SKIN_WORDS
    + r"|bumps|spots|blotches|patches|lumps|welts)\b",
    _SKIN_EN
    + r",? (?:and |& )?"
    + _SKIN_EN
    + r" (?:skin|rash|bumps|spots|patches|blotches|lumps|welts|hives)\b"
    r".{0,40}\b(?:after|since|from|when)\b",
    _BODY_EN + r"\b.{0,20}\b(?:went|turned|gone|got|became|come up|came up|swelled|blew up)\b.{0,10}"
    r"\b(?:puffy|blotchy|inflamed|swollen)\b",
    r"(?:had|having|got|caused|causing|gave (?:me|him|her|us|them)) "
    r"(?:an? )?(?:bad |severe |nasty )?reaction",
    # a burning smell, a scorch mark, smoke
    # (not a candle that smells lovely while it burns, nor a smell denied: "does not smell burnt")
    r"(?<!not )(?<!n't )(?<!never )(?<!no )(?:smell|smells|smelled|smelt|smelling|stink|stinks|stank|reek"
    r"|reeks|reeked|odou?r|whiff|fumes)\b"
    r"(?! (?:amazing|lovely|nice|great|good|gorgeous|divine|beautiful|incredible|wonderful|fantastic|so good"
    r"|so nice)).{0,20}(?:burn|smok|melt|scorch|singe|electrical)",
    # burning told by smell, sight or sound: a hot-plastic smell, "like an iron left on", a plug gone brown,
    # crackling or popping at a plug or lead
    r"(?:smell|smells|smelled|smelt|smelling|stink|stinks|stank|reek|reeks|reeked|odou?r|whiff"
    r"|fumes)\b.{0,25}"
    r"\b(?:hot (?:plastic|rubber|metal|wiring|wires?|electrics?|electrical|iron|motor|dust)|(?:an"
    r"|a hot) iron\b|(?:plastic|rubber) (?:melting|burning|heating))",
    r"hot (?:plastic|rubber|metal|wiring|electrical|electric|motor|dust|iron) ?(?:smell|stink|odou?r|whiff"
    r"|fumes)|hot (?:smell|stink|odou?r|whiff)\b",
    _POWER_EN + r"\b.{0,40}\b(?:went|gone|turned|turning|going|goes|turns|become|became|got|getting)"
    r"(?: (?:a bit|slightly|all|completely|really|partly|kind of|sort of|now))? "
    r"(?:brown|black|charred|blackened|discolou?red|scorched)\b",
    r"(?:brown|black|dark|burn|scorch) (?:patch|patches|mark|marks|spot|spots|ring|rings|stain|stains|line"
    r"|lines)\b"
    r".{0,30}\b(?:plug|socket|outlet|pins?|prongs|cable|cord|wire|charger|adapter|adaptor|heater|heated"
    r"|blanket|throw)",
    r"(?:heated|heater|heating pad|electric blanket|plug|socket|outlet|charger|adapter|adaptor|cable"
    r"|cord)\b.{0,60}\b(?:brown|scorch) (?:patch|mark|marks|spot|ring|stain)",
    # (a code-switched "charger一直crackling": no word boundary between Latin and Chinese)
    r"(?<!aux )(?<!audio )(?<!headphone )(?<!speaker )(?<!hdmi )"
    + _POWER_EN
    + r"(?![a-z])"
    + _NOT_AUDIO
    + "{0,40}"
    + _CRACKLE_EN,
    r"(?<!headphones )(?<!headphone )(?<!earphones )(?<!earbuds )(?<!speaker )(?<!speakers )(?<!radio )"
    + _CRACKLE_EN
    + _NOT_AUDIO
    + r"{0,40}(?<![a-z])"
    + _POWER_EN
    + r"(?![a-z])",
    r"charr(?:ed|ing)|\bsinge[ds]?\b|black (?:mark|marks|smudge|soot)|soot\b",
    # a child and a small part, a magnet or a button battery: a choking or swallowing hazard
    _CHILD_EN + r"\b.{0,60}(?:" + _MOUTH_EN + ")",
    r"(?:" + _MOUTH_EN + r").{0,60}\b" + _CHILD_EN + r"\b",
    # something in the child's own mouth, told further on ("my 2 year old was chewing on the dog's
    # chain and a loose link came off in her mouth")
    _CHILD_EN + r"\b.{0,120}\b(?:in|into|inside) (?:his|her|their) mouth",
    # a battery or a magnet near a mouth, whoever holds it
    r"(?:batter(?:y|ies)|magnets?)\b.{0,60}\b(?:in|into|inside) (?:his|her|their|my|the|your) mouth",
    r"(?:button|coin) batter(?:y|ies)",
    r"small (?:parts?|pieces?|magnets?|balls?) (?:came|come|fell|falls?|comes|broke) (?:off|out|loose)",
    # (not choked as upset: "a bit choked about that", "choked up"; nor a dog's choke collar, nor
    # an engine's choke: the choke, full choke, the choke lever)
    r"(?<!bit )(?<!the )(?<!full )(?<!half )(?<!auto )(?<!manual )chok(?:ed|ing|es|e)\b"
    r"(?! about| up\b| collars?| chains?| lever| cable| knob| setting| question| off\b)"
    r"|(?<!before he )(?<!before she )(?<!before it )(?<!before they )(?<!didn't )(?<!did not )(?<!never )"
    r"(?<!not )swallow(?:ed|ing)?|suffocat|strangl",
    # an electrical fault seen and felt at the fuse board ("a flash out the back and the MCB went")
    r"(?:flash|bang|pop|spark)\w*\b.{0,60}\b(?:mcb|rcd|rcbo|breaker|trip switch|fuse)s?\b"
    r"|(?:mcb|rcd|rcbo|breaker|trip switch|fuse)s?\b.{0,40}\b(?:flash|bang|spark)",
    r"brakes? (?:failed|fail|didn't work|did not work|stopped working|gave out|didn't hold|did not hold"
    r"|wouldn't hold|would not hold|won't hold|failed to hold|let go|slipped)",
    # (not "so she doesn't fall", "won't fall apart", "falls asleep")
    r"(?<!stop my )(?<!stop the )(?<!stop a )(?<!stop your )(?<!stops my )(?<!stops the )(?<!prevent my )"
    r"(?<!prevent the )(?<!keep my )(?<!keeps my )(?<!keep the )(?<!stopping my )(?<!stop our )"
    + _CHILD_EN
    + r"\b.{0,40}(?<!n't )(?<!not )(?<!never )(?<!from )(?<!without )"
    r"(?:fell|fall(?:s|en|ing)?|tipped|rolled|trapped|pinched|unsafe|danger(?:ous)?|wedged)\b"
    r"(?! asleep| apart| in love| for\b| behind)",
    r"(?:fell|tipped|rolled|collapsed)\b.{0,40}" + _CHILD_EN + r"\b",
    r"(?:car seat|booster seat|high ?chair|\bcot\b|crib|stair gate|baby gate|safety gate|bed rail|bouncer"
    r"|baby carrier|harness|reins|isofix|pram|stroller|pushchair)\b"
    r"(?! (?:cover|liner|insert|cushion|pad|canopy|hood|cup holder|toy|bag)s?\b).{0,40}"  # not its cover
    r"(?:came undone|come undone|came loose|came open|came unclipped|unbuckled|unclipped|popped open"
    r"|gave way|collapsed|folded up|folded in|snapped|came apart|let go|lets go|released|slid forward)",
    # a bath seat that let go, a cot side that dropped
    r"(?:bath seat|bath ring|bath support|bathing seat|bath chair|cot side|crib side|drop side|side rail"
    r"|cot rail|crib rail|bed rail|playpen|play pen|travel cot|bassinet|moses basket|changing table"
    r"|(?:side|rail|gate|latch|base) of the (?:cot|crib|playpen|travel cot|bassinet|high ?chair))\b.{0,40}"
    r"\b(?:let go|lets go|letting go|dropped (?:down|by itself|on its own|suddenly)|drops down|came off"
    r"|fell off"
    r"|came away|came unstuck|unstuck|lost (?:its )?suction|gave way|gave out|collapsed|tipped|slid|released"
    r"|detached|unlatched|popped off)",
    r"(?:nearly|almost|very nearly|practically)\b.{0,8}\b(?:fell|slid|slipped|tipped|tumbled|fall|slide|slip)"
    r" (?:out|off|over|down|through)",
    r"(?<!non)(?<!non-)(?<!non )toxic|lead paint|mou?ld.{0,30}(?:ate|eaten|eating|drank)",
)

_PRAISE = (
    r"(?:好评|夸|推荐|安利|种草|五星|5星|好用|很好|不错|值得|喜欢|棒|赞|都说好(?!的)"
    r"|love|loving|obsessed|amazing|awesome|recommend|thank|great|perfect|so cute|10/10)"
)
# what a thank-you says of a present for a relative who is a lawyer ("my dad is a lawyer and he
# loved it"); not "thanks", which closes threats as often as thank-yous
_PRAISE_EN = (
    r"(?:loved|loves|adore|enjoyed|likes it|over the moon|delighted|great gift|perfect gift|amazing|awesome"
    r"|swears? by|raves? about"
    # or who sent the customer to the shop ("put me onto your shop")
    r"|put me onto|put me on to|told me about your|introduced me to|recommended (?:you|your)"
    r"|told me to (?:shop|buy|order|try|check)"
    r"|sent me your way|pointed me to)"
)

# praise of what was shared to a group or a platform (衣服好看, 很满意)
_PRAISE_SHARED = (
    r"(?:好评|夸|推荐|安利|种草|五星|好用|很好|不错|值得|喜欢|棒|赞|好看|漂亮|可爱|满意|精致|划算|问链接|要链接"
    r"|拉(?:了点|点)?生意|love|loving|obsessed|amazing|awesome|recommend|great|perfect|so cute|gorgeous"
    r"|lovely|10/10)"
)
# a customer looking forward to what they will post (an unboxing "sooo pretty", 拍vlog…哈哈 所以想问下哪天到)
_LOOKING_FORWARD = (
    r"(?:哈哈|期待|can'?t wait|so excited|tag you|your handle|so+ pretty|really pretty|so cute|cute|hyped)"
)
# what a thank-you says of a present for a relative who is a lawyer or a journalist, or works at a
# paper or a magazine, in either language (我姐在杂志社上班，她也说好看; "asked where I got it")
_THANKS_ANY = (
    r"(?:好评|夸|推荐|安利|种草|五星|好用|很好|不错|好看|漂亮|喜欢|很棒|太棒|超棒|赞|链接|在哪买|哪里买|哪买|同款|也想要"
    r"|也想买|也要买|买一个|love it|loved it|loves it|love (?:the|your|my|her|his|it)|loved|adore|obsessed"
    r"|amazing"
    r"|awesome|gorgeous|beautiful|perfect|so cute|the link|a link|where (?:i|she|he|you) (?:got|bought)"
    r"|asked where|where to (?:get|buy)|wants? one|want one|10/10|quality|swears? by|raves? about"
    r"|decent|said you (?:lot |guys |folks )?were|(?:he|she) was right|(?:weren'?t|wasn'?t) wrong)"
)
# a customer whose work is the law or the press, on that work's ordinary business: a firm's
# account or an office order (刚开了个律所), a gift guide or a round-up for the paper
_WORK_ZH = (
    r"(?!.{0,30}(?:律所|律师事务所|事务所|企业账户|公司账户|对公|月结|办公用品|礼品指南|好物推荐|选品))"
)
_WORK_EN = (
    r"(?!.{0,60}(?:gift guide|gift list|round-?up|buying guide|product feature|for our readers|press sample"
    r"|review sample|stockist|our (?:law )?firm'?s? (?:account|office)|office (?:order|supplies)))"
)
# what a threat says of that relative, praise or not (我老公是律师，说你们这样违法)
_THREAT_ZH = r"(?:起诉|告你|告你们|法律|违法|维权|赔偿|投诉|追究|诉讼|曝光|处理|说法)"

LEGAL_MEDIA_REGULATOR = _any(
    # a lawyer; someone who is one, unless the present for them is praised (我爸是律师，他很喜欢)
    # (是个律师, 当律师: a relative who is one; not in a thank-you, unless the threat is there too)
    # (not a law firm's name on an invoice: 恒衡律师事务所)
    r"(?<!是)(?<!是个)(?<!是一个)(?<!是一名)(?<!是名)(?<!当)(?<!做)律师(?!事务所|楼)",
    r"(?:是|是个|是一个|是一名|是名|当|做) ?(?:律师|lawyer|attorney|solicitor).{0,40}" + _THREAT_ZH,
    # (报警, calling the police, not a bed alarm's 报警器)
    r"起诉|(?<!跑)法院(?!工作|上班|实习)|打官司|告你们|法律途径|法律责任|诉讼|报警(?!器|功能|灯|声|提示|模式|装置|系统)|警察",
    r"(?<![0-9])(?:12315|12345|12366)(?![0-9])|消协|消费者协会|消保委|市场监管|市场监督|监督管理局|工商局|工商部门|监管部门|质监局",
    # Taiwan's consumer foundation and consumer protection officers, Hong Kong's consumer council
    r"消基会|消费者文教基金会|消保官|消保处|消费者保护|消费者权益保护|消委会",
    r"曝光|上新闻|登报|上报纸|见报",
    # the press, a journalist, someone at a paper or a magazine: not in a thank-you or asking for the link,
    # nor social media or a multimedia player
    # (not who someone is: 我是记者 is IDENTITY below)
    r"(?<!社交)(?<!多)(?<!流)(?<!自)(?<!是)(?<!是个)(?<!是一个)(?<!是一名)(?<!是名)(?<!当)(?<!做)"
    r"(?:媒体|记者|电视台|报社|杂志社)(?!.{0,30}" + _THANKS_ANY + ")",
    r"(?:媒体|记者|电视台|报社|杂志社).{0,30}" + _THREAT_ZH,
    r"(?:找|联系|告诉|通知|叫|报给|爆料给|投诉到)(?:了)?(?:媒体|记者|电视台|报社|杂志社)",
    r"(?:找|搵|联系|联络)(?:咗|了)?.{0,8}(?:报馆|报社|记者|媒体|电视台)",
    r"(?:记者|报馆|报社|媒体).{0,20}(?:写|报道|报导|曝光|故事|有兴趣)(?!.{0,30}" + _THANKS_ANY + ")",
    # the tax office as the customer's threat (让税务那边看看你们这流水)
    r"(?:税务局|税务部门|税务那边|税务机关|税局).{0,10}(?:举报|投诉|反映|查查|查一查|看看)"
    r"|(?:举报|投诉|反映)(?:到|给)?(?:税务局|税务部门|税务机关)",
    # the radio: calling in to a station or a hotline to tell the city (打进交通台给全城的司机讲讲)
    r"(?:打进去|打进|打电话到|打电话给|打到|打给|打去|报料给|爆料给|投诉到|反映到|找)(?:了)?(?:本地|当地|市里|我们这)?"
    r"(?:的)?(?:交通台|电台|广播台|广播电台|新闻热线|民生热线|热线节目|电视台|民生栏目)",
    r"(?:交通台|电台|广播台|广播电台|新闻热线|民生热线|热线节目|民生栏目).{0,16}(?:打进去|打进|打电话|报料|爆料|曝光|讲讲"
    r"|说说|评评理)",
    r"给全(?:城|市|县|省)(?:的)?.{0,4}(?:讲讲|说说|听听|评评理|知道)",
    # a lawyer; someone who is one, unless they loved the present (a thank-you, not a threat)
    # (is a lawyer, 是lawyer, a retired one: a relative, unless no praise follows)
    r"(?<!is a )(?<!'s a )(?<!is an )(?<!'s an )(?<!as a )(?<!was a )(?<!'m a )(?<!am a )(?<!'m an )"
    r"(?<!am an )(?<!是)(?<!是个)(?<!是 )(?<!retired )(?<!a defense )(?<!a defence )(?<!a criminal )"
    r"(?<!a family )(?<!a divorce )(?<!a corporate )(?<!a tax )(?<!a patent )(?<!an immigration )"
    r"(?<!a property )(?<!an employment )(?<!a trial )(?:lawyer|attorney|solicitor)",
    r"\bsue\b|suing|lawsuit|legal action|take (?:you|this) to court|small claims",
    # (not a food, tennis or basketball court, court shoes, nor court sittings a reporter attends)
    r"(?<!food )(?<!tennis )(?<!basketball )(?<!netball )(?<!squash )(?<!badminton )(?<!crown )\bcourt\b"
    r"(?! ?(?:shoes?|sittings?|reporter|yard|side))|legal (?:team|advice|counsel)",
    r"\bftc\b|\bbbb\b|better business\b|trading standards|competition (?:bureau|authority|commission)"
    r"|consumer ombudsman",
    r"consumer (?:protection|affairs|rights|council)",
    # (not a gas, pressure or voltage regulator: a part, "the regulator and hose")
    r"ombudsman|(?<!gas )(?<!pressure )(?<!voltage )(?<!propane )(?<!lpg )(?<!butane )(?<!co2 )"
    r"regulator(?! and hose|s? (?:and|&) hose| hose| valve| kit| fitting| included)|attorney general"
    r"|\baccc\b|\bcma\b|file a complaint with|fair trading",
    r"\bico\b|information commissioner|data protection (?:authority|commission|regulator|office)"
    r"|个人信息保护.{0,6}(?:投诉|举报)|网信办",
    # a journalist or reporter, not one in the family who wants the link or loved the present
    r"(?<!is a )(?<!'s a )(?<!as a )(?<!was a )(?<!'m a )(?<!am a )(?:journalist|reporter)(?!.{0,60}"
    + _THANKS_ANY
    + ")",
    r"(?:journalist|reporter).{0,60}(?:write about|story|cover|expose|article|investigat|report on"
    r"|hear about)",
    # the press as the customer's threat, not the garlic press they return
    r"(?:go|going|went|talk|talking|speak|speaking|tell|telling|contact|contacting|call|calling|alert|tip off"
    r"|tipping off|write|writing) (?:to )?the press\b|the press (?:will|would|'ll|are going to|is going to)"
    r"|news (?:outlet|channel|station)|(?:go|going|went) to the (?:media|news)",
    r"consumer (?:slot|show|programme|program|segment|column|page|desk|champion|rights show|fella|guy|man"
    r"|woman|lady|bloke|chap|reporter|editor|correspondent)",
    r"legal (?:helpline|expenses cover|cover)\b|letter before (?:action|claim)",
    r"(?:run|running|print|printing|publish|publishing|feature|featuring)\b (?:it|this|the story|my story"
    r"|a piece|the whole thing)\b.{0,30}\b(?:paper|newspaper|column|magazine|bulletin|news)\b",
    r"(?:the (?:local |daily |evening |weekend |sunday )?paper|newspaper|magazine|news desk|column)\b"
    r"(?! ?(?:towels?|bags?|plates?|straws?|cups?|filters?|roll|clip|shredder|tray))"
    r".{0,30}\b(?:run|print|publish|feature)\w* (?:it|this"
    r"|the story|my story|a piece|the whole thing)\b",
    r"consumer (?:foundation|association|council|watchdog)|consumers'? association",
    # the radio: a call-in show the customer will phone ("ready to phone in and tell the whole RM")
    r"(?:call-in|phone-in|phone in|call in|ring in|ringing in)\b.{0,40}\b(?:show|station|radio|programme"
    r"|program)\b|(?:show|station|radio|programme|program)\b.{0,80}\b(?:phone in|call in|ring in)\b",
    r"(?:contact|tell|call|alert) the (?:media|news|papers)|go public",
    # who someone is, with what they will make of it: a story, the law broken, a hint
    r"(?:lawyer|attorney|solicitor|journalist|reporter|editor|paper|magazine|radio|tv|television|writes for"
    r"|works for|works at)\b.{0,60}"
    r"\b(?:illegal|unlawful|against the law|in breach|breach of|my rights|consumer rights|would love this"
    r"|love this story|(?:a|great|good|juicy|nice) story|an article|write (?:about|this|it) up|be in touch"
    r"|hearing from|just saying"
    r"|just so you know|just letting you know|bear that in mind|keep that in mind)",
)

# Who someone is, not what they will do: the customer or a relative who is a lawyer or a
# journalist, presents on the radio or works at a paper. A threat only from an unhappy customer
# (with_identity): every hand-written set's writer labelled a reporter asking about sizes, a
# lawyer's firm account or a lawyer daughter in a thank-you as the ordinary ticket it is.
IDENTITY = _any(
    r"(?:是|是个|是一个|是一名|是名|当|做)律师(?!.{0,40}" + _PRAISE + ")" + _WORK_ZH,
    r"(?:是|是个|是一个|是一名|是名|当|做)(?:记者|媒体人|编辑)(?!.{0,30}" + _THANKS_ANY + ")",
    r"(?:给|替|为)(?:报纸|杂志|报社|新闻)(?:写|投)|在(?:报社|报纸|杂志|杂志社|电视台|新闻)(?:工作|上班|当|做)"
    r"(?!.{0,30}" + _THANKS_ANY + ")",
    r"(?:是|是个|是 )(?:lawyer|attorney|solicitor|journalist|reporter)(?!.{0,40}" + _THANKS_ANY + ")",
    r"(?:is|'s|was|as|'m|am) an? (?:\w+ )?(?:lawyer|attorney|solicitor)(?!.{0,60}"
    + _PRAISE_EN
    + ")"
    + _WORK_EN,
    r"(?:is|'s|was|as|'m|am) an? (?:\w+ )?(?:journalist|reporter)(?!.{0,60}" + _THANKS_ANY + ")" + _WORK_EN,
    # someone who presents or works on the radio or television
    r"(?:presents|presenter|presenting|hosts|host of|producer|produces) (?:on |for |at )?(?:the |a |our "
    r"|my )?(?:\w+ ){0,3}(?:radio|tv|television|news|podcast)\b(?!.{0,40}" + _THANKS_ANY + ")",
    # someone who writes for or works at a paper, a magazine or the news
    r"(?:writes?|writing|wrote|works?|working|worked|editor) (?:for|at|on) (?:the|a|our|my) "
    r"(?:local |daily |evening |national |regional )?"
    r"(?:paper|newspaper|magazine|news|tv station|radio station)\b"
    r"(?! ?(?:company|mill|supplier|shop|store|factory))(?!.{0,60}" + _THANKS_ANY + ")",
)

# platforms named in either script, for the code-switched going-public rules below; a Latin
# name only as a word of its own ("ins" is not "instructions")
_PLATFORMS = (
    r"(?:facebook|(?<![a-z])fb(?![a-z])|(?<![a-z])ins(?![a-z])|instagram|tiktok|twitter|(?<![a-z])x上|youtube"
    r"|reddit|threads|trustpilot|google review|脸书|推特|油管|小红书|抖音|快手|微博|朋友圈|知乎|b站|视频号"
    # Hong Kong's and Taiwan's forums
    r"|连登|高登|lihkg|dcard|(?<![a-z])ptt(?![a-z]))"
)
_PLATFORMS_ZH_ = (
    "(?:抖音|快手|小红书|微博|朋友圈|知乎|b站|视频号|大众点评|贴吧|论坛|脸书|推特|油管|超话|豆瓣|连登|高登)"
    "(?:和|跟|还有|、|上|里)?"
)
BAD_REVIEW = _any(
    r"差评|一星|1星|打低分|给低分|负面评价|挂你们|网上说|到处说|让大家都知道|避雷|公之于众|网上曝光",
    r"把你们(?:店|家|公司)?.{0,4}(?:挂|曝光)",
    # a chat log or screenshots put up in a group or on a platform (发到宝妈群里, 聊天记录都发出来)
    r"(?:发|放|挂|传|贴|晒|转发|转|丢)(?:到|在|进|去|上)?.{0,8}"
    r"(?:宝妈群|妈妈群|业主群|小区群|家长群|同学群|邻居群|亲戚群|家族群|朋友群|车友群|本地群|老乡群|同事群|广场舞群"
    r"|微信群|群里让|群里给大家|群里曝光)(?!.{0,20}" + _PRAISE_SHARED + ")",
    r"(?:聊天记录|截图|对话记录|录音|记录)(?:都|全|全部|统统)?.{0,12}(?:发|挂|晒|贴|公开|放|传)"
    r"(?:到|在|上|出来|出去)?.{0,10}(?:网上|(?<!售后)(?<!客服)(?<!粉丝)(?<!会员)(?<!店铺)(?<!官方)群(?!主)|朋友圈|微博"
    r"|抖音|小红书|快手|知乎|b站|超话|贴吧|论坛|豆瓣|小组|让大家|公开)(?!.{0,20}" + _PRAISE_SHARED + ")",
    r"(?:去|到|在|上)(?:本地|当地|小区|我们)?"
    + _PLATFORMS_ZH_
    + r".{0,15}(?:发出来|挂出来|晒出来|贴出来|公开|发帖"
    r"|写(?:个|篇|一篇|了一篇|了)?(?:长文|帖子|帖|post|文章|笔记|测评))(?!.{0,12}" + _PRAISE_SHARED + ")",
    r"(?:发|放|挂|传|贴)(?:到|在)网上",
    # (not 发货 / 发现 / 发票 before a platform named on its own, nor praise posted there)
    r"(?:发(?!货|现|票)|挂|曝光|吐槽|写).{0,6}(?:微博|抖音|小红书|朋友圈|知乎|黑猫)(?!.{0,12}"
    + _PRAISE
    + ")",
    # going public on a platform, whichever: what the customer says they will do there
    # (not where the customer found the shop: 在抖音刷到你们直播间)
    r"(?:在|到|上|去)(?:抖音|快手|小红书|微博|朋友圈|知乎|b站|视频号|黑猫|大众点评|点评|贴吧|头条|网上|群里|直播间)"
    r"(?!.{0,3}(?:刷到|看到|看见|发现|搜到|找到|知道|关注))"
    r".{0,8}(?:说说|说一说|讲讲|曝光|吐槽|揭露|发帖|发个帖|发文|发视频|发个视频|发条|拍视频|拍个视频|直播|挂出|挂你|告诉大家|让大家)",
    # (not where the customer came across the shop: 在直播间刷到你们的)
    r"(?:来|去|到|在)(?:评论区|弹幕|直播间)(?:里)?(?:刷屏|刷(?!到)|曝光|挂你们|说说|讲讲)",
    r"让(?:直播间的|评论区的)?(?:家人们|观众|粉丝们|路人|大家|所有人|别人|更多人|全网|全世界|网友|朋友们|姐妹们|宝妈们"
    r"|家长们|邻居们|朋友|姐妹|宝妈|街坊邻居|街坊"
    r"|邻居)(?:都)?(?:知道|看看|看到|评评理|别买|别来|小心|避坑|避雷|注意|瞅瞅|瞧瞧)",
    r"(?:拍|录)(?:个|成|了|一段)?视频.{0,10}(?:发|曝|传|挂)|(?:曝光|揭露)你们",
    # code-switched: a Chinese verb and a platform written in English, or the other way round
    # ("发个facebook post", "post到ins上", "I'll post it on 小红书"); not when what is posted
    # there is praise (a good review on 小红书 is not a threat)
    r"(?:发|po|post|posting|晒|挂|传|贴|曝光|吐槽|写|骂|放)(?:个|条|一条|一个|一篇|篇|到|在|上|去)?(?:个|条|篇)?\s?"
    r"" + _PLATFORMS + r"(?!.{0,12}(?:" + _PRAISE + "|" + _PRAISE_SHARED + "|" + _LOOKING_FORWARD + "))",
    r"(?:在|到|上|去)\s?"
    + _PLATFORMS
    + r".{0,8}(?:说说|讲讲|曝光|吐槽|揭露|发帖|发文|发视频|骂|喷|挂|告诉大家|让大家"
    r"|写(?:个|篇|一篇)?.{0,4}(?:post|帖|长文)(?!.{0,12}" + _PRAISE + "))",
    r"(?:post|posting|share|sharing|put|putting|upload|uploading|film|filming|tell|telling|warn)\b.{0,30}"
    r"(?:小红书|抖音|快手|微博|朋友圈|知乎|b站|视频号|大众点评|贴吧)",
    # a video or a post put up if nothing is done (不给个说法就投稿, 再不处理我就发出来)
    r"(?:不给(?:个|我)?(?:说法|交代|解决)|不处理|不解决|再不(?:处理|解决|退|换|赔))[^。!?]{0,12}(?:就|我就)"
    r"(?:投稿|发视频|发出来|发出去|公开|上传|发布)",
    # telling everyone, unless it is to recommend the shop
    r"告诉(?:大家|所有人|全网|网友|身边的人|朋友们|所有朋友)(?!.{0,12}" + _PRAISE + ")",
    # and in Cantonese (话畀全世界知, 俾大家睇下你哋点对客)
    r"(?:畀|俾)(?:全世界|全香港|全网|成个网|所有人)(?:人)?(?:都)?(?:知|听|睇|评理)"
    r"|(?:畀|俾)(?:大家|街坊)(?:都)?(?:知|评理)(?!.{0,12}" + _PRAISE + ")",
    r"(?:bad|negative|terrible|awful|scathing|honest|1[- ]star|one[- ]star|0[- ]star|zero[- ]star) review",
    # a review told without "bad": one that won't be kind, on every site, that reflects this
    r"review.{0,60}\b(?:won'?t be|will not be|isn'?t going to be|not going to be|wont be) (?:kind|pretty"
    r"|flattering|positive|favou?rable|pleasant|glowing|friendly|complimentary)",
    r"(?:leave|leaving|left|write|writing|post|posting|put|putting)\b.{0,20}reviews? (?:on|across) (?:every"
    r"|all|each) "
    r"(?:site|platform|website|review site)|(?:on|across) every (?:site|platform|website|review site) (?:i"
    r"|we) can|my (?:review|rating)s?.{0,30}\breflects? (?:this|that|my|how|the way)",
    r"review.{0,20}(?:1|one|zero|0) stars?|(?:1|one)[- ]star(?:s|red)?\b",
    r"(?:post|posting|share|sharing|put|putting|tell|warn)\b.{0,30}"
    r"(?:twitter|reddit|facebook|tiktok|instagram|trustpilot|yelp|social media|everyone|everybody|online)"
    r"(?!.{0,60}(?:" + _PRAISE_SHARED + "|" + _LOOKING_FORWARD + "))",
    # a chat log or screenshots put up in a group, the verb some words away ("putting the whole chat log up in
    # our town's Facebook group"), or everyone in a group hearing of it
    r"(?:post|posting|put|putting|share|sharing|upload|uploading|screenshot|screenshotting|publish"
    r"|publishing)\b.{0,25}"
    r"\b(?:chat|conversation|screenshot|screen shot|messages|emails|correspondence|transcript|log|receipts"
    r"|photos"
    r"|pictures|video|footage|story|whole thing)\w*\b.{0,50}\b(?:group|facebook|fb|whatsapp|wechat|instagram"
    r"|twitter|reddit|tiktok|social media|nextdoor|mumsnet|forum|public)"
    r"(?!.{0,50}(?:" + _PRAISE_SHARED + "|wants? one|asking where))",
    r"(?:post|posting|put|putting|share|sharing|tell|telling|warn|warning|show|showing|upload"
    r"|uploading)\b.{0,80}"
    r"\b(?:town|village|neighbou?rhood|local|community|street|estate|school|parents'?|mums'?|moms'?|mummy"
    r"|mommy"
    r"|residents'?|church|buy and sell)(?:'s)? (?:facebook |fb |whatsapp |wechat |community )?(?:group|chat"
    r"|page|forum)(?!.{0,30}" + _PRAISE_SHARED + ")",
    r"(?:every one of|all|each of) (?:the |my |our )?[0-9][0-9,.k]* (?:\w+ ){0,2}(?:in|on|at|from|of) "
    r"(?:my|our|the) (?:[\w'-]+ ){1,6}(?:will|is going to|are going to|gonna|shall|'ll) ?(?:hear|know|see"
    r"|find out|read|learn)",
    r"(?:everyone|everybody|people|every (?:mum|parent|one)) (?:in|on|at|from) (?:my|our|the) (?:\w+ ){1,3}"
    r"(?:will|is going to|are going to|gonna|shall|'ll|is about to|are about to) ?(?:hear|know|see|find out"
    r"|read|learn)",
    r"trustpilot|leave a review (?:about|warning)",
    # going public on a platform, whichever: what the customer says they will do there
    r"(?:post|posting|share|sharing|put|putting|tell|warn|make|making|film|filming|upload|uploading|record"
    r"|recording)\b"
    r".{0,40}(?:youtube|snapchat|threads|linkedin|whatsapp|google reviews?|tripadvisor|mumsnet|weibo|douyin|"
    r"xiaohongshu|rednote|(?<![0-9] )\bx\b(?! ?[0-9])|a (?:video|post|thread|tiktok|reel|story) about)",
    r"(?:tweet|tweeting|blog|blogging|vlog|vlogging) about|go(?:ing)? viral|name and shame",
    r"expose (?:you|your|this)",
    # a video or post that goes up with the shop tagged ("or the video goes up tonight")
    r"(?:video|post|footage|clip|review)s? (?:goes|go|is going|are going|will go|'s going|gets|get) "
    r"(?:up|live|online|out)\b(?!.{0,40}" + _PRAISE_SHARED + ")",
    r"(?:with|and) (?:your|the) (?:shop|store|company|brand) tagged(?!.{0,40}" + _PRAISE_SHARED + ")",
    r"every (?:last |single )?one of (?:'em|them|those|my|our|the)\b.{0,30}\b(?:gets?|hears?|will hear"
    r"|'ll hear"
    r"|is going to hear|finds? out|will know|sees?|reads?)\b",
    r"(?:writ\w* (?:it |this |them |the whole thing )?up|post\w*|shar\w*|put\w*)\b.{0,30}"
    r"(?<![a-z0-9])(?:r/[a-z0-9_]+|subreddit|the forums?|forum)\b(?!.{0,40}" + _PRAISE_SHARED + ")",
    r"(?:let|make sure|make) (?:everyone|everybody|the world|the whole world|people|all my followers) "
    r"(?:knows?|hears?|sees?)",
    # what the customer will drop or post on a platform by its short name ("I go drop am for Twitter",
    # "posting it on my IG stories tonight with the receipts"); not praise or a haul shared there
    r"(?:drop|dropping|post|posting|put|putting|blast|blasting|share|sharing|plaster|plastering)\b"
    r"(?!.{0,15}\b(?:unboxing|haul|outfit|review of my new)).{0,25}"
    r"\b(?:for|on|onto|across|all over) (?:my |the |our )?(?:ig|insta|instagram|twitter|tiktok|fb|facebook"
    r"|snap|snapchat|socials|whatsapp status)\b"
    r"(?!.{0,50}(?:" + _PRAISE_SHARED + "|" + _LOOKING_FORWARD + "|haul|unboxing|outfit))",
    # going live with it, or to the customer's viewers, as what happens if not ("if not im literally
    # gonna unbox your mistake live on stream")
    r"(?:if not|if you don'?t|if it'?s not|unless|or else|otherwise|or)\b.{0,50}\b(?:live on (?:stream"
    r"|air|twitch|youtube|tiktok|insta\w*|facebook)|on (?:my )?(?:stream|channel|podcast)\b|(?:out )?to "
    r"(?:all )?(?:my )?(?:[0-9][0-9,.k]* )?(?:chat|viewers|followers|subscribers|subs)\b)",
    # the street or the neighbours seeing the clip ("the rest of the street on the neighbourhood app
    # would love to see the clip")
    r"\b(?:the (?:rest of the |whole )?(?:street|road|block|estate|village|neighbou?rhood|building|close)"
    r"|my neighbou?rs|the neighbou?rs)\b.{0,50}\b(?:would love to|would like to|might like to|will|'ll|gonna"
    r"|are going to|want to|deserve to)\b.{0,10}\b(?:see|hear about|watch|read)\b (?:the|this|that|my|your)"
    r" (?:clip|video|footage|doorbell|recording|cctv|chat|emails)\b(?! of (?:my|our|me|us)\b)"
    r"(?!.{0,40}" + _PRAISE_SHARED + ")",
    # the story going on a platform ("the whole saga goes on TikTok")
    r"\b(?:goes|go|going|gone|will go|'ll go) (?:up )?(?:on|onto|up on|out on|all over) (?:my |the |our )?"
    r"(?:tiktok|youtube|facebook|fb|instagram|insta|twitter|reddit|trustpilot|social media|socials"
    r"|the internet|the community page|the local page|nextdoor|mumsnet)\b(?!.{0,40}" + _PRAISE_SHARED + ")",
    # telling a group or everyone to keep away ("telling everyone in my quilting group not to touch
    # your shop")
    r"(?:tell|telling|warn|warning|tellin)\b.{0,80}\b(?:not to|never to|to avoid|to stay away|to steer clear"
    r"|to keep away|to boycott)\b",
    r"(?:telling|warning)\b.{0,30}\b(?:everyone|everybody|the whole|all my|my followers|facebook|fb|group"
    r"|reddit|twitter|tiktok|instagram|online)\b(?!.{0,60}" + _PRAISE_SHARED + ")",
    # a video about the shop's after-sales (我是博主…发视频好好讲讲你们家的售后)
    r"(?:发|拍|出|做|录)(?:个|条|一条|一个|一期|期)?(?:视频|vlog|测评).{0,12}"
    r"(?:说说|说一说|讲讲|讲一讲|聊聊|聊一聊|好好说|好好讲|曝光|吐槽|揭露|避雷|扒一扒|扒扒)"
    r"(?!.{0,20}" + _PRAISE_SHARED + ")",
)

_TIMES = (
    r"(?:twice|two times|three times|four times|2 times|3 times|4 times|2x|3x|4x|x2|x3|x4|multiple times"
    r"|several times|more than once)\b"
)
# a plan billed twice a year, not a double charge
_PLAN_PERIOD = r" (?:a|per|each|every) (?:year|month|week|quarter|day)| (?:yearly|annually|monthly|weekly)"
_NOT_A_PLAN = "(?!" + _PLAN_PERIOD + ")"
# nor a plan's charges told apart, in Chinese (半年付…扣了两次，一月一次、七月一次)
_NOT_A_PLAN_ZH = r"(?![,，、 ]{0,2}(?:[一二三四五六七八九十0-9]{1,2}月|每|分别|各|半年|一年))"
# two payments for two orders, not a double charge
_NOT_EACH = (
    r"(?! (?:for|on|across|from) (?:two|2|three|3|both|each|separate|different|my (?:two|2|three|3)"
    r"|the (?:two|2|three|3)))"
)
# nor the charges of orders the customer says were two ("I placed two separate orders"), told
# in the message after a subject that names the charges ("two charges"), across the line break
_NOT_TWO_ORDERS = (
    r"(?![\s\S]{0,240}\b(?:(?:two|2|both|separate|different) (?:separate |different )?orders"
    r"|ordered (?:them |those |it |each )?separate(?:ly)?\b"
    r"|(?:two|2) (?:separate|different) (?:purchases|checkouts)))"
)
# nor two charges the customer says are two orders, in Chinese (扣了两笔钱，一笔89一笔126，我应该是下了两个单)
_NOT_TWO_ORDERS_ZH = (
    r"(?![\s\S]{0,60}(?:一笔[0-9]+(?:块|元)?[,，、 ]?一笔[0-9]|两个单|两个订单|两张订单|分开下|分别下|下了两"
    r"|各一笔|分别对应))"
)
MONEY = _any(
    r"扣款两次|两次扣款|重复扣款|重复扣费|重复支付|扣了两笔" + _NOT_TWO_ORDERS_ZH + "|扣了双份|支付了两次",
    # two charges counted in Cantonese or code-switched (有两单 charge，一模一样嘅金额)
    r"(?:两|2|三|3)(?:单|笔) ?(?:charge|payment|transaction|debit)s?\b"
    + _NOT_TWO_ORDERS_ZH
    + r"(?![\s\S]{0,60}(?:pre-?auth|预授权|预扣|release|释放|已经退回|hold))",
    r"一模一样(?:嘅|的)(?:金额|银码|数目|钱)(?![\s\S]{0,40}(?:两个单|两个订单|分开下|分别下|下了两))",
    # (not an overcharge denied or asked about: 就是想确认一下没多扣)
    r"(?<!没)(?<!没有)(?<!不会)(?<!有没有)多扣",
    r"(?:两|2|三|3)笔(?:一模一样|一样|相同|同样|同额)(?:的)?",
    # two bank messages for the same payment (收到银行两条短信：消费299.00元；消费299.00元)
    r"(?:两|2|三|3)条(?:银行|扣款|消费|支付|交易)?(?:短信|通知|提醒|信息|简讯).{0,30}(?:消费|扣款|扣费|支付|交易)",
    # a charge on the statement the customer cannot remember, code-switched too (账户里也没这个 order)
    r"(?:statement|账单|流水|信用卡|银行卡|扣款记录).{0,60}(?:不记得(?:买过|下过单|有买)|没买过|没有买过"
    r"|没(?:有)?(?:这个|这笔|这张) ?(?:order|订单))",
    # (not a buckle fastened at the second go, nor a payment tried twice that failed)
    r"(?<!卡扣)(?<!纽扣)(?<!扣子)扣(?:了)?(?:两|2)次(?!.{0,4}(?:才|都没|没|不|扣上|扣好|扣紧))"
    + _NOT_A_PLAN_ZH,
    r"(?<!要)付(?:了)?两次(?!.{0,4}(?:都|也|还)?(?:失败|没成功|不成功|付不了|没付上|没付成|不行))",
    r"(?:钱|款).{0,6}扣了.{0,12}(?:没|无|未|不见)|扣(?:了)?(?:钱|款).{0,12}(?:订单|没有|没到|不见|失败)",
    r"付了(?:钱|款).{0,12}(?:没有订单|订单没|未付款|待付款|不见|没生成)",
    r"(?:付了钱|付了款|扣了钱|扣了款|钱扣了|钱被扣).{0,30}(?:没有订单|订单也没有|订单没有|没生成|支付失败)",
    r"钱不见了|钱没了|钱去哪|余额.{0,4}(?:少了|不见)|拒付|盗刷",
    # someone else used the card (有人拿我的卡去刷了, 啥人拿伊张卡去用了)
    r"(?:有人|别人|啥人|什么人|谁|陌生人)(?:拿|盗用|偷用|冒用|偷偷用|用)(?:了)?(?:我|伊|他|她|我们|阿拉)?(?:的|张|那张|这张)?"
    r"(?:银行|信用)?卡(?:去|来)?(?:刷|用|买|付)",
    r"有人(?:偷用|盗用|冒用|偷偷用|盗刷)(?:了|咗)?(?:我|伊|他|她)?(?:的|张|嗰张|那张|这张)?(?:银行|信用)?卡",
    # a membership or an auto-renewal never opened, and charged for (从来没开过会员自动续费，扣了29.9)
    r"(?:没|从没|从来没|从未|没有|不曾)(?:有)?(?:开|开通|订|订阅|办|办理|买|申请|同意|勾选)(?:过)?.{0,12}"
    r"(?:会员|自动续费|续费|订阅|包月|连续包|vip).{0,40}(?:扣|收了|收费|划走|付了|续费了)",
    r"(?:扣|收了|划走|续费了).{0,40}(?:没|从没|从来没|从未|没有|不曾)(?:有)?(?:开|开通|订|订阅|办|办理|申请|同意|勾选)"
    r"(?:过)?.{0,12}(?:会员|自动续费|订阅|包月|连续包|vip)",
    r"(?:谁|哪个|什么人|啥人)(?:给|帮|替)我(?:开|开通|订|订阅|办|续)(?:了|的)?.{0,6}(?:会员|自动续费|续费|订阅|包月"
    r"|vip|连续包)",
    r"(?:扣|收了|划走|账单).{0,30}(?:没|从没|从来没|压根没|根本没|都没)(?:有)?(?:点|按|勾|选)(?:过)?(?:开通|订阅|续费|同意"
    r"|自动续费)|(?:没|从没|从来没|压根没|根本没|都没)(?:有)?(?:点|按|勾|选)(?:过)?(?:开通|订阅|续费|同意|自动续费)"
    r".{0,40}(?:扣|收了|划走|账单)",
    # money gone out with no order to show for it, in either order of telling
    # (Shanghainese 扣脱 and 呒没, Cantonese 冇: the same told in dialect)
    r"(?:扣了|扣款|扣费|被扣|划走|划扣|扣走|扣脱|扣掉|(?:钱|款).{0,8}(?:走了|出去了|没了|少了|扣)|已付款|已支付|付款成功"
    r"|支付成功|付了)"
    r".{0,30}(?:没有订单|没订单|无订单|找不到订单|查不到(?:任何|这笔|那笔|这个|相关)?订单|(?:订单|单子).{0,4}(?:没有|不见|找不到|查不到|没生成|没显示)"
    r"|(?:没|呒没|冇|无)(?:有)?(?:下|落)(?:过)?单|什么都没买|没买东西|没有买|不记得(?:买过|下过单|有买|在你们))",
    # money gone from a wallet or card, then no order to show for it (支付宝少了三百块，订单里什么都没有)
    r"(?:支付宝|微信|零钱|余额|银行卡|信用卡|卡里|账户|花呗).{0,8}(?:少了|被扣|扣了|划走|不见了)"
    r".{0,30}(?:订单.{0,6}(?:什么都没有|没有|不见|找不到|查不到)|没(?:有)?下(?:过)?单|什么都没买|没买东西)",
    r"(?:什么都没买|没买东西|没有买东西|没(?:有)?下(?:过)?单|没有订单|找不到订单|查不到订单).{0,30}"
    r"(?:扣了|扣款|扣费|被扣|扣走|划走|(?:卡|账户|余额|支付宝|微信).{0,8}(?:扣|少了|划走|走了))",
    # (not a plan billed twice a year, nor two payments for two orders)
    r"charged (?:me )?twice"
    + _NOT_A_PLAN
    + r"|double[- ]?charg|charged? (?:me |us )?(?:two|2|three|3) times?\b"
    + _NOT_A_PLAN
    + r"|billed twice"
    + _NOT_A_PLAN,
    r"(?<!in )(?<!into )two (?:charges|payments)\b" + _NOT_EACH + _NOT_TWO_ORDERS,
    # a double charge told as a count: 扣了两回, 划了两回, 刷了三笔, 扣咗两次, 多了一笔 on a card or 花呗
    r"(?:划走|划扣|扣走|扣款|扣费|刷走|代扣)(?:了|咗|过)?(?:我|我们|我司|我的)?(?:的)?(?:钱|款)?\s?"
    r"(?:两|2|二|三|3|四|4|五|5|好几)\s?(?:次|回|遍|笔)",
    # (划 is a swipe too: 划了两次屏幕)
    r"划(?:了|咗|过)?(?:我|我们|我司|我的)?(?:的)?(?:钱|款)?\s?(?:两|2|二|三|3|四|4|五|5|好几)\s?(?:回|笔)",
    # (not a double charge feared: 就怕被扣两回)
    r"(?<!卡扣)(?<!纽扣)(?<!扣子)(?<!怕被)(?<!怕)(?<!担心被)(?<!担心)扣(?:了|咗|过)?(?:我|我们|我司|我的)?(?:的)?(?:钱|款)?\s?(?:两|2|二|三|3|四|4|五|5|好几)\s?"
    r"(?:次|回|遍|笔)(?!.{0,4}(?:才|都没|没|不|扣上|扣好|扣紧))" + _NOT_A_PLAN_ZH + _NOT_TWO_ORDERS_ZH,
    r"刷(?:了|咗)?(?:我)?\s?(?:两|2|三|3|四|4|五|5|好几|几)\s?笔" + _NOT_TWO_ORDERS_ZH,
    r"(?:花呗|借呗|白条|信用卡|银行|银行卡|账单|扣款|支付宝|微信|流水|明细|账户|卡里|余额)"
    r".{0,12}多(?:了|出|出了|出来|扣了)?(?:一|1|两|2|几)笔",
    r"多(?:了|出了|出来)(?:一|1|两|2)笔.{0,12}(?:扣款|扣费|消费|支出)",
    # charged for something the customer did not buy (有人用了我的卡, 没在你们这买东西却扣了钱)
    r"有人(?:盗)?用(?:了)?我的(?:卡|银行卡|信用卡|账户|账号|支付宝|微信)"
    r"|(?:卡|银行卡|信用卡|支付宝|微信)(?:被人|被)(?:盗用|冒用)",
    r"(?:不是我(?:本人)?(?:买|下单|下|付|消费|操作)的|没(?:有)?(?:在|从|跟)(?:你们|你家|贵店|贵司|这家)"
    r"(?:家|店|平台)?(?:这|这里|那里|这儿)?(?:买|下单|下过单|购买|消费))"
    r".{0,30}(?:扣|划|刷|账单|银行|信用卡|花呗|短信|扣款|扣费)",
    r"(?:扣了|扣款|扣费|划走|刷了|账单|银行|信用卡|花呗).{0,30}"
    r"(?:不是我(?:本人)?(?:买|下单|下|付|消费|操作)的|没(?:有)?(?:在|从|跟)(?:你们|你家|贵店|贵司|这家)"
    r"(?:家|店|平台)?(?:这|这里|那里|这儿)?(?:买|下单|下过单|购买|消费))",
    r"(?:charged|billed|debited|deducted|charging|billing|took payment|taken payment|took (?:the "
    r"|my )?money)\b(?: (?:me|us|my card|my account|our account|our card|the (?:payment|money|amount)))?"
    r"(?: for (?:it|this|that|one|the same \w+|the one \w+|a single \w+))? " + _TIMES + _NOT_A_PLAN,
    r"(?:charge|payment|transaction|debit|money|amount)s? (?:has |have |had |was |were |got |has been )?"
    r"(?:went through|gone through|go through|goes through|come through|came through|processed|been taken"
    r"|debited"
    r"|deducted|charged|posted|listed)\b.{0,12}\b" + _TIMES + _NOT_A_PLAN,
    r"(?<!made )(?<!make )(?<!making )(?<!in )(?<!into )(?<!split )(?:two|2|three|3|four|4|five|5|multiple"
    r"|several) "
    r"(?:identical |separate |duplicate |pending |different |same )?(?:charges|payments?|transactions|debits"
    r"|holds"
    r"|authori[sz]ations|deductions)\b(?! of\b)"
    + _NOT_EACH
    + _NOT_TWO_ORDERS
    + r"(?=.{0,60}(?:\b(?:to|from|by) (?:you|your)\b"
    r"|on (?:my|our|the) (?:card|statement|account|bank|credit card)|\bpending\b|\bonly\b"
    r"|\bjust\b.{0,10}\bon(?:e|ce)\b"
    r"|\bonce\b|one (?:order|purchase|checkout|item|transaction)|single (?:order|purchase)|same (?:order"
    r"|amount|item|day|minute|time|second)))",
    r"(?:shows?|showing|lists?|listed|appears?|appearing) (?:your company|you|your (?:shop|store|name)"
    r"|the (?:charge"
    r"|payment)) (?:twice|two times|three times)|twice (?:for|with) the same (?:amount|order|item|price"
    r"|total)|same amount twice|(?:twice|two times|three times) (?:on|in) (?:the|my|our) (?:statement|card"
    r"|bank statement)",
    r"(?:someone|somebody|a stranger|someone else|somebody else|hackers?) (?:has |have |had )?(?:used"
    r"|is using"
    r"|been using|took|stole|hacked|got into|accessed) (?:my|our) (?:card|credit card|debit card|bank card"
    r"|account|paypal|bank|details|card details)",
    r"(?:card|account|paypal|card details) (?:was|were|has been|have been|got|had been) (?:used by someone"
    r"|stolen|cloned|compromised|hacked|skimmed)",
    r"(?:didn'?t|did not|never) (?:buy|bought|purchase|purchased|authori[sz]e) (?:these|this|that|those|them"
    r"|it|anything)\b.{0,60}\b(?:charge|charged|charges|statement|debited|billed)",
    r"(?:charged|charges|statement|debited|billed)\b.{0,60}\b(?:didn'?t|did not|never) (?:buy|bought"
    r"|purchase|purchased|authori[sz]e) (?:these|this|that|those|them|it|anything)\b",
    # a double charge told as two identical ones
    # told code-switched too (被charge了两次, bill了我2次)
    r"(?:charge|charged|bill|billed|debit|扣款|刷卡)(?:了|过)(?:我)?\s?(?:两|2|三|3|四|4|好几)\s?(?:次|遍|回)",
    r"两笔(?:一样|相同|同样|重复|一模一样)的?(?:扣款|扣费|付款|支付|交易|费用|钱)|(?:扣|收|刷)了(?:我)?两笔"
    + _NOT_TWO_ORDERS_ZH,
    r"(?:two|2) (?:identical|same|matching|duplicate) (?:charges|payments|transactions|debits|amounts)"
    r"|same (?:charge|amount|payment|transaction) (?:twice|two times)"
    r"|(?:charge|payment|transaction|debit)s? "
    r"(?:appears?|appeared|shows?|showed|showing|came out|went out|taken) twice",
    r"duplicate (?:charge|payment|transaction)|charged (?:me )?(?:again|two(?! times?(?:"
    + _PLAN_PERIOD
    + r")))|paid twice"
    + _NOT_A_PLAN,
    r"money (?:is |was |has )?(?:gone|missing|disappeared|vanished|taken)",
    r"(?:debited|deducted|charged|taken|paid)\b.{0,100}\b(?:order|payment)s? (?:is |was |has been )?"
    r"(?:showing|shows|showed|says|marked|displayed|displaying) (?:as )?(?:failed|unsuccessful|cancelled"
    r"|unpaid|declined)",
    r"no order (?:id|number|no\.?) (?:is |was |has been |got )?(?:generated|created|issued)"
    r"|order (?:id|number) (?:is |was )?not (?:generated|created)",
    r"(?:charged|paid|debited|deducted|taken)\b.{0,40}(?:no order|not (?:placed|confirmed|showing)|"
    r"says unpaid|shows unpaid|still unpaid|never (?:went through|arrived))",
    r"chargeback|charge ?back|dispute (?:the|this) (?:charge|payment)|unauthori[sz]ed (?:charge|payment)",
    # the same amount told twice ("£84.99 gone out at 14:31 and another £84.99 at 14:31, both to you")
    r"\banother (?:[£$€¥]|rs\.? ?|rm ?|usd ?|hk\$ ?)\s?[0-9][0-9,.]*\b.{0,40}\b(?:both|same (?:time|minute"
    r"|second"
    r"|amount|merchant)|at the same|twice|again)",
    # money gone out with no order to show for it, in either order of telling
    r"(?:froze|frozen|freezing|blocked|cancelled|canceled|stopped) (?:my|the|our) (?:card|bank card"
    r"|credit card|debit card)|orders? (?:i|we) (?:never|didn'?t|did not) (?:place|placed|make|made)",
    r"(?:on|from) (?:my|our) (?:card|account|statement|bank)\b.{0,60}\b(?:didn'?t|did not|never|haven'?t) "
    r"(?:order|buy|purchase)(?:ed)? (?:anything|a thing)",
    r"(?:my|our) (?:bank|card|credit card|statement|bank paper|bank letter)\b.{0,80}\b(?:have not|has not"
    r"|haven'?t|hasn'?t|never|didn'?t|did not) (?:bought|ordered|purchased|buy|order) (?:anything|a thing)",
    r"(?:bank|statement|card)\b.{0,120}\b(?:(?:a|be|is it|it'?s|this is) (?:a )?fraud|a scam|scammed)\b",
    r"(?:charged|debited|deducted|taken|billed|paid|withdrawn|came out of|left my|gone from|went out of"
    r"|out of my)\b.{0,60}(?:no order|not an order|no record of (?:the|my|an|any) order"
    r"|(?:can'?t|cannot|couldn'?t) find (?:the|my|an|any) order|"
    r"order (?:isn'?t|is not|wasn'?t|doesn'?t|does not|never) (?:there|show|showing|appear|placed|created)|"
    r"(?:didn'?t|did not|never|haven'?t|have not) (?:buy|order|place|make|purchase)"
    r"|nothing (?:in my|ordered|placed|bought)|nothing (?:under|on|in) (?:my|the) (?:orders?|account"
    r"|order history))",
    r"(?:two|2|three|3) lots of (?:(?:[£$€¥]|rs\.? ?|rm ?|hk\$ ?)\s?[0-9]|[0-9]+\.[0-9]{2}\b)",
    r"(?:payment|charge|transaction|debit)s?\b.{0,60}\b(?:we|i) (?:never|didn'?t|did not) (?:made|make"
    r"|authori[sz]ed?)\b",
    r"(?:no order|(?:didn'?t|did not|never|haven'?t|have not) "
    r"(?:buy|bought|order|ordered|place|placed|purchase) (?:anything|a thing|an order))"
    r".{0,60}(?:charged|debited|deducted|taken|billed|came out|left my|gone from|withdrawn)",
    r"(?:payment|charge|transaction|debit)s? (?:to|from|by) (?:you|your)\b.{0,60}\b(?:never|didn'?t|did not"
    r"|haven'?t|have not) (?:ordered|order|bought|buy|purchased|purchase) (?:anything|a thing|from)",
    r"(?:charge|payment|transaction|debit)s? (?:i|we) (?:don'?t|do not|didn'?t|did not) "
    r"(?:recogni[sz]e|make|authori[sz]e)",
    # told in both languages: charged, and not one order to show for it (charge了$89 可是一个order都没有)
    r"(?:charge|扣)了.{0,40}(?:一个order都没有|没有(?:任何)?order|order.{0,4}(?:都没有|没有|找不到|查不到))",
    # a charge for something never signed up for (a membership, a subscription)
    r"(?:never|didn'?t|did not|haven'?t|have not) (?:signed up|sign up|subscribed|subscribe|joined|join"
    r"|agreed to|agree to|authori[sz]ed)\b.{0,40}\b(?:membership|subscription|premium|trial|plus|prime|club"
    r"|box|plan)\b",
    r"(?:charged|charge|billed|debited|statement|shows|taken)\b.{0,80}\b(?:never|didn'?t|did not) "
    r"(?:sign(?:ed)? up|subscribed?\b|join(?:ed)?\b|agreed? to|authori[sz]ed?\b)",
    r"(?:charge|charged|payment|transaction)\b.{0,60}\bfraud|fraudulent (?:charge|payment|transaction)",
    # signed up by someone else and charged ("who signed me up to a monthly box?? … had 19.99 off me
    # twice"), or money had off the customer more than once
    r"who (?:signed|subscribed|enrolled|put) (?:me|us) (?:up|on)\b.{0,100}(?:charg|bill|debit|off me|off my"
    r"|taken|took|paid|money|[£$€¥][0-9]|[0-9]+\.[0-9]{2})",
    r"(?:had|taken|took|take|taking|nicked|pinched|had out)\b.{0,20}\boff (?:me|us|my card|my account)\b"
    r".{0,6}" + _TIMES + _NOT_A_PLAN,
)

ANGER = _any(
    r"气死|太过分|过分了|什么破|骗子|坑人|坑爹|恶心|忍无可忍|受够了|搞什么|欺负人|离谱|你们怎么回事|滚",
    r"什么垃圾|垃圾(?:服务|东西|质量|产品|客服|平台|商家|店)|真垃圾|太垃圾|无语了|火大|愤怒|生气|崩溃",
    r"ridiculous|unacceptable|disgusting|outrageous|furious|livid|pathetic|useless|\bscam|rip[- ]?off",
    r"worst (?:service|company|experience|shop|store)|fed up|sick of|had enough|\bwtf\b|what the hell",
    r"incompetent|absolutely appalling|appalling|infuriat|angry|so annoyed|beyond frustrated|joke of a",
    r"!!!|！！！",
)

REPEAT = _any(
    r"第二次(?:联系|问|找|来|反映|投诉|咨询)|第三次|第[0-9三四五]次(?:联系|问|找)|又一次|再次联系|又来问|已经问过|问了好几次",
    r"问过了|联系了(?:好)?几次|说了多少遍|说了好几遍|上次(?:说|客服|你们)|还是没(?:解决|处理|回复|人管|退)",
    r"一直没(?:解决|人回|回复|处理)|催了|多次(?:联系|反映|催|找)|没人(?:理|回|管)",
    r"(?:second|third|fourth|2nd|3rd|4th) time (?:i'?m|i am|i have|i've|writing|contacting|asking|messaging"
    r"|emailing|chasing|calling|ringing)",
    r"(?:打|催|问|找)了(?:两|三|四|几|好几)(?:回|次|遍)|chasing (?:this|it|you|again|up)",
    r"(?:contacted|emailed|called|messaged|asked|written|wrote|chatted|reached out)\b.{0,25}"
    r"(?:already|before|again|last week|yesterday|twice|three times|several times|multiple times)",
    r"still (?:not|no|hasn't|haven't)(?: been)? (?:resolved|fixed|sorted|answered|refunded|heard|replied)",
    r"still waiting (?:for|on) (?:a |your )?(?:reply|response|answer|callback|call back)",
    r"no one (?:has )?(?:replied|answered|got back|responded)|nobody (?:has )?(?:replied|got back|answered)",
    r"follow(?:ing)?[- ]up (?:on|again)|as i (?:said|told you|mentioned) (?:before|earlier|last)",
    r"you (?:promised|said you would)|last time i (?:contacted|asked|wrote|called)",
)

HIGH_VALUE = 100_000  # minor units: 1,000.00 in the order's currency
REPEAT_ANY = 3  # other tickets in 7 days that make any ticket HIGH
TOP_TIERS = frozenset({"PLATINUM"})


class Signals(NamedTuple):
    """What the rules found in the text: each a matched snippet, or None."""

    safety: str | None = None
    legal: str | None = None
    review: str | None = None
    money: str | None = None
    anger: str | None = None
    repeat: str | None = None
    identity: str | None = None  # a threat only from an unhappy customer (with_identity)

    @property
    def urgent(self) -> bool:
        return any((self.safety, self.legal, self.review, self.money))


def _hit(matcher: Matcher, text: str) -> str | None:
    return matcher.search(text)


GROUPS = {
    "safety": SAFETY,
    "legal": LEGAL_MEDIA_REGULATOR,
    "review": BAD_REVIEW,
    "money": MONEY,
    "anger": ANGER,
    "repeat": REPEAT,
    "identity": IDENTITY,
}


def signals(text: str, known: Signals | None = None) -> Signals:
    """`text` is normalised (text.normalize). With `known` (what an earlier part of the
    same message showed), only the groups not found there are looked for."""
    found = {
        name: (getattr(known, name) if known else None) or _hit(matcher, text)
        for name, matcher in GROUPS.items()
    }
    return Signals(**found)


def with_identity(found: Signals, unhappy: bool) -> Signals:
    """A lawyer or a journalist named, the customer or a relative, is a legal or media threat
    when the customer is unhappy (the model reads them so, or the rules find anger or a second
    contact); in a thank-you, a question before buying or an account request it is who they are."""
    if found.identity and not found.legal and (unhappy or found.anger or found.repeat):
        return found._replace(legal=found.identity)
    return found


class Context(NamedTuple):
    order_value: int | None = None  # minor units of the linked order
    recent_contacts: int = 0  # the customer's other tickets in the last 7 days
    same_problem_open: int = 0  # of those, still open and in the ticket's category
    follow_up: bool = False  # the ticket follows up a closed one
    tier: str | None = None  # membership tier


def apply(priority: Priority, found: Signals, context: Context) -> tuple[Priority, list[str]]:
    """The model's priority raised by the rules (never lowered), with the reasons."""
    reasons: list[str] = []
    for name, snippet in (
        ("safety incident", found.safety),
        ("legal, media or regulator threat", found.legal),
        ("bad-review threat", found.review),
        ("double charge or missing money", found.money),
    ):
        if snippet:
            reasons.append(f"urgent: {name} ({snippet.strip()})")
    if reasons:
        return Priority.URGENT, reasons
    raised = priority
    if found.anger:
        raised = at_least(raised, Priority.HIGH)
        reasons.append(f"high: anger ({found.anger.strip()})")
    if found.repeat or context.follow_up or context.same_problem_open:
        raised = at_least(raised, Priority.HIGH)
        why = found.repeat or ("follows up a closed ticket" if context.follow_up else "same problem open")
        reasons.append(f"high: second contact ({why.strip()})")
    elif context.recent_contacts >= REPEAT_ANY:
        raised = at_least(raised, Priority.HIGH)
        reasons.append(f"high: {context.recent_contacts} other tickets in 7 days")
    if raised is Priority.NORMAL and context.order_value is not None and context.order_value >= HIGH_VALUE:
        raised = Priority.HIGH
        reasons.append("high: order worth 1,000.00 or more")
    if raised is Priority.NORMAL and context.tier in TOP_TIERS:
        raised = Priority.HIGH
        reasons.append(f"high: {context.tier} member")
    return raised, reasons
