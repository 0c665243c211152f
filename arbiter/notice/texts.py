"""The words of the decision notice, in English and in Chinese, and how dates and money are written.

Everything the parties read comes from :data:`CATALOG` (one dict per language, the same keys in both) or from
the case itself. Rules engine codes (``on_miss``, ``reason``, gate ids, ...) are turned into sentences here,
never printed raw. Numbers that are policy parameters (days, appeal counts) come from the record, not from
these texts.
"""
from __future__ import annotations

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

LANGUAGES = ("en", "zh")


def language_for(case_language: str | None) -> str:
    """``zh*`` -> Chinese, anything else English."""
    return "zh" if (case_language or "").lower().startswith("zh") else "en"


def pdf_lang(case_language: str | None) -> str:
    """The BCP 47 tag written into the PDF catalog (/Lang): the language the notice is actually in."""
    lang = (case_language or "").strip()
    if language_for(lang) == "zh":
        return "zh-CN"
    return lang if lang.lower().startswith("en") else "en"


EN: dict[str, object] = {
    "platform": {"tiktok_shop": "TikTok Shop", "douyin": "Douyin"},
    "title": "Decision on an after-sale dispute",
    "copy": {"buyer": "Buyer's copy", "seller": "Seller's copy"},
    "intro": ("{platform} has reviewed the after-sale dispute below and decided it as set out in this notice. "
              "The buyer and the seller are notified of the same decision at the same time."),
    # facts
    "f_platform": "Platform",
    "f_case_id": "Case ID",
    "f_order_id": "Order ID",
    "f_notice_date": "Date of notice",
    "f_items": "Goods",
    "f_total_paid": "Amount paid",
    "parties": "The parties",
    "buyer": "Buyer",
    "seller": "Seller",
    "f_name": "Name",
    "f_shop": "Shop",
    "f_phone": "Phone",
    "f_email": "Email",
    "f_address": "Address",
    "none": "—",
    "masked_note": "Phone numbers, email addresses and addresses are partly masked to protect personal data.",
    # section headings
    "h_claim": "The claim",
    "h_jurisdiction": "Platform intervention",
    "h_evidence": "Evidence",
    "h_considered": "Evidence considered",
    "h_excluded": "Evidence excluded",
    "h_finding": "Finding and outcome",
    "h_remedy": "Remedy",
    "h_deadlines": "Deadlines",
    "h_appeals": "Appeal",
    "h_rationale": "Reasons",
    "h_cited": "Evidence and messages cited",
    "h_conduct": "Seller service standards (seller's copy only)",
    "h_issued": "Issued by",
    # claim
    "claim": ("On {date}, the buyer applied for {remedy} of {amount} on order {order_id}, on the ground that "
              "{claim_type}. In the buyer's own words: “{reason}”"),
    "claim_no_reason": ("On {date}, the buyer applied for {remedy} of {amount} on order {order_id}, on the "
                        "ground that {claim_type}."),
    "claim_type": {
        "not_received": "the goods were not received",
        "wrong_item": "the goods received do not match the order",
        "damaged": "the goods arrived damaged",
        "quality_issue": "the goods have a quality problem",
        "not_as_described": "the goods are not as described",
        "counterfeit": "the goods are counterfeit",
        "missing_parts": "parts of the goods are missing",
        "no_reason_return": "the buyer wishes to return the goods without giving a reason",
    },
    "requested_remedy": {
        "refund_only": "a refund without return",
        "return_and_refund": "a return and refund",
        "replacement": "a replacement",
        "reship": "reshipment of the goods",
        "partial_refund": "a partial refund",
    },
    # jurisdiction
    "accepted": "All conditions for the platform to intervene are met, so the platform has decided the dispute.",
    "declined_lead": "The platform does not intervene in this dispute, for the following reason:",
    "declined_lead_many": "The platform does not intervene in this dispute, for the following reasons:",
    "declined_merits": ("The platform has therefore not decided the merits of the claim, and this notice orders "
                        "no remedy."),
    "legal_channels": "The buyer and the seller may pursue their rights through legal channels.",
    "col_condition": "Condition",
    "col_result": "Result",
    "col_basis": "Basis",
    "met": "Met",
    "not_met": "Not met",
    "gate": {
        "J1_platform_order": "The goods were bought on this platform",
        "J2_in_time": "The buyer applied within the time limit",
        "J3_not_settled": "The parties have not agreed to settle between themselves",
        "J4_actual_consumer": "The buyer is the actual consumer of the goods",
        "J5_valid_transaction": "The transaction is valid",
        "J6_unresolved": "The after-sale issue has not already been resolved",
        "J7_no_legal_action": "No legal proceedings have been started",
        "J8_appeal_allowed": "A further appeal on this item is allowed",
    },
    "gate_failed": {
        "J1_platform_order": "The goods were not bought on {platform}.",
        "J2_in_time": "The buyer did not apply for platform intervention within the time limit.",
        "J3_not_settled": "The buyer and the seller have agreed to settle the matter between themselves.",
        "J4_actual_consumer": "The buyer is not the actual consumer of the goods.",
        "J5_valid_transaction": "The transaction is not valid.",
        "J6_unresolved": "The after-sale issue has already been resolved.",
        "J7_no_legal_action": ("Legal proceedings have been started; once they start, the platform stops "
                               "its intervention."),
        "J8_appeal_allowed": ("No further appeal is allowed on this item: at most {buyer_max} appeals are "
                              "allowed on the same item, and only one shortly after a decision."),
    },
    # evidence
    "evidence_note": ("Each file is identified by the first 12 hexadecimal digits of its SHA-256 hash, so that "
                      "this decision can be checked against the files. Times are {zone}."),
    "col_id": "ID",
    "col_party": "Submitted by",
    "col_submitted": "Submitted",
    "col_kind": "Type",
    "col_description": "Description",
    "col_sha": "SHA-256",
    "col_reason": "Reason for exclusion",
    "no_evidence_considered": "No evidence was considered.",
    "no_evidence_excluded": "No evidence was excluded.",
    "party": {"buyer": "Buyer", "seller": "Seller", "platform": "Platform", "system": "System"},
    "kind": {"photo": "Photo", "video": "Video", "screenshot": "Screenshot", "document": "Document",
             "tracking": "Tracking record"},
    "excluded_reason": {
        "not_requested": "Supplementary evidence the platform did not request",
        "not_authentic": "Not accepted as authentic",
        "not_relevant": "Not relevant to the dispute",
        "late": "Supplementary evidence submitted after the date the platform set for it",
    },
    "continued": "{id} (cont.)",
    # finding
    "f_finding": "Finding",
    "f_problem": "Problem established",
    "f_outcome": "Outcome",
    "finding": {
        "supported": "The admissible evidence supports the buyer's claim.",
        "contradicted": "The admissible evidence supports the seller's position.",
        "insufficient": "The buyer's evidence does not establish the problem claimed.",
    },
    "problem": {
        "wrong_item": "Wrong item: the goods do not match the order",
        "serious_quality": "Serious quality problem",
        "minor_quality": "Minor quality problem",
        "damaged": "Goods damaged",
        "lost": "Goods lost",
        "counterfeit": "Counterfeit goods",
        "not_as_described": "Goods not as described",
        "missing_parts": "Parts missing",
        "no_reason_return": "Return without a reason",
    },
    "outcome": {
        "buyer_favoured": "Decided in the buyer's favour.",
        "partial": "Decided partly in the buyer's favour.",
        "seller_favoured": "Decided in the seller's favour: the buyer's request is not upheld.",
        "declined": "The platform does not intervene.",
    },
    # remedy
    "r_type": "Remedy",
    "r_amount": "Amount",
    "r_return": "Return of the goods",
    "r_route": "Refund route",
    "r_shipping": "Shipping costs",
    "r_liability": "Risk in transit borne by",
    "r_sea": "South-East Asia cross-border orders",
    "remedy": {
        "refund_only": "Refund without return",
        "return_and_refund": "Return and refund",
        "replacement": "Replacement",
        "reship": "Reshipment",
        "partial_refund": "Partial refund",
        "none": "None",
    },
    "no_remedy": "No remedy is ordered: the buyer's request is not upheld.",
    "return_yes": "Required: the buyer returns the goods to the seller.",
    "return_no": "Not required.",
    "return_exempt": "Not required, because {exemption}; the buyer is refunded directly.",
    "exemption": {
        "counterfeit": "the goods are counterfeit",
        "damaged": "the goods are completely damaged",
        "lost": "the goods were lost",
        "custom_made": "the item was custom-made",
    },
    "route": {
        "original_payment": "Back to the original payment method.",
        "cod_seller_refund": ("Cash on delivery: the seller refunds the buyer directly and uploads proof of "
                              "the refund."),
    },
    "shipping": {"seller": "Borne by the seller.", "buyer": "Borne by the buyer.",
                 "platform": "Borne by the platform.", "not_refunded": "Postage is not refunded.",
                 "shared": "Shared between the buyer and the seller.",
                 "carrier": "Borne by the logistics provider (carrier)."},
    "liability": {
        "seller": "The seller.",
        "buyer": "The buyer (nobody is at fault; the buyer returns the goods at their own risk).",
        "shared": "Shared between the buyer and the seller.",
        "carrier": "The logistics provider (carrier).",
    },
    "sea_yes": "This order qualifies for refund without return; the system approves it automatically.",
    # deadlines
    "deadlines_note": "All dates and times are {zone}.",
    "col_obligation": "What must be done",
    "col_who": "By",
    "col_due": "Deadline",
    "col_on_miss": "If the deadline is missed",
    "no_deadlines": "This decision sets no deadlines.",
    "deadline": {
        "seller_execute": "Carry out this decision",
        "buyer_return_ship": "Send the goods back and upload the return tracking number",
        "seller_confirm_receipt": "Confirm receipt of the returned goods and make the refund",
        "appeal_window": "Lodge an appeal in the period right after the decision",
        "seller_refund_proof": "Refund the buyer (cash on delivery) and upload proof of the refund",
    },
    "on_miss": {
        "advance_compensation": "The platform compensates the buyer first and the seller is penalised.",
        "auto_deduction": "The payment provider deducts the amount from the seller's account automatically.",
        "auto_agree": "The system agrees to the buyer's request automatically.",
        "return_closes": "The return request closes.",
        "deemed_delivered": ("The return is deemed delivered to the seller's return address and the buyer is "
                             "refunded."),
        "auto_confirm": "Receipt is confirmed automatically and the buyer is refunded.",
        "appeal_closed": "This appeal period ends.",
    },
    "later_event": {
        "seller_confirm_receipt": "Within {n} of the buyer uploading the return tracking number",
        "buyer_return_ship": "Within {n} of the return being approved",
        "seller_refund_proof": "Within {n} of the seller confirming receipt of the returned goods",
        "_default": "Counted from a later event",
    },
    "later_event_unknown": "Counted from the buyer's upload of the return tracking number",
    "extension": " (the seller may extend this once, by {n})",
    "no_date_yet": "the date follows from that event",
    "duration": {"day": ("{n} day", "{n} days"), "hour": ("{n} hour", "{n} hours")},
    # appeals
    "appeal_buyer": ("The buyer may appeal this decision: at most {buyer_max} appeals are allowed on the same "
                     "item ({buyer_remaining} remaining), and only one of them may be lodged within {window} of "
                     "the decision{by}."),
    "appeal_buyer_nowindow": ("The buyer may appeal this decision: at most {buyer_max} appeals are allowed on the "
                              "same item ({buyer_remaining} remaining), and only one of them may be lodged "
                              "shortly after the decision."),
    "appeal_buyer_none": ("The buyer has no appeal left on this item: at most {buyer_max} appeals are allowed on "
                          "the same item."),
    "appeal_by": ", that is, by {due}",
    "appeal_seller": {
        "ticket": "The seller may appeal by submitting a ticket in Seller Center.",
        "_default": "The seller may appeal as the platform's rules provide.",
    },
    "appeal_legal": "If the buyer and the seller start legal proceedings, the platform stops its intervention.",
    # rationale
    "col_item": "Item",
    "col_from": "From",
    "col_time": "Time",
    "col_ref": "Reference",
    "cited_evidence": "Evidence ({kind})",
    "cited_message": "Chat message",
    "cited_unknown": "Not in the case file",
    "no_rationale": "The reviewer gave no further reasons.",
    # seller conduct
    "conduct_intro": ("This section appears only in the seller's copy. It records the reviewer's findings on "
                      "the seller's customer service in this dispute, for the platform's service-quality "
                      "review. It does not change the decision above."),
    "conduct_rule": ("Sellers must reply to buyers within 72 hours, communicate in professional language "
                     "without abuse or threats, and send only order-related messages, without advertising or "
                     "third-party links. Sellers who fall short may have their use of customer service "
                     "restricted."),
    "conduct_item": {
        "replied_within_72h": "Replied to the buyer within 72 hours",
        "professional_language": "Communicated in professional language",
        "no_ads_or_links": "Sent no advertising or third-party links",
    },
    "conduct_yes": "Met",
    "conduct_no": "Not met",
    "conduct_unknown": "Not assessed",
    "conduct_none": "The reviewer recorded no findings on the seller's service in this dispute.",
    "col_standard": "Standard",
    # issued
    "i_reviewer": "Reviewer",
    "i_decided_at": "Decided at",
    "i_policy": "Rules applied",
    "i_policy_value": "{id}, version {version}",
    "i_fingerprint": "Decision fingerprint",
    "fingerprint_note": ("The fingerprint is the SHA-256 of the decision record. It is the same in the buyer's "
                         "and the seller's copy: both parties receive the same decision. The seller's copy "
                         "also records the findings on the seller's service, which do not change the decision."),
    # running texts
    "footer": "{platform} · Case {case_id} · {copy} · Fingerprint {fp}",
    "page_of": "Page {page} of {pages}",
    "running_head": "{title} · Case {case_id}",
    # metadata
    "meta_title": "Decision on after-sale dispute {case_id} ({copy})",
    "meta_subject": "{platform} after-sale dispute {case_id}, order {order_id}: decision notice",
    "meta_author": "{platform} dispute resolution",
    "yes": "Yes",
    "no": "No",
}

ZH: dict[str, object] = {
    "platform": {"tiktok_shop": "TikTok Shop", "douyin": "抖音"},
    "title": "售后纠纷处理决定通知书",
    "copy": {"buyer": "买家联", "seller": "卖家联"},
    "intro": "{platform}平台已对以下售后纠纷进行审核,现将处理决定通知如下。本决定同时通知买卖双方,双方收到的处理决定一致。",
    "f_platform": "平台",
    "f_case_id": "纠纷编号",
    "f_order_id": "订单号",
    "f_notice_date": "通知日期",
    "f_items": "商品",
    "f_total_paid": "实付金额",
    "parties": "当事人",
    "buyer": "买家",
    "seller": "卖家",
    "f_name": "名称",
    "f_shop": "店铺",
    "f_phone": "电话",
    "f_email": "邮箱",
    "f_address": "地址",
    "none": "—",
    "masked_note": "为保护个人信息,电话、邮箱和地址已作部分隐藏处理。",
    "h_claim": "买家申请",
    "h_jurisdiction": "平台介入",
    "h_evidence": "证据",
    "h_considered": "采纳的证据",
    "h_excluded": "未采纳的证据",
    "h_finding": "认定与处理结果",
    "h_remedy": "处理方案",
    "h_deadlines": "履行期限",
    "h_appeals": "申诉",
    "h_rationale": "处理理由",
    "h_cited": "引用的证据和聊天记录",
    "h_conduct": "卖家服务规范(仅限卖家联)",
    "h_issued": "签发信息",
    "claim": "买家于{date}就订单{order_id}申请{remedy},申请金额{amount},理由为{claim_type}。买家陈述:“{reason}”",
    "claim_no_reason": "买家于{date}就订单{order_id}申请{remedy},申请金额{amount},理由为{claim_type}。",
    "claim_type": {
        "not_received": "未收到商品",
        "wrong_item": "收到的商品与订单不符",
        "damaged": "商品到货时已损坏",
        "quality_issue": "商品存在质量问题",
        "not_as_described": "商品与描述不符",
        "counterfeit": "商品为假冒商品",
        "missing_parts": "商品缺少配件",
        "no_reason_return": "无理由退货",
    },
    "requested_remedy": {
        "refund_only": "仅退款",
        "return_and_refund": "退货退款",
        "replacement": "换货",
        "reship": "补发商品",
        "partial_refund": "部分退款",
    },
    "accepted": "本纠纷符合平台介入的全部条件,平台已作出处理决定。",
    "declined_lead": "平台对本纠纷不予介入,原因如下:",
    "declined_lead_many": "平台对本纠纷不予介入,原因如下:",
    "declined_merits": "因此,平台未对买家申请的事项作出实体认定,本通知不涉及任何处理方案。",
    "legal_channels": "买卖双方可以通过法律途径继续主张自己的权利。",
    "col_condition": "条件",
    "col_result": "结果",
    "col_basis": "依据",
    "met": "符合",
    "not_met": "不符合",
    "gate": {
        "J1_platform_order": "商品在本平台购买",
        "J2_in_time": "买家在规定期限内提出申请",
        "J3_not_settled": "买卖双方未自行协商解决",
        "J4_actual_consumer": "买家为商品的实际消费者",
        "J5_valid_transaction": "交易有效",
        "J6_unresolved": "售后问题尚未解决",
        "J7_no_legal_action": "双方未启动法律程序",
        "J8_appeal_allowed": "该商品仍可申诉",
    },
    "gate_failed": {
        "J1_platform_order": "该商品并非在{platform}平台购买。",
        "J2_in_time": "买家未在规定期限内申请平台介入。",
        "J3_not_settled": "买卖双方已同意自行协商解决。",
        "J4_actual_consumer": "买家并非商品的实际消费者。",
        "J5_valid_transaction": "该交易无效。",
        "J6_unresolved": "该售后问题已经解决。",
        "J7_no_legal_action": "买卖双方已启动法律程序,法律程序启动后平台不再介入。",
        "J8_appeal_allowed": "该商品已无申诉机会:同一商品买家最多可申诉{buyer_max}次,且判罚后短期内只能申诉一次。",
    },
    "evidence_note": "每份证据均注明其文件SHA-256哈希值的前12位,可据此将本决定与证据文件逐一核对。时间均为{zone}。",
    "col_id": "编号",
    "col_party": "提交方",
    "col_submitted": "提交时间",
    "col_kind": "类型",
    "col_description": "说明",
    "col_sha": "SHA-256",
    "col_reason": "未采纳原因",
    "no_evidence_considered": "无采纳的证据。",
    "no_evidence_excluded": "无未采纳的证据。",
    "party": {"buyer": "买家", "seller": "卖家", "platform": "平台", "system": "系统"},
    "kind": {"photo": "照片", "video": "视频", "screenshot": "截图", "document": "文件", "tracking": "物流记录"},
    "excluded_reason": {
        "not_requested": "平台未要求补充的证据",
        "not_authentic": "真实性未获认可",
        "not_relevant": "与本纠纷无直接关联",
        "late": "超过平台规定期限提交的补充证据",
    },
    "continued": "{id}(续)",
    "f_finding": "认定",
    "f_problem": "认定的问题",
    "f_outcome": "处理结果",
    "finding": {
        "supported": "有效证据支持买家的主张。",
        "contradicted": "有效证据支持卖家的主张。",
        "insufficient": "买家提供的证据不足以证明其所述问题。",
    },
    "problem": {
        "wrong_item": "错发商品(与订单不符)",
        "serious_quality": "严重质量问题",
        "minor_quality": "轻微质量问题",
        "damaged": "商品损坏",
        "lost": "商品丢失",
        "counterfeit": "假冒商品",
        "not_as_described": "与描述不符",
        "missing_parts": "缺少配件",
        "no_reason_return": "无理由退货",
    },
    "outcome": {
        "buyer_favoured": "支持买家的申请。",
        "partial": "部分支持买家的申请。",
        "seller_favoured": "支持卖家,驳回买家的申请。",
        "declined": "平台不予介入。",
    },
    "r_type": "处理方式",
    "r_amount": "金额",
    "r_return": "是否退货",
    "r_route": "退款方式",
    "r_shipping": "运费",
    "r_liability": "运输风险承担方",
    "r_sea": "东南亚跨境订单",
    "remedy": {
        "refund_only": "仅退款",
        "return_and_refund": "退货退款",
        "replacement": "换货",
        "reship": "补发",
        "partial_refund": "部分退款",
        "none": "无",
    },
    "no_remedy": "不作处理:买家的申请不予支持。",
    "return_yes": "需要退货:买家将商品退回卖家。",
    "return_no": "无需退货。",
    "return_exempt": "无需退货:{exemption},平台直接向买家退款。",
    "exemption": {
        "counterfeit": "商品为假冒商品",
        "damaged": "商品已完全损坏",
        "lost": "商品已丢失",
        "custom_made": "商品为定制商品",
    },
    "route": {
        "original_payment": "按原支付方式退回。",
        "cod_seller_refund": "货到付款订单:由卖家直接向买家退款,并上传退款凭证。",
    },
    "shipping": {"seller": "由卖家承担。", "buyer": "由买家承担。", "platform": "由平台承担。",
                 "not_refunded": "运费不予退还。", "shared": "由买卖双方共同承担。", "carrier": "由物流服务商承担。"},
    "liability": {
        "seller": "卖家。",
        "buyer": "买家(双方均无过错,买家自行承担退货风险)。",
        "shared": "买卖双方共同承担。",
        "carrier": "物流服务商。",
    },
    "sea_yes": "本订单符合“退款不退货”条件,由系统自动批准。",
    "deadlines_note": "以下日期和时间均为{zone}。",
    "col_obligation": "事项",
    "col_who": "责任方",
    "col_due": "截止时间",
    "col_on_miss": "逾期后果",
    "no_deadlines": "本决定未设定履行期限。",
    "deadline": {
        "seller_execute": "执行本处理决定",
        "buyer_return_ship": "寄回商品并填写退货物流单号",
        "seller_confirm_receipt": "确认收到退货并退款",
        "appeal_window": "在判罚后的申诉期内提出申诉",
        "seller_refund_proof": "向买家退款(货到付款)并上传退款凭证",
    },
    "on_miss": {
        "advance_compensation": "平台将先行赔付买家,并对卖家进行处罚。",
        "auto_deduction": "支付服务商将自动从卖家账户中扣除相应款项。",
        "auto_agree": "系统将自动同意买家的申请。",
        "return_closes": "退货申请将关闭。",
        "deemed_delivered": "视为退货已送达卖家退货地址,并向买家退款。",
        "auto_confirm": "系统将自动确认收货并向买家退款。",
        "appeal_closed": "该申诉期结束。",
    },
    "later_event": {
        "seller_confirm_receipt": "买家上传退货物流单号后{n}内",
        "buyer_return_ship": "退货申请批准后{n}内",
        "seller_refund_proof": "卖家确认收到退货后{n}内",
        "_default": "自后续事件发生之日起计算",
    },
    "later_event_unknown": "自买家上传退货物流单号之日起计算",
    "extension": "(卖家可申请延长一次,延长{n})",
    "no_date_yet": "具体日期以该事项发生的时间为准",
    "duration": {"day": ("{n}天", "{n}天"), "hour": ("{n}小时", "{n}小时")},
    "appeal_buyer": ("买家如对本决定有异议,可以提出申诉。同一商品买家最多可申诉{buyer_max}次(尚余{buyer_remaining}次),"
                     "且判罚后{window}内只能提出一次申诉{by}。"),
    "appeal_buyer_nowindow": ("买家如对本决定有异议,可以提出申诉。同一商品买家最多可申诉{buyer_max}次"
                              "(尚余{buyer_remaining}次),且判罚后短期内只能提出一次申诉。"),
    "appeal_buyer_none": "同一商品买家最多可申诉{buyer_max}次,买家对该商品已无申诉机会。",
    "appeal_by": ",截止时间为{due}",
    "appeal_seller": {
        "ticket": "卖家如对本决定有异议,可以通过卖家中心提交工单申诉。",
        "_default": "卖家如对本决定有异议,可以按照平台规则提出申诉。",
    },
    "appeal_legal": "买卖双方如启动法律程序,平台将停止介入。",
    "col_item": "项目",
    "col_from": "来源",
    "col_time": "时间",
    "col_ref": "编号",
    "cited_evidence": "证据({kind})",
    "cited_message": "聊天消息",
    "cited_unknown": "案卷中无此项",
    "no_rationale": "审核人未作进一步说明。",
    "conduct_intro": ("本部分仅载于卖家联,记录审核人对卖家在本纠纷中客服表现的认定,供平台进行客服质量评估,"
                      "不影响上述处理决定。"),
    "conduct_rule": ("卖家须在72小时内回复买家咨询,使用专业语言沟通,不得辱骂或威胁,且只能发送与订单相关的信息,"
                     "不得发送广告或第三方链接。未达标的卖家可能被限制使用客服功能。"),
    "conduct_item": {
        "replied_within_72h": "72小时内回复买家",
        "professional_language": "使用专业语言沟通",
        "no_ads_or_links": "未发送广告或第三方链接",
    },
    "conduct_yes": "符合",
    "conduct_no": "不符合",
    "conduct_unknown": "未评估",
    "conduct_none": "审核人未对卖家在本纠纷中的客服表现作出认定。",
    "col_standard": "规范",
    "i_reviewer": "审核人",
    "i_decided_at": "决定时间",
    "i_policy": "适用规则",
    "i_policy_value": "{id},版本 {version}",
    "i_fingerprint": "决定指纹",
    "fingerprint_note": ("决定指纹为本决定记录的SHA-256值,买家联与卖家联相同:买卖双方收到的是同一处理决定。"
                         "卖家联另载有对卖家客服表现的认定,该认定不影响处理决定。"),
    "footer": "{platform} · 纠纷编号 {case_id} · {copy} · 决定指纹 {fp}",
    "page_of": "第 {page} 页,共 {pages} 页",
    "running_head": "{title} · 纠纷编号 {case_id}",
    "meta_title": "售后纠纷处理决定通知书 {case_id}({copy})",
    "meta_subject": "{platform}售后纠纷 {case_id}(订单 {order_id})处理决定",
    "meta_author": "{platform}纠纷处理",
    "yes": "是",
    "no": "否",
}

_FULLWIDTH = {",": "，", ";": "；", "(": "（", ")": "）", "!": "！", "?": "？"}


def fullwidth(template: str) -> str:
    """Chinese prose punctuation as a formal 通知书 writes it: ，；：（）！？ instead of the ASCII forms.
    ``{placeholders}`` are left alone, and so is a colon between digits (a time, ``10:00``); what is
    interpolated later (names, quotes, amounts, times) is never touched."""
    out, depth = [], 0
    for i, ch in enumerate(template):
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth = max(0, depth - 1)
        if depth:
            out.append(ch)
        elif ch == ":" and not (0 < i < len(template) - 1 and template[i - 1].isdigit() and template[i + 1].isdigit()):
            out.append("：")
        else:
            out.append(_FULLWIDTH.get(ch, ch))
    return "".join(out)


def _fullwidth_catalog(value: object) -> object:
    if isinstance(value, str):
        return fullwidth(value)
    if isinstance(value, dict):
        return {key: _fullwidth_catalog(item) for key, item in value.items()}
    if isinstance(value, tuple):
        return tuple(_fullwidth_catalog(item) for item in value)
    return value


# The Chinese catalog is written with ASCII punctuation for easy editing and set full-width once, here.
ZH = _fullwidth_catalog(ZH)  # type: ignore[assignment]
CATALOG: dict[str, dict[str, object]] = {"en": EN, "zh": ZH}

ZH_NUMERALS = "一二三四五六七八九十"

# Time zone names the parties recognise. English uses the zone's own abbreviation where it has a real one
# (GMT, BST, CET, ...); zones whose abbreviation is only an offset fall back to the names below.
ZONE_NAMES: dict[str, dict[str, str]] = {
    "zh": {
        "Asia/Shanghai": "北京时间", "Asia/Chongqing": "北京时间", "Asia/Harbin": "北京时间",
        "Asia/Urumqi": "乌鲁木齐时间", "Asia/Hong_Kong": "香港时间", "Asia/Macau": "澳门时间",
        "Asia/Taipei": "台北时间", "Europe/London": "英国时间", "Asia/Kuala_Lumpur": "马来西亚时间",
        "Asia/Singapore": "新加坡时间", "Asia/Bangkok": "泰国时间", "Asia/Ho_Chi_Minh": "越南时间",
        "Asia/Manila": "菲律宾时间", "Asia/Jakarta": "印度尼西亚西部时间", "Europe/Berlin": "德国时间",
        "Europe/Paris": "法国时间", "Europe/Madrid": "西班牙时间", "Europe/Rome": "意大利时间",
        "America/New_York": "美国东部时间", "America/Chicago": "美国中部时间",
        "America/Denver": "美国山地时间", "America/Los_Angeles": "美国太平洋时间", "Asia/Tokyo": "日本时间",
        "Asia/Seoul": "韩国时间", "America/Mexico_City": "墨西哥城时间", "UTC": "协调世界时",
    },
    "en": {
        "Asia/Shanghai": "China Standard Time", "Asia/Kuala_Lumpur": "Malaysia time",
        "Asia/Singapore": "Singapore time", "Asia/Bangkok": "Thailand time", "Asia/Ho_Chi_Minh": "Vietnam time",
        "Asia/Manila": "Philippine time", "Asia/Jakarta": "Western Indonesia time",
        "Asia/Hong_Kong": "Hong Kong time", "UTC": "UTC",
    },
}

EN_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
             "October", "November", "December")


def zone(tz_name: str | None) -> ZoneInfo:
    try:
        return ZoneInfo(tz_name or "UTC")
    except Exception:  # an unknown zone name: fall back to UTC rather than fail the notice
        return ZoneInfo("UTC")


def parse_ts(value: str | datetime | None) -> datetime | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value
    return datetime.fromisoformat(value)


def _offset(dt: datetime) -> str:
    off = dt.utcoffset() or timedelta(0)
    total = int(off.total_seconds()) // 60
    sign = "+" if total >= 0 else "-"
    total = abs(total)
    return f"UTC{sign}{total // 60:02d}:{total % 60:02d}"


def zone_label(lang: str, tz_name: str, dt: datetime) -> str:
    """The zone as the parties know it: "GMT", "BST", "北京时间", ... (without the offset)."""
    names = ZONE_NAMES[lang]
    if tz_name in names:
        return names[tz_name]
    if lang == "en":
        abbr = dt.tzname() or ""
        if abbr and abbr[0] not in "+-" and not abbr.startswith("UTC"):
            return abbr
    return tz_name


def zone_description(lang: str, tz_name: str, when: datetime) -> str:
    """For notes: "UK time (GMT, UTC+00:00)" style; in the parties' zone at ``when``."""
    local = when.astimezone(zone(tz_name))
    label = zone_label(lang, tz_name, local)
    if lang == "zh":
        return f"{label}（{_offset(local)}）"
    return f"{label} ({_offset(local)}, {tz_name})" if label != tz_name else f"{tz_name} ({_offset(local)})"


def format_date(lang: str, dt: datetime, tz_name: str) -> str:
    local = dt.astimezone(zone(tz_name))
    if lang == "zh":
        return f"{local.year}年{local.month}月{local.day}日"
    return f"{local.day} {EN_MONTHS[local.month - 1]} {local.year}"


def format_datetime(lang: str, dt: datetime, tz_name: str) -> str:
    """An absolute date and time in the parties' zone, with the zone: "7 March 2025, 10:00 (GMT, UTC+00:00)",
    "2025年3月7日 10:00（北京时间 UTC+08:00）"."""
    local = dt.astimezone(zone(tz_name))
    label = zone_label(lang, tz_name, local)
    hm = f"{local.hour:02d}:{local.minute:02d}"
    if lang == "zh":
        return f"{format_date(lang, local, tz_name)} {hm}（{label} {_offset(local)}）"
    return f"{format_date(lang, local, tz_name)}, {hm} ({label}, {_offset(local)})"


def format_short(dt: datetime, tz_name: str) -> str:
    """Compact table form in the parties' zone: "2025-02-25 09:00"."""
    local = dt.astimezone(zone(tz_name))
    return local.strftime("%Y-%m-%d %H:%M")


def format_money(lang: str, amount: object, currency: str | None) -> str:
    text = str(amount) if amount is not None else "0"
    cur = (currency or "").upper()
    if lang == "zh":
        return f"{text} 元" if cur in ("CNY", "RMB") else f"{text} {cur}".strip()
    return f"{cur} {text}".strip()


def duration_text(lang: str, n: int, unit: str) -> str:
    singular, plural = CATALOG[lang]["duration"][unit]  # type: ignore[index]
    return (singular if n == 1 else plural).format(n=n)


_DURATION = re.compile(r"(\d+)\s*(?:-\s*)?(days?|hours?|h)\b", re.IGNORECASE)
_EXTENSION = re.compile(r"extend\w*[^.;]*?\bby\s+(\d+)\s*(days?|hours?|h)\b", re.IGNORECASE)


def _unit(word: str) -> str:
    return "day" if word.lower().startswith("day") else "hour"


_SPAN = re.compile(r"^(\d+)([hd])$")


def span(value: str | None) -> tuple[int, str] | None:
    """A policy span from the decision record ("8d", "48h") -> (8, "day")."""
    match = _SPAN.match(value or "")
    if not match:
        return None
    return int(match.group(1)), "day" if match.group(2) == "d" else "hour"


def rule_duration(rule: str | None) -> tuple[int, str] | None:
    """The period a rule text counts ("8 days after the buyer uploads ..." -> (8, "day"))."""
    if not rule:
        return None
    match = _DURATION.search(rule)
    if not match:
        return None
    return int(match.group(1)), _unit(match.group(2))


def rule_extension(rule: str | None) -> tuple[int, str] | None:
    if not rule:
        return None
    match = _EXTENSION.search(rule)
    if not match:
        return None
    return int(match.group(1)), _unit(match.group(2))


def numbered_heading(lang: str, number: int, title: str) -> str:
    if lang == "zh":
        numeral = ZH_NUMERALS[number - 1] if 1 <= number <= len(ZH_NUMERALS) else str(number)
        return f"{numeral}、{title}"
    return f"{number}. {title}"


def text(lang: str, key: str, **values: object) -> str:
    template = CATALOG[lang][key]
    assert isinstance(template, str), key
    return template.format(**values) if values else template


def lookup(lang: str, key: str, code: str | None, default: str | None = None) -> str:
    """A phrase for a code (``lookup("en", "on_miss", "auto_agree")``); unknown codes fall back to
    ``default`` or the code itself, so a new code never breaks a notice."""
    table = CATALOG[lang][key]
    assert isinstance(table, dict), key
    if code in table:
        return table[code]
    if "_default" in table:
        return table["_default"]
    return default if default is not None else (code or CATALOG[lang]["none"])  # type: ignore[return-value]


# --------------------------------------------------------------------------------------- rules revision 2 words
# The r2 wording of the notice (checklist.md "(r2)"): what follows from a failed gate, what "carry out" means per
# remedy, the carrier's policy text, the appeal count rule and the postage. Render calls these helpers with the
# record; a 2025.06 record (without the r2 keys) gets the words it always had.

R2: dict[str, dict[str, object]] = {
    "en": {
        "appeal_stands": ("The appeal is not admitted, so the decision appealed stands: the decision of {date}"
                          "{fingerprint}."),
        "appeal_fp": " (decision fingerprint {fp})",
        "douyin_closed": ("The buyer did not ask the platform to intervene within the time allowed after the "
                          "seller's rejection, so the after-sale request has closed. The buyer may apply for "
                          "after-sale service again within the after-sale period."),
        "execute": {
            "refund": "Refund the buyer",
            "approve_return": "Approve the return and give the buyer the return address (the refund follows "
                              "receipt of the goods)",
            "ship": "Ship the goods (replacement or reshipment)",
        },
        "carrier_note": "The logistics provider is liable for the loss. The platform decides how the buyer is refunded.",
        "carrier_no_deadline": "The seller has no deadline to carry out this decision.",
        "r_note": "Notes",
        "postage_not_refunded": "The original postage is not refunded.",
        "appeal_count": ("The buyer may appeal this decision: at most {buyer_max} appeals are allowed on the same "
                         "item ({buyer_remaining} remaining), and only one of them may be lodged within {window} "
                         "of the decision."),
        "appeal_period": " An appeal must be lodged by {due}.",
    },
    "zh": {
        "appeal_stands": "本次申诉不予受理,被申诉的{date}处理决定{fingerprint}继续有效。",
        "appeal_fp": "(决定指纹 {fp})",
        "douyin_closed": "买家未在商家拒绝后的规定时间内申请平台介入,该售后申请已自动关闭。买家可以在售后期内重新发起售后申请。",
        "execute": {
            "refund": "向买家退款",
            "approve_return": "同意退货并向买家提供退货地址(退款在收到退货后进行)",
            "ship": "发出商品(换货或补发)",
        },
        "carrier_note": "损失由物流服务商负责,平台将根据具体情况决定退款方式。",
        "carrier_no_deadline": "卖家无须在期限内执行本决定。",
        "r_note": "说明",
        "postage_not_refunded": "原订单运费不予退还。",
        "appeal_count": ("买家如对本决定有异议,可以提出申诉。同一商品买家最多可申诉{buyer_max}次(尚余{buyer_remaining}次),"
                         "且判罚后{window}内只能提出一次申诉。"),
        "appeal_period": "申诉须在{due}前提出。",
    },
}


R2["zh"] = _fullwidth_catalog(R2["zh"])  # type: ignore[assignment]  # full-width punctuation, as in ZH


def r2_text(lang: str, key: str, **values: object) -> str:
    template = R2[lang][key]
    assert isinstance(template, str), key
    return template.format(**values) if values else template


def decline_consequences(lang: str, record: dict, when: "callable") -> list[str]:
    """What follows from the gates that failed (r2): a declined appeal leaves the decision appealed in force
    (naming it: its date and, where known, its fingerprint); a Douyin request not escalated in time has closed and
    the buyer may apply again within the after-sale period (004). ``when`` formats a timestamp for the notice."""
    reasons = list(record.get("decline_reasons") or [])
    out: list[str] = []
    appeal = record.get("appeal")
    if appeal_stands(record) and isinstance(appeal, dict):
        appealed = appeal.get("decision_appealed") or {}
        fp = appealed.get("fingerprint")
        out.append(r2_text(lang, "appeal_stands", date=when(appealed.get("decided_at")),
                           fingerprint=r2_text(lang, "appeal_fp", fp=fp[:16]) if fp else ""))
    policy_id = str((record.get("policy") or {}).get("id") or "")
    if "J2_in_time" in reasons and policy_id.split(".")[0] == "douyin" and "one_within" in (record.get("appeals") or {}):
        out.append(r2_text(lang, "douyin_closed"))
    return out


def appeal_stands(record: dict) -> bool:
    """A declined appeal (r2): the notice names the decision appealed instead of saying no remedy is ordered."""
    return record.get("outcome") == "declined" and isinstance(record.get("appeal"), dict)


def deadline_obligation(lang: str, deadline: dict) -> str | None:
    """What the seller must do by ``seller_execute``, worded by the remedy's action (r2); None: the usual words."""
    action = deadline.get("action")
    if deadline.get("id") == "seller_execute" and action:
        table = R2[lang]["execute"]
        assert isinstance(table, dict)
        return table.get(action)
    return None


def remedy_notes(lang: str, record: dict) -> list[str]:
    """The carrier's policy text (002) and the postage (004) where an r2 record says so."""
    remedy = record.get("remedy") or {}
    notes: list[str] = []
    if remedy.get("postage_refunded") is False:
        notes.append(r2_text(lang, "postage_not_refunded"))
    if record.get("liability") == "carrier" and "note" in remedy:
        notes.append(r2_text(lang, "carrier_note"))
        if not any(d.get("party") == "seller" for d in record.get("deadlines") or []):
            notes.append(r2_text(lang, "carrier_no_deadline"))
    return notes


def appeal_count_rule(lang: str, record: dict, when: "callable") -> str | None:
    """The appeal as a count rule (002), for an r2 record (``appeals.one_within``); None for a 2025.06 record."""
    appeals = record.get("appeals") or {}
    window = span(appeals.get("one_within"))
    if window is None:
        return None
    text = r2_text(lang, "appeal_count", buyer_max=appeals.get("buyer_max", 2),
                   buyer_remaining=appeals.get("buyer_remaining", 0), window=duration_text(lang, *window))
    due = next((d.get("due") for d in record.get("deadlines") or [] if d.get("id") == "appeal_window"), None)
    if due:
        text += r2_text(lang, "appeal_period", due=when(due))
    return text
