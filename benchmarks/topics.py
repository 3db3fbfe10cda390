"""Recurring issues: how long the weekly topics job's computation takes for a realistic week
(`find_topics` on N synthetic tickets this week and N last week: tokenizing, TF-IDF, the two
clusterings, labels and trend), and how many topics it finds. Synthetic tickets mix Chinese
(simplified and traditional) and English, about 25 problems phrased many ways, with order
numbers, emoji and filler words, and a tail of one-off texts.

The job's Lambda has 300 s and 1,024 MB; the figure to watch is the CPU time (the wall clock
of a shared machine also counts other processes' turns).

    python -m benchmarks.topics [--tickets 5000] [--runs 3]
"""

from __future__ import annotations

import argparse
import random
import statistics
import time

from aftercare.analytics.topics import Text, find_topics

PROBLEMS: list[tuple[list[str], list[str]]] = [
    (
        ["水壶盖子漏水", "電水壺蓋子漏水", "壶盖漏水严重"],
        ["the kettle lid leaks", "kettle leaking from the lid", "lid of my kettle leaks water"],
    ),
    (
        ["包裹还没到", "快递太慢了，还没收到", "物流一直没更新"],
        ["my parcel is late", "package still not delivered", "delivery delayed again"],
    ),
    (
        ["鞋子尺码偏小", "鞋码偏小想换大一码", "尺碼太小"],
        ["shoes run small", "the shoes are too small, need a bigger size", "sizing is small"],
    ),
    (
        ["屏幕碎了", "手机屏幕有裂缝", "螢幕裂開"],
        ["screen cracked on arrival", "phone screen is cracked", "cracked display"],
    ),
    (
        ["耳机连不上蓝牙", "蓝牙耳机配对失败", "耳機連不上"],
        [
            "earbuds won't connect to bluetooth",
            "headphones pairing fails",
            "bluetooth headset not connecting",
        ],
    ),
    (
        ["充电器坏了", "充电线充不进电", "充電器壞了"],
        ["charger is broken", "cable does not charge", "charger stopped charging"],
    ),
    (
        ["我要开发票", "请开具发票", "發票什麼時候開"],
        ["I need an invoice", "please send the invoice", "where is my receipt"],
    ),
    (
        ["退款还没到账", "退款太慢", "退款什麼時候到"],
        ["refund not received yet", "when do I get my refund", "refund is taking too long"],
    ),
    (
        ["发错货了", "收到的颜色不对", "發錯貨"],
        ["wrong item received", "you sent the wrong color", "wrong size sent"],
    ),
    (
        ["少发了一件", "包裹里缺少配件", "少了一個"],
        ["one item missing from the parcel", "missing parts in the box", "package arrived with item missing"],
    ),
    (
        ["衣服有破洞", "外套开线了", "衣服有洞"],
        ["the shirt has a hole", "jacket seam ripped", "dress torn at the seam"],
    ),
    (
        ["有异味", "味道很大", "味道好臭"],
        ["strong smell from the product", "it stinks", "bad odor out of the box"],
    ),
    (
        ["重复扣款两次", "付款扣了两次", "被扣款兩次"],
        ["charged twice for one order", "double payment taken", "duplicate charge on my card"],
    ),
    (
        ["优惠券用不了", "折扣没有生效", "優惠券不能用"],
        ["coupon does not work", "discount code not applied", "voucher invalid at checkout"],
    ),
    (
        ["想取消订单", "取消订单", "幫我取消"],
        ["please cancel my order", "I want to cancel", "cancel the order before it ships"],
    ),
    (
        ["吸尘器噪音很大", "扫地机异响", "吸塵器聲音很大"],
        ["vacuum is very noisy", "the vacuum makes a rattling noise", "loud buzzing noise from the hoover"],
    ),
    (
        ["咖啡机漏水", "咖啡机底部漏水", "咖啡機漏水"],
        ["coffee machine leaks water", "espresso machine leaking underneath", "coffee maker drips water"],
    ),
    (
        ["电池续航太短", "电池不耐用", "電池很快沒電"],
        ["battery drains fast", "battery life is poor", "the battery does not last"],
    ),
    (
        ["改地址", "地址写错了", "修改收货地址"],
        ["change my delivery address", "wrong address on the order", "update the shipping address"],
    ),
    (
        ["账号登录不了", "忘记密码", "帳號登不上"],
        ["can't log in to my account", "password reset not working", "account login fails"],
    ),
    (
        ["保温杯漏水", "水杯盖子漏", "保溫杯漏水"],
        ["the thermos leaks", "bottle lid leaks", "water bottle leaking"],
    ),
    (
        ["台灯不亮", "灯泡坏了", "檯燈不亮"],
        ["lamp does not light up", "the bulb is broken", "light stopped working"],
    ),
    (
        ["玩具坏了", "积木少了几块", "玩具壞了"],
        ["toy broke after one day", "lego set is missing pieces", "toy arrived broken"],
    ),
    (
        ["客服态度差", "客服不回复", "客服態度很差"],
        ["customer service was rude", "agent never replied", "staff were unhelpful"],
    ),
    (
        ["保修怎么申请", "需要维修", "保修期內維修"],
        ["how do I claim the warranty", "need a repair", "is this covered by warranty"],
    ),
]
FILLER_EN = [
    "please help",
    "this is unacceptable",
    "order #{n}",
    "thanks",
    "asap",
    "😡",
    "🙏",
    "again!!",
    "very disappointed",
]
FILLER_ZH = ["请尽快处理", "订单号{n}", "谢谢", "太失望了", "😭", "急！", "麻烦看一下"]
WORDS = ["blue", "red", "table", "chair", "garden", "pillow", "curtain", "blanket", "spoon", "fork", "plate"]


def synthetic(n: int, seed: int, day: str) -> list[Text]:
    rng = random.Random(seed)
    texts = []
    for i in range(n):
        if rng.random() < 0.1:  # a one-off
            body = " ".join(rng.sample(WORDS, 4))
        else:
            zh, en = rng.choice(PROBLEMS)
            if rng.random() < 0.5:
                body = rng.choice(zh) + " " + rng.choice(FILLER_ZH).format(n=rng.randint(10**6, 10**7))
            else:
                body = rng.choice(en) + ", " + rng.choice(FILLER_EN).format(n=rng.randint(10**6, 10**7))
        texts.append(Text(f"tk_{seed}_{i:06d}", body, f"{day}T{i % 24:02d}:{i % 60:02d}:00Z"))
    return texts


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--tickets", type=int, default=5000, help="tickets per week (this week and last week)"
    )
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    current, previous = synthetic(args.tickets, 1, "2026-11-25"), synthetic(args.tickets, 2, "2026-11-18")
    cpu, wall = [], []
    topics = []
    for _ in range(args.runs):
        started_cpu, started_wall = time.process_time(), time.perf_counter()
        topics = find_topics(current, previous)
        cpu.append(time.process_time() - started_cpu)
        wall.append(time.perf_counter() - started_wall)
    print(f"{args.tickets} tickets this week + {args.tickets} last week, {args.runs} runs")
    print(f"  cpu  median {statistics.median(cpu):.2f} s, max {max(cpu):.2f} s")
    print(f"  wall median {statistics.median(wall):.2f} s, max {max(wall):.2f} s")
    print(f"  {len(topics)} topics; the largest:")
    for topic in topics[:8]:
        print(f"    {topic.label}: {topic.count} tickets, {topic.trend}")


if __name__ == "__main__":
    main()
