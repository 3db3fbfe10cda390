"""Hand-written phrase banks the corpus is generated from (ml/triage/README.md).

Each intent is one thing a shopper needs, labelled by the service team's policy (the
README's labelling rules), with many paraphrases per language: one a line, `{p}` a product,
`{n}` a small number, `{o}` an order number, `{c}` a courier, `{m}` an amount. Paraphrases
are split between training and the held-out set by position (generate.py), so a held-out
example never reuses a paraphrase seen in training.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Intent:
    name: str
    category: str
    priority: str
    sentiment: str
    zh: tuple[str, ...]
    en: tuple[str, ...]
    mixed: tuple[str, ...] = ()


def _lines(block: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in block.strip().splitlines() if line.strip())


def I(  # noqa: N802 - reads as a table
    name: str, category: str, priority: str, sentiment: str, zh: str, en: str, mixed: str = ""
) -> Intent:
    return Intent(name, category, priority, sentiment, _lines(zh), _lines(en), _lines(mixed))


INTENTS: list[Intent] = [
    # ================================================================ ORDER
    I(
        "order.change_address",
        "ORDER",
        "NORMAL",
        "NEUTRAL",
        zh="""
        你好，我刚下的单地址填错了，能帮我改一下吗
        地址写错了！！还没发货的话麻烦改成公司地址
        亲，订单{o}收货地址能改不
        下单的时候选错地址了，想改成朝阳区那个
        能不能帮我把收件人电话改一下，号码少打了一位
        我搬家了，订单还没发的话帮我换个地址呗
        改地址
        地址能改吗？
        收货地址填成老家的了，麻烦改到上海
        刚买的{p}，门牌号写错了，帮我改成1502
        订单里的收件人名字打错了，要改
        能帮我修改下配送地址吗，谢谢
    """,
        en="""
        Hi, I put the wrong address on my order, can you change it before it ships?
        need to change the shipping address on order {o} pls
        I moved last week and forgot to update my address, can you fix it on my order?
        wrong apartment number on my order, it should be 4B not 48
        Can I update the delivery address? It hasn't shipped yet
        change address?
        typo in my zip code on the order I just placed
        please ship my {p} to my work address instead
        Is it possible to edit the recipient name on my order?
        I accidentally used my old address at checkout. Help!
        could u change the phone number on my order, its missing a digit
        how do I change the address on an order I already placed
    """,
        mixed="""
        我的order地址填错了，能改吗
        address写错了，还没ship的话帮我改下
        订单{o}的shipping address要改一下
    """,
    ),
    I(
        "order.cancel",
        "ORDER",
        "NORMAL",
        "NEUTRAL",
        zh="""
        帮我取消订单，下错了
        不想要了，订单能取消吗
        刚下单就后悔了，麻烦取消
        订单{o}请帮我取消，谢谢
        拍错了，取消一下
        取消订单怎么操作？找不到按钮
        重复下单了，帮我取消其中一个
        能取消不？还没发货吧
        家里已经买了一个{p}，这单帮我撤了
        不小心下了两单，取消一单
        我要取消订单
        订单先别发，帮我取消掉
    """,
        en="""
        Please cancel my order, I ordered by mistake
        can I still cancel order {o}?
        I placed a duplicate order, please cancel one of them
        Changed my mind, cancel it please
        cancel my order before it ships
        How do I cancel? The button is greyed out
        cancel pls
        I found the {p} cheaper elsewhere, want to cancel
        Ordered the wrong model, can you cancel so I can reorder
        I need to cancel my order asap, it was a mistake
        is it too late to cancel my order from this morning?
        please don't ship it, I want to cancel
    """,
        mixed="""
        帮我cancel一下订单
        订单下错了，cancel掉吧
        I want to 取消订单 please
    """,
    ),
    I(
        "order.modify",
        "ORDER",
        "NORMAL",
        "NEUTRAL",
        zh="""
        订单里的颜色选错了，想改成黑色
        能在订单里再加一个{p}吗，一起发
        尺码拍错了，改成L码可以吗
        两个订单能合并发货吗
        订单数量想从3个改成2个
        还没发货的话能换个颜色不
        下单时忘了用优惠券，能改价吗
        订单备注想加一句：不要放快递柜
        想把普通快递改成顺丰
        规格选错了，帮我换成256G的
    """,
        en="""
        I ordered size M but meant L, can you change it on the order?
        Can I add another {p} to my order so they ship together?
        wrong color on my order, I wanted blue not green
        can you combine my two orders into one shipment
        I want to change the quantity from 3 to 2
        please switch my order to express shipping, I'll pay the difference
        can I swap the item in my order before it ships?
        forgot to add a note: please leave it with the concierge
        I picked the 128GB by mistake, please change to 256GB
        can I upgrade the order to gift wrapping?
    """,
        mixed="""
        订单的size选错了，帮我改成M
        能把order里的颜色改成white吗
    """,
    ),
    # an invoice, a receipt or a tax document is billing, so PAYMENT (README.md, "Labelling policy");
    # it sits here, where it was first written as an order's, so that every paraphrase keeps its place
    I(
        "payment.invoice",
        "PAYMENT",
        "NORMAL",
        "NEUTRAL",
        zh="""
        请问怎么开增值税专用发票？公司报销要
        发票什么时候开好？
        订单{o}需要开发票，抬头是公司名
        发票抬头写错了能重开吗
        电子发票在哪下载
        能开纸质发票吗，寄到公司
        报销要发票，麻烦尽快开一下
        开票信息已经填了，怎么还没收到发票
        发票
        能补开发票吗，上个月买的{p}
    """,
        en="""
        How do I get a VAT invoice for my order?
        I need an invoice with my company name for reimbursement
        Where can I download the receipt for order {o}?
        the invoice has the wrong company name, can you reissue it
        can you send me an itemised receipt
        invoice please
        My accountant needs a proper tax invoice, not just the order confirmation
        can I get a receipt without prices, it's a gift
        I never received the invoice email
        need a copy of my receipt for warranty purposes
    """,
        mixed="""
        需要一个invoice，公司报销用
        发票能发我email吗
    """,
    ),
    I(
        "order.status",
        "ORDER",
        "NORMAL",
        "NEUTRAL",
        zh="""
        订单一直显示待确认，已经两天了，什么情况
        我的订单怎么还在处理中
        下单三天了还没发货，订单状态也不变
        订单显示已取消，我没取消啊
        订单找不到了，是不是没下成功
        订单状态一直是待发货，啥时候发
        我的订单咋没了？
        订单卡在审核中，怎么回事
        订单{o}到底什么状态
        下完单没收到确认短信
    """,
        en="""
        My order has been stuck in processing for {n} days, what's going on?
        I never got an order confirmation email, did my order go through?
        order says pending, is that normal?
        Why was my order cancelled? I didn't cancel it
        I can't find my order in the app anymore
        what's the status of order {o}?
        my order still says awaiting confirmation
        did my order actually get placed? no email no nothing
        order status hasn't changed in a week
        the app shows my order as on hold, why?
    """,
        mixed="""
        订单一直pending，是什么情况
        我的order status一直不变
    """,
    ),
    # ================================================================ PAYMENT
    I(
        "payment.failed",
        "PAYMENT",
        "NORMAL",
        "NEUTRAL",
        zh="""
        付款一直失败，银行卡是好的
        支付不了，一直提示网络错误
        微信支付付不了款怎么办
        花呗付款失败，提示额度不足，可是额度够的
        信用卡支付被拒了
        付款页面一直转圈
        支付宝付不了，显示交易异常
        为啥付不了款？
        结算的时候点支付没反应
        付款失败了但是短信说扣款成功
    """,
        en="""
        My card payment keeps failing at checkout but my bank says there's no problem
        payment declined, tried 3 different cards
        can't pay with PayPal, it just spins
        why does my payment keep failing??
        checkout error every time I try to pay
        Apple Pay isn't working on your site
        I get 'transaction failed' when paying
        my credit card was declined but it works everywhere else
        payment page crashes on my phone
        can't complete payment, help
    """,
        mixed="""
        付款一直failed，卡没问题
        checkout的时候payment一直失败
    """,
    ),
    I(
        "payment.coupon",
        "PAYMENT",
        "NORMAL",
        "NEUTRAL",
        zh="""
        优惠券没抵扣，多付了20块，能补吗
        满减没生效
        结算时优惠券用不了
        领的券显示不可用是为啥
        会员折扣没算进去
        积分抵扣失败了
        优惠码输进去说无效
        红包没用上，能退差价吗
        说好的满300减50，付款的时候没减
        券过期了吗？明明写的到月底
    """,
        en="""
        my coupon code didn't apply at checkout
        discount code says invalid but it's from your email
        I was charged full price, the sale price didn't apply
        promo code not working
        the 20% off wasn't taken off my order
        my member discount is missing from the total
        gift card balance didn't get used
        can I still use my coupon after I already paid?
        the voucher expired early, it said valid until end of month
        where do I enter a discount code
    """,
        mixed="""
        coupon没用上，多付了钱
        我的promo code说invalid
    """,
    ),
    I(
        "payment.methods",
        "PAYMENT",
        "NORMAL",
        "NEUTRAL",
        zh="""
        我昨天银行转账付的款，能确认收到了吗
        可以分期付款吗
        能用对公账户付款吗
        货到付款支持吗
        付款成功了吗？页面没显示
        可以换个支付方式吗，想用支付宝
        境外信用卡能付款吗
        转账的备注写错了，会不会影响到账
        能开通花呗分期吗
        付款后多久确认
    """,
        en="""
        I paid by bank transfer yesterday, can you confirm you received it?
        do you accept installment payments?
        can I pay cash on delivery?
        is my payment confirmed? the page didn't load
        can I change the payment method on my order
        do you take foreign credit cards
        I used the wrong reference on the bank transfer
        how long until the payment shows as confirmed
        do you support Klarna or Afterpay?
        can I split the payment between two cards
    """,
        mixed="""
        我用bank transfer付的，收到了吗
        能用PayPal付款吗
    """,
    ),
    I(
        "payment.price_adjust",
        "PAYMENT",
        "NORMAL",
        "NEUTRAL",
        zh="""
        刚买完就降价了，能补差价吗
        买贵了，第二天便宜了100，价保吗
        同款今天打折了，差价能退吗
        价格保护怎么申请
        买的{p}降价了50，能不能返还差价
    """,
        en="""
        the price dropped the day after I bought it, can I get the difference?
        do you offer price adjustment? it's on sale now
        I paid {m} and now it's {n}0 cheaper, price match?
        how do I claim price protection
        it went on sale right after I ordered, can you refund the difference
    """,
    ),
    I(
        "payment.double_charge",
        "PAYMENT",
        "URGENT",
        "NEGATIVE",
        zh="""
        付款的时候卡了一下，结果被扣了两次钱
        同一个订单扣了两次款，麻烦退一笔
        银行卡显示扣款两次，订单只有一个
        重复扣款了！！
        我付了两次，帮我看看
        多扣了一笔钱，账单上有两笔{m}
        扣了双份的钱，请尽快处理
        支付了两次但只有一个订单
        信用卡被扣了两笔，一模一样的金额
        扣两次钱是什么意思？
    """,
        en="""
        I was charged twice for the same order!!
        double charged, please refund one
        my bank shows two charges of {m} for one order
        you charged me twice
        duplicate payment on my card, please fix
        billed twice for order {o}
        I see two identical transactions on my statement
        paid twice by accident because the page froze, refund one pls
        charged two times for one item wtf
        there's a duplicate charge on my credit card from your store
    """,
        mixed="""
        我被charged twice了，订单只有一个
        double charge了，帮我退一笔
    """,
    ),
    I(
        "payment.missing_money",
        "PAYMENT",
        "URGENT",
        "NEGATIVE",
        zh="""
        钱扣了但是订单没有生成
        付了钱订单却显示未付款
        扣款成功了，可是找不到订单
        微信显示支付成功，订单还是待付款，钱去哪了
        余额少了{m}，我没买东西
        钱扣了，订单失败了，钱不见了
        付了款没有订单，钱也没退回来
        有一笔扣款我不认识，是不是被盗刷了
    """,
        en="""
        money was taken from my account but there's no order
        I was charged but the order says unpaid
        paid {m} and the order never went through, where's my money?
        my money is gone and I have no order
        charged but order not placed, please check
        there's a charge from you I don't recognise, unauthorized payment
        the payment was debited but the app shows payment failed
        I'm going to do a chargeback if this isn't sorted
    """,
        mixed="""
        钱扣了但是no order
        payment成功了但订单显示unpaid
    """,
    ),
    # ================================================================ LOGISTICS
    I(
        "logistics.where",
        "LOGISTICS",
        "NORMAL",
        "NEUTRAL",
        zh="""
        到哪了？
        快递到哪了
        我的包裹什么时候能到
        物流三天没更新了，一直显示在转运中心
        包裹咋还没到
        啥时候发货啊
        单号查不到物流信息
        快递一直在路上，{n}天了
        物流信息卡住不动了
        显示派送中一整天了还没到
        能帮我查下物流吗，订单{o}
        什么时候能送到？在线等
        发货了没
        快递停在一个地方好几天了
        {c}的单号一直显示揽收，没动过
        能不能催一下快递
    """,
        en="""
        where is my order?
        where's my parcel
        tracking hasn't updated in {n} days
        my package has been in transit forever
        when will my order arrive?
        the tracking number doesn't work
        has my order shipped yet?
        it says out for delivery since yesterday
        any update on my delivery?
        tracking stuck at the sorting facility
        order {o} still not here
        {c} says label created but nothing since
        is my package lost?
        when does it ship??
        how long does delivery usually take after shipping? mine's been a week
        can you chase the courier please
    """,
        mixed="""
        我的parcel到哪了
        tracking一直不更新
        快递stuck在转运中心
        when发货啊
    """,
    ),
    I(
        "logistics.not_received",
        "LOGISTICS",
        "NORMAL",
        "NEGATIVE",
        zh="""
        显示已签收，但我根本没收到
        物流说送到了，家里没有啊
        快递说放驿站了，驿站说没有
        包裹显示签收了，不是我签的
        说放门口了，门口啥也没有
        快递员说送了，我一直在家没人敲门
        已签收但是没收到货，咋整
        快递柜里没有我的包裹
    """,
        en="""
        it says delivered but I never got it
        tracking shows delivered, nothing at my door
        marked as delivered but no package anywhere
        the courier says they left it at reception, reception has nothing
        someone else signed for my parcel??
        package says delivered to mailbox, mailbox is empty
        I was home all day and no one came, but it says delivered
        not received even though it says delivered
    """,
        mixed="""
        显示delivered但没收到
        tracking说已签收了但我没拿到package
    """,
    ),
    I(
        "logistics.redirect",
        "LOGISTICS",
        "NORMAL",
        "NEUTRAL",
        zh="""
        快递能改到驿站自提吗
        明天不在家，能改天送吗
        能让快递员送到公司吗
        可以放快递柜吗，白天没人
        能不能帮我联系快递员改派送时间
        包裹能转寄到另一个地址吗
        周末能送吗
        派送的时候能先打个电话吗
    """,
        en="""
        can I pick up the parcel at a pickup point instead?
        I won't be home tomorrow, can delivery be rescheduled?
        can the courier deliver to my office
        please leave it in the parcel locker
        can you redirect my package to another address
        do you deliver on weekends
        can the driver call before delivering
        hold my parcel at the depot please
    """,
    ),
    I(
        "logistics.customs",
        "LOGISTICS",
        "NORMAL",
        "NEUTRAL",
        zh="""
        包裹卡在海关了怎么办
        清关需要我提供什么资料
        海关要交税吗
        国际物流到哪了，显示清关中
        海关扣了我的包裹
    """,
        en="""
        my package is stuck in customs
        do I have to pay import duties?
        customs is asking for documents, what do I do
        shipment held at customs for a week
        how long does customs clearance take
    """,
    ),
    I(
        "logistics.damaged_in_transit",
        "LOGISTICS",
        "NORMAL",
        "NEGATIVE",
        zh="""
        快递盒子都压扁了
        包裹外包装破了，里面东西散了
        快递员态度很差，把包裹扔在地上
        外箱被雨淋湿了
        快递送错了，收到的是别人的包裹
    """,
        en="""
        the box arrived crushed
        courier threw my parcel over the fence
        the package was soaking wet when it arrived
        I received someone else's parcel
        delivery driver was rude and refused to bring it upstairs
    """,
    ),
    # ================================================================ RETURN
    I(
        "return.request",
        "RETURN",
        "NORMAL",
        "NEUTRAL",
        zh="""
        我想退货，怎么操作
        七天无理由可以退吗
        买的{p}不合适，想退
        能退不？
        衣服不喜欢，能退货吗，吊牌还在
        怎么申请退货
        退货流程是啥
        东西没拆封，想退回去
        收到了觉得不需要了，退货
        鞋子穿着磨脚，能退吗
        买多了一个，退一个
        颜色跟图片不太一样，想退
    """,
        en="""
        I'd like to return my order
        how do I return an item?
        can I return this? tags still on
        I want to send the {p} back, it doesn't fit
        return policy?
        can i return it if i opened the box
        not what I expected, want to return it
        need to return a gift I received
        how many days do I have to return?
        Is it free to return?
        the color is off from the photos, I'd like to return it
        bought two by mistake, returning one
    """,
        mixed="""
        想return这个{p}
        这件衣服不合适，can I return it
        退货的return label在哪
    """,
    ),
    I(
        "return.exchange",
        "RETURN",
        "NORMAL",
        "NEUTRAL",
        zh="""
        尺码小了，能换大一码吗
        换货怎么弄
        能换个颜色吗，收到的这个不喜欢
        鞋子偏小，想换43码
        可以换成别的款式吗
        想换一件，这个有点紧
        换货的话运费谁出
        收到的是M，我要L，换一下
    """,
        en="""
        Can I exchange for a bigger size?
        I want to swap the colour
        how do exchanges work?
        too small, need to exchange for a large
        can I exchange it for a different model
        want an exchange not a refund
        the shoes are tight, exchange for 10.5 please
        who pays shipping on exchanges?
    """,
        mixed="""
        想exchange成大一码
        size太小，能换个L吗
    """,
    ),
    I(
        "return.logistics",
        "RETURN",
        "NORMAL",
        "NEUTRAL",
        zh="""
        退货的快递寄出去了，你们收到没
        退货地址是哪里
        退货运费能报销吗
        退货单号填在哪里
        退回去的东西你们签收了吗，一直没消息
        上门取件什么时候来
        退货申请通过了，怎么寄
        退货的包裹被退回来了
    """,
        en="""
        I sent the return back, did you get it?
        where do I send my return?
        can you email me a return label
        who pays for return shipping
        where do I enter the return tracking number
        my return was delivered to you a week ago, any update?
        when will the courier pick up my return
        return approved, how do I ship it
    """,
    ),
    # ================================================================ REFUND
    I(
        "refund.status",
        "REFUND",
        "NORMAL",
        "NEUTRAL",
        zh="""
        退款什么时候到账
        退款到哪了
        申请退款好几天了，怎么还没处理
        退货已经签收了，钱啥时候退
        退款显示成功了但是卡里没收到
        钱什么时候退给我
        退款多久能到
        退款进度怎么查
        退了吗？
        退款一直在审核中
    """,
        en="""
        when will I get my refund?
        where's my refund
        my refund still hasn't arrived
        you received my return, when is the refund coming?
        refund says processed but nothing in my account
        how long do refunds take?
        any news on my refund for order {o}?
        refund status?
        it's been {n} days since you approved the refund
        has my refund been issued yet
    """,
        mixed="""
        refund什么时候到账
        我的退款still not received
        退款status一直是processing
    """,
    ),
    I(
        "refund.request",
        "REFUND",
        "NORMAL",
        "NEUTRAL",
        zh="""
        我要退款，不要货了
        申请仅退款
        东西没发货，直接退款吧
        能退钱吗
        缺了一件，能退那件的钱吗
        少发了一个，退差价
        不想等了，给我退款
        退款申请怎么提交
    """,
        en="""
        I want a refund please
        can I get my money back?
        please refund me, the item never shipped
        refund for the missing item in my order
        how do I request a refund
        I'd rather have a refund than a replacement
        just refund me, I don't want to wait anymore
        refund only, no return needed?
    """,
        mixed="""
        我想要refund
        直接refund给我吧
    """,
    ),
    I(
        "refund.amount",
        "REFUND",
        "NORMAL",
        "NEGATIVE",
        zh="""
        退款金额不对，少退了运费
        只退了一半的钱，为什么
        退款少了{m}
        运费没退
        退款退到哪个账户了，我没看到
    """,
        en="""
        my refund was less than I paid
        you didn't refund the shipping cost
        refund amount is wrong, I'm missing {m}
        only got a partial refund, why?
        which account did the refund go to?
    """,
    ),
    # ================================================================ PRODUCT
    I(
        "product.defect",
        "PRODUCT",
        "NORMAL",
        "NEGATIVE",
        zh="""
        收到的{p}开不了机
        用了两天就坏了
        质量太差了，一洗就掉色
        屏幕有坏点
        有异响，是不是质量问题
        拉链坏了
        充不进去电
        耳机一边没声音
        收到就是坏的
        按键失灵了
        衣服线头很多，还有个洞
        杯子漏水
        刚用一周，{p}就不转了
        屏幕碎了，收到时就这样
        蓝牙连不上
        这质量也太差了吧
    """,
        en="""
        the {p} won't turn on
        stopped working after two days
        arrived broken
        screen has dead pixels
        it makes a weird rattling noise
        the zipper broke the first time I used it
        won't charge
        left earbud has no sound
        the color faded after one wash
        buttons don't respond
        there's a hole in the sweater
        the mug leaks
        bluetooth won't connect
        quality is terrible, it fell apart
        the handle snapped off
        it's defective, what now?
    """,
        mixed="""
        {p}收到就坏了，doesn't work
        耳机的bluetooth连不上
        这个quality太差了
        screen有坏点
    """,
    ),
    I(
        "product.usage",
        "PRODUCT",
        "NORMAL",
        "NEUTRAL",
        zh="""
        这个{p}怎么用啊，说明书看不懂
        怎么连接手机
        第一次用需要充多久的电
        怎么恢复出厂设置
        滤芯多久换一次
        这个能放洗碗机吗
        app绑定不了设备
        怎么调成中文
        有没有视频教程
        配件怎么安装
    """,
        en="""
        how do I set up the {p}?
        the manual is confusing, how do I pair it
        how long to charge before first use
        how do I factory reset it
        how often should I replace the filter
        is it dishwasher safe
        the app won't find the device
        how do I change the language
        is there a video guide?
        how do I attach the accessories
    """,
        mixed="""
        这个怎么setup
        app一直连不上device
    """,
    ),
    I(
        "product.missing_parts",
        "PRODUCT",
        "NORMAL",
        "NEGATIVE",
        zh="""
        少了一个配件
        说明书和充电线都没有
        收到的螺丝少了两颗
        盒子里只有主机，没有遥控器
        赠品没收到
        缺零件装不上
    """,
        en="""
        a part is missing from the box
        no charger in the package
        missing screws, can't assemble it
        the remote wasn't included
        the free gift wasn't in the box
        parts missing
    """,
    ),
    I(
        "product.not_as_described",
        "PRODUCT",
        "NORMAL",
        "NEGATIVE",
        zh="""
        收到的跟图片完全不一样
        尺寸跟描述的不符
        材质不是写的纯棉
        颜色差太多了
        是不是假货？跟专柜的不一样
        功能跟宣传的不一样
    """,
        en="""
        it looks nothing like the photos
        the size is different from the description
        it says 100% cotton but it's clearly polyester
        is this even genuine? looks fake
        the features don't match what was advertised
        colour is completely different from the listing
    """,
    ),
    I(
        "product.warranty",
        "PRODUCT",
        "NORMAL",
        "NEUTRAL",
        zh="""
        保修期内坏了，怎么修
        能保修吗，买了半年
        维修要多久
        寄修的地址是哪里
        过保了还能修吗，收费吗
        售后维修怎么申请
    """,
        en="""
        it broke within warranty, how do I get it repaired
        is this covered by the warranty?
        how long does a repair take
        where do I send it for repair
        can you repair it out of warranty? how much
        how do I start a warranty claim
    """,
    ),
    I(
        "product.safety",
        "PRODUCT",
        "URGENT",
        "NEGATIVE",
        zh="""
        充电宝鼓包了，还特别烫
        充电的时候插头冒烟了，吓死了
        电池鼓起来了，还能用吗
        {p}用着用着突然起火了
        热水壶漏电，手被电了一下
        孩子玩的时候把小零件吞下去了，现在在医院
        婴儿车刹车失灵，差点溜下坡
        吃了你们的零食上吐下泻，是不是食物中毒
        面霜用了脸过敏起疹子
        杯子炸了，划伤了手，流了好多血
        电暖器烧焦了，屋里全是焦味
        充电器烫得不敢碰
        手机充电时电池膨胀，后壳都顶开了
        宝宝床的栏杆松了，孩子夹到手了
        吹风机冒火花
        平衡车自燃了
        孩子吃了发霉的饼干，肚子疼
        锅把手断了，热油烫伤了我
        插座烧黑了
        电动牙刷电池爆了
    """,
        en="""
        the power bank has swollen up and got really hot
        the charger started smoking while plugged in
        battery is bulging, is it safe?
        my {p} caught fire on the kitchen counter
        the kettle gave me an electric shock
        my toddler swallowed a small part from the toy, we're at the hospital
        the stroller brake failed and it rolled down the slope with our baby in it
        we got food poisoning from the snacks
        the face cream gave me an allergic reaction, my face is swollen
        the glass shattered and cut my hand, there was blood everywhere
        the heater melted and there's a burning smell
        the charger gets too hot to touch
        phone battery swelled and pushed the back cover off
        my son pinched his fingers in the crib, the rail came loose
        sparks came out of the hair dryer
        the scooter battery exploded
        my kid got sick after eating your cookies
        the pan handle broke and hot oil burned my arm
        the socket is scorched black
        the toy has a choking hazard, the eye came off and my daughter almost swallowed it
    """,
        mixed="""
        power bank鼓包了，还很hot
        charger冒烟了，太危险了
        宝宝的stroller刹车失灵
    """,
    ),
    # ================================================================ COMPLAINT
    I(
        "complaint.service",
        "COMPLAINT",
        "HIGH",
        "NEGATIVE",
        zh="""
        客服态度太差了，我要投诉
        你们客服一直不回消息，什么服务
        投诉你们的客服，说话很冲
        打了十几个电话都没人接
        客服一直踢皮球，谁都不管
        答应我今天回电话，结果没人打
        在线客服就是机器人，根本解决不了问题
        我要投诉，你们的处理太慢了
        客服挂我电话
        你们的售后太让人失望了
        找了三个客服，三个说法
        投诉！
    """,
        en="""
        your customer service is terrible, I want to file a complaint
        nobody answers the phone, what kind of service is this
        the agent was rude and hung up on me
        I've been passed around between departments for a week
        you promised a callback that never came
        I want to complain about how my issue was handled
        your chat bot is useless and I can't reach a human
        I'd like to make a formal complaint
        the staff member was condescending and unhelpful
        three agents gave me three different answers
        worst customer service I've ever dealt with
        I want to speak to a manager
    """,
        mixed="""
        你们的customer service太差了
        我要complaint，客服态度很差
        agent直接挂我电话
    """,
    ),
    I(
        "complaint.misleading",
        "COMPLAINT",
        "HIGH",
        "NEGATIVE",
        zh="""
        虚假宣传，说好的包邮结果收运费
        活动规则写得不清楚，就是坑人
        说是正品，结果是高仿，太过分了
        直播间说买一送一，根本没送
        先涨价再打折，这不是骗人吗
        页面写次日达，一周了都没到，欺骗消费者
    """,
        en="""
        false advertising, you said free shipping then charged me
        the promotion terms are deliberately misleading
        you sold me a counterfeit and called it genuine
        the livestream promised a free gift, never came
        you raised the price before the sale, that's deceptive
        your site says next-day delivery, it's been a week, that's a lie
    """,
    ),
    I(
        "complaint.threat_legal",
        "COMPLAINT",
        "URGENT",
        "NEGATIVE",
        zh="""
        再不处理我就去12315投诉
        我已经咨询律师了，准备起诉你们
        我要向消协反映
        这件事我会找媒体曝光
        我朋友是记者，等着上新闻吧
        再拖我就去市场监管局举报
        我会走法律途径
        不给解决我就报警
        投诉到工商局去
        准备打官司了
    """,
        en="""
        I'm reporting this to the FTC
        my lawyer will be in touch
        I will take you to small claims court
        I've filed a complaint with the Better Business Bureau
        I'm contacting trading standards about this
        my friend is a journalist and she'd love this story
        I'll go to the consumer protection agency
        if this isn't fixed I'm going to the media
        expect to hear from my attorney
        I'm going to sue
    """,
        mixed="""
        再不解决我就去12315 complain
        I will 找律师 if not solved
        我要report to FTC
    """,
    ),
    I(
        "complaint.threat_review",
        "COMPLAINT",
        "URGENT",
        "NEGATIVE",
        zh="""
        等着差评吧
        不解决就给一星差评
        我要发微博曝光你们
        我会在小红书上写你们有多坑
        再这样我就到处说，让大家都避雷
        我要去黑猫投诉
        给你们打一星
        我会发抖音让大家都知道
    """,
        en="""
        I'm leaving a one-star review
        expect a very negative review
        I'll post about this on Twitter and Reddit
        I'm going to warn everyone on Trustpilot
        this is going on social media
        1 star, and everyone will know why
        I'll tell everyone online to avoid you
        writing a bad review right now
    """,
        mixed="""
        等着one star review吧
        我要发到Twitter上让大家都知道
    """,
    ),
    # ================================================================ PRESALE
    I(
        "presale.size",
        "PRESALE",
        "LOW",
        "NEUTRAL",
        zh="""
        这件衣服偏大还是偏小
        170cm 60kg穿什么码
        鞋子是标准码吗
        尺码表在哪看
        平时穿M，这款选哪个码
        裤长是多少
        宝宝两岁穿多大的
        这个码数准吗
    """,
        en="""
        does this run true to size?
        true to size?
        I'm 5'7 and 140 lbs, which size should I get?
        is there a size chart?
        do these shoes run small?
        what's the inseam on the medium
        which size for a 2 year old
        I'm usually a medium, should I size up?
    """,
        mixed="""
        这件是true to size吗
        我平时穿M，这个要size up吗
    """,
    ),
    I(
        "presale.stock",
        "PRESALE",
        "LOW",
        "NEUTRAL",
        zh="""
        这款还有货吗
        什么时候补货
        黑色的还会上吗
        能预定吗
        有现货吗？今天下单今天发吗
        断码了还会再有吗
        {p}还有库存吗
    """,
        en="""
        is this in stock?
        when will you restock the black one?
        can I preorder?
        do you have it in size 9?
        will the blue colour come back?
        is the {p} available now?
        if I order today does it ship today?
    """,
        mixed="""
        这个还有stock吗
        什么时候restock
    """,
    ),
    I(
        "presale.specs",
        "PRESALE",
        "LOW",
        "NEUTRAL",
        zh="""
        这个{p}和上一代有什么区别
        防水吗
        能不能用在苹果手机上
        是什么材质的
        有保修吗，保几年
        电池能用多久
        适合送人吗，有礼盒包装吗
        是正品吗
        支持110V电压吗
        能寄到国外吗，运费多少
        大概几天能到北京
        这两款哪个好
        有没有优惠活动
        双十一会便宜吗
    """,
        en="""
        what's the difference between this and the older model?
        is it waterproof?
        is it compatible with iPhone?
        what material is it made of?
        does it come with a warranty?
        how long does the battery last
        do you offer gift wrapping?
        is it authentic?
        will it work on 220V?
        do you ship to Canada? how much
        how long does shipping take to London
        which one would you recommend for a beginner?
        any discounts coming up?
        will this go on sale for Black Friday?
    """,
        mixed="""
        这个{p}是waterproof的吗
        能ship到Canada吗
        这款compatible with iPhone吗
    """,
    ),
    # ================================================================ OTHER
    I(
        "other.thanks",
        "OTHER",
        "LOW",
        "POSITIVE",
        zh="""
        谢谢你们，东西很好
        客服小姐姐很耐心，点赞
        收到了，很满意，谢谢
        东西超好用，会回购的
        物流很快，包装也很好，五星
        问题解决了，谢谢客服
        给你们点个赞
        太喜欢了，yyds
        质量很好，下次还来
        服务很棒，感谢
    """,
        en="""
        thank you so much, love it!
        the agent was really helpful, thanks
        got it, very happy with it
        great product, will buy again
        fast shipping and great packaging, 5 stars
        issue resolved, thanks for your help
        just wanted to say thanks
        absolutely love it
        amazing quality, thank you
        best customer service ever, thanks
    """,
        mixed="""
        谢谢，超级love it
        服务很nice，thanks
    """,
    ),
    I(
        "other.feedback",
        "OTHER",
        "LOW",
        "NEUTRAL",
        zh="""
        建议app加个夜间模式
        希望以后能支持更多颜色
        包装可以再环保一点
        网站有个错别字
        建议增加按价格排序
        希望客服上班时间能长一点
    """,
        en="""
        suggestion: add a dark mode to the app
        would love more colour options in the future
        packaging could be more eco-friendly
        small typo on your homepage
        you should add a filter by price
        it would be nice if support was open on weekends
    """,
    ),
    I(
        "other.account",
        "OTHER",
        "NORMAL",
        "NEUTRAL",
        zh="""
        登录不了，验证码收不到
        怎么改绑手机号
        账号被锁了
        忘记密码了怎么找回
        想注销账号
        怎么删除我的个人信息
        会员积分怎么查
        不想收推销短信了
        怎么修改昵称
        换手机了，账号登不上
    """,
        en="""
        I can't log in, no verification code
        how do I change the phone number on my account
        my account is locked
        forgot my password
        please delete my account
        how do I delete my personal data
        where can I see my points
        stop sending me marketing texts
        how do I change my username
        can't log in on my new phone
    """,
        mixed="""
        login不了，收不到验证码
        想delete我的account
    """,
    ),
    I(
        "other.misc",
        "OTHER",
        "LOW",
        "NEUTRAL",
        zh="""
        你们有实体店吗
        想合作，找谁谈
        你们上班时间是几点
        在吗
        你好
        能开发票给个人吗
        有没有招聘
        测试
    """,
        en="""
        do you have a physical store?
        who do I talk to about a partnership?
        what are your opening hours
        hello?
        hi
        are you hiring?
        test
        is anyone there
    """,
    ),
]

# ---------------------------------------------------------------- slots
SLOTS: dict[str, dict[str, tuple[str, ...]]] = {
    "zh": {
        "p": (
            "耳机",
            "充电宝",
            "电饭煲",
            "连衣裙",
            "运动鞋",
            "扫地机器人",
            "保温杯",
            "台灯",
            "吹风机",
            "手表",
            "空气炸锅",
            "羽绒服",
            "平板",
            "剃须刀",
            "加湿器",
            "儿童座椅",
            "电动牙刷",
            "咖啡机",
        ),
        "n": ("2", "3", "5", "7", "10", "两", "三", "五"),
        "o": ("ord_01J8X2", "2026112300871", "订单号3827716", "ord_01JB7Q", "尾号4421的订单"),
        "c": ("顺丰", "中通", "圆通", "京东快递", "韵达", "EMS"),
        "m": ("199元", "89块", "1299", "59.9", "两百多", "3千"),
    },
    "en": {
        "p": (
            "headphones",
            "power bank",
            "rice cooker",
            "dress",
            "sneakers",
            "robot vacuum",
            "water bottle",
            "desk lamp",
            "hair dryer",
            "watch",
            "air fryer",
            "down jacket",
            "tablet",
            "shaver",
            "humidifier",
            "car seat",
            "electric toothbrush",
            "coffee machine",
        ),
        "n": ("2", "3", "5", "7", "10", "two", "three", "five"),
        "o": ("#ORD-01J8X2", "order 2026112300871", "ord_01JB7Q", "#44821", "the one from last Tuesday"),
        "c": ("UPS", "FedEx", "DHL", "USPS", "Royal Mail", "Canada Post"),
        "m": ("$49.99", "$120", "£35", "$1,299", "€89", "$15"),
    },
}

# ---------------------------------------------------------------- subjects
SUBJECTS: dict[str, dict[str, tuple[str, ...]]] = {
    "zh": {
        "ORDER": ("订单问题", "修改订单", "订单", "关于订单", "急！订单"),
        "PAYMENT": ("付款问题", "支付", "扣款", "优惠券", "付款"),
        "LOGISTICS": ("物流", "快递", "发货", "包裹", "物流查询"),
        "RETURN": ("退货", "换货", "退换货", "售后", "退货申请"),
        "REFUND": ("退款", "退款进度", "钱", "退款问题", "售后"),
        "PRODUCT": ("质量问题", "商品问题", "坏了", "使用问题", "售后"),
        "COMPLAINT": ("投诉", "意见", "不满", "投诉客服", "服务"),
        "PRESALE": ("咨询", "售前咨询", "问一下", "尺码", "请问"),
        "OTHER": ("其他", "你好", "建议", "账号", "反馈"),
        "*": ("", "", "", "求助", "你好", "客服", "问题", "在线等", "急急急"),
    },
    "en": {
        "ORDER": ("Order question", "Change my order", "Order", "re: my order", "Order issue"),
        "PAYMENT": ("Payment issue", "Billing", "Payment", "Coupon", "Charge"),
        "LOGISTICS": ("Delivery", "Shipping", "Where is my order", "Tracking", "Parcel"),
        "RETURN": ("Return", "Exchange", "Return request", "Returns", "After-sales"),
        "REFUND": ("Refund", "Refund status", "Money back", "Refund?", "After-sales"),
        "PRODUCT": ("Defective item", "Product issue", "Broken", "Help with my item", "Warranty"),
        "COMPLAINT": ("Complaint", "Formal complaint", "Unhappy", "Service", "Feedback"),
        "PRESALE": ("Question", "Before I buy", "Product question", "Sizing", "Quick question"),
        "OTHER": ("Hello", "Account", "Suggestion", "Other", "Feedback"),
        "*": ("", "", "", "Help", "Hi", "Question", "Support", "urgent", "(no subject)"),
    },
}

# Where the message came from, as a subject line or a prefix: metadata, never the content.
PLATFORMS: dict[str, tuple[str, ...]] = {
    "zh": (
        "微博私信",
        "抖音私信",
        "小红书私信",
        "来自微信公众号",
        "淘宝旺旺转接",
        "抖音直播间留言",
        "微博评论转工单",
        "快手私信",
        "京东咚咚转接",
        "B站私信",
    ),
    "en": (
        "Instagram DM",
        "Facebook message",
        "via Twitter",
        "TikTok comment",
        "WhatsApp chat",
        "from Messenger",
        "Reddit DM",
        "YouTube comment",
        "via Trustpilot inbox",
        "Google Business message",
    ),
}
CHANNELS = ("app", "web", "email", "phone", "social", "sms", "live-stream")

# ---------------------------------------------------------------- modifiers
GREETINGS = {
    "zh": (
        "你好，",
        "您好，",
        "亲，",
        "在吗？",
        "客服你好，",
        "亲亲，",
        "哈喽，",
        "打扰一下，",
        "客服在吗，",
        "hello，",
        "你好呀，",
        "麻烦问下，",
    ),
    "en": (
        "Hi, ",
        "Hello, ",
        "Hey, ",
        "Hi there, ",
        "Good morning, ",
        "To whom it may concern, ",
        "Hey guys, ",
        "Dear support, ",
        "yo ",
        "Hiya, ",
        "Greetings, ",
        "Excuse me, ",
    ),
}
CLOSINGS = {
    "zh": (
        "谢谢",
        "麻烦了",
        "谢谢啦",
        "辛苦了",
        "🙏",
        "在线等",
        "尽快回复",
        "谢谢！",
        "拜托了",
        "感谢",
        "哈",
        "～",
    ),
    "en": (
        "Thanks",
        "thx",
        "Thank you",
        "Cheers",
        "Regards, Sam",
        "ty",
        "🙏",
        "Thanks in advance",
        "pls help",
        "- Anna",
        "Best, Mike",
        "thanks!!",
    ),
}
# A story before the point: long, rambling messages.
PREAMBLES = {
    "zh": (
        "上个月给我妈买了个东西当生日礼物，她一直很喜欢你们家，",
        "我是你们的老顾客了，买了好多年，一直挺信任的，",
        "事情是这样的，前几天我在直播间看到你们在做活动，就下单了，",
        "我平时工作很忙，没空一直盯着，今天终于抽出时间来问一下，",
        "说来话长，我本来是想送朋友的，结果出了点状况，",
        "我昨天晚上翻来覆去想了很久，还是决定来问问，",
        "本来不想麻烦你们的，但是实在没办法了，",
        "我家里老人不太会用手机，我帮他们问一下，",
    ),
    "en": (
        "So I ordered this for my husband's birthday last month and he was really looking forward to it, ",
        "I've been a loyal customer for years and I've always trusted your brand, ",
        "Long story short, I saw your livestream sale and ordered on impulse, ",
        "I'm writing this on my lunch break because I haven't had time all week, ",
        "Okay so this is a bit of a long one, I bought this as a gift for a friend, ",
        "I didn't want to bother you but I've run out of options, ",
        "My mum doesn't use email so I'm writing on her behalf, ",
        "I thought about this all night and decided to reach out, ",
    ),
}
# Raise to HIGH and make NEGATIVE: clear anger.
ANGER = {
    "zh": (
        "太过分了！",
        "气死我了",
        "你们怎么回事？？",
        "真的无语了",
        "搞什么啊",
        "受够了",
        "什么破服务",
        "离谱！",
        "忍无可忍了",
        "真的会谢",
        "火大",
        "坑人啊",
    ),
    "en": (
        "This is ridiculous!!!",
        "absolutely unacceptable",
        "I'm furious",
        "wtf is going on",
        "I'm fed up",
        "this is a joke",
        "what the hell",
        "beyond frustrated right now",
        "so annoyed",
        "pathetic",
        "I've had enough",
        "this is outrageous",
    ),
}
# Raise to HIGH: the customer says this is not their first contact about it.
REPEAT = {
    "zh": (
        "这是我第二次联系你们了",
        "上次客服说会处理，到现在还是没解决",
        "已经问过好几次了",
        "我都催了三次了",
        "之前联系过，一直没人回",
        "第三次问了",
        "说了好几遍了",
        "上次你们说两天内回复，结果没人管",
    ),
    "en": (
        "This is the second time I'm contacting you about this.",
        "I already emailed you about this last week.",
        "still not resolved after my last message",
        "I've asked three times now",
        "nobody has replied to my previous emails",
        "third time writing about this",
        "as I said before",
        "you promised to call back",
    ),
}
# Raise to HIGH: time pressure.
HURRY = {
    "zh": ("急！", "急急急", "很急，麻烦快点", "明天要用", "在线等，挺急的", "加急处理一下"),
    "en": (
        "URGENT",
        "need this sorted asap",
        "I need it by Friday for a wedding",
        "please hurry",
        "time sensitive!",
        "it's urgent",
    ),
}
# Make it a COMPLAINT, URGENT, NEGATIVE: a threat appended to any problem.
THREATS = {
    "zh": (
        "再不解决我就去12315投诉",
        "不处理我就找律师",
        "我会向消协投诉",
        "等着差评吧",
        "我要发微博曝光",
        "我会找记者",
        "再拖我就去市场监管局",
        "我会给一星",
        "准备起诉了",
        "我要去黑猫投诉",
    ),
    "en": (
        "If this isn't fixed I'm reporting you to the FTC.",
        "My lawyer will hear about this.",
        "I'll leave a one-star review.",
        "I'm going to the BBB.",
        "I'll post this all over Twitter.",
        "I know a journalist who would love this.",
        "I will contact trading standards.",
        "Expect a very bad review.",
        "I'm considering legal action.",
        "I'll report you to consumer protection.",
    ),
}
EMOJI = {
    "NEGATIVE": ("😡", "😤", "💢", "😠", "🙄", "😭", "👎"),
    "POSITIVE": ("😊", "👍", "❤️", "🥰", "🎉", "✨", "💯"),
    "NEUTRAL": ("🙏", "🤔", "😅", "🙂", "📦", "❓", ""),
}

# ---------------------------------------------------------------- a second round of paraphrases
# Written after the first evaluation (README.md, "History"): more voices per intent, mostly
# English, which had had fewer distinct words per intent than Chinese.
MORE: dict[str, tuple[str, str]] = {
    "order.change_address": (
        """
        收件地址要改，小区名写错了
        我填的地址不完整，少了楼号
        """,
        """
        I need to fix the street name on my order, it's misspelled
        can you update my order to ship to my parents' house instead?
        shipping address is incomplete, missing the unit number
        just realised the order is going to my old flat, can it be changed?
        """,
    ),
    "order.cancel": (
        """
        这单不要了，帮我退掉
        我想撤销刚才的订单
        """,
        """
        please void my order, I no longer need it
        I'd like to cancel the purchase I made this morning
        can you stop my order from being processed
        no longer want this, cancel order please
        """,
    ),
    "order.modify": (
        """
        想在订单里换个型号
        """,
        """
        can I change the item in my order to the bigger version?
        please update my order to two units instead of one
        I'd like to amend my order before it's packed
        can you merge these two orders so I pay shipping once
        """,
    ),
    "payment.invoice": (
        """
        帮我开个电子发票
        """,
        """
        could you send a receipt with my business details on it
        I need a tax receipt for my expense report
        please resend the order invoice as a PDF
        """,
    ),
    "order.status": (
        """
        订单为什么一直没动静
        """,
        """
        is my order confirmed? it still says processing
        I placed an order two days ago and nothing has happened
        why is my order on hold?
        just checking my order actually went through
        """,
    ),
    "payment.failed": (
        """
        付款老是不成功
        """,
        """
        my payment won't go through no matter what card I use
        the site keeps rejecting my Visa
        I keep getting an error when I try to pay for my order
        PayPal checkout is broken for me
        transaction declined again, is your payment system down?
        """,
    ),
    "payment.coupon": (
        """
        折扣没算进去，多付了钱
        """,
        """
        I entered the voucher but the total didn't change
        the discount wasn't applied and I paid too much
        your promo code isn't being accepted at checkout
        my gift card didn't take anything off the price
        """,
    ),
    "payment.methods": (
        """
        能用数字人民币付款吗
        """,
        """
        which payment methods do you take?
        can I pay with a debit card?
        is it possible to pay in instalments?
        did my bank transfer arrive? I sent it Monday
        I'd like to pay by invoice, is that an option
        can I use Google Pay at checkout
        """,
    ),
    "payment.price_adjust": (
        """
        买了没两天就降价了，能不能退点差价
        """,
        """
        the item is cheaper now than when I bought it last week, can you adjust the price?
        I saw it on sale today for less, do you refund the price difference?
        """,
    ),
    "payment.double_charge": (
        """
        卡上被扣了两次，同一个订单
        """,
        """
        I see the same charge twice on my card for one order
        you took payment twice for one order
        two payments went out for the same purchase
        """,
    ),
    "payment.missing_money": (
        """
        扣了钱但是订单显示支付失败
        """,
        """
        my card was charged but the app says payment failed and no order exists
        the money left my account but you have no record of my order
        """,
    ),
    "logistics.where": (
        """
        物流好久没动了
        包裹是不是丢了
        """,
        """
        my parcel hasn't moved for a week
        any idea when my package will show up?
        tracking says in transit since Monday, where is it actually?
        can you check where my delivery is
        it was supposed to arrive yesterday
        still waiting on my package, can you look into it
        """,
    ),
    "logistics.not_received": (
        """
        物流显示送达了，但我没拿到
        """,
        """
        the driver marked it delivered but it's not here
        delivery confirmation says left at door, nothing there
        my parcel shows as delivered to a neighbour I don't know
        """,
    ),
    "logistics.redirect": (
        """
        能晚两天再送吗
        """,
        """
        can you ask the courier to deliver after 5pm?
        I'd like to collect the parcel from the post office instead
        please change the delivery date, I'm travelling
        """,
    ),
    "logistics.customs": (
        """
        清关一直没过
        """,
        """
        there's a customs fee on my parcel, do I have to pay it?
        my order is held by customs, what do you need from me
        """,
    ),
    "logistics.damaged_in_transit": (
        """
        快递把包裹摔坏了
        """,
        """
        the parcel was torn open when it arrived
        the courier left my package in the rain and it's ruined
        """,
    ),
    "return.request": (
        """
        这个不想要了，怎么退
        """,
        """
        how can I send this back for a return
        I'd like to return the shoes, they're uncomfortable
        can I return an item bought on sale?
        I want to start a return for my order
        not happy with the fit, I'll return it
        """,
    ),
    "return.exchange": (
        """
        能不能换一个别的颜色
        """,
        """
        I'd like to exchange this for a medium
        can I trade it in for a different colour?
        please exchange my jacket for the next size up
        can I get a different size instead of a refund
        """,
    ),
    "return.logistics": (
        """
        退货寄回去了，你们签收了吗
        """,
        """
        I mailed my return last week, has it arrived?
        what address should I ship the return to
        I lost my return label, can you send another one
        the return courier never came to collect
        """,
    ),
    "refund.status": (
        """
        钱还没退回来
        """,
        """
        I'm still waiting for my money to come back
        when can I expect the refund on my card?
        you said the refund was approved but I haven't seen it
        how long until my refund hits my bank
        """,
    ),
    "refund.request": (
        """
        麻烦直接退钱给我
        """,
        """
        I would like my money returned please
        can you refund the item that never arrived
        please issue a refund for order {o}
        """,
    ),
    "refund.amount": (
        """
        退的钱比我付的少
        """,
        """
        I got back less than I paid
        the refund didn't include the shipping I paid for
        """,
    ),
    "product.defect": (
        """
        用了没几次就坏了
        东西有质量问题
        """,
        """
        the product is faulty
        it broke after a week of normal use
        the {p} keeps switching off by itself
        one of the buttons is stuck
        the seams are coming apart already
        the screen flickers constantly
        it doesn't work properly
        the strap snapped on day one
        """,
    ),
    "product.usage": (
        """
        这个功能怎么打开
        """,
        """
        how do I use this thing?
        can you explain how to connect it to wifi
        what's the right way to clean it
        how do I turn on the night mode
        can't figure out how to set the timer
        where's the user guide for the {p}
        how do I update the firmware
        """,
    ),
    "product.missing_parts": (
        """
        包装里少了东西
        """,
        """
        the box was missing the power cable
        some pieces are missing from my set
        the accessories listed aren't in the package
        """,
    ),
    "product.not_as_described": (
        """
        实物和描述差很多
        """,
        """
        the item is smaller than the listing said
        this isn't what was shown on the product page
        it's a cheap copy, not the brand advertised
        """,
    ),
    "product.warranty": (
        """
        坏了能免费修吗
        """,
        """
        is the repair free under warranty?
        how do I get this fixed, it's only six months old
        what does the warranty cover
        can I book a repair for my {p}
        """,
    ),
    "product.safety": (
        """
        电池发烫冒烟了
        孩子被玩具的尖角划伤了
        """,
        """
        the battery started smoking in my bag
        the toy's sharp edge cut my son's hand
        the charger overheated and melted the plug
        my daughter had an allergic reaction to the bracelet
        """,
    ),
    "complaint.service": (
        """
        你们客服太不专业了
        我对你们的服务很不满意
        """,
        """
        I am very unhappy with the service I received
        your staff were unprofessional and dismissive
        nobody from your team bothers to reply
        I've been on hold for an hour, this is terrible service
        the support agent lied to me
        I want to escalate my complaint to a supervisor
        """,
    ),
    "complaint.misleading": (
        """
        页面写的和实际根本不一样，误导消费者
        """,
        """
        your ad is misleading, the deal doesn't exist
        the listing lied about what's included
        """,
    ),
    "complaint.threat_legal": (
        """
        我要去消费者协会投诉你们
        """,
        """
        I'll be filing a complaint with consumer affairs
        this is going to my solicitor
        """,
    ),
    "complaint.threat_review": (
        """
        我要给你们写差评
        """,
        """
        I'll be writing an honest review about this experience
        everyone on Reddit will hear about this
        """,
    ),
    "presale.size": (
        """
        我腰围二尺二穿多大
        """,
        """
        what size would you suggest for a 34 inch waist?
        do the jeans fit true to size or should I go up
        how does the sizing compare to Nike?
        """,
    ),
    "presale.stock": (
        """
        这个颜色什么时候到货
        """,
        """
        will the sold out size be back in stock soon?
        do you have this in red?
        when is the next restock?
        is the large available?
        """,
    ),
    "presale.specs": (
        """
        这个耗电大吗
        保修几年
        """,
        """
        how heavy is it?
        what are the dimensions?
        is it suitable for kids?
        does it come in other colours?
        is this the latest version?
        are there any promotions right now?
        do you ship internationally?
        thinking of buying this, is it good for travel?
        """,
    ),
    "other.thanks": (
        """
        非常感谢你们的帮助
        东西收到了，好评
        """,
        """
        thanks a lot for sorting this out so quickly
        really pleased with my purchase
        the team was so kind, thank you
        just wanted to say you guys are great
        received it today and it's perfect
        """,
    ),
    "other.feedback": (
        """
        app有时候有点卡，希望优化一下
        """,
        """
        just some feedback: the app is a bit slow
        it would help to have live chat on weekends
        I think your website checkout could be simpler
        """,
    ),
    "other.account": (
        """
        我的账号被盗了吗，登不上去
        """,
        """
        I can't sign in to my account
        how do I reset my password
        please update the email on my account
        remove me from your mailing list
        how do I check my membership points
        """,
    ),
    "other.misc": (
        """
        有人吗
        你们公司在哪
        """,
        """
        anyone here?
        where is your company based
        do you have a store in New York
        can I visit your warehouse
        """,
    ),
}

# A third round: more English voices (formal, terse, slang, non-native), and more Chinese slang.
MORE_2: dict[str, tuple[str, str]] = {
    "order.change_address": (
        """
        地址搞错了，麻烦帮忙改下
        收货电话写错了一位数
        """,
        """
        pls update delivery address to 22 Baker St before dispatch
        I gave the wrong postcode when ordering
        kindly amend the shipping details on my purchase
        my order has my ex's address on it lol, need to change that
        can the delivery address be corrected? I'm moving house
        """,
    ),
    "order.cancel": (
        """
        订单撤回，谢谢
        不买了，取消吧
        """,
        """
        kindly cancel my purchase
        please cancel, bought it by accident
        I don't want this order anymore
        cancel the order I made yesterday, thanks
        need to cancel, found a better deal
        """,
    ),
    "order.modify": (
        """
        订单能改颜色吗
        """,
        """
        I'd like to change the colour on my order
        can I switch the model I ordered
        is it possible to edit my order
        please add express delivery to my existing order
        swap the item on my order for the grey one
        """,
    ),
    "payment.invoice": (
        """
        发票抬头要改成公司
        """,
        """
        can you issue an invoice to my company
        I need a receipt for this purchase
        please email me the invoice
        where is my order receipt?
        need a VAT receipt for my records
        """,
    ),
    "order.status": (
        """
        订单是不是没下单成功
        """,
        """
        did my order go through? I got no confirmation
        why does my order still say pending
        my order seems stuck, can you check
        order status has been processing for ages
        is my order being processed?
        """,
    ),
    "payment.failed": (
        """
        支付总失败，咋回事
        """,
        """
        payment not going through
        I can't pay, the card keeps getting rejected
        your checkout won't accept my payment
        error at payment step every time
        my payment failed but I have funds
        """,
    ),
    "payment.coupon": (
        """
        券用不上
        """,
        """
        my discount code doesn't work
        the coupon isn't applying to my cart
        the sale price wasn't applied when I paid
        promo didn't work at checkout
        voucher rejected at checkout
        """,
    ),
    "payment.methods": (
        """
        支持哪些付款方式
        """,
        """
        what payment options do you have
        can I pay by bank transfer instead
        do you accept American Express
        can I pay later?
        is cash payment possible
        how do I pay with my gift card
        """,
    ),
    "payment.price_adjust": (
        "",
        """
        price went down after I paid, can I get the difference back?
        you lowered the price right after my purchase, can you match it
        """,
    ),
    "payment.double_charge": (
        "",
        """
        two charges on my card for a single order
        I got billed twice
        my account was charged twice for the same thing
        """,
    ),
    "payment.missing_money": (
        "",
        """
        you took my money but I have no order
        payment taken but nothing in my order history
        """,
    ),
    "logistics.where": (
        """
        快递啥时候到啊
        物流咋不动了
        """,
        """
        where is my stuff
        my order hasn't arrived yet
        when is my delivery coming
        still no sign of my parcel
        the package is late
        can I get an update on my shipment
        it's been over a week and no delivery
        has my parcel been dispatched?
        """,
    ),
    "logistics.not_received": (
        "",
        """
        package marked delivered but I don't have it
        the app says delivered but nothing arrived
        courier claims delivery, I never got anything
        """,
    ),
    "logistics.redirect": (
        "",
        """
        can I change the delivery day
        please deliver to my neighbour if I'm out
        I need the parcel delivered to a different address
        """,
    ),
    "logistics.customs": (
        "",
        """
        customs is holding my package
        why is my parcel held at the border
        """,
    ),
    "logistics.damaged_in_transit": (
        "",
        """
        the box was damaged in shipping
        the courier dropped my parcel and it's dented
        """,
    ),
    "return.request": (
        """
        不喜欢，申请退货
        能退货么
        """,
        """
        I want to return this
        how do I send it back
        please start a return for me
        can I get a return label
        I'd like to send this item back
        is this item returnable?
        """,
    ),
    "return.exchange": (
        """
        想换个尺码
        """,
        """
        can I swap it for another size
        I'd like to exchange the colour
        exchange please, wrong size
        do you do exchanges?
        want to change it for a smaller one
        """,
    ),
    "return.logistics": (
        "",
        """
        did you receive my returned item
        where do I drop off my return
        my return parcel came back to me
        """,
    ),
    "refund.status": (
        """
        退款到账了吗
        钱退了没
        """,
        """
        still no refund
        when do I get my money back
        refund not received yet
        is my refund on the way
        haven't got my refund
        I was promised a refund, where is it
        """,
    ),
    "refund.request": (
        "",
        """
        I want my money back
        please process a refund
        requesting a refund for my order
        give me a refund please
        """,
    ),
    "refund.amount": (
        "",
        """
        refund was short by {m}
        the refund was the wrong amount
        """,
    ),
    "product.defect": (
        """
        东西坏了
        用不了了
        """,
        """
        it's broken
        the item doesn't work
        my {p} is faulty
        it stopped working
        defective item received
        it's not working right
        it broke
        damaged item, doesn't work
        """,
    ),
    "product.usage": (
        """
        这个咋用
        """,
        """
        how does this work
        I need help setting it up
        how do I get it to connect
        how do I use the {p}
        can't get it to work, how do I set it up
        what do the lights mean
        """,
    ),
    "product.missing_parts": (
        "",
        """
        something is missing from my order box
        incomplete set, missing parts
        """,
    ),
    "product.not_as_described": (
        "",
        """
        not as described
        the item is different from the picture
        doesn't match the description at all
        """,
    ),
    "product.warranty": (
        "",
        """
        can I claim warranty
        need a repair
        is it under warranty still
        """,
    ),
    "product.safety": (
        "",
        """
        the charger caught fire
        my child got hurt by the toy
        the battery is swollen
        """,
    ),
    "complaint.service": (
        """
        服务太差
        客服不理人
        """,
        """
        terrible service
        your support team is useless
        I'm unhappy with how I was treated
        no one helps me, awful service
        I want to complain about your staff
        bad experience with customer service
        """,
    ),
    "complaint.misleading": (
        "",
        """
        misleading product page
        the deal was fake
        """,
    ),
    "complaint.threat_legal": (
        "",
        """
        I'm taking legal action
        I will report you to the regulator
        """,
    ),
    "complaint.threat_review": (
        "",
        """
        I'm going to leave a bad review
        giving you one star
        """,
    ),
    "presale.size": (
        """
        这款尺码偏不偏
        """,
        """
        what size should I order
        does it fit big or small
        which size is right for me
        is a small too tight?
        """,
    ),
    "presale.stock": (
        """
        还能买到吗
        """,
        """
        do you still sell this
        is it available in blue
        will you get more stock
        is this sold out
        """,
    ),
    "presale.specs": (
        """
        这个质量怎么样
        """,
        """
        is this good quality
        what's the warranty on this
        is it worth buying
        does it come with batteries
        what's included in the box
        how big is it
        """,
    ),
    "other.thanks": (
        """
        谢谢，很满意
        好评！
        """,
        """
        thank you!
        thanks so much
        great job, thanks
        love my new {p}, thank you
        you guys rock
        """,
    ),
    "other.feedback": (
        "",
        """
        feedback for your team: make the app faster
        idea: add more payment options
        please consider a loyalty program
        """,
    ),
    "other.account": (
        """
        账号登不上了
        """,
        """
        I can't access my account
        help with my login
        I want to close my account
        update my email address please
        reset my account password
        """,
    ),
    "other.misc": (
        "",
        """
        hello
        hey
        anyone?
        what time do you open
        """,
    ),
}


# A third round (issue 15, second pass), written because English stayed below its target
# while Chinese met it: more paraphrases for every intent, mostly English, in voices the
# first rounds had few of (British and Indian English, second-language English, Gen Z,
# busy parents, rambling stories, plain businesslike requests) and with the everyday nouns
# of each need (a delivery option on an order, a way to pay, a product that does not work
# as a presale question would ask). Elderly customers and thumb-typed messages full of
# typos were deliberately left out: they are the voice of the third held-out set.
MORE_3: dict[str, tuple[str, str]] = {
    "order.change_address": (
        """
        收件地址要换成我爸妈家，订单还没发吧
        麻烦把订单上的小区名改一下，写成隔壁小区了
        """,
        """
        hiya, could you swap the delivery address on my order to my mum's house
        kindly update the shipping address for order {o}, the pin code is wrong
        I need my parcel to go to my office, not home. can you edit the order?
        ordered to my old flat by mistake, please change it to the new one
        the house number on my order is wrong, it should be 12 not 21
        plz change recipient to my husband, same address
        can the delivery address be changed after checkout? I picked the wrong saved address
        """,
    ),
    "order.cancel": (
        """
        不小心买重复了，帮我取消一单
        这个订单别发了，我不要了，取消吧
        """,
        """
        I ordered the wrong colour, please cancel it so I can reorder
        kindly cancel my order {o}, I have placed it by mistake
        changed my mind about the {p}, can you cancel before it ships
        bought it twice by accident, cancel one of them please
        nvm dont want it anymore, cancel pls
        is it too late to cancel? I only ordered an hour ago
        my kid ordered this on my account, please cancel the order
        """,
    ),
    "order.modify": (
        """
        能不能帮我把这单改成次日达
        帮我在这单里再加一件同款
        订单里的尺码能改成L吗
        这单能加个赠品包装吗
        帮我把两单合并一起发
        """,
        """
        can I upgrade my order to next-day shipping? happy to pay the difference
        I'd like to switch my order to faster delivery if it hasn't been packed
        please add one more {p} to my order before it ships
        can I change the size on my order from M to L
        need to swap the colour on my order, black instead of white
        I forgot to tick gift wrap, can you add it to my order
        is it possible to remove one item from my order and keep the rest
        can I change the shipping method on my order to a faster one
        please switch my order to the premium delivery option
        I'd like to add a gift message to my order
        can I change the quantity on my order before it goes out
        """,
    ),
    "payment.invoice": (
        """
        发票抬头写错了，麻烦重开一张
        我要一张增值税专用发票，公司报销用
        """,
        """
        I need a VAT invoice for order {o}, with our company name on it
        can you email me a receipt for my purchase? I lost the confirmation
        please issue an invoice in my company's name for the accounts team
        the invoice has the wrong billing name, could you correct it
        where can I download the invoice for my order
        kindly share the tax invoice for my recent order
        """,
    ),
    "order.status": (
        """
        订单一直显示处理中，到底有没有下单成功
        我的订单状态怎么还是待确认
        """,
        """
        my order still says pending, has it been confirmed?
        did my order go through? I didn't get a confirmation email
        order {o} has been stuck on processing for days, what's happening
        can you confirm you received my order
        it's been three days and my order hasn't been processed yet
        why hasn't my order been confirmed yet
        I placed an order but it's not showing in my account
        has my order actually been placed? I can't see it anywhere
        the order confirmation never came through
        """,
    ),
    "payment.failed": (
        """
        付款的时候一直提示银行卡异常
        支付宝付不了款，显示交易失败
        """,
        """
        every time I try to pay it says transaction failed
        my card keeps getting declined at checkout but it works everywhere else
        the payment page just spins and then errors out
        can't complete payment, apple pay keeps failing
        tried to pay three times and got an error each time
        your checkout won't accept my Mastercard
        the payment didn't go through, what should I do
        """,
    ),
    "payment.coupon": (
        """
        新人券怎么用不了
        优惠码输进去没反应，价格没变
        """,
        """
        my discount code says invalid but it's not expired
        the 20% off voucher didn't apply at checkout
        where do I enter a promo code
        my loyalty points weren't taken off the total
        free shipping code isn't working
        I was promised a discount but I was charged full price
        """,
    ),
    "payment.methods": (
        """
        可以货到付款吗
        能不能用信用卡分期付
        支持微信支付吗
        能换个付款方式吗
        """,
        """
        can I pay when the parcel arrives instead of online?
        do you accept Amex?
        can I split the payment across two cards
        is Klarna or afterpay available
        can I pay by bank transfer instead of card
        do you accept PayPal for international orders
        can I switch to paying by PayPal instead of card
        do you take gift cards as payment
        is there a payment plan for bigger orders
        which cards can I use to pay
        """,
    ),
    "payment.price_adjust": (
        """
        我刚买完就降价了，差价能补给我吗
        昨天原价买的，今天打八折，能退差价不
        双十一前买的，现在便宜了一百，能补差价吗
        """,
        """
        the price dropped right after I bought it, can I get the difference back
        I paid full price and now it's on sale, any chance of a price adjustment?
        do you price match if it went down a few days after my order
        it's 30% off today and I bought it on Monday, can you honour the sale price
        you dropped the price the day after I ordered, could I get a partial credit
        do you offer price protection after purchase
        """,
    ),
    "payment.double_charge": (
        """
        同一笔订单扣了我两回钱
        银行卡显示两笔一样的扣款
        """,
        """
        I was charged twice for the same order, please fix this
        my bank statement shows two identical payments to you
        you billed me two times for one {p}
        there's a duplicate charge of {m} on my card
        the same amount came out of my account twice
        got charged double for one order
        """,
    ),
    "payment.missing_money": (
        """
        扣款成功了但是找不到订单
        付了款页面显示未支付，钱也没退
        """,
        """
        money left my account but there's no order
        I paid {m} and the order says unpaid
        my payment was taken but the order never went through
        the app says payment failed but my bank shows the money gone
        I paid and there's no order in my account, where's my money
        """,
    ),
    "logistics.where": (
        """
        快递几天了还没到，现在到哪了
        物流信息好几天没更新了
        帮我查一下包裹现在在哪
        我的快递怎么还在路上
        """,
        """
        where's my parcel? tracking hasn't moved in days
        can you tell me when my package will arrive
        my tracking number isn't working, where is my order
        any update on delivery? it was meant to be here yesterday
        when will my order be delivered
        the {c} tracking still says label created
        what's the ETA on my delivery
        my tracking link doesn't show anything
        the parcel has been in transit for ten days
        how do I track my order
        is my parcel still on its way
        which courier is delivering my parcel
        the parcel should have arrived by now, where is it
        """,
    ),
    "logistics.not_received": (
        """
        快递说送到了，家里没有啊
        """,
        """
        tracking says delivered but nothing arrived
        the courier marked it delivered and I never got it
        my parcel is showing as delivered but it's not here
        {c} says they left it at the door, there's nothing
        never received my package even though it says delivered
        """,
    ),
    "logistics.redirect": (
        """
        快递能改送到驿站吗
        我不在家，能让快递员放快递柜吗
        快递能不能送到我公司
        能不能改成周末送货
        """,
        """
        can the courier leave my parcel with a neighbour
        can I pick up my parcel from the depot instead
        please ask the driver to deliver after 6pm
        can you redirect my package to a pickup point
        I won't be home, can the delivery be rescheduled
        can the parcel be sent to my work instead, it's already with the courier
        is it possible to change the delivery day
        can you hold my package at the post office
        please tell the courier to use the side gate
        can I collect it from the {c} shop instead of home delivery
        """,
    ),
    "logistics.customs": (
        """
        包裹卡在海关了，要我补税吗
        清关一直没通过怎么办
        """,
        """
        my parcel is stuck at customs, what do I need to do
        do I have to pay import duty on my order
        customs is asking me for an ID, is that normal
        the courier wants me to pay customs fees before delivery
        my package has been held at customs for a week
        """,
    ),
    "logistics.damaged_in_transit": (
        """
        快递箱子被压扁了，里面东西也坏了
        包裹到的时候外包装全破了
        """,
        """
        the parcel arrived with the box crushed and the item damaged
        the box was soaking wet when it was delivered
        the courier clearly dropped my parcel, the box is smashed
        package came ripped open and the contents are broken
        the {p} arrived broken because the box was squashed in transit
        """,
    ),
    "return.request": (
        """
        不合适，想退货，怎么寄回去
        东西不喜欢，七天无理由退货可以吗
        """,
        """
        I'd like to send the {p} back, how do I return it
        can I return something I bought last week
        doesn't fit, want to return it
        how do I start a return on my order
        I want to return this, it's not what I expected
        kindly guide me on the return process
        what's your return policy, can I still return it
        """,
    ),
    "return.exchange": (
        """
        想换个别的颜色，这个太艳了
        """,
        """
        can I exchange this for a bigger size
        I'd like to swap the {p} for a different colour
        the size is too small, can I exchange it
        can I get a replacement in blue instead
        want to exchange for the next size up please
        """,
    ),
    "return.logistics": (
        """
        退货的快递单号填在哪里
        退货需要我自己付运费吗
        """,
        """
        who pays the return postage
        where do I send my return to
        how do I get a return label
        I've posted the return, how do I add the tracking number
        can you arrange a courier to collect my return
        """,
    ),
    "refund.status": (
        """
        退款申请好几天了，钱还没到
        退货已经寄回去了，退款什么时候到账
        """,
        """
        when will I get my refund? I sent the item back last week
        my refund still hasn't shown up on my card
        you said the refund was processed but I haven't got it
        how long do refunds take to reach my account
        it's been two weeks, where is my refund
        any update on my refund for order {o}
        """,
    ),
    "refund.request": (
        """
        我不要换货了，直接退款吧
        东西没收到，请给我退款
        这单我不要了，把钱退给我
        """,
        """
        I'd like a refund instead of a replacement
        please refund me, the order never came
        can I get my money back for the {p}
        I want a refund for the item that was out of stock
        kindly refund the amount to my original payment method
        I'd like my money back please
        please process a refund for the cancelled order
        I returned it, now I want the refund
        give me a refund, I don't want a replacement
        please send the money back to my card
        can you refund me rather than send store credit
        """,
    ),
    "refund.amount": (
        """
        退款金额不对，少退了钱
        运费怎么没退给我
        """,
        """
        my refund was less than what I paid
        I only got a partial refund, where's the rest
        the refund amount is wrong, I paid {m}
        """,
    ),
    "product.defect": (
        """
        {p}用了没几天就不亮了
        开机没反应，充电也充不进去
        拉链第一次用就坏了
        """,
        """
        the {p} stopped working after two days
        it won't turn on at all, even after charging
        the screen has a dead pixel right in the middle
        the zip came away from the fabric in the first week
        one of the buttons is stuck and doesn't click
        the left earbud cuts in and out
        the seam came apart after one wash
        it makes a loud rattling noise when it runs
        it stopped charging, the light doesn't come on anymore
        the strap snapped the second time I wore it
        it keeps switching itself off mid-cycle
        the stitching is coming loose already
        """,
    ),
    "product.usage": (
        """
        这个怎么连蓝牙，说明书看不懂
        滤网多久换一次
        指示灯一直闪是什么意思
        """,
        """
        how do I pair the {p} with my phone
        what does the flashing red light mean
        can I use it while it's charging
        the manual is confusing, how do I set the timer
        what setting should I use for delicate fabrics
        which app do I need to use with it
        what do the beeps mean when I switch it on
        how do I clean the inside properly
        where do I find the serial number on it
        what temperature should I wash it at
        """,
    ),
    "product.missing_parts": (
        """
        收到的盒子里少了充电线
        说明书和螺丝都没有
        """,
        """
        the box was missing the charging cable
        there were no screws in the package, can't assemble it
        one of the parts listed in the manual isn't in the box
        I only got one of the two items in the set
        the remote control wasn't included
        no batteries in the pack even though the listing says included
        half the pieces are missing from the set
        the instructions say there should be two cables but there's only one
        """,
    ),
    "product.not_as_described": (
        """
        实物和图片差太多了，颜色完全不一样
        说是纯棉的，摸着就是化纤
        收到的型号和页面上的不一样
        """,
        """
        the colour is nothing like the photos
        it's much smaller than the listing said
        the description said waterproof but it leaks
        this is not the model I ordered, it's an older version
        the material feels cheap, not leather like it said
        the item looks nothing like the picture
        the fabric is thinner than described
        it's a different brand to the one in the listing
        """,
    ),
    "product.warranty": (
        """
        保修期内坏了能免费修吗
        保修卡丢了还能保修吗
        """,
        """
        is it still under warranty? it broke after eight months
        how do I make a warranty claim
        can I get it repaired under the guarantee
        does the warranty cover water damage
        the {p} broke within a year, will you replace it
        """,
    ),
    "product.safety": (
        """
        充电的时候插头冒烟了
        孩子玩的时候零件掉下来差点吞了
        """,
        """
        the {p} gave off sparks and a burning smell
        my daughter got a rash after wearing it
        the handle snapped and my son cut his hand
        the battery is swollen and the case is splitting
        """,
    ),
    "complaint.service": (
        """
        客服态度太差了，问两句就不耐烦
        打了三次电话都没人接
        客服一直踢皮球，问题没人解决
        回复都是复制粘贴的模板
        """,
        """
        your customer service agent was really rude to me
        I waited an hour on hold and then got cut off
        nobody replies to my emails, this service is poor
        your staff hung up on me
        the agent promised a call back that never came
        your support replies are copy and paste and don't answer anything
        the agent was condescending and unhelpful
        I've explained my problem five times to different people
        your phone line is always engaged
        the service I got today was appalling
        """,
    ),
    "complaint.misleading": (
        """
        广告说买一送一，结果根本没有
        说是限时特价，第二天价格还是一样
        宣传的功能根本没有，这不是骗人吗
        页面写的包邮，结算又收运费
        标价和结算价不一样，这不是欺诈吗
        """,
        """
        the "limited time" sale never ends, that's misleading
        you advertised it as in stock and then cancelled my order
        the listing showed a bundle but only one item came, false advertising
        the product page promised features it doesn't have
        you advertised a price and charged a different one at checkout
        the photos are edited to look nicer than the real thing, that's deceptive
        the offer was bait and switch, the cheap one was never available
        your promotion terms were hidden, that's misleading
        the reviews on your site look fake
        the free gift in your ad was never included
        the product page lied about what's included
        """,
    ),
    "complaint.threat_legal": (
        """
        不给个说法我就去消协投诉
        """,
        """
        I'm going to report you to trading standards
        if this isn't sorted I'll take legal action
        my solicitor will be in touch
        I'm contacting consumer protection about this
        """,
    ),
    "complaint.threat_review": (
        """
        再不处理我就去小红书发帖
        """,
        """
        I'll be leaving a one-star review everywhere
        I'm going to warn everyone on facebook about you
        expect a bad review on trustpilot
        """,
    ),
    "presale.size": (
        """
        我平时穿38码，这双选哪个码
        身高170体重60公斤穿什么码
        这款偏大还是偏小
        """,
        """
        does this run small or large?
        I'm usually a medium, which size should I get
        what are the measurements of the large
        is the size chart in UK or US sizes
        would a size 8 fit a 36 inch waist
        is a large going to be too baggy on me
        should I size up in this brand
        how long are the sleeves on the medium
        my feet are wide, would these pinch
        is there much stretch in the fabric
        """,
    ),
    "presale.stock": (
        """
        这个颜色什么时候补货
        还有现货吗，今天下单什么时候发
        这个还会上架吗
        """,
        """
        when will the {p} be back in stock
        is the white one available in my size
        do you have more coming in? it says sold out
        can I pre-order it
        will you restock the large size
        is the {p} in stock at the moment
        how long until you have the medium again
        will this come back in other sizes
        """,
    ),
    "presale.specs": (
        """
        这件衣服是什么面料的
        请问这个能不能放洗碗机
        买之前想问下保修多久
        发不发国外，寄到新加坡运费多少
        这款的电池能用多久
        适合几岁的小孩用
        这个有没有英文说明书
        """,
        """
        before I buy, does it come with a charger
        is this suitable for a small kitchen, how big is it
        does the {p} work with iPhone
        can this be used outdoors
        what is the difference between the two versions
        what's the battery life like
        does it ship with a UK plug
        thinking of ordering, is it compatible with Android
        is international shipping available to Ireland
        can you ship this to New Zealand
        how long does shipping to Germany usually take before I order
        is the {p} waterproof enough for swimming
        what's it made of? I'm allergic to nickel
        how heavy is it, I need something light for travel
        does it come with a warranty if I buy it
        can I use it with a 110V socket
        is this the latest model or last year's
        what colours does it come in
        is it suitable for a toddler
        would this fit in a carry-on bag
        """,
    ),
    "other.thanks": (
        """
        收到了，质量很好，谢谢客服
        上次的问题解决了，感谢
        东西收到了，包装很用心，点赞
        小哥送货很快，谢谢你们
        谢谢退款这么快
        """,
        """
        just wanted to say thanks, the {p} is perfect
        cheers for sorting that so quickly
        your team was really helpful, thank you
        parcel came early, love it
        thanks for the quick refund
        absolutely love it, thank you
        amazing quality, will definitely order again
        top notch service, thanks a lot
        the {p} arrived in perfect condition, really happy
        just a quick note to say the team did a brilliant job
        so pleased with my order, thanks guys
        delivery guy was super friendly, cheers
        really appreciate how quickly you replaced it
        well done to the support team, great service
        five stars from me, thank you
        """,
    ),
    "other.feedback": (
        """
        建议app里加个夜间模式
        网站太慢了，希望改进一下
        希望以后能多出几个颜色
        包装太多塑料了，建议环保一点
        """,
        """
        suggestion: let us save items to a wishlist
        the website is slow on my phone, just letting you know
        would be nice if you offered gift cards
        your app's search doesn't find things very well
        you should add a filter for size on the website
        it would help if the app showed delivery times
        the checkout has too many steps, just some feedback
        please use less plastic in your packaging
        love the shop but the search bar is hard to find
        maybe add a dark mode to the app
        """,
    ),
    "other.account": (
        """
        手机号换了，账号怎么改绑
        收不到验证码登录不了
        怎么修改账号密码
        我想注销账号
        """,
        """
        I'm not getting the password reset email
        my account got locked after too many attempts
        please delete my account and my data
        can't log in, it says my email isn't registered
        can I merge my two accounts
        I want to unsubscribe from your marketing emails
        my account shows someone else's name
        how do I turn on two-factor login
        please update the email on my profile
        """,
    ),
    "other.misc": (
        """
        客服几点下班
        """,
        """
        are you open on bank holidays
        do you have a shop I can visit
        what's your phone number
        is anyone there?
        do you have a student discount
        """,
    ),
}


# A fourth round (issue 15, third pass), English only, written because English stayed below
# its target (held-out 87.1 %) while Chinese met it. Chosen on the development split, never
# on the held-out split. Each intent gets the registers it had few of: American, British and
# Indian office English, one- to three-word messages, hand-made typos, long stories that
# reach the point late; and the pairs the confusion matrix mixes up are told apart by what
# the customer needs: a thing that broke (PRODUCT) against how they were treated
# (COMPLAINT), a question before buying (PRESALE) against one about the shop (OTHER), a
# change to an order (ORDER) against its delivery (LOGISTICS) or its money (PAYMENT).
# Voice-to-text transcripts and colleagues' forwarded notes are left out on purpose: they
# are voices of the fourth held-out set.
MORE_4: dict[str, tuple[str, str]] = {
    "order.change_address": (
        "",
        """
        wrong address on order
        address change pls
        my order has my work address on it, I want it at home, can you switch it before dispatch
        could you amend the postcode on my order, I typed SW4 instead of SW9
        we just moved and I totally forgot to update the address on my order, can you fix it
        the apartment number on my order is missing, it's 4B
        So I ordered last night and only this morning I noticed the address was my old dorm, can you change it on the order?
        kindly correct the delivery address in my order, the landmark is wrong
        shiping adress on my ordr is wrong
        """,
    ),
    "order.cancel": (
        "",
        """
        cancel order
        cancel it pls
        I want to cancel my order, I found it somewhere else
        please cancel the order I placed today, I no longer require it
        can you scrap my order, ordered the wrong model
        I'd like to cancel before it ships, no longer needed
        oops ordered by mistake, can you cancel it
        my husband already bought one so please cancel my order, sorry for the trouble
        cancle my order plz
        """,
    ),
    "order.modify": (
        "",
        """
        change size on my order
        can I add something to an order I already placed
        please change the colour on my order to the green one before it gets packed
        I ordered 3 but need 4, can you update the order
        can I swap one item in my order for a different one
        I'd like to change the variant in my order, 128GB instead of 64GB
        want to edit my order, is that possible?
        I'd like to upgrade the item in my order to the bigger model and pay the difference
        chnage the qty on my order to 2 please
        """,
    ),
    "payment.invoice": (
        "",
        """
        need a receipt
        can I get a GST invoice with my company details for this order
        I need an itemised receipt for my expenses claim
        the receipt for my order has the wrong name, can you reissue it
        where do I find the invoice for what I bought last month
        please send a copy of the invoice to my accountant
        my employer needs a proper VAT receipt, can you email one
        recipt for my order pls
        """,
    ),
    "order.status": (
        "",
        """
        order status?
        has my order been processed
        my order still says pending, is it confirmed or not
        was my order actually placed? I didn't get a confirmation email
        why is my order still 'awaiting fulfilment' after four days
        I never got an order confirmation, did it go through
        order stuck on processing
        is my ordr confirmd
        """,
    ),
    "payment.failed": (
        "",
        """
        payment failed
        card declined
        checkout keeps erroring when I try to pay
        my card got declined but the bank says everything is fine
        it won't let me pay, the page just spins
        Apple Pay fails every time at the last step
        tried paying 3 times, each time it says transaction unsuccessful
        the payment page times out before I can finish
        paymnt not going thru
        """,
    ),
    "payment.coupon": (
        "",
        """
        discount didn't apply
        my voucher says expired but it's valid till the end of the month
        the 20% off code isn't taking anything off at checkout
        I forgot to use my coupon, can you apply it after the payment
        the welcome discount disappeared from my basket
        which voucher can I use with sale items?
        my gift card balance isn't showing at checkout
        cupon code invalid
        """,
    ),
    "payment.methods": (
        "",
        """
        do you take paypal
        is Klarna available
        is there an option to pay in instalments
        can I use two payment methods for one order
        do you accept UPI or net banking
        pay with gift card?
        is buy now pay later an option
        do you accept debit cards from abroad
        can I pay with Google Pay
        can my company pay by invoice
        """,
    ),
    "payment.price_adjust": (
        "",
        """
        price dropped after I bought it
        the price went down the day after I paid, can I get the difference back
        it's cheaper on your site today than when I ordered, will you match it
        you have it on sale now, I paid full price last week
        price match?
        saw the same item for less in your app, any chance of a price adjustment
        """,
    ),
    "payment.double_charge": (
        "",
        """
        charged twice
        double charged
        I see two identical charges on my card for one order
        my bank shows the same amount taken twice
        I only placed one order but was billed two times
        there are two debits of the same amount from you on my statement
        you've taken the payment twice
        got chargd twice for the same thing
        """,
    ),
    "payment.missing_money": (
        "",
        """
        money taken but no order
        I was charged but there's no order in my account
        the payment left my bank but the order never appeared
        you took my money and the app says I have no orders
        funds debited, order not created
        payment went through on my side but your site says it failed and there's no order
        charged but order not showing
        """,
    ),
    "logistics.where": (
        "",
        """
        tracking?
        has it shipped yet
        any update on delivery
        when will my package arrive
        tracking hasn't moved in 4 days, where is it
        is my parcel on its way or not
        can you tell me which courier has my package
        wheres my pakage
        """,
    ),
    "logistics.not_received": (
        "",
        """
        not delivered
        says delivered but it isn't here
        the tracking says it was handed to me but I never got it
        parcel marked delivered, nothing at my door, neighbours haven't got it
        courier claims he left it in a safe place, there's nothing there
        my package never arrived and the tracking stopped
        never recieved my parcel
        """,
    ),
    "logistics.redirect": (
        "",
        """
        can the courier deliver to my office instead
        please ask the driver to leave it at the back door
        can I pick it up from the depot instead
        I won't be home Thursday, can the delivery be rescheduled
        can you hold my parcel at the post office
        redirect my parcel pls
        can it be left with the concierge
        """,
    ),
    "logistics.customs": (
        "",
        """
        customs fee?
        my parcel is held at customs, what do I do
        why do I have to pay import duty on my delivery
        the courier wants a customs charge before delivering
        stuck in customs clearance for a week
        do I need to give my ID for customs
        """,
    ),
    "logistics.damaged_in_transit": (
        "",
        """
        box arrived crushed
        the parcel came dented and torn open
        the courier dropped it, the box is smashed
        package arrived wet and falling apart
        outer box was ripped and the tape was cut
        the delivery came squashed, looks like something heavy sat on it
        """,
    ),
    "return.request": (
        "",
        """
        return
        how do I return this
        I'd like to send it back
        I want to return the shoes, they don't fit
        can I return an item I bought in the sale
        what's your returns policy, I want to send this back
        I'd like a return label please
        it's not for me, can I return it within 30 days
        how to retrun an item
        """,
    ),
    "return.exchange": (
        "",
        """
        exchange for a bigger size
        swap for another colour?
        can I exchange this for a medium
        I want to exchange the jacket for the same one in black
        is it possible to swap it rather than return it
        can I trade this in for the next size down
        excange pls, too small
        """,
    ),
    "return.logistics": (
        "",
        """
        return pickup didn't come
        I sent my return back, has it arrived
        the return label won't print
        can you arrange a collection for my return
        I lost the return slip, what do I put in the box
        """,
    ),
    "refund.status": (
        "",
        """
        refund?
        when will I get my money back
        I returned it two weeks ago and no refund yet
        how long does a refund take to reach my card
        you said refund processed but nothing in my account
        refund status please
        still waitng on my refund
        """,
    ),
    "refund.request": (
        "",
        """
        I want a refund
        refund please
        I'd like my money back for this order
        can I get a refund instead of a replacement
        please refund me, I don't want a new one
        I want a full refund for the cancelled order
        I'd rather have my money back than a voucher
        I want a refund for the damaged one
        can I have a refund, I've sent it back
        refund me please, the item is useless
        """,
    ),
    "refund.amount": (
        "",
        """
        refund was short
        you refunded less than I paid
        why was the shipping not refunded
        the refund is missing the cost of one item
        I got back less than the price, where did the rest go
        partial refund only, the whole order came back
        """,
    ),
    "product.defect": (
        "",
        """
        broken
        doesn't work
        faulty item
        it arrived working and died after a week
        the handle snapped off the first time I used it
        the speaker crackles at any volume
        the lid doesn't close properly, it's warped
        stopped charging after a month, the cable is fine
        the paint is peeling already
        one leg of the chair is shorter than the others, it wobbles
        the hinge broke, the door hangs off
        the app says device offline, it never connects
        the motor makes a grinding noise
        stoped working after 2 days
        """,
    ),
    "product.usage": (
        "",
        """
        how do I set it up
        how do I reset it
        the manual doesn't explain how to pair it with my phone
        how do I clean the filter
        what do the flashing lights mean
        which setting is for delicates
        how do you change the time on it
        how does the timer work on this
        what does the red light on it mean
        how do I connect it to wifi
        can't work out how to turn the sound off on it
        which button locks it
        is there a video showing how to use it
        how do I descale the machine I bought
        the instructions are confusing, how do I attach the handle
        how long should I charge it the first time
        what's the right setting for the rice cooker for brown rice
        """,
    ),
    "product.missing_parts": (
        "",
        """
        no screws in the box
        the charger wasn't in the box
        the box was missing the remote
        only one of the two cushions came
        the instructions say 8 bolts, I only got 6
        the batteries weren't included
        half the screws are missing from the pack
        the manual wasn't in the box
        one of the shelves is missing
        the box came without the power cable
        """,
    ),
    "product.not_as_described": (
        "",
        """
        looks nothing like the photo
        the colour is totally different from the picture
        listing said leather, this is plastic
        it's much smaller than the size on the page
        the description said waterproof, it leaks
        """,
    ),
    "product.warranty": (
        "",
        """
        warranty claim
        is this covered under warranty
        how do I claim the guarantee
        it's 8 months old and broke, does the warranty cover repair
        can I get it repaired under warranty
        """,
    ),
    "product.safety": (
        "",
        """
        it caught fire
        there's a burning smell from the plug
        the kettle base melted
        the battery is bulging
        the heater sparked and tripped the fuse
        my toddler nearly swallowed a piece that came off the toy
        my skin broke out after using the cream
        """,
    ),
    "complaint.service": (
        "",
        """
        your staff were rude
        terrible customer service
        the agent hung up on me
        nobody answers your phone line
        I was promised a callback that never happened
        your support keeps sending me copy-paste replies
        the person on chat was dismissive and unhelpful
        I've been passed between departments all week
        the delivery driver was abusive to me
        I waited an hour on hold and got cut off
        I am not happy with how your team handled my issue
        customer servise is awful
        nobody ever gets back to me
        the way your team spoke to me was unacceptable
        I asked for a manager and was refused
        your support closed my ticket without fixing anything
        the store staff ignored me for 20 minutes
        I keep getting a bot instead of a person
        your agent promised a refund then denied ever saying it
        """,
    ),
    "complaint.misleading": (
        "",
        """
        false advertising
        the ad was misleading
        your website said free delivery and then charged me for it
        the 'sale' price was the normal price with a fake was-price
        you advertised it as in stock and it wasn't
        the offer on the banner was not honoured at checkout
        the photos on your site are misleading
        you said it was a limited offer and the same deal is still on a month later
        the listing says genuine leather, that's false advertising
        the 'up to 70% off' sale had nothing above 10% off
        the price at checkout was higher than the one advertised
        the delivery time on your site is a lie, it says 2 days and it's always a week
        you advertised it as new and it's clearly refurbished
        """,
    ),
    "complaint.threat_legal": (
        "",
        """
        I'm getting a solicitor involved
        I'm reporting you to consumer protection
        I'll take this to small claims court
        I'm contacting trading standards about you
        I've written to the consumer ombudsman
        """,
    ),
    "complaint.threat_review": (
        "",
        """
        I'll tell everyone online what you did
        I'm posting about this on every platform
        expect a very honest review from me
        I'll make sure people know not to buy from you
        """,
    ),
    "presale.size": (
        "",
        """
        what size should I get
        I'm 5'6 and 140 lbs, which size
        does this run small
        I'm usually a UK 12, what size in this
        should I size up in these boots
        sizing?
        is a medium ok for a 38 inch chest
        what size for a 10 year old
        do the jeans stretch
        how long are the sleeves on the XL
        what's the waist measurement on a size 10
        are the shoes wide enough for wide feet
        """,
    ),
    "presale.stock": (
        "",
        """
        back in stock when?
        is the blue one available
        will you restock the large
        do you have this in store
        is it in stock
        when will the new colour be available
        """,
    ),
    "presale.specs": (
        "",
        """
        what's it made of
        does it come with a charger
        will it fit a double bed
        does it work in the UK, 240V
        is this dishwasher safe
        does it have a warranty before I buy
        what's the battery life
        is it suitable for a 3 year old
        before I buy, does it need assembly
        """,
    ),
    "other.thanks": (
        "",
        """
        thanks!
        thank you so much
        cheers, all sorted
        great service, thanks a lot
        just wanted to say your team was brilliant
        thanks for the quick reply
        """,
    ),
    "other.feedback": (
        "",
        """
        suggestion for your app
        your website is a bit confusing to navigate
        it would be nice to have a dark mode
        you should add a wishlist feature
        the search doesn't find things by brand
        I like the new packaging
        """,
    ),
    "other.account": (
        "",
        """
        can't log in
        reset password
        how do I delete my account
        I want to change the email on my account
        I never get the verification code
        how do I unsubscribe from your emails
        change phone number on my profile
        """,
    ),
    "other.misc": (
        "",
        """
        anyone there
        where is your head office
        do you have a loyalty programme
        how do I contact your press office about a partnership
        is there a store near Leeds
        what's your customer service email
        """,
    ),
}


# A fifth round (issue 15, fourth pass), English only, because English stayed below its
# target (held-out 87.7 %) while Chinese met it. Chosen on the development split, never on
# the held-out split. Written from the banks' gaps, not from held-out sentences: second-
# language English (Indian, Filipino, European: "kindly revert", "same is not working",
# "I am having one doubt"), British and Australian usage (fortnight, jumper, trainers, flat,
# postie, heaps, reckon), terse notes, stories that reach the point late, hand-made typos,
# and the nouns of the products themselves (a kettle, an air fryer, a stroller, a router);
# a thing that is faulty (PRODUCT) told apart from how the customer was treated
# (COMPLAINT), a question before buying on size, compatibility or stock (PRESALE) from one
# about the account or the shop (OTHER).
MORE_5: dict[str, tuple[str, str]] = {
    "order.change_address": (
        "",
        """
        kindly change the delivery address in my order, I have shifted to a new flat
        postcode on my order is wrong, it's SW4 not SW1
        put the wrong suburb on my order, can you fix it before it goes out
        I have given incomplete address while ordering, building name is missing, please update
        adress wrong on order, pls change
        my order has my uni halls address but term's over, can it go to my home address
        order going to old house, we moved at the weekend, can you change it
        the flat number on my order is missing, it's flat 3
        I wrote the wrong house number when ordering, it's 12 not 21
        need to correct the recipient's name and number on my order before dispatch
        """,
    ),
    "order.cancel": (
        "",
        """
        no longer needed, please cancel the order before dispatch
        my husband already bought one so I want to cancel mine
        please cancel, the delivery date is too late for the party
        i want to cancel my order i placed it yesterday night
        I'd like to cancel my order, the wrong colour was selected and I'll just order again
        cancel the lot, we've changed our minds
        """,
    ),
    "order.modify": (
        "",
        """
        can I change the size on my order from a 10 to a 12 before it's sent
        I would like to add one more item in the same order, is it possible
        please change the colour on my order to the navy one
        ordered one but need two, can you update the order
        I selected the wrong variant, I want the 2 litre not the 1 litre, please change in order
        can I remove one item from my order before it's packed
        please take the phone case off my order, keep the rest
        can you change the model on my order to the one with the bigger screen
        change qty to 1 pls
        is it possible to change the size of the jumper in my order
        """,
    ),
    "payment.invoice": (
        "",
        """
        I require an invoice with our company's GST number for the purchase
        can I get a tax invoice with our ABN on it
        the receipt doesn't show the VAT, I need a proper VAT invoice
        please send me the bill for my order, I need it for my office claim
        invoice missing from the parcel, can you email it
        can you put my company's name and address on the invoice
        need receipt for order {o}
        could you reissue the invoice, the billing address on it is wrong
        where do I download a pdf invoice
        """,
    ),
    "order.status": (
        "",
        """
        my order shows processing since three days, kindly update the status
        is my order placed or not, I have not got any confirmation mail
        order still not confirmed, has it gone through
        order status stuck on pending
        why did my order get cancelled automatically
        no confirmation email for order {o}, did it work
        has my order been accepted, the app just says submitted
        what's happening with my order, it hasn't moved from processing
        my order disappeared from my order history
        """,
    ),
    "payment.failed": (
        "",
        """
        my debit card is getting declined at the payment page, same card works on other sites
        UPI payment is failing again and again
        the pay button doesn't do anything
        card keeps getting rejected when I checkout
        I tried paying with Google Pay and it says something went wrong
        payment failed but I want to buy it, what can I do
        checkout freezes at the payment step
        transaction declined, tried twice
        can't pay, error 502 on the payment page
        """,
    ),
    "payment.coupon": (
        "",
        """
        the discount code from the newsletter isn't working
        my birthday voucher won't apply
        I was meant to get 15% off as a new customer but paid full price
        coupon applied but the total didn't go down
        the student discount didn't come off my order
        free shipping code not accepted
        I forgot to add my voucher code, can it still be applied
        the bundle offer didn't apply, I was charged for both at full price
        gift voucher shows zero balance but I haven't used it
        """,
    ),
    "payment.methods": (
        "",
        """
        can I pay through UPI or net banking
        is cash on delivery available for my pincode
        I want to pay by PayPal, is that possible
        can I use two gift cards on one order
        is buy now pay later available
        I sent a bank transfer, has the payment reached you
        can I pay in another currency
        how do I pay for my order by bank transfer
        I paid by direct deposit, please confirm you have received it
        can I pay with afterpay
        """,
    ),
    "payment.price_adjust": (
        "",
        """
        I bought it last week and now it's cheaper, can you give me the difference
        the price went down after I ordered, can I get a price adjustment
        it's in the sale now, I paid full price two days ago, can you refund the difference
        the same item is now {m} less, can you match it
        price dropped after I paid, please adjust
        """,
    ),
    "payment.double_charge": (
        "",
        """
        the amount got debited twice from my account for a single order
        I have been charged double for my order
        two identical charges of {m} on my credit card, I only bought one thing
        """,
    ),
    "payment.missing_money": (
        "",
        """
        amount debited from my account but order not placed
        money got deducted but the app shows payment failed
        I paid but there's no order in my account and the money is gone
        """,
    ),
    "logistics.where": (
        "",
        """
        when will my parcel be delivered, it's been over a week
        no update on the delivery, where is it now
        kindly share the tracking details of my order
        when is my order going to be dispatched
        tracking says it's at the depot since Monday
        what's the ETA on my order
        my parcel hasn't moved in {n} days
        has it been posted yet
        is my parcel coming today or not
        any idea when my delivery will turn up
        where is my package, tracking not working
        I have not received the shipping details yet
        """,
    ),
    "logistics.not_received": (
        "",
        """
        it says delivered yesterday but it's not here, I checked with the neighbours
        the postie says he left it but there's nothing here
        tracking says handed to resident, I never got it
        marked as delivered to the front desk but the front desk has nothing
        shows delivered but not received by me
        parcel delivered to the wrong house
        """,
    ),
    "logistics.redirect": (
        "",
        """
        can the parcel be left at the back door if I'm not in
        please hold the delivery till I'm back next week
        can I collect it from the depot myself
        can it be delivered on Saturday instead
        I'd like to have it sent to a pickup point near work
        can the delivery be made in the evening after 6
        can you send it to my office instead, I'm not home in the day
        """,
    ),
    "logistics.customs": (
        "",
        """
        customs want me to pay duty, is that included in the price
        the parcel is held at customs and they're asking for an invoice
        why is there an import charge on my order
        my order is stuck at customs clearance, what should I do
        do I need to pay GST on import for this
        """,
    ),
    "logistics.damaged_in_transit": (
        "",
        """
        the parcel was delivered all crushed and the item inside is bent
        the courier threw the parcel and now it's dented
        the package came open and half the things fell out
        the outer box was ripped and the item inside is scratched from the journey
        """,
    ),
    "return.request": (
        "",
        """
        I want to return the jumper, it's too itchy
        please arrange a return for my order, I don't need it anymore
        can I send the trainers back, they rub my heel
        I'd like to send it back for a refund
        how do I start a return on the app
        is it too late to return something I bought a month ago
        wanna return this
        I want to return the kettle, it's the wrong colour for our kitchen
        return please, didn't like it
        kindly initiate return for my order
        """,
    ),
    "return.exchange": (
        "",
        """
        can I exchange the shorts for a smaller size
        the top is too big, can I get the small instead
        I want to exchange the dress for another colour
        can I change the shoes for half a size up
        I'd like to swap the jacket for a medium
        can I exchange this for the same in black
        """,
    ),
    "return.logistics": (
        "",
        """
        how do I post the return back to you
        I need a return label please
        what's the address for returns
        I have sent back the item, kindly confirm receipt
        can I drop the return at the post office
        I posted my return a fortnight ago, have you got it
        """,
    ),
    "refund.status": (
        "",
        """
        my refund has not been credited yet
        you said the refund was processed a week ago but I don't see it
        when will the refund hit my card
        any update on my refund
        it's been two weeks since you got my return and no refund
        refund not received yet, kindly check
        where is the money for my return
        """,
    ),
    "refund.request": (
        "",
        """
        I want my money back for the item that never came
        can I have a refund for the broken one instead of a new one
        I'd like a full refund please
        please refund the order, it's not what I need
        can I just get a refund
        kindly process refund for my order
        """,
    ),
    "refund.amount": (
        "",
        """
        you only refunded the item, not the delivery charge
        refund is {m} short
        why was the refund smaller than my payment
        """,
    ),
    "product.defect": (
        "",
        """
        the kettle won't switch on
        air fryer stopped heating after a week
        the hoodie's zip broke the second time I wore it
        earbuds won't pair anymore and one side is dead
        the vacuum has lost suction already
        same is not working from the day I received it
        the monitor has a line down the middle of the screen
        blender makes a grinding noise and won't spin
        the wheels on the suitcase came off on the first trip
        the stitching on the bag has come apart
        the router keeps dropping the connection, it's faulty
        the screen of the tablet is cracked
        it's not charging at all, tried three cables
        the {p} is making a clicking noise and stopped working
        the heel on one of the shoes came off
        the display is dead after two days
        it's knackered already, stopped working after a week
        the toaster only heats on one side
        the lid of the flask doesn't seal, it leaks everywhere
        the lamp flickers and then goes out
        """,
    ),
    "product.usage": (
        "",
        """
        how do I connect the earbuds to my laptop
        kindly tell me how to use the timer on the air fryer
        I am having one doubt, how to set the clock on the microwave
        how do I get the vacuum to map the room
        how do I pair the remote with the TV
        what's the best way to clean the filter on the air purifier
        how do I change the strap on the watch
        how do I turn off the beeping
        can you send me the instructions, I lost the leaflet
        how long do I charge it before using it
        how do I set up the app for the camera
        what does the orange light mean on it
        how do you assemble the stroller, the instructions are not clear
        how do I switch it to Celsius
        """,
    ),
    "product.missing_parts": (
        "",
        """
        the charging cable wasn't in the box
        the box came without the lid
        some screws were missing so I can't build the shelf
        one of the cushions is missing from the set
        the power adapter is missing
        only one earbud was in the case
        the manual and the remote are missing from the box
        the pack says 6 but there are only 4 in it
        """,
    ),
    "product.not_as_described": (
        "",
        """
        the colour is way darker than the photos
        it's plastic, not metal like the listing says
        the size is much smaller than the description
        the material feels cheap, not like the pictures
        it doesn't have the features listed on the page
        it says wool but the label says acrylic
        the one I got isn't the model in the listing
        """,
    ),
    "product.warranty": (
        "",
        """
        is the air fryer still under guarantee, it's ten months old
        where do I send it to get it fixed under warranty
        can you repair the watch, the strap pin broke
        my {p} needs a repair, how does it work
        """,
    ),
    "product.safety": (
        "",
        """
        the phone charger melted and there was smoke coming out of the plug
        the space heater caught fire in the bedroom
        the power bank got so hot it burnt my hand
        my daughter swallowed a magnet from the set, we're at A&E
        the hair dryer sparked and gave me an electric shock
        """,
    ),
    "complaint.service": (
        "",
        """
        your customer care executive was very rude with me on the call
        I have called five times and nobody is solving my issue
        the lady on the phone was so rude to me
        your team keeps ignoring my emails
        I'm fed up with your customer service, no one helps
        I was told someone would ring me back and nobody did
        every time I call I get a different story
        I've been waiting on hold for 40 minutes, this is ridiculous service
        your support staff don't listen and just read from a script
        the way I was spoken to by your staff was disgraceful
        I'm not happy with the service I got on the phone today
        I've sent four emails and had zero replies
        the agent was sarcastic and unhelpful
        they keep transferring me from one person to another
        I want to raise a complaint about your customer service
        the manager I spoke to was dismissive and rude
        I keep getting automated replies and no real person
        poor service, nobody gets back to me
        the store assistant was really rude to my mum
        I've been fobbed off three times now
        the service I got was shocking
        your support team marked my issue resolved when it isn't
        """,
    ),
    "complaint.misleading": (
        "",
        """
        your ad said 50% off but it was full price at checkout
        the website said in stock and then you told me it's sold out, that's misleading
        the photos on the listing are edited, the real thing looks nothing like it
        your sale is fake, you put the prices up first
        the "free delivery" was a lie, I was charged for shipping
        the offer shown on the app was not given to me, that's cheating
        you advertised a free gift with the order and didn't send it, false advertising
        the listing says 2-year warranty but your team now says there's none, that's misleading
        the banner said buy one get one free and it didn't apply, misleading advertising
        you're advertising next day delivery but it's never next day
        """,
    ),
    "complaint.threat_legal": (
        "",
        """
        I'm going to the consumer court about this
        I'll be reporting this to the ACCC
        I'm taking this to the ombudsman
        I will file a case with the consumer forum
        I've spoken to a solicitor and will be taking action
        """,
    ),
    "complaint.threat_review": (
        "",
        """
        I'm going to leave a 1 star review on Google
        I'll be telling everyone on Facebook to stay away
        going on Trustpilot right now to warn people
        I'll post a review so nobody else gets caught out
        """,
    ),
    "presale.size": (
        "",
        """
        what size should I get, I'm a UK 12
        do the trainers come up big or small
        I'm 6 foot, will the long size be long enough
        would a medium fit someone 70kg and 175cm
        does the jumper shrink in the wash, should I size up
        which size for a 10 year old boy, he's quite tall
        are the sizes UK or EU
        what's the length of the dress in size 8
        is the fit slim or regular
        my feet are wide, should I go half a size up
        will the large fit a 42 inch chest
        does the small fit a petite frame
        how wide is the waist on the 30
        can you tell me the chest measurement for the XL
        are these true to size or do they run narrow
        """,
    ),
    "presale.stock": (
        "",
        """
        will the size 8 be back in stock
        when are you getting more of the green ones
        is the black one available or out of stock
        any chance of a restock on the medium
        do you have this in a size 12
        is it available to order now or only pre-order
        out of stock in my size, will it come back
        do you still have the large in navy
        when will it be available again
        can I order it now if it's showing low stock
        will you be restocking this before Christmas
        do you have any of the older version left
        """,
    ),
    "presale.specs": (
        "",
        """
        does the air fryer have a timer
        will this case fit the Galaxy S23
        is the charger compatible with the older model
        does the router support wifi 6
        what's the capacity of the kettle
        can the stroller fold with one hand
        will the earbuds work with my Android phone
        does the vacuum work on carpets and hard floors
        how many watts is the blender
        does the lamp have a dimmer
        is the mattress suitable for a bunk bed
        does the watch work without a phone
        what's the difference between the standard and the pro
        can the monitor be mounted on the wall
        is the bag big enough for a 15 inch laptop
        does it come with a plug for India
        kindly tell me the warranty on this before I buy
        """,
    ),
    "other.thanks": (
        "",
        """
        thank you for sorting that out so fast
        cheers for the help, really appreciate it
        thanks heaps, love the new jacket
        just wanted to say thank you to the lady on chat
        everything's sorted now, thanks a million
        lovely service, thank you
        thanks, you've been a great help
        got my order, really happy with it, thanks
        ta very much, all good now
        many thanks for the quick reply and help
        brilliant, thank you
        thank u so much for the help 😊
        """,
    ),
    "other.feedback": (
        "",
        """
        just a suggestion, it would be handy to filter by colour on the site
        would be great if you did next day delivery in the future
        your emails come too often, just some feedback
        it'd be nice to get an email when something's back in stock
        you could add more plus sizes to the range
        the checkout page is a bit confusing, maybe simplify it
        please add a way to save my card for next time
        feedback: the product photos could show the size better
        I reckon you should offer a gift wrapping option
        the new website layout is harder to use than the old one
        small suggestion, add reviews to the app
        """,
    ),
    "other.account": (
        "",
        """
        I am unable to login to my account, kindly help
        how do I change my email address on my profile
        please close my account and delete my details
        I'm not getting the OTP to log in
        I forgot my password and the reset link doesn't come
        how do I update my phone number on the app
        how do I stop getting your promotional emails
        my loyalty points have disappeared from my account
        I want to change my date of birth on my account
        how do I turn off notifications from the app
        my account says it's been deactivated, why
        can't sign in with Google anymore
        """,
    ),
    "other.misc": (
        "",
        """
        do you have a shop in Melbourne
        I'm a blogger, who can I talk to about working with you
        are you a UK company
        what's your office address
        do you have an app
        can I buy a gift card for someone
        how do I become an affiliate
        do you sponsor events
        is there a customer service number I can call
        is this the right place to ask a question
        """,
    ),
}


# A sixth round (issue 15, eighth pass), every intent, mostly Chinese: Chinese had a third of
# English's paraphrases and fell to 66.7 % on the sixth set's new voices. Written for this
# round by two writers who read the banks and the labelling policy and none of the held-out
# material (the split, the hand-written sets, RESULTS.md), from the kinds the policy names
# and the banks lacked, never from a held-out sentence: Hong Kong Cantonese and Taiwanese
# wording, 东北 / 四川 / 北京 colloquial Chinese, voice-to-text and two-character messages,
# people writing for a parent or a child; Singapore, Malaysian, Hong Kong, Filipino and
# Nigerian English, US Southern and teen English; gift and business buyers (礼盒, 对公转账,
# 专票, net 30, a PO number, tiered pricing); a safety incident told by what was felt, heard
# or smelled (麻了一下, 噼啪响, "a little zap", hot plastic), a child by age, a pet or an
# older parent hurt; a double charge told as a count (扣了三笔, "two pending holds"); going
# public told without "bad review" (挂你们, 业主群, "my channel"). Deduplicated against the
# banks (exact, and near by difflib ratio >= 0.7 for Chinese). Mixed (code-switched) lines
# are the third of each entry. Cut by paraphrase like the rest: every fifth is held out.
MORE_6: dict[str, tuple[str, str, str]] = {
    "order.change_address": (
        """
        唔该帮我改下地址，我写错咗座数，应该系B座
        地址打错咗，仲未寄出嘅话可唔可以改
        请问还没出货的话可以改成超商取货吗？地址填错了，谢谢您
        宅配地址想改到公司，请问还来得及吗
        老铁地址整错了 给改一下呗 还没发吧
        我帮我妈下的单，地址填成我家了，要改成她那边，城南老小区3栋
        改成我妈家地址
        地址错了改下 东门那个不是西门
        您受累，给我把收货地址改成单位的，甭送家里了
        孩子帮我下的单 手机号留的是他的 能改成我的吗 我好接电话
        送朋友的生日礼物，结果收货人填成我自己了，能改成她的名字和地址吗
        啥子情况哦，地址选成我老家的了，帮我改成成都这边嘛
        那个我跟你说一下啊我上午下的单然后看了一下地址还是以前租的那个房子现在不住那了你帮我改成现在这个行不行
        """,
        """
        eh the address for my order got problem, I never put the unit number lah, can help change before you all send out?
        Hi po, the barangay on my order is wrong, is it still possible to edit it before shipping?
        Please help me to correct the delivery address on {o}, I mistakenly wrote my former office in Ikeja instead of the Lekki one
        y'all, I put my mama's old address on that order, she's moved out by the lake now, can you fix it before it heads out
        It's a birthday present for my niece and I just noticed it's set to come to my place instead of hers. Could the shipping address on the order be switched to her flat?
        Our office moved up to level 12 last month and the order still says level 3, could you update the delivery address on our company purchase
        bruh i put my dorm but im home for break, can u change where the order goes
        Pls kindly amend address of my order, should be Flat C 18/F, I missed out the floor
        """,
        """
        收件address少了楼层，order还没出货的话麻烦update一下
        送给朋友的gift，地址要改成她家的，order还来得及改吗
        我个order地址写错咗，可唔可以帮我改去公司address
        """,
    ),
    "order.cancel": (
        """
        唔该帮我取消张单，我唔要喇
        张单落错咗，可唔可以取消
        请问刚刚下的订单可以取消吗？超商选错了想重新下，谢谢您
        这单整岔劈了 给我取消了吧
        我妈不会弄 手一抖下了三单 帮忙取消两单
        取消 不要了
        取消吧
        孩子拿我手机乱点，下了个{p}，这单麻烦给撤了
        要得，那就不买了，帮我把订单取消嘛
        您受累给取消一下，甭发了，家里有了
        公司那边预算没批下来，刚才那个批量采购的订单先取消掉，以后再下
        本来买来送人的，对方说已经有一个了，趁还没发货取消吧
        喂你好我刚才那个单子不要了你帮我取消一下谢谢啊
        """,
        """
        Can cancel my order or not? Accidentally bought the same thing two times lah
        Good day, please I want to cancel the order I placed this morning, I have gotten the item elsewhere
        hi po, can I still cancel my order? my tita already gave me the same one as pasalubong
        Our purchasing team raised this one by mistake and the PO has been withdrawn, please cancel the order before anything is dispatched
        I was getting this for my brother's birthday but it turns out he already has one, so I'd like to cancel if it hasn't gone out yet
        I reckon I got a little click-happy last night, could y'all cancel that order for me
        lowkey regret buying this ngl, can i cancel
        Pls help cancel my order, I chose wrong model, many thx
        """,
        """
        order下多了一张，帮我cancel最新那张
        这张order可以cancel吗，公司的PO取消了
        唔该帮我cancel张order，买错咗
        """,
    ),
    "order.modify": (
        """
        唔该帮我将件衫改做细码，仲未寄嘅话
        可唔可以喺张单度加多一个{p}，一齐寄
        请问订单可以从超商取货改成宅配吗
        数量整错了 五个改成三个 能整不
        是送人的，想在订单里加个礼盒包装和贺卡，卡上写生日快乐
        送礼用的，麻烦别放价签和发货单，订单备注能加上吗
        公司采购的那单，数量从50改成80，能直接在原单上加吗
        改颜色 要白的
        给我妈买的鞋码数拍大了 帮我改成37
        颜色选成红的了，咋个改成蓝的嘛，还没发货吧
        您受累把这单的型号换成大号的，甭让我重新下了
        员工福利那单，想把其中十份换成另一个口味，还没发的话能改吗
        我看了一下还没发货那能不能把那个黑色的换成灰色的数量不变
        """,
        """
        can add one more {p} to my order or not? same address, want to send together lah
        could you pop a card in the order saying Happy 40th Dad, love Jen? I forgot the gift message at checkout
        We ordered 20 of the desk lamps for the office but now need 25, could you bump the quantity before it's packed
        please I made a mistake on the colour, kindly change it from black to wine before you dispatch
        hey y'all, could you switch the size on my order from the small to a medium? my grandbaby's growing like a weed
        can i change my order to the lilac one?? the grey is giving boring
        May I change the model in my order to the one with bigger water tank, I will top up the difference
        is it possible po to remove the price tags and add gift wrap to my order? it's for my ninang
        """,
        """
        帮我喺order度加多一个{p}，一齐ship
        order的quantity要改成25个，公司要多几个
        能帮我的order加个gift message吗，是送人的
        """,
    ),
    "payment.invoice": (
        """
        唔该张单开张发票畀我，抬头写公司名
        请问这笔订单可以开三联式发票吗？要打统编报帐，谢谢您
        发票开了没 报销等着用呢
        公司采购的那批订单要开增值税专用发票，税号和开户行我发给你
        专票抬头开错了，税号少一位，麻烦作废重开
        员工福利那单一共二十份，能合并开一张发票吗
        给我妈买的{p}，她保修要用发票，能补开一张寄过去吗
        送人的那单发票别跟货放一起，单独发我邮箱
        发票咋还没开呢 都好些天了
        麻烦开个票
        订单{o}的电子发票能换成纸质的吗，我们财务只收纸质的
        发票抬头嘛就写个人，要得不
        你好我上周下的那个单要开发票抬头是我们单位名字税号我一会儿发你
        """,
        """
        Our finance dept needs the invoice made out to the company with our VAT number on it, we paid with the company card
        could you do a gift receipt for my order? no prices please, it's going to my in-laws
        we're a public school and tax-exempt, can the invoice show zero sales tax? I can email the exemption certificate
        Please I need a proper invoice with your company stamp so my office can reimburse me, the order confirmation is not enough
        Hi, can send me the tax invoice for my order? Need to claim from my company one
        Can I have an official receipt po with my business name and TIN on it? it's for BIR
        our café bought the coffee machine on {o}, the accountant wants a VAT invoice with the café's trading name
        need the invoice to show our purchase order number, can you add PO 4471 to it
        Gift receipt?
        We're a small primary school and the PTA bought the reading lamps for the library last week. Our bursar is very strict about paperwork. She can't pay back the parent who bought them unless the invoice has the school's name on it instead of his. Could you reissue it to Hillcrest Primary?
        """,
        """
        公司要VAT invoice，抬头写company name
        可以开一张gift receipt吗，不要显示price
        麻烦开张invoice俾我，要写公司名同埋PO number
        """,
    ),
    "order.status": (
        """
        点解我张单一直显示处理中嘅
        落咗单两日都冇动静，究竟有冇落到单
        请问订单一直显示待出货，这样正常吗，谢谢您
        订单咋还卡着不动呢 啥情况
        下单了吗 我看不到
        孩子帮我下的单，我在手机上找不着，到底下成没
        公司采购那单显示待审核三天了，财务问我到底下没下成
        订单显示已关闭 我没点啊
        那个单子嘛一直是待确认，啥子意思哦
        您受累给瞅一眼，订单{o}到底是个啥状态
        单呢
        你好我想问一下就是我前天下了一个单然后一直没有短信也没有电话我也不知道到底下没下上你帮我看一下
        """,
        """
        my order still showing processing one, got problem or not?
        Please what is the status of my order? It has been on 'processing' since Tuesday
        just asking po if my order is confirmed na, the app still says to be processed
        Did the order for our office go through? Our procurement system shows it submitted but we never got an acknowledgement from you
        ordered a birthday gift for my daughter last night and the app just says received, it hasn't moved since, is that normal
        howdy, just checkin' my order went through okay, never got one of them confirmation emails
        is my order even real lol it says pending since forever
        May I know why my order status change to 'under review'?
        """,
        """
        我的order一直showing processing，正常吗
        Order submit咗两日都未confirm，咩事
        公司的PO order显示received，但一直没有update
        """,
    ),
    "payment.failed": (
        """
        点解俾唔到钱嘅，张卡明明冇问题
        付款一直失败，请问是不是刷卡有问题，谢谢您
        付不了款 咋整啊
        付不上
        付款付不进去 一直转圈圈
        替我爸付钱，他那张卡老说支付失败，卡是好的
        云闪付付款提示交易失败，换了张卡也不行
        公司卡付款被拒了，是不是有单笔限额
        咋个付不起钱嘛，点了好几次都不得行
        用街口支付结帐一直失败，请问还有别的办法吗
        您受累瞧瞧，我这付款老说系统繁忙
        我点了付款然后跳出来一个错误就回到购物车了钱也没扣这是咋回事
        """,
        """
        tried to pay with my card 3 times already, keep say declined, but my bank say no problem one
        please my Verve card keeps failing at the payment page, the bank says the card is fine
        GCash payment keeps saying 'transaction failed' po, I've tried so many times already
        the company card keeps getting declined at checkout, finance says there's no block on it
        trying to order my mom's birthday present and Apple Pay just says payment not completed, over and over
        checkout keeps kickin' me back to the cart every time I hit pay, what am I doin' wrong
        it keeps saying unable to process payment and sends me back, same card worked fine last month
        My credit card cannot pay, always show error code 05
        """,
        """
        我的card一直被decline，bank说没问题
        用Apple Pay俾钱一直fail，点算
        GCash付款一直失败，payment page卡住
        """,
    ),
    "payment.coupon": (
        """
        张优惠券点解用唔到嘅
        满减冇减到，多俾咗钱
        请问折价券怎么没有折抵，谢谢您
        券咋用不了呢 领完就灰了
        券没减
        我妈说她领了个红包，付钱的时候没扣掉，帮她看看
        公司批量买了二十个，说好的满额折扣没算进去
        那个优惠券嘛用不起，啥子原因哦
        您受累看看，这券明明没过期，咋就不让用呢
        会员价没显示，结果按原价付的
        免运券用不了，结帐还是算了运费
        我领了一张满两百减三十的券然后凑够了两百多结算的时候还是原价
        """,
        """
        the voucher code cannot use one ah, say not eligible, but I'm first time buy
        please the promo code you sent on WhatsApp is not applying, it keeps saying invalid
        the bulk discount you advertise for 10+ units didn't come off when we ordered 12 for the office
        my 11.11 voucher didn't get deducted po, I still paid the full amount
        the code on the gift card my aunt gave me keeps saying it's already been redeemed
        y'all sent me a coupon for my birthday but it just won't take at checkout
        bro the student code isn't working fr
        referral code?
        """,
        """
        这个promo code一直说not eligible
        Voucher用唔到，checkout个total冇减
        买了10件，bulk discount没有apply到
        """,
    ),
    "payment.methods": (
        """
        可唔可以用八达通或者转数快俾钱
        请问可以刷卡分期吗？还是只能超商付款，谢谢您
        能货到付款不 我不会整网上支付
        公司对公转账已经打过去了，备注了订单号，麻烦查一下收到没
        公司采购要走对公转账，收款账户是哪个
        员工福利批量下单，能不能月结或者先发货后付款
        我帮老人付款，能用我的微信给他的订单付吗
        能用云闪付吗
        分期可以不
        微信付得起不嘛，还是只能支付宝
        您受累问一句，甭网上付行不行，我想去银行汇款
        我昨天下午用对公账户汇的款金额是{m}你们财务看到没有
        """,
        """
        Can we pay on net 30 terms? We're a small architecture firm and our accounts team only pays against an invoice
        Do you accept purchase orders from schools? Our district has to send a PO before any payment goes out
        can pay by PayNow or not?
        Please do you accept bank transfer in naira or only dollar cards?
        pwede po ba COD or GCash? I don't have a credit card
        does the company card have to be in the name of the person ordering? I'm placing this for my boss
        can I pay using FPS or Octopus?
        can i use my mom's card if she says its ok lol
        Net 30?
        I'm ordering on behalf of our church and the treasurer wants to send a cheque, is that something y'all take
        """,
        """
        可以用PayNow付款吗，没有credit card
        公司要net 30 terms付款，可以吗
        可唔可以用FPS transfer俾钱
        """,
    ),
    "payment.price_adjust": (
        """
        我啱啱买完就减价，可唔可以补返差价
        请问买完隔天就降价了，可以退差额吗，谢谢您
        昨天刚买今天就降了 咋整 能补差价不
        补差价
        给我妈买的{p}，前脚买完后脚就便宜了{m}，差价能退吗
        公司刚批量采购了一批，第二天阶梯价又降了一档，差价能返吗
        买完就降价嘛，这个差价补不补哦
        您受累，东西我挺满意，甭退货，就是买贵了，退个差价就成
        降价了能保价吗
        直播间现在比我下单那会儿便宜不少，差价能给我补上吗
        我上礼拜买的那个现在页面上便宜了好几十我看还在价保期内能不能申请一下
        """,
        """
        I bought last week, now got sale 20% off, can refund the difference or not?
        Please the price of the {p} dropped two days after I paid, can I get the balance back?
        hi po, it's on 9.9 sale now but I bought it at regular price on the 5th, can you adjust it?
        We ordered 30 units for the school at full price and your site now shows a tiered price for 25 and up, can that be applied to our order?
        bought this as a Christmas gift and it's already on sale for less, do you do price adjustments within 14 days?
        well shoot, it went on sale the very next day, any chance y'all could give me the difference
        it's literally cheaper now 💀 can i get the difference
        """,
        """
        我上周买的，现在on sale便宜了{m}，可以price adjust吗
        买完就price drop，可唔可以refund个差价
        这个price drop了，能refund the difference吗
        """,
    ),
    "payment.double_charge": (
        """
        点解扣咗我两次钱，我只系买咗一样嘢
        信用卡账单上有两条一模一样的，都是你们家的
        付了一次扣了两回 赶紧给我退一笔
        扣了三笔！！我就下了一单
        请问为什么刷卡被刷了两次？银行简讯显示两笔，请尽快处理
        花呗账单里同一单出现了两次，都是{m}
        银行短信连着来了两条扣款 订单就一个
        帮我妈付的钱，银行打电话问她怎么同一家店扣了两次
        云闪付扣款两次，同一时间同一金额
        扣两次了
        公司对公账户被划走了两次货款，财务在追问，请马上核实退回
        付钱的时候网卡了一下，我又点了一次，结果微信扣了两回，订单就一个，咋个整嘛
        我昨晚在你们这买了个{p}，当时转了半天，今早一看银行短信，扣了两笔{m}，订单只有一个
        """,
        """
        3 payments for one checkout, I only pressed pay once
        it went through twice on my PayPal, same amount, same minute, one order
        my bank app is showing two pending holds of {m} from you but there's only the one order
        Apple Pay took it two times lah, I only got one order confirmation
        Please I was debited two times for one order, my bank alert came in twice
        looked at my credit card statement and y'all got me on there twice for the same {p}
        My credit card statement show your shop charge the same {m} two times, pls reverse one
        why do i have two of the same transaction from u?? i only bought one hoodie
        billed 3x??
        Checkout froze on the last page so I waited and refreshed, and it showed my order as confirmed. Fine, I thought. Then I opened my banking app tonight. There are three separate payments of {m} to you, all in the same minute.
        """,
        """
        我的PayPal被扣了两次，只有一张order
        bank app显示两个pending hold，我只checkout一次
        Apple Pay charge咗我两次，张order得一张
        """,
    ),
    "payment.missing_money": (
        """
        钱已经扣咗，但系冇单，搞咩啊
        微信显示付款成功了，订单里啥都没有，钱呢
        银行短信说扣了{m}，我这边一个订单都没有
        钱没了单也没了
        云闪付付完钱页面就白了，订单没生成，钱也没退回来
        请问我刷卡成功了但订单显示未付款，这笔钱去哪了
        替老人问一下，他说手机上付了钱，可我在他账号里找不到订单
        信用卡有一笔你们店的扣款，我根本没下过单
        钱扣了订单没了 咋整
        对公转账转过去三天了，订单还是待付款，钱到底到哪去了
        花呗扣了钱，订单显示交易关闭，钱也没回来
        我刚才付钱显示成功了然后订单里面什么也没有钱也扣了你们看看怎么回事
        """,
        """
        money already deducted liao but no order in my account leh
        Please I made payment by transfer and my account has been debited but there is no order on my profile
        there's a {m} charge from your store on my credit card statement and I haven't bought from you in months
        PayPal says completed but my orders page is empty, where did the money go?
        filing a dispute with my bank is next, the money came out on Friday and there's still no order
        I don't recognise this charge from you on my card, nobody in our house bought anything
        Hi po, GCash deducted the payment already but the app says payment pending and no order was made
        my Apple Pay went through and the card was charged but the order screen just went blank and there's nothing in my account
        """,
        """
        钱已经扣了but我的account没有order
        信用卡statement有一笔你们的charge，我没买过东西
        GCash扣咗钱但系冇order，我要dispute呢笔钱
        """,
    ),
    "logistics.where": (
        """
        我嘅包裹去咗边呀，几时到
        请问宅配大概什么时候会到，谢谢您
        我那快递这会儿到哪疙瘩了
        到了没
        老铁 物流咋好几天一动不动呢
        给我妈寄的，她天天问我到了没，帮查下到哪了
        送人的礼物，想知道现在走到哪了
        快递走到哪里了嘛，好几天了
        您受累帮我查查，{c}这单走到哪儿了
        公司那批员工福利的货，物流现在到哪了
        包裹在哪
        喂我问一下我那个快递到哪里了啊说好三天到的现在都第五天了
        """,
        """
        my parcel where already? tracking never move since Monday leh
        Please I have been waiting for my order since last week and the tracking is not updating at all
        hi po, where na my parcel? it's been at the sorting hub in Pasig for 4 days
        The order for our office was supposed to ship Tuesday, can you tell me which courier has it and the tracking number
        I ordered my dad's birthday present on the 3rd and the tracking still just says shipped with no other updates, any idea where it is?
        any idea where my package got off to? tracker ain't budged in three days
        yo where's my package at, tracking been frozen for days
        May I know when will my parcel reach? The {c} tracking only show in transit
        parcel where?
        """,
        """
        我的parcel去咗边，tracking三日冇郁过
        tracking一直停在sorting hub，包裹到哪了
        公司order的包裹ship了吗，可以给我tracking number吗
        """,
    ),
    "logistics.not_received": (
        """
        话我签收咗喎，但我乜都冇收到
        请问超商取货显示已取件，但我根本没去取啊
        物流说签收了 我啥也没收着
        没收到啊
        我妈说快递员没来过，系统显示签收了，她一整天都在家
        送给朋友的礼物显示签收了，她说没收到
        门卫说没见过这个包裹，物流上写的是门卫代收
        显示签收了嘛，我屋头哪里有哦
        您受累问问快递员，东西放哪儿了，我这儿压根没见着
        公司前台说没签过，但物流显示已签收
        物流写着放在快递柜了可是我一直没收到取件码去柜子那找了也没有
        """,
        """
        tracking say delivered already but nothing at my door leh, my neighbour also never receive
        Please the rider marked my order as delivered but I did not receive anything, nobody even called me
        the app says it's delivered po but there's no parcel at the guard house, the guard says nothing came
        it says signed for at our front office by a name nobody here recognises, we never got the box
        my daughter's birthday present shows delivered on Saturday, she was home all weekend and nothing came
        the tracking claims they dropped it on my porch but there ain't nothing on my porch but the dog
        says delivered 2pm... i was literally home at 2pm. nothing.
        The status show delivered to locker but the locker is empty when I open it
        """,
        """
        tracking说delivered了，但我门口什么都没有
        显示delivered去building reception，但reception话冇收到
        app显示已经delivered，but公司前台说没有收到
        """,
    ),
    "logistics.redirect": (
        """
        我听日唔喺屋企，可唔可以改后日送
        请问可以改成超商取货吗？白天家里没人收宅配
        快递能给放门卫那不 我上班不在家
        放快递柜
        我妈腿脚不好，能让快递员送上楼吗，别放驿站
        送人的，能不能让快递员直接送到她公司前台
        能不能改成晚上送嘛，白天屋头没得人
        您受累跟快递员说一声，甭打电话，放门口就成
        包裹能不能转寄到我爸那边，也在这个城市
        改天再送吧
        快递员刚打电话我在外地出差你让他先别送放到小区门口那个驿站我回来自己拿
        """,
        """
        tomorrow I not at home, can the driver deliver to my office instead or not?
        Please can the dispatch rider call me before coming, our estate gate needs an access code
        can I just pick it up at the branch po instead of home delivery? no one will be at the house
        It's a surprise gift, can the courier leave it with my neighbour at number 14 so my wife doesn't see it?
        Our café is only open 7 to 3, can the delivery come in the morning and to the side door
        could y'all have it held at the depot, I'm gonna be at the lake house all week
        Can change to deliver to SF locker? Not at home in daytime
        """,
        """
        明天不在家，delivery可以改送去office吗
        可唔可以叫courier送去SF locker
        是surprise gift，能送到隔壁neighbour那里吗
        """,
    ),
    "logistics.customs": (
        """
        我个包裹喺海关卡咗好耐，要点搞
        请问国际包裹清关需要我提供身份证吗，谢谢您
        海关那块儿卡住了 咋整
        清关
        替我女儿问的，她在国外，包裹被海关扣了说要补税
        公司批量进口的那批货清关要报关资料，需要我们提供什么
        海关要交好多税哦，这个钱哪个出
        清关短信让我上传实名认证，是你们发的吗
        包裹在海关待了一个礼拜了
        您受累问一句，这海关得卡多少天啊
        我查了一下物流说在海关等待查验已经好多天了是不是还需要我做什么
        """,
        """
        the courier say customs need me pay GST first, the price never include meh?
        Please customs at the airport are asking me to pay duty before they release my package, is that normal?
        Bureau of Customs is holding my parcel po, they're asking for the invoice
        our company shipment is held at customs and the broker needs the commercial invoice and HS codes from you
        it's a gift my sister sent from overseas and customs wrote asking what it's worth, I don't have an order number
        customs is holding my package, they say they need some form from y'all
        customs has my package hostage lol what do i do
        """,
        """
        我的parcel卡在customs，要交tax吗
        customs要invoice先放行，可以发给我吗
        海关hold住我个package，要俾duty咩
        """,
    ),
    "logistics.damaged_in_transit": (
        """
        个箱烂晒，入面啲嘢都跌咗出嚟
        请问宅配送来的时候箱子压坏了，里面的东西也裂了
        快递盒子都瘪了 里头东西也整坏了
        箱子破了
        送人的礼盒到的时候角都压塌了，这还怎么送
        我妈收到的包裹湿透了，纸箱都泡烂了
        快递箱子被摔得稀巴烂
        盒子都压扁了嘛，里头的杯子碎了
        公司订的那批货有三箱外包装破了
        包裹上一个大鞋印，一看就是被踩过，里面东西都变形了
        我拆开一看泡沫都碎了外面箱子也凹进去一大块东西摔得不成样子
        """,
        """
        the box reach already all squashed one, the {p} inside also bent
        Please the carton was torn and soaked when the rider brought it, the items inside are spoilt
        the parcel arrived po with the box crushed on one side, looks like it was dropped
        half the mugs in our office order came smashed and the outer carton has a huge dent in the corner
        the gift box was all dented and the ribbon torn off by the time it got to my sister
        the box showed up lookin' like somebody sat on it and the {p} inside is cracked
        box got absolutely wrecked in shipping 😭 corner caved right in
        """,
        """
        box到的时候已经crushed，里面的{p}也坏了
        个box送到嘅时候湿晒，入面啲嘢都damage咗
        快递box被压扁了，明显是运输中damage
        """,
    ),
    "return.request": (
        """
        我想退货，件衫唔啱身
        请问还在七天鉴赏期内，可以退货吗，谢谢您
        这玩意儿不想要了 咋退
        退货
        给我妈买的，她说用不惯，想退了
        送人的对方不喜欢，包装都没拆，能退吗
        孩子帮我下的单，买错了东西，我要退回去
        这个东西不合适嘛，退得了不
        您受累，这个我退了吧，甭换了
        公司团购了十件，多了三件，能把多出来的退掉吗
        能退嘛
        上周买的{p}，用了两次觉得跟我想的不太一样，也没坏，就是用不上，还在七天里吧，我想退
        """,
        """
        the colour not nice lah, haven't use it yet, can return?
        Please I want to return this item, it's not what I wanted, how do I go about it?
        hi po, I'd like to return the item, it's too big for our condo
        I got this as a gift and there's no order number or receipt with it, can I still return it?
        We ordered 40 chairs for the school hall and only need 30, can we send the extra 10 back?
        I'm fixin' to send this back, it just ain't what I had in mind, how do I go about that
        not feeling it tbh, can i return
        is sale stuff final sale or can I still send it bak? got a top last week
        """,
        """
        收到gift但冇order number，可以return吗
        想return多出来的10张chair，公司不需要
        这个不太适合，can return吗
        """,
    ),
    "return.exchange": (
        """
        对鞋细咗，可唔可以换大一码
        请问收到的颜色跟我想的不太一样，可以换成米白色吗
        码整小了 能换不
        换个大码
        给我爸买的衣服小了，换个XL
        送人的，对方想要别的颜色，能换吗，吊牌都在
        这个鞋子嘛有点挤脚，换大一号要得不
        您受累给换一件，这件太肥了
        员工福利发的T恤，有几个人尺码不对，能批量换吗
        换货
        我穿了一下没出门就是腰那块有点紧想换个大一号的同款同色
        """,
        """
        the shoes too small lah, can change to one size bigger?
        Please I want to exchange the gown for a bigger size, it's too tight at the waist
        can I have it changed to a bigger size po? it's too small for my son
        My friend got me this jacket as a gift but it's a size too small. I don't have the order number, only the gift receipt. Can I swap it for a large?
        We got the staff polos in the wrong sizes, can we swap 10 mediums for larges
        could I trade these boots for a half size up, they pinch my toes somethin' fierce
        can i swap this for the pink one instead lol
        """,
        """
        双鞋too small，可以exchange大一码吗
        收到的gift size唔啱，有gift receipt，可以换吗
        公司的polo要exchange成L码
        """,
    ),
    "return.logistics": (
        """
        退货寄咗返去，你哋收到未
        请问退货可以用超商寄件吗？寄回地址是哪里
        退货咋寄啊 地址给一个
        退货寄哪
        我妈不会寄快递，退货能上门来取吗
        退回去的货签收没
        退货寄到哪里嘛，运费哪个出
        您受累说一下，退货寄哪个地址，到付成不
        公司退的那二十件分三个箱子寄回去了，单号发给谁
        上门取件的师傅一直没来
        我已经把退货用{c}寄出去了单号也填了你们那边显示收到没有
        """,
        """
        I already post back the return liao, you all receive or not?
        Please where should I drop the return item? There is no {c} office close to me
        hi po, the return pick-up didn't come today, can you rebook it?
        We're returning a pallet of office chairs, do you arrange freight collection or do we book it ourselves?
        I'm returning a gift that was shipped straight to me and the label has the sender's address, where do I send it back to
        dropped my return off at the post office Tuesday, y'all get it yet?
        the return label u sent is blank?? can u resend
        """,
        """
        我已经send back了return，你们收到了吗
        return label印唔到，可唔可以再send一次
        return的courier pickup没来，能改天吗
        """,
    ),
    "refund.status": (
        """
        退款几时到账呀，等咗好耐
        请问退款退到信用卡要多久，谢谢您
        退款咋还没到 都一礼拜了
        退的钱呢
        退款咋样了
        替我妈问一下，她那单退了货，钱退到哪了
        退款嘛好久才到哦
        您受累给催催，这退款等了挺久了
        公司那批退货的款，对公账户还没收到
        显示退款成功了，花呗里没看到
        我那个退货你们都签收好几天了退款那里一直显示处理中到底什么时候能到
        """,
        """
        refund how long more then can reach? already one week liao
        Please I am yet to receive my refund since you confirmed the return
        hi po, when will the refund be credited to my GCash? it's been 5 days
        Our accounts team hasn't seen the refund for the returned office chairs come through on the company card yet, can you check
        my grandma sent back the gift I bought her and I still haven't seen the refund on my card
        just wonderin' when that refund's gonna show up, been a couple weeks now
        refund still not here 🙃 whats the hold up
        """,
        """
        refund几时到账，已经一个week
        return收到了，但refund还没到我的card
        你哋话refund咗，但我bank account仲未见到
        """,
    ),
    "refund.request": (
        """
        我唔要喇，直接退钱畀我啦
        请问可以直接退款吗？还没出货的话就不要了
        不要了 把钱退了
        退钱
        给我妈买的她说不要了，东西还没发，帮忙退款吧
        送人的日子都过了东西还没到，不要了，退款吧
        少发了一个嘛，那个的钱退给我
        您受累，甭发了，把钱给我退回来
        公司采购那单不要了，货款请原路退回对公账户
        包裹一直没到，我不等了，申请仅退款
        你好那个东西我想了想还是不要了你们还没发货的话直接把钱退给我就行
        """,
        """
        the item never come, I want refund can?
        Please refund my money, the order was cancelled from your side
        I prefer refund po, not store credit, thank you
        We'd like a refund for the 5 units that were out of stock on our purchase order, the rest can still ship
        the birthday's come and gone so I don't need it anymore, please just refund me for the late order
        I'd just as soon have my money back, if that's alright with y'all
        refund pls, i'm done waiting for the restock
        """,
        """
        我唔要replacement，可唔可以refund返俾我
        out of stock的5个请refund，其他照发
        item没到，我想申请refund
        """,
    ),
    "refund.amount": (
        """
        退返嚟嘅钱少咗{m}，点解嘅
        请问退款金额怎么比我付的少？运费没退吗
        退的钱不对啊 少了一截
        少退了
        替老人问一下，退回来的钱比付的少了几十块
        退款只到了一半，另一半呢
        钱嘛退是退了，少了好几十哦
        您受累算算，这退款金额不对，少了{m}
        公司那批退货应该退八千多，到账才五千，差了不少
        退款到账了，但运费没退
        我付了{m}退回来的钱少了一截也没人跟我说扣的是什么
        """,
        """
        refund got come in but less {m} leh, why like that?
        Please the refund I received is not complete, the delivery fee was not included
        the refund po was only for one item but I returned two
        We returned 10 units but the credit note only covers 8, please check the refund on our company order
        the refund came back without the gift wrap charge, I paid extra for that
        y'all refunded me but it's short about fifteen bucks, what happened there
        why is my refund missing like half the money??
        """,
        """
        refund少了{m}，shipping fee没退
        退返嘅refund amount唔啱，少咗一件的钱
        refund的amount不对，gift wrap的钱没退
        """,
    ),
    "product.defect": (
        """
        个{p}用咗两日就坏咗
        请问行动电源充不进电，是不是坏掉了
        这玩意儿刚用就整坏了 啥质量
        坏了
        给我妈买的{p}，才用了三天就坏了
        送人的手表，人家一戴就不走了，太尴尬了
        按钮摁不动了
        这个东西嘛用两下就不得行了
        您受累，这{p}不好使了，才买一礼拜
        公司批量买的{p}，有五个到手就是坏的
        屏幕一闪一闪的，用了不到一个月
        刚开始用还挺好的，第三天早上起来一按就没反应了，换了插座也不行
        """,
        """
        the {p} cannot on already after one week, got problem lah
        Please the blender you sent is not working, it just hums and the blades don't move
        the electric fan po stopped rotating after 3 days
        Three of the 12 desk lamps we got for the office flicker and then go dark, the rest are fine
        I bought this as a gift and my brother says the left speaker doesn't work at all, kind of embarrassing
        this darn thing quit on me after two uses, won't power up no matter what
        the earbuds randomly disconnect every 5 mins its so annoying
        The zip of the bag broken already, only used two times
        I gave my dad the smoke grey {p} for Father's Day and the display stopped showing anything on day three
        """,
        """
        这个{p}用了一个week就broken了
        部机开唔到，charge咗成晚都冇response
        earbuds左边没有sound，connect不到
        """,
    ),
    "product.usage": (
        """
        呢个{p}点用㗎，说明书睇唔明
        请问这个要怎么跟手机配对，谢谢您
        这玩意儿咋整啊 咋开
        咋开机
        替老人问一下，字太小了，声音怎么调大
        孩子帮我装好就走了，我不会用，定时咋设
        这个嘛咋个用哦，按哪个键
        您受累教教我，这个怎么连WiFi
        公司买了一批，怎么批量设置成中文
        灯一直闪红色 啥意思
        你好我刚买的这个机器拿到手不知道先干嘛是要先充电还是直接就能用
        """,
        """
        how to pair this one with my phone ah? the manual very cheem
        Please how do I set the time on this wall clock, the instruction is not clear
        how do I use the timer po? I can't understand the manual
        we bought the coffee machine for our café, how do I set it to pull double shots by default
        it was a gift so I don't have the box or leaflet, how do I get it into pairing mode
        how do I get this fancy thing to quit beepin' every time I open the lid
        ok how do u even turn this on, which button
        """,
        """
        这个怎么pair phone，manual看不懂
        部coffee machine点set double shot
        收到是gift没有manual，怎么reset
        """,
    ),
    "product.missing_parts": (
        """
        个盒入面冇充电线嘅
        请问盒子里少了一个转接头，可以补寄吗
        零件少了 装不上 咋整
        缺东西
        给我妈买的，她打开说遥控器没有
        送人的礼盒里少了一个杯子，一套应该是两个
        螺丝少了两颗嘛，装不起
        您受累给补寄一下，说明书和充电头都没有
        公司订的二十套，有三套少了底座
        说好的赠品收纳袋，盒子里没见着
        我一样一样对着清单数了一遍少了一个挂钩还有一个小扳手
        """,
        """
        the box got no charger inside leh, listing say got
        Please the screws for the bed frame are not complete, I can't couple it
        the remote po is not in the box, only the fan
        We ordered 12 office chairs and only 10 sets of armrests were in the cartons
        opened the gift with my niece and the batteries and the little pump aren't in there
        there's supposed to be a wall bracket in here and I'll be darned if I can find it
        where's the cable?? box only had the thing itself
        """,
        """
        box入面冇charger，listing写有
        少了两颗screw，assemble不起来
        set里面的remote不见了
        """,
    ),
    "product.not_as_described": (
        """
        件衫同相差太远，颜色完全唔同
        请问收到的尺寸跟商品页写的不一样，这样可以处理吗
        这啥玩意儿 跟图上两码事
        跟图不一样
        给我妈买的，说是大字版，收到的字一样小
        说是真皮的，拿到手摸着就是人造革
        页面写的是不锈钢嘛，结果是铁的，都生锈了
        您受累瞧瞧，这颜色跟照片压根不是一个色
        公司采购的型号写的是带蓝牙的，到货一批全是不带的
        容量写的2升，实际装不到一升半
        我对着详情页看了半天尺寸重量都对不上收到的明显是小一号的
        """,
        """
        this one in real life is brown lah, the photo show beige, not the same at all
        Please what I received is not what I saw on your page, the material is very thin and cheap
        the page says stainless po but a magnet sticks to it and the tag says iron
        the listing said it seats 6 but the table barely fits 4 of us in the café
        bought it as a gift because the page said it comes in a gift box, it came in a plastic bag
        this ain't real leather like the page said, it's that plasticky stuff
        the 'oversized' hoodie is basically a crop top, not what the page showed at all
        """,
        """
        颜色同photo差好远，not as described
        page话genuine leather，收到手感完全是PU
        说是gift box包装，结果只有一个plastic bag
        """,
    ),
    "product.warranty": (
        """
        个{p}仲喺保养期，坏咗可唔可以免费整
        请问保固期内可以送修吗，谢谢您
        保修咋整啊 去哪修
        能保修不
        替我爸问一下，去年买的{p}坏了，还在保修期吗
        发票找不到了，还能走保修吗
        保修嘛是一年还是两年，我这个坏了修得不
        您受累，这东西过保了，修一下得多少钱
        公司买的那批有两台坏了，保修是寄回去还是上门
        维修寄回去多久能修好
        我这个用了十个月了最近有点毛病想问一下保修的话要准备什么东西
        """,
        """
        my {p} spoil already, still got warranty or not?
        Please is this still under warranty? I bought it in March and the screen has stopped showing
        can I bring it to your service center po for repair? still under warranty
        One of the coffee grinders at our café died at 10 months, how do we lodge a warranty claim as a business customer
        it was a wedding gift so I don't have the order number, is the warranty still valid
        does the warrenty cover the motor? mine's done quit after eight months
        warranty still good on this? it's like 11 months old and it's dying
        """,
        """
        部机坏咗，仲有冇warranty cover
        买了十个月，warranty可以cover维修吗
        gift来的没有order number，warranty还有效吗
        """,
    ),
    "product.safety": (
        """
        插上电手一碰外壳麻了一下，吓得我赶紧拔了
        热水壶摸着有点电手，酥酥麻麻的
        用着用着噼啪响了两声，冒出一股热塑料味
        充电的时候滋滋响，插头那里都黑了
        我家一岁半的把遥控器里的纽扣电池抠出来了，不知道咽没咽，正往医院去
        三个月大的宝宝躺在摇椅上，带子突然松了，头磕在地上青了一块
        老大老二玩那个滑板车，轮子飞出去了，老二膝盖划了道口子
        我妈踩那个防滑垫滑倒了，垫子一点都不防滑，现在腿肿了
        狗啃了你们的宠物玩具，里面的填充物吞下去了，现在在宠物医院
        猫窝里的加热垫烫得不得了，猫肚子上的毛都焦了
        部充电宝充电嗰阵突然好烫，仲有阵烧焦味，差啲着火
        请问电暖器用到一半突然冒烟还有火花，这样很危险吧
        这玩意儿一插电就冒火星子，差点把窗帘点着了
        老人坐的那个折叠凳腿突然折了，摔了一跤，胳膊一大片淤青
        冒烟了！！
        昨晚给孩子冲奶，温奶器开始还好好的，后来闻到一股焦糊味，一看底座熏黑了，插头烫手
        你们那个电热毯我妈盖着睡觉半夜说腿上烫起了水泡你们这个东西到底有没有问题
        """,
        """
        every time I touch the metal side of the {p} I feel a tingle in my fingers, like a buzz
        the lamp gave me a little zap when I switched it on and my hand still feels numb
        there's a crackling and popping noise coming from inside the heater and it smells like hot plastic
        the adapter got buzzing sound and the plastic smell very strong lah, I quickly unplug already
        one corner of the adapter is melted and the socket was too hot to keep my hand on
        my 8 month old was chewing the rattle and the end cap popped off into her mouth, I had to hook it out with my finger
        the 2yo was standing in the activity walker and it tipped right over, he's got a lump on his forehead the size of an egg
        our dog chewed the squeaky toy, a chunk broke off and sliced his gum open, he's at the vet now
        my mum is 82 and leaned on the shower stool when a leg buckled, she went down hard and her hip is black and blue
        Please the extension box you sold me made a loud pop and the wall around the socket is black now, my house almost went up
        the face mask gave me red itchy bumps all over my cheeks within like 10 mins
        So we've had the nightlight about a month and it's been fine. Last night I heard a faint crackle and there was a smell like an iron left face down. When I pulled it out, the plug end was soft and bent out of shape. It was two feet from the cot.
        """,
        """
        这个charger摸起来有点tingle，好像漏电
        heater有crackling声，还有一股hot plastic的味道
        我个2岁仔爬上个shelf，成个shelf倒落嚟，佢额头有个bruise
        奶奶坐的shower stool突然gave way，她摔倒了
        """,
    ),
    "complaint.service": (
        """
        你哋啲客服态度好差，问两句就唔理人
        打咗几次电话都冇人听，点做生意㗎
        请问你们客服都不回讯息的吗？已经等了三天
        你们客服啥玩意儿啊 说话阴阳怪气的
        客服啥态度
        帮我妈打电话问事，客服嫌她说话慢，直接挂了
        那个客服嘛说话冲得很，问啥都说不晓得
        您受累转告一下你们领导，那个客服说话太噎人了
        我们公司是大客户，对接的业务员一个月换了三个，每次都要从头说一遍
        每次都说帮我反馈，然后就没下文了
        客服说会回电，从周一等到周五
        上周我就问过一次客服说会跟进结果没人理今天又问换了个人又让我从头说你们到底有没有人管
        """,
        """
        your customer service very lousy lah, I call 5 times nobody pick up, chat also no reply
        Please your agent was very rude to me, she shouted at me on the phone and dropped the call
        the agent po kept saying 'that's not my problem' and then ended the chat, so disrespectful
        I called to ask about adding a gift note and the rep laughed at me, then left me on hold for 25 minutes
        bless your heart, but whoever answered the phone yesterday has no business in customer service, she was downright nasty
        the guy on chat literally left me on read for an hour and then closed it 💀
        Your staff at the pickup counter ignored me and kept playing with their phone, very poor attitude
        I've been buying for our office from you for three years. Every order I've had to chase, every email sits for a week, and the account rep I was given doesn't know who we are. I'm writing to complain about your business team, not any product.
        """,
        """
        你们的customer service很lousy，打了五次都没人接
        个agent好rude，直接end咗个chat
        客服一直copy paste，完全不listen
        """,
    ),
    "complaint.misleading": (
        """
        你哋话买一送一，结果乜都冇送，呃人
        请问页面写全馆免运，为什么结帐还要付运费？这样不是骗人吗
        说好的正品 整来个高仿 忽悠谁呢
        主播说全网最低，我一搜别家便宜一百
        跟老人说这枕头能治失眠，根本就是普通枕头，专门骗老年人
        说好的阶梯价买一百件打七折，结算根本没有，这不是骗企业客户吗
        说的是包邮嘛，结果还要补运费，啥子意思哦
        您受累说说，这标的原价是咋回事，先涨后降糊弄谁呢
        广告写的送精美礼盒，收到就一个塑料袋装着
        骗人
        详情页写的是现货下单当天发结果付完款告诉我要预售二十天这不是故意骗人下单吗
        """,
        """
        your ad say free shipping islandwide, checkout still charge me, this one is cheating lah
        Please the flash sale countdown restarts every single day, it is a trick to pressure people and it is deceitful
        the host in your live selling said free shipping on all orders today po, but I was charged shipping, very misleading
        your 'bulk pricing from 10 units' is a con, it only applies to one colour and that's buried in the small print
        y'all advertised it as Made in USA and the box says made in China, that's just plain dishonest
        the influencer code said 40% off and it was actually like 5%, so scammy
        Product page said gift box included, now your sales tell me gift box only for members, this is misleading
        """,
        """
        广告话free shipping，checkout又charge我运费，好misleading
        live selling说是original，收到是fake，这是false advertising
        写着gift box included，结果没有，false advertising
        """,
    ),
    "complaint.threat_legal": (
        """
        再唔处理我就去消委会投诉你哋
        我已经揾咗律师，等住收律师信啦
        请问是要我去找消保官申诉你们才会处理吗
        再不给整明白 我就打12345
        我要打12315
        替我爸说一句，再不解决我们就去消协，他这么大岁数经不起折腾
        我们公司法务已经在看合同了，再拖就按违约起诉
        不给个说法嘛，我就去市场监管局告你们
        您受累转告一下，材料我都准备好了，明儿就去法院立案
        我认识电视台的，这事儿让他们来评评理
        找律师了
        我已经把聊天记录和付款凭证都整理好了下周一还没结果我就去消费者协会
        """,
        """
        if you all still don't settle this, I go to CASE and the small claims tribunal, don't say I never warn
        I'm sending the whole file to the state attorney general's office this afternoon
        consumer affairs will be getting a copy of every email you've sent me
        I've already got the number for the Channel 7 tip line, keep ignoring me and see what happens
        Please be informed that I have briefed my lawyer and you will be receiving a letter from his chambers
        I'll be filing in small claims first thing Monday, y'all can explain yourselves to the judge
        I will report to Consumer Council if still no one handle this
        I'm going to the DTI po about this, I have screenshots of everything
        """,
        """
        再唔handle我就去消委会file complaint
        我会去small claims court告你们
        我已经联络咗lawyer，等住收legal letter
        """,
    ),
    "complaint.threat_review": (
        """
        再唔理我，我就喺连登出post闹爆你哋
        请问要我去PTT跟Dcard发文你们才会处理吗
        我要发到业主群里让大家评评理
        挂你们
        再拖我就发朋友圈，让我那几千个好友都看看
        我妈广场舞群里几百号人，我这就把聊天记录发过去
        等着上热搜吧
        我要在抖音开直播讲讲你们家干的事
        不解决嘛我就发到小区群里头，让大家都晓得
        公司采购群里都是同行，我会把这次经历原原本本发出去，看谁还敢跟你们合作
        我都截图了，回头发小红书
        一星
        你们再这样拖着我就把这个事发到我们单位群里面让大家都看看
        """,
        """
        just so you know, the review I'm writing won't be kind
        everyone in my neighbourhood group will hear how you treated me
        this is going on my channel, 40k subscribers are about to meet your company
        I'll be telling all the mums in our school WhatsApp group to steer clear of you
        wait till my Google review go up lah, sure make you all famous
        I'm making a TikTok about this whole mess and it's not gonna be cute
        Please you people will see what I will write about your company on my Facebook page tonight
        mark my words, the whole church is gonna know not to shop here
        I've been a customer for five years and I've sent half my street your way. After how I was spoken to today, that stops. The post going up on our neighbourhood page tonight won't be kind.
        """,
        """
        我会在Facebook group话晒俾大家知
        等住睇我个review，一定唔会nice
        这件事我会拍成video放上我的channel
        """,
    ),
    "presale.size": (
        """
        我平时着M码，呢件要拣咩码
        请问这件版型偏大还是偏小？我160公分50公斤，谢谢您
        一米八 一百六十斤 穿啥码
        穿几码
        给我妈买，她一米五五，一百二十斤，选哪个码
        送男朋友的，他平时穿42的鞋，这双要拿几码
        公司统一订工服，尺码表有没有到4XL的
        娃儿五岁，一米一，穿好大的嘛
        您受累给参谋一下，我这身板儿穿大号还是加大号
        三个月大的宝宝穿哪个码的连体衣
        这款鞋子码数标准不
        我脚背比较高平时穿39的运动鞋这双是要拍39还是40比较好
        """,
        """
        I usually wear M, this one can fit or not? Asian sizing?
        Please what size will fit a 14 year old boy who is 5'9?
        is the medium po ok for 60kg? I'm 5'2
        buying this as a gift for my husband, he's a 42 regular in suits, which size jacket is that
        We need polos for 30 staff, do you have a size breakdown with chest measurements so I can order the right mix
        does this run big? I'm a big ol' boy, usually a 2XL
        would a small be oversized on me or like actually fitted, im 5'3
        """,
        """
        我通常穿medium，这件fit会不会偏小
        送老公的gift，他穿42 regular，拿哪个size
        公司要30件polo，有size chart吗
        """,
    ),
    "presale.stock": (
        """
        呢个颜色仲有冇货呀
        请问这款还有现货吗？今天下单大概多久出货
        还有货不 老铁
        有货吗
        公司采购要两百件，库存够不够，能一次发齐吗
        员工福利要一百份，这款礼盒能备够货吗
        想给我妈买一个，红色的啥时候能补上
        这个还有得卖不，有的话我就拍了
        您受累问一嘴，大号的还能补货不
        缺货的那个颜色可以预订吗
        我看那个灰色显示无货了是卖完了以后不会再上了还是过几天会补
        """,
        """
        the black colour still got stock anot? I want buy 3
        Please do you have up to 50 pieces of this bag available? I want to buy for my shop
        do you have available stock po for the blue one? and will it arrive before Dec 20 if I order today?
        We need 40 of the ergonomic chairs for a new office fit-out, can you supply that many from stock or is there a lead time?
        if I order the {p} now will it get here before my son's birthday on the 14th?
        y'all got any more of the green ones comin' in, or are they gone for good
        pls tell me the lilac one is restocking 🙏
        My sister's baby shower is in two weeks and the registry says she wants the cream bassinet. Your site shows it as low stock. Is there actually one I can buy right now?
        """,
        """
        这个black色还有stock吗，想买三个
        公司要40张chair，有stock吗
        而家order，birthday之前送唔送到
        """,
    ),
    "presale.specs": (
        """
        呢款{p}同上一代有咩分别
        请问这个行动电源可以带上飞机吗？容量是多少
        这玩意儿防水不
        啥材质
        给我妈买的，她眼神不好，这个字大不大，操作复杂吗
        送人的话有礼盒包装吗？能帮忙写张贺卡吗，价签能不放吗
        公司采购一百台，有没有阶梯价，能开专票吗
        批量买能不能印公司logo
        这个用起来巴适不，噪音大不大
        您受累问一下，这保温杯能保温几个钟头
        请问可以寄到金门吗？运费怎么算
        一岁半的娃能用吗，有没有容易掉的小零件
        你好我想问一下这个电饭煲是几升的三口人够不够用
        """,
        """
        do you offer tiered pricing if we order 100 units for our staff?
        before I order, can you gift wrap it, leave the price tag out and ship it straight to the recipient?
        this one can use with Singapore plug or not? need adapter?
        Please is this standing fan rechargeable, how many hours can it last when there is no light?
        is it BPA free po? it's for my baby's milk
        Thinking of getting the espresso machine for our café, can it handle about 150 cups a day?
        is this the kinda cooler that'll keep ice a whole weekend at the lake?
        does it come in that sage green or just the beige
        tiered pricing?
        """,
        """
        100个units有bulk pricing吗
        可以gift wrap同埋唔放price tag吗
        这个espresso machine适合café用吗，一天150杯
        """,
    ),
    "other.thanks": (
        """
        唔该晒，帮咗我好大忙
        搞掂咗，多谢你哋
        收到了，谢谢您，包装很用心，下次还会再来
        老铁没毛病，东西贼好
        谢谢
        我妈收到可高兴了，说你们客服特别耐心，谢谢
        送人的礼物包装得好漂亮，朋友很喜欢，感谢
        东西巴适得很，谢谢客服妹妹
        您受累了，事儿给办得妥妥的，谢谢
        员工福利那批都收到了，同事们都说好，谢谢你们配合开票发货
        感谢感谢
        孩子帮我问的事解决了，谢谢你们
        本来还担心赶不上我爸生日，结果提前一天就到了，老爷子特别喜欢，真心谢谢你们
        """,
        """
        received already, very nice, thank you ah!
        Thank you so much ma, God bless you for your help
        thank you po for the fast reply, super helpful
        the gift arrived wrapped beautifully with no price tag, my mum was over the moon, thank you
        Just a note of thanks from our office manager, the bulk order arrived complete and on time
        y'all are a blessing, thank you kindly
        ok this is sooo cute, thank u!!
        my uncle is a lawyer and he loved how easy your returns were, thanks!
        Many thanks for your prompt help, really appreciate
        """,
        """
        parcel收到了，quality very nice，thank you啊
        个gift包装得好靓，my mum超开心，thanks
        多谢你哋嘅help，service好好
        """,
    ),
    "other.feedback": (
        """
        建议你哋个app加返繁体中文
        建议可以增加超商取货的选项，会比较方便
        给个建议啊 app字太小 老年人看不清
        建议
        希望能出个长辈模式，我妈老是点错
        建议加个贺卡留言功能，送人方便
        企业采购流程太麻烦了，建议做个批量下单的入口
        你们那个搜索嘛不太好用，搜啥子都出来一堆不相干的
        您受累转达一下，包装盒能不能做小点，甭塞那么多泡沫
        搜索要是能语音输入就好了
        就是提个意见啊你们那个购物车老是自己清空每次都要重新加不是啥大事就是有点烦
        """,
        """
        just suggest lah, your website font too small for the old folks to read
        Please you should add delivery to Port Harcourt, many of us here want to buy
        suggestion po, hope you can add a Tagalog version of the app
        would be great to have a gift receipt option at checkout, I always have to email to ask for one
        For business buyers it'd be handy to download all the month's invoices in one go
        just a thought, y'all might put the care instructions right on the product page
        the unboxing was cute but the tissue paper everywhere is a lot, maybe tone it down
        """,
        """
        建议checkout加个gift receipt选项
        website的font太细，老人家睇唔清
        希望有bulk order的page，公司采购比较方便
        """,
    ),
    "other.account": (
        """
        我个账户登入唔到，验证码一直收唔到
        请问会员要怎么绑定手机号码，谢谢您
        账号咋登不上了 密码也对啊
        登不上
        替我妈问一下，她换了手机号，账号怎么转过来
        孩子帮我注册的账号，密码我不知道，咋改
        公司想开个企业账号，几个采购员一起用，怎么弄
        我那个账号嘛被锁了，啥子原因
        您受累帮我把账号注销了，甭留着了
        积分咋没了
        不想收你们的推送了怎么关
        我换了个新手机下了你们的app登录的时候一直说账号异常让我验证但是验证码又收不到
        """,
        """
        cannot login to my account leh, OTP never come
        Please I have changed my line, how do I put the new number on my profile so the OTP can come
        how do I change the name on my account po, I just got married
        can we set up a business account so three people in our office can order under one company login?
        is there a way to hide an order in our shared account? it's my wife's birthday present
        plumb forgot my password, and I've checked my junk folder for that reset email, nothin'
        how do i change my username it's so cringe, i made it in middle school
        """,
        """
        login唔到，OTP一直收唔到
        想开一个business account，公司几个人share
        点样改account的email
        """,
    ),
    "other.misc": (
        """
        你哋喺香港有冇门市
        请问你们客服服务时间是几点到几点，谢谢您
        你们是哪嘎达的公司
        在不
        喂
        替我妈问问，你们线下有店没，她不会网上买
        我们是做礼品定制的，想跟你们谈合作，找哪位
        你们那儿招人不嘛
        您受累问一下，你们总部在哪儿
        有客服电话吗
        可以买礼品卡送人吗
        你好我就是想问一下你们这个店是品牌官方开的还是代理商开的
        """,
        """
        your shop got physical outlet in Singapore or not?
        Please do you have an office in Lagos where I can come and buy directly?
        are you hiring po? I'd like to apply as a customer service rep
        Who handles corporate partnerships? We'd love to work with you on a café collaboration
        Are y'all open the Friday after Thanksgiving?
        random q but is this a small business or like a big company
        What is your office hours on public holiday?
        """,
        """
        你们在Singapore有physical store吗
        想问下你哋office几点open
        corporate partnership要找边个
        """,
    ),
}


# The ninth pass (issue 15): wordings the earlier banks have few of, written without reading any held-out set.
MORE_7: dict[str, tuple[str, str, str]] = {
    "other.thanks": (
        """
        收到啦！已经在小红书发了笔记，姐妹们都在问链接🥰
        开箱视频发抖音了，点赞破千，谢谢你们家这么好看的包装
        朋友圈晒了一下，好几个朋友私信我要链接，谢谢老板
        东西太好看了，拍了照发ins，谢谢！
        已经给了五星好评还带了图，客服辛苦啦
        我表姐是律师，平时特别挑剔，她用了都说好，还让我替她谢谢你们
        我老公是中学老师，是他推荐我来你们家买的，果然没让人失望，谢谢
        我妈是护士，说这个护手霜特别适合她们天天洗手的人，谢谢推荐
        朋友是做记者的，上次在你们家买过就推荐给我了，真的好用，感谢
        我姑姑是医生，她看了成分表说挺好的，已经回购了，谢谢
        謝謝你們！開箱影片已經上傳YouTube，大家都說很可愛
        已經在IG限動推薦你們家了，朋友都在問連結，感謝客服耐心回覆
        我同學是小學老師，她推薦我來買的，品質真的很好，謝謝
        发了条微博夸你们，没想到还被官方转了，哈哈谢谢
        好评已写，晒图已发，谢谢小姐姐~
        谢谢～配件收到了，装上刚好合适 > 您好，补发的配件已寄出，请注意查收 发自我的iPhone
        收到了，装好了，完美。谢谢！ > 在5月3日，客服写道：> 新的滤网已经为您补发
        好的谢谢，替换的把手已经到了，严丝合缝 发自我的iPhone > 回复：关于您的售后申请
        抖音刷到的 买了果然不踩雷 谢谢
        小红书种草来的，没想到实物比图片还好看，爱了爱了 谢谢店家
        闺蜜看了我的开箱也下单了，谢谢你们送的小样
        朋友圈一发好几个人问哪买的 我都推你们家了 哈哈
        晒单了 谢谢
        我舅舅是牙醫，他說這支電動牙刷很不錯，謝謝推薦
        我室友是幼儿园老师，她拿去给小朋友们做手工，都说好玩，谢谢店家
        感谢！已经在Facebook群里推荐给宝妈们了
        """,
        """
        Posted my unboxing on TikTok and three friends asked for the link already, thank you!! 😍
        Left you a 5-star review with photos, the quality is even better in person
        just did a haul video on YouTube and your hoodie was the star of it, thanks guys
        shared a pic on insta and my DMs are full of ppl asking where it's from lol, thank you
        Put a photo in my Facebook group and now half the moms want one. Thanks for the lovely packaging!
        My sister's a lawyer and the pickiest person I know, and she loved the bag. Thank you!
        A friend of mine who's a nurse recommended your compression socks and she was right, they're great
        My brother-in-law teaches 4th grade and he's the one who told me about your shop, so glad he did
        my best friend is a journalist and she swears by your notebooks, now I get it 😊 thanks
        My mum is a GP, she checked the ingredients and gave it a thumbs up. Thanks for the quick delivery
        Thanks, the replacement hinge arrived today and fits perfectly. Sent from my iPhone > On Tue, Support wrote: > Your replacement part has been dispatched
        Got it, new lid fits great, cheers! > On 12 March, Customer Care wrote: > We've sent a replacement lid
        Perfect, the spare strap came and clicks right in. Thanks again. Sent from my iPhone
        Thank you! Part arrived and it's working. > Re: Replacement part for order {o}
        thx, all sorted 👍 Sent from my iPhone > On Friday, you wrote: > Please let us know if the new adapter fits
        My review's up, 5 stars, you earned it
        TikTok made me buy it and honestly no regrets, thanks!!
        my friend saw my story and asked for the link, sending her your way 💕
        Made a little unboxing reel, hope you don't mind me tagging you. Love everything!
        My aunt is a doctor and she's been recommending your pill organiser to everyone at her clinic. Thank you!
        Our neighbour is a teacher, she saw the planter on our porch and asked for the link. Thanks for making such nice stuff
        posted the photos, 5 stars ⭐⭐⭐⭐⭐
        Just wanted to say thank you, my wife's cousin is a nurse and she's the one who recommended you. Spot on.
        I put a review on your page and on Google too, thanks for the fast help with the exchange
        The haul is up on my channel and everyone loved the mugs, thanks for the extra sticker!
        thanks so much, fitted the new part in 2 min > From: Support > Subject: Re: missing screw Sent from my iPhone
        """,
        """
        开箱video已经发TikTok了，朋友都在问link，thanks!
        在小红书post了review，姐妹们都说好看，love it
        我姐是lawyer，连她都说quality很好，thank you
        replacement part收到了，fit得刚刚好，谢谢 Sent from my iPhone
        发了ins story，好多人问link，谢谢你们
        我朋友是nurse，推荐我买的，真的很comfortable，感谢
        5星review已写，photo也上传了，thanks客服
        多謝！新嘅part到咗，裝上去perfect > Re: 補寄配件
        """,
    ),
    "presale.specs": (
        """
        这个取暖器有没有过热保护？想放在老人房间
        请问倒了会自动断电吗？家里有猫老爱跳上跳下
        暖风机有定时自动关机吗，我爸晚上老忘记关
        这款蜡笔是无毒的吗？给幼儿园小朋友用
        水杯是不是不含BPA的，孩子上学带
        这个充电宝多少毫安，能带上飞机不
        20000mAh的是多少Wh啊，航空公司要求100Wh以内
        请问孕期可以吃这个维生素吗？有没有什么成分要注意
        哺乳期能用这个吗
        这套科学实验盒适合六岁的孩子吗？需要大人陪着做吗
        我是小学老师，想给班上用，这个颜料无毒吗，弄衣服上能洗掉吗
        烟雾机能在室内用吗，开生日派对用的
        这个火盆能放阳台用吗？我们住公寓
        烧烤炉可以在阳台上用吗，是电的还是炭的
        烈焰红这个色号黄黑皮能驾驭吗
        请问烈焰红适合肤色深一点的人吗？会不会显黑
        給長輩用的電暖器，有沒有傾倒自動斷電？
        搭飛機要帶，這顆是幾Wh？有印在機身上嗎
        這個黏土是無毒的嗎？要給幼兒園的小朋友上課用
        我是护士，想给病人买个暖手宝，有没有温控和自动断电
        照顾我妈用的，这个电热毯有过热自动断电吗，她不太会调档
        有过热保护吗
        自动断电不？
        孕妇能用这个精油吗
        这个积木几岁能玩，三岁的有没有太小的零件
        宝宝餐具是食品级硅胶吗，能进微波炉吗
        請問這款保健品孕婦可以吃嗎？想買給懷孕的老婆
        """,
        """
        Does this space heater have overheat protection? It's for my mum's bedroom
        Is there a tip-over switch on the heater? We have a dog who bumps into everything
        does the heater shut off automatically after a few hours?
        Are the watercolours non-toxic? I teach Year 1 and they get paint everywhere
        is the lunchbox BPA-free
        How many mAh is the power bank, and is it under 100Wh for carry-on?
        can i take the 26800mAh one on a plane or is it too big
        Is this prenatal supplement fine to take in the first trimester? Anything I should check with my midwife?
        okay to take while pregnant?
        Would the robotics kit be ok for a six-year-old or is it more for 10+?
        I'm a nurse looking for a heated pad for a patient who always has cold hands, does it have auto shut-off and a low setting?
        Can the smoke machine be used indoors at a school disco, or is it outdoor only?
        is the fire pit ok on a wooden balcony or does it need a stone base
        Can I use the electric BBQ on an apartment balcony? Our building doesn't allow charcoal
        Does the fire red lipstick work on darker skin or does it pull orange?
        would fire red suit a deep skin tone? 🙏
        Buying a heater for my elderly dad who forgets to switch things off, does it have a timer or auto-off?
        Is the play dough non-toxic and ok for a preschool classroom?
        Are the crayons certified non-toxic, like with the AP seal?
        overheat protection?
        is the bottle BPA free and dishwasher safe
        What age is the chemistry set rated for? My twins just turned six
        Can the patio heater be used under a covered porch, or does it need open air?
        Does the kettle have a boil-dry shut-off? Getting it for my gran
        Is the face paint gentle enough for kids' sensitive skin? Doing a class party
        Is the magnesium supplement ok while breastfeeding?
        """,
        """
        这个heater有overheat protection吗
        倒了会auto shut-off吗，家里有猫
        这个power bank多少Wh，能带上plane吗
        颜料是non-toxic的吗，班上kids用
        水杯是BPA-free的吗
        pregnancy期间可以吃这个supplement吗
        fire pit可以放balcony用吗
        烈焰红这个shade适合dark skin吗
        这个kit适合six-year-old吗
        """,
    ),
    "presale.stock": (
        """
        我是小学老师，想给班上买32个，有这么多现货吗
        一个班42个孩子，这款笔袋能一次发42个吗
        学校采购，发票能开学校抬头吗
        请问可以开学校抬头的发票吗，需要提供税号吗
        买30个有没有批发价
        批量买有优惠吗，大概多少个起
        我们是咖啡店，想一次订50个马克杯，库存够吗
        美发店用，想要20瓶，能便宜点吗
        9月1号开学前能送到学校吗？要36套
        可以直接送到学校门卫吗，下周五之前要
        40份都要单独包礼物包装，能做吗
        礼物包装能一起做30个吗，要另外加钱吗
        給全班買畢業禮物，35份有貨嗎？可以分開包裝嗎
        學校要報帳，收據抬頭可以寫學校名稱嗎
        我們是美甲店，想大量訂這款指甲油，有批發價嗎
        幼儿园要采购，30个有吗
        有量大从优吗
        订40个，啥时候能发
        给班里孩子一人一个，38个，有现货没
        学校运动会要用，要三十个，能开发票吗
        咖啡馆开业想备一百个杯套，能一次备齐吗，多久能到
        教室要用，买30个能包邮吗
        我們幼兒園要訂45個，能在開學前送到嗎
        班费买的，能开收据吗，抬头写实验小学三年二班
        理发店要进货，这款洗发水一箱几瓶，买五箱有折扣吗
        """,
        """
        Hi, I'm a teacher and I'd like 30 of these for my class, do you have that many in stock?
        Do you have 42 of the blue water bottles? Need one for each kid in my class
        Can you make the invoice out to the school? Our finance office needs the school name and address on it
        we need a receipt with the school's name on it for reimbursement, is that possible?
        Is there a bulk discount if I buy 35?
        what's the price break for 40+ units
        We run a small café and want 60 of the glass tumblers, can you supply that many?
        I own a hair salon, do you do trade pricing on the towels if we order 50?
        Can you deliver to a primary school by the 28th? It's for a class project
        Could the order go straight to the school office? They're open 8 to 4 on weekdays
        Can you gift wrap 30 of them individually? End-of-year presents for my students
        36 in stock? need them before term starts
        teacher here 👋 any discount for classroom orders?
        Do you accept school purchase orders, or do I pay by card and claim it back?
        Need 32 recorders for music class, can they all ship together?
        If we order 40 will they all come from the same colour batch?
        We're a nail salon looking to buy this polish in bulk, do you have wholesale rates?
        Could you wrap 25 gifts separately with name tags? It's for my daughter's class
        how many can I order at once? need 30
        Do you offer education discounts on bulk orders?
        Our café opens on the 15th, can you get 80 coffee cups to us by then?
        Is there a max per customer? I want 42 for my class
        Would you be able to put the school's name on the receipt instead of mine?
        bulk price for 50?
        Can the 30 sets arrive at the school before Friday's assembly?
        """,
        """
        我是teacher，想给班上买30个，有stock吗
        可以开学校抬头的invoice吗
        买40个有bulk discount吗
        café要订50个mug，stock够吗
        下周三之前能deliver到学校吗
        30份都要gift wrap，可以吗
        salon用，想buy in bulk，有wholesale价吗
        全班42個，可以一次ship嗎
        """,
    ),
    "logistics.where": (
        """
        订单号：{o} 下单时间：5月3日 商品：{p} x1 快递：{c} 物流状态：运输中 已经四天没动了，麻烦帮催一下
        订单编号{o}，{c}显示“到达转运中心”后就没有更新了，能帮忙联系快递吗
        【订单信息】{o} 【物流】{c} 【最新状态】滞留 这是啥情况，帮我问问
        复制给你看：订单{o} 已发货 {c} 运输中 预计送达：昨天 现在还没到
        物流显示：【杭州转运中心】已发出，下一站【广州转运中心】然后三天没动静了 订单{o}
        订单号{o} 商品：{p}、充电线 下单日期：6月12日 状态：已揽收 麻烦帮忙催一下快递
        单号在订单{o}里，显示滞留在中转站，能帮我联系{c}吗
        订单{o} 物流信息：【滞留】因天气原因延误 请问大概要延误多久
        【订单号】{o}【快递】{c}【状态】派件中 已经派件两天了都没到
        以下是我的订单信息 订单号{o} 下单时间上周一 快递{c} 一直显示转运中 能不能帮忙查一下
        訂單編號：{o} 物流：{c} 狀態：轉運中 已經五天了，可以幫我催一下嗎
        訂單{o}顯示滯留在轉運中心，請問是什麼原因，可以聯繫物流嗎
        回复：您的订单已发货 你好，发货通知收到了，但是物流一直没更新，现在到哪了
        回复：您购买的商品已发出 请问到哪了，单号查不到信息
        订单 {o} / 快递 {c} / 状态 在途 帮忙催下
        状态：运输中 运输中 运输中 一直这样，订单{o}，能催吗
        订单{o}，物流最后一条是“快件已到达【北京顺义转运中心】”，还是周五的
        麻烦催一下{c}，订单{o}，滞留三天了
        订单{o} 商品：{p} 数量：2 收货地址：略 物流：{c} 状态：运输中 就想问问到哪了
        貼上訂單資料：{o}，{c}，已出貨，之後都沒更新，麻煩幫忙追一下
        回覆：您的訂單已出貨 請問現在包裹到哪裡了
        催一下 订单{o} 转运中心卡住了
        订单{o} 显示“已到达分拨中心” 然后就没有然后了😂 帮忙问问{c}
        物流截图发不了，我打字给你：{c}，运输中，最后更新7月2日，订单{o}
        下单时间2号，今天12号，订单{o}，{c}一直显示在路上，麻烦帮我跟快递核实一下
        """,
        """
        Order {o} Placed: 3 June Items: 1 x {p} Carrier: {c} Status: In transit. Hasn't moved in 5 days, can you chase the courier?
        Here are my order details: order number {o}, placed Monday, shipped with {c}, tracking says "Arrived at sorting facility" and nothing since. Could you look into it?
        Re: Your order has shipped. Hi, I got this email a week ago but the tracking still shows label created. Where is it?
        Re: Your order has shipped! > Your order {o} is on its way. Hi, it's been 8 days, any news?
        Order #{o} / {c} / In transit / Est. delivery: yesterday. Still nothing, please chase
        Copying from my account: Status: In transit. Last update: Departed hub. Carrier: {c}. Order {o}. Can you find out where it is?
        tracking for {o} just says "in transit" for 6 days straight, can u poke {c}?
        Order {o}. Items: {p} (x2), charging cable. Shipped via {c}. Status: Held at depot. What does held at depot mean and when will it move?
        Re: Shipping confirmation for order {o} Thanks, but the tracking link says no information available. Where's my parcel?
        Order: {o} Date: 14 May Carrier: {c} Last scan: Processing at destination facility (5 days ago). Please follow up with them
        Pasting the tracking history: Picked up, In transit, In transit, In transit. That's it. Order {o}, {c}. Where is it?
        hey, order {o}, {c} says "delayed - in transit". any ETA?
        Re: Your order has shipped. Hi team, this came through last Tuesday and I still haven't got anything. Could you check with the courier? Sent from my iPhone
        Order details below. Order no. {o}. Placed 2 weeks ago. Status: Shipped. Tracking: stuck at "In transit to next facility". Can you chase?
        Can you chase {c} for me? Order {o} has been "In transit" since the 9th
        {o} in transit forever 😩 where is it
        Status says "Exception - held at facility" for order {o}, what's going on and when will it be delivered?
        Hi, following up on my earlier email about order {o}. Tracking still shows it at the regional hub. Could you open a trace with the courier?
        Order {o}, {p}, shipped with {c}, tracking frozen at "Arrived at local facility" since Sunday, can you find out what's up?
        Re: Re: Your order has shipped. Still no movement on the tracking, can someone look?
        My order {o} was placed on the 1st and the {c} tracking shows "In transit" with no scans since the 4th. Please could you contact them?
        Order {o} status: awaiting collection by carrier?? the email said shipped though. where is it actually
        where's {o}? tracking: In transit (last update 4 days ago)
        Tracking events: 10 Jun Departed facility, 11 Jun In transit, 11 Jun In transit. Order {o}. Please chase {c}
        Just replying to your shipping email: the tracking number you sent doesn't show anything on the {c} site yet. Has it actually gone out?
        """,
        """
        订单{o} status一直是In transit，能帮我chase一下courier吗
        Re: Your order has shipped 请问parcel现在到哪了
        tracking卡在转运中心五天了，order {o}
        订单{o} carrier：{c} status：滞留 帮忙follow up一下
        我的package一直在sorting facility，能催一下{c}吗
        shipping email收到了，但是tracking number查不到东西
        order {o} 显示in transit好几天了，到底到哪了
        訂單{o}的tracking一直沒update，可以幫我chase嗎
        """,
    ),
    "product.usage": (
        """
        我是护士，给病人用的减压坐垫，哪面朝上？
        减压坐垫的外套能机洗吗，里面的海绵怎么清洁
        离床报警器怎么设置，病人一起身就响的那种，灵敏度在哪调
        床垫报警器的感应垫是放在床单下面还是床垫下面
        帮我爸调助行器高度，按钮按下去拉不动，是要两边一起按吗
        助行器高度调到哪一档合适，老人身高一米六五
        我是中学生物老师，班里的显微镜第一次用，物镜怎么换，光源怎么开
        显微镜调焦老是模糊，先用粗准焦还是细准焦
        宠物GPS项圈怎么绑定app，扫码之后一直转圈
        项圈固件怎么升级，要连WiFi吗
        体脂秤怎么和手机app配对，蓝牙搜不到是不是要先打开定位权限
        体脂秤怎么添加家庭成员，我想给我妈也建个档
        護理站要用的離床警報器，音量可以調小嗎，晚上怕吵到其他病人
        幫長輩調整助行器的高度，要調到手腕的位置嗎
        請問寵物定位項圈要怎麼設定安全範圍，離開範圍會通知嗎
        请问减压坐垫有前后之分吗，凹下去那边朝后？
        照顾老人用的，这个呼叫器怎么和接收器配对
        显微镜的载玻片怎么放，夹子夹哪边
        智能秤的单位怎么从斤改成公斤
        GPS项圈要插SIM卡吗？怎么激活
        固件升级大概要多久，升级的时候项圈要一直充着电吗
        离床感应垫怎么清洁，可以用酒精擦吗
        項圈的app要怎麼分享給家人一起看位置
        给学生用的显微镜，是用电池还是插电，电池仓在哪
        助行器的轮子怎么装，前面那两个是万向的吗
        我是社区护工，帮老人设置这个药盒提醒，时间怎么调
        """,
        """
        I'm a nurse setting up the pressure-relief cushion for a patient, which side goes up, the ridged one or the flat one?
        How should we clean the cushion cover between patients? Can it go in a hot wash?
        Setting up the bed alarm for a resident, where does the sensor pad go, under the sheet or under the mattress?
        how do i change the bed alarm from chime to silent pager mode
        I'm a carer for my mum, how do I adjust the walking frame height? The push pins won't budge
        What height should the walker handles be at? She's about 5'2
        I teach Year 8 science and I'm setting up the class microscopes for the first time, how do I switch between the objective lenses?
        the microscope image is dark, where's the light brightness dial?
        How do I pair the GPS collar with the app? It's stuck on "searching for device"
        Do I need to update the collar's firmware before first use, and how?
        How do I set a safe zone in the pet tracker app so I get a notification if she wanders off?
        The smart scale won't show up in the app, do I need to turn on location for bluetooth pairing?
        How do I add a second user profile to the scale? Setting it up for my dad
        firmware update for the collar, do I do it over wifi or through my phone?
        Which way round does the cushion go? There's a little arrow but it's worn off
        Can the bed sensor mat be wiped with alcohol wipes?
        how do i switch the scale from lbs to kg
        Setting up the walker for a client, how do I fold it to fit in the car?
        Does the collar need a SIM or a subscription to start tracking?
        Hi, carer here. The resident's bed alarm has a delay setting, what does it do and where do I change it?
        How do I share the pet tracker with my partner's phone so we can both see it?
        How do I calibrate the scale? First use, on a tiled floor
        The class microscope came with two eyepieces, which one should Year 5s start with?
        Can the pressure cushion be used on a wheelchair as well as an armchair?
        where do i find the firmware version in the app
        How long does a firmware update on the collar take and should it stay on the charger?
        """,
        """
        我是nurse，这个cushion哪面朝上
        bed alarm的sensor pad放床单下面还是床垫下面
        walking frame的height怎么调，按钮按不下去
        GPS collar怎么pair app，一直searching
        collar的firmware要怎么update
        smart scale连不上app，要开location吗
        班上的microscope怎么换objective lens
        體脂秤的app要怎麼add家人的profile
        """,
    ),
    "product.defect": (
        """
        GPS项圈定位老是飘，狗明明在家，app显示在两公里外
        定位器一进小区就没信号，显示的最后位置是两小时前的
        app连上没两分钟就断开，重连又要等好久，能修一下吗
        体脂秤数字一直跳，同一个人站上去三次三个体重
        电子秤称出来差了两斤，上下跳，换了电池也一样
        行车记录仪开一会儿就不录了，卡是新买的，有没有新固件
        记录仪录到一半自动停止，回放只有前十分钟
        耳机配对不上，手机搜得到，点连接就失败
        左右耳机连不到一起，只有一边有声
        项圈固件升级后定位更不准了，能退回旧版本吗
        追踪器位置一直不更新，停在昨天
        app一直提示设备离线，但是项圈明明有电
        寵物定位器常常斷線，app一直顯示離線，有沒有更新可以修
        體重計數字一直亂跳，根本沒辦法參考
        行車記錄器每次開機都說記憶卡錯誤，格式化也沒用
        耳機跟手機配對好幾次都不行，已經重置過了
        断连太频繁了
        定位不准
        秤不准，一会儿55一会儿58
        记录仪的停车监控不录，设置都开了
        智能手表和app同步不了数据，一直转圈
        蓝牙耳机连上电脑就断，手机还行，能不能升级一下固件
        买的GPS定位器说误差十米，实际差了好几百米
        体脂率每次测都差好多，是不是传感器坏了
        耳機有時候自己斷開又自己連上，很煩
        项圈的app老闪退，一打开地图就退出
        """,
        """
        The GPS collar keeps showing my dog two streets away when he's asleep on the sofa
        tracker loses signal every time we go into the park, then jumps back an hour later
        The app disconnects from the collar every few minutes, is there a fix or a firmware update coming?
        My smart scale gives me a different weight every time I step on, like 3 lbs apart within a minute
        scale readings are all over the place, new batteries didn't help
        The dash cam stops recording after about 20 minutes, the SD card is brand new and the recommended one
        Dash cam only saved the first clip of my drive, nothing after that. Any firmware fix?
        earbuds won't pair with my phone, they show up but connecting just fails
        Only the left earbud connects, the right one never pairs back after I take them out of the case
        Since the last firmware update the tracker's location is way off, can I roll it back?
        pet tracker stuck on "last seen 3h ago" even though it's charged and switched on
        app keeps saying device offline 🙄
        The collar drops GPS indoors and outdoors now, it used to be fine
        My scale's body fat reading swings by 5% between readings, something's not right
        dash cam keeps saying "card error" and stops recording, formatted it twice
        Earbuds pair but drop out every 10 seconds, tried resetting them
        The tracker app crashes whenever I open the map
        the scale won't sync to the app anymore, readings just stay on the scale
        Parking mode on the dash cam doesn't record anything even though it's switched on
        GPS location is off by like 500m, the box says accurate to 5m
        Bought two trackers and both disconnect from the app overnight
        my earbuds won't show up in bluetooth at all anymore
        wrong location again. it says we're in the middle of the lake lol
        Is there a firmware update for the dash cam? It freezes and stops recording on long drives
        Scale reads 0.0 half the time and then some random number
        The app unpairs the collar every time my phone restarts, very frustrating
        """,
        """
        GPS collar的location一直不准，显示在别的街
        app跟tracker老是disconnect，有firmware update吗
        smart scale的reading一直跳
        dash cam录一会儿就stop recording了
        earbuds pair不上，试了reset也没用
        项圈update firmware之后signal更差了
        tracker一直显示offline，明明有电
        行車記錄器的app一直disconnect，有fix嗎
        """,
    ),
    "other.feedback": (
        """
        这次活动价格真的炸裂，建议以后多搞几次
        直播间太火爆了，根本抢不到，建议加个预约提醒
        包装设计绝绝子，建议出个礼盒版
        你们家的收纳盒yyds，建议多出几个尺寸
        价格炸裂但是页面加载有点慢，建议优化一下
        新品太火爆了老是秒没，能不能加个到货通知
        建议app加个历史价格，看看是不是真的便宜
        建议app里可以按颜色筛选
        希望订单页面能显示预计送达时间
        建议评价区可以只看有图的
        这价格离谱了，便宜到不敢信，建议标一下是不是清仓
        清仓价太狠了哈哈，建议提前在app推送通知
        這次特價真的殺瘋了，建議以後會員可以提早買
        建議App可以加上收藏清單分享功能
        網站的尺寸表建議做成可以切換公分和英吋
        绝绝子的颜色，建议出个同色系的配件
        yyds，就是希望能支持到店自提
        建议购物车里能直接改规格，不用删了重加
        炸裂好价，提个小建议：优惠券能不能自动叠加
        火爆是火爆，客服排队有点久，建议加个机器人先答常见问题
        小建议：商品详情页加个视频
        建议app能记住我上次选的尺码
        建议搜索框加个拍照搜同款
        這個價格太狂了吧，建議放在首頁讓更多人看到
        活动页面太花了，找不到入口，建议简洁点
        建议加个降价提醒
        """,
        """
        Killer deal on the bundle this week, you should run it again around the holidays
        That fire sale last weekend was great, maybe send an app notification next time so people don't miss it
        this price is insane lol, suggestion: show the original price next to it so people know it's real
        Shockingly cheap for the quality. Would be nice to have a size guide on every product page though
        deadly good value on the mugs, please do more colours
        The app could use a wishlist I can share with family
        Suggestion: let us filter reviews by star rating
        would love a "notify me when back in stock" button
        It'd be handy if the order page showed an estimated delivery date
        killer prices but the checkout page takes forever to load on mobile
        Fire sale was 🔥 but the countdown timer on the site was showing the wrong time zone for me
        Your site search could use autocomplete, I never spell the product names right
        insane value honestly, maybe add a bundle builder so we can mix and match
        Tiny suggestion: add a guest checkout option to the app
        The new homepage design is killer, but the menu hides the sale section
        please add a dark mode to the website too, not just the app
        Shockingly good deal, you should put it in the newsletter
        Would be great if the app remembered my size
        suggestion: let us save more than one address
        The filters reset every time I go back, that's my only gripe. Prices are insane (in a good way)
        This is a killer product, please make a travel-size version
        Idea: a loyalty points tracker in the app
        deadly good value, but the product photos could show the real size better, maybe with a hand for scale
        your "crazy cheap" banner made me laugh, maybe make the end date clearer
        Fire sale prices, nice. Could you add a compare button for similar items?
        """,
        """
        这次price真的炸裂，建议多搞几次sale
        直播太火爆了，建议加个reminder功能
        颜色绝绝子，建议出更多colour options
        这个deal yyds，希望app能加wishlist
        killer deal啊，但是checkout页面好慢
        建议app加个back in stock的notification
        fire sale价格太香了，建议newsletter提前通知
        呢個price太誇張，建議加個compare功能
        """,
    ),
}

# A tenth round (issue 15), every kind the banks were thin on, written from the labelling
# policy and the banks' gaps by a writer who read none of the held-out material (the split,
# the hand-written sets, RESULTS.md), never from a held-out sentence: the wrong item sent told
# many ways (发错货, 尺码发错, "ordered X, got Y", "send the right one and I'll post this
# back"), swaps for another size, colour or a better model with the difference paid, items
# that arrived broken and go back for replacements, return pickups that never came; two needs
# in one message, the main one stated and a smaller aside after it ("also the invoice has my
# old address, not urgent"); thanks in alarming words said innocently (辣得冒火, 炸裂好吃, an
# air fryer that fried three batches, a "killer" sound), praise for the packing and the
# courier, points expiry, gift-card balance, a physical shop and its hours; presale questions
# on what comes in the box and on safety features (a spark screen, a rain cover, a lid, a
# child lock) and compatibility in mixed Chinese-English with units and model numbers; a
# listing contradicted by its own manual, a gift packed with the price on the slip, a
# coupon threshold the cart meets but that does not apply, a refund after the shop cancelled
# for no stock. Voices: 粤语, 台湾, 东北 and 上海 wording, teenagers, older customers,
# business buyers, second-language English, typos, emoji. Deduplicated against the banks
# (exact, and near by difflib ratio >= 0.8 within the intent). Cut by paraphrase like the
# rest: every fifth is held out.
MORE_8: dict[str, tuple[str, str, str]] = {
    "return.exchange": (
        """
        我拍的是白色，收到一件黑色的，麻烦给我换成白色，黑的我寄回去
        发错货了，我买的是37码，盒子里是39码，能换吗
        尺码发错了，下单选的S，吊牌上写的XL，帮我换一下
        颜色发错了啊亲，要的雾霾蓝，来的是粉色，给换一个吧
        型号不对，我订的是带加热的那款，收到的是普通款，怎么换
        老铁你们发货的是不是眼神不好，我要黑的给我整个白的来，赶紧给换了
        侬好，发过来额颜色弗对，我要灰色的，帮我调一只好伐
        杯子到了碎了两个，想寄回去换两个新的，另外发票上还是我旧地址，这个不急
        收到的台灯灯罩裂了，能寄回去给我换个好的吗
        衣服小了一码想换大一码，顺便说下快递小哥人挺好的
        想补差价换成Pro版，标准版还没拆封
        鞋子一只40一只41，两只都不一样大，给我换一双吧
        我买的是三件套，收到的是单件装，发错了，把对的寄来，这个我寄回去
        妈呀发来的是儿童款，我买的成人款，能换吗，急着用
        收到的顏色跟我訂的不一樣，我訂的是奶茶色，可以幫我換嗎？我再寄回去
        你們寄錯尺寸了，我下單是M，收到L，可以直接換貨嗎，我用7-11寄回
        寄錯咗款俾我，我揀嘅係藍色，收到粉紅色，可唔可以幫我換返
        對鞋寄錯碼，我要38你寄咗40嚟，點樣換
        想補差價換成大容量那款，原本這台還沒拆，可以嗎
        """,
        """
        I ordered the navy one and got grey. Can you send the navy and I'll post the grey back?
        wrong item in the box. ordered a 10 inch pan, got an 8 inch
        You sent me a size 6 but I ordered an 8, please swap it
        got the wrong colour, I picked forest green and this is mint
        I bought the wireless model and received the wired one. Please exchange it.
        the box says large but the shirt inside is a small, can I swap it for the right one
        pls send the right one, this isnt what i ordered (its the kids version) and ill send this back
        Two of the six glasses arrived shattered. I'd like to send them back and get two replacements.
        The lamp showed up with a cracked base, can I send it back and get a new one?
        I'd like to exchange the 128GB for the 256GB and pay the difference
        Could I upgrade to the Pro model? Happy to pay the extra, the standard one is still sealed
        swap the medium for a large please. also the invoice has my old address on it, not urgent
        The jacket's too snug, can I change it for the next size up? Side note, your courier was lovely
        Good afternoon, the parcel contained a blue kettle instead of the cream one I ordered. Kindly exchange it for the correct item.
        my daughter ordered rose gold and we received silver, she's upset, can you swap it
        whoever packed this gave me two left shoes lol, need a proper pair
        ordered the queen duvet cover, got a king. Need to exchange.
        The tin says decaf and I ordered regular. Send the correct one and I'll mail this back?
        bro u sent the wrong controller, i ordered black not white, swap pls
        I am 72 and not very good with computers. The slippers you sent are a 9 but I ordered a 7. Could you please change them for me.
        Our office ordered 20 black chairs and 4 of them came in grey, can we swap those 4 for black
        can I swap the colour? it arrived fine, just not loving the yellow in person
        Arrived with a chunk out of the rim, I'd like a replacement and I can send the chipped one back
        We ordered the US plug version and got the UK one, please exchange it
        """,
        """
        我order的是black，收到的是white，能exchange吗
        发错size了，我要M你们send了L，帮我换一下
        wrong item啊，我买的是wireless版本，收到wired的，要换
        想upgrade到Pro，补差价可以吗
        呢件寄錯colour，我要navy，可唔可以換返
        杯子到了有两个cracked，想寄回去换新的replacement
        size发错了，能不能send对的那件过来，我再寄回去
        想swap成大一码，顺便说invoice上的address是旧的，不急
        """,
    ),
    "return.request": (
        """
        收到的花瓶裂了一道缝，我想退回去，怎么弄
        到货就是坏的，屏幕碎了，我要退货
        锅一拿出来就有个坑，不想要了，申请退货，另外你们客服电话老占线哈
        东西我不要了想退，另外我积分好像少了点，有空帮看看
        买的羽绒服太厚了南方穿不上，想退货，吊牌没剪
        俺家老头子说这个按摩椅坐着不得劲，能退不
        这个嘛买来不合适，想退掉，包装都还在
        收到的時候玻璃杯就破了，想申請退貨，要怎麼寄回
        件貨收到已經爛咗，我想退返，點搞
        這件洋裝穿起來不好看，想退貨，還在七天鑑賞期內吧
        """,
        """
        the mirror arrived cracked, I want to send it back
        Opened the box and the screen was already smashed. I'd like to return it.
        start a return for the blender pls, the jug came with a crack in it
        I'd like to return the rug, it's much too big for the room. Also the receipt email never came, no big deal.
        return request for order {o}: doesn't suit me. separately, love the packaging
        Is it still possible to return the boots? Worn once indoors only. I'm 79 and my daughter normally does this for me.
        ngl it didnt look like it did on the model, can i send it back
        We'd like to return 3 of the 12 monitors from last week's order, they're surplus to requirements.
        I wish to return the item, it is not as I expected, please advise me the procedure
        Sending this back. It's fine, just not for me. How do I do it?
        the vase turned up in pieces, I'd rather send it back than have another one
        return pls 🙏 the heels are way too high for me
        Want to return the baby monitor, we got one as a shower gift. Tags on, unopened.
        the kettle came dented so i'd like to return it, the other things in the order are fine
        """,
        """
        收到就是broken的，想return
        这条dress不合适，想send back，tags都在
        想return一部分，12个monitor退3个
        件貨到咗已經crack咗，我想return
        """,
    ),
    "return.logistics": (
        """
        约好的上门取件今天又没来，麻烦重新约个时间
        退货的快递员放我鸽子了，能改约明天上午吗
        退回去的包裹物流显示三天前签收了，你们那边处理了没
        退货寄出去一个礼拜了，物流停在中转站不动了
        取件师傅说没接到单，我这退货到底约上没有
        我人在外地，退货能约周末来拿吗
        退货包裹被你们仓库拒收又退回来了，咋回事
        退貨的宅配一直沒來收，可以幫我重新預約嗎
        退貨已經用全家寄出了，想確認你們收到沒
        約咗上門收退貨，等成日都冇人嚟，可唔可以改第日
        """,
        """
        The courier never turned up to collect the return. Can you rebook it for Thursday?
        return pickup was booked for today 9-12, nobody came
        My return's tracking hasn't moved in 5 days, is it lost?
        Tracking says you signed for my return on the 3rd, can you confirm it's been checked in?
        can the return collection be from my office instead of home
        The driver came for the return but had no label, so he left without it. What now?
        missed the return pickup, can i rebook
        my return parcel came back to me marked refused, why?
        Could you send a courier for the return on Saturday? I work weekdays.
        dropped the return at the parcel locker but got no receipt, can you see it on your end
        i'm returning two things from separate orders, can they go in one box
        Our return of 3 monitors needs collecting from the loading bay, please book a freight pickup. The PO number on the invoice is wrong too but that can wait.
        My mum is housebound, can the courier come to her to pick up the return?
        return pick up no show AGAIN, 2nd time. rebook pls
        """,
        """
        return pickup又没来，能rebook吗
        退货的tracking五天没update了
        約咗return collection，courier冇嚟
        return寄出去了，你们warehouse收到没
        """,
    ),
    "other.thanks": (
        """
        你们家的火锅底料辣得冒火，太过瘾了，谢谢
        空气炸锅一晚上炸了三锅鸡翅，全家抢着吃，谢谢推荐
        牛肉干炸裂好吃！已经回购第三次了
        直播间太火爆了还好抢到了，东西很好，谢谢主播
        这个音箱低音炸了，邻居都来问，哈哈谢谢
        快递小哥冒雨给我送上楼的，帮我表扬一下他
        包装太用心了，泡沫裹了三层，一点没磕着，感谢
        麻辣鍋底真的辣到噴火，超過癮，謝謝老闆
        部氣炸鍋一晚炸咗三轉雞翼，好正，多謝
        包裝好用心，還有手寫小卡，好感動，謝謝你們
        """,
        """
        that chilli oil is on FIRE, best thing I've bought all year, thank you
        The air fryer fried three batches of wings without breaking a sweat. Thanks!
        earbuds charged fully in about 40 minutes and the sound is killer. Cheers
        The hot sauce nearly killed me, in the best way. Ordering more.
        your blender absolutely destroyed the frozen mango, love it, thanks
        Just want to say the packaging was amazing, bubble wrap everywhere and not a scratch
        Please pass on my thanks to the courier, he carried the mattress up four flights
        These knives are lethal, sliced tomatoes like butter. Brilliant, thank you!
        that cake slaps fr 🔥🔥 thanks for the free sample too
        speaker is an absolute beast, shook the whole living room, very happy
        Thank you kindly. At my age I don't order online often, but the delivery man was very patient with me.
        the spicy noodles blew my head off lol, 10/10 will buy again
        my son has been bombing around on the scooter all week, he loves it, thanks
        The drill tore through the brick with no trouble. Great tool, thanks.
        """,
        """
        火锅底料辣到on fire，thanks老板
        个speaker低音killer，好正，thank you
        earbuds 40分钟就charge满了，好用，谢谢
        packaging超用心，一点都没damage，thanks
        """,
    ),
    "other.feedback": (
        """
        小建议：特辣那款的标注可以再醒目点，真的辣得炸，差点没扛住
        建議App可以顯示點數到期日，不然常常忘記用
        好评之外提个建议，包装箱能不能小一号，有点浪费
        """,
        """
        Suggestion: show when my points expire on the account page
        The packaging was great but maybe drop the plastic air pillows, paper would do
        feedback: letting us pick the courier at checkout would be handy
        love the shop, one gripe, the spice labels undersell it, "medium" was blazing
        """,
        """
        建议app显示points的expiry date
        """,
    ),
    "other.account": (
        """
        我的积分什么时候过期啊，怕浪费了
        会员积分到月底会清零吗
        礼品卡余额在哪看
        請問會員點數有期限嗎？快過期的話我想先用掉
        """,
        """
        when do my loyalty points expire?
        I've got 3,200 points, will they vanish at the end of the year?
        how do I check the balance on my gift card
        what's left on my gift card? the number ends 4471
        my membership tier dropped, why
        do points expire if I don't buy anything for a while
        """,
        """
        我的points几时expire
        gift card balance点样check
        """,
    ),
    "other.misc": (
        """
        你们有实体店能去看看实物吗，在杭州
        周末营业吗，几点关门
        你们家线下有店没，沈阳那嘎达有没有
        請問台中有實體門市嗎？營業到幾點
        你哋旺角有冇舖頭，星期日開唔開
        """,
        """
        do you have a physical shop I can pop into
        what are your business hours on Sunday
        is there a showroom where I can see the sofas in person
        open on Christmas Eve?
        Is your shop in Manchester still open or did it close
        what time does customer service close today
        Are you an actual store or online only?
        """,
        """
        你们有physical shop吗，在KL
        星期日business hours几点到几点
        """,
    ),
    "presale.specs": (
        """
        这个壁炉带防火星的挡网吗，家里有小孩
        婴儿车送不送雨罩
        这个锅有没有配锅盖
        手机买了送保护壳吗
        电钻是裸机还是带电池和充电器的
        相机包装里有内存卡吗
        这个烧水壶有防干烧吗，给老人用的
        請問這台嬰兒推車有附雨罩跟蚊帳嗎
        個煲有冇跟蓋㗎
        這款電暖器有兒童安全鎖嗎，小孩很愛亂按
        """,
        """
        Does the fire pit come with a spark screen or is that extra?
        does the stroller include a rain cover
        Is the lid included with the casserole dish?
        Does the phone come with a case, or just the charger?
        Does the cordless drill come with a battery and charger, or is it tool-only?
        will this GPU fit my case? it's 336mm and my case says max 330mm GPU length
        Is the 2TB NVMe compatible with a PS5?
        does the camera bag come with the rain cover shown in the photo
        Is there a child lock on the induction hob?
        does the pressure cooker have a lid lock so it can't open under pressure
        before I buy, is the carry case included with the headphones
        is the wall mount in the box with the TV or sold separately
        Will a 65W USB-C charger be enough for this laptop?
        Does the kids' bike come with stabilisers and a bell?
        """,
        """
        这张RTX 4070长度多少mm，我的case只支持320mm，装得下吗
        这个SSD是M.2 2280吗，能装进ThinkPad T14 Gen 3吗
        65W的PD charger能给MacBook Air M2充电吗
        这个lens是E-mount的吗，A7C能用吗
        monitor支架是VESA 100x100的吗，我的27寸能装吗
        这款fire pit有spark screen吗
        stroller有附rain cover吗
        呢個filter fit唔fit Dyson V11
        """,
    ),
    "presale.stock": (
        """
        年会要200个保温杯，库存有吗，能开专票吗
        做民宿的，想一次进30套床品，有批发价吗
        公司要買50台，有現貨嗎？可以開統編嗎
        """,
        """
        We're a dental practice, need 25 of the air purifiers, do you have stock and a trade price?
        bulk order of 300 tote bags for a conference, possible by the 20th?
        Is the lilac hoodie in stock in XS? also do you ship to Ireland
        Our restaurant group wants 120 of the cast iron pans, can you quote?
        how many of the grey ones have you got? need 60 for our hotel rooms
        """,
        """
        公司要200个tote bag，有stock吗，可以quote一下吗
        我哋hotel要60個，有冇wholesale price
        """,
    ),
    "complaint.misleading": (
        """
        详情页写的IP68防水，说明书里写的是IPX4，这不是虚假宣传吗
        页面宣传续航30小时，说明书上写最多12小时，你们这是误导消费者
        商品页写可以进洗碗机，说明书写只能手洗，宣传跟实际两回事
        标题写的1800W大功率，铭牌和说明书都是1200W，骗人的吧
        賣場寫的是醫療級材質，說明書根本沒寫，這是不實廣告吧
        """,
        """
        Your listing says 2000W but the manual says 1500W. That's false advertising.
        The product page claims it's dishwasher safe, the manual says hand wash only. Misleading.
        listing: "waterproof to 50m". manual: "splash resistant". which is it? feels like false advertising
        You advertise a 5-year warranty, the booklet in the box says 1 year. That's misleading customers.
        The page says BPA-free and nothing in the box claims that anywhere, so why advertise it?
        Ad says "works with all phones", the manual lists iPhone only. Deceptive.
        the listing said includes 4 batteries, the manual says batteries not included, stop lying in your ads
        """,
        """
        listing写IP68，manual写IPX4，这是false advertising
        页面话2000W，manual写1500W，好misleading
        """,
    ),
    "complaint.service": (
        """
        送朋友的礼物，你们把价格单塞在盒子里了，备注写了不要放价格，太尴尬了
        说好的礼品包装，结果就是个塑料袋，贺卡也没放，你们怎么做事的
        客服答应帮我加急，结果啥也没做，还说不是她说的
        我特別備註是送禮不要放發票，結果價格全印在出貨單上，很失禮
        """,
        """
        It was a gift and the packing slip had the price printed on it. I asked for no prices. Embarrassing.
        Paid for gift wrap and it came in the usual brown mailer with the receipt on top.
        the gift note I wrote was missing and the price sticker was still on the box, poor effort
        I asked three times for the gift to be sent without the invoice and you still put it in
        Your rep promised to call me back about my mum's order and never did. The app keeps logging me out too, separate issue.
        the chat agent kept calling me dear and then closed the chat on me mid-sentence
        """,
        """
        送人的gift里面放了price单，好尴尬
        付了gift wrap的钱，收到只是普通box，服务太差
        """,
    ),
    "payment.coupon": (
        """
        满199减30的券，我购物车205块，为什么说不满足条件
        凑够了满减门槛，结算还是没减，是不是有商品不参加
        券写的满300可用，我买了320，提示未达使用门槛？
        整了半天凑单到满减了，结果说券不适用这个店的东西，白凑了
        滿千折百的券，我購物車1080怎麼不能用
        """,
        """
        The voucher says spend £50 get £10 off. My basket is £62 and it says not eligible?
        cart's over the $75 threshold but the coupon won't apply
        Minimum spend is 100, I'm at 112, code still rejected. Does shipping not count?
        spent ages adding stuff to reach the free shipping threshold and it still charges delivery
        The $20 off $150 code keeps saying minimum not reached with $158 in my cart
        is the spend threshold counted before or after the sale discount? my coupon won't go through
        my coupon needs 3 items, I have 3 in the cart and it still doesn't apply
        """,
        """
        满$50减$10的voucher，我cart有$62，还是not eligible
        已经over threshold了，coupon还是apply唔到
        """,
    ),
    "refund.status": (
        """
        你们说没货给我取消订单了，钱到现在还没退回来
        缺货取消的那单，退款啥时候到
        商家说断货直接关单了，付的钱一个星期了还没到账
        是你们取消的订单不是我，怎么退款还要等这么久
        你哋話冇貨幫我取消咗張單，但係啲錢到而家都未退返
        """,
        """
        You cancelled my order for being out of stock, but the money still hasn't come back
        order was cancelled on your end (no stock) 9 days ago, where's the refund?
        got the sorry we're out of stock email last week, still no refund on my card
        Since you cancelled, when will the payment be returned to my PayPal?
        the shop cancelled my order, not me. I'd like to know when the refund lands
        When items are cancelled due to stock, how long does the refund take? Mine's been 10 days.
        still waiting on the refund for the cancelled backorder, also my address on file is wrong but i'll fix that myself
        """,
        """
        你们out of stock取消了order，refund还没到
        你哋cancel咗我張單，但refund仲未入返我card
        """,
    ),
    "order.modify": (
        """
        还没发货的话帮我把颜色改成黑的，另外问下积分啥时候过期，不急
        """,
        """
        can you change the size on my order to a 10 before it ships? also unrelated, do my points expire?
        """,
        """
        还没ship的话帮我改成size M，顺便问下points几时expire
        """,
    ),
    "payment.invoice": (
        """
        麻烦给订单开个公司抬头的发票，税号我发你了，顺便夸一下快递很快
        """,
        """
        I need a VAT invoice for order {o} with our company name. By the way the delivery was very quick.
        """,
        "",
    ),
    "order.cancel": (
        """
        帮我取消刚下的那单，重复下了，另外app老闪退，这个不急
        """,
        """
        please cancel the second order, I placed it twice by accident. Also the app logs me out a lot, no rush on that.
        """,
        "",
    ),
    "order.status": (
        "",
        """
        has my order actually gone through? I got no confirmation. The coupon worked fine this time at least
        """,
        "",
    ),
    "logistics.where": (
        """
        我的快递五天没动了，到底到哪了？另外你们家的辣酱真好吃
        包裹顯示配送中三天了還沒到，可以幫我查嗎？另外想問門市營業時間，不急
        """,
        """
        my parcel hasn't moved in 6 days, where is it? ps your chat bot is cute
        """,
        """
        我的parcel五天没update了，在哪？另外你们的chilli sauce好好吃
        """,
    ),
    "logistics.redirect": (
        "",
        """
        Can you redirect my parcel to my office? It's out for delivery tomorrow. Also I'd love to know if the blue mug is coming back
        """,
        "",
    ),
    "payment.double_charge": (
        """
        同一个订单扣了我两次钱！另外发票还没收到，先处理扣款
        """,
        """
        I've been charged twice for one order!! the receipt email also never arrived but sort the charge first
        """,
        "",
    ),
    "refund.amount": (
        "",
        """
        my refund came through $15 short. Other than that the return was painless, thanks
        """,
        "",
    ),
    "product.defect": (
        """
        吹风机用了三天就不出热风了，咋整？顺便说一句，包装挺好
        """,
        """
        the kettle stopped switching off by itself after a week, any fix? btw lovely packaging
        """,
        "",
    ),
    "product.usage": (
        """
        部咖啡機點樣除鈣？另外個盒有啲凹，不過冇所謂
        """,
        """
        how do I pair these earbuds with my laptop? separate thing, they charged in 40 min which is great
        """,
        "",
    ),
    "product.missing_parts": (
        "",
        """
        the shelf came without the screws, can you send some? the courier was super nice btw
        """,
        "",
    ),
}


INTENTS = [
    Intent(
        intent.name,
        intent.category,
        intent.priority,
        intent.sentiment,
        intent.zh
        + tuple(
            line
            for more in (MORE, MORE_2, MORE_3, MORE_4, MORE_5, MORE_6, MORE_7, MORE_8)
            for line in _lines(more.get(intent.name, ("", ""))[0])
        ),
        intent.en
        + tuple(
            line
            for more in (MORE, MORE_2, MORE_3, MORE_4, MORE_5, MORE_6, MORE_7, MORE_8)
            for line in _lines(more.get(intent.name, ("", ""))[1])
        ),
        intent.mixed
        + _lines(MORE_6.get(intent.name, ("", "", ""))[2])
        + _lines(MORE_7.get(intent.name, ("", "", ""))[2])
        + _lines(MORE_8.get(intent.name, ("", "", ""))[2]),
    )
    for intent in INTENTS
]
