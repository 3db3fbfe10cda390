"""The urgency rules (triage/urgency.py): what must never be missed is URGENT whatever the
model said; anger and repeat contacts make it HIGH; context raises, never lowers; platform
names alone trigger nothing."""

from __future__ import annotations

import re

import pytest

from aftercare.tickets.rules import Priority
from aftercare.tickets.triage import TriageContext, classify, normalize
from aftercare.tickets.triage.urgency import GROUPS, Context, anchors, apply, signals

NONE = Context()

URGENT = [
    # safety incidents
    ("the power bank has swollen up and got really hot", "safety"),
    ("the stroller brake failed and it rolled down the slope with our baby in it", "safety"),
    ("充电宝鼓包了", "safety"),
    ("插頭冒煙了，嚇死我了", "safety"),  # traditional characters
    ("my son cut his finger on the broken glass", "safety"),
    ("we all got food poisoning after the hotpot kit", "safety"),
    ("宝宝把小零件吞下去了", "safety"),
    # an injury, told as a knock or a bump
    ("给我家小孙子买的那个学步车轮子掉了他一下摔下来磕到头了", "safety"),
    ("女儿从床上摔下来头上肿了个包", "safety"),
    ("the kettle gave me an electric shock", "safety"),
    ("face cream caused an allergic reaction", "safety"),
    ("the e-bike battery caught fire in the hallway", "safety"),
    # a burning smell or a scorch mark, in any wording of it
    ("电水壶底座有股烧焦塑料的味道", "safety"),
    ("插座那里都熏黑了", "safety"),
    ("the fan heater smells like something is burning", "safety"),
    ("there's a charred patch on the rug where the lamp was", "safety"),
    # a child and a small part, a magnet or a battery near its mouth
    ("外孙女把积木上的小零件放进嘴里了", "safety"),
    ("my grandson had the magnet in his mouth before I noticed", "safety"),
    ("the rattle's bead came off and the baby was gagging on it", "safety"),
    ("the coin battery fell out of the book light", "safety"),
    # an allergic reaction, without the word
    ("戴了这个手链手腕起了一圈红疹", "safety"),
    ("my wife came up in welts after using the shower gel", "safety"),
    # going public on any platform
    ("我要去快手上曝光你们", "review"),
    ("不处理我就拍个视频发出去", "review"),
    ("我会让所有人都知道你们怎么骗人的", "review"),
    ("I'm making a YouTube video about how you treated me", "review"),
    ("I will let everyone know what kind of company you are", "review"),
    # money taken with no order to show for it
    ("微信被扣了一百多，可是订单里什么都没有，查不到订单", "money"),
    ("我根本没下单，支付宝却被扣款了", "money"),
    ("£40 came out of my account but I can't find an order anywhere", "money"),
    ("there's a charge I don't recognise on my card from you", "money"),
    # legal, media, regulator
    ("I'm reporting it to the FTC", "legal"),
    ("我已经找了律師", "legal"),
    ("a journalist friend of mine wants to write about this", "legal"),
    ("再不处理就打12315", "legal"),
    ("我要向消费者协会投诉", "legal"),
    ("I will take you to small claims court", "legal"),
    # bad reviews, going public
    ("等着差评吧", "review"),
    ("I'm leaving a one-star review", "review"),
    ("我要发微博曝光你们", "review"),
    ("I'll post about this on reddit", "review"),
    # going public written code-switched, or English inside Chinese (README, "The urgency
    # rules": telling everyone, posting about it on any platform)
    ("你们的customer service太差了，我要发个Facebook post告诉大家", "review"),
    ("再不退款我就post到ins上", "review"),
    ("我要把视频发到TikTok让大家看看", "review"),
    ("我要告诉大家你们有多坑", "review"),
    ("我要写个review曝光你们", "review"),
    ("I'll post it on 小红书", "review"),
    ("不给个说法我就发fb", "review"),
    ("我要去ins上骂你们", "review"),
    ("我會在小紅書上吐槽", "review"),  # traditional characters
    ("我要把这事发到臉書上", "review"),
    # double charges and missing money
    ("I was charged twice for the same order", "money"),
    ("重复扣款了", "money"),
    ("钱扣了但是订单没有生成", "money"),
    ("I'm going to do a chargeback", "money"),
    # a child at risk told far from the word for the child: a seat, cot or harness that gives
    # way, someone who nearly slid or fell out
    ("女儿坐的餐椅用了一个月，今天吃饭吃到一半，椅子腿那里的卡扣突然松开了", "safety"),
    ("儿子的安全座椅，高速上我从后视镜看，安全带自己弹开了", "safety"),
    ("推着走的时候婴儿车突然自己合上了，吓死我了", "safety"),
    ("下楼梯时他差点摔下去", "safety"),
    ("the high chair tray came loose and my little one nearly slipped out", "safety"),
    ("our son's car seat harness came undone on the motorway", "safety"),
    ("the stair gate gave way when she leant on it", "safety"),
    # ill after eating or drinking it, however it is told
    ("we drank the juice and my husband was unwell the whole next day", "safety"),
    ("ate two of the cookies, stomach cramps for hours", "safety"),
    ("喝了你们的酸奶，半夜恶心想吐", "safety"),
    # Taiwan's and Hong Kong's consumer bodies, someone who writes for a paper
    ("再不處理我就去找消保官", "legal"),
    ("我會向消委會投訴", "legal"),
    ("我表姐在报社工作，这件事我会跟她说", "legal"),
    ("my neighbour works at the newspaper and would love this story", "legal"),
    ("my aunt is an editor at a local magazine, just saying", "legal"),
    ("I'll be contacting the consumer foundation", "legal"),
    ("my husband is a solicitor and he says this is illegal", "legal"),
    # a double charge told as two identical ones
    ("账单上刷了我两笔，金额一模一样", "money"),
    ("銀行App顯示兩筆相同的付款", "money"),
    ("there are two identical payments on my PayPal for one order", "money"),
    ("the payment shows twice on my statement", "money"),
    ("这个月的会员费bill了我两次", "money"),  # code-switched
    # money gone from a wallet or card with no order to show for it
    ("微信零钱少了两百，订单那里什么都没有", "money"),
    ("银行卡被扣了八十九，我根本没下单", "money"),
]


@pytest.mark.parametrize(("text", "kind"), URGENT)
def test_what_must_never_be_missed_is_urgent_whatever_the_model_said(text: str, kind: str) -> None:
    found = signals(normalize(text))
    assert getattr(found, kind), f"{kind} not found in {text!r}"
    priority, reasons = apply(Priority.LOW, found, NONE)
    assert priority is Priority.URGENT
    assert reasons[0].startswith("urgent: ")


@pytest.mark.parametrize(
    "text",
    [
        "微博私信",
        "抖音私信：谢谢你们，东西很好",
        "Instagram DM: thanks so much, love it",
        "via Twitter: where is my parcel?",
        "the battery lasts all day, very happy",
        "I'd like to review my order before it ships",
        "do you ship to Canada?",
        "我的快递什么时候到",
        "is it waterproof?",
        "media player won't turn on",
        # the new rules' words in innocent tickets
        "在抖音上看到你们家的，想问问有没有大码",
        "小红书上种草的，请问还有货吗",
        "红烧牛肉味的还有吗",
        "my son loves the dinosaur, thanks",
        "the smoke grey one, is it in stock?",
        "I paid for next-day delivery, where is my order?",
        "will the charge show up as your company name?",
        # a platform named on its own, or praise posted there, in either script
        "在抖音上看到你们家的，请问有黑色吗",
        "微博私信\n谢谢你们，东西很好",
        "孙子特别喜欢这个积木，天天玩，我要去小红书给你们写个好评",
        "我要发个小红书推荐你们家",
        "发个ins夸夸你们",
        "我会告诉大家你们家东西很好用",
        "发货很快，抖音上看到的",
        "我在fb上看到的广告，还有货吗",
        "ins上种草的，有白色吗",
        "please send the instructions again",
        "box上面写的尺寸不对",
        "手机摔了一下屏幕没事，质量不错",
        # the sixth pass's words in innocent tickets: a child's seat that fits, a near miss in
        # a sale, a lawyer in the family thanked, a paper that is packaging, two orders placed
        "安全座椅装上了，卡扣有点紧，怎么调松一点",
        "差点没抢到，还好最后下单了",
        "差点忘了说，发票抬头写公司名",
        "the car seat fits our car perfectly, thank you",
        "my dad is a lawyer and he loved the desk organiser, thank u!!",
        "我爸是律师，这个公文包他很喜欢",
        "it came wrapped in newspaper, nice touch",
        "I work for a paper company, do you do bulk orders?",
        "we ate the whole box in a day, so good",
        "I placed two orders by mistake, please cancel one",
        "我下了两笔订单，能合并发货吗",
        "支付宝付的款，订单显示已付款，什么时候发货",
        "我拍了个unboxing video发到TikTok，好多人问在哪买，love your stuff",
        "posted it on ins, obsessed with it",
    ],
)
def test_ordinary_messages_and_platform_names_trigger_nothing(text: str) -> None:
    found = signals(normalize(text))
    assert not found.urgent, found
    assert apply(Priority.NORMAL, found, NONE)[0] is Priority.NORMAL


@pytest.mark.parametrize(
    "text",
    [
        "This is ridiculous!!! where is my parcel",
        "气死我了，快递还没到",
        "this is the second time I'm contacting you about the refund",
        "这是我第二次联系你们了",
        "I already emailed you about this last week",
        "上次客服说会处理，到现在还是没解决",
    ],
)
def test_anger_or_a_repeat_contact_is_high(text: str) -> None:
    assert apply(Priority.NORMAL, signals(normalize(text)), NONE)[0] is Priority.HIGH


@pytest.mark.parametrize(
    ("context", "model", "expected"),
    [
        (Context(order_value=100_000), Priority.NORMAL, Priority.HIGH),  # 1,000.00
        (Context(order_value=99_999), Priority.NORMAL, Priority.NORMAL),
        (Context(order_value=500_000), Priority.LOW, Priority.LOW),  # a presale question stays LOW
        (Context(tier="PLATINUM"), Priority.NORMAL, Priority.HIGH),
        (Context(tier="GOLD"), Priority.NORMAL, Priority.NORMAL),
        (Context(same_problem_open=1), Priority.NORMAL, Priority.HIGH),  # the same problem, still open
        (Context(follow_up=True), Priority.LOW, Priority.HIGH),
        (Context(recent_contacts=2), Priority.NORMAL, Priority.NORMAL),
        (Context(recent_contacts=3), Priority.NORMAL, Priority.HIGH),
        (Context(recent_contacts=9), Priority.URGENT, Priority.URGENT),  # never lowered
    ],
)
def test_context_raises_the_priority_and_never_lowers_it(
    context: Context, model: Priority, expected: Priority
) -> None:
    assert apply(model, signals("where is my parcel"), context)[0] is expected


def test_classify_applies_the_rules_and_the_context_and_says_why() -> None:
    plain = classify("", "我的快递什么时候到")
    assert (plain.category, plain.priority) == ("LOGISTICS", "NORMAL")
    assert plain.reasons[0].startswith("model: LOGISTICS")
    assert (
        classify("", "我的快递什么时候到", TriageContext(open_categories=("LOGISTICS",))).priority == "HIGH"
    )
    assert classify("", "我的快递什么时候到", TriageContext(open_categories=("REFUND",))).priority == "NORMAL"
    hot = classify("", "the power bank has swollen up and got really hot")
    assert (hot.category, hot.priority, hot.sentiment) == ("PRODUCT", "URGENT", "NEGATIVE")
    assert any(reason.startswith("urgent: safety incident") for reason in hot.reasons)


def test_the_rules_read_a_long_message_to_its_end() -> None:
    story = "我上个月买的扫地机器人用了两周就坏了，" * 80
    assert classify("售后", story).priority != "URGENT"
    assert classify("售后", story + "再不处理我就找律师").priority == "URGENT"
    assert classify("售后", story[:-30] + "找律" + "师了" + story[:40]).priority == "URGENT"


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("caught fire", ("caught fire",)),
        (r"\bburn(?:ed|t|s|ing)?\b", ("burn",)),  # the group may add letters: "burn" stays
        ("flames?\\b", ("flame",)),  # an optional letter is not needed
        ("mou?ld.{0,30}(?:ate|eaten)", ("mo",)),
        (r"(?<![0-9])(?:12315|12345)(?![0-9])", ("12315", "12345")),  # after a lookbehind
        ("(?:电池|充电宝).{0,8}(?:发烫|很烫)", ("电池", "充电宝")),
        (r"(?:fell|tipped)\b.{0,40}(?:baby|kid)", ("fell", "tipped")),
        (r"(?:a|b)?c", ()),  # an optional group: nothing is certain
        (r"(?:a|.b)c", ()),  # one alternative without an anchor: none for the group
        (r"\wx", ()),
        (r"\.net", (".net",)),  # an escaped character is plain
    ],
)
def test_an_expression_is_only_run_on_a_text_holding_one_of_its_anchors(
    pattern: str, expected: tuple[str, ...]
) -> None:
    assert anchors(pattern) == expected


def test_every_rule_expression_has_anchors_and_finds_what_compiling_them_all_finds() -> None:
    """The lazy matcher skips an expression whose anchors are absent: it must answer as
    running every expression on every text would, over every message the triage is measured
    on and the rules' own examples."""
    from ml.triage import evaluate

    texts = [text for text, _ in URGENT] + [
        normalize(f"{e['subject']}\n{e['message']}")
        for path in evaluate.SETS.values()
        if path.exists()
        for e in evaluate.read(path)
    ]
    for name, matcher in GROUPS.items():
        assert all(matcher.anchors), f"{name}: an expression without anchors runs on every text"
        eager = [re.compile(source) for source in matcher.sources]
        for text in texts:
            expected = next((lit for lit in matcher.literals if lit in text), None) or next(
                (m.group(0) for m in (p.search(text) for p in eager) if m), None
            )
            assert matcher.search(text) == expected, (name, text)
