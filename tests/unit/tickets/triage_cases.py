"""Labelled customer messages for the triage classifier, in Chinese and English.

Written as customers write (typos, mixed languages, several topics in one message, polite
complaints, angry questions without complaint words), labelled by what a service team
would want, not by which keywords appear. The labelling policy:

- category: what the customer needs handled. A formal complaint about the service or its
  people, or any threat (bad review, regulator / 12315 / 消协, chargeback, lawyer, media)
  is COMPLAINT whatever it is about.
- priority: URGENT for complaints and threats, safety hazards, or a customer who has
  contacted us 4+ times in 7 days; HIGH for explicit urgency, strong anger, an order worth
  1,000.00 or more, or a repeat contact (2-3 times in 7 days) on an ordinary problem;
  LOW for pre-sale questions and messages that need nothing fixed; NORMAL otherwise.
- sentiment: NEGATIVE when the customer is unhappy, POSITIVE when they are pleased,
  NEUTRAL for plain questions and requests.

`HELD_OUT` cases were written after the last change to the lexicon, which was not tuned
on them: their accuracy is the honest estimate for unseen messages. `hard` marks the cases written to be difficult on purpose (negation, sarcasm, mixed
topics, context-driven priority).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Case:
    subject: str
    message: str
    category: str
    priority: str
    sentiment: str
    order_value: int | None = None  # minor units
    contacts: int = 0  # the customer's other tickets in the last 7 days
    hard: bool = False
    held_out: bool = False  # written after the lexicon was built, never tuned against


CASES: list[Case] = [
    # ---------------------------------------------------------------- ORDER
    Case("修改地址", "你好，我刚下的单地址填错了，能帮我改成浦东新区世纪大道100号吗？还没发货", "ORDER", "NORMAL", "NEUTRAL"),
    Case("Cancel my order", "Hi, I placed an order an hour ago by mistake. Can you cancel it before it ships? Thanks", "ORDER", "NORMAL", "NEUTRAL"),
    Case("订单状态", "订单一直显示待确认，已经两天了，是什么情况", "ORDER", "NORMAL", "NEUTRAL"),
    Case("add item", "Can I add a second mug to order ord_123 so they ship together?", "ORDER", "NORMAL", "NEUTRAL"),
    Case("发票", "请问怎么开增值税专用发票？公司报销需要，订单已经收到了", "ORDER", "NORMAL", "NEUTRAL"),
    Case("wrong size ordered", "I ordered size M but meant L. It hasn't shipped yet, can you change the size on the order?", "ORDER", "NORMAL", "NEUTRAL"),
    Case("急！取消订单", "麻烦马上帮我取消订单，下错了，千万别发货", "ORDER", "HIGH", "NEUTRAL"),
    Case("order still processing", "My order has been stuck in processing for 5 days. This is really frustrating, what is going on?", "ORDER", "HIGH", "NEGATIVE", contacts=2, hard=True),
    # ---------------------------------------------------------------- PAYMENT
    Case("重复扣款", "付款的时候卡了一下，结果被扣了两次钱，麻烦核实一下", "PAYMENT", "NORMAL", "NEGATIVE"),
    Case("Payment failed", "My card payment keeps failing at checkout but my bank says there is no problem. What should I do?", "PAYMENT", "NORMAL", "NEUTRAL"),
    Case("支付成功订单未付款", "微信已经显示支付成功了，但订单还是待付款状态", "PAYMENT", "NORMAL", "NEUTRAL"),
    Case("charged twice", "I was charged twice for the same order!! Please fix this immediately.", "PAYMENT", "HIGH", "NEGATIVE"),
    Case("优惠券", "结算时优惠券没有抵扣，多付了20块，能补回来吗", "PAYMENT", "NORMAL", "NEUTRAL", hard=True),
    Case("bank transfer", "I paid by bank transfer yesterday, reference TX88812. Can you confirm you received it?", "PAYMENT", "NORMAL", "NEUTRAL"),
    Case("花呗", "用花呗付款失败，提示额度不足，可是我额度是够的", "PAYMENT", "NORMAL", "NEUTRAL"),
    Case("big payment pending", "I paid 12,800 for the sofa three days ago and the order still says unpaid.", "PAYMENT", "HIGH", "NEUTRAL", order_value=1_280_000, hard=True),
    # ---------------------------------------------------------------- LOGISTICS
    Case("物流不动", "快递三天没更新了，一直显示在转运中心，能帮我查一下吗", "LOGISTICS", "NORMAL", "NEUTRAL"),
    Case("Where is my parcel", "Tracking says delivered but I never got anything. Nothing at the door or with the neighbours.", "LOGISTICS", "NORMAL", "NEGATIVE"),
    Case("什么时候到", "请问我的包裹大概什么时候能送到？", "LOGISTICS", "NORMAL", "NEUTRAL"),
    Case("delivery", "The courier left my package in the rain and the box was soaked.", "LOGISTICS", "NORMAL", "NEGATIVE", hard=True),
    Case("还没收到", "都一个星期了还没收到货，到底发没发？？", "LOGISTICS", "HIGH", "NEGATIVE", hard=True),
    Case("shipping to another city", "I'm travelling, can the parcel be redirected to a pickup point in Hangzhou?", "LOGISTICS", "NORMAL", "NEUTRAL"),
    Case("派送", "快递员说派送失败，但我一整天都在家，没接到任何电话", "LOGISTICS", "NORMAL", "NEGATIVE"),
    Case("urgent gift", "The parcel is a birthday gift for tomorrow, please can you make sure it arrives today? Really urgent", "LOGISTICS", "HIGH", "NEUTRAL"),
    Case("tracking number", "Could you send me the tracking number for my order? I can't find it in the app.", "LOGISTICS", "NORMAL", "NEUTRAL"),
    Case("again: parcel", "Third time asking. Where is my parcel?", "LOGISTICS", "HIGH", "NEGATIVE", contacts=3, hard=True),
    # ---------------------------------------------------------------- RETURN
    Case("退货", "衣服尺码偏小，想退货，怎么操作？", "RETURN", "NORMAL", "NEUTRAL"),
    Case("Exchange size", "Shoes are a bit tight. Could I exchange them for a 42?", "RETURN", "NORMAL", "NEUTRAL"),
    Case("退货运费", "七天无理由退货的话，运费谁出？", "RETURN", "NORMAL", "NEUTRAL"),
    Case("return label", "I started a return but never received the return label by email.", "RETURN", "NORMAL", "NEUTRAL"),
    Case("换货", "收到的杯子颜色发错了，我要的是蓝色，能换一个吗", "RETURN", "NORMAL", "NEUTRAL", hard=True),
    Case("send it back", "Not what I expected at all, honestly disappointed. I'd like to send it back.", "RETURN", "NORMAL", "NEGATIVE"),
    Case("退货寄回", "退货已经寄回去一周了，你们收到了吗", "RETURN", "NORMAL", "NEUTRAL"),
    Case("return window", "Is it too late to return a jacket I received 10 days ago? Tags still on.", "RETURN", "NORMAL", "NEUTRAL"),
    # ---------------------------------------------------------------- REFUND
    Case("退款没到账", "退款说已经处理了，但是一直没到账，都五天了", "REFUND", "NORMAL", "NEGATIVE"),
    Case("Refund status", "When will I get my refund for the returned headphones?", "REFUND", "NORMAL", "NEUTRAL"),
    Case("退款金额不对", "退款只退了80，我付的是99，运费险也没算", "REFUND", "NORMAL", "NEGATIVE"),
    Case("refund please", "The item was out of stock and you cancelled my order. Please refund me asap.", "REFUND", "HIGH", "NEUTRAL"),
    Case("仅退款", "少发了一件，不用补发了，直接退款吧", "REFUND", "NORMAL", "NEUTRAL", hard=True),
    Case("still no refund", "It's been two weeks and I still don't have my money back. This is ridiculous.", "REFUND", "HIGH", "NEGATIVE", contacts=2),
    Case("refund to which card", "Will the refund go back to my credit card or to store credit?", "REFUND", "NORMAL", "NEUTRAL"),
    Case("退款", "手机退货退款申请了，4999的，什么时候能退回来？", "REFUND", "HIGH", "NEUTRAL", order_value=499_900, hard=True),
    # ---------------------------------------------------------------- PRODUCT
    Case("开不了机", "买的电动牙刷充了一晚上电还是开不了机", "PRODUCT", "NORMAL", "NEGATIVE"),
    Case("How to use", "How do I pair the earbuds with my laptop? The manual is not clear.", "PRODUCT", "NORMAL", "NEUTRAL"),
    Case("质量问题", "吹风机用了三次就有焦味，是不是质量有问题", "PRODUCT", "NORMAL", "NEGATIVE"),
    Case("smoke", "The charger started smoking and melted the socket. My kid was right next to it!", "PRODUCT", "URGENT", "NEGATIVE", hard=True),
    Case("保修", "去年买的咖啡机坏了，还在保修期内吗？怎么申请维修", "PRODUCT", "NORMAL", "NEUTRAL"),
    Case("allergy", "My daughter got a rash after using the face cream. Is there something in it she could be allergic to?", "PRODUCT", "URGENT", "NEGATIVE", hard=True),
    Case("尺码", "这件衬衫洗了一次就缩水严重，面料怎么回事", "PRODUCT", "NORMAL", "NEGATIVE"),
    Case("love it but", "Love the blender! One question though: can the jug go in the dishwasher?", "PRODUCT", "LOW", "POSITIVE", hard=True),
    Case("漏电", "热水壶底座有点漏电，摸着麻手，吓死了", "PRODUCT", "URGENT", "NEGATIVE", hard=True),
    # ---------------------------------------------------------------- COMPLAINT
    Case("投诉客服", "我要投诉你们客服，态度极差，问三遍都不回答", "COMPLAINT", "URGENT", "NEGATIVE"),
    Case("Complaint", "I want to make a formal complaint about how my return was handled.", "COMPLAINT", "URGENT", "NEGATIVE"),
    Case("12315", "再不给我退款我就打12315投诉你们", "COMPLAINT", "URGENT", "NEGATIVE", hard=True),
    Case("差评", "东西质量这么差，客服还不理人，等着给差评吧", "COMPLAINT", "URGENT", "NEGATIVE"),
    Case("chargeback", "If this isn't resolved by Friday I will file a chargeback with my bank.", "COMPLAINT", "URGENT", "NEGATIVE", hard=True),
    Case("consumer protection", "This is false advertising. I'm going to report you to consumer protection.", "COMPLAINT", "URGENT", "NEGATIVE"),
    Case("消协", "你们这是欺诈消费者，我已经准备向消协反映了", "COMPLAINT", "URGENT", "NEGATIVE"),
    Case("rude courier", "Your delivery guy was incredibly rude and threw the box at my door. Unacceptable.", "COMPLAINT", "URGENT", "NEGATIVE", hard=True),
    Case("review", "Worst shopping experience ever. I'll be leaving a 1-star review everywhere I can.", "COMPLAINT", "URGENT", "NEGATIVE"),
    Case("媒体曝光", "再这样推脱我就找媒体曝光你们", "COMPLAINT", "URGENT", "NEGATIVE", hard=True),
    Case("lawyer", "I've forwarded this to my lawyer. Expect to hear from them.", "COMPLAINT", "URGENT", "NEGATIVE", hard=True),
    Case("很失望", "你们的售后太让人失望了，一个问题踢皮球踢了一周，我要投诉", "COMPLAINT", "URGENT", "NEGATIVE"),
    # ---------------------------------------------------------------- PRESALE
    Case("有货吗", "请问这款沙发灰色还有货吗？什么时候能补货", "PRESALE", "LOW", "NEUTRAL"),
    Case("size advice", "I'm 175cm and 70kg, which size of this jacket should I buy?", "PRESALE", "LOW", "NEUTRAL"),
    Case("发货地", "这个是从哪里发货的？下单后多久能发", "PRESALE", "LOW", "NEUTRAL", hard=True),
    Case("discount", "Will this TV be on sale for Double 11? Thinking about buying it.", "PRESALE", "LOW", "NEUTRAL"),
    Case("正品吗", "请问是正品吗，有没有防伪码？想买来送人", "PRESALE", "LOW", "NEUTRAL"),
    Case("ship abroad", "Do you ship to Singapore? And are taxes included in the price?", "PRESALE", "LOW", "NEUTRAL", hard=True),
    Case("分期", "这台电脑可以分期付款吗？想买但是一次付不起", "PRESALE", "LOW", "NEUTRAL", hard=True),
    Case("compare", "What's the difference between the Pro and the standard model before I buy?", "PRESALE", "LOW", "NEUTRAL"),
    # ---------------------------------------------------------------- OTHER
    Case("登录", "手机号换了，登录不了账号，怎么改绑定手机", "OTHER", "NORMAL", "NEUTRAL"),
    Case("Thank you!", "Just wanted to say thanks to Lily from your support team, she was super helpful!", "OTHER", "LOW", "POSITIVE"),
    Case("合作", "您好，我们是做直播带货的，想和贵店谈合作，请问找谁联系", "OTHER", "LOW", "NEUTRAL"),
    Case("points", "How do I use my membership points?", "OTHER", "LOW", "NEUTRAL"),
    Case("谢谢", "问题已经解决了，谢谢客服小姐姐，服务很好", "OTHER", "LOW", "POSITIVE"),
    Case("delete account", "Please delete my account and all my personal data.", "OTHER", "NORMAL", "NEUTRAL"),
    Case("hmm", "Hello?", "OTHER", "LOW", "NEUTRAL", hard=True),
    Case("great job", "Great job, not disappointed at all with the quick delivery!", "OTHER", "LOW", "POSITIVE", hard=True),
    # ---------------------------------------------------------------- mixed and context-driven
    Case("退货+退款", "退货已经签收三天了，退款怎么还没到？", "REFUND", "NORMAL", "NEGATIVE", hard=True),
    Case("damaged, want return", "The vase arrived cracked. I'd like to return it for a replacement.", "RETURN", "NORMAL", "NEGATIVE", hard=True),
    Case("物流太慢", "物流也太慢了吧，买了一周还在路上，下次不在你家买了", "LOGISTICS", "HIGH", "NEGATIVE", hard=True),
    Case("fridge", "When will the fridge be delivered? Need to plan to be home.", "LOGISTICS", "HIGH", "NEUTRAL", order_value=659_900, hard=True),
    Case("again and again", "我已经第五次联系你们了，退款到底什么时候处理", "REFUND", "URGENT", "NEGATIVE", contacts=4, hard=True),
    Case("not bad", "Not bad at all, the quality is good. Do you also sell the matching pillow cases?", "PRESALE", "LOW", "POSITIVE", hard=True),
    Case("mixed lang", "我的order还没ship，can you check一下？", "ORDER", "NORMAL", "NEUTRAL", hard=True),
    Case("sarcasm", "Wow, two weeks for a refund. Amazing service, really.", "REFUND", "NORMAL", "NEGATIVE", hard=True),
]  # fmt: skip


# Round 2: written after the first lexicon existed. At first sight the lexicon scored
# category 56.7 %, priority 70.0 %, sentiment 70.0 % (all three 36.7 %) on these 30; its
# vocabulary gaps (courier names, device faults, profile data, sizing questions) were then
# filled with general terms, so these now count as seen.
ROUND_2: list[Case] = [
    Case("改收货人", "收货人电话写错了一位数，能改一下吗，订单号尾号3321", "ORDER", "NORMAL", "NEUTRAL"),
    Case("order confirmation", "I never got an order confirmation email, did my order go through?", "ORDER", "NORMAL", "NEUTRAL"),
    Case("合并订单", "我下了两个单，可以合并一起发吗？省点运费", "ORDER", "LOW", "NEUTRAL", hard=True),
    Case("PayPal", "PayPal took the money but your site shows payment pending.", "PAYMENT", "NORMAL", "NEUTRAL"),
    Case("付款方式", "货到付款支持吗？我没有网银", "PRESALE", "LOW", "NEUTRAL", hard=True),
    Case("扣费", "我没买东西怎么信用卡被扣了299？赶紧查一下", "PAYMENT", "HIGH", "NEGATIVE"),
    Case("lost parcel", "The tracking hasn't moved in 10 days, I think the parcel is lost.", "LOGISTICS", "NORMAL", "NEGATIVE"),
    Case("快递放错", "快递放到别人家门口了，现在找不到了", "LOGISTICS", "NORMAL", "NEGATIVE"),
    Case("顺丰", "能不能发顺丰？急用，明天出差要带", "LOGISTICS", "HIGH", "NEUTRAL", hard=True),
    Case("delivery time slot", "Can the courier deliver after 6pm? I'm at work all day.", "LOGISTICS", "NORMAL", "NEUTRAL"),
    Case("退货流程", "请问退货地址是哪里？我要寄回", "RETURN", "NORMAL", "NEUTRAL"),
    Case("too big", "The dress is too big, I want to swap it for a small.", "RETURN", "NORMAL", "NEUTRAL", hard=True),
    Case("退款进度", "申请退款三天了还是审核中，能快点吗", "REFUND", "NORMAL", "NEGATIVE"),
    Case("partial refund", "I only received half of my money back. Where is the rest?", "REFUND", "NORMAL", "NEGATIVE"),
    Case("耳机", "左边耳机没声音，右边正常", "PRODUCT", "NORMAL", "NEUTRAL"),
    Case("screen", "The screen flickers whenever I open the camera app. Is it a defect?", "PRODUCT", "NORMAL", "NEUTRAL"),
    Case("burnt", "充电器插上就发烫，还有一股烧焦的味道，不敢用了", "PRODUCT", "URGENT", "NEGATIVE", hard=True),
    Case("assembly", "Where can I find the assembly instructions for the bookshelf?", "PRODUCT", "NORMAL", "NEUTRAL"),
    Case("投诉快递", "快递员态度很差，还骂人，我要投诉", "COMPLAINT", "URGENT", "NEGATIVE"),
    Case("bad service", "Your customer service is a joke. Nobody answers and nobody cares.", "COMPLAINT", "URGENT", "NEGATIVE", hard=True),
    Case("黑猫", "已经在黑猫投诉上发帖了，你们看着办", "COMPLAINT", "URGENT", "NEGATIVE"),
    Case("dispute", "I'm going to dispute this with my credit card company if I don't hear back today.", "COMPLAINT", "URGENT", "NEGATIVE", hard=True),
    Case("尺码咨询", "平时穿38码，这双鞋偏大还是偏小？", "PRESALE", "LOW", "NEUTRAL"),
    Case("bulk order", "Do you offer a discount if I buy 50 units for my company?", "PRESALE", "LOW", "NEUTRAL"),
    Case("到货通知", "这款什么时候到货？到货了能通知我吗", "PRESALE", "LOW", "NEUTRAL", hard=True),
    Case("改昵称", "怎么修改个人资料里的昵称？", "OTHER", "LOW", "NEUTRAL"),
    Case("praise", "Packed beautifully and arrived fast. Very happy, will buy again!", "OTHER", "LOW", "POSITIVE", hard=True),
    Case("email change", "I can't receive your emails anymore, please update my email address on file.", "OTHER", "NORMAL", "NEUTRAL", hard=True),
    Case("催发货", "付款都三天了怎么还不发货？？", "LOGISTICS", "HIGH", "NEGATIVE", hard=True),
    Case("expensive laptop", "The laptop I bought (9,999) has a dead pixel in the middle of the screen.", "PRODUCT", "HIGH", "NEGATIVE", order_value=999_900),
]  # fmt: skip


# Round 3: written after the round-2 changes. At first sight: category 70.0 %, priority
# 76.7 %, sentiment 63.3 % (all three 43.3 %). Then a contrast rule ("thanks, but ...") and
# general sentiment, safety, fault and app vocabulary were added, so these count as seen.
ROUND_3: list[Case] = [
    Case("地址", "我搬家了，新地址是朝阳区望京西路8号，订单还没发出去吧？", "ORDER", "NORMAL", "NEUTRAL"),
    Case("duplicate order", "Oops, I think I submitted the same order twice. Please cancel one of them.", "ORDER", "NORMAL", "NEUTRAL"),
    Case("订单消失", "我的订单在app里找不到了，明明付过钱的", "ORDER", "NORMAL", "NEGATIVE", hard=True),
    Case("Apple Pay", "Apple Pay was declined three times. My card works everywhere else.", "PAYMENT", "NORMAL", "NEGATIVE"),
    Case("多扣钱", "订单金额是158，支付宝扣了185，是不是搞错了", "PAYMENT", "NORMAL", "NEUTRAL"),
    Case("收据", "Could you resend the receipt for my payment last week? I need it for expenses.", "ORDER", "NORMAL", "NEUTRAL", hard=True),
    Case("卡在海关", "包裹卡在海关一个星期了，需要我提供什么材料吗", "LOGISTICS", "NORMAL", "NEUTRAL"),
    Case("wrong address delivered", "Tracking shows it was delivered to a different city!", "LOGISTICS", "NORMAL", "NEGATIVE"),
    Case("快递丢了", "快递员说包裹丢了，让我找商家，你们怎么处理？", "LOGISTICS", "NORMAL", "NEGATIVE"),
    Case("estimated", "What's the estimated delivery date for order 55821?", "LOGISTICS", "NORMAL", "NEUTRAL"),
    Case("退货申请被拒", "为什么我的退货申请被拒绝了？衣服明明有线头", "RETURN", "NORMAL", "NEGATIVE", hard=True),
    Case("return pickup", "Can you arrange a courier to pick up the return from my home?", "RETURN", "NORMAL", "NEUTRAL", hard=True),
    Case("退款到哪", "退款会退到原支付账户吗？还是余额", "REFUND", "NORMAL", "NEUTRAL"),
    Case("refund denied", "You refused my refund even though the item arrived broken. Terrible.", "REFUND", "HIGH", "NEGATIVE", hard=True),
    Case("电池", "手表电池一天就没电了，正常吗", "PRODUCT", "NORMAL", "NEUTRAL"),
    Case("zipper", "The zipper on the backpack broke after a week.", "PRODUCT", "NORMAL", "NEGATIVE"),
    Case("刺鼻", "床垫味道很刺鼻，孩子闻了头晕", "PRODUCT", "URGENT", "NEGATIVE", hard=True),
    Case("投诉处理慢", "我要投诉！一个退款处理了半个月", "COMPLAINT", "URGENT", "NEGATIVE"),
    Case("review threat", "Fix this or I'm posting about it on every review site.", "COMPLAINT", "URGENT", "NEGATIVE", hard=True),
    Case("市场监管局", "已经向市场监管局举报了，等通知吧", "COMPLAINT", "URGENT", "NEGATIVE"),
    Case("颜色", "这款有黑色的吗？图片上只看到白色", "PRESALE", "LOW", "NEUTRAL"),
    Case("gift wrap", "Do you do gift wrapping if I order today?", "PRESALE", "LOW", "NEUTRAL", hard=True),
    Case("保质期", "请问这个奶粉保质期到什么时候？想多囤几罐", "PRESALE", "LOW", "NEUTRAL"),
    Case("unsubscribe", "Please stop sending me marketing texts.", "OTHER", "NORMAL", "NEUTRAL", hard=True),
    Case("夸", "客服小王特别耐心，必须表扬一下！", "OTHER", "LOW", "POSITIVE"),
    Case("invoice company", "Can you put my company name on the invoice? Order placed yesterday.", "ORDER", "NORMAL", "NEUTRAL"),
    Case("still waiting", "Still waiting for my parcel, 3rd message this week. Getting annoyed now.", "LOGISTICS", "HIGH", "NEGATIVE", contacts=2),
    Case("贵重", "买的金手镯还没到，一万多的东西很担心", "LOGISTICS", "HIGH", "NEGATIVE", order_value=1_280_000, hard=True),
    Case("thanks but", "Thanks for the quick reply, but the replacement is also faulty.", "PRODUCT", "NORMAL", "NEGATIVE", hard=True),
    Case("app crash", "The app crashes every time I try to open my orders page.", "OTHER", "NORMAL", "NEGATIVE", hard=True),
]  # fmt: skip


# Round 4: written after the round-3 changes. At first sight: category 46.7 %, priority
# 60.0 %, sentiment 63.3 % (all three 30.0 %). Then general vocabulary (social-media and
# ombudsman threats, battery swelling, materials and installation questions) was added
# and a negation bug fixed (特别 is not the negator 别), so these count as seen.
ROUND_4: list[Case] = [
    Case("改时间", "能不能晚两天再发货？我下周才在家", "ORDER", "NORMAL", "NEUTRAL", hard=True),
    Case("order missing items", "My order arrived but the charger cable is missing from the box.", "REFUND", "NORMAL", "NEUTRAL", hard=True),
    Case("订单号", "我忘了订单号，怎么查看历史订单", "ORDER", "LOW", "NEUTRAL", hard=True),
    Case("云闪付", "云闪付付款后显示异常，钱扣了订单没变", "PAYMENT", "NORMAL", "NEGATIVE"),
    Case("currency", "Why was I charged in USD when the price showed euros?", "PAYMENT", "NORMAL", "NEUTRAL"),
    Case("分期退款", "分期付款的商品退了，后面几期还要还吗", "REFUND", "NORMAL", "NEUTRAL", hard=True),
    Case("物流信息", "物流信息显示已签收，但是家里人都说没收到", "LOGISTICS", "NORMAL", "NEGATIVE"),
    Case("late", "Parcel was due Monday, it's Thursday. Any news?", "LOGISTICS", "NORMAL", "NEUTRAL"),
    Case("外包装破损", "快递外包装破了，里面的东西还好，跟你们说一声", "LOGISTICS", "LOW", "NEUTRAL", hard=True),
    Case("部分发货", "只收到一个包裹，另一个在哪？", "LOGISTICS", "NORMAL", "NEUTRAL"),
    Case("exchange colour", "Can I exchange the black one for the grey? Unworn, still in the bag.", "RETURN", "NORMAL", "NEUTRAL"),
    Case("退货邮费", "退货的邮费什么时候退给我？", "REFUND", "NORMAL", "NEUTRAL", hard=True),
    Case("退货超时", "过了七天还能退吗？就拆了包装没用过", "RETURN", "NORMAL", "NEUTRAL"),
    Case("refund bank", "The refund shows as completed but my bank has nothing after 10 days.", "REFUND", "NORMAL", "NEGATIVE"),
    Case("不出水", "净水器装好了不出水，师傅也不来", "PRODUCT", "NORMAL", "NEGATIVE"),
    Case("sizing", "The trousers run very small, is that normal for this brand?", "PRODUCT", "NORMAL", "NEUTRAL", hard=True),
    Case("爆了", "充电宝充着充着鼓包了，差点炸了", "PRODUCT", "URGENT", "NEGATIVE"),
    Case("firmware", "Is there a firmware update for the robot vacuum? It keeps getting stuck.", "PRODUCT", "NORMAL", "NEUTRAL"),
    Case("骗人", "页面写的纯棉，收到是化纤的，这不是骗人吗？我要投诉", "COMPLAINT", "URGENT", "NEGATIVE"),
    Case("escalate", "I want to speak to a manager. This is the fourth time I'm explaining the same thing.", "COMPLAINT", "URGENT", "NEGATIVE", contacts=3, hard=True),
    Case("微博", "再不解决我就发微博让大家看看", "COMPLAINT", "URGENT", "NEGATIVE", hard=True),
    Case("ombudsman", "I'll be taking this to the ombudsman.", "COMPLAINT", "URGENT", "NEGATIVE", hard=True),
    Case("材质", "这个包是真皮的吗？怕买到PU的", "PRESALE", "LOW", "NEUTRAL"),
    Case("voucher", "Is there a first-order voucher for new customers?", "PRESALE", "LOW", "NEUTRAL"),
    Case("安装", "买空调包安装吗？需要另外付钱吗", "PRESALE", "LOW", "NEUTRAL", hard=True),
    Case("发票抬头", "发票抬头开错了，能重开吗", "ORDER", "NORMAL", "NEUTRAL"),
    Case("birthday thanks", "Got the birthday coupon, what a nice surprise. Thank you!", "OTHER", "LOW", "POSITIVE"),
    Case("隐私", "为什么我的手机号会被陌生人知道？你们泄露了我的信息", "COMPLAINT", "URGENT", "NEGATIVE", hard=True),
    Case("urgent medicine", "The medicine I ordered is urgent, my mother needs it tomorrow. Has it shipped?", "LOGISTICS", "HIGH", "NEUTRAL"),
    Case("pricey tv", "How do I set up the soundbar with the TV?", "PRODUCT", "HIGH", "NEUTRAL", order_value=1_599_900),
]  # fmt: skip

CASES = CASES + ROUND_2 + ROUND_3 + ROUND_4

# Accuracy on each round the first time the classifier saw it (category, priority,
# sentiment, all three): the honest estimate for messages nobody tuned the lexicon on.
FIRST_SIGHT = {
    "round 2": (56.7, 70.0, 70.0, 36.7),
    "round 3": (70.0, 76.7, 63.3, 43.3),
    "round 4": (46.7, 60.0, 63.3, 30.0),
}
HELD_OUT: list[Case] = []  # a fresh round goes here before anyone tunes on it
CASES = CASES + HELD_OUT
