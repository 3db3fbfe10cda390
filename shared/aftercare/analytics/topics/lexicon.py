"""A small bilingual lexicon of what after-sales tickets are about: each concept is one term
shared by its Chinese words and its English words, so "水壶盖子漏水", "水壺蓋子漏水" and
"the kettle lid leaks" all read as `kettle lid leak` and land in one topic.

Chinese words are matched in the simplified, normalised text (longest match first); English
words after stemming (tokenize.stem), so "leaks", "leaking" and "leaked" are "leak". A word
the lexicon lacks is not lost: it still counts as a character bigram (Chinese) or a stemmed
word (English), only without its translation. The concept's name is what a topic shows.
"""

from __future__ import annotations

# concept: (Chinese words, English words)
CONCEPTS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    # products and their parts
    "kettle": (("电水壶", "热水壶", "烧水壶", "水壶", "壶"), ("kettle", "teakettle")),
    "lid": (("壶盖", "盖子", "盖板", "盖"), ("lid", "cap")),
    "handle": (("把手", "手柄"), ("handle",)),
    "button": (("按钮", "按键", "开关"), ("button", "switch")),
    "bottle": (("保温杯", "保温瓶", "水杯", "瓶子", "杯子"), ("bottle", "flask", "thermos", "cup", "mug")),
    "coffee": (("咖啡机", "咖啡"), ("coffee", "espresso")),
    "blender": (("搅拌机", "料理机", "榨汁机"), ("blender", "juicer")),
    "vacuum": (("吸尘器", "扫地机"), ("vacuum", "hoover")),
    "phone": (("手机",), ("phone", "smartphone", "iphone")),
    "headphones": (
        ("耳机", "耳塞"),
        ("headphone", "headphones", "earbud", "earbuds", "earphone", "earphones", "headset"),
    ),
    "screen": (("显示屏", "屏幕", "屏"), ("screen", "display")),
    "battery": (("电池", "电量", "续航"), ("battery", "batteries")),
    "charger": (("充电器", "充电头", "充电线", "数据线"), ("charger", "cable")),
    "plug": (("插头", "插座"), ("plug", "socket", "adapter")),
    "lamp": (("台灯", "灯泡", "灯"), ("lamp", "bulb", "light")),
    "shoes": (
        ("运动鞋", "鞋子", "鞋"),
        ("shoe", "shoes", "sneaker", "sneakers", "boot", "boots", "trainers"),
    ),
    "sole": (("鞋底",), ("sole", "soles")),
    "clothes": (
        ("衣服", "衬衫", "外套", "裤子", "裙子"),
        ("shirt", "tshirt", "jacket", "coat", "pants", "trousers", "dress", "jeans", "sweater", "hoodie"),
    ),
    "zipper": (("拉链",), ("zipper", "zip")),
    "seam": (("开线", "线头", "缝线"), ("seam", "stitch", "stitching", "thread")),
    "toy": (("玩具", "积木"), ("toy", "toys", "lego")),
    "packaging": (("包装", "盒子", "纸箱", "箱子"), ("packaging", "box", "carton", "wrapping")),
    "manual": (("说明书",), ("manual", "instruction", "instructions")),
    "app": (("应用", "软件"), ("app", "application", "software", "firmware")),
    # what went wrong
    "leak": (("漏水", "渗水", "滴水", "漏"), ("leak", "leaky", "drip", "leakage", "seep")),
    "water": (("水",), ("water",)),
    "broken": (
        ("坏了", "坏掉", "损坏", "故障", "坏", "不能用", "用不了", "失灵"),
        ("broken", "broke", "break", "faulty", "defective", "defect", "malfunction"),
    ),
    "crack": (("裂开", "裂缝", "裂纹", "碎了", "裂", "碎"), ("crack", "shatter", "shattered")),
    "damaged": (
        ("破损", "压坏", "摔坏", "变形", "凹陷"),
        ("damage", "damaged", "dent", "dented", "crushed", "squashed"),
    ),
    "scratch": (("划痕", "刮花", "划伤"), ("scratch", "scratched", "scuff")),
    "stain": (("污渍", "脏"), ("stain", "stained", "dirty")),
    "smell": (("异味", "味道", "臭"), ("smell", "odor", "odour", "stink", "stinks")),
    "hole": (("破洞", "洞", "撕裂"), ("hole", "tear", "torn", "rip", "ripped")),
    "rust": (("生锈", "锈"), ("rust", "rusty", "rusted")),
    "noise": (
        ("噪音", "杂音", "异响", "没声音", "声音", "响"),
        ("noise", "noisy", "sound", "buzz", "buzzing", "rattle"),
    ),
    "overheat": (("发烫", "过热", "烫"), ("overheat", "overheating", "hot")),
    "heat": (("烧水", "加热", "不热"), ("heat", "heating", "boil", "boiling", "warm")),
    "pour": (("倒水",), ("pour", "pouring", "spout")),
    "power": (("开不了机", "开不开", "不开机", "开机", "通电", "电源"), ("power", "turn")),
    "charge": (("充不进", "充不了", "充电"), ("charge", "charging")),
    "connect": (
        ("连不上", "蓝牙", "连接", "配对"),
        ("connect", "connection", "bluetooth", "pair", "pairing", "wifi"),
    ),
    "color": (("色差", "掉色", "褪色", "颜色"), ("color", "colour", "fade", "faded")),
    "size": (("尺码", "码数", "码子", "尺寸", "大小"), ("size", "sizes", "sizing")),
    "small": (("偏小", "太小", "小了", "紧"), ("small", "tight", "smaller")),
    "large": (("偏大", "太大", "大了", "松"), ("large", "big", "loose", "bigger")),
    "quality": (("质量", "做工"), ("quality", "build")),
    "fake": (("假货", "仿冒", "正品"), ("fake", "counterfeit", "genuine", "authentic")),
    # orders, parcels and money
    "delivery": (
        ("快递", "物流", "包裹", "配送", "派送", "送货", "发货"),
        ("delivery", "deliver", "parcel", "package", "courier", "shipping", "shipment", "ship"),
    ),
    "late": (("还没到", "没到", "延迟", "迟迟", "太慢", "晚到", "慢"), ("late", "delay", "delayed", "slow")),
    "receive": (("没收到", "未收到", "收不到", "收到", "签收"), ("receive", "received", "arrive", "arrived")),
    "tracking": (("物流信息", "单号"), ("tracking", "track")),
    "address": (("地址",), ("address",)),
    "missing": (("漏发", "少发", "少了", "缺少", "缺", "丢失", "丢了"), ("missing", "lost", "lose")),
    "wrong": (("发错", "错", "不对"), ("wrong", "incorrect", "mistake")),
    "refund": (("退款", "退钱"), ("refund", "refunded", "reimburse")),
    "return": (("退货", "退回", "寄回"), ("return", "returned")),
    "exchange": (("换货", "更换", "调换", "换"), ("exchange", "replace", "replacement", "swap")),
    "cancel": (("取消",), ("cancel", "cancelled", "canceled", "cancellation")),
    "payment": (("付款", "支付", "扣款", "扣钱"), ("payment", "pay", "paid", "charged", "billed")),
    "twice": (("两次", "重复"), ("twice", "double", "duplicate")),
    "price": (("价格", "价钱", "降价", "差价"), ("price", "cost", "expensive")),
    "coupon": (("优惠券", "折扣", "券"), ("coupon", "voucher", "discount", "promo")),
    "invoice": (("发票",), ("invoice", "receipt")),
    "account": (("账号", "账户", "登录", "密码"), ("account", "login", "password")),
    "warranty": (("保修", "维修"), ("warranty", "repair")),
    "service": (("客服", "态度"), ("service", "staff", "agent", "rude")),
}

# Words that say nothing about the problem (politeness, urgency, time, "the order"): taken
# out of a Chinese run like a lexicon word, but no term (they would otherwise make bigrams
# that every topic shares).
CHINESE_STOP = (
    "您好", "你好", "请问", "麻烦", "帮忙", "帮我", "一下", "看看", "尽快", "赶紧", "马上", "处理",
    "谢谢", "感谢", "怎么办", "怎么", "为什么", "什么时候", "什么", "时候", "如何", "是否", "能不能",
    "可以", "希望", "要求", "现在", "一直", "还是", "但是", "因为", "所以", "然后", "非常", "特别",
    "真的", "一个", "一次", "一件", "一周", "几天", "今天", "昨天", "问题", "订单", "东西", "商品",
    "购买", "买的", "客户", "急", "失望", "太差", "好的",
)  # fmt: skip


def chinese_words() -> dict[str, str]:
    """Every Chinese word → its concept (a word listed under two concepts: the first); a
    stop word → "" (no term)."""
    found: dict[str, str] = dict.fromkeys(CHINESE_STOP, "")
    for concept, (chinese, _) in CONCEPTS.items():
        for word in chinese:
            found.setdefault(word, concept)
    return found


def english_words() -> dict[str, str]:
    """Every English word → its concept (the words as listed; tokenize stems them too)."""
    found: dict[str, str] = {}
    for concept, (_, english) in CONCEPTS.items():
        for word in english:
            found.setdefault(word, concept)
    return found
