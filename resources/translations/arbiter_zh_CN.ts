<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AmendDialog</name>
    <message>
        <source>Amend the signed verdict</source>
        <extracomment>a reason shorter than this (after trimming) is not a reason</extracomment>
        <translation>修订已签署的裁决</translation>
    </message>
    <message>
        <source>A signed verdict is never changed in place. An amendment is a new verdict that replaces it, with its own reason; the original stays on record.</source>
        <translation>已签署的裁决不会被直接改动。修订是取代原裁决的一份新裁决，须单独说明理由；原裁决仍保留在记录中。</translation>
    </message>
    <message>
        <source>Reason for the amendment (required):</source>
        <translation>修订理由（必填）：</translation>
    </message>
    <message>
        <source>What changed, and why the verdict must change</source>
        <translation>情况有何变化，以及裁决为何必须更改</translation>
    </message>
    <message>
        <source>Start amendment</source>
        <translation>开始修订</translation>
    </message>
    <message>
        <source>Write at least {n} characters.</source>
        <translation>请至少填写 {n} 个字。</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Something went wrong</source>
        <translation>出现了问题</translation>
    </message>
    <message>
        <source>Arbiter ran into a problem it did not expect: %1</source>
        <translation>Arbiter 遇到了意外问题：%1</translation>
    </message>
    <message>
        <source>Your saved work is safe. You can carry on; if it happens again, send the details below and the log file to support.</source>
        <translation>已保存的工作不受影响，可以继续操作。如果再次出现，请将下方详情和日志文件发送给技术支持。</translation>
    </message>
    <message>
        <source>temporary demo database (%1)</source>
        <translation type="vanished">临时演示数据库（%1）</translation>
    </message>
    <message>
        <source>No sample cases are installed.</source>
        <translation>未安装示例案件。</translation>
    </message>
    <message>
        <source>Loading %1 sample cases…</source>
        <translation>正在载入 %1 个示例案件…</translation>
    </message>
    <message>
        <source>Demo: %1 sample cases loaded.</source>
        <translation>演示：已载入 %1 个示例案件。</translation>
    </message>
    <message>
        <source>%1 could not be loaded (%2).</source>
        <translation>%1 个未能载入（%2）。</translation>
    </message>
    <message>
        <source>The sample cases could not be loaded: %1</source>
        <translation>示例案件未能载入：%1</translation>
    </message>
    <message>
        <source>Arbiter cannot start</source>
        <translation>Arbiter 无法启动</translation>
    </message>
    <message>
        <source>The database could not be opened: %1</source>
        <translation>无法打开数据库：%1</translation>
    </message>
</context>
<context>
    <name>BlindForm</name>
    <message>
        <source>yes</source>
        <translation type="vanished">是</translation>
    </message>
    <message>
        <source>no</source>
        <translation type="vanished">否</translation>
    </message>
    <message>
        <source>Answer the checklist yourself. The reviewer&apos;s answers stay hidden until you compare.</source>
        <translation>请您独立作答检查清单。在您点击比对之前，审核员的答案不会显示。</translation>
    </message>
    <message>
        <source>Jurisdiction</source>
        <translation>受理条件</translation>
    </message>
    <message>
        <source>passes</source>
        <translation>满足</translation>
    </message>
    <message>
        <source>fails</source>
        <translation>不满足</translation>
    </message>
    <message>
        <source>not decided</source>
        <translation>未能判定</translation>
    </message>
    <message>
        <source>%1: %2 (from the case)</source>
        <translation>%1：%2（依案件事实）</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>裁决</translation>
    </message>
    <message>
        <source>Cite evidence and message ids, e.g. E1, M4</source>
        <translation>引用证据和消息编号，例如 E1、M4</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>事实认定</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题类型</translation>
    </message>
    <message>
        <source>Remedy</source>
        <translation>处理方式</translation>
    </message>
    <message>
        <source>Damage</source>
        <translation>损坏程度</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Rationale</source>
        <translation>裁决理由</translation>
    </message>
    <message>
        <source>Seller&apos;s conduct (seller&apos;s notice only; optional)</source>
        <translation>卖家服务表现（仅写入卖家通知书；选填）</translation>
    </message>
    <message>
        <source>Your outcome: %1, %2 %3</source>
        <translation>您的处理结果：%1，%2 %3</translation>
    </message>
    <message>
        <source>Not complete: %1</source>
        <translation>尚未完成：%1</translation>
    </message>
    <message>
        <source>Still to answer: %1</source>
        <translation>尚待作答：%1</translation>
    </message>
</context>
<context>
    <name>Calibration</name>
    <message>
        <source>Evidence admissibility</source>
        <translation>证据可采性</translation>
    </message>
    <message>
        <source>Outcome (decision record)</source>
        <translation>结果（判决记录）</translation>
    </message>
    <message>
        <source>Seller conduct: replied within 72 h</source>
        <translation>卖家行为：72 小时内回复</translation>
    </message>
    <message>
        <source>Seller conduct: professional language</source>
        <translation>卖家行为：用语专业</translation>
    </message>
    <message>
        <source>Seller conduct: no ads or links</source>
        <translation>卖家行为：无广告或链接</translation>
    </message>
    <message>
        <source>not answered</source>
        <translation>未作答</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>admissible</source>
        <translation>采纳</translation>
    </message>
    <message>
        <source>not authentic</source>
        <translation>非真实</translation>
    </message>
    <message>
        <source>not relevant</source>
        <translation>不相关</translation>
    </message>
    <message>
        <source>supports the claim</source>
        <translation>支持诉求</translation>
    </message>
    <message>
        <source>contradicts the claim</source>
        <translation>与诉求相矛盾</translation>
    </message>
    <message>
        <source>does not establish it</source>
        <translation>不足以证明</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
</context>
<context>
    <name>CalibrationPage</name>
    <message>
        <source>Gold cases have a known answer. Reviewers get them like any other case; they never issue a notice and do not count in the scorecards. Agreement with gold per question; κ below 0.4 (red) is where the team splits.</source>
        <translation>金标案件有已知答案。审核员像处理其他案件一样处理它们；金标案件从不出具通知，也不计入记分卡。下表按问题列出与金标答案的一致度；κ 低于 0.4（红色）即团队意见分歧之处。</translation>
    </message>
    <message>
        <source>Mark gold case…</source>
        <translation>标记金标案件…</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Calibration</source>
        <translation>校准</translation>
    </message>
    <message>
        <source>Gold cases (%1)</source>
        <translation>金标案件（%1）</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Gold outcome</source>
        <translation>金标结果</translation>
    </message>
    <message>
        <source>Answered by</source>
        <translation>作答人</translation>
    </message>
    <message>
        <source>Marked by</source>
        <translation>标记人</translation>
    </message>
    <message>
        <source>Agreement with gold, per question</source>
        <translation>各问题与金标答案的一致度</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>答案数</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>一致率</translation>
    </message>
    <message>
        <source>Fleiss κ (reviewers)</source>
        <translation>Fleiss κ（审核员之间）</translation>
    </message>
    <message>
        <source>%1
agreement / κ</source>
        <translation>%1
一致率 / κ</translation>
    </message>
    <message>
        <source>Where reviewers split (%1 items)</source>
        <translation>审核员意见分歧之处（%1 项）</translation>
    </message>
    <message>
        <source>Gold answer</source>
        <translation>金标答案</translation>
    </message>
    <message>
        <source>Reviewers&apos; answers</source>
        <translation>审核员的答案</translation>
    </message>
    <message>
        <source>%1 gold cases (%2 answered), %3 reviewers, %4 answers compared.</source>
        <translation>%1 个金标案件（%2 个已作答），%3 名审核员，比较了 %4 份答案。</translation>
    </message>
    <message>
        <source>Most common: %1.</source>
        <translation>最常见：%1。</translation>
    </message>
    <message>
        <source>Choose a gold case in the list first.</source>
        <translation>请先在列表中选择一个金标案件。</translation>
    </message>
    <message>
        <source>Gold case</source>
        <translation>金标案件</translation>
    </message>
    <message>
        <source>Export calibration</source>
        <translation>导出校准结果</translation>
    </message>
</context>
<context>
    <name>CaseTabs</name>
    <message>
        <source>The draft of %1 could not be saved: %2

Close it anyway? The answers since the last save are lost.</source>
        <translation>%1 的草稿未能保存：%2

仍要关闭吗？上次保存之后的答案将会丢失。</translation>
    </message>
    <message>
        <source>Draft not saved</source>
        <translation>草稿未保存</translation>
    </message>
    <message>
        <source>Opening the case…</source>
        <extracomment>a draft or a signature still on its way when its tab closed was refused meanwhile: (case id, the reason)</extracomment>
        <translation>正在打开案件…</translation>
    </message>
    <message>
        <source>Opening…</source>
        <translation>正在打开…</translation>
    </message>
</context>
<context>
    <name>CaseView</name>
    <message>
        <source>Double-click an evidence or message row to open it.</source>
        <translation>双击证据行或消息行即可打开。</translation>
    </message>
    <message>
        <source>Facts</source>
        <extracomment>an id was followed (a citation, an attachment link, a timeline row): the id, and whether it was found</extracomment>
        <translation>案件事实</translation>
    </message>
    <message>
        <source>Evidence (%1/%2 opened)</source>
        <translation>证据（已打开 %1/%2）</translation>
    </message>
    <message>
        <source>Chats (%1)</source>
        <translation>聊天记录（%1）</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
</context>
<context>
    <name>CaseWorkspace</name>
    <message>
        <source>This panel is not available in this build.</source>
        <extracomment>how long closing a case waits for its draft (or signature) to reach the database</extracomment>
        <translation>此版本暂不提供该面板。</translation>
    </message>
    <message>
        <source>This panel could not be shown: %1</source>
        <translation>该面板无法显示：%1</translation>
    </message>
    <message>
        <source>Case</source>
        <extracomment>the reviewer wants the next case (Sign and next, Next case)</extracomment>
        <translation>案件</translation>
    </message>
    <message>
        <source>Amend the verdict (Amend… in the checklist) to answer the supervisor.</source>
        <translation>请修订裁决（核查清单中的“修订…”）以回应主管。</translation>
    </message>
</context>
<context>
    <name>ChatPanel</name>
    <message>
        <source>▲ Previous difference</source>
        <translation>▲ 上一处差异</translation>
    </message>
    <message>
        <source>▼ Next difference</source>
        <translation>▼ 下一处差异</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>会话</translation>
    </message>
    <message>
        <source>Buyer ↔ seller</source>
        <translation>买家 ↔ 卖家</translation>
    </message>
    <message>
        <source>Buyer ↔ support</source>
        <translation>买家 ↔ 客服</translation>
    </message>
    <message>
        <source>Seller ↔ support</source>
        <translation>卖家 ↔ 客服</translation>
    </message>
    <message>
        <source>Rows aligned in time: %1</source>
        <translation>按时间对齐：共 %1 行</translation>
    </message>
    <message>
        <source>missing from the buyer&apos;s copy: %1</source>
        <translation>买家版本缺失：%1</translation>
    </message>
    <message>
        <source>missing from the seller&apos;s copy: %1</source>
        <translation>卖家版本缺失：%1</translation>
    </message>
    <message>
        <source>differ between the copies: %1</source>
        <translation>双方版本不一致：%1</translation>
    </message>
    <message>
        <source>Only one copy of this conversation was submitted: %1 (messages: %2)</source>
        <translation>此会话仅提交了一个版本：%1（消息数：%2）</translation>
    </message>
    <message>
        <source>✓ read to the end</source>
        <translation>✓ 已阅读完毕</translation>
    </message>
    <message>
        <source>scroll to the end to mark as read</source>
        <translation>滚动到末尾即标记为已读</translation>
    </message>
    <message>
        <source>Attachments:</source>
        <translation>附件：</translation>
    </message>
</context>
<context>
    <name>ChatTableModel</name>
    <message>
        <source>Buyer&apos;s copy</source>
        <translation>买家版本</translation>
    </message>
    <message>
        <source>Seller&apos;s copy</source>
        <translation>卖家版本</translation>
    </message>
    <message>
        <source>Platform&apos;s log</source>
        <translation>平台记录</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>%1 (messages: %2)</source>
        <translation>%1（消息数：%2）</translation>
    </message>
    <message>
        <source>Buyer</source>
        <translation>买家</translation>
    </message>
    <message>
        <source>Seller</source>
        <translation>卖家</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>⊘ Not in the buyer&apos;s copy</source>
        <translation>⊘ 买家版本中没有</translation>
    </message>
    <message>
        <source>⊘ Not in the seller&apos;s copy</source>
        <translation>⊘ 卖家版本中没有</translation>
    </message>
    <message>
        <source>text</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>sender</source>
        <translation>发送方</translation>
    </message>
    <message>
        <source>attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>≠ Differs: %1</source>
        <translation>≠ 不一致：%1</translation>
    </message>
    <message>
        <source>only in this copy</source>
        <translation>仅此版本中有</translation>
    </message>
</context>
<context>
    <name>ChatsPanel</name>
    <message>
        <source>This case has no chat logs.</source>
        <translation>本案没有聊天记录。</translation>
    </message>
</context>
<context>
    <name>ChecklistPanel</name>
    <message>
        <source>Declined: the platform does not intervene</source>
        <translation type="vanished">不予受理：平台不介入</translation>
    </message>
    <message>
        <source>In the buyer&apos;s favour</source>
        <translation type="vanished">支持买家</translation>
    </message>
    <message>
        <source>In the seller&apos;s favour</source>
        <translation type="vanished">支持卖家</translation>
    </message>
    <message>
        <source>Partly in the buyer&apos;s favour (partial refund)</source>
        <translation type="vanished">部分支持买家（部分退款）</translation>
    </message>
    <message>
        <source>not yet derived</source>
        <translation type="vanished">尚未得出</translation>
    </message>
    <message>
        <source>Refund only</source>
        <translation type="vanished">仅退款</translation>
    </message>
    <message>
        <source>Return and refund</source>
        <translation type="vanished">退货退款</translation>
    </message>
    <message>
        <source>Replacement</source>
        <translation type="vanished">换货</translation>
    </message>
    <message>
        <source>Reship</source>
        <translation type="vanished">补发</translation>
    </message>
    <message>
        <source>Partial refund</source>
        <translation type="vanished">部分退款</translation>
    </message>
    <message>
        <source>No remedy</source>
        <translation type="vanished">不作处理</translation>
    </message>
    <message>
        <source>Wrong item (does not match the order)</source>
        <translation type="vanished">发错货（与订单不符）</translation>
    </message>
    <message>
        <source>Serious quality problem</source>
        <translation type="vanished">严重质量问题</translation>
    </message>
    <message>
        <source>Minor quality problem</source>
        <translation type="vanished">轻微质量问题</translation>
    </message>
    <message>
        <source>Damaged in transit</source>
        <translation type="vanished">运输途中破损</translation>
    </message>
    <message>
        <source>Lost in transit</source>
        <translation type="vanished">运输途中丢失</translation>
    </message>
    <message>
        <source>Counterfeit</source>
        <translation type="vanished">假冒商品</translation>
    </message>
    <message>
        <source>Not as described</source>
        <translation type="vanished">与描述不符</translation>
    </message>
    <message>
        <source>Missing parts</source>
        <translation type="vanished">缺件少件</translation>
    </message>
    <message>
        <source>No-reason return</source>
        <translation type="vanished">七天无理由退货</translation>
    </message>
    <message>
        <source>seller</source>
        <translation type="vanished">卖家</translation>
    </message>
    <message>
        <source>shared between buyer and seller</source>
        <translation type="vanished">买卖双方共同承担</translation>
    </message>
    <message>
        <source>carrier (logistics provider)</source>
        <translation type="vanished">承运商（物流服务商）</translation>
    </message>
    <message>
        <source>buyer (nobody at fault)</source>
        <translation type="vanished">买家（各方均无过错）</translation>
    </message>
    <message>
        <source>none</source>
        <translation type="vanished">无</translation>
    </message>
    <message>
        <source>Seller carries out the decision</source>
        <translation type="vanished">卖家执行处理结果</translation>
    </message>
    <message>
        <source>Buyer ships the return</source>
        <translation type="vanished">买家寄回退货</translation>
    </message>
    <message>
        <source>Seller confirms receipt of the return</source>
        <translation type="vanished">卖家确认收到退货</translation>
    </message>
    <message>
        <source>Appeal window</source>
        <translation type="vanished">申诉期</translation>
    </message>
    <message>
        <source>Seller refunds cash on delivery</source>
        <translation type="vanished">卖家退还货到付款款项</translation>
    </message>
    <message>
        <source>Were the goods bought on this platform?</source>
        <translation type="vanished">商品是否在本平台购买？</translation>
    </message>
    <message>
        <source>Did the buyer apply for intervention within the deadline?</source>
        <translation type="vanished">买家是否在期限内申请平台介入？</translation>
    </message>
    <message>
        <source>Is the issue still unsettled between the parties?</source>
        <translation type="vanished">双方是否仍未就该问题达成一致？</translation>
    </message>
    <message>
        <source>Is the buyer the actual consumer?</source>
        <translation type="vanished">买家是否为实际消费者？</translation>
    </message>
    <message>
        <source>Is the transaction valid?</source>
        <translation type="vanished">交易是否有效？</translation>
    </message>
    <message>
        <source>Is the after-sale issue still unresolved?</source>
        <translation type="vanished">售后问题是否仍未解决？</translation>
    </message>
    <message>
        <source>Is the dispute free of legal proceedings?</source>
        <translation type="vanished">争议是否未进入法律程序？</translation>
    </message>
    <message>
        <source>Is a review allowed (not an appeal, or within the appeal limits)?</source>
        <translation type="vanished">是否可以审核（非申诉案件，或申诉未超出限制）？</translation>
    </message>
    <message>
        <source>Jurisdiction: does the platform intervene?</source>
        <translation type="vanished">受理审查：平台是否介入？</translation>
    </message>
    <message>
        <source>Any gate answered No ends the checklist: the case is declined and the parties may pursue their rights through legal channels.</source>
        <translation type="vanished">任一受理条件答“否”即结束审核：案件不予受理，双方可通过法律途径维护自身权益。</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="vanished">是</translation>
    </message>
    <message>
        <source>No</source>
        <translation type="vanished">否</translation>
    </message>
    <message>
        <source>Evidence admissibility</source>
        <translation type="vanished">证据采信</translation>
    </message>
    <message>
        <source>The buyer&apos;s first submission is the primary evidence and comes first. A supplementary item counts only if the platform requested it.</source>
        <translation type="vanished">买家首次提交的证据为主要证据，优先审查。补充证据仅在平台要求提交时方可采信。</translation>
    </message>
    <message>
        <source>The case has no evidence items.</source>
        <translation type="vanished">本案没有证据。</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation type="vanished">事实认定</translation>
    </message>
    <message>
        <source>What does the admissible evidence show about the claim?</source>
        <translation type="vanished">已采信的证据能否支持买家的诉求？</translation>
    </message>
    <message>
        <source>It supports the claim</source>
        <translation type="vanished">支持诉求</translation>
    </message>
    <message>
        <source>It contradicts the claim</source>
        <translation type="vanished">与诉求相矛盾</translation>
    </message>
    <message>
        <source>It does not establish the claimed problem</source>
        <translation type="vanished">不足以证明所述问题</translation>
    </message>
    <message>
        <source>When it supports the claim: what is the problem?</source>
        <translation type="vanished">如证据支持诉求：问题属于哪一类？</translation>
    </message>
    <message>
        <source>Seller conduct (optional; printed only in the seller&apos;s notice)</source>
        <translation type="vanished">卖家服务表现（选填；仅出现在卖家通知书中）</translation>
    </message>
    <message>
        <source>Did the seller reply within 72 hours?</source>
        <translation type="vanished">卖家是否在 72 小时内回复？</translation>
    </message>
    <message>
        <source>Did the seller use professional language?</source>
        <translation type="vanished">卖家用语是否规范、专业？</translation>
    </message>
    <message>
        <source>Did the seller avoid advertising and third-party links?</source>
        <translation type="vanished">卖家是否未发送广告或第三方链接？</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="vanished">清除</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="vanished">处理结果</translation>
    </message>
    <message>
        <source>Override the derived outcome</source>
        <translation type="vanished">人工改判（不采用规则推导结果）</translation>
    </message>
    <message>
        <source>An override needs a written justification and flags this verdict for supervisor review.</source>
        <translation type="vanished">人工改判须填写书面理由，本裁决将被标记为待主管复核。</translation>
    </message>
    <message>
        <source>Justification (required):</source>
        <translation type="vanished">改判理由（必填）：</translation>
    </message>
    <message>
        <source>Remedy</source>
        <translation type="vanished">处理方式</translation>
    </message>
    <message>
        <source>Amount:</source>
        <translation type="vanished">金额：</translation>
    </message>
    <message>
        <source>of {paid} {currency} paid</source>
        <translation type="vanished">（实付 {paid} {currency}）</translation>
    </message>
    <message>
        <source>Deadlines</source>
        <translation type="vanished">期限</translation>
    </message>
    <message>
        <source>Rationale</source>
        <translation type="vanished">裁决理由</translation>
    </message>
    <message>
        <source>Explain the decision and cite at least one evidence item or chat message by its id (for example E1, M4). Click a cited id to open it.</source>
        <translation type="vanished">说明裁决理由，并按编号引用至少一项证据或一条聊天消息（例如 E1、M4）。点击引用的编号即可打开对应内容。</translation>
    </message>
    <message>
        <source>Sign-off</source>
        <translation type="vanished">签署</translation>
    </message>
    <message>
        <source>Reviewer:</source>
        <translation type="vanished">审核员：</translation>
    </message>
    <message>
        <source>Sign verdict</source>
        <translation>签署裁决</translation>
    </message>
    <message>
        <source>Sign and lock the verdict ({key})</source>
        <translation type="vanished">签署并锁定裁决（{key}）</translation>
    </message>
    <message>
        <source>Discard amendment</source>
        <translation>放弃修订</translation>
    </message>
    <message>
        <source>Amend…</source>
        <translation type="vanished">修订…</translation>
    </message>
    <message>
        <source>Export notice…</source>
        <translation type="vanished">导出通知书…</translation>
    </message>
    <message>
        <source>submission {n}</source>
        <translation type="vanished">第 {n} 次提交</translation>
    </message>
    <message>
        <source>primary evidence</source>
        <translation type="vanished">主要证据</translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="vanished">打开</translation>
    </message>
    <message>
        <source>Show {id} in the case view</source>
        <translation type="vanished">在案件视图中显示 {id}</translation>
    </message>
    <message>
        <source>Excluded by rule: a supplementary item the platform did not request.</source>
        <translation type="vanished">按规则排除：未经平台要求提交的补充证据。</translation>
    </message>
    <message>
        <source>Not authentic: the stored file no longer matches the hash recorded at import.</source>
        <translation type="vanished">不具真实性：存储的文件未通过哈希校验，与导入时记录的哈希值不一致。</translation>
    </message>
    <message>
        <source>Excluded by rule: {reason}</source>
        <translation type="vanished">按规则排除：{reason}</translation>
    </message>
    <message>
        <source>Admissible</source>
        <translation type="vanished">采信</translation>
    </message>
    <message>
        <source>Not authentic</source>
        <translation type="vanished">不具真实性</translation>
    </message>
    <message>
        <source>Not relevant</source>
        <translation type="vanished">不具关联性</translation>
    </message>
    <message>
        <source>computed: passes</source>
        <translation type="vanished">系统判定：符合</translation>
    </message>
    <message>
        <source>computed: fails</source>
        <translation type="vanished">系统判定：不符合</translation>
    </message>
    <message>
        <source>computed: cannot be determined</source>
        <translation type="vanished">系统判定：无法确定</translation>
    </message>
    <message>
        <source>The case facts decide this gate ({facts}); it cannot be answered against them.</source>
        <translation type="vanished">此条件由案件事实决定（{facts}），不能作出与之相反的回答。</translation>
    </message>
    <message>
        <source>Confirm the computed fact</source>
        <translation type="vanished">确认系统判定结果</translation>
    </message>
    <message>
        <source>opened</source>
        <translation type="vanished">已打开</translation>
    </message>
    <message>
        <source>not opened yet</source>
        <translation type="vanished">尚未打开</translation>
    </message>
    <message>
        <source>need not be opened</source>
        <translation type="vanished">无需打开</translation>
    </message>
    <message>
        <source>Derived outcome: {outcome}</source>
        <translation type="vanished">规则推导结果：{outcome}</translation>
    </message>
    <message>
        <source>failed gates: {gates}</source>
        <translation type="vanished">未满足的条件：{gates}</translation>
    </message>
    <message>
        <source>The rules already derive this; choose the remedy instead of overriding.</source>
        <translation type="vanished">规则已推导出该结果，请直接选择处理方式，无需改判。</translation>
    </message>
    <message>
        <source>custom-made item</source>
        <translation type="vanished">定制商品</translation>
    </message>
    <message>
        <source>refunded to the original payment method</source>
        <translation type="vanished">原路退回</translation>
    </message>
    <message>
        <source>cash on delivery: the seller refunds and uploads proof</source>
        <translation type="vanished">货到付款：由卖家退款并上传凭证</translation>
    </message>
    <message>
        <source>Answer the jurisdiction gates and the findings first: the remedy depends on the outcome.</source>
        <translation type="vanished">请先完成受理条件和事实认定：处理方式取决于处理结果。</translation>
    </message>
    <message>
        <source>The outcome is {outcome}: no remedy.</source>
        <translation type="vanished">处理结果为“{outcome}”，不作处理。</translation>
    </message>
    <message>
        <source>Choose the remedy. The refund never exceeds what was paid.</source>
        <translation type="vanished">请选择处理方式。退款金额不得超过实付金额。</translation>
    </message>
    <message>
        <source>no refund for this remedy</source>
        <translation type="vanished">此处理方式不涉及退款</translation>
    </message>
    <message>
        <source>Sign amendment</source>
        <translation type="vanished">签署修订</translation>
    </message>
    <message>
        <source>Still missing before signing ({n}):</source>
        <translation type="vanished">签署前尚需完成（{n} 项）：</translation>
    </message>
    <message>
        <source>Nothing is missing: the verdict can be signed.</source>
        <translation type="vanished">各项均已完成，可以签署裁决。</translation>
    </message>
    <message>
        <source>Open {id}</source>
        <translation type="vanished">打开 {id}</translation>
    </message>
    <message>
        <source>{id} is not an evidence item or a chat message of this case</source>
        <translation type="vanished">{id} 不是本案的证据或聊天消息</translation>
    </message>
    <message>
        <source>Unknown ids (not in this case): {ids}</source>
        <translation type="vanished">未知编号（不属于本案）：{ids}</translation>
    </message>
    <message>
        <source>Cited: {ids}</source>
        <translation type="vanished">已引用：{ids}</translation>
    </message>
    <message>
        <source>No evidence item or chat message cited yet.</source>
        <translation type="vanished">尚未引用任何证据或聊天消息。</translation>
    </message>
    <message>
        <source>not chosen yet</source>
        <translation type="vanished">尚未选择</translation>
    </message>
    <message>
        <source>Liability</source>
        <translation type="vanished">责任方</translation>
    </message>
    <message>
        <source>derived once the answers are complete</source>
        <translation type="vanished">回答完所有问题后得出</translation>
    </message>
    <message>
        <source>The deadlines are derived once every question is answered.</source>
        <translation type="vanished">回答完所有问题后将得出各项期限。</translation>
    </message>
    <message>
        <source>overridden (derived: {derived}); flagged for supervisor review</source>
        <translation type="vanished">已人工改判（规则推导：{derived}）；待主管复核</translation>
    </message>
    <message>
        <source>return required</source>
        <translation type="vanished">需退货</translation>
    </message>
    <message>
        <source>no return required ({why})</source>
        <translation type="vanished">无需退货（{why}）</translation>
    </message>
    <message>
        <source>shipping borne by {party}</source>
        <translation type="vanished">运费由{party}承担</translation>
    </message>
    <message>
        <source>No deadlines apply to this outcome.</source>
        <translation type="vanished">此处理结果不涉及任何期限。</translation>
    </message>
    <message>
        <source>South-East Asia</source>
        <translation type="vanished">东南亚</translation>
    </message>
    <message>
        <source>qualifies for automatic refund without return</source>
        <translation type="vanished">符合免退货自动退款条件</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation type="vanished">适用规则</translation>
    </message>
    <message>
        <source>Signed verdict</source>
        <translation type="vanished">已签署的裁决</translation>
    </message>
    <message>
        <source>Preview (not signed)</source>
        <translation type="vanished">预览（未签署）</translation>
    </message>
    <message>
        <source>Counted from the decision, in the parties&apos; time zone ({zone}):</source>
        <translation type="vanished">自裁决时起算，按双方所在时区（{zone}）：</translation>
    </message>
    <message>
        <source>Signed: this verdict is locked. Changing it needs an amendment.</source>
        <translation>已签署：本裁决已锁定，如需更改须提交修订。</translation>
    </message>
    <message>
        <source>Amending the signed verdict. Reason: {reason}</source>
        <translation>正在修订已签署的裁决。理由：{reason}</translation>
    </message>
    <message>
        <source>Draft: answers are saved as you go.</source>
        <translation>草稿：回答会随时自动保存。</translation>
    </message>
    <message>
        <source>Override in use: the verdict will be flagged for supervisor review.</source>
        <translation>已启用人工改判：本裁决将被标记为待主管复核。</translation>
    </message>
    <message>
        <source>{n} still missing. {key}: next unanswered question.</source>
        <translation>尚有 {n} 项未完成。{key}：转到下一个未回答的问题。</translation>
    </message>
    <message>
        <source>Ready to sign ({key}).</source>
        <translation type="vanished">可以签署（{key}）。</translation>
    </message>
    <message>
        <source>Next unanswered question of the checklist</source>
        <extracomment>the reviewer wants the next case of the queue (after Sign and next, or Next case)</extracomment>
        <translation>核对清单中下一个未回答的问题</translation>
    </message>
    <message>
        <source>Sign the verdict</source>
        <translation>签署裁决</translation>
    </message>
    <message>
        <source>Sign and open the next case (after signing: next case)</source>
        <translation>签署并打开下一个案件（已签署时：下一个案件）</translation>
    </message>
    <message>
        <source>Not signed: {error}</source>
        <translation>未签署：{error}</translation>
    </message>
    <message>
        <source>Signing: the verdict is being stored…</source>
        <translation>正在签署：裁决正在写入数据库…</translation>
    </message>
    <message>
        <source>Not saved: the draft could not be written ({error}). Your answers are kept here; the next change tries again.</source>
        <translation>未保存：草稿无法写入（{error}）。您的答案仍保留在此处，下次更改时会重试。</translation>
    </message>
    <message>
        <source>{key}: next case.</source>
        <translation>{key}：下一个案件。</translation>
    </message>
    <message>
        <source>Ready to sign ({key}), or sign and go to the next case ({next}).</source>
        <translation>可以签署（{key}），或签署并进入下一个案件（{next}）。</translation>
    </message>
    <message>
        <source>Notice held: %1</source>
        <translation>通知书暂缓导出：%1</translation>
    </message>
    <message>
        <source>Signed by {reviewer} at {at}</source>
        <translation>由 {reviewer} 于 {at} 签署</translation>
    </message>
    <message>
        <source>Policy {id} version {version}</source>
        <translation>规则 {id}，版本 {version}</translation>
    </message>
    <message>
        <source>Decision fingerprint: {fp}</source>
        <translation>裁决指纹：{fp}</translation>
    </message>
    <message>
        <source>Amendment; reason: {reason}</source>
        <translation>修订；理由：{reason}</translation>
    </message>
    <message>
        <source>Flagged for supervisor review (outcome overridden).</source>
        <translation>已标记为待主管复核（处理结果经人工改判）。</translation>
    </message>
    <message>
        <source>Currently signed verdict (being amended):</source>
        <translation>当前已签署的裁决（修订中）：</translation>
    </message>
    <message>
        <source>Sign this amendment?</source>
        <translation>确定签署此修订吗？</translation>
    </message>
    <message>
        <source>Sign this verdict?</source>
        <translation>确定签署此裁决吗？</translation>
    </message>
    <message>
        <source>Signing locks the verdict under policy {policy} {version}; a later change is an amendment with its own reason.</source>
        <translation>签署后，裁决将按规则 {policy} {version} 锁定；此后如需更改，须以修订形式提交并说明理由。</translation>
    </message>
    <message>
        <source>Not signed</source>
        <translation>未签署</translation>
    </message>
    <message>
        <source>The verdict was not signed: {error}</source>
        <translation>裁决未能签署：{error}</translation>
    </message>
    <message>
        <source>Discard the amendment? The signed verdict stays as it is.</source>
        <translation>确定放弃此修订吗？已签署的裁决将保持不变。</translation>
    </message>
    <message>
        <source>Writing the notices…</source>
        <translation>正在生成通知书…</translation>
    </message>
    <message>
        <source>Notices written:
buyer: {buyer}
seller: {seller}</source>
        <translation>通知书已生成：
买家：{buyer}
卖家：{seller}</translation>
    </message>
    <message>
        <source>The notices could not be written: {error}</source>
        <translation>通知书未能生成：{error}</translation>
    </message>
    <message>
        <source>Export decision notice</source>
        <translation>导出决定通知书</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>ComparisonModel</name>
    <message>
        <source>Question</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>审核员</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>差异类型</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
</context>
<context>
    <name>DeadlinesStep</name>
    <message>
        <source>Deadlines ({zone})</source>
        <translation>期限（{zone}）</translation>
    </message>
    <message>
        <source>Counted from the decision, in the parties&apos; time zone ({zone}):</source>
        <translation>自裁决时起算，按双方所在时区（{zone}）：</translation>
    </message>
</context>
<context>
    <name>ErrorBanner</name>
    <message>
        <source>Dismiss</source>
        <translation>关闭提示</translation>
    </message>
</context>
<context>
    <name>EvidenceListModel</name>
    <message>
        <source>Buyer&apos;s first submission — primary evidence</source>
        <translation>买家首次提交 — 主要证据</translation>
    </message>
    <message>
        <source>Seller&apos;s first submission</source>
        <translation>卖家首次提交</translation>
    </message>
    <message>
        <source>Supplementary submissions</source>
        <translation>补充证据</translation>
    </message>
    <message>
        <source>Buyer</source>
        <translation>买家</translation>
    </message>
    <message>
        <source>Seller</source>
        <translation>卖家</translation>
    </message>
    <message>
        <source>photo</source>
        <translation type="vanished">照片</translation>
    </message>
    <message>
        <source>video</source>
        <translation type="vanished">视频</translation>
    </message>
    <message>
        <source>screenshot</source>
        <translation type="vanished">截图</translation>
    </message>
    <message>
        <source>document</source>
        <translation type="vanished">文件</translation>
    </message>
    <message>
        <source>tracking</source>
        <translation type="vanished">物流记录</translation>
    </message>
    <message>
        <source>PRIMARY</source>
        <translation>主要证据</translation>
    </message>
    <message>
        <source>requested</source>
        <translation>平台要求</translation>
    </message>
    <message>
        <source>not requested · excluded by rule</source>
        <translation>未经要求 · 按规则排除</translation>
    </message>
    <message>
        <source>hash mismatch</source>
        <translation>哈希校验不符</translation>
    </message>
    <message>
        <source>✓ opened</source>
        <translation>✓ 已打开</translation>
    </message>
    <message>
        <source>%1/%2 pages seen</source>
        <translation>已看 %1/%2 页</translation>
    </message>
    <message>
        <source>played %1%</source>
        <translation>已播放 %1%</translation>
    </message>
    <message>
        <source>not opened</source>
        <translation>未打开</translation>
    </message>
    <message>
        <source>submission %1</source>
        <translation>第 %1 次提交</translation>
    </message>
</context>
<context>
    <name>EvidencePanel</name>
    <message>
        <source>Evidence list</source>
        <extracomment>an item&apos;s bytes are being read off the GUI thread</extracomment>
        <translation>证据列表</translation>
    </message>
    <message>
        <source>◀ Previous</source>
        <translation>◀ 上一项</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>下一项 ▶</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>适应窗口</translation>
    </message>
    <message>
        <source>1:1</source>
        <translation>1:1</translation>
    </message>
    <message>
        <source>Rotate ⟲</source>
        <translation>旋转 ⟲</translation>
    </message>
    <message>
        <source>Rotate ⟳</source>
        <translation>旋转 ⟳</translation>
    </message>
    <message>
        <source>Save a copy…</source>
        <translation>另存副本…</translation>
    </message>
    <message>
        <source>This file is not shown inside arbiter, and arbiter never opens or runs it. Its bytes were verified against the recorded sha256. To inspect it, save a copy (toolbar: Save a copy…) and open the copy with a program you trust.</source>
        <translation type="vanished">arbiter 不在程序内显示此文件，也绝不会打开或运行它。文件内容已按记录的 sha256 通过哈希校验。如需查看，请另存副本（工具栏：另存副本…），再用您信任的程序打开该副本。</translation>
    </message>
    <message>
        <source>This file is not shown inside arbiter, and arbiter never opens or runs it. Its bytes were verified against the recorded sha256. To inspect it, save a copy (Save a copy…, beside the title) and open the copy with a program you trust.</source>
        <translation>arbiter 不在程序内显示此文件，也绝不会打开或运行它。文件内容已按记录的 sha256 通过哈希校验。如需查看，请另存副本（标题旁的“另存副本…”），再用您信任的程序打开该副本。</translation>
    </message>
    <message>
        <source>Select an evidence item on the left to open it.</source>
        <translation>请在左侧选择一项证据以打开。</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <source>Items: %1, in review order</source>
        <translation>共 %1 项，按审核顺序排列</translation>
    </message>
    <message>
        <source>(no caption)</source>
        <translation>（无说明）</translation>
    </message>
    <message>
        <source>Primary evidence</source>
        <translation>主要证据</translation>
    </message>
    <message>
        <source>Not requested · excluded by rule</source>
        <translation>未经要求 · 按规则排除</translation>
    </message>
    <message>
        <source>Supplementary · requested</source>
        <translation>补充证据 · 平台要求</translation>
    </message>
    <message>
        <source>First submission</source>
        <translation>首次提交</translation>
    </message>
    <message>
        <source>submitted %1 · submission %2 · %3</source>
        <translation>提交于 %1 · 第 %2 次提交 · %3</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>正在打开 %1…</translation>
    </message>
    <message>
        <source>✗ hash mismatch</source>
        <translation>✗ 哈希校验不符</translation>
    </message>
    <message>
        <source>The stored file no longer matches the sha256 recorded when the case was imported (%1…). It is treated as not authentic and is not shown.</source>
        <translation>存储的文件与导入案件时记录的 sha256（%1…）不一致，视为不具真实性，不予显示。</translation>
    </message>
    <message>
        <source>✗ unreadable</source>
        <translation>✗ 无法读取</translation>
    </message>
    <message>
        <source>The stored file could not be read: %1</source>
        <translation>无法读取存储的文件：%1</translation>
    </message>
    <message>
        <source>✓ sha256 verified %1</source>
        <translation>✓ sha256 校验通过 %1</translation>
    </message>
    <message>
        <source>This image cannot be shown: %1</source>
        <translation>无法显示此图片：%1</translation>
    </message>
    <message>
        <source>captured %1 (EXIF)</source>
        <translation>拍摄于 %1（EXIF）</translation>
    </message>
    <message>
        <source>camera %1</source>
        <translation>相机 %1</translation>
    </message>
    <message>
        <source>no EXIF capture data</source>
        <translation>无 EXIF 拍摄信息</translation>
    </message>
    <message>
        <source>Media type: %1</source>
        <translation>媒体类型：%1</translation>
    </message>
    <message>
        <source>Size: %1 bytes</source>
        <translation>大小：%1 字节</translation>
    </message>
    <message>
        <source>sha256: %1</source>
        <translation>sha256：%1</translation>
    </message>
    <message>
        <source>File in the bundle: %1</source>
        <translation>案件包中的文件：%1</translation>
    </message>
    <message>
        <source>Save a copy of the evidence</source>
        <translation>另存证据副本</translation>
    </message>
    <message>
        <source>Save a copy</source>
        <translation>另存副本</translation>
    </message>
    <message>
        <source>The copy could not be written: %1</source>
        <translation>无法写入副本：%1</translation>
    </message>
    <message>
        <source>This PDF cannot be shown: %1</source>
        <translation>无法显示该 PDF:%1</translation>
    </message>
    <message>
        <source>This video cannot be played here: %1</source>
        <translation>无法在此播放该视频:%1</translation>
    </message>
    <message>
        <source>Its bytes were verified against the recorded sha256. To inspect it, save a copy (toolbar: Save a copy…) and open the copy with a program you trust.</source>
        <translation>其字节已与记录的 sha256 核对一致。如需查看,请保存副本(工具栏:保存副本…),再用您信任的程序打开副本。</translation>
    </message>
</context>
<context>
    <name>EvidenceStep</name>
    <message>
        <source>Evidence admissibility</source>
        <translation>证据采信</translation>
    </message>
    <message>
        <source>The buyer&apos;s first submission is the primary evidence and comes first. A supplementary item counts only if the platform requested it.</source>
        <translation>买家首次提交的证据为主要证据，优先审查。补充证据仅在平台要求提交时方可采信。</translation>
    </message>
    <message>
        <source>The case has no evidence items.</source>
        <translation>本案没有证据。</translation>
    </message>
    <message>
        <source>Excluded by rule: a supplementary item the platform did not request.</source>
        <translation>按规则排除：未经平台要求提交的补充证据。</translation>
    </message>
    <message>
        <source>Excluded by rule: submitted after the date the platform set for it.</source>
        <translation>按规则排除：在平台规定的日期之后提交。</translation>
    </message>
    <message>
        <source>Not authentic: the stored file no longer matches the hash recorded at import.</source>
        <translation>不具真实性：存储的文件未通过哈希校验，与导入时记录的哈希值不一致。</translation>
    </message>
    <message>
        <source>Excluded by rule: {reason}</source>
        <translation>按规则排除：{reason}</translation>
    </message>
    <message>
        <source>submission {n}</source>
        <translation>第 {n} 次提交</translation>
    </message>
    <message>
        <source>primary evidence</source>
        <translation>主要证据</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Show {id} in the case view</source>
        <translation>在案件视图中显示 {id}</translation>
    </message>
    <message>
        <source>Admissible</source>
        <translation type="vanished">采信</translation>
    </message>
    <message>
        <source>Not authentic</source>
        <translation type="vanished">不具真实性</translation>
    </message>
    <message>
        <source>Not relevant</source>
        <translation type="vanished">不具关联性</translation>
    </message>
    <message>
        <source>opened</source>
        <translation>已打开</translation>
    </message>
    <message>
        <source>not opened yet</source>
        <translation>尚未打开</translation>
    </message>
    <message>
        <source>need not be opened</source>
        <translation>无需打开</translation>
    </message>
</context>
<context>
    <name>FactsPanel</name>
    <message>
        <source>Jurisdiction gates — the facts behind each</source>
        <translation>受理条件 — 各项所依据的事实</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Placed</source>
        <translation>下单时间</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>付款时间</translation>
    </message>
    <message>
        <source>Total paid</source>
        <translation>实付金额</translation>
    </message>
    <message>
        <source>Shipping fee</source>
        <translation>运费</translation>
    </message>
    <message>
        <source>card</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <source>wallet</source>
        <translation>电子钱包</translation>
    </message>
    <message>
        <source>bank transfer</source>
        <translation>银行转账</translation>
    </message>
    <message>
        <source>cash on delivery</source>
        <translation>货到付款</translation>
    </message>
    <message>
        <source>Payment method</source>
        <translation>支付方式</translation>
    </message>
    <message>
        <source>Cross-border</source>
        <translation>跨境订单</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>custom-made</source>
        <translation>定制商品</translation>
    </message>
    <message>
        <source>no-reason return eligible</source>
        <translation>支持七天无理由退货</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>物流</translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation>发货时间</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>签收时间</translation>
    </message>
    <message>
        <source>never delivered</source>
        <translation>未签收</translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation>承运商</translation>
    </message>
    <message>
        <source>picked up</source>
        <translation>已揽收</translation>
    </message>
    <message>
        <source>in transit</source>
        <translation>运输中</translation>
    </message>
    <message>
        <source>out for delivery</source>
        <translation>派送中</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>已签收</translation>
    </message>
    <message>
        <source>delivery failed</source>
        <translation>派送失败</translation>
    </message>
    <message>
        <source>returned to sender</source>
        <translation>已退回寄件方</translation>
    </message>
    <message>
        <source>lost</source>
        <translation>已丢失</translation>
    </message>
    <message>
        <source>Tracking</source>
        <translation>物流轨迹</translation>
    </message>
    <message>
        <source>Parties</source>
        <translation>当事双方</translation>
    </message>
    <message>
        <source>Buyer</source>
        <translation>买家</translation>
    </message>
    <message>
        <source>Seller</source>
        <translation>卖家</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Claim and after-sale</source>
        <translation>诉求与售后</translation>
    </message>
    <message>
        <source>refund only</source>
        <translation>仅退款</translation>
    </message>
    <message>
        <source>return and refund</source>
        <translation>退货退款</translation>
    </message>
    <message>
        <source>replacement</source>
        <translation>换货</translation>
    </message>
    <message>
        <source>reship</source>
        <translation>补发</translation>
    </message>
    <message>
        <source>partial refund</source>
        <translation>部分退款</translation>
    </message>
    <message>
        <source>agreed</source>
        <translation>同意</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <source>no response</source>
        <translation>未回应</translation>
    </message>
    <message>
        <source>partial offer</source>
        <translation>提出部分退款方案</translation>
    </message>
    <message>
        <source>Claim</source>
        <translation>诉求类型</translation>
    </message>
    <message>
        <source>Applied</source>
        <translation>申请时间</translation>
    </message>
    <message>
        <source>In the buyer&apos;s words</source>
        <translation>买家陈述</translation>
    </message>
    <message>
        <source>Seller&apos;s response</source>
        <translation>卖家回应</translation>
    </message>
    <message>
        <source>Intervention asked</source>
        <translation>申请介入时间</translation>
    </message>
    <message>
        <source>Dispute opened</source>
        <translation>介入立案时间</translation>
    </message>
    <message>
        <source>Settled between parties</source>
        <translation>双方已协商解决</translation>
    </message>
    <message>
        <source>Legal proceedings</source>
        <translation>法律程序</translation>
    </message>
    <message>
        <source>Appeals so far</source>
        <translation>已申诉次数</translation>
    </message>
    <message>
        <source>Previous decision</source>
        <translation>原裁决</translation>
    </message>
    <message>
        <source>Times in %1 (the parties&apos; time zone).</source>
        <translation>时间均为 %1（双方所在时区）。</translation>
    </message>
    <message>
        <source>No gate facts available.</source>
        <translation>暂无受理条件相关事实。</translation>
    </message>
    <message>
        <source>✓ passed</source>
        <translation>✓ 符合</translation>
    </message>
    <message>
        <source>✗ fails</source>
        <translation>✗ 不符合</translation>
    </message>
    <message>
        <source>? to confirm</source>
        <translation>? 待确认</translation>
    </message>
    <message>
        <source>computed</source>
        <translation>系统判定</translation>
    </message>
    <message>
        <source>reviewer</source>
        <translation>由审核员判定</translation>
    </message>
</context>
<context>
    <name>FindingStep</name>
    <message>
        <source>Findings</source>
        <translation>事实认定</translation>
    </message>
    <message>
        <source>What does the admissible evidence show about the claim?</source>
        <translation>已采信的证据能否支持买家的诉求？</translation>
    </message>
    <message>
        <source>It supports the claim</source>
        <translation type="vanished">支持诉求</translation>
    </message>
    <message>
        <source>It contradicts the claim</source>
        <translation type="vanished">与诉求相矛盾</translation>
    </message>
    <message>
        <source>It does not establish the claimed problem</source>
        <translation type="vanished">不足以证明所述问题</translation>
    </message>
    <message>
        <source>When it supports the claim: what is the problem?</source>
        <translation>如证据支持诉求：问题属于哪一类？</translation>
    </message>
    <message>
        <source>How badly?</source>
        <translation type="vanished">损坏程度？</translation>
    </message>
    <message>
        <source>Seller conduct (optional; printed only in the seller&apos;s notice)</source>
        <translation>卖家服务表现（选填；仅出现在卖家通知书中）</translation>
    </message>
    <message>
        <source>Did the seller reply within 72 hours?</source>
        <translation type="vanished">卖家是否在 72 小时内回复？</translation>
    </message>
    <message>
        <source>Did the seller use professional language?</source>
        <translation type="vanished">卖家用语是否规范、专业？</translation>
    </message>
    <message>
        <source>Did the seller avoid advertising and third-party links?</source>
        <translation type="vanished">卖家是否未发送广告或第三方链接？</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Decided by the facts: a no-reason return is possible</source>
        <translation>由事实判定：可以七天无理由退货</translation>
    </message>
    <message>
        <source>Decided by the facts: a no-reason return is not possible</source>
        <translation>由事实判定：不能七天无理由退货</translation>
    </message>
</context>
<context>
    <name>FlagRow</name>
    <message>
        <source>Cite</source>
        <translation>引用</translation>
    </message>
    <message>
        <source>Add “%1” to the rationale</source>
        <translation>将“%1”加入裁决理由</translation>
    </message>
    <message>
        <source>Compare side by side</source>
        <translation>并排比较</translation>
    </message>
</context>
<context>
    <name>ForensicFlags</name>
    <message>
        <source>Taken before the order</source>
        <translation>拍摄于下单之前</translation>
    </message>
    <message>
        <source>Taken before the delivery</source>
        <translation>拍摄于签收之前</translation>
    </message>
    <message>
        <source>Edited with software</source>
        <translation>经软件编辑</translation>
    </message>
    <message>
        <source>Embedded preview differs</source>
        <translation>内嵌预览图不一致</translation>
    </message>
    <message>
        <source>Seen in another case</source>
        <translation>出现在其他案件中</translation>
    </message>
    <message>
        <source>by the camera&apos;s UTC offset</source>
        <translation>按相机记录的 UTC 偏移</translation>
    </message>
    <message>
        <source>no offset written: read in %1</source>
        <translation>未写时区偏移：按 %1 时间读取</translation>
    </message>
    <message>
        <source>Taken %1 (%2); the order was placed %3 (times in %4).</source>
        <translation>拍摄于 %1（%2）；下单于 %3（时间均为 %4）。</translation>
    </message>
    <message>
        <source>Taken %1 (%2); delivered %3 (times in %4).</source>
        <translation>拍摄于 %1（%2）；签收于 %3（时间均为 %4）。</translation>
    </message>
    <message>
        <source>The photo&apos;s metadata names an editing program: %1</source>
        <translation>照片元数据中有图片编辑软件：%1</translation>
    </message>
    <message>
        <source>The preview embedded in the file shows another picture (distance %1 of %2 bits).</source>
        <translation>文件内嵌的预览图是另一张图片（相差 %1/%2 位）。</translation>
    </message>
    <message>
        <source>Also in case %1 as %2 (distance %3); this case came first.</source>
        <translation>也出现在案件 %1 中，编号 %2（相差 %3 位）；本案在先。</translation>
    </message>
    <message>
        <source>Also in case %1 as %2 (distance %3); %4 came first.</source>
        <translation>也出现在案件 %1 中，编号 %2（相差 %3 位）；%4 在先。</translation>
    </message>
    <message>
        <source>The matching frame is at %1 of this video.</source>
        <translation>匹配的画面位于本视频的 %1 处。</translation>
    </message>
    <message>
        <source>The matching frame is at %1 of the other case&apos;s video.</source>
        <translation>匹配的画面位于对方案件视频的 %1 处。</translation>
    </message>
</context>
<context>
    <name>ForensicsFactsBox</name>
    <message>
        <source>Evidence forensics and party history (facts, never a verdict)</source>
        <translation>证据鉴识与当事人记录（仅为事实，不作裁决）</translation>
    </message>
    <message>
        <source>Checking the photos against every case…</source>
        <translation>正在与所有案件比对照片…</translation>
    </message>
    <message>
        <source>Forensic checks failed: %1</source>
        <translation>鉴识检查失败：%1</translation>
    </message>
    <message>
        <source>No forensic flags.</source>
        <translation>没有鉴识提示。</translation>
    </message>
    <message>
        <source>%1 flag(s); cite what you rely on.</source>
        <translation>%1 条提示；请引用您所依据的内容。</translation>
    </message>
</context>
<context>
    <name>GoldDialog</name>
    <message>
        <source>Mark a gold case</source>
        <translation>标记金标案件</translation>
    </message>
    <message>
        <source>Case id, e.g. TTS-UK-250301-0001</source>
        <translation>案件编号，例如 TTS-UK-250301-0001</translation>
    </message>
    <message>
        <source>Expected answers from a file</source>
        <translation>从文件读取预期答案</translation>
    </message>
    <message>
        <source>Answer it myself, blind</source>
        <translation>由我本人盲审作答</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Open the case&apos;s questions</source>
        <translation>打开该案件的问题</translation>
    </message>
    <message>
        <source>Mark as gold</source>
        <translation>标记为金标</translation>
    </message>
    <message>
        <source>The case stays as it is: reviewers get it like any other case. Its notice is never issued, and its verdicts count only in calibration.</source>
        <translation>案件本身保持不变：审核员像处理其他案件一样处理它。它的通知永不出具，其判决只计入校准。</translation>
    </message>
    <message>
        <source>Expected answers</source>
        <translation>预期答案</translation>
    </message>
    <message>
        <source>No case %1 in this database.</source>
        <translation>本数据库中没有案件 %1。</translation>
    </message>
    <message>
        <source>Answer every question first.</source>
        <translation>请先回答所有问题。</translation>
    </message>
    <message>
        <source>The answers file cannot be read: %1</source>
        <translation>无法读取答案文件：%1</translation>
    </message>
    <message>
        <source>The answers file must hold a JSON object.</source>
        <translation>答案文件必须是一个 JSON 对象。</translation>
    </message>
    <message>
        <source>Give the case id.</source>
        <translation>请填写案件编号。</translation>
    </message>
</context>
<context>
    <name>IdentityDialog</name>
    <message>
        <source>Your signing identity</source>
        <translation>您的签名身份</translation>
    </message>
    <message>
        <source>Every verdict is signed with your own key. Enter the id and the name your supervisor knows you by; they are printed on the notices you sign. The key stays on this computer, readable by you only.</source>
        <translation>每份裁决都用您自己的密钥签署。请输入主管认识您的编号和姓名；它们会印在您签署的通知书上。密钥保存在这台电脑上，只有您本人可以读取。</translation>
    </message>
    <message>
        <source>e.g. r.chen</source>
        <translation>例如 r.chen</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>审核员</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>可选</translation>
    </message>
    <message>
        <source>&amp;Id:</source>
        <translation>编号(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>角色(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>口令(&amp;P)：</translation>
    </message>
    <message>
        <source>Passphrase a&amp;gain:</source>
        <translation>再次输入口令(&amp;G)：</translation>
    </message>
    <message>
        <source>Create my key</source>
        <translation>创建我的密钥</translation>
    </message>
    <message>
        <source>The id: 1-64 letters, digits or . _ @ - (no spaces).</source>
        <translation>编号：1–64 个字母、数字或 . _ @ -（不含空格）。</translation>
    </message>
    <message>
        <source>Your name is required.</source>
        <translation>请填写姓名。</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>两次输入的口令不一致。</translation>
    </message>
    <message>
        <source>Unlock your signing key</source>
        <translation>解锁签名密钥</translation>
    </message>
    <message>
        <source>Your signing key is protected by a passphrase.</source>
        <translation>您的签名密钥受口令保护。</translation>
    </message>
    <message>
        <source>Wrong passphrase. Try again.</source>
        <translation>口令错误，请重试。</translation>
    </message>
    <message>
        <source>Signing key</source>
        <translation>签名密钥</translation>
    </message>
    <message>
        <source>Signing identity</source>
        <translation>签名身份</translation>
    </message>
    <message>
        <source>Verdicts are signed here as {name} ({id}), {role}.</source>
        <translation>在此签署裁决的身份：{name}（{id}），{role}。</translation>
    </message>
    <message>
        <source>Key fingerprint: {fp}</source>
        <translation>密钥指纹：{fp}</translation>
    </message>
    <message>
        <source>Export key card…</source>
        <translation>导出密钥卡…</translation>
    </message>
    <message>
        <source>Export key card</source>
        <translation>导出密钥卡</translation>
    </message>
    <message>
        <source>Key cards (*.arbkey)</source>
        <translation>密钥卡 (*.arbkey)</translation>
    </message>
    <message>
        <source>Key card written: %1</source>
        <translation>密钥卡已写入：%1</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>the bundle could not be read: %1</source>
        <translation>无法读取案件包：%1</translation>
    </message>
    <message>
        <source>the case could not be stored: %1</source>
        <translation>无法保存案件：%1</translation>
    </message>
    <message>
        <source>import cancelled before this bundle</source>
        <translation>导入在处理此案件包前已取消</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>已导入</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>未变化</translation>
    </message>
    <message>
        <source>New revision</source>
        <translation>新版本</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <source>stored as revision %1</source>
        <translation>保存为第 %1 版</translation>
    </message>
    <message>
        <source>already imported with the same content</source>
        <translation>已导入过相同内容</translation>
    </message>
    <message>
        <source>1 extra file ignored</source>
        <translation>忽略了 1 个多余文件</translation>
    </message>
    <message>
        <source>%1 extra files ignored</source>
        <translation>忽略了 %1 个多余文件</translation>
    </message>
    <message>
        <source>Bundle</source>
        <translation>案件包</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <source>The import stopped: %1</source>
        <translation>导入已中止：%1</translation>
    </message>
    <message>
        <source>Stopping after the current bundle…</source>
        <translation>处理完当前案件包后停止…</translation>
    </message>
    <message>
        <source>Import case bundles</source>
        <translation>导入案件包</translation>
    </message>
    <message>
        <source>Importing 1 item…</source>
        <translation>正在导入 1 项…</translation>
    </message>
    <message>
        <source>Importing %1 items…</source>
        <translation>正在导入 %1 项…</translation>
    </message>
    <message>
        <source>Import finished.</source>
        <translation>导入完成。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>InboxModel</name>
    <message>
        <source>override of the derived outcome</source>
        <translation>改判（未采用规则得出的结果）</translation>
    </message>
    <message>
        <source>amendment</source>
        <translation>修订</translation>
    </message>
    <message>
        <source>conflicting verdicts</source>
        <translation>裁决相互冲突</translation>
    </message>
    <message>
        <source>above the amount threshold</source>
        <translation>金额超过抽检门槛</translation>
    </message>
    <message>
        <source>reviewer&apos;s first verdicts</source>
        <translation>审核员的首批裁决</translation>
    </message>
    <message>
        <source>random (stratified)</source>
        <translation>随机抽检（分层）</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>案件编号</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>审核员</translation>
    </message>
    <message>
        <source>Why selected</source>
        <translation>抽中原因</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Claim type</source>
        <translation>诉求类型</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>处理结果</translation>
    </message>
</context>
<context>
    <name>InboxPage</name>
    <message>
        <source>Random share (per platform and claim type)</source>
        <translation>随机抽检比例（按平台和诉求类型分层）</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Each reviewer&apos;s first N verdicts</source>
        <translation>每位审核员的前 N 份裁决</translation>
    </message>
    <message>
        <source>Always selected: every override, amendment and conflict, and every verdict above the amount threshold of its currency. Every sample is recorded with its rules and seed.</source>
        <translation>必抽：所有改判、修订和冲突裁决，以及金额超过该币种门槛的裁决。每次抽检均连同规则和随机种子一并记录。</translation>
    </message>
    <message>
        <source>Sample now</source>
        <translation>立即抽检</translation>
    </message>
    <message>
        <source>Re-review blind</source>
        <translation>盲审复核</translation>
    </message>
    <message>
        <source>Sampled %1 verdicts (seed %2); %3 wait in your inbox.</source>
        <translation>已抽取 %1 份裁决（随机种子 %2）；收件箱中有 %3 份待复核。</translation>
    </message>
    <message>
        <source>%1 verdicts wait in your inbox.</source>
        <translation>收件箱中有 %1 份裁决待复核。</translation>
    </message>
    <message>
        <source>The inbox is empty: sample to fill it.</source>
        <translation>收件箱为空：请先抽检。</translation>
    </message>
</context>
<context>
    <name>JurisdictionStep</name>
    <message>
        <source>Jurisdiction: does the platform intervene?</source>
        <translation>受理审查：平台是否介入？</translation>
    </message>
    <message>
        <source>Any gate answered No ends the checklist: the case is declined and the parties may pursue their rights through legal channels.</source>
        <translation>任一受理条件答“否”即结束审核：案件不予受理，双方可通过法律途径维护自身权益。</translation>
    </message>
    <message>
        <source>Yes</source>
        <extracomment>computed gate id -&gt; the label with its decision and figures</extracomment>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Decided by the facts: passes</source>
        <translation>由事实判定：通过</translation>
    </message>
    <message>
        <source>Decided by the facts: fails</source>
        <translation>由事实判定：未通过</translation>
    </message>
    <message>
        <source>The facts do not decide it</source>
        <translation>事实无法判定</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>New</source>
        <translation>新案件</translation>
    </message>
    <message>
        <source>In review</source>
        <translation>审核中</translation>
    </message>
    <message>
        <source>Awaiting evidence</source>
        <translation>等待补充证据</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>已裁决</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>已签署</translation>
    </message>
    <message>
        <source>Amended</source>
        <translation>已修订</translation>
    </message>
    <message>
        <source>Flagged for supervisor</source>
        <translation>待主管复核</translation>
    </message>
    <message>
        <source>photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>video</source>
        <translation>视频</translation>
    </message>
    <message>
        <source>screenshot</source>
        <translation>截图</translation>
    </message>
    <message>
        <source>document</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>tracking</source>
        <translation>物流记录</translation>
    </message>
    <message>
        <source>TikTok Shop</source>
        <translation>TikTok Shop</translation>
    </message>
    <message>
        <source>Douyin</source>
        <translation>抖音</translation>
    </message>
    <message>
        <source>Not received</source>
        <translation>未收到货</translation>
    </message>
    <message>
        <source>Wrong item</source>
        <translation>发错货</translation>
    </message>
    <message>
        <source>Damaged</source>
        <translation>商品破损</translation>
    </message>
    <message>
        <source>Quality issue</source>
        <translation>质量问题</translation>
    </message>
    <message>
        <source>Not as described</source>
        <translation>与描述不符</translation>
    </message>
    <message>
        <source>Counterfeit</source>
        <translation>假冒商品</translation>
    </message>
    <message>
        <source>Missing parts</source>
        <translation>缺件少件</translation>
    </message>
    <message>
        <source>No-reason return</source>
        <translation>七天无理由退货</translation>
    </message>
    <message>
        <source>China</source>
        <translation>中国</translation>
    </message>
    <message>
        <source>United Kingdom</source>
        <translation>英国</translation>
    </message>
    <message>
        <source>United States</source>
        <translation>美国</translation>
    </message>
    <message>
        <source>Germany</source>
        <translation>德国</translation>
    </message>
    <message>
        <source>Malaysia</source>
        <translation>马来西亚</translation>
    </message>
    <message>
        <source>Thailand</source>
        <translation>泰国</translation>
    </message>
    <message>
        <source>Vietnam</source>
        <translation>越南</translation>
    </message>
    <message>
        <source>Philippines</source>
        <translation>菲律宾</translation>
    </message>
    <message>
        <source>Singapore</source>
        <translation>新加坡</translation>
    </message>
    <message>
        <source>Indonesia</source>
        <translation>印度尼西亚</translation>
    </message>
    <message>
        <source>buyer</source>
        <translation>买家</translation>
    </message>
    <message>
        <source>seller</source>
        <translation>卖家</translation>
    </message>
    <message>
        <source>platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>carrier</source>
        <translation>承运人</translation>
    </message>
    <message>
        <source>buyer and seller</source>
        <translation>买家与卖家</translation>
    </message>
    <message>
        <source>buyer and support</source>
        <translation>买家与客服</translation>
    </message>
    <message>
        <source>seller and support</source>
        <translation>卖家与客服</translation>
    </message>
    <message>
        <source>bought on this platform</source>
        <translation>在本平台购买</translation>
    </message>
    <message>
        <source>applied in time</source>
        <translation>按时申请</translation>
    </message>
    <message>
        <source>not settled between the parties</source>
        <translation>双方未自行和解</translation>
    </message>
    <message>
        <source>the buyer is the actual consumer</source>
        <translation>买家为实际消费者</translation>
    </message>
    <message>
        <source>valid transaction</source>
        <translation>交易有效</translation>
    </message>
    <message>
        <source>not already resolved</source>
        <translation>尚未解决</translation>
    </message>
    <message>
        <source>no legal proceedings</source>
        <translation>无法律程序</translation>
    </message>
    <message>
        <source>appeal allowed</source>
        <translation>允许申诉</translation>
    </message>
    <message>
        <source>Were the goods bought on this platform?</source>
        <translation>商品是否在本平台购买？</translation>
    </message>
    <message>
        <source>Did the buyer apply for intervention within the deadline?</source>
        <translation>买家是否在期限内申请平台介入？</translation>
    </message>
    <message>
        <source>Is the issue still unsettled between the parties?</source>
        <translation>双方是否仍未就该问题达成一致？</translation>
    </message>
    <message>
        <source>Is the buyer the actual consumer?</source>
        <translation>买家是否为实际消费者？</translation>
    </message>
    <message>
        <source>Is the transaction valid?</source>
        <translation>交易是否有效？</translation>
    </message>
    <message>
        <source>Is the after-sale issue still unresolved?</source>
        <translation>售后问题是否仍未解决？</translation>
    </message>
    <message>
        <source>Is the dispute free of legal proceedings?</source>
        <translation>争议是否未进入法律程序？</translation>
    </message>
    <message>
        <source>Is a review allowed (not an appeal, or within the appeal limits)?</source>
        <translation>是否可以审核（非申诉案件，或申诉未超出限制）？</translation>
    </message>
    <message>
        <source>Declined: the platform does not intervene</source>
        <translation>不予受理：平台不介入</translation>
    </message>
    <message>
        <source>In the buyer&apos;s favour</source>
        <translation>支持买家</translation>
    </message>
    <message>
        <source>In the seller&apos;s favour</source>
        <translation>支持卖家</translation>
    </message>
    <message>
        <source>Partly in the buyer&apos;s favour (partial refund)</source>
        <translation>部分支持买家（部分退款）</translation>
    </message>
    <message>
        <source>not yet derived</source>
        <translation>尚未得出</translation>
    </message>
    <message>
        <source>Refund only</source>
        <translation>仅退款</translation>
    </message>
    <message>
        <source>Return and refund</source>
        <translation>退货退款</translation>
    </message>
    <message>
        <source>Replacement</source>
        <translation>换货</translation>
    </message>
    <message>
        <source>Reship</source>
        <translation>补发</translation>
    </message>
    <message>
        <source>Partial refund</source>
        <translation>部分退款</translation>
    </message>
    <message>
        <source>No remedy</source>
        <translation>不作处理</translation>
    </message>
    <message>
        <source>Wrong item (does not match the order)</source>
        <translation>发错货（与订单不符）</translation>
    </message>
    <message>
        <source>Serious quality problem</source>
        <translation>严重质量问题</translation>
    </message>
    <message>
        <source>Minor quality problem</source>
        <translation>轻微质量问题</translation>
    </message>
    <message>
        <source>Damaged in transit</source>
        <translation>运输途中破损</translation>
    </message>
    <message>
        <source>Lost in transit</source>
        <translation>运输途中丢失</translation>
    </message>
    <message>
        <source>custom-made item</source>
        <translation>定制商品</translation>
    </message>
    <message>
        <source>South-East Asia refund without return</source>
        <translation>东南亚仅退款不退货</translation>
    </message>
    <message>
        <source>Completely damaged</source>
        <translation>完全损坏</translation>
    </message>
    <message>
        <source>Partly damaged</source>
        <translation>部分损坏</translation>
    </message>
    <message>
        <source>shared between buyer and seller</source>
        <translation>买卖双方共同承担</translation>
    </message>
    <message>
        <source>carrier (logistics provider)</source>
        <translation>承运商（物流服务商）</translation>
    </message>
    <message>
        <source>buyer (nobody at fault)</source>
        <translation>买家（各方均无过错）</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Seller carries out the decision</source>
        <translation>卖家执行处理结果</translation>
    </message>
    <message>
        <source>Buyer ships the return</source>
        <translation>买家寄回退货</translation>
    </message>
    <message>
        <source>Seller confirms receipt of the return</source>
        <translation>卖家确认收到退货</translation>
    </message>
    <message>
        <source>Appeal window</source>
        <translation>申诉期</translation>
    </message>
    <message>
        <source>Seller refunds cash on delivery</source>
        <translation>卖家退还货到付款款项</translation>
    </message>
    <message>
        <source>Seller refunds and uploads proof</source>
        <translation>卖家退款并上传凭证</translation>
    </message>
    <message>
        <source>refunded to the original payment method</source>
        <translation>原路退回</translation>
    </message>
    <message>
        <source>cash on delivery: the seller refunds and uploads proof</source>
        <translation>货到付款：由卖家退款并上传凭证</translation>
    </message>
    <message>
        <source>It supports the claim</source>
        <translation>支持诉求</translation>
    </message>
    <message>
        <source>It contradicts the claim</source>
        <translation>与诉求相矛盾</translation>
    </message>
    <message>
        <source>It does not establish the claimed problem</source>
        <translation>不足以证明所述问题</translation>
    </message>
    <message>
        <source>Admissible</source>
        <translation>采信</translation>
    </message>
    <message>
        <source>Not authentic</source>
        <translation>不具真实性</translation>
    </message>
    <message>
        <source>Not relevant</source>
        <translation>不具关联性</translation>
    </message>
    <message>
        <source>Not requested</source>
        <translation>非平台要求提交</translation>
    </message>
    <message>
        <source>Submitted late</source>
        <translation>逾期提交</translation>
    </message>
    <message>
        <source>Did the seller reply within 72 hours?</source>
        <translation>卖家是否在 72 小时内回复？</translation>
    </message>
    <message>
        <source>Did the seller use professional language?</source>
        <translation>卖家用语是否规范、专业？</translation>
    </message>
    <message>
        <source>Did the seller avoid advertising and third-party links?</source>
        <translation>卖家是否未发送广告或第三方链接？</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>jurisdiction</source>
        <translation>受理条件</translation>
    </message>
    <message>
        <source>admissibility</source>
        <translation>证据采信</translation>
    </message>
    <message>
        <source>finding</source>
        <translation>事实认定</translation>
    </message>
    <message>
        <source>remedy or amount</source>
        <translation>处理方式或金额</translation>
    </message>
    <message>
        <source>deadline</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>rationale</source>
        <translation>裁决理由</translation>
    </message>
    <message>
        <source>changes the outcome</source>
        <translation>改变处理结果</translation>
    </message>
    <message>
        <source>no change to the outcome</source>
        <translation>不改变处理结果</translation>
    </message>
    <message>
        <source>same</source>
        <translation>一致</translation>
    </message>
    <message>
        <source>Jurisdiction {gate}</source>
        <translation>受理条件 {gate}</translation>
    </message>
    <message>
        <source>Evidence {id}</source>
        <translation>证据 {id}</translation>
    </message>
    <message>
        <source>Seller conduct: {question}</source>
        <translation>卖家服务表现：{question}</translation>
    </message>
    <message>
        <source>Deadline: {deadline}</source>
        <translation>期限：{deadline}</translation>
    </message>
    <message>
        <source>Seller conduct</source>
        <translation type="vanished">卖家服务表现</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>事实认定</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题类型</translation>
    </message>
    <message>
        <source>Extent of the damage</source>
        <translation>损坏程度</translation>
    </message>
    <message>
        <source>Remedy</source>
        <translation>处理方式</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Rationale</source>
        <translation>裁决理由</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>审核员</translation>
    </message>
    <message>
        <source>Decision time</source>
        <translation>裁决时间</translation>
    </message>
    <message>
        <source>Override</source>
        <translation>人工改判</translation>
    </message>
    <message>
        <source>Override outcome</source>
        <translation>改判结果</translation>
    </message>
    <message>
        <source>Override justification</source>
        <translation>改判理由</translation>
    </message>
    <message>
        <source>{question}: admissibility not decided.</source>
        <translation>{question}：尚未认定是否采信。</translation>
    </message>
    <message>
        <source>Override: a written justification is required.</source>
        <translation>人工改判：须填写书面理由。</translation>
    </message>
    <message>
        <source>Rationale: write it and cite at least one evidence item or chat message by id.</source>
        <translation>裁决理由：请填写，并按编号引用至少一项证据或一条聊天消息。</translation>
    </message>
    <message>
        <source>{question}: not answered.</source>
        <translation>{question}：尚未回答。</translation>
    </message>
</context>
<context>
    <name>LeaseKeeper</name>
    <message>
        <source>%1 appeals your own verdict on %2 (version %3): another reviewer must decide it, so it is not checked out to you.</source>
        <translation>%1 是对您本人在 %2（第 %3 版）所作裁决的申诉：须由其他审核员裁决，因此不能由您领取。</translation>
    </message>
    <message>
        <source>Someone else has this case: %1 is checked out to %2 until %3.</source>
        <translation>此案件由他人处理：%1 已由 %2 领取，至 %3 为止。</translation>
    </message>
    <message>
        <source>%1: %2 has taken it over.</source>
        <translation>%1：已由 %2 接手。</translation>
    </message>
    <message>
        <source>This case could not be checked out to you: %1</source>
        <translation>无法由您领取此案件：%1</translation>
    </message>
    <message>
        <source>A case is no longer checked out to you: %1</source>
        <translation>以下案件已不再由您领取：%1</translation>
    </message>
    <message>
        <source>Someone else has this case: %1</source>
        <translation type="vanished">此案件已由他人领取：%1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Arbiter — after-sale dispute review</source>
        <translation>Arbiter — 售后争议审核</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Import bundles…</source>
        <translation>导入案件包(&amp;I)…</translation>
    </message>
    <message>
        <source>Import .arbcase case bundles into the queue</source>
        <translation>将 .arbcase 案件包导入队列</translation>
    </message>
    <message>
        <source>Import a &amp;folder…</source>
        <translation>导入文件夹(&amp;F)…</translation>
    </message>
    <message>
        <source>Import every bundle in a folder</source>
        <translation>导入文件夹中的全部案件包</translation>
    </message>
    <message>
        <source>&amp;Export notice…</source>
        <translation>导出通知书(&amp;E)…</translation>
    </message>
    <message>
        <source>Write the decision notice of the signed verdict as PDF</source>
        <translation>将已签署裁决的决定通知书导出为 PDF</translation>
    </message>
    <message>
        <source>&amp;Close case</source>
        <translation>关闭案件(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Reviewer name…</source>
        <translation type="vanished">审核员姓名(&amp;R)…</translation>
    </message>
    <message>
        <source>%1 was closed before its answers were stored, and they could not be: %2</source>
        <translation>%1 在答案写入之前已关闭，而答案未能保存：%2</translation>
    </message>
    <message>
        <source>&amp;Identity…</source>
        <translation>签名身份(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Case &amp;queue</source>
        <translation>案件队列(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Search the queue</source>
        <translation>搜索队列(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Refresh the queue</source>
        <translation>刷新队列(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Next tab</source>
        <translation>下一个标签页(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Previous tab</source>
        <translation>上一个标签页(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Full screen</source>
        <translation>全屏(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;About Arbiter</source>
        <translation>关于 Arbiter(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>关于 &amp;Qt</translation>
    </message>
    <message>
        <source>Case queue</source>
        <translation>案件队列</translation>
    </message>
    <message>
        <source>Temporary demo database: %1</source>
        <translation>临时演示数据库：%1</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <source>A case open last time could not be opened again: %1</source>
        <translation>上次打开的案件无法再次打开：%1</translation>
    </message>
    <message>
        <source>The review panels are not available in this build.</source>
        <translation type="vanished">此版本暂不提供审核面板。</translation>
    </message>
    <message>
        <source>Cannot open the case</source>
        <translation>无法打开案件</translation>
    </message>
    <message>
        <source>This case could not be opened: %1</source>
        <translation>此案件无法打开：%1</translation>
    </message>
    <message>
        <source>No case left to decide in the queue.</source>
        <translation>队列中已没有待裁决的案件。</translation>
    </message>
    <message>
        <source>Import case bundles</source>
        <translation>导入案件包</translation>
    </message>
    <message>
        <source>Case bundles (*.arbcase);;All files (*)</source>
        <translation>案件包 (*.arbcase);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Import a folder of case bundles</source>
        <translation>导入案件包文件夹</translation>
    </message>
    <message>
        <source>An import is already running.</source>
        <translation>已有导入正在进行。</translation>
    </message>
    <message>
        <source>Import finished: %1 stored, %2 refused.</source>
        <translation>导入完成：保存 %1 个，拒绝 %2 个。</translation>
    </message>
    <message>
        <source>Only .arbcase files and bundle folders can be imported.</source>
        <translation>只能导入 .arbcase 文件和案件包文件夹。</translation>
    </message>
    <message>
        <source>Signing as %1 (%2)</source>
        <translation>以 %1（%2）的身份签署</translation>
    </message>
    <message>
        <source>Reviewer name</source>
        <translation type="vanished">审核员姓名</translation>
    </message>
    <message>
        <source>Your name as it appears in drafts and signed verdicts:</source>
        <translation type="vanished">您在草稿和已签署裁决中显示的姓名：</translation>
    </message>
    <message>
        <source>Reviewer: %1</source>
        <translation type="vanished">审核员：%1</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Arbiter %1&lt;/h3&gt;&lt;p&gt;An offline workstation for deciding TikTok Shop and Douyin after-sale disputes.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Licences of the parts it is built on&lt;/b&gt;&lt;br&gt;Qt for Python (PySide6 %2) and Qt: LGPL-3.0&lt;br&gt;SQLAlchemy, Alembic, platformdirs: MIT&lt;br&gt;ReportLab: BSD&lt;br&gt;Pillow: MIT-CMU (HPND)&lt;br&gt;tzdata: Apache-2.0&lt;br&gt;WenQuanYi Micro Hei font: Apache-2.0 or GPL-3.0 with font exception&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Arbiter %1&lt;/h3&gt;&lt;p&gt;用于裁决 TikTok Shop 与抖音售后争议的离线工作台。&lt;/p&gt;&lt;p&gt;&lt;b&gt;所用组件的许可证&lt;/b&gt;&lt;br&gt;Qt for Python（PySide6 %2）及 Qt：LGPL-3.0&lt;br&gt;SQLAlchemy、Alembic、platformdirs：MIT&lt;br&gt;ReportLab：BSD&lt;br&gt;Pillow：MIT-CMU（HPND）&lt;br&gt;tzdata：Apache-2.0&lt;br&gt;文泉驿微米黑字体：Apache-2.0 或附字体例外条款的 GPL-3.0&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About Arbiter</source>
        <translation>关于 Arbiter</translation>
    </message>
    <message>
        <source>Import running</source>
        <translation>导入进行中</translation>
    </message>
    <message>
        <source>An import is still running. Stop it after the current bundle and quit?</source>
        <translation>导入仍在进行。处理完当前案件包后停止并退出吗？</translation>
    </message>
</context>
<context>
    <name>MatchDialog</name>
    <message>
        <source>Same photo in two cases</source>
        <translation type="vanished">两个案件中的同一张照片</translation>
    </message>
    <message>
        <source>Same picture in two cases</source>
        <translation>两个案件中的同一画面</translation>
    </message>
    <message>
        <source>Reading both pictures…</source>
        <translation>正在读取两张图片…</translation>
    </message>
    <message>
        <source>video, frame at %1</source>
        <translation>视频，%1 处的画面</translation>
    </message>
    <message>
        <source>%1 could not be shown (unreadable, or its bytes no longer match).</source>
        <translation>%1 无法显示（无法读取，或其字节已与记录不符）。</translation>
    </message>
    <message>
        <source>The pictures could not be read: %1</source>
        <translation>图片无法读取：%1</translation>
    </message>
</context>
<context>
    <name>NotesPanel</name>
    <message>
        <source> (edited)</source>
        <translation>(已修改)</translation>
    </message>
    <message>
        <source>Saved. Earlier versions stay in the audit trail.</source>
        <translation>已保存。先前的版本保留在审计记录中。</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>保存修改</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>添加备注</translation>
    </message>
    <message>
        <source>Notes (%1)</source>
        <translation>备注 (%1)</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Private notes: yours alone. They are never printed in a notice nor exported in a package; every version is kept in the audit trail.</source>
        <translation>私人备注:仅供您本人查看。不会出现在任何通知书中,也不会随任何数据包导出;每个版本都保留在审计记录中。</translation>
    </message>
    <message>
        <source>Write a private note about this case…</source>
        <translation>为本案写一条私人备注…</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>OriginalVerdictPanel</name>
    <message>
        <source>Original decision</source>
        <translation>原判决</translation>
    </message>
    <message>
        <source>This case is an appeal. The decision it appeals is shown here, read-only.</source>
        <translation>本案是申诉。被申诉的判决在此只读显示。</translation>
    </message>
    <message>
        <source>You decided the original: another reviewer must decide this appeal. Your signature will be refused.</source>
        <translation>原判决由您作出：本申诉必须由另一名审核员裁决。您的签名将被拒绝。</translation>
    </message>
    <message>
        <source>filed by %1 on %2</source>
        <translation>由%1于 %2 提出</translation>
    </message>
    <message>
        <source>filed by %1</source>
        <translation>由%1提出</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Remedy</source>
        <translation>处理方式</translation>
    </message>
    <message>
        <source>Decided by</source>
        <translation>裁决人</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>签署时间</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>指纹</translation>
    </message>
    <message>
        <source>Afterwards</source>
        <translation>其后</translation>
    </message>
    <message>
        <source>This appeal</source>
        <translation>本申诉</translation>
    </message>
    <message>
        <source>Grounds of the appeal</source>
        <translation>申诉理由</translation>
    </message>
    <message>
        <source>Rationale</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Read-only: the original verdict cannot be changed from here. Decide the appeal on its own evidence in the checklist.</source>
        <translation>只读：原判决无法在此修改。请在核查清单中依据本申诉自身的证据作出裁决。</translation>
    </message>
    <message>
        <source>Not in this database</source>
        <translation>不在本数据库中</translation>
    </message>
    <message>
        <source>The decision appealed (decided on %1) is not in this database.</source>
        <translation>被申诉的判决（%1 作出）不在本数据库中。</translation>
    </message>
    <message>
        <source>not amended</source>
        <translation>未修改</translation>
    </message>
</context>
<context>
    <name>OutcomeStep</name>
    <message>
        <source>Outcome</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <source>Override the derived outcome</source>
        <translation>人工改判（不采用规则推导结果）</translation>
    </message>
    <message>
        <source>An override needs a written justification and flags this verdict for supervisor review.</source>
        <translation>人工改判须填写书面理由，本裁决将被标记为待主管复核。</translation>
    </message>
    <message>
        <source>Justification (required):</source>
        <translation>改判理由（必填）：</translation>
    </message>
    <message>
        <source>Derived outcome: {outcome}</source>
        <translation>规则推导结果：{outcome}</translation>
    </message>
    <message>
        <source>failed gates: {gates}</source>
        <translation>未满足的条件：{gates}</translation>
    </message>
    <message>
        <source>The rules already derive this; choose the remedy instead of overriding.</source>
        <translation>规则已推导出该结果，请直接选择处理方式，无需改判。</translation>
    </message>
</context>
<context>
    <name>PdfPager</name>
    <message>
        <source>Page %1 of %2</source>
        <extracomment>rendered width for a page, in device pixels, at least (zooming in past it re-renders nothing: pixels scale)</extracomment>
        <translation>第 %1 页,共 %2 页</translation>
    </message>
    <message>
        <source>%1 of %2 pages seen</source>
        <translation>已看 %1 页,共 %2 页</translation>
    </message>
    <message>
        <source>✓ every page seen</source>
        <translation>✓ 所有页面均已查看</translation>
    </message>
    <message>
        <source>Previous page (PgUp)</source>
        <translation>上一页 (PgUp)</translation>
    </message>
    <message>
        <source>Next page (PgDown)</source>
        <translation>下一页 (PgDown)</translation>
    </message>
    <message>
        <source>Next unseen page</source>
        <translation>下一未看页</translation>
    </message>
</context>
<context>
    <name>Preview</name>
    <message>
        <source>Refund without return</source>
        <translation>仅退款（无需退货）</translation>
    </message>
    <message>
        <source>Replacement without return</source>
        <translation>换货（无需退货）</translation>
    </message>
    <message>
        <source>the buyer returns the goods</source>
        <translation>买家需退回商品</translation>
    </message>
    <message>
        <source>exempt from return: {why}</source>
        <translation>免于退货：{why}</translation>
    </message>
    <message>
        <source>shipping borne by {party}</source>
        <translation>运费由{party}承担</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>{n} h</source>
        <translation>{n}小时</translation>
    </message>
    <message>
        <source>{n} days</source>
        <translation>{n}天</translation>
    </message>
    <message>
        <source>the buyer uploads the return tracking number</source>
        <translation>买家上传退货物流单号</translation>
    </message>
    <message>
        <source>the seller confirms receipt</source>
        <translation>卖家确认收货</translation>
    </message>
    <message>
        <source>{span} after {event}</source>
        <translation>{event}后{span}</translation>
    </message>
    <message>
        <source>The deadlines are derived once every question is answered.</source>
        <translation>回答完所有问题后将得出各项期限。</translation>
    </message>
    <message>
        <source>No deadlines apply to this outcome.</source>
        <translation>此处理结果不涉及任何期限。</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <source>Remedy</source>
        <translation>处理方式</translation>
    </message>
    <message>
        <source>derived once the answers are complete</source>
        <translation>回答完所有问题后得出</translation>
    </message>
    <message>
        <source>Liability</source>
        <translation>责任方</translation>
    </message>
    <message>
        <source>overridden (derived: {derived}); flagged for supervisor review</source>
        <translation>已人工改判（规则推导：{derived}）；待主管复核</translation>
    </message>
    <message>
        <source>South-East Asia</source>
        <translation>东南亚</translation>
    </message>
    <message>
        <source>qualifies for automatic refund without return</source>
        <translation>符合免退货自动退款条件</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>适用规则</translation>
    </message>
    <message>
        <source>Signed verdict</source>
        <translation>已签署的裁决</translation>
    </message>
    <message>
        <source>Preview (not signed)</source>
        <translation>预览（未签署）</translation>
    </message>
</context>
<context>
    <name>QAPackage</name>
    <message>
        <source>Export QA package</source>
        <translation>导出质检包</translation>
    </message>
    <message>
        <source>This workstation has no supervisor identity: nothing can be signed.</source>
        <translation>本工作站没有主管身份，无法签名。</translation>
    </message>
    <message>
        <source>Every reviewer</source>
        <translation>所有审核员</translation>
    </message>
    <message>
        <source>%1 (%2 actions)</source>
        <translation>%1（%2 项操作）</translation>
    </message>
    <message>
        <source>Actions on whose verdicts?</source>
        <translation>导出哪位审核员裁决上的操作？</translation>
    </message>
    <message>
        <source>QA packages (*.arbqa)</source>
        <translation>质检包 (*.arbqa)</translation>
    </message>
    <message>
        <source>QA package written to %1: give it to the reviewer, who imports it with File &gt; Import signed packages.</source>
        <translation>质检包已写入 %1：请交给审核员，由其通过“文件 &gt; 导入签名包”导入。</translation>
    </message>
    <message>
        <source>Nothing was written.</source>
        <translation>未写入任何文件。</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <source>%1 d</source>
        <translation>%1 天</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 天 %2 小时</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>overdue %1</source>
        <translation>已超时 %1</translation>
    </message>
    <message>
        <source>The case queue could not be read: %1</source>
        <translation>无法读取案件队列：%1</translation>
    </message>
    <message>
        <source>checked out to you</source>
        <extracomment>every case whose current verdict a supervisor returned, (case_id, ReturnedMark), as of the last read</extracomment>
        <translation>由您领取</translation>
    </message>
    <message>
        <source>checked out to %1</source>
        <translation>由 %1 领取</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>案件编号</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>Claim</source>
        <translation>诉求类型</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>立案时间</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Order %1</source>
        <translation>订单 %1</translation>
    </message>
    <message>
        <source>Nearest deadline: %1</source>
        <translation>最近期限：%1</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>已退回</translation>
    </message>
    <message>
        <source>Returned by %1 on %2: %3</source>
        <translation>%1 于 %2 退回：%3</translation>
    </message>
</context>
<context>
    <name>QueueView</name>
    <message>
        <source>All platforms</source>
        <extracomment>whose returned verdicts the strip names (the window&apos;s identity); None: everyone&apos;s</extracomment>
        <translation>全部平台</translation>
    </message>
    <message>
        <source>All regions</source>
        <translation>全部地区</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>All claims</source>
        <translation>全部诉求</translation>
    </message>
    <message>
        <source>1 case</source>
        <translation>1 个案件</translation>
    </message>
    <message>
        <source>%1 cases</source>
        <translation>%1 个案件</translation>
    </message>
    <message>
        <source>%1 of %2 cases loaded</source>
        <translation>已载入 %1 / %2 个案件</translation>
    </message>
    <message>
        <source>No case matches the search or the filters.</source>
        <translation>没有符合搜索或筛选条件的案件。</translation>
    </message>
    <message>
        <source>The queue is empty.

Import case bundles with File ▸ Import bundles… (Ctrl+I), or drop .arbcase files on this window.</source>
        <translation>队列为空。

请通过“文件 ▸ 导入案件包…”（Ctrl+I）导入，或将 .arbcase 文件拖放到此窗口。</translation>
    </message>
    <message>
        <source>Search: case, order, buyer or seller id or name, phone, SKU, tracking…  (Ctrl+F)</source>
        <translation>搜索：案件、订单、买家或卖家编号或名称、电话、SKU、物流单号…  (Ctrl+F)</translation>
    </message>
    <message>
        <source>Finds cases by case id, order id, the buyer&apos;s and the seller&apos;s id and name, phone number (any spacing), SKU and tracking number; Enter opens a single match</source>
        <translation>按案件编号、订单号、买家和卖家的编号与名称、电话号码（空格不限）、SKU 和物流单号查找案件；只有一个结果时按回车打开</translation>
    </message>
    <message>
        <source>Search case id or order id…  (Ctrl+F)</source>
        <translation type="vanished">搜索案件编号或订单号…  (Ctrl+F)</translation>
    </message>
    <message>
        <source>Type part of a case id or an order id; Enter opens a single match</source>
        <translation type="vanished">输入案件编号或订单号的一部分；只有一个结果时按回车直接打开</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Claim type</source>
        <translation>诉求类型</translation>
    </message>
    <message>
        <source>Case queue</source>
        <translation>案件队列</translation>
    </message>
    <message>
        <source>Reading the queue…</source>
        <translation>正在读取案件队列…</translation>
    </message>
    <message>
        <source>Returned by a supervisor: %1</source>
        <translation>主管退回：%1</translation>
    </message>
    <message>
        <source>%1 cases returned by a supervisor: %2</source>
        <translation>主管退回了 %1 个案件：%2</translation>
    </message>
</context>
<context>
    <name>RationaleStep</name>
    <message>
        <source>Rationale</source>
        <translation>裁决理由</translation>
    </message>
    <message>
        <source>Explain the decision and cite at least one evidence item or chat message by its id (for example E1, M4). Click a cited id to open it.</source>
        <translation>说明裁决理由，并按编号引用至少一项证据或一条聊天消息（例如 E1、M4）。点击引用的编号即可打开对应内容。</translation>
    </message>
    <message>
        <source>Open {id}</source>
        <translation>打开 {id}</translation>
    </message>
    <message>
        <source>{id} is not an evidence item or a chat message of this case</source>
        <translation>{id} 不是本案的证据或聊天消息</translation>
    </message>
    <message>
        <source>Unknown ids (not in this case): {ids}</source>
        <translation>未知编号（不属于本案）：{ids}</translation>
    </message>
    <message>
        <source>Cited: {ids}</source>
        <translation>已引用：{ids}</translation>
    </message>
    <message>
        <source>No evidence item or chat message cited yet.</source>
        <translation>尚未引用任何证据或聊天消息。</translation>
    </message>
</context>
<context>
    <name>ReReviewPage</name>
    <message>
        <source>Note to the reviewer (needed to return; the reason of an overturn)</source>
        <translation>给审核员的说明（退回时必填；推翻时作为理由）</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <source>Return with note</source>
        <translation>附说明退回</translation>
    </message>
    <message>
        <source>Overturn with my answers</source>
        <translation>按我的答案推翻</translation>
    </message>
    <message>
        <source>Compare with the reviewer&apos;s answers</source>
        <translation>与审核员的答案比对</translation>
    </message>
    <message>
        <source>Blind re-review of %1 v%2 (selected: %3). Answer first; the reviewer&apos;s answers are shown after you compare.</source>
        <translation>盲审复核 %1 v%2（抽中原因：%3）。请先作答；比对后才会显示审核员的答案。</translation>
    </message>
    <message>
        <source>%1 v%2: %3. Pick the next verdict in the inbox.</source>
        <translation>%1 v%2：%3。请在收件箱中选择下一份裁决。</translation>
    </message>
    <message>
        <source>Pick a verdict in the inbox to re-review it blind.</source>
        <translation>请在收件箱中选择一份裁决进行盲审复核。</translation>
    </message>
    <message>
        <source>%1 differences, %2 of them change the outcome. Reviewer: %3; you: %4.</source>
        <translation>共 %1 处差异，其中 %2 处改变处理结果。审核员：%3；您：%4。</translation>
    </message>
    <message>
        <source>answer every question first</source>
        <translation>请先回答所有问题</translation>
    </message>
    <message>
        <source>compare first</source>
        <translation>请先比对</translation>
    </message>
    <message>
        <source>write a note for the reviewer first</source>
        <translation>请先填写给审核员的说明</translation>
    </message>
    <message>
        <source>write the reason of the overturn first</source>
        <translation>请先填写推翻的理由</translation>
    </message>
    <message>
        <source>Not done: %1</source>
        <translation>未完成：%1</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>returned</source>
        <translation>已退回</translation>
    </message>
    <message>
        <source>overturned</source>
        <translation>已推翻</translation>
    </message>
</context>
<context>
    <name>RemedyStep</name>
    <message>
        <source>Remedy and liability</source>
        <translation>补救措施与责任</translation>
    </message>
    <message>
        <source>Amount:</source>
        <translation>金额：</translation>
    </message>
    <message>
        <source>of {paid} {currency} paid</source>
        <translation>（实付 {paid} {currency}）</translation>
    </message>
    <message>
        <source>Answer the jurisdiction gates and the findings first: the remedy depends on the outcome.</source>
        <translation>请先完成受理条件和事实认定：处理方式取决于处理结果。</translation>
    </message>
    <message>
        <source>The outcome is {outcome}: no remedy.</source>
        <translation>处理结果为“{outcome}”，不作处理。</translation>
    </message>
    <message>
        <source>Choose the remedy. A full refund is filled in with the most that can be refunded ({cap} {currency}); lower it if needed.</source>
        <translation>请选择补救措施。全额退款会自动填入可退的最高金额（{cap} {currency}），如有需要可调低。</translation>
    </message>
    <message>
        <source>no refund for this remedy</source>
        <translation>此处理方式不涉及退款</translation>
    </message>
    <message>
        <source>Choose the remedy. A full refund is filled in with the most that can be refunded, {cap} {currency} ({basis}); lower it if needed.</source>
        <translation>请选择补救措施。全额退款会自动填入可退的最高金额 {cap} {currency}（{basis}），如有需要可调低。</translation>
    </message>
</context>
<context>
    <name>ResultDialog</name>
    <message>
        <source>Working…</source>
        <translation>正在处理…</translation>
    </message>
    <message>
        <source>Checked %1 of %2 cases…</source>
        <translation>已检查 %1 / %2 个案件…</translation>
    </message>
    <message>
        <source>It did not finish: %1</source>
        <translation>未能完成：%1</translation>
    </message>
</context>
<context>
    <name>ReviewSession</name>
    <message>
        <source>Amount: {raw} is not an amount of money.</source>
        <translation type="vanished">金额：{raw} 不是有效的金额。</translation>
    </message>
    <message>
        <source>Amount: cannot be negative.</source>
        <translation type="vanished">金额：不能为负数。</translation>
    </message>
    <message>
        <source>Amount: {value} is more than the {paid} {currency} paid.</source>
        <translation type="vanished">金额：{value} 超过实付金额 {paid} {currency}。</translation>
    </message>
    <message>
        <source>buyer</source>
        <translation type="vanished">买家</translation>
    </message>
    <message>
        <source>seller</source>
        <translation type="vanished">卖家</translation>
    </message>
    <message>
        <source>platform</source>
        <translation type="vanished">平台</translation>
    </message>
    <message>
        <source>buyer and seller</source>
        <translation type="vanished">买家与卖家</translation>
    </message>
    <message>
        <source>buyer and support</source>
        <translation type="vanished">买家与客服</translation>
    </message>
    <message>
        <source>seller and support</source>
        <translation type="vanished">卖家与客服</translation>
    </message>
    <message>
        <source>The verdict is signed. Amend it to change it.</source>
        <extracomment>the reviewer asked to see a chat log (&quot;owner:channel&quot;) from the &quot;still missing&quot; list emitted after a verdict or an amendment has been stored (argument: the VerdictRow) emitted after each draft write (argument: True on success, False when the write failed) the store refused the signature (argument: its one line); nothing was stored whether changes are written as a draft (a blind re-review writes none) viewing progress of PDFs (pages seen) and videos (parts played), arbiter.ui.viewing_progress request ids of the case&apos;s open supplement requests: the case waits for them (refreshed by the Requests tab, arbiter.ui.supplement_dialog) the reason of the amendment being drafted, or None when not amending why the last signature was refused (the store&apos;s one line), until the next change or signature a supervisor returned the current verdict (who, when, the note); None once it is amended why the signed verdict&apos;s notice is held (read with the case, after signing, and when the panel shows) (original verdict, conflict or None) of an appeal, (None, None) otherwise (arbiter.ui.appeal_view) how many times the rules ran (one per change; tests hold the session to it)</extracomment>
        <translation>裁决已签署。如需更改，请进行修订。</translation>
    </message>
    <message>
        <source>No signing identity on this workstation (File &gt; Identity…).</source>
        <translation>此工作站没有签名身份（文件 &gt; 签名身份…）。</translation>
    </message>
    <message>
        <source>Jurisdiction {gate}: confirm the computed fact.</source>
        <translation type="vanished">受理条件 {gate}：请确认系统判定结果。</translation>
    </message>
    <message>
        <source>{question}: {problem}</source>
        <translation>{question}：{problem}</translation>
    </message>
    <message>
        <source>The amendment needs a reason.</source>
        <translation>修订须填写理由。</translation>
    </message>
    <message>
        <source>The case waits for supplementary evidence ({ids}); withdraw the request to decide now.</source>
        <translation>本案正在等待补充证据({ids});如需现在作出决定,请撤回该请求。</translation>
    </message>
    <message>
        <source>Evidence {id} ({party}): {seen} of {pages} pages seen.</source>
        <translation>证据 {id}({party}):已看 {seen} 页,共 {pages} 页。</translation>
    </message>
    <message>
        <source>Evidence {id} ({party}): the video has not been played to its end.</source>
        <translation>证据 {id}({party}):视频尚未播放到结尾。</translation>
    </message>
    <message>
        <source>Evidence {id} ({party}) has not been opened.</source>
        <translation>证据 {id}（{party}）尚未打开。</translation>
    </message>
    <message>
        <source>The {party}&apos;s chat log ({channel}) has not been read to the end.</source>
        <translation>{party}的聊天记录（{channel}）尚未阅读完毕。</translation>
    </message>
    <message>
        <source>Jurisdiction {gate}</source>
        <translation type="vanished">受理条件 {gate}</translation>
    </message>
    <message>
        <source>Evidence {id}</source>
        <translation type="vanished">证据 {id}</translation>
    </message>
    <message>
        <source>Seller conduct</source>
        <translation type="vanished">卖家服务表现</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation type="vanished">事实认定</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="vanished">问题类型</translation>
    </message>
    <message>
        <source>Remedy</source>
        <translation type="vanished">处理方式</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="vanished">金额</translation>
    </message>
    <message>
        <source>Rationale</source>
        <translation type="vanished">裁决理由</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation type="vanished">审核员</translation>
    </message>
    <message>
        <source>Decision time</source>
        <translation type="vanished">裁决时间</translation>
    </message>
    <message>
        <source>Override</source>
        <translation type="vanished">人工改判</translation>
    </message>
    <message>
        <source>Override outcome</source>
        <translation type="vanished">改判结果</translation>
    </message>
    <message>
        <source>Override justification</source>
        <translation type="vanished">改判理由</translation>
    </message>
    <message>
        <source>{question}: not answered.</source>
        <translation type="vanished">{question}：尚未回答。</translation>
    </message>
    <message>
        <source>{question}: admissibility not decided.</source>
        <translation type="vanished">{question}：尚未认定是否采信。</translation>
    </message>
    <message>
        <source>Override: a written justification is required.</source>
        <translation type="vanished">人工改判：须填写书面理由。</translation>
    </message>
    <message>
        <source>Rationale: write it and cite at least one evidence item or chat message by id.</source>
        <translation type="vanished">裁决理由：请填写，并按编号引用至少一项证据或一条聊天消息。</translation>
    </message>
    <message>
        <source>%1 (%2, due %3)</source>
        <translation>%1（%2，截止 %3）</translation>
    </message>
    <message>
        <source>%1: the case waits for supplementary evidence (%2); withdraw the request, or wait until it is answered or falls due, before signing.</source>
        <translation>%1：本案正在等待补充证据（%2）；请先撤回请求，或等待其被答复或到期，然后再签署。</translation>
    </message>
    <message>
        <source>%1 appeals your own verdict on %2 (version %3): another reviewer must decide it.</source>
        <translation>%1 是对您本人就 %2（第 %3 版）所作裁决的申诉：须由其他审核员裁决。</translation>
    </message>
</context>
<context>
    <name>ScorecardModel</name>
    <message>
        <source>Reviewer</source>
        <translation>审核员</translation>
    </message>
    <message>
        <source>Verdicts</source>
        <translation>裁决数</translation>
    </message>
    <message>
        <source>Quality-reviewed</source>
        <translation>已质检</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>批准</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>退回</translation>
    </message>
    <message>
        <source>Overturned</source>
        <translation>推翻</translation>
    </message>
    <message>
        <source>Overturn rate (95%)</source>
        <translation>推翻率（95% 区间）</translation>
    </message>
    <message>
        <source>Override rate</source>
        <translation>改判比例</translation>
    </message>
    <message>
        <source>Buyer-favoured</source>
        <translation>支持买家比例</translation>
    </message>
    <message>
        <source>Team, same work</source>
        <translation>团队同类案件</translation>
    </message>
    <message>
        <source>Excluded buyer / seller</source>
        <translation>未采信证据 买家 / 卖家</translation>
    </message>
    <message>
        <source>Median minutes</source>
        <translation>中位用时（分钟）</translation>
    </message>
    <message>
        <source>(too few)</source>
        <translation>（样本过少）</translation>
    </message>
    <message>
        <source>Fewer than %1 quality reviews: the interval is wide; do not rank on it yet.</source>
        <translation>质检少于 %1 份：区间过宽，暂不宜据此排名。</translation>
    </message>
</context>
<context>
    <name>ScorecardPage</name>
    <message>
        <source>Charts need Qt Charts (PySide6-Addons).</source>
        <translation>图表需要 Qt Charts（PySide6-Addons）。</translation>
    </message>
    <message>
        <source>Overturn rate = overturned / quality-reviewed, with its 95% Wilson interval. Buyer-favoured is compared with what everyone else decided on the same platform and claim type: a neutrality signal, not a verdict on anyone.</source>
        <translation>推翻率 = 推翻数 / 质检数，附 95% Wilson 置信区间。支持买家比例与其他人在同一平台、同类诉求上的裁决比较：这是中立性的参考信号，不是对任何人的评判。</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Overturn rate with 95% interval (grey: too few reviews yet)</source>
        <translation>推翻率及 95% 区间（灰色：质检数量尚少）</translation>
    </message>
    <message>
        <source>share overturned</source>
        <translation>推翻比例</translation>
    </message>
    <message>
        <source>Buyer-favoured: reviewer vs the team on the same platform and claim type</source>
        <translation>支持买家比例：审核员与团队在同一平台、同类诉求上的对比</translation>
    </message>
    <message>
        <source>reviewer</source>
        <translation>审核员</translation>
    </message>
    <message>
        <source>team, same work</source>
        <translation>团队同类案件</translation>
    </message>
    <message>
        <source>Export scorecards</source>
        <translation>导出评分卡</translation>
    </message>
</context>
<context>
    <name>ShortcutSheet</name>
    <message>
        <source>Keyboard shortcuts</source>
        <extracomment>keys the window&apos;s shortcuts keep even while a text field has the focus</extracomment>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Next field / previous field</source>
        <translation>下一个字段 / 上一个字段</translation>
    </message>
    <message>
        <source>Move between the options of a question</source>
        <translation>在问题的选项之间移动</translation>
    </message>
    <message>
        <source>Arrow keys</source>
        <translation>方向键</translation>
    </message>
    <message>
        <source>Choose the option or press the button in focus</source>
        <translation>选择当前选项或按下当前按钮</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>空格键</translation>
    </message>
    <message>
        <source>Open the case selected in the queue</source>
        <translation>打开队列中选中的案件</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>回车键</translation>
    </message>
    <message>
        <source>Read a chat log to its end</source>
        <translation>将聊天记录读到末尾</translation>
    </message>
    <message>
        <source>What</source>
        <translation>功能</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
</context>
<context>
    <name>SignOffStep</name>
    <message>
        <source>Sign-off</source>
        <translation>签署</translation>
    </message>
    <message>
        <source>Reviewer:</source>
        <translation>审核员：</translation>
    </message>
    <message>
        <source>Sign verdict</source>
        <translation>签署裁决</translation>
    </message>
    <message>
        <source>Sign and lock the verdict ({key})</source>
        <translation>签署并锁定裁决（{key}）</translation>
    </message>
    <message>
        <source>Sign and next</source>
        <translation>签署并下一个</translation>
    </message>
    <message>
        <source>Sign, then open the next case of the queue ({key})</source>
        <translation>签署，然后打开队列中的下一个案件（{key}）</translation>
    </message>
    <message>
        <source>Discard amendment</source>
        <translation>放弃修订</translation>
    </message>
    <message>
        <source>Amend…</source>
        <translation>修订…</translation>
    </message>
    <message>
        <source>Export notice…</source>
        <translation>导出通知书…</translation>
    </message>
    <message>
        <source>Next case</source>
        <translation>下一个案件</translation>
    </message>
    <message>
        <source>Open the next case of the queue ({key})</source>
        <translation>打开队列中的下一个案件（{key}）</translation>
    </message>
    <message>
        <source>Still missing before signing ({n}); click an entry to go there:</source>
        <translation>签署前仍缺少（{n}）；点击条目即可跳转：</translation>
    </message>
    <message>
        <source>Nothing is missing: the verdict can be signed.</source>
        <translation>各项均已完成，可以签署裁决。</translation>
    </message>
    <message>
        <source>Sign amendment</source>
        <translation>签署修订</translation>
    </message>
</context>
<context>
    <name>Supervisor</name>
    <message>
        <source>Preparing the supervisor&apos;s demonstration set…</source>
        <translation>正在准备主管演示数据…</translation>
    </message>
    <message>
        <source>Demo: %1 cases and %2 signed verdicts loaded. Sample the inbox to begin.</source>
        <translation>演示：已载入 %1 个案件和 %2 份已签名裁决。请先抽检以填充收件箱。</translation>
    </message>
    <message>
        <source>The demonstration set could not be loaded: %1</source>
        <translation>演示数据无法载入：%1</translation>
    </message>
</context>
<context>
    <name>SupervisorDesk</name>
    <message>
        <source>Supervisor desk</source>
        <translation>主管工作台</translation>
    </message>
    <message>
        <source>QA inbox</source>
        <translation>质检收件箱</translation>
    </message>
    <message>
        <source>Blind re-review</source>
        <translation>盲审复核</translation>
    </message>
    <message>
        <source>Scorecards</source>
        <translation>评分卡</translation>
    </message>
    <message>
        <source>Signed in as %1 (supervisor). Nobody quality-reviews their own verdicts: yours are not in your inbox.</source>
        <translation>当前身份：%1（主管）。任何人都不质检自己的裁决：您本人的裁决不会出现在您的收件箱中。</translation>
    </message>
    <message>
        <source>Export QA package…</source>
        <translation>导出质检包…</translation>
    </message>
    <message>
        <source>Your approvals, returns and overturns of verdicts that came from reviewers&apos; packages, signed, for their offline workstations</source>
        <translation>您对来自审核员裁决包的裁决所作的批准、退回和推翻，经签名后交给离线工作站</translation>
    </message>
</context>
<context>
    <name>SupplementPanel</name>
    <message>
        <source>%1 requested; the case now waits for it (Awaiting evidence).</source>
        <translation>已发出 %1;本案现等待该材料(等待补充证据)。</translation>
    </message>
    <message>
        <source>%1 withdrawn.</source>
        <translation>已撤回 %1。</translation>
    </message>
    <message>
        <source>Export the requests for the platform</source>
        <translation>导出给平台的补充材料请求</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON 文件 (*.json)</translation>
    </message>
    <message>
        <source>%1 open request(s) written to %2</source>
        <translation>已将 %1 条未结请求写入 %2</translation>
    </message>
    <message>
        <source>The file could not be written: %1</source>
        <translation>无法写入文件:%1</translation>
    </message>
    <message>
        <source>Buyer</source>
        <translation>买家</translation>
    </message>
    <message>
        <source>Seller</source>
        <translation>卖家</translation>
    </message>
    <message>
        <source>open</source>
        <translation>未结</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>已补充</translation>
    </message>
    <message>
        <source>due date passed</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <source>Requests (%1 open)</source>
        <translation>补充请求 (%1 条未结)</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>补充请求</translation>
    </message>
    <message>
        <source>Supplementary evidence asked of a party while reviewing. The file for the platform lists the open requests (docs/supplement-requests.md).</source>
        <translation>审核过程中要求一方补充的证据。导出给平台的文件列出所有未结请求(见 docs/supplement-requests.md)。</translation>
    </message>
    <message>
        <source>Request evidence…</source>
        <translation>要求补充证据…</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>撤回</translation>
    </message>
    <message>
        <source>Export for the platform…</source>
        <translation>导出给平台…</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>请求</translation>
    </message>
    <message>
        <source>Party</source>
        <translation>当事方</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>截止时间</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>SupplementRequestDialog</name>
    <message>
        <source>Request supplementary evidence</source>
        <translation>要求补充证据</translation>
    </message>
    <message>
        <source>Buyer</source>
        <translation>买家</translation>
    </message>
    <message>
        <source>Seller</source>
        <translation>卖家</translation>
    </message>
    <message>
        <source>What the party should supply, e.g. a photo of the outer box</source>
        <translation>该方应提供的材料,例如外包装箱照片</translation>
    </message>
    <message>
        <source>While a request is open the case waits (Awaiting evidence). It resumes when a new revision of the case brings the items or the due date passes. Items submitted after the due date are excluded as late.</source>
        <translation>请求未结期间,本案处于等待状态(等待补充证据)。当案件的新版本带来所需材料或截止时间已过时,本案恢复审核。截止时间之后提交的材料将以逾期为由排除。</translation>
    </message>
    <message>
        <source>Party</source>
        <translation>当事方</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>截止时间</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>请求</translation>
    </message>
</context>
<context>
    <name>TimelineModel</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>相关方</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Logistics</source>
        <translation>物流</translation>
    </message>
    <message>
        <source>After-sale</source>
        <translation>售后</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>聊天</translation>
    </message>
    <message>
        <source>Buyer</source>
        <translation>买家</translation>
    </message>
    <message>
        <source>Seller</source>
        <translation>卖家</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation>承运商</translation>
    </message>
    <message>
        <source>picked up</source>
        <translation>已揽收</translation>
    </message>
    <message>
        <source>in transit</source>
        <translation>运输中</translation>
    </message>
    <message>
        <source>out for delivery</source>
        <translation>派送中</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>已签收</translation>
    </message>
    <message>
        <source>delivery failed</source>
        <translation>派送失败</translation>
    </message>
    <message>
        <source>returned to sender</source>
        <translation>已退回寄件方</translation>
    </message>
    <message>
        <source>lost</source>
        <translation>已丢失</translation>
    </message>
    <message>
        <source>Parcel %1</source>
        <translation>包裹%1</translation>
    </message>
    <message>
        <source>Order %1 placed</source>
        <translation>下单：订单 %1</translation>
    </message>
    <message>
        <source>card</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <source>wallet</source>
        <translation>电子钱包</translation>
    </message>
    <message>
        <source>bank transfer</source>
        <translation>银行转账</translation>
    </message>
    <message>
        <source>cash on delivery</source>
        <translation>货到付款</translation>
    </message>
    <message>
        <source>Paid %1 %2 by %3</source>
        <translation>已支付 %1 %2（%3）</translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation>已发货</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>已签收</translation>
    </message>
    <message>
        <source>refund only</source>
        <translation>仅退款</translation>
    </message>
    <message>
        <source>return and refund</source>
        <translation>退货退款</translation>
    </message>
    <message>
        <source>replacement</source>
        <translation>换货</translation>
    </message>
    <message>
        <source>reship</source>
        <translation>补发</translation>
    </message>
    <message>
        <source>partial refund</source>
        <translation>部分退款</translation>
    </message>
    <message>
        <source>After-sale application: %1, asks %2 %3 (%4)</source>
        <translation>售后申请：%1，申请金额 %2 %3（%4）</translation>
    </message>
    <message>
        <source>agreed</source>
        <translation>同意</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <source>no response</source>
        <translation>未回应</translation>
    </message>
    <message>
        <source>partial offer</source>
        <translation>提出部分退款方案</translation>
    </message>
    <message>
        <source>Seller responded: %1</source>
        <translation>卖家回应：%1</translation>
    </message>
    <message>
        <source>Buyer asked the platform to intervene</source>
        <translation>买家申请平台介入</translation>
    </message>
    <message>
        <source>Platform opened dispute %1</source>
        <translation>平台受理争议 %1</translation>
    </message>
    <message>
        <source>Previous decision (appeal)</source>
        <translation>原裁决（申诉）</translation>
    </message>
    <message>
        <source>photo</source>
        <translation type="vanished">照片</translation>
    </message>
    <message>
        <source>video</source>
        <translation type="vanished">视频</translation>
    </message>
    <message>
        <source>screenshot</source>
        <translation type="vanished">截图</translation>
    </message>
    <message>
        <source>document</source>
        <translation type="vanished">文件</translation>
    </message>
    <message>
        <source>tracking</source>
        <translation type="vanished">物流记录</translation>
    </message>
    <message>
        <source>Evidence %1 submitted (%2, submission %3)</source>
        <translation>提交证据 %1（%2，第 %3 次提交）</translation>
    </message>
    <message>
        <source>primary</source>
        <translation>主要证据</translation>
    </message>
    <message>
        <source>requested</source>
        <translation>平台要求</translation>
    </message>
    <message>
        <source>not requested</source>
        <translation>未经要求</translation>
    </message>
    <message>
        <source>Message %1</source>
        <translation>消息 %1</translation>
    </message>
    <message>
        <source>not in the buyer&apos;s copy</source>
        <translation>买家版本中没有</translation>
    </message>
    <message>
        <source>not in the seller&apos;s copy</source>
        <translation>卖家版本中没有</translation>
    </message>
    <message>
        <source>copies differ</source>
        <translation>版本不一致</translation>
    </message>
</context>
<context>
    <name>TrustActionTexts</name>
    <message>
        <source>Export &amp;verdicts…</source>
        <translation>导出裁决(&amp;V)…</translation>
    </message>
    <message>
        <source>Write a signed .arbverdict package per verdict, for a supervisor</source>
        <translation>为每份裁决写出已签名的 .arbverdict 包，供主管审阅</translation>
    </message>
    <message>
        <source>Import signed packa&amp;ges…</source>
        <translation>导入签名包(&amp;G)…</translation>
    </message>
    <message>
        <source>Verify and store signed packages: reviewers&apos; verdicts, or a supervisor&apos;s QA package (returns, approvals, overturns)</source>
        <translation>验证并保存签名包：审核员的裁决包，或主管的质检包（退回、批准、推翻）</translation>
    </message>
    <message>
        <source>Import verdic&amp;ts…</source>
        <translation type="vanished">导入裁决(&amp;T)…</translation>
    </message>
    <message>
        <source>Verify and store reviewers&apos; signed verdict packages</source>
        <translation type="vanished">核验并保存审核员签名的裁决包</translation>
    </message>
    <message>
        <source>&amp;Verify database…</source>
        <translation>核验数据库(&amp;V)…</translation>
    </message>
    <message>
        <source>Check every case, evidence file, verdict and the audit trail</source>
        <translation>检查每个案件、证据文件、裁决和审计记录</translation>
    </message>
</context>
<context>
    <name>TrustActions</name>
    <message>
        <source>Verify database</source>
        <translation>核验数据库</translation>
    </message>
    <message>
        <source>%1 problems found. %2</source>
        <translation>发现 %1 个问题。%2</translation>
    </message>
    <message>
        <source>Export verdicts to a folder</source>
        <translation>将裁决导出到文件夹</translation>
    </message>
    <message>
        <source>Export verdicts</source>
        <translation>导出裁决</translation>
    </message>
    <message>
        <source>%1 verdict packages written to %2.</source>
        <translation>已将 %1 个裁决包写入 %2。</translation>
    </message>
    <message>
        <source>Import signed packages</source>
        <translation>导入签名包</translation>
    </message>
    <message>
        <source>Signed packages (*.arbverdict *.arbqa);;Verdict packages (*.arbverdict);;QA packages (*.arbqa);;All files (*)</source>
        <translation>签名包 (*.arbverdict *.arbqa);;裁决包 (*.arbverdict);;质检包 (*.arbqa);;所有文件 (*)</translation>
    </message>
    <message>
        <source>%1 verdicts returned to you by a supervisor: their notes are shown where the notice is exported.</source>
        <translation>主管退回了您的 %1 份裁决：说明显示在导出通知书处。</translation>
    </message>
    <message>
        <source>Import verdict packages</source>
        <translation type="vanished">导入裁决包</translation>
    </message>
    <message>
        <source>Verdict packages (*.arbverdict);;All files (*)</source>
        <translation type="vanished">裁决包 (*.arbverdict);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Import verdicts</source>
        <translation type="vanished">导入裁决</translation>
    </message>
    <message>
        <source>%1 accepted, %2 unchanged, %3 conflicts, %4 refused.</source>
        <translation>接受 %1 个，未变 %2 个，冲突 %3 个，拒绝 %4 个。</translation>
    </message>
    <message>
        <source>%1 made by another arbiter version whose rules differ (rules drift).</source>
        <translation>其中 %1 个由规则不同的其他 arbiter 版本生成（规则偏移）。</translation>
    </message>
</context>
<context>
    <name>TrustBanner</name>
    <message>
        <source>the check could not run: %1</source>
        <extracomment>a check is being read off the GUI thread (the banner shows the previous one meanwhile)</extracomment>
        <translation>无法进行检查：%1</translation>
    </message>
    <message>
        <source>This case does not verify: it was changed outside arbiter. Do not decide or export it; tell your supervisor.</source>
        <translation>此案件未通过核验：它在 arbiter 之外被改动过。请勿裁决或导出，并告知主管。</translation>
    </message>
    <message>
        <source>Revision %1 of this case arrived after the verdict was signed on revision %2. The verdict and its notices show revision %2. Confirm that the verdict stands, or amend it.</source>
        <translation>裁决基于第 %2 版签署后，收到了此案件的第 %1 版。裁决及其通知书显示的是第 %2 版。请确认裁决维持不变，或进行修订。</translation>
    </message>
    <message>
        <source>Verdict stands</source>
        <translation>裁决维持不变</translation>
    </message>
    <message>
        <source>Amend…</source>
        <translation>修订…</translation>
    </message>
    <message>
        <source>%1 notice export(s) belong to a superseded verdict and are marked superseded. Export the notices of the current verdict again.</source>
        <translation>%1 次通知书导出属于已被取代的裁决，已标记为已取代。请为当前裁决重新导出通知书。</translation>
    </message>
    <message>
        <source>The verdict could not be confirmed: %1</source>
        <translation>无法确认裁决：%1</translation>
    </message>
</context>
<context>
    <name>VideoViewer</name>
    <message>
        <source>Video playback is not available on this computer.</source>
        <translation>此电脑上无法播放视频。</translation>
    </message>
    <message>
        <source>The video cannot be played.</source>
        <translation>无法播放该视频。</translation>
    </message>
    <message>
        <source>❚❚ Pause</source>
        <translation>❚❚ 暂停</translation>
    </message>
    <message>
        <source>▶ Play</source>
        <translation>▶ 播放</translation>
    </message>
    <message>
        <source>✓ played to the end</source>
        <translation>✓ 已播放到结尾</translation>
    </message>
    <message>
        <source>Played %1% — it counts as opened once played to its end</source>
        <translation>已播放 %1% — 播放到结尾后才算已打开</translation>
    </message>
    <message>
        <source>Mute</source>
        <translation>静音</translation>
    </message>
    <message>
        <source>Play or pause (Space)</source>
        <translation>播放或暂停(空格键)</translation>
    </message>
</context>
</TS>
