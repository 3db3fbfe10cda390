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
