"""What must never be missed, whatever the model says (PRODUCT.md §6): pure rules over the
normalised text (simplified Chinese, lower case) and the ticket's context.

URGENT, in the service team's words:
- a safety incident: fire, smoke or sparks, a burning smell or a scorch mark, an overheating
  or swelling battery, a burn, an electric shock, an injury, food poisoning, an allergic
  reaction (a rash, welts, swelling or blisters after using it), being ill after eating or
  drinking it, a child at risk (a small part, magnet or button battery in a child's mouth,
  choking, swallowing, a fall; a car seat, high chair or cot that gives way, or someone who
  nearly slid or fell out, however far the telling is from the word for the child);
- a legal, media or regulator threat: a lawyer or court, 12315, the consumer association
  or market regulator (Taiwan's 消基會 and 消保官, Hong Kong's 消委會), the FTC, BBB or trading
  standards, a journalist or the press, someone who writes for or works at a paper; not a
  lawyer in the family named in a thank-you;
- a threat of a bad review or of going public: telling everyone, posting or filming about it
  on any platform (抖音, 小红书, 微博, 朋友圈, TikTok, X / Twitter, YouTube, Facebook ...);
- a double charge (told as two identical charges too), or money taken that shows up
  nowhere: paid or charged but no order, money gone from a wallet or card (支付宝少了三百块)
  with no order, charged without buying anything, a charge the customer does not recognise,
  a chargeback.

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

_META = re.compile(r"[\\.^$*+?{}\[\]()|]")


def _alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a pattern (`a|b(c|d)|e` -> a, b(c|d), e)."""
    found, depth, start = [], 0, 0
    for index, char in enumerate(pattern):
        if char == "\\":
            continue
        if index and pattern[index - 1] == "\\":
            continue
        if char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif char == "|" and depth == 0:
            found.append(pattern[start:index])
            start = index + 1
    found.append(pattern[start:])
    return found


_STOPS = "?*{"  # a character these follow may be absent from a match


def _closing(pattern: str, start: int) -> int:
    """The index of the parenthesis that closes the one at `start`."""
    depth, index = 0, start
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            index += 2
            continue
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return index
        index += 1
    raise ValueError(f"unbalanced pattern: {pattern}")


def _prefix(pattern: str) -> str:
    """The plain characters every match of `pattern` begins with."""
    found, index = [], 0
    while index < len(pattern):
        char, step = pattern[index], 1
        if char == "\\":
            escaped = pattern[index + 1 : index + 2]
            if escaped.isalnum() or not escaped:  # \b, \w, \s ...: not a plain character
                break
            char, step = escaped, 2
        elif _META.search(char):
            break
        following = pattern[index + step : index + step + 1]
        if following and following in _STOPS:
            break
        found.append(char)
        index += step
        if following == "+":
            break
    return "".join(found)


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
        for source, needed in zip(self.sources, self.anchors, strict=True):
            if needed and not any(anchor in text for anchor in needed):
                continue  # it cannot match: no need to compile it
            match = self._pattern(source).search(text)
            if match:
                return match.group(0)
        return None


def _any(*patterns: str) -> Matcher:
    return Matcher(patterns)


_CHILD_ZH = "(?:孩子|宝宝|婴儿|婴幼儿|幼儿|儿童|小孩|儿子|女儿|孙子|孙女|外孙|侄子|侄女|娃)"
_CHILD_EN = (
    r"(?:baby|babies|toddler|child|children|kid|kids|son|daughter|infant|newborn|grandson|granddaughter"
    r"|grandchild|grandchildren|grandkid|grandkids|grandbaby|little one|little boy|little girl)"
)
# a message telling of something going into a mouth: with a child, a choking hazard
_MOUTH_ZH = (
    r"(?:塞|放|含|放进|塞进|吃进|咬)(?:了)?(?:到|在|进)?嘴里|往嘴里|吞(?:下|进|了|掉)|咽(?:下|了)"
    r"|卡(?:在)?(?:喉咙|嗓子)"
)
_MOUTH_EN = r"(?:in|into|inside) (?:his|her|their|my|the) mouth|mouthing|swallow|chok|gagg|inhal"

SAFETY = _any(
    # Chinese
    r"起火|着火|失火|冒烟|冒火|火花|火苗|烧焦|焦味|自燃|爆炸|炸了|爆了",
    r"鼓包|鼓起来|胀起来|膨胀|变形.{0,4}发烫",
    r"(?:电池|充电宝|充电器|充电头|充电|插头|插座|电源|适配器|电线|手机|机身).{0,8}(?:发烫|很烫|烫手|过热|特别烫|好烫|滚烫|烫得|烧)",
    r"烫伤|烧伤|灼伤|触电|漏电|电到我|电了一下|被电",
    r"受伤|划伤|割伤|割破|夹伤|砸伤|摔伤|流血|出血|骨折|缝针|送医|进了医院|去了医院|急诊|住院",
    r"磕到头|磕到了头|磕了头|撞到头|撞到了头|磕破|磕伤|撞伤|碰伤|擦伤|摔破|起了个包|肿了个包",
    r"食物中毒|吃坏|拉肚子|拉了.{0,6}肚子|上吐下泻|呕吐|吐了|过敏反应|过敏了|起疹子|中毒|有毒|甲醛超标",
    r"(?:吃|喝)(?:了|完|过).{0,10}(?:不舒服|肚子疼|肚子痛|难受|头晕|恶心|想吐|发烧)",
    # a burning smell, a scorch mark, smoke: the product overheating before it catches fire
    r"焦糊|糊味|烧糊|烤糊|烧黄|烧黑|熏黑|烤焦|烧化|烧穿|火星|电火花|打火花|冒黑烟|一股烟|有烟冒",
    r"(?<![红发])烧.{0,4}(?:味|气味|味道)|焦.{0,2}(?:味|气味|味道)|(?:塑料|胶皮|电线|橡胶).{0,3}(?:烧|熔|融|化了)",
    # an allergic reaction: the skin after using it
    r"红肿|又红又肿|肿起来|肿了|起疹|红疹|皮疹|疹子|荨麻疹|起红点|起疙瘩|起泡|水泡|脱皮.{0,4}(?:疼|痛)",
    r"(?:脸|皮肤|手|脖子|身上|嘴|眼睛|眼皮).{0,6}(?:过敏|发痒|痒得|刺痛|红了一片)",
    # a child and something in its mouth: a choking or swallowing hazard
    _CHILD_ZH + r".{0,20}(?:" + _MOUTH_ZH + ")",
    r"(?:" + _MOUTH_ZH + r").{0,20}" + _CHILD_ZH,
    r"(?:磁珠|磁力珠|小磁铁|纽扣电池|小零件|小部件).{0,12}(?:" + _MOUTH_ZH + r"|掉(?:下来|了|出来)|脱落)",
    _CHILD_ZH + r".{0,12}(?:吞|误食|卡住|卡在|窒息|噎|摔|滑|夹|受伤|划破|烫|溜|磕)",
    r"刹车.{0,4}(?:失灵|坏|不灵|没用)|误食|窒息|噎住",
    # a child's seat, cot or harness giving way, or someone nearly sliding or falling out: a
    # child at risk however far the telling is from the word for the child
    r"(?:安全座椅|儿童座椅|婴儿座椅|安全提篮|餐椅|床护栏|安全门|背带|腰凳)"
    r".{0,30}(?:松开|松脱|自己开了|弹开|脱开|断了|断开|失灵|塌了|垮了|散架)",
    r"(?:婴儿车|推车|学步车|婴儿床|秋千|护栏|围栏).{0,8}(?:塌了|垮了|散架|自己收起来|自己合上|翻了|翻倒)",
    r"(?:差点|差一点|险些|差些)(?:儿)?(?:就)?(?:滑出|滑下|滑落|摔|跌|掉下|掉出|翻出|翻下|栽)",
    # English
    r"caught fire|on fire|burst into flames|flames?\b|fire hazard|sparks?\b|sparking",
    # smoke, not the colour or the glass of that name
    r"smok(?:e|ing|ed)\b(?![ -]?(?:gr[ae]y|glass|black|blue|brown|colou?r|tint|effect))",
    r"explod(?:e|ed|ing)|explosion|melt(?:ed|ing)\b|scorch",
    r"\bburn(?:ed|t|s|ing)?\b|burn mark|blister",
    r"electric(?:al)? shock|shocked (?:me|my|him|her|us)|electrocut",
    r"swollen|swell(?:ing|ed)?\b|bulg(?:e|ing|ed)|puff(?:ed|ing|s)? up|puffy battery",
    r"(?:battery|batteries|charger|power bank|plug|adapter|adaptor)\b.{0,30}"
    r"(?:\bhot\b|expand|lifting|deform)",
    r"(?:电池|充电宝|充电器|power bank|battery).{0,12}(?:鼓|变形|膨胀|hot)",
    r"(?:battery|charger|power bank|plug|adapter|adaptor|phone|laptop|cable|socket)\b.{0,40}"
    r"(?:overheat|too hot|really hot|very hot|super hot|extremely hot|so hot|burning hot|scalding)",
    r"overheat(?:ing|ed|s)?\b",
    r"injur(?:y|ed|ies)|\bhurt (?:my|his|her|him|me|us|our|the|myself|herself|himself|themselves)\b|got hurt",
    r"\bcut (?:my|his|her|their) (?:finger|hand|foot|leg|arm|lip|mouth)|bleed(?:ing)?|\bblood\b|stitches",
    r"hospital|emergency room|\ba ?& ?e\b|\bthe er\b",
    r"food poisoning|poison(?:ed|ing|ous)?|got sick after|sick after (?:eating|drinking|using)",
    # ill after eating or drinking it, however it is told ("ate the bars and was sick all night")
    r"\b(?:ate|eaten|eating|drank|drunk|drinking|tasted)\b.{0,60}"
    r"\b(?:sick(?! of| and tired)|ill\b|unwell|poorly|nause|stomach ?(?:ache|pain|cramp|bug)|upset stomach)",
    r"made (?:me|us|him|her|them|my \w+) (?:sick|ill|vomit|throw up)|vomit|throwing up|threw up|diarrh",
    r"allergic reaction|broke out in (?:a )?rash|hives",
    r"\brash(?:es)?\b|welts|came up in|come up in|breaking out|broke out|anaphyla",
    r"swollen (?:face|lips?|eyes?|skin)",
    r"(?:had|having|got|caused|causing|gave (?:me|him|her|us|them)) "
    r"(?:an? )?(?:bad |severe |nasty )?reaction",
    # a burning smell, a scorch mark, smoke
    r"(?:smell|smells|smelled|smelt|smelling|stink|stinks|stank|reek|reeks|reeked)\b.{0,20}"
    r"(?:burn|smok|melt|scorch|singe|electrical)",
    r"charr(?:ed|ing)|\bsinge[ds]?\b|black (?:mark|marks|smudge|soot)|soot\b",
    # a child and a small part, a magnet or a button battery: a choking or swallowing hazard
    _CHILD_EN + r"\b.{0,60}(?:" + _MOUTH_EN + ")",
    r"(?:" + _MOUTH_EN + r").{0,60}\b" + _CHILD_EN + r"\b",
    r"(?:button|coin) batter(?:y|ies)",
    r"small (?:parts?|pieces?|magnets?|balls?) (?:came|come|fell|falls?|comes|broke) (?:off|out|loose)",
    r"chok(?:e|ed|ing)|swallow(?:ed|ing)?|suffocat|strangl",
    r"brakes? (?:failed|fail|didn't work|did not work|stopped working|gave out)",
    _CHILD_EN + r"\b.{0,40}(?:fell|fall|fallen|tipped|rolled|trapped|pinched|unsafe|danger)",
    r"(?:fell|tipped|rolled|collapsed)\b.{0,40}" + _CHILD_EN + r"\b",
    r"(?:car seat|booster seat|high ?chair|\bcot\b|crib|stair gate|baby gate|safety gate|bed rail|bouncer"
    r"|baby carrier|harness|pram|stroller|pushchair)\b.{0,40}"
    r"(?:came undone|come undone|came loose|came open|came unclipped|unbuckled|unclipped|popped open"
    r"|gave way|collapsed|folded up|folded in|snapped)",
    r"(?:nearly|almost|very nearly|practically)\b.{0,8}\b(?:fell|slid|slipped|tipped|tumbled|fall|slide|slip)"
    r" (?:out|off|over|down|through)",
    r"toxic|lead paint|mou?ld.{0,30}(?:ate|eaten|eating|drank)",
)

_PRAISE = (
    r"(?:好评|夸|推荐|安利|种草|五星|5星|好用|很好|不错|值得|喜欢|棒|赞"
    r"|love|loving|obsessed|amazing|awesome|recommend|thank|great|perfect|so cute|10/10)"
)
# what a thank-you says of a present for a relative who is a lawyer ("my dad is a lawyer and he
# loved it"); not "thanks", which closes threats as often as thank-yous
_PRAISE_EN = (
    r"(?:loved|loves|adored|enjoyed|likes it|over the moon|delighted|great gift|perfect gift|amazing|awesome)"
)

LEGAL_MEDIA_REGULATOR = _any(
    # a lawyer; someone who is one, unless the present for them is praised (我爸是律师，他很喜欢)
    r"(?<!是)律师|是律师(?!.{0,12}" + _PRAISE + ")",
    r"起诉|法院|打官司|告你们|法律途径|法律责任|诉讼|报警|警察",
    r"(?<![0-9])(?:12315|12345)(?![0-9])|消协|消费者协会|消保委|市场监管|市场监督|监督管理局|工商局|工商部门|监管部门|质监局",
    # Taiwan's consumer foundation and consumer protection officers, Hong Kong's consumer council
    r"消基会|消费者文教基金会|消保官|消保处|消费者保护|消委会",
    r"媒体|记者|电视台|曝光|上新闻|报社|杂志社|登报|上报纸|见报",
    r"(?:给|替|为)(?:报纸|杂志|报社|新闻)(?:写|投)|在(?:报社|报纸|杂志|电视台|新闻)(?:工作|上班|当|做)",
    # a lawyer; someone who is one, unless they loved the present (a thank-you, not a threat)
    r"(?<!is a )(?<!'s a )(?<!is an )(?<!'s an )(?:lawyer|attorney|solicitor)",
    r"(?:is|'s|was) an? (?:lawyer|attorney|solicitor)(?!.{0,40}" + _PRAISE_EN + ")",
    r"\bsue\b|suing|lawsuit|legal action|take (?:you|this) to court|small claims",
    r"\bcourt\b|legal (?:team|advice|counsel)",
    r"\bftc\b|\bbbb\b|better business bureau|trading standards",
    r"consumer (?:protection|affairs|rights|council)",
    r"ombudsman|regulator|attorney general|\baccc\b|\bcma\b|file a complaint with|fair trading",
    r"journalist|reporter|the press|news (?:outlet|channel|station)|(?:go|going|went) to the (?:media|news)",
    # someone who writes for or works at a paper, a magazine or the news
    r"(?:writes?|writing|wrote|works?|working|worked|editor) (?:for|at|on) (?:the|a|our|my) "
    r"(?:local |daily |evening |national |regional )?"
    r"(?:paper|newspaper|magazine|news|tv station|radio station)\b"
    r"(?! ?(?:company|mill|supplier|shop|store|factory))",
    r"consumer (?:foundation|association|council|watchdog)|consumers'? association",
    r"(?:contact|tell|call|alert) the (?:media|news|papers)|go public",
)

# platforms named in either script, for the code-switched going-public rules below; a Latin
# name only as a word of its own ("ins" is not "instructions")
_PLATFORMS = (
    r"(?:facebook|(?<![a-z])fb(?![a-z])|(?<![a-z])ins(?![a-z])|instagram|tiktok|twitter|(?<![a-z])x上|youtube"
    r"|reddit|threads|trustpilot|google review|脸书|推特|油管|小红书|抖音|快手|微博|朋友圈|知乎|b站|视频号)"
)
BAD_REVIEW = _any(
    r"差评|一星|1星|打低分|给低分|负面评价|挂你们|网上说|到处说|让大家都知道|避雷|公之于众|网上曝光",
    r"(?:发|放|挂|传|贴)(?:到|在)网上",
    # (not 发货 / 发现 / 发票 before a platform named on its own, nor praise posted there)
    r"(?:发(?!货|现|票)|挂|曝光|吐槽|写).{0,6}(?:微博|抖音|小红书|朋友圈|知乎|黑猫)(?!.{0,12}"
    + _PRAISE
    + ")",
    # going public on a platform, whichever: what the customer says they will do there
    r"(?:在|到|上|去)(?:抖音|快手|小红书|微博|朋友圈|知乎|b站|视频号|黑猫|大众点评|点评|贴吧|头条|网上|群里|直播间)"
    r".{0,8}(?:说说|说一说|讲讲|曝光|吐槽|揭露|发帖|发个帖|发文|发视频|发个视频|发条|拍视频|拍个视频|直播|挂出|挂你|告诉大家|让大家)",
    r"让(?:大家|所有人|别人|更多人|全网|全世界|网友|朋友们)(?:都)?(?:知道|看看|看到|评评理|别买|别来|小心|避坑)",
    r"(?:拍|录)(?:个|成|了|一段)?视频.{0,10}(?:发|曝|传|挂)|(?:曝光|揭露)你们",
    # code-switched: a Chinese verb and a platform written in English, or the other way round
    # ("发个facebook post", "post到ins上", "I'll post it on 小红书"); not when what is posted
    # there is praise (a good review on 小红书 is not a threat)
    r"(?:发|po|post|posting|晒|挂|传|贴|曝光|吐槽|写|骂|放)(?:个|条|一条|一个|一篇|篇|到|在|上|去)?(?:个|条|篇)?\s?"
    r"" + _PLATFORMS + r"(?!.{0,12}" + _PRAISE + ")",
    r"(?:在|到|上|去)\s?"
    + _PLATFORMS
    + r".{0,8}(?:说说|讲讲|曝光|吐槽|揭露|发帖|发视频|骂|喷|挂|告诉大家|让大家)",
    r"(?:post|posting|share|sharing|put|putting|upload|uploading|film|filming|tell|telling|warn)\b.{0,30}"
    r"(?:小红书|抖音|快手|微博|朋友圈|知乎|b站|视频号|大众点评|贴吧)",
    # telling everyone, unless it is to recommend the shop
    r"告诉(?:大家|所有人|全网|网友|身边的人|朋友们|所有朋友)(?!.{0,12}" + _PRAISE + ")",
    r"(?:bad|negative|terrible|awful|scathing|honest|1[- ]star|one[- ]star|0[- ]star|zero[- ]star) review",
    r"review.{0,20}(?:1|one|zero|0) stars?|(?:1|one)[- ]star(?:s|red)?\b",
    r"(?:post|posting|share|sharing|put|putting|tell|warn)\b.{0,30}"
    r"(?:twitter|reddit|facebook|tiktok|instagram|trustpilot|yelp|social media|everyone|everybody|online)",
    r"trustpilot|leave a review (?:about|warning)",
    # going public on a platform, whichever: what the customer says they will do there
    r"(?:post|posting|share|sharing|put|putting|tell|warn|make|making|film|filming|upload|uploading|record|recording)\b"
    r".{0,40}(?:youtube|snapchat|threads|linkedin|whatsapp|google reviews?|tripadvisor|mumsnet|weibo|douyin|"
    r"xiaohongshu|rednote|\bx\b|a (?:video|post|thread|tiktok|reel|story) about)",
    r"(?:tweet|tweeting|blog|blogging|vlog|vlogging) about|go(?:ing)? viral|name and shame",
    r"expose (?:you|your|this)",
    r"(?:let|make sure) (?:everyone|everybody|the world|the whole world|people|all my followers) "
    r"(?:knows?|hears?|sees?)",
)

MONEY = _any(
    r"扣了两次|扣款两次|两次扣款|重复扣款|重复扣费|重复支付|扣了两笔|扣了2次|扣两次|多扣|扣了双份|付了两次|付两次|支付了两次",
    r"(?:钱|款).{0,6}扣了.{0,12}(?:没|无|未|不见)|扣(?:了)?(?:钱|款).{0,12}(?:订单|没有|没到|不见|失败)",
    r"付了(?:钱|款).{0,12}(?:没有订单|订单没|未付款|待付款|不见|没生成)",
    r"(?:付了钱|付了款|扣了钱|扣了款|钱扣了|钱被扣).{0,30}(?:没有订单|订单也没有|订单没有|没生成|支付失败)",
    r"钱不见了|钱没了|钱去哪|余额.{0,4}(?:少了|不见)|拒付|盗刷",
    # money gone out with no order to show for it, in either order of telling
    r"(?:扣了|扣款|扣费|被扣|划走|划扣|扣走|(?:钱|款).{0,8}(?:走了|出去了|没了|少了|扣)|已付款|已支付|付款成功|支付成功|付了)"
    r".{0,30}(?:没有订单|没订单|无订单|找不到订单|查不到(?:任何)?订单|(?:订单|单子).{0,4}(?:没有|不见|找不到|查不到|没生成|没显示)|没(?:有)?下(?:过)?单|什么都没买|没买东西|没有买)",
    # money gone from a wallet or card, then no order to show for it (支付宝少了三百块，订单里什么都没有)
    r"(?:支付宝|微信|零钱|余额|银行卡|信用卡|卡里|账户|花呗).{0,8}(?:少了|被扣|扣了|划走|不见了)"
    r".{0,30}(?:订单.{0,6}(?:什么都没有|没有|不见|找不到|查不到)|没(?:有)?下(?:过)?单|什么都没买|没买东西)",
    r"(?:什么都没买|没买东西|没有买东西|没(?:有)?下(?:过)?单|没有订单|找不到订单|查不到订单).{0,30}"
    r"(?:扣了|扣款|扣费|被扣|扣走|划走|(?:卡|账户|余额|支付宝|微信).{0,8}(?:扣|少了|划走|走了))",
    r"charged (?:me )?twice|double[- ]?charg|charged two times|billed twice|two (?:charges|payments)",
    # a double charge told as two identical ones
    # told code-switched too (被charge了两次, bill了我2次)
    r"(?:charge|charged|bill|billed|debit|扣款|刷卡)(?:了|过)(?:我)?\s?(?:两|2)\s?(?:次|遍|回)",
    r"两笔(?:一样|相同|同样|重复|一模一样)的?(?:扣款|扣费|付款|支付|交易|费用|钱)|(?:扣|收|刷)了(?:我)?两笔",
    r"(?:two|2) (?:identical|same|matching|duplicate) (?:charges|payments|transactions|debits|amounts)"
    r"|same (?:charge|amount|payment|transaction) (?:twice|two times)"
    r"|(?:charge|payment|transaction|debit)s? "
    r"(?:appears?|appeared|shows?|showed|showing|came out|went out|taken) twice",
    r"duplicate (?:charge|payment|transaction)|charged (?:me )?(?:again|two)|paid twice",
    r"money (?:is |was |has )?(?:gone|missing|disappeared|vanished|taken)",
    r"(?:charged|paid|debited|deducted|taken)\b.{0,40}(?:no order|not (?:placed|confirmed|showing)|"
    r"says unpaid|shows unpaid|still unpaid|never (?:went through|arrived))",
    r"chargeback|charge ?back|dispute (?:the|this) (?:charge|payment)|unauthori[sz]ed (?:charge|payment)",
    # money gone out with no order to show for it, in either order of telling
    r"(?:charged|debited|deducted|taken|billed|paid|withdrawn|came out of|left my|gone from|went out of"
    r"|out of my)\b.{0,60}(?:no order|not an order|no record of (?:the|my|an|any) order"
    r"|(?:can'?t|cannot|couldn'?t) find (?:the|my|an|any) order|"
    r"order (?:isn'?t|is not|wasn'?t|doesn'?t|does not|never) (?:there|show|showing|appear|placed|created)|"
    r"(?:didn'?t|did not|never|haven'?t|have not) (?:buy|order|place|make|purchase)"
    r"|nothing (?:in my|ordered|placed|bought))",
    r"(?:no order|(?:didn'?t|did not|never|haven'?t|have not) "
    r"(?:buy|bought|order|ordered|place|placed|purchase) (?:anything|a thing|an order))"
    r".{0,60}(?:charged|debited|deducted|taken|billed|came out|left my|gone from|withdrawn)",
    r"(?:charge|payment|transaction|debit)s? (?:i|we) (?:don'?t|do not|didn'?t|did not) "
    r"(?:recogni[sz]e|make|authori[sz]e)",
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
    r"(?:second|third|fourth) time (?:i'?m|i am|i have|i've|writing|contacting|asking|messaging|emailing)",
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
}


def signals(text: str, known: Signals | None = None) -> Signals:
    """`text` is normalised (text.normalize). With `known` (what an earlier part of the
    same message showed), only the groups not found there are looked for."""
    found = {
        name: (getattr(known, name) if known else None) or _hit(matcher, text)
        for name, matcher in GROUPS.items()
    }
    return Signals(**found)


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
