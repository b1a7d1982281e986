<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name />
    <message>
        <location filename="../../ui/supervision_dashboard.py" line="71" />
        <source>本月</source>
        <translation>This month</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_dashboard.py" line="72" />
        <source>上月</source>
        <translation>Last month</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_dashboard.py" line="73" />
        <source>本季度</source>
        <translation>This quarter</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_dashboard.py" line="74" />
        <source>本年度</source>
        <translation>This year</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_dashboard.py" line="75" />
        <location filename="../../ui/supervision_form.py" line="71" />
        <source>自定义</source>
        <translation>Custom</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="154" />
        <location filename="../../ui/document_view.py" line="232" />
        <source>登记</source>
        <translation>Registered by</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="199" />
        <source>待编号</source>
        <translation>Number pending</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="200" />
        <source>（编号后生成）</source>
        <translation>(given when numbered)</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="209" />
        <location filename="../../ui/document_view.py" line="327" />
        <location filename="../../ui/meeting_view.py" line="377" />
        <location filename="../../ui/meeting_view.py" line="406" />
        <source>（代{0}）</source>
        <translation> (for {0})</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="221" />
        <source>文种</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="223" />
        <source>发文字号</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="225" />
        <source>来文单位</source>
        <translation>Sender</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="226" />
        <source>来文字号</source>
        <translation>Sender's number</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="227" />
        <source>收文编号</source>
        <translation>Receipt number</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="229" />
        <source>密级</source>
        <translation>Classification</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="230" />
        <source>主送</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="231" />
        <source>抄送</source>
        <translation>Copy to</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="232" />
        <source>拟稿</source>
        <translation>Drafted by</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="233" />
        <source>办理期限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="241" />
        <source>会签单位</source>
        <translation>Countersigning units</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="243" />
        <source>签发人</source>
        <translation>Signed by</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="245" />
        <source>成文日期</source>
        <translation>Date written</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="247" />
        <location filename="../../ui/supervision_dashboard.py" line="89" />
        <location filename="../../ui/supervision_dashboard.py" line="100" />
        <location filename="../../ui/supervision_form.py" line="75" />
        <location filename="../../ui/supervision_page.py" line="264" />
        <location filename="../../ui/supervision_page.py" line="273" />
        <location filename="../../ui/supervision_view.py" line="394" />
        <location filename="../../ui/supervision_view.py" line="435" />
        <source>牵头单位</source>
        <translation>Lead unit</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="251" />
        <source>传阅人员</source>
        <translation>Readers</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="254" />
        <source>印发</source>
        <translation>Printed by</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="256" />
        <location filename="../../ui/proofread_dialog.py" line="35" />
        <source>附注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="258" />
        <source>待分配</source>
        <translation>Not yet assigned</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="259" />
        <source>归档</source>
        <translation>Archive</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="259" />
        <source>{0}年度，保管期限{1}，件号{2}</source>
        <translation>Year {0}, kept {1}, item {2}</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="317" />
        <source>{0}年度，保管期限{1}</source>
        <translation>Year {0}, kept {1}</translation>
    </message>
    <message>
        <location filename="../../ui/times.py" line="68" />
        <source>办理 {0}（本机记录），服务器接收 {1}</source>
        <translation>acted {0} (this computer's record), received {1}</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="346" />
        <source>当前环节：{0}</source>
        <translation>Current step: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="348" />
        <source>待办理：{0}</source>
        <translation>Waiting: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="350" />
        <source>已办理：{0}</source>
        <translation>Done: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="361" />
        <source>传阅对象</source>
        <translation>Circulated to</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="361" />
        <source>送阅人</source>
        <translation>Sent by</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="361" />
        <source>送阅时间</source>
        <translation>Sent at</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="361" />
        <source>阅读情况</source>
        <translation>Read</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="364" />
        <source>已阅 {0}</source>
        <translation>Read {0}</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="364" />
        <source>未阅</source>
        <translation>Not read</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="389" />
        <source>已送核稿</source>
        <translation>Sent for review</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="389" />
        <source>核稿已通过</source>
        <translation>Review passed</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="390" />
        <source>已会签</source>
        <translation>Countersigned</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="390" />
        <source>已签发</source>
        <translation>Signed</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="391" />
        <source>已编号</source>
        <translation>Numbered</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="391" />
        <source>已用印</source>
        <translation>Sealed</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="392" />
        <source>已印发</source>
        <translation>Issued</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="393" />
        <source>已登记</source>
        <translation>Registered</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="393" />
        <source>已拟办</source>
        <translation>Proposal given</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="394" />
        <source>已批办</source>
        <translation>Instructed</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="394" />
        <source>已承办完毕</source>
        <translation>Handling finished</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="400" />
        <source>已撤回</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="401" />
        <source>已委托</source>
        <translation>Delegated</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="402" />
        <source>已加签</source>
        <translation>Signer added</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="403" />
        <source>已签收任务</source>
        <translation>Taken up</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="404" />
        <source>已传阅</source>
        <translation>Circulated</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="405" />
        <source>已阅</source>
        <translation>Read</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="406" />
        <source>已催办</source>
        <translation>Urged</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="407" />
        <source>已归档</source>
        <translation>Archived</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="408" />
        <source>已修改</source>
        <translation>Edited</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="429" />
        <source>，已回到您的待办</source>
        <translation>, back in your to-do list</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="431" />
        <source>，现由您办理</source>
        <translation>, now yours to handle</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="434" />
        <source>，仍待{0}办理</source>
        <translation>, still waiting for {0}</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="442" />
        <source>{0}：{1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_dashboard.py" line="92" />
        <source>事项数</source>
        <translation>Items</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="395" />
        <location filename="../../ui/supervision_dashboard.py" line="93" />
        <location filename="../../ui/supervision_dashboard.py" line="279" />
        <location filename="../../ui/supervision_dashboard.py" line="520" />
        <location filename="../../ui/supervision_view.py" line="120" />
        <location filename="../../ui/supervision_view.py" line="127" />
        <source>已办结</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_dashboard.py" line="94" />
        <location filename="../../ui/supervision_view.py" line="139" />
        <source>按期办结</source>
        <translation>Completed on time</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_dashboard.py" line="95" />
        <location filename="../../ui/supervision_dashboard.py" line="280" />
        <location filename="../../ui/supervision_dashboard.py" line="527" />
        <source>办结率</source>
        <translation>Completion rate</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_dashboard.py" line="79" />
        <source>本月交办</source>
        <translation>Assigned this month</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_dashboard.py" line="80" />
        <source>上月交办</source>
        <translation>Assigned last month</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_dashboard.py" line="81" />
        <source>本季度交办</source>
        <translation>Assigned this quarter</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_dashboard.py" line="82" />
        <source>本年度交办</source>
        <translation>Assigned this year</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_dashboard.py" line="83" />
        <source>所选期间交办</source>
        <translation>Assigned in the period</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_dashboard.py" line="85" />
        <source>全部未办结</source>
        <translation>All open items</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_dashboard.py" line="90" />
        <location filename="../../ui/supervision_dashboard.py" line="276" />
        <source>逾期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_dashboard.py" line="91" />
        <location filename="../../ui/supervision_dashboard.py" line="277" />
        <location filename="../../ui/supervision_dashboard.py" line="470" />
        <source>临近期限</source>
        <translation>Due soon</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_dashboard.py" line="96" />
        <location filename="../../ui/supervision_dashboard.py" line="281" />
        <location filename="../../ui/supervision_dashboard.py" line="528" />
        <source>按期办结率</source>
        <translation>On-time rate</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_dashboard.py" line="97" />
        <location filename="../../ui/supervision_dashboard.py" line="282" />
        <source>平均办结天数</source>
        <translation>Average days to complete</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_dashboard.py" line="106" />
        <source>超过办理时限仍未办结的事项（含逾期后才申请办结的），不论何时交办，不受统计期间限制</source>
        <translation>Open items past their deadline (also those that asked to finish only after it), whenever they were assigned: the period does not limit them</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_dashboard.py" line="108" />
        <source>办理时限在{0}天内、尚未逾期、也未申请办结的事项，不论何时交办，不受统计期间限制</source>
        <translation>Open items due within {0} day(s), not yet overdue and not asked to finish, whenever they were assigned: the period does not limit them</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_dashboard.py" line="110" />
        <source>只统计所选期间内交办的事项（按交办时间）</source>
        <translation>Only the items assigned in the chosen period (by assignment date)</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_dashboard.py" line="278" />
        <source>交办事项</source>
        <translation>Items assigned</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_dashboard.py" line="283" />
        <source>各单位事项、办结与逾期</source>
        <translation>Items, completed and overdue per unit</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_dashboard.py" line="284" />
        <source>各单位办结率与按期办结率（%）</source>
        <translation>Completion and on-time rates per unit (%)</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_dashboard.py" line="288" />
        <source>所选期间没有交办的督办事项，目前也没有逾期或临近期限的事项</source>
        <translation>No supervision items were assigned in this period, and none is overdue or due soon</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_dashboard.py" line="315" />
        <source>各单位统计</source>
        <translation>By unit</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_dashboard.py" line="316" />
        <source>逾期及临近期限事项</source>
        <translation>Overdue and due soon</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_dashboard.py" line="317" />
        <source>图表</source>
        <translation>Charts</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_dashboard.py" line="469" />
        <source>逾期{0}天</source>
        <translation>{0} day(s) overdue</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_dashboard.py" line="475" />
        <source>逾期及临近期限事项（{0}）</source>
        <translation>Overdue and due soon ({0})</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_dashboard.py" line="488" />
        <source>双击打开事项</source>
        <translation>Double-click to open the item</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_dashboard.py" line="521" />
        <source>逾期（全部未办结）</source>
        <translation>Overdue (all open items)</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_dashboard.py" line="327" />
        <source>统计期间（按交办时间）</source>
        <translation>Period (by assignment date)</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_dashboard.py" line="330" />
        <location filename="../../ui/supervision_page.py" line="493" />
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_dashboard.py" line="394" />
        <source>统计督办事项</source>
        <translation>Computing supervision statistics</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_dashboard.py" line="440" />
        <source>期间统计截至 {0}，逾期与临近期限截至 {1}（服务器时间）</source>
        <translation>Period figures as of {0}; overdue and due soon as of {1} (server time)</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_dashboard.py" line="443" />
        <source>截至 {0}（服务器时间）</source>
        <translation>As of {0} (server time)</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_dashboard.py" line="448" />
        <source>{0}
（{1}）</source>
        <translation>{0}
({1})</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_dashboard.py" line="453" />
        <source>合计</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_form.py" line="68" />
        <source>不定期</source>
        <translation>No fixed cycle</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_form.py" line="120" />
        <location filename="../../ui/supervision_form.py" line="69" />
        <source>每周</source>
        <translation>Weekly</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_form.py" line="120" />
        <location filename="../../ui/supervision_form.py" line="70" />
        <source>每月</source>
        <translation>Monthly</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_dashboard.py" line="99" />
        <location filename="../../ui/supervision_form.py" line="73" />
        <location filename="../../ui/supervision_page.py" line="262" />
        <location filename="../../ui/supervision_page.py" line="272" />
        <source>事项名称</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_form.py" line="73" />
        <location filename="../../ui/supervision_page.py" line="263" />
        <location filename="../../ui/supervision_view.py" line="392" />
        <source>督办来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="228" />
        <location filename="../../ui/supervision_form.py" line="74" />
        <location filename="../../ui/supervision_page.py" line="275" />
        <location filename="../../ui/supervision_view.py" line="393" />
        <source>紧急程度</source>
        <translation>Urgency</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_form.py" line="74" />
        <source>督办内容</source>
        <translation>What is to be done</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="249" />
        <location filename="../../ui/supervision_form.py" line="76" />
        <location filename="../../ui/supervision_view.py" line="395" />
        <source>配合单位</source>
        <translation>Co-units</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_dashboard.py" line="100" />
        <location filename="../../ui/supervision_form.py" line="77" />
        <location filename="../../ui/supervision_page.py" line="265" />
        <location filename="../../ui/supervision_view.py" line="214" />
        <location filename="../../ui/supervision_view.py" line="396" />
        <location filename="../../ui/supervision_view.py" line="435" />
        <source>办理时限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_form.py" line="77" />
        <location filename="../../ui/supervision_view.py" line="397" />
        <source>反馈周期</source>
        <translation>Reporting cycle</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_form.py" line="78" />
        <location filename="../../ui/supervision_view.py" line="403" />
        <source>阅知领导</source>
        <translation>Leaders kept informed</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_form.py" line="79" />
        <source>立项审批</source>
        <translation>Approval</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_form.py" line="80" />
        <location filename="../../ui/supervision_view.py" line="417" />
        <source>审批领导</source>
        <translation>Approving leader</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_form.py" line="81" />
        <source>来源记录</source>
        <translation>Source record</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_form.py" line="373" />
        <source>事项名称不能为空</source>
        <translation>The item needs a title</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_form.py" line="154" />
        <location filename="../../ui/supervision_page.py" line="792" />
        <source>修改督办事项</source>
        <translation>Edit supervision item</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_form.py" line="156" />
        <location filename="../../ui/supervision_page.py" line="783" />
        <source>分解督办事项</source>
        <translation>Split supervision item</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_form.py" line="158" />
        <location filename="../../ui/supervision_page.py" line="721" />
        <source>新建督办事项</source>
        <translation>New supervision item</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_form.py" line="180" />
        <source>读取通讯录</source>
        <translation>Loading the directory</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_form.py" line="196" />
        <source>如：推进全市数字政府建设</source>
        <translation>e.g. Advance the city's digital government</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_form.py" line="204" />
        <source>督办的具体内容和工作要求</source>
        <translation>What exactly is to be done, and the requirements</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_form.py" line="206" />
        <source>设定办理时限</source>
        <translation>Set a deadline</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_form.py" line="218" />
        <source> 天</source>
        <translation> days</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_form.py" line="222" />
        <source>立项须经领导审批</source>
        <translation>Opening needs a leader's approval</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_form.py" line="251" />
        <source>（请选择）</source>
        <translation>(choose)</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_form.py" line="261" />
        <source>督查单位任一领导</source>
        <translation>Any leader of the supervising unit</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_form.py" line="298" />
        <source>配合单位（可不选）</source>
        <translation>Co-units (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_form.py" line="299" />
        <source>阅知领导（可不选）</source>
        <translation>Leaders kept informed (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_form.py" line="338" />
        <source>分解自：{0}（时限 {1}）</source>
        <translation>Split from: {0} (deadline {1})</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_form.py" line="341" />
        <source>来源记录：{0}</source>
        <translation>Source record: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="93" />
        <source>待立项</source>
        <translation>To open</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="94" />
        <source>待审批立项</source>
        <translation>To approve</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="95" />
        <source>待交办</source>
        <translation>To assign</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="96" />
        <source>待签收</source>
        <translation>To receive</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="97" />
        <location filename="../../ui/supervision_view.py" line="136" />
        <source>已逾期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="98" />
        <location filename="../../ui/supervision_view.py" line="137" />
        <source>进度反馈逾期</source>
        <translation>Report overdue</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="99" />
        <source>办结申请被退回</source>
        <translation>Completion request returned</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="100" />
        <source>办理中，按期反馈</source>
        <translation>In progress, report on time</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="101" />
        <source>配合办理</source>
        <translation>Assisting</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="102" />
        <source>待审批延期</source>
        <translation>Extension to decide</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="103" />
        <source>待审核办结</source>
        <translation>Completion to review</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_view.py" line="149" />
        <source>{0}（单位）</source>
        <translation>{0} (unit)</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_view.py" line="162" />
        <location filename="../../ui/meeting_view.py" line="177" />
        <source>（未定）</source>
        <translation>(not set)</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_view.py" line="167" />
        <location filename="../../ui/meeting_view.py" line="181" />
        <source>（未预订）</source>
        <translation>(not booked)</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_view.py" line="189" />
        <location filename="../../ui/meeting_view.py" line="212" />
        <location filename="../../ui/meeting_view.py" line="352" />
        <source>未回执</source>
        <translation>No reply</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_view.py" line="191" />
        <source>请假：{0}</source>
        <translation>On leave: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_view.py" line="191" />
        <location filename="../../ui/meeting_view.py" line="388" />
        <source>请假</source>
        <translation>Leave</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_view.py" line="193" />
        <source>委派{0}参加</source>
        <translation>Sends {0}</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_view.py" line="195" />
        <source>参加：{0}</source>
        <translation>Attending: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_view.py" line="196" />
        <source>参加</source>
        <translation>Attend</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_view.py" line="206" />
        <source>主持</source>
        <translation>Chairs</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_view.py" line="206" />
        <source>记录</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_view.py" line="210" />
        <source>代为参会</source>
        <translation>Deputy</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_view.py" line="223" />
        <source>，共{0}次</source>
        <translation>, {0} sittings in all</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_view.py" line="303" />
        <source>；下一次：{0}</source>
        <translation>; next: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_form.py" line="116" />
        <location filename="../../ui/meeting_view.py" line="305" />
        <source>会议类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_view.py" line="306" />
        <source>地点</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_view.py" line="307" />
        <source>主办单位</source>
        <translation>Organiser</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_form.py" line="118" />
        <location filename="../../ui/meeting_view.py" line="308" />
        <source>主持人</source>
        <translation>Chair</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_form.py" line="118" />
        <location filename="../../ui/meeting_view.py" line="309" />
        <source>记录人</source>
        <translation>Minutes by</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_view.py" line="310" />
        <location filename="../../ui/meeting_view.py" line="344" />
        <source>参会</source>
        <translation>Attendees</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_view.py" line="311" />
        <location filename="../../ui/meeting_view.py" line="344" />
        <location filename="../../ui/meeting_view.py" line="389" />
        <source>列席</source>
        <translation>Observers</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_view.py" line="313" />
        <location filename="../../ui/meeting_view.py" line="366" />
        <source>签到码</source>
        <translation>Sign-in code</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_view.py" line="331" />
        <source>（汇报单位：{0}）</source>
        <translation> (reporting: {0})</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_view.py" line="361" />
        <source>代{0}</source>
        <translation>for {0}</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_view.py" line="366" />
        <source>会务人员登记</source>
        <translation>Entered by the meeting staff</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_view.py" line="388" />
        <source>出席</source>
        <translation>Present</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_view.py" line="389" />
        <source>缺席</source>
        <translation>Absent</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_view.py" line="414" />
        <source>（待服务器核对签到码）</source>
        <translation>(the server will check the sign-in code)</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_view.py" line="469" />
        <source>我的会议</source>
        <translation>My meetings</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_view.py" line="501" />
        <location filename="../../ui/supervision_page.py" line="216" />
        <source>预览：{0}</source>
        <translation>Preview: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_view.py" line="1449" />
        <source>提醒：{0}</source>
        <translation>Reminder: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="225" />
        <location filename="../../ui/supervision_page.py" line="882" />
        <source>督办通报</source>
        <translation>Supervision report</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="225" />
        <source>请选择通报的期间（按交办时间统计）。</source>
        <translation>Choose the report's period (by assignment date).</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="230" />
        <source>标题（可不填，默认按期间生成）</source>
        <translation>Title (optional; made from the period when empty)</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="231" />
        <source>起始日期</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="232" />
        <source>截止日期</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../../ui/proofread_dialog.py" line="34" />
        <location filename="../../ui/supervision_page.py" line="233" />
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="242" />
        <source>截止日期不能早于起始日期</source>
        <translation>The last day cannot be before the first</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="261" />
        <location filename="../../ui/supervision_page.py" line="270" />
        <location filename="../../ui/supervision_view.py" line="389" />
        <location filename="../../ui/supervision_view.py" line="435" />
        <source>状态灯</source>
        <translation>Light</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="266" />
        <location filename="../../ui/supervision_view.py" line="391" />
        <source>办理状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="267" />
        <location filename="../../ui/supervision_view.py" line="436" />
        <location filename="../../ui/supervision_view.py" line="482" />
        <source>进度</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="271" />
        <source>待办事由</source>
        <translation>Why</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="274" />
        <source>期限</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="447" />
        <location filename="../../ui/supervision_page.py" line="507" />
        <source>全部单位</source>
        <translation>All units</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="448" />
        <source>仅牵头</source>
        <translation>Lead only</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="449" />
        <source>只列出该单位牵头的事项，不含配合的</source>
        <translation>Only items this unit leads, not those it assists</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="451" />
        <source>全部来源</source>
        <translation>All sources</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="455" />
        <source>全部状态</source>
        <translation>Any status</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="459" />
        <source>全部灯色</source>
        <translation>All lights</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="462" />
        <source>时限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="471" />
        <source>搜索事项名称</source>
        <translation>Search item titles</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="604" />
        <source>督办操作</source>
        <translation>Supervision actions</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="607" />
        <source>我的督办</source>
        <translation>My supervision</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="607" />
        <source>全部事项</source>
        <translation>All items</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="608" />
        <location filename="../../ui/supervision_page.py" line="682" />
        <source>统计分析</source>
        <translation>Statistics</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="617" />
        <source>新建督办</source>
        <translation>New item</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="619" />
        <source>台账导出</source>
        <translation>Export ledger</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="623" />
        <source>Excel台账（XLSX）…</source>
        <translation>Ledger (XLSX)…</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="624" />
        <source>台账PDF…</source>
        <translation>Ledger (PDF)…</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="626" />
        <source>导出“全部事项”当前筛选出的事项</source>
        <translation>Export the items “All items” shows with its filters</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="628" />
        <source>督办通报…</source>
        <translation>Supervision report…</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="629" />
        <location filename="../../ui/supervision_page.py" line="894" />
        <location filename="../../ui/supervision_page.py" line="895" />
        <location filename="../../ui/supervision_view.py" line="946" />
        <source>督办单</source>
        <translation>Assignment sheet</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="631" />
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="680" />
        <source>我的督办（{0}）</source>
        <translation>My supervision ({0})</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="688" />
        <source>全部事项（共{0}项，按期限显示前{1}项，可用筛选缩小范围）</source>
        <translation>All items ({0} in all; the first {1} by deadline are shown — filter to narrow)</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="690" />
        <source>全部事项（{0}）</source>
        <translation>All items ({0})</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="701" />
        <location filename="../../ui/supervision_view.py" line="987" />
        <source>读取督办事项</source>
        <translation>Loading supervision items</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="705" />
        <source>读取我的督办</source>
        <translation>Loading my supervision</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="722" />
        <source>只有督查人员可以新建督办事项</source>
        <translation>Only supervisors may create supervision items</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="832" />
        <location filename="../../ui/supervision_page.py" line="837" />
        <source>导出台账</source>
        <translation>Export ledger</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="833" />
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_view.py" line="1540" />
        <location filename="../../ui/supervision_page.py" line="846" />
        <source>未能导出：</source>
        <translation>Could not export: </translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="848" />
        <source>已导出{0}项到 {1}</source>
        <translation>Exported {0} item(s) to {1}</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="862" />
        <source>督办台账</source>
        <translation>Supervision ledger</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="862" />
        <source>台账</source>
        <translation>Ledger</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="880" />
        <source>督办通报（{0}至{1}）</source>
        <translation>Supervision report ({0} to {1})</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="891" />
        <source>请先在列表中选择一项督办事项</source>
        <translation>Select a supervision item in the list first</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="895" />
        <source>督办单：{0}</source>
        <translation>Assignment sheet: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_view.py" line="94" />
        <source>修改</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_view.py" line="95" />
        <source>立项</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_view.py" line="96" />
        <source>批准立项</source>
        <translation>Approve opening</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_view.py" line="97" />
        <source>退回</source>
        <translation>Return</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_view.py" line="98" />
        <source>交办</source>
        <translation>Assign</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_view.py" line="99" />
        <location filename="../../ui/supervision_view.py" line="421" />
        <source>签收</source>
        <translation>Receive</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_view.py" line="100" />
        <location filename="../../ui/supervision_view.py" line="913" />
        <location filename="../../ui/supervision_view.py" line="1042" />
        <source>进度反馈</source>
        <translation>Progress report</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_view.py" line="101" />
        <location filename="../../ui/supervision_view.py" line="914" />
        <location filename="../../ui/supervision_view.py" line="1043" />
        <source>催办</source>
        <translation>Urge</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_view.py" line="102" />
        <source>延期申请</source>
        <translation>Request extension</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_view.py" line="103" />
        <source>同意延期</source>
        <translation>Grant extension</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_view.py" line="104" />
        <source>不同意延期</source>
        <translation>Refuse extension</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_view.py" line="105" />
        <source>办结申请</source>
        <translation>Request completion</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_view.py" line="106" />
        <source>办结销号</source>
        <translation>Complete and close</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_view.py" line="314" />
        <location filename="../../ui/supervision_view.py" line="107" />
        <source>创建</source>
        <translation>Create</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_view.py" line="109" />
        <source>退回交办</source>
        <translation>Return assignment</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_view.py" line="112" />
        <source>草稿</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_view.py" line="113" />
        <source>待领导审批</source>
        <translation>Awaiting approval</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_view.py" line="114" />
        <source>已立项</source>
        <translation>Opened</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_view.py" line="115" />
        <source>已交办</source>
        <translation>Assigned</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="392" />
        <location filename="../../ui/supervision_view.py" line="116" />
        <source>已签收</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_view.py" line="117" />
        <source>办理中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_view.py" line="118" />
        <source>待审核</source>
        <translation>Awaiting review</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="399" />
        <location filename="../../ui/supervision_view.py" line="119" />
        <source>已退回</source>
        <translation>Returned</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_view.py" line="124" />
        <source>绿灯</source>
        <translation>Green</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_view.py" line="125" />
        <source>黄灯</source>
        <translation>Yellow</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_view.py" line="126" />
        <source>红灯</source>
        <translation>Red</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_view.py" line="131" />
        <source>正常推进</source>
        <translation>On track</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_view.py" line="132" />
        <source>未设办理时限</source>
        <translation>No deadline</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_view.py" line="133" />
        <source>已申请办结，待审核</source>
        <translation>Completion requested, awaiting review</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_view.py" line="134" />
        <source>临近办理时限</source>
        <translation>Deadline near</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_view.py" line="135" />
        <source>临近进度反馈时间</source>
        <translation>Report due soon</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_view.py" line="138" />
        <source>逾期后申请办结</source>
        <translation>Completion requested after the deadline</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_view.py" line="140" />
        <source>逾期办结</source>
        <translation>Completed late</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_view.py" line="144" />
        <source>待审批</source>
        <translation>Pending</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="398" />
        <location filename="../../ui/supervision_view.py" line="145" />
        <source>已同意</source>
        <translation>Agreed</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_view.py" line="146" />
        <source>不同意</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_view.py" line="147" />
        <source>已撤回（申请办结）</source>
        <translation>Withdrawn (completion requested)</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_view.py" line="213" />
        <source>反馈时间</source>
        <translation>report due</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="154" />
        <location filename="../../ui/document_view.py" line="381" />
        <location filename="../../ui/meeting_view.py" line="254" />
        <location filename="../../ui/supervision_view.py" line="316" />
        <source>新建</source>
        <translation>Create</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_view.py" line="400" />
        <source>下次反馈</source>
        <translation>Next report due</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_view.py" line="401" />
        <location filename="../../ui/supervision_view.py" line="733" />
        <source>完成进度</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_view.py" line="405" />
        <source>督查单位</source>
        <translation>Supervising unit</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_view.py" line="407" />
        <source>立项人</source>
        <translation>Created by</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_view.py" line="416" />
        <source>督查单位领导</source>
        <translation>A leader of the supervising unit</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_view.py" line="419" />
        <source>交办时间</source>
        <translation>Assigned</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_view.py" line="424" />
        <source>办结时间</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_view.py" line="426" />
        <source>上级事项</source>
        <translation>Parent item</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_view.py" line="427" />
        <source>事项编号</source>
        <translation>Item id</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_view.py" line="435" />
        <source>分解事项</source>
        <translation>Sub-items</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_dashboard.py" line="99" />
        <location filename="../../ui/supervision_view.py" line="435" />
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_view.py" line="305" />
        <location filename="../../ui/supervision_view.py" line="482" />
        <location filename="../../ui/supervision_view.py" line="524" />
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_view.py" line="482" />
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_view.py" line="482" />
        <source>反馈人</source>
        <translation>Reported by</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_view.py" line="482" />
        <location filename="../../ui/supervision_view.py" line="729" />
        <location filename="../../ui/supervision_view.py" line="734" />
        <source>进展情况</source>
        <translation>Progress made</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_view.py" line="488" />
        <source>（配合）</source>
        <translation> (co-unit)</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_view.py" line="509" />
        <source>审核：办结销号</source>
        <translation>Review: completed</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_view.py" line="510" />
        <source>审核：退回</source>
        <translation>Review: returned</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_view.py" line="524" />
        <source>催办人</source>
        <translation>Urged by</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_view.py" line="524" />
        <source>方式</source>
        <translation>How</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_view.py" line="524" />
        <location filename="../../ui/supervision_view.py" line="821" />
        <source>催办内容</source>
        <translation>Urging</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_view.py" line="527" />
        <source>人工催办</source>
        <translation>By hand</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_view.py" line="527" />
        <source>自动催办</source>
        <translation>Automatic</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_view.py" line="546" />
        <source>办理时限 {0} → 申请延期至 {1}</source>
        <translation>Deadline {0} → asked for {1}</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_view.py" line="549" />
        <source>理由：{0}</source>
        <translation>Reason: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_view.py" line="552" />
        <source>{0} 于 {1} 审批</source>
        <translation>Decided by {0} at {1}</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_view.py" line="555" />
        <source>，延期至 {0}</source>
        <translation>, extended to {0}</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_view.py" line="566" />
        <source>完成进度 {0}%</source>
        <translation>Progress {0}%</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_view.py" line="568" />
        <source>办理时限延至 {0}</source>
        <translation>Deadline extended to {0}</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_view.py" line="572" />
        <source>申请延期至 {0}</source>
        <translation>Extension asked to {0}</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="315" />
        <location filename="../../ui/supervision_view.py" line="576" />
        <source>修改了：</source>
        <translation>Changed: </translation>
    </message>
    <message>
        <location filename="../../ui/supervision_view.py" line="578" />
        <source>由上级事项分解</source>
        <translation>Split from its parent item</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="382" />
        <location filename="../../ui/supervision_view.py" line="604" />
        <source>您的“{0}”操作未被服务器接受：{1}</source>
        <translation>The server did not accept your “{0}”: {1}</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_view.py" line="608" />
        <source>您当时填写的内容：{0}</source>
        <translation>What you wrote: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_view.py" line="658" />
        <source>添加附件…</source>
        <translation>Add attachment…</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_view.py" line="659" />
        <source>移除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_view.py" line="678" />
        <location filename="../../ui/supervision_view.py" line="685" />
        <source>添加附件</source>
        <translation>Add attachment</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_view.py" line="718" />
        <source>请写明办理结果，可附佐证材料；督查人员审核后办结销号。</source>
        <translation>Describe the result, with supporting files if any; a supervisor reviews and closes it.</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_view.py" line="720" />
        <source>请填写完成进度和进展情况，可附相关材料。</source>
        <translation>Give the progress and what was done, with files if any.</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_view.py" line="729" />
        <location filename="../../ui/supervision_view.py" line="734" />
        <source>办理结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_view.py" line="735" />
        <source>附件</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_view.py" line="740" />
        <source>附件仍在添加，请稍候</source>
        <translation>Attachments are still being added; please wait</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_view.py" line="742" />
        <source>请填写办理结果</source>
        <translation>Please describe the result</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_view.py" line="743" />
        <source>请填写进展情况</source>
        <translation>Please describe the progress</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_view.py" line="761" />
        <source>现办理时限为 {0}。请选择申请延期至的日期并写明理由。</source>
        <translation>The deadline is {0}. Choose the date asked for and give the reason.</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_view.py" line="764" />
        <source>申请延期至 {0}。可同意更短的期限，但须晚于现办理时限 {1}。</source>
        <translation>Extension asked to {0}. You may grant less, but later than the current deadline {1}.</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_view.py" line="778" />
        <location filename="../../ui/supervision_view.py" line="780" />
        <source>延期理由</source>
        <translation>Reason for the extension</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_view.py" line="778" />
        <source>审批意见（可不填）</source>
        <translation>Opinion (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_view.py" line="779" />
        <source>延期至</source>
        <translation>Extend to</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_view.py" line="780" />
        <source>审批意见</source>
        <translation>Opinion</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_view.py" line="791" />
        <source>申请延期时必须填写理由</source>
        <translation>An extension request needs a reason</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_view.py" line="793" />
        <source>延期后的时限必须晚于现在的办理时限</source>
        <translation>The new deadline must be after the current one</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_view.py" line="810" />
        <source>退回立项申请，请写明理由。</source>
        <translation>Return the request to open; give the reason.</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_view.py" line="811" />
        <source>交办给本单位有误？请写明理由，督查人员修改后重新交办。</source>
        <translation>Assigned to the wrong unit? Give the reason; the supervisor corrects and assigns again.</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_view.py" line="812" />
        <source>退回办结申请，请写明理由；牵头单位继续办理后再申请。</source>
        <translation>Return the completion request with the reason; the lead unit continues and asks again.</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_view.py" line="813" />
        <source>退回理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_view.py" line="814" />
        <source>退回时必须填写退回理由</source>
        <translation>A return needs a reason</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_view.py" line="816" />
        <source>不同意延期，办理时限不变。请写明理由。</source>
        <translation>Refuse the extension; the deadline stays. Give the reason.</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_view.py" line="817" />
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_view.py" line="817" />
        <source>不同意延期时必须填写理由</source>
        <translation>Refusing an extension needs a reason</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_view.py" line="820" />
        <source>催办通知将发给牵头单位。</source>
        <translation>The urging goes to the lead unit.</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_view.py" line="821" />
        <source>请抓紧办理《{0}》</source>
        <translation>Please speed up “{0}”</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_view.py" line="824" />
        <source>立项后即可交办；如需领导审批，将先送审批。</source>
        <translation>Once opened it can be assigned; if approval is needed it goes to the leader first.</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_view.py" line="825" />
        <source>批准立项后，督查人员即可交办。</source>
        <translation>Once approved, the supervisor can assign it.</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_view.py" line="826" />
        <source>交办后，牵头单位和配合单位将收到通知，反馈周期开始计算。</source>
        <translation>The lead and co-units are notified and the reporting cycle starts.</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_view.py" line="827" />
        <source>签收后开始办理，请按反馈周期报送进展。</source>
        <translation>Receive it and start; report progress on the reporting cycle.</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_view.py" line="828" />
        <source>审核通过，办结销号。</source>
        <translation>Accept the completion and close the item.</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_view.py" line="830" />
        <source>意见（可不填）</source>
        <translation>Opinion (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_view.py" line="851" />
        <source>知道了</source>
        <translation>Dismiss</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_view.py" line="895" />
        <source>在列表中选择一项督办事项，即可在此查看和办理</source>
        <translation>Select a supervision item in the list to view and handle it</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_view.py" line="913" />
        <location filename="../../ui/supervision_view.py" line="1042" />
        <source>事项</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_view.py" line="914" />
        <location filename="../../ui/supervision_view.py" line="1043" />
        <source>延期</source>
        <translation>Extensions</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_view.py" line="915" />
        <location filename="../../ui/supervision_view.py" line="1044" />
        <source>办理过程</source>
        <translation>Route</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_view.py" line="941" />
        <source>更多</source>
        <translation>More</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_view.py" line="947" />
        <source>预览、打印或另存督办单PDF</source>
        <translation>Preview, print or save the assignment sheet as PDF</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_view.py" line="950" />
        <source>您当前不需要办理此事项</source>
        <translation>Nothing for you to do on this item now</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_view.py" line="1020" />
        <source>督办事项不存在，或您已无权查看</source>
        <translation>The item does not exist or you may no longer see it</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_view.py" line="1029" />
        <source>牵头：{0}</source>
        <translation>Lead: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_view.py" line="1030" />
        <source>时限：{0}</source>
        <translation>Due: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_view.py" line="1031" />
        <source>进度 {0}%</source>
        <translation>Progress {0}%</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_view.py" line="183" />
        <location filename="../../ui/room_grid.py" line="341" />
        <location filename="../../ui/supervision_view.py" line="1040" />
        <source>（待审批）</source>
        <translation> (pending)</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_view.py" line="1054" />
        <source>按服务器时间 {0} 计算</source>
        <translation>Computed at server time {0}</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_view.py" line="1062" />
        <source>等待服务器确认：{0}</source>
        <translation>Waiting for the server: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_view.py" line="1063" />
        <source>这些操作已在本机生效，服务器确认后才算数；如被拒绝，会在此说明原因</source>
        <translation>These actions took effect here and count once the server confirms them; if refused, the reason is shown here</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_view.py" line="1093" />
        <source>分解（新建子事项）…</source>
        <translation>Split (new sub-item)…</translation>
    </message>
    <message>
        <location filename="../../ui/batch_dialog.py" line="68" />
        <source>您当前不能办理此文件</source>
        <translation>You cannot handle this document now</translation>
    </message>
    <message>
        <location filename="../../ui/batch_dialog.py" line="71" />
        <source>需单独办理（要指定承办单位）</source>
        <translation>Handle it alone (a lead unit must be chosen)</translation>
    </message>
    <message>
        <location filename="../../ui/batch_dialog.py" line="173" />
        <source>已办理</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../ui/batch_dialog.py" line="176" />
        <location filename="../../ui/supervision_view.py" line="1186" />
        <source>未能办理：{0}</source>
        <translation>Not done: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/batch_dialog.py" line="177" />
        <source>已办理{0}份，未能办理{1}份。</source>
        <translation>{0} done, {1} refused.</translation>
    </message>
    <message>
        <location filename="../../ui/batch_dialog.py" line="178" />
        <source>已完成</source>
        <translation>Finished</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_view.py" line="1193" />
        <source>关闭提示</source>
        <translation>Close notice</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_view.py" line="1212" />
        <source>打开附件</source>
        <translation>Open attachment</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_view.py" line="1218" />
        <source>“{0}”未下载：联网同步后即可打开</source>
        <translation>“{0}” is not downloaded yet: sync online to open it</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_view.py" line="1220" />
        <source>没有可以打开“{0}”的程序</source>
        <translation>No program can open “{0}”</translation>
    </message>
    <message>
        <location filename="../../ui/attachments.py" line="107" />
        <location filename="../../ui/attachments.py" line="125" />
        <source>无法读取“{0}”：{1}</source>
        <translation>Cannot read “{0}”: {1}</translation>
    </message>
    <message>
        <location filename="../../ui/attachments.py" line="109" />
        <source>“{0}”不是文件</source>
        <translation>“{0}” is not a file</translation>
    </message>
    <message>
        <location filename="../../ui/attachments.py" line="111" />
        <source>“{0}”有{1}，超过了200 MB的附件上限</source>
        <translation>“{0}” is {1}, over the 200 MB attachment limit</translation>
    </message>
    <message>
        <location filename="../../ui/attachments.py" line="146" />
        <source>文件不存在，或您已无权查看该文件</source>
        <translation>The document does not exist or you may no longer see it</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_form.py" line="116" />
        <source>会议名称</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_form.py" line="117" />
        <source>开始时间</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_form.py" line="117" />
        <source>结束时间</source>
        <translation>End</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_form.py" line="119" />
        <source>会议说明</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_form.py" line="119" />
        <source>不重复</source>
        <translation>Does not repeat</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_form.py" line="120" />
        <source>每天</source>
        <translation>Daily</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_form.py" line="188" />
        <source>主持人{0}</source>
        <translation>Chair {0}</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_form.py" line="1073" />
        <source>修改会议</source>
        <translation>Edit meeting</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_form.py" line="1066" />
        <source>草稿已保存，可预订会议室并发送通知</source>
        <translation>Draft saved: book a room and send the notice</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_form.py" line="1085" />
        <source>变更已保存，已向参会人员发出会议变更通知</source>
        <translation>Change saved; a change notice has gone to the attendees</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_form.py" line="1087" />
        <source>；时间或会议室已变，请重新预订会议室</source>
        <translation>; the time or room changed, book the room again</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_form.py" line="1138" />
        <source>已提交预订，等待会议室审批</source>
        <translation>Booking sent, waiting for the room's approval</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_form.py" line="1138" />
        <source>会议室已预订</source>
        <translation>Room booked</translation>
    </message>
    <message>
        <location filename="../../ui/room_grid.py" line="63" />
        <source>{0}人</source>
        <translation>{0} seats</translation>
    </message>
    <message>
        <location filename="../../ui/room_grid.py" line="66" />
        <source>·需审批</source>
        <translation> · needs approval</translation>
    </message>
    <message>
        <location filename="../../ui/room_grid.py" line="335" />
        <source>{0} {1} 空闲，点击在此新建会议</source>
        <translation>{0} {1} free: click to create a meeting here</translation>
    </message>
    <message>
        <location filename="../../ui/room_grid.py" line="339" />
        <source>预订人：{0}</source>
        <translation>Booked by: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/room_grid.py" line="376" />
        <source>日</source>
        <translation>Day</translation>
    </message>
    <message>
        <location filename="../../ui/room_grid.py" line="376" />
        <source>周</source>
        <translation>Week</translation>
    </message>
    <message>
        <location filename="../../ui/meetings_page.py" line="120" />
        <source>（周期性会议，全部场次）</source>
        <translation>(recurring meeting, every occurrence)</translation>
    </message>
    <message>
        <location filename="../../ui/meetings_page.py" line="122" />
        <source>日历文件通知取消以下会议。确定后将取消，并通知已收到会议通知的人员：
{0}
请写明取消理由：</source>
        <translation>The calendar file cancels these meetings. OK cancels them and tells everyone who received the notice:
{0}
Reason for cancelling:</translation>
    </message>
    <message>
        <location filename="../../ui/batch_dialog.py" line="183" />
        <location filename="../../ui/feedback.py" line="67" />
        <source>（待上传）</source>
        <translation> (waiting to upload)</translation>
    </message>
    <message>
        <location filename="../../ui/feedback.py" line="72" />
        <source>已办理“{0}”：{1}</source>
        <translation>Done: {0} — {1}</translation>
    </message>
    <message>
        <location filename="../../ui/proofread_dialog.py" line="34" />
        <source>正文</source>
        <translation>Body</translation>
    </message>
    <message>
        <location filename="../../ui/proofread_dialog.py" line="81" />
        <source>校对意见：</source>
        <translation>Proofreading notes:</translation>
    </message>
    <message>
        <location filename="../../ui/proofread_dialog.py" line="84" />
        <source>，建议改为“{0}”</source>
        <translation>, suggest “{0}”</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="259" />
        <source>需要连接服务器才能修改密码，请联网后再试</source>
        <translation>Changing the password needs the server; try again when online</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="265" />
        <source>密码已修改；您在其他电脑上的登录已失效</source>
        <translation>Password changed; your logins on other computers have ended</translation>
    </message>
    <message>
        <location filename="../../ui/home_page.py" line="146" />
        <source>公文待办  {0}</source>
        <translation>Documents to do  {0}</translation>
    </message>
    <message>
        <location filename="../../ui/home_page.py" line="148" />
        <source>会议  今明两天{0}个，待回执{1}个</source>
        <translation>Meetings  {0} today and tomorrow, {1} to reply to</translation>
    </message>
    <message>
        <location filename="../../ui/home_page.py" line="150" />
        <source>督办待办  {0}（逾期{1}）</source>
        <translation>Supervision to do  {0} ({1} overdue)</translation>
    </message>
    <message>
        <location filename="../../ui/home_page.py" line="154" />
        <source>今天</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../ui/home_page.py" line="154" />
        <source>明天</source>
        <translation>Tomorrow</translation>
    </message>
    <message>
        <location filename="../../ui/home_page.py" line="157" />
        <source>今明两天没有会议</source>
        <translation>No meetings today or tomorrow</translation>
    </message>
    <message>
        <location filename="../../ui/home_page.py" line="164" />
        <source>没有逾期或即将到期的事项</source>
        <translation>Nothing overdue or due soon</translation>
    </message>
    <message>
        <location filename="../../ui/home_page.py" line="168" />
        <source>还没有公文</source>
        <translation>No documents yet</translation>
    </message>
</context>
<context>
    <name>AdvancedFilters</name>
    <message>
        <location filename="../../ui/advanced_search.py" line="33" />
        <source>拟稿日期</source>
        <translation>Drafted</translation>
    </message>
    <message>
        <location filename="../../ui/advanced_search.py" line="42" />
        <source>全部环节</source>
        <translation>Any step</translation>
    </message>
    <message>
        <location filename="../../ui/advanced_search.py" line="50" />
        <source>清除</source>
        <translation>Clear</translation>
    </message>
    <message>
        <location filename="../../ui/advanced_search.py" line="56" />
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../ui/advanced_search.py" line="68" />
        <source>全部单位</source>
        <translation>All units</translation>
    </message>
    <message>
        <location filename="../../ui/advanced_search.py" line="70" />
        <source>全部拟稿人</source>
        <translation>Any drafter</translation>
    </message>
</context>
<context>
    <name>AgendaEditor</name>
    <message>
        <location filename="../../ui/meeting_form.py" line="399" />
        <source>议题</source>
        <translation>Agenda item</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_form.py" line="399" />
        <source>汇报单位</source>
        <translation>Reporting unit</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_form.py" line="400" />
        <source>材料</source>
        <translation>Materials</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_form.py" line="415" />
        <source>添加议题</source>
        <translation>Add item</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_form.py" line="416" />
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_form.py" line="417" />
        <source>上移</source>
        <translation>Move up</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_form.py" line="418" />
        <source>下移</source>
        <translation>Move down</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_form.py" line="419" />
        <source>添加材料…</source>
        <translation>Add materials…</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_form.py" line="420" />
        <source>清除材料</source>
        <translation>Clear materials</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_form.py" line="438" />
        <source>（不指定）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_form.py" line="463" />
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_form.py" line="515" />
        <source>请先选择一个议题</source>
        <translation>Choose an agenda item first</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_form.py" line="517" />
        <location filename="../../ui/meeting_form.py" line="526" />
        <source>添加议题材料</source>
        <translation>Add agenda materials</translation>
    </message>
</context>
<context>
    <name>ArchiveDialog</name>
    <message>
        <location filename="../../ui/action_dialogs.py" line="556" />
        <source>归档</source>
        <translation>Archive</translation>
    </message>
    <message>
        <location filename="../../ui/action_dialogs.py" line="556" />
        <source>请选择归档年度和保管期限，件号由服务器分配。</source>
        <translation>Choose the archive year and retention; the server assigns the item number.</translation>
    </message>
    <message>
        <location filename="../../ui/action_dialogs.py" line="559" />
        <source>（请选择）</source>
        <translation>(choose)</translation>
    </message>
    <message>
        <location filename="../../ui/action_dialogs.py" line="565" />
        <source>保管期限</source>
        <translation>Retention</translation>
    </message>
    <message>
        <location filename="../../ui/action_dialogs.py" line="566" />
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../ui/action_dialogs.py" line="570" />
        <source>请选择保管期限</source>
        <translation>Please choose a retention period</translation>
    </message>
</context>
<context>
    <name>AttachmentsPanel</name>
    <message>
        <location filename="../../ui/attachments.py" line="209" />
        <source>添加附件…</source>
        <translation>Add attachment…</translation>
    </message>
    <message>
        <location filename="../../ui/attachments.py" line="210" />
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../ui/attachments.py" line="211" />
        <source>移除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../ui/attachments.py" line="214" />
        <source>可将文件拖放到本窗格添加附件（单个不超过200 MB）</source>
        <translation>Drop files here to attach them (200 MB each at most)</translation>
    </message>
    <message>
        <location filename="../../ui/attachments.py" line="282" />
        <location filename="../../ui/attachments.py" line="294" />
        <source>添加附件</source>
        <translation>Add attachment</translation>
    </message>
    <message>
        <location filename="../../ui/attachments.py" line="291" />
        <source>当前环节不能修改附件</source>
        <translation>Attachments cannot change at this step</translation>
    </message>
    <message>
        <location filename="../../ui/attachments.py" line="293" />
        <source>正在添加附件…</source>
        <translation>Adding attachments…</translation>
    </message>
    <message>
        <location filename="../../ui/attachments.py" line="304" />
        <source>已添加{0}个附件，联网后自动上传</source>
        <translation>{0} attachment(s) added; uploaded when online</translation>
    </message>
    <message>
        <location filename="../../ui/attachments.py" line="327" />
        <source>打开附件</source>
        <translation>Open attachment</translation>
    </message>
    <message>
        <location filename="../../ui/attachments.py" line="331" />
        <source>“{0}”只有名称，没有电子文件</source>
        <translation>“{0}” has a name but no file</translation>
    </message>
    <message>
        <location filename="../../ui/attachments.py" line="336" />
        <source>“{0}”未下载：联网同步后即可打开</source>
        <translation>“{0}” is not downloaded yet: sync online to open it</translation>
    </message>
    <message>
        <location filename="../../ui/attachments.py" line="340" />
        <source>没有可以打开“{0}”的程序</source>
        <translation>No program can open “{0}”</translation>
    </message>
    <message>
        <location filename="../../ui/attachments.py" line="348" />
        <source>移除附件</source>
        <translation>Remove attachment</translation>
    </message>
    <message>
        <location filename="../../ui/attachments.py" line="355" />
        <source>已移除“{0}”</source>
        <translation>Removed “{0}”</translation>
    </message>
</context>
<context>
    <name>AttendeeTree</name>
    <message>
        <location filename="../../ui/meeting_form.py" line="293" />
        <source>筛选单位或人员</source>
        <translation>Filter units or people</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_form.py" line="316" />
        <source>已选{0}：{1}</source>
        <translation>{0} chosen: {1}</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_form.py" line="317" />
        <source>尚未选择</source>
        <translation>Nobody chosen yet</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_form.py" line="327" />
        <source>{0}（整个单位）</source>
        <translation>{0} (whole unit)</translation>
    </message>
</context>
<context>
    <name>BatchApproveDialog</name>
    <message>
        <location filename="../../ui/batch_dialog.py" line="89" />
        <location filename="../../ui/batch_dialog.py" line="155" />
        <source>批量办理</source>
        <translation>Handle several</translation>
    </message>
    <message>
        <location filename="../../ui/batch_dialog.py" line="90" />
        <source>正在读取所选文件…</source>
        <translation>Reading the selection…</translation>
    </message>
    <message>
        <location filename="../../ui/batch_dialog.py" line="93" />
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../ui/batch_dialog.py" line="93" />
        <location filename="../../ui/batch_dialog.py" line="107" />
        <source>办理</source>
        <translation>Handle</translation>
    </message>
    <message>
        <location filename="../../ui/batch_dialog.py" line="94" />
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../ui/batch_dialog.py" line="101" />
        <source>意见（每份文件都记入这条意见）</source>
        <translation>Opinion (recorded on every document)</translation>
    </message>
    <message>
        <location filename="../../ui/batch_dialog.py" line="104" />
        <source>常用意见</source>
        <translation>Common phrases</translation>
    </message>
    <message>
        <location filename="../../ui/batch_dialog.py" line="112" />
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/batch_dialog.py" line="122" />
        <source>读取所选文件</source>
        <translation>Reading the selection</translation>
    </message>
    <message>
        <location filename="../../ui/batch_dialog.py" line="142" />
        <source>共选中{0}份，可一并办理{1}份；每份文件单独判定、单独记入办理过程。</source>
        <translation>{0} selected, {1} can be handled together; each is decided and recorded on its own.</translation>
    </message>
    <message>
        <location filename="../../ui/batch_dialog.py" line="144" />
        <source>办理（{0}份）</source>
        <translation>Handle ({0})</translation>
    </message>
</context>
<context>
    <name>CheckInDialog</name>
    <message>
        <location filename="../../ui/meeting_view.py" line="697" />
        <source>签到</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_view.py" line="698" />
        <source>请勾选已到会的人员（参会、列席、代为参会均可）。</source>
        <translation>Tick the people who have arrived (attendees, observers or deputies).</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_view.py" line="705" />
        <source>请选择人员</source>
        <translation>Please choose people</translation>
    </message>
</context>
<context>
    <name>CodeDialog</name>
    <message>
        <location filename="../../ui/meeting_view.py" line="720" />
        <source>签到</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_view.py" line="720" />
        <source>请输入会场公布的签到码。</source>
        <translation>Enter the sign-in code announced in the room.</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_view.py" line="723" />
        <source>签到码</source>
        <translation>Sign-in code</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_view.py" line="727" />
        <source>请输入签到码</source>
        <translation>Please enter the sign-in code</translation>
    </message>
</context>
<context>
    <name>ComposeDialog</name>
    <message>
        <location filename="../../ui/compose.py" line="147" />
        <source>修改发文</source>
        <translation>Edit outgoing document</translation>
    </message>
    <message>
        <location filename="../../ui/compose.py" line="147" />
        <source>新建发文</source>
        <translation>New outgoing document</translation>
    </message>
    <message>
        <location filename="../../ui/compose.py" line="156" />
        <source>关于……的通知</source>
        <translation>Notice on …</translation>
    </message>
    <message>
        <location filename="../../ui/compose.py" line="158" />
        <source>正文；段落之间空一行</source>
        <translation>Body; a blank line between paragraphs</translation>
    </message>
    <message>
        <location filename="../../ui/compose.py" line="183" />
        <source>会签单位（可不选）</source>
        <translation>Countersigning units (optional)</translation>
    </message>
</context>
<context>
    <name>DelegationDialog</name>
    <message>
        <location filename="../../ui/delegation_dialog.py" line="80" />
        <source>委托授权</source>
        <translation>Delegations</translation>
    </message>
    <message>
        <location filename="../../ui/delegation_dialog.py" line="90" />
        <source>目前没有生效或待生效的委托。</source>
        <translation>No current or upcoming delegations.</translation>
    </message>
    <message>
        <location filename="../../ui/delegation_dialog.py" line="96" />
        <location filename="../../ui/delegation_dialog.py" line="263" />
        <source>添加委托</source>
        <translation>Add delegation</translation>
    </message>
    <message>
        <location filename="../../ui/delegation_dialog.py" line="104" />
        <source>委托期间，受托人可以代您办理公文，办理记录注明“代”；每次委托最长90天。</source>
        <translation>While a delegation lasts, the delegate may handle documents for you, recorded as “on behalf of”; a delegation lasts 90 days at most.</translation>
    </message>
    <message>
        <location filename="../../ui/delegation_dialog.py" line="108" />
        <location filename="../../ui/delegation_dialog.py" line="130" />
        <source>受托人</source>
        <translation>Delegate</translation>
    </message>
    <message>
        <location filename="../../ui/delegation_dialog.py" line="108" />
        <source>委托期间</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../ui/delegation_dialog.py" line="108" />
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../ui/delegation_dialog.py" line="127" />
        <source>新增委托</source>
        <translation>New delegation</translation>
    </message>
    <message>
        <location filename="../../ui/delegation_dialog.py" line="131" />
        <source>开始时间</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../ui/delegation_dialog.py" line="132" />
        <source>结束时间</source>
        <translation>End</translation>
    </message>
    <message>
        <location filename="../../ui/delegation_dialog.py" line="145" />
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/delegation_dialog.py" line="167" />
        <source>读取委托</source>
        <translation>Loading delegations</translation>
    </message>
    <message>
        <location filename="../../ui/delegation_dialog.py" line="197" />
        <source>（请选择）</source>
        <translation>(choose)</translation>
    </message>
    <message>
        <location filename="../../ui/delegation_dialog.py" line="209" />
        <source>{0} 至 {1}</source>
        <translation>{0} to {1}</translation>
    </message>
    <message>
        <location filename="../../ui/delegation_dialog.py" line="214" />
        <location filename="../../ui/delegation_dialog.py" line="286" />
        <location filename="../../ui/delegation_dialog.py" line="297" />
        <source>结束委托</source>
        <translation>End delegation</translation>
    </message>
    <message>
        <location filename="../../ui/delegation_dialog.py" line="224" />
        <source>结束待同步</source>
        <translation>Ending, not yet synced</translation>
    </message>
    <message>
        <location filename="../../ui/delegation_dialog.py" line="225" />
        <source>生效中</source>
        <translation>In force</translation>
    </message>
    <message>
        <location filename="../../ui/delegation_dialog.py" line="225" />
        <source>未开始</source>
        <translation>Not started</translation>
    </message>
    <message>
        <location filename="../../ui/delegation_dialog.py" line="226" />
        <source>{0}（待同步）</source>
        <translation>{0} (not yet synced)</translation>
    </message>
    <message>
        <location filename="../../ui/delegation_dialog.py" line="254" />
        <source>请选择受托人</source>
        <translation>Please choose a delegate</translation>
    </message>
    <message>
        <location filename="../../ui/delegation_dialog.py" line="291" />
        <source>确定结束对{0}的委托吗？结束后其不能再代您办理。</source>
        <translation>End the delegation to {0}? They will no longer act for you.</translation>
    </message>
</context>
<context>
    <name>DirectoryView</name>
    <message>
        <location filename="../../ui/directory_view.py" line="17" />
        <source>搜索姓名、单位或电话</source>
        <translation>Search name, unit or phone</translation>
    </message>
    <message>
        <location filename="../../ui/directory_view.py" line="20" />
        <source>单位 / 姓名</source>
        <translation>Unit / name</translation>
    </message>
    <message>
        <location filename="../../ui/directory_view.py" line="20" />
        <source>职务</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../ui/directory_view.py" line="20" />
        <source>角色</source>
        <translation>Roles</translation>
    </message>
    <message>
        <location filename="../../ui/directory_view.py" line="21" />
        <source>电话</source>
        <translation>Phone</translation>
    </message>
</context>
<context>
    <name>DocumentView</name>
    <message>
        <location filename="../../ui/document_view.py" line="509" />
        <source>在列表中选择一份公文，即可在此查看和办理</source>
        <translation>Select a document in the list to view and handle it</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="526" />
        <source>公文</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="527" />
        <source>办理过程</source>
        <translation>Route</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="528" />
        <source>附件</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="559" />
        <source>更多</source>
        <translation>More</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="564" />
        <source>预览/打印</source>
        <translation>Preview/print</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="565" />
        <source>预览、打印或另存为PDF（Ctrl+P）</source>
        <translation>Preview, print or save as PDF (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="572" />
        <source>您当前不需要办理此文件</source>
        <translation>Nothing for you to do on this document now</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="620" />
        <source>读取文件</source>
        <translation>Loading the document</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="673" />
        <source>文件不存在，或您已无权查看该文件</source>
        <translation>The document does not exist or you may no longer see it</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="684" />
        <source>办理过程（{0}）</source>
        <translation>Route ({0})</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="685" />
        <source>附件（{0}）</source>
        <translation>Attachments ({0})</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="694" />
        <source>发文</source>
        <translation>Outgoing</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="694" />
        <source>收文</source>
        <translation>Incoming</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="697" />
        <source>待编号</source>
        <translation>Number pending</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="699" />
        <source>当前环节：{0}</source>
        <translation>Current step: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="707" />
        <source>等{0}项</source>
        <translation>and {0} more</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="709" />
        <source>等待服务器确认：{0}</source>
        <translation>Waiting for the server: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="710" />
        <source>这些操作已在本机生效，服务器确认后才算办结；如被拒绝，会在此说明原因并保留您的文字</source>
        <translation>These actions took effect here and count once the server confirms them; if refused, the reason is shown here and your text is kept</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="739" />
        <source>送交指定人员…</source>
        <translation>Send to a person…</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="744" />
        <source>导出归档包…</source>
        <translation>Export archive package…</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="747" />
        <source>立项督办…</source>
        <translation>Open a supervision item…</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="802" />
        <source>读取人员</source>
        <translation>Loading people</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="830" />
        <source>委托</source>
        <translation>Delegate</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="830" />
        <source>委托谁代为办理本环节？</source>
        <translation>Who should handle this step for you?</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="831" />
        <source>加签</source>
        <translation>Add signer</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="831" />
        <source>还需要谁在本环节办理？</source>
        <translation>Who else must act at this step?</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="832" />
        <source>传阅</source>
        <translation>Circulate</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="832" />
        <source>请选择传阅人员：</source>
        <translation>Choose who should read it:</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="845" />
        <source>送给下一环节的哪一位办理人？</source>
        <translation>Which person handles the next step?</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="858" />
        <source>已修改：{0}</source>
        <translation>Edited: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="904" />
        <source>未能办理：{0}</source>
        <translation>Not done: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="927" />
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="958" />
        <source>未能撤销：{0}</source>
        <translation>Could not undo: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="964" />
        <source>关闭提示</source>
        <translation>Close notice</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="978" />
        <source>导出归档包</source>
        <translation>Export archive package</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="979" />
        <source>归档包 (*.zip)</source>
        <translation>Archive packages (*.zip)</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="995" />
        <source>未能导出：</source>
        <translation>Could not export: </translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="999" />
        <source>已导出归档包：{0}</source>
        <translation>Archive package saved: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="1009" />
        <source>校对（{0}处）</source>
        <translation>Proofread ({0})</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="1010" />
        <source>标点、数字、发文字号和日期的写法问题，可一键修改</source>
        <translation>Punctuation, numbers, document numbers and dates written wrongly; fix with one click</translation>
    </message>
</context>
<context>
    <name>FeedbackBar</name>
    <message>
        <location filename="../../ui/feedback.py" line="81" />
        <source>操作结果</source>
        <translation>Action result</translation>
    </message>
    <message>
        <location filename="../../ui/feedback.py" line="86" />
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../ui/feedback.py" line="87" />
        <source>撤销刚才的操作（Ctrl+Z 或 Alt+Z）</source>
        <translation>Undo what you just did (Ctrl+Z or Alt+Z)</translation>
    </message>
    <message>
        <location filename="../../ui/feedback.py" line="92" />
        <location filename="../../ui/feedback.py" line="93" />
        <source>关闭提示</source>
        <translation>Close notice</translation>
    </message>
    <message>
        <location filename="../../ui/feedback.py" line="131" />
        <source>正在撤销…</source>
        <translation>Undoing…</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../ui/main_window.py" line="89" />
        <source>全部紧急程度</source>
        <translation>Any urgency</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="93" />
        <source>全部文种</source>
        <translation>Any type</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="97" />
        <source>全部状态</source>
        <translation>Any status</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="101" />
        <source>期限早于</source>
        <translation>Due before</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="107" />
        <source>搜索标题、文号、正文、意见（Ctrl+F）</source>
        <translation>Search titles, numbers, bodies, opinions (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="114" />
        <source>高级搜索</source>
        <translation>Advanced</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="116" />
        <source>按拟稿日期、单位、拟稿人和环节查找，可与搜索词同时使用</source>
        <translation>Find by drafting days, unit, drafter and step, with or without search words</translation>
    </message>
    <message>
        <location filename="../../ui/strings.py" line="20" />
        <source>办理中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location filename="../../ui/strings.py" line="21" />
        <source>已办结</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location filename="../../ui/strings.py" line="22" />
        <source>已归档</source>
        <translation>Archived</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <location filename="../../ui/home_page.py" line="91" />
        <source>工作台</source>
        <translation>Home</translation>
    </message>
    <message>
        <location filename="../../ui/home_page.py" line="114" />
        <source>今明两天的会议</source>
        <translation>Meetings today and tomorrow</translation>
    </message>
    <message>
        <location filename="../../ui/home_page.py" line="115" />
        <source>督办：逾期和即将到期</source>
        <translation>Supervision: overdue and due soon</translation>
    </message>
    <message>
        <location filename="../../ui/home_page.py" line="116" />
        <source>最近的公文</source>
        <translation>Recent documents</translation>
    </message>
    <message>
        <location filename="../../ui/home_page.py" line="134" />
        <source>读取工作台</source>
        <translation>Reading the home page</translation>
    </message>
</context>
<context>
    <name>InboxModel</name>
    <message>
        <location filename="../../ui/strings.py" line="25" />
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../ui/strings.py" line="26" />
        <source>文号</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../ui/strings.py" line="27" />
        <source>紧急</source>
        <translation>Urgency</translation>
    </message>
    <message>
        <location filename="../../ui/strings.py" line="28" />
        <source>当前环节</source>
        <translation>Step</translation>
    </message>
    <message>
        <location filename="../../ui/strings.py" line="29" />
        <source>办理期限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../ui/strings.py" line="30" />
        <source>更新时间</source>
        <translation>Updated</translation>
    </message>
</context>
<context>
    <name>InstructDialog</name>
    <message>
        <location filename="../../ui/action_dialogs.py" line="505" />
        <source>批办</source>
        <translation>Instruct</translation>
    </message>
    <message>
        <location filename="../../ui/action_dialogs.py" line="505" />
        <source>请指定牵头承办单位，可同时指定配合单位、办理期限和办结后传阅的人员。</source>
        <translation>Name the lead unit; optionally co-units, a deadline and who reads it afterwards.</translation>
    </message>
    <message>
        <location filename="../../ui/action_dialogs.py" line="509" />
        <source>（请选择）</source>
        <translation>(choose)</translation>
    </message>
    <message>
        <location filename="../../ui/action_dialogs.py" line="513" />
        <source>设定办理期限</source>
        <translation>Set a deadline</translation>
    </message>
    <message>
        <location filename="../../ui/action_dialogs.py" line="519" />
        <source>牵头单位</source>
        <translation>Lead unit</translation>
    </message>
    <message>
        <location filename="../../ui/action_dialogs.py" line="520" />
        <source>配合单位</source>
        <translation>Co-units</translation>
    </message>
    <message>
        <location filename="../../ui/action_dialogs.py" line="522" />
        <source>传阅人员</source>
        <translation>Readers</translation>
    </message>
    <message>
        <location filename="../../ui/action_dialogs.py" line="538" />
        <source>批办时必须指定牵头承办单位</source>
        <translation>An instruction must name the lead unit</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../ui/login.py" line="48" />
        <source>登录 协同办公</source>
        <translation>Log in to Office Collaboration</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="52" />
        <source>可选：政务外网CA证书文件（.pem/.crt）</source>
        <translation>Optional: the extranet CA certificate (.pem/.crt)</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="53" />
        <source>选择…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="59" />
        <source>可选：http://代理地址:端口</source>
        <translation>Optional: http://proxy:port</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="67" />
        <location filename="../../ui/login.py" line="108" />
        <source>服务器地址</source>
        <translation>Server</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="68" />
        <source>CA证书</source>
        <translation>CA certificate</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="69" />
        <source>代理</source>
        <translation>Proxy</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="70" />
        <location filename="../../ui/login.py" line="109" />
        <source>用户名</source>
        <translation>Username</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="71" />
        <location filename="../../ui/login.py" line="110" />
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="76" />
        <source>登录</source>
        <translation>Log in</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="79" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="83" />
        <source>本机没有可用的系统密钥环，登录状态无法保存，每次启动都需要输入密码。如需保持登录，请让管理员安装并启用 gnome-keyring 或 KWallet。</source>
        <translation>This computer has no system keyring, so the login cannot be kept and every start asks for the password. To stay logged in, ask your administrator to install and enable gnome-keyring or KWallet.</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="91" />
        <source>协同办公</source>
        <translation>Office Collaboration</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="94" />
        <source>公文流转 · 办会 · 督查督办</source>
        <translation>Documents · Meetings · Supervision</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="102" />
        <source>选择CA证书</source>
        <translation>Choose the CA certificate</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="103" />
        <source>证书 (*.pem *.crt *.cer);;所有文件 (*)</source>
        <translation>Certificates (*.pem *.crt *.cer);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="113" />
        <source>请填写：</source>
        <translation>Please fill in: </translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="116" />
        <source>正在登录…</source>
        <translation>Logging in…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="165" />
        <source>协同办公</source>
        <translation>Office Collaboration</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="212" />
        <source>此功能即将推出。</source>
        <translation>This is coming soon.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="233" />
        <source>当前登录</source>
        <translation>Logged in</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="243" />
        <source>即将推出</source>
        <translation>Coming soon</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="267" />
        <source>操作</source>
        <translation>Actions</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="272" />
        <source>委托授权…</source>
        <translation>Delegations…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="275" />
        <source>批量办理…</source>
        <translation>Handle several…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="276" />
        <source>选中多份文件（Ctrl或Shift加单击），用同一条意见一并办理</source>
        <translation>Select several documents (Ctrl- or Shift-click) and handle them with one opinion</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="277" />
        <source>设置…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="418" />
        <source>协同办公 — {0}</source>
        <translation>Office Collaboration — {0}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="421" />
        <source>当前登录：{0}</source>
        <translation>Logged in: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="426" />
        <source>受委托代为办理：{0}</source>
        <translation>Acting by delegation for: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="495" />
        <source>请先在列表中选中要办理的文件</source>
        <translation>Select the documents to handle in the list first</translation>
    </message>
    <message>
        <location filename="../../ui/strings.py" line="8" />
        <source>待办</source>
        <translation>To do</translation>
    </message>
    <message>
        <location filename="../../ui/strings.py" line="9" />
        <source>已办</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../ui/strings.py" line="10" />
        <source>我发起的</source>
        <translation>Started by me</translation>
    </message>
    <message>
        <location filename="../../ui/strings.py" line="11" />
        <source>发文</source>
        <translation>Outgoing</translation>
    </message>
    <message>
        <location filename="../../ui/strings.py" line="12" />
        <source>收文</source>
        <translation>Incoming</translation>
    </message>
    <message>
        <location filename="../../ui/strings.py" line="13" />
        <source>通讯录</source>
        <translation>Directory</translation>
    </message>
    <message>
        <location filename="../../ui/strings.py" line="14" />
        <source>会议</source>
        <translation>Meetings</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="373" />
        <location filename="../../ui/strings.py" line="15" />
        <source>督办</source>
        <translation>Supervision</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="270" />
        <location filename="../../ui/strings.py" line="16" />
        <source>新建发文</source>
        <translation>New outgoing document</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="271" />
        <location filename="../../ui/strings.py" line="17" />
        <source>登记收文</source>
        <translation>Register incoming</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="274" />
        <location filename="../../ui/strings.py" line="18" />
        <source>立即同步</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="279" />
        <location filename="../../ui/strings.py" line="19" />
        <source>退出登录</source>
        <translation>Log out</translation>
    </message>
</context>
<context>
    <name>MeetingCalendar</name>
    <message>
        <location filename="../../ui/meeting_calendar.py" line="407" />
        <source>今天</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_calendar.py" line="484" />
        <source>读取会议</source>
        <translation>Loading meetings</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_calendar.py" line="541" />
        <source>{0}的会议（{1}）</source>
        <translation>Meetings on {0} ({1})</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_calendar.py" line="551" />
        <source>这一天没有会议</source>
        <translation>No meetings on this day</translation>
    </message>
</context>
<context>
    <name>MeetingForm</name>
    <message>
        <location filename="../../ui/meeting_form.py" line="583" />
        <source>修改会议</source>
        <translation>Edit meeting</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_form.py" line="583" />
        <source>新建会议</source>
        <translation>New meeting</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_form.py" line="590" />
        <source>读取通讯录</source>
        <translation>Loading the directory</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_form.py" line="598" />
        <source>如：全市安全生产工作会议</source>
        <translation>e.g. City work-safety meeting</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_form.py" line="613" />
        <source> 次</source>
        <translation> times</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_form.py" line="614" />
        <source>会议室</source>
        <translation>Meeting room</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_form.py" line="615" />
        <source>外部地点</source>
        <translation>Elsewhere</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_form.py" line="622" />
        <source>会场不在本单位会议室时填写</source>
        <translation>Where, if not in one of our meeting rooms</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_form.py" line="624" />
        <source>会议要求、着装、材料报送等</source>
        <translation>Requirements, dress, materials to send, …</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_form.py" line="627" />
        <source>4至8位数字</source>
        <translation>4 to 8 digits</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_form.py" line="629" />
        <source>正在检查冲突…</source>
        <translation>Checking for conflicts…</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_form.py" line="637" />
        <source>选用此会议室</source>
        <translation>Use this room</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_form.py" line="641" />
        <source>从日历文件导入…</source>
        <translation>Import from a calendar file…</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_form.py" line="642" />
        <source>保存草稿</source>
        <translation>Save draft</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_form.py" line="643" />
        <location filename="../../ui/meeting_form.py" line="1126" />
        <source>预订会议室</source>
        <translation>Book room</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_form.py" line="644" />
        <location filename="../../ui/meeting_form.py" line="1144" />
        <source>发送会议通知</source>
        <translation>Send notice</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_form.py" line="645" />
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_form.py" line="677" />
        <location filename="../../ui/meeting_form.py" line="678" />
        <source>（不指定）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_form.py" line="683" />
        <source>参会人员</source>
        <translation>Attendees</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_form.py" line="684" />
        <source>列席人员</source>
        <translation>Observers</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_form.py" line="686" />
        <source>参会人员（{0}）</source>
        <translation>Attendees ({0})</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_form.py" line="686" />
        <source>列席人员（{0}）</source>
        <translation>Observers ({0})</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_form.py" line="729" />
        <source>重复</source>
        <translation>Repeat</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_form.py" line="732" />
        <source>会议地点</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_form.py" line="736" />
        <source>参会人员（可选整个单位，由单位回执参会人）</source>
        <translation>Attendees (a whole unit may be invited; it replies naming who comes)</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_form.py" line="737" />
        <source>议题（可附材料）</source>
        <translation>Agenda (with materials)</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_form.py" line="740" />
        <source>签到码（发通知时生效，可不填）</source>
        <translation>Sign-in code (set with the notice; optional)</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_form.py" line="759" />
        <source>冲突检查</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_form.py" line="763" />
        <source>该时段空闲的会议室：</source>
        <translation>Rooms free at that time:</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_form.py" line="852" />
        <source>自定义：{0}</source>
        <translation>Custom: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_form.py" line="958" />
        <source>检查会议冲突</source>
        <translation>Checking for conflicts</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_form.py" line="984" />
        <source>请先填写有效的开始和结束时间。</source>
        <translation>Enter a valid start and end first.</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_form.py" line="987" />
        <source>没有冲突</source>
        <translation>No conflicts</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_form.py" line="998" />
        <source>该时段没有空闲会议室</source>
        <translation>No room is free at that time</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_form.py" line="1005" />
        <source>会议室冲突</source>
        <translation>Room taken</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_form.py" line="1005" />
        <source>人员冲突</source>
        <translation>Person busy</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_form.py" line="1008" />
        <source>等共{0}处冲突</source>
        <translation>{0} conflicts in all</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_form.py" line="1054" />
        <source>保存会议</source>
        <translation>Saving the meeting</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_form.py" line="1162" />
        <source>导入日历文件</source>
        <translation>Import a calendar file</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_form.py" line="1163" />
        <source>日历文件 (*.ics)</source>
        <translation>Calendar files (*.ics)</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_form.py" line="1176" />
        <source>无法读取文件：{0}</source>
        <translation>Could not read the file: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_form.py" line="1183" />
        <source>该日历文件是取消会议或单独修改某一次会议的通知，不能用来填写会议；请在“会议”页点“导入日历文件…”办理</source>
        <translation>This calendar file cancels a meeting or changes one occurrence; it cannot fill the form. Use “Import calendar file…” on the Meetings page.</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_form.py" line="1188" />
        <source>已从日历文件导入，请核对后保存</source>
        <translation>Imported from the calendar file; check it, then save</translation>
    </message>
</context>
<context>
    <name>MeetingView</name>
    <message>
        <location filename="../../ui/meeting_view.py" line="1031" />
        <source>在列表、日历或会议室占用表中选择一个会议，即可在此查看和办理</source>
        <translation>Select a meeting in the list, the calendar or the room grid to see and handle it here</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_view.py" line="1060" />
        <source>您当前不需要办理此会议</source>
        <translation>Nothing for you to do on this meeting now</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_view.py" line="1081" />
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_view.py" line="1085" />
        <location filename="../../ui/meeting_view.py" line="1526" />
        <location filename="../../ui/meeting_view.py" line="1531" />
        <source>导出日历</source>
        <translation>Export to calendar</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_view.py" line="1086" />
        <source>导出本会议的 .ics 日历文件</source>
        <translation>Export this meeting as an .ics calendar file</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_view.py" line="1091" />
        <source>受邀</source>
        <translation>Invited</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_view.py" line="1091" />
        <source>类别</source>
        <translation>As</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_view.py" line="1091" />
        <location filename="../../ui/meeting_view.py" line="1098" />
        <source>回执</source>
        <translation>Reply</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_view.py" line="1092" />
        <source>回执人</source>
        <translation>Replied by</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_view.py" line="1092" />
        <location filename="../../ui/meeting_view.py" line="1094" />
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_view.py" line="1093" />
        <source>人员</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_view.py" line="1093" />
        <source>身份</source>
        <translation>For</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_view.py" line="1093" />
        <source>方式</source>
        <translation>How</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_view.py" line="1099" />
        <source>签到</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_view.py" line="1100" />
        <source>纪要</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_view.py" line="1095" />
        <source>详情</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_view.py" line="1101" />
        <source>记录</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_view.py" line="1181" />
        <source>读取会议</source>
        <translation>Loading meetings</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_view.py" line="1206" />
        <source>会议不存在，或您已无权查看该会议</source>
        <translation>The meeting does not exist or you may no longer see it</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_view.py" line="1230" />
        <source>回执（{0}/{1}）</source>
        <translation>Replies ({0}/{1})</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_view.py" line="1232" />
        <source>签到（{0}）</source>
        <translation>Sign-in ({0})</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_view.py" line="1239" />
        <source>等待服务器确认：{0}</source>
        <translation>Waiting for the server: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_view.py" line="1240" />
        <source>这些操作已在本机生效，联网同步后由服务器确认；如被拒绝，会在此说明原因</source>
        <translation>These actions took effect here and are confirmed by the server when synced; if refused, the reason is shown here</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_view.py" line="1247" />
        <source>未回执</source>
        <translation>No reply</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_view.py" line="1251" />
        <source>已回执{0}，其中参加{1}、请假{2}、委派{3}；未回执{4}</source>
        <translation>{0} replied: {1} attending, {2} on leave, {3} sending a deputy; {4} without reply</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_view.py" line="1263" />
        <source>已签到{0}人</source>
        <translation>{0} signed in</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_view.py" line="1265" />
        <source>；尚未签到：{0}</source>
        <translation>; not yet signed in: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_view.py" line="1274" />
        <source>服务器未接受：{0}</source>
        <translation>Refused by the server: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_view.py" line="1279" />
        <source>选择空闲会议室…</source>
        <translation>Choose a free room…</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_view.py" line="1282" />
        <source>知道了</source>
        <translation>Dismiss</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_view.py" line="1299" />
        <source>改订会议室…</source>
        <translation>Change room…</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_view.py" line="1306" />
        <source>某次会议（签到、纪要）…</source>
        <translation>One sitting (sign-in, minutes)…</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_view.py" line="1307" />
        <source>周期性会议按次签到和记录纪要：生成或打开其中一次</source>
        <translation>A recurring meeting is signed in and minuted by sitting: make or open one</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_view.py" line="1346" />
        <source>不同意使用会议室</source>
        <translation>Refuse the room</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_view.py" line="1347" />
        <source>请写明不同意的理由：</source>
        <translation>Why is the room refused?</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_view.py" line="1347" />
        <source>不同意时必须填写理由</source>
        <translation>A refusal needs a reason</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_view.py" line="1350" />
        <source>取消会议</source>
        <translation>Cancel meeting</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_view.py" line="1351" />
        <source>取消后将通知已收到通知的人员。请写明取消理由：</source>
        <translation>Everyone notified will be told. Why is the meeting cancelled?</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_view.py" line="1352" />
        <source>取消会议必须填写理由</source>
        <translation>Cancelling needs a reason</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_view.py" line="1454" />
        <source>未能预订：{0}</source>
        <translation>Not booked: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_view.py" line="1457" />
        <source>未能办理：{0}</source>
        <translation>Not done: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_view.py" line="1465" />
        <source>关闭提示</source>
        <translation>Close notice</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_view.py" line="1489" />
        <source>生成某次会议</source>
        <translation>Making the sitting</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_view.py" line="1527" />
        <source>日历文件 (*.ics)</source>
        <translation>Calendar files (*.ics)</translation>
    </message>
</context>
<context>
    <name>MeetingsPage</name>
    <message>
        <location filename="../../ui/meetings_page.py" line="140" />
        <source>会议</source>
        <translation>Meetings</translation>
    </message>
    <message>
        <location filename="../../ui/meetings_page.py" line="142" />
        <source>新建会议</source>
        <translation>New meeting</translation>
    </message>
    <message>
        <location filename="../../ui/meetings_page.py" line="143" />
        <source>新建会议（会务秘书、办文人员）</source>
        <translation>New meeting (meeting secretaries and clerks)</translation>
    </message>
    <message>
        <location filename="../../ui/meetings_page.py" line="144" />
        <source>导入日历文件…</source>
        <translation>Import calendar file…</translation>
    </message>
    <message>
        <location filename="../../ui/meetings_page.py" line="145" />
        <source>导出我的会议…</source>
        <translation>Export my meetings…</translation>
    </message>
    <message>
        <location filename="../../ui/meetings_page.py" line="146" />
        <source>显示已结束和已取消的会议</source>
        <translation>Show past and cancelled meetings</translation>
    </message>
    <message>
        <location filename="../../ui/meetings_page.py" line="258" />
        <source>读取会议</source>
        <translation>Loading meetings</translation>
    </message>
    <message>
        <location filename="../../ui/meetings_page.py" line="290" />
        <source>未回执</source>
        <translation>No reply</translation>
    </message>
    <message>
        <location filename="../../ui/meetings_page.py" line="296" />
        <source>会议（{0}）</source>
        <translation>Meetings ({0})</translation>
    </message>
    <message>
        <location filename="../../ui/meetings_page.py" line="336" />
        <location filename="../../ui/meetings_page.py" line="358" />
        <source>导入日历文件</source>
        <translation>Import a calendar file</translation>
    </message>
    <message>
        <location filename="../../ui/meetings_page.py" line="338" />
        <location filename="../../ui/meetings_page.py" line="434" />
        <source>日历文件 (*.ics)</source>
        <translation>Calendar files (*.ics)</translation>
    </message>
    <message>
        <location filename="../../ui/meetings_page.py" line="350" />
        <source>无法读取文件：{0}</source>
        <translation>Could not read the file: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/meetings_page.py" line="382" />
        <source>按日历文件取消会议</source>
        <translation>Cancel meeting from calendar file</translation>
    </message>
    <message>
        <location filename="../../ui/meetings_page.py" line="384" />
        <source>取消会议必须填写理由</source>
        <translation>Cancelling needs a reason</translation>
    </message>
    <message>
        <location filename="../../ui/meetings_page.py" line="389" />
        <source>取消会议</source>
        <translation>Cancel meeting</translation>
    </message>
    <message>
        <location filename="../../ui/meetings_page.py" line="413" />
        <source>已按日历文件取消会议：{0}</source>
        <translation>Cancelled from the calendar file: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/meetings_page.py" line="416" />
        <source>未能取消：{0}</source>
        <translation>Not cancelled: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/meetings_page.py" line="432" />
        <source>我的会议</source>
        <translation>My meetings</translation>
    </message>
    <message>
        <location filename="../../ui/meetings_page.py" line="433" />
        <location filename="../../ui/meetings_page.py" line="438" />
        <source>导出我的会议</source>
        <translation>Export my meetings</translation>
    </message>
    <message>
        <location filename="../../ui/meetings_page.py" line="447" />
        <source>无法保存：{0}</source>
        <translation>Could not save: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/meetings_page.py" line="450" />
        <source>已导出到 {0}</source>
        <translation>Exported to {0}</translation>
    </message>
</context>
<context>
    <name>MinutesEditor</name>
    <message>
        <location filename="../../ui/meeting_view.py" line="827" />
        <source>纪要正文：会议议定的事项之外的内容，段落之间空一行</source>
        <translation>Minutes text (besides the decisions); a blank line between paragraphs</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_view.py" line="829" />
        <location filename="../../ui/meeting_view.py" line="859" />
        <source>议定事项</source>
        <translation>Decisions</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_view.py" line="829" />
        <source>牵头单位</source>
        <translation>Lead unit</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_view.py" line="830" />
        <source>完成时限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_view.py" line="830" />
        <source>督办</source>
        <translation>Supervision</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_view.py" line="840" />
        <source>添加议定事项</source>
        <translation>Add decision</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_view.py" line="841" />
        <source>删除议定事项</source>
        <translation>Delete decision</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_view.py" line="842" />
        <source>保存纪要</source>
        <translation>Save minutes</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_view.py" line="843" />
        <source>印发纪要</source>
        <translation>Publish minutes</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_view.py" line="882" />
        <source>纪要已于{0}印发</source>
        <translation>Minutes published {0}</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_view.py" line="885" />
        <source>纪要已保存（{0}），尚未印发</source>
        <translation>Minutes saved ({0}), not yet published</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_view.py" line="888" />
        <source>会议开始后，记录人或会务人员可记录纪要</source>
        <translation>Once the meeting starts, the recorder or the meeting staff may record the minutes</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_view.py" line="907" />
        <source>（不指定）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_view.py" line="916" />
        <source>未定</source>
        <translation>Not set</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_view.py" line="921" />
        <source>已立项</source>
        <translation>Opened</translation>
    </message>
</context>
<context>
    <name>NoticeDialog</name>
    <message>
        <location filename="../../ui/meeting_view.py" line="570" />
        <source>发送会议通知</source>
        <translation>Send notice</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_view.py" line="570" />
        <source>通知将发给全部参会、列席人员和单位。可设签到码，供参会人员自助签到。</source>
        <translation>The notice goes to every attendee, observer and unit. A sign-in code lets people sign themselves in.</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_view.py" line="573" />
        <source>4至8位数字，可不填</source>
        <translation>4 to 8 digits, optional</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_view.py" line="575" />
        <source>签到码</source>
        <translation>Sign-in code</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_view.py" line="581" />
        <source>签到码必须是4至8位数字</source>
        <translation>The sign-in code must be 4 to 8 digits</translation>
    </message>
</context>
<context>
    <name>Notifier</name>
    <message>
        <location filename="../../ui/tray.py" line="46" />
        <source>协同办公</source>
        <translation>Office Collaboration</translation>
    </message>
    <message>
        <location filename="../../ui/tray.py" line="76" />
        <source>新待办</source>
        <translation>New work</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/tray.py" line="76" />
        <source>您有 %n 件新的待办文件</source>
        <translation><numerusform>You have %n new document(s) to handle</numerusform><numerusform>You have %n new document(s) to handle</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/tray.py" line="82" />
        <source>催办</source>
        <translation>Urge</translation>
    </message>
    <message>
        <location filename="../../ui/tray.py" line="112" />
        <source>会议即将开始</source>
        <translation>Meeting starting soon</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/tray.py" line="112" />
        <source>%n 分钟后：</source>
        <translation><numerusform>In %n minute(s): </numerusform><numerusform>In %n minute(s): </numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/tray.py" line="135" />
        <source>会议通知</source>
        <translation>Meeting notice</translation>
    </message>
    <message>
        <location filename="../../ui/tray.py" line="140" />
        <source>请回执</source>
        <translation>Please reply</translation>
    </message>
    <message>
        <location filename="../../ui/tray.py" line="141" />
        <source>请回复是否参加《{0}》</source>
        <translation>Please reply whether you attend “{0}”</translation>
    </message>
    <message>
        <location filename="../../ui/tray.py" line="166" />
        <source>督办催办</source>
        <translation>Supervision urging</translation>
    </message>
    <message>
        <location filename="../../ui/tray.py" line="170" />
        <source>督办事项</source>
        <translation>Supervision item</translation>
    </message>
</context>
<context>
    <name>OpinionEditor</name>
    <message>
        <location filename="../../ui/opinion_editor.py" line="76" />
        <source>在此填写意见；输入的内容会自动保存为草稿</source>
        <translation>Write your opinion here; it is saved as a draft as you type</translation>
    </message>
    <message>
        <location filename="../../ui/opinion_editor.py" line="79" />
        <source>常用意见</source>
        <translation>Common phrases</translation>
    </message>
    <message>
        <location filename="../../ui/opinion_editor.py" line="97" />
        <source>意见</source>
        <translation>Opinion</translation>
    </message>
    <message>
        <location filename="../../ui/opinion_editor.py" line="142" />
        <source>读取意见草稿</source>
        <translation>Loading the draft</translation>
    </message>
    <message>
        <location filename="../../ui/opinion_editor.py" line="185" />
        <source>{0}/{1}字</source>
        <translation>{0}/{1} chars</translation>
    </message>
    <message>
        <location filename="../../ui/opinion_editor.py" line="186" />
        <source>正在输入…</source>
        <translation>Typing…</translation>
    </message>
    <message>
        <location filename="../../ui/opinion_editor.py" line="192" />
        <source>保存意见草稿</source>
        <translation>Saving the draft</translation>
    </message>
    <message>
        <location filename="../../ui/opinion_editor.py" line="216" />
        <source>草稿已保存 {0}</source>
        <translation>Draft saved {0}</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <location filename="../../ui/pdf_preview.py" line="131" />
        <source>预览</source>
        <translation>Preview</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_preview.py" line="134" />
        <source>正在生成PDF…</source>
        <translation>Rendering the PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_preview.py" line="136" />
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_preview.py" line="137" />
        <source>另存为PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_preview.py" line="151" />
        <source>生成PDF</source>
        <translation>Render PDF</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_preview.py" line="158" />
        <source>公文</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_preview.py" line="158" />
        <source>发文稿纸</source>
        <translation>Drafting sheet</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_preview.py" line="159" />
        <source>收文处理笺</source>
        <translation>Processing sheet</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_preview.py" line="164" />
        <source>预览：{0}</source>
        <translation>Preview: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_preview.py" line="196" />
        <source>另存为PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_preview.py" line="197" />
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_preview.py" line="213" />
        <source>无法保存：{0}</source>
        <translation>Could not save: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_preview.py" line="228" />
        <source>打印</source>
        <translation>Print</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <location filename="../../ui/action_dialogs.py" line="447" />
        <source>请选择人员</source>
        <translation>Please choose people</translation>
    </message>
</context>
<context>
    <name>PersonPicker</name>
    <message>
        <location filename="../../ui/action_dialogs.py" line="378" />
        <source>筛选人员</source>
        <translation>Filter people</translation>
    </message>
</context>
<context>
    <name>ProofreadDialog</name>
    <message>
        <location filename="../../ui/proofread_dialog.py" line="100" />
        <source>校对</source>
        <translation>Proofread</translation>
    </message>
    <message>
        <location filename="../../ui/proofread_dialog.py" line="105" />
        <source>位置</source>
        <translation>Where</translation>
    </message>
    <message>
        <location filename="../../ui/proofread_dialog.py" line="105" />
        <source>问题</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location filename="../../ui/proofread_dialog.py" line="105" />
        <source>建议</source>
        <translation>Suggestion</translation>
    </message>
    <message>
        <location filename="../../ui/proofread_dialog.py" line="114" />
        <source>{0}：{1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <location filename="../../ui/proofread_dialog.py" line="123" />
        <source>需人工修改</source>
        <translation>Needs a person</translation>
    </message>
    <message>
        <location filename="../../ui/proofread_dialog.py" line="131" />
        <source>发现{0}处可能的问题（依据标点、数字用法和公文格式国家标准）。</source>
        <translation>{0} possible problems found (by the national standards for punctuation, numbers and official document layout).</translation>
    </message>
    <message>
        <location filename="../../ui/proofread_dialog.py" line="137" />
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/proofread_dialog.py" line="139" />
        <source>修改所选</source>
        <translation>Fix selected</translation>
    </message>
    <message>
        <location filename="../../ui/proofread_dialog.py" line="140" />
        <source>按建议修改勾选的各处，作为一次“修改”记入办理过程</source>
        <translation>Fix the ticked places as suggested, recorded once as an edit in the route</translation>
    </message>
    <message>
        <location filename="../../ui/proofread_dialog.py" line="142" />
        <source>写入意见</source>
        <translation>Put into opinion</translation>
    </message>
    <message>
        <location filename="../../ui/proofread_dialog.py" line="143" />
        <source>把校对结果写入意见框，退回时一并说明</source>
        <translation>Put the findings into the opinion box, to return the document with them</translation>
    </message>
</context>
<context>
    <name>RegisterDialog</name>
    <message>
        <location filename="../../ui/compose.py" line="226" />
        <source>修改收文登记</source>
        <translation>Edit registration</translation>
    </message>
    <message>
        <location filename="../../ui/compose.py" line="226" />
        <source>收文登记</source>
        <translation>Register incoming document</translation>
    </message>
    <message>
        <location filename="../../ui/compose.py" line="236" />
        <source>如：萍教发〔2026〕8号</source>
        <translation>e.g. 萍教发〔2026〕8号</translation>
    </message>
    <message>
        <location filename="../../ui/compose.py" line="239" />
        <source>来文正文或内容摘要</source>
        <translation>Body or summary of the incoming document</translation>
    </message>
    <message>
        <location filename="../../ui/compose.py" line="248" />
        <source>来文字号</source>
        <translation>Sender's number</translation>
    </message>
    <message>
        <location filename="../../ui/compose.py" line="250" />
        <source>正文/摘要</source>
        <translation>Body/summary</translation>
    </message>
</context>
<context>
    <name>RejectionBanner</name>
    <message>
        <location filename="../../ui/document_view.py" line="464" />
        <source>重新使用这段文字</source>
        <translation>Reuse this text</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="465" />
        <source>知道了</source>
        <translation>Dismiss</translation>
    </message>
</context>
<context>
    <name>RejectionsDialog</name>
    <message>
        <location filename="../../ui/rejections.py" line="44" />
        <source>被服务器拒绝的操作</source>
        <translation>Actions the server refused</translation>
    </message>
    <message>
        <location filename="../../ui/rejections.py" line="51" />
        <source>打开文件</source>
        <translation>Open document</translation>
    </message>
    <message>
        <location filename="../../ui/rejections.py" line="52" />
        <source>知道了</source>
        <translation>Dismiss</translation>
    </message>
    <message>
        <location filename="../../ui/rejections.py" line="63" />
        <source>您当时输入的内容（已保留，可复制重用）：</source>
        <translation>What you typed (kept, copy it to reuse):</translation>
    </message>
    <message>
        <location filename="../../ui/rejections.py" line="80" />
        <source>没有被拒绝的操作。</source>
        <translation>No refused actions.</translation>
    </message>
    <message>
        <location filename="../../ui/rejections.py" line="91" />
        <source>原因：</source>
        <translation>Reason: </translation>
    </message>
</context>
<context>
    <name>ReplyDialog</name>
    <message>
        <location filename="../../ui/meeting_view.py" line="593" />
        <source>回执</source>
        <translation>Reply</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_view.py" line="593" />
        <source>请回复是否参加《{0}》（{1}）。</source>
        <translation>Please reply whether you attend “{0}” ({1}).</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_view.py" line="601" />
        <source>参加</source>
        <translation>Attend</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_view.py" line="602" />
        <source>请假</source>
        <translation>Leave</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_view.py" line="603" />
        <source>委派他人参加</source>
        <translation>Send a deputy</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_view.py" line="611" />
        <source>请假理由</source>
        <translation>Reason for leave</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_view.py" line="615" />
        <source>（请选择）</source>
        <translation>(choose)</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_view.py" line="622" />
        <source>为谁回执</source>
        <translation>Reply for</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_view.py" line="624" />
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_view.py" line="625" />
        <source>代为参会</source>
        <translation>Deputy</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_view.py" line="627" />
        <source>本单位参会人员</source>
        <translation>Who comes from the unit</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_view.py" line="671" />
        <source>请假必须填写理由</source>
        <translation>Leave needs a reason</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_view.py" line="673" />
        <source>请选择代为参会的人员</source>
        <translation>Please choose the deputy</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_view.py" line="676" />
        <source>请填写本单位的参会人员</source>
        <translation>Please name who comes from the unit</translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message>
        <location filename="../../ui/action_dialogs.py" line="460" />
        <source>退回</source>
        <translation>Return</translation>
    </message>
    <message>
        <location filename="../../ui/action_dialogs.py" line="460" />
        <source>退回到哪个环节？请写明退回理由。</source>
        <translation>Return to which step? Give the reason.</translation>
    </message>
    <message>
        <location filename="../../ui/action_dialogs.py" line="465" />
        <location filename="../../ui/action_dialogs.py" line="468" />
        <source>退回理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/action_dialogs.py" line="467" />
        <source>退回到</source>
        <translation>Return to</translation>
    </message>
    <message>
        <location filename="../../ui/action_dialogs.py" line="472" />
        <source>退回时必须填写退回理由</source>
        <translation>A return needs a reason</translation>
    </message>
</context>
<context>
    <name>RoomDialog</name>
    <message>
        <location filename="../../ui/meeting_view.py" line="544" />
        <source>预订会议室</source>
        <translation>Book room</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_view.py" line="544" />
        <source>请选择会议室。已被占用的会议室会被拒绝，并列出该时段空闲的会议室。</source>
        <translation>Choose a room. A room already taken is refused, with the rooms free at that time.</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_view.py" line="553" />
        <source>会议室</source>
        <translation>Meeting room</translation>
    </message>
</context>
<context>
    <name>RoomGrid</name>
    <message>
        <location filename="../../ui/room_grid.py" line="369" />
        <source>今天</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../ui/room_grid.py" line="370" />
        <source>&lt;span style='background:{0}'&gt;&amp;nbsp;已预订&amp;nbsp;&lt;/span&gt; &lt;span style='background:{1}'&gt;&amp;nbsp;待审批&amp;nbsp;&lt;/span&gt; 空白处可点击新建会议</source>
        <translation>&lt;span style='background:{0}'&gt;&amp;nbsp;Booked&amp;nbsp;&lt;/span&gt; &lt;span style='background:{1}'&gt;&amp;nbsp;Awaiting approval&amp;nbsp;&lt;/span&gt; Click a free slot for a new meeting</translation>
    </message>
    <message>
        <location filename="../../ui/room_grid.py" line="422" />
        <source>读取会议室占用情况</source>
        <translation>Loading room bookings</translation>
    </message>
</context>
<context>
    <name>RoomGridView</name>
    <message>
        <location filename="../../ui/room_grid.py" line="247" />
        <source>{0}人</source>
        <translation>{0} seats</translation>
    </message>
    <message>
        <location filename="../../ui/room_grid.py" line="248" />
        <source>需审批</source>
        <translation>Needs approval</translation>
    </message>
</context>
<context>
    <name>RoomOffer</name>
    <message>
        <location filename="../../ui/meeting_view.py" line="976" />
        <source>改订此会议室</source>
        <translation>Book this room instead</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_view.py" line="977" />
        <source>知道了</source>
        <translation>Dismiss</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_view.py" line="979" />
        <source>空闲会议室：</source>
        <translation>Free rooms:</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/settings_dialog.py" line="62" />
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="64" />
        <source>常规</source>
        <translation>General</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="65" />
        <source>常用意见</source>
        <translation>Common phrases</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="66" />
        <source>服务器</source>
        <translation>Server</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="67" />
        <location filename="../../ui/settings_dialog.py" line="165" />
        <location filename="../../ui/settings_dialog.py" line="252" />
        <source>修改密码</source>
        <translation>Change password</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="73" />
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="75" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="93" />
        <source>界面语言</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="94" />
        <source>更改语言在重新启动后生效</source>
        <translation>A new language applies after a restart</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="97" />
        <source> 磅</source>
        <translation> pt</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="100" />
        <source>字号</source>
        <translation>Font size</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="101" />
        <source>新待办、催办和会议通知在系统托盘提醒</source>
        <translation>Show new work, urgings and meeting notices in the system tray</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="103" />
        <source>提醒</source>
        <translation>Notices</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="112" />
        <source>输入一条常用意见，如“同意，请按程序办理。”</source>
        <translation>Type a common opinion, e.g. “Agreed; please proceed as usual.”</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="114" />
        <source>添加</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="116" />
        <source>删除所选</source>
        <translation>Remove selected</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="118" />
        <source>上移</source>
        <translation>Move up</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="118" />
        <source>下移</source>
        <translation>Move down</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="129" />
        <source>办理时点击即可填入意见框；双击一条可以修改</source>
        <translation>Click one while handling to put it in the opinion box; double-click to edit it</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="140" />
        <source>服务器地址</source>
        <translation>Server</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="142" />
        <source>可选：政务外网CA证书文件（.pem/.crt）</source>
        <translation>Optional: the extranet CA certificate (.pem/.crt)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="143" />
        <source>选择…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="148" />
        <source>CA证书文件</source>
        <translation>CA certificate file</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="150" />
        <source>留空则不用代理</source>
        <translation>Leave empty for no proxy</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="151" />
        <source>HTTP代理</source>
        <translation>HTTP proxy</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="152" />
        <source>服务器设置在下次登录时生效</source>
        <translation>Server settings apply at the next login</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="162" />
        <source>当前密码</source>
        <translation>Current password</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="163" />
        <source>新密码</source>
        <translation>New password</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="164" />
        <source>再次输入新密码</source>
        <translation>New password again</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="171" />
        <source>新密码至少8个字符，不能与用户名相同；修改后其他电脑上的登录将失效</source>
        <translation>At least 8 characters, not the username; your logins on other computers will end</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="217" />
        <source>选择CA证书文件</source>
        <translation>Choose the CA certificate file</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="218" />
        <source>证书 (*.pem *.crt *.cer)</source>
        <translation>Certificates (*.pem *.crt *.cer)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="242" />
        <source>请输入当前密码和新密码</source>
        <translation>Enter the current and the new password</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="245" />
        <source>两次输入的新密码不一致</source>
        <translation>The two new passwords differ</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="248" />
        <source>未连接服务器，无法修改密码</source>
        <translation>Not connected to a server; the password cannot be changed</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="251" />
        <source>正在修改…</source>
        <translation>Changing…</translation>
    </message>
</context>
<context>
    <name>SittingDialog</name>
    <message>
        <location filename="../../ui/meeting_view.py" line="760" />
        <source>某次会议</source>
        <translation>One sitting</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_view.py" line="760" />
        <source>周期性会议的签到和纪要按次进行。请选择哪一次：</source>
        <translation>A recurring meeting is signed in and minuted by sitting. Which one?</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_view.py" line="768" />
        <source>时间</source>
        <translation>Time</translation>
    </message>
</context>
<context>
    <name>SupervisionDialog</name>
    <message>
        <location filename="../../ui/meeting_view.py" line="739" />
        <source>立项督办</source>
        <translation>Open a supervision item</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_view.py" line="739" />
        <source>选择要立项督办的议定事项：</source>
        <translation>Choose the decision to supervise:</translation>
    </message>
</context>
<context>
    <name>SyncStatusWidget</name>
    <message numerus="yes">
        <location filename="../../ui/status.py" line="62" />
        <source>正在同步，已接收 %n 条记录</source>
        <translation><numerusform>Syncing, %n record(s) received</numerusform><numerusform>Syncing, %n record(s) received</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/status.py" line="71" />
        <source>待上传 %n 项</source>
        <translation><numerusform>%n waiting to upload</numerusform><numerusform>%n waiting to upload</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/status.py" line="72" />
        <source>无待上传</source>
        <translation>Nothing waiting</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/status.py" line="77" />
        <source>%n 项操作被服务器拒绝，点此查看</source>
        <translation><numerusform>%n action(s) refused by the server — click to see</numerusform><numerusform>%n action(s) refused by the server — click to see</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/strings.py" line="33" />
        <source>需要重新登录</source>
        <translation>Please log in again</translation>
    </message>
    <message>
        <location filename="../../ui/strings.py" line="34" />
        <source>正在同步…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <location filename="../../ui/strings.py" line="35" />
        <source>在线</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../../ui/strings.py" line="36" />
        <source>离线工作</source>
        <translation>Working offline</translation>
    </message>
    <message>
        <location filename="../../ui/strings.py" line="37" />
        <source>尚未同步</source>
        <translation>Not synced yet</translation>
    </message>
    <message>
        <location filename="../../ui/strings.py" line="38" />
        <source>刚刚同步</source>
        <translation>Synced just now</translation>
    </message>
</context>
<context>
    <name>UnitPicker</name>
    <message>
        <location filename="../../ui/action_dialogs.py" line="367" />
        <source>筛选单位</source>
        <translation>Filter units</translation>
    </message>
</context>
<context>
    <name>_DocumentForm</name>
    <message>
        <location filename="../../ui/compose.py" line="86" />
        <source>读取通讯录</source>
        <translation>Loading the directory</translation>
    </message>
</context>
<context>
    <name>values</name>
    <message>
        <location filename="../../ui/values.py" line="20" />
        <source>特急</source>
        <translation>Extra urgent</translation>
    </message>
    <message>
        <location filename="../../ui/values.py" line="20" />
        <source>加急</source>
        <translation>Urgent</translation>
    </message>
    <message>
        <location filename="../../ui/values.py" line="21" />
        <source>普通</source>
        <translation>Normal</translation>
    </message>
    <message>
        <location filename="../../ui/values.py" line="23" />
        <source>公开</source>
        <translation>Public</translation>
    </message>
    <message>
        <location filename="../../ui/values.py" line="23" />
        <source>内部</source>
        <translation>Internal</translation>
    </message>
    <message>
        <location filename="../../ui/values.py" line="25" />
        <source>决议</source>
        <translation>Resolution</translation>
    </message>
    <message>
        <location filename="../../ui/values.py" line="25" />
        <source>决定</source>
        <translation>Decision</translation>
    </message>
    <message>
        <location filename="../../ui/values.py" line="26" />
        <source>命令</source>
        <translation>Order</translation>
    </message>
    <message>
        <location filename="../../ui/values.py" line="26" />
        <source>公报</source>
        <translation>Communiqué</translation>
    </message>
    <message>
        <location filename="../../ui/values.py" line="27" />
        <source>公告</source>
        <translation>Announcement</translation>
    </message>
    <message>
        <location filename="../../ui/values.py" line="27" />
        <source>通告</source>
        <translation>Circular</translation>
    </message>
    <message>
        <location filename="../../ui/values.py" line="28" />
        <source>意见</source>
        <translation>Opinion</translation>
    </message>
    <message>
        <location filename="../../ui/values.py" line="28" />
        <source>通知</source>
        <translation>Notice</translation>
    </message>
    <message>
        <location filename="../../ui/values.py" line="29" />
        <source>通报</source>
        <translation>Bulletin</translation>
    </message>
    <message>
        <location filename="../../ui/values.py" line="29" />
        <source>报告</source>
        <translation>Report</translation>
    </message>
    <message>
        <location filename="../../ui/values.py" line="30" />
        <source>请示</source>
        <translation>Request</translation>
    </message>
    <message>
        <location filename="../../ui/values.py" line="30" />
        <source>批复</source>
        <translation>Reply</translation>
    </message>
    <message>
        <location filename="../../ui/values.py" line="31" />
        <source>议案</source>
        <translation>Motion</translation>
    </message>
    <message>
        <location filename="../../ui/values.py" line="31" />
        <source>函</source>
        <translation>Letter</translation>
    </message>
    <message>
        <location filename="../../ui/values.py" line="32" />
        <source>纪要</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <location filename="../../ui/values.py" line="34" />
        <source>拟稿</source>
        <translation>Drafting</translation>
    </message>
    <message>
        <location filename="../../ui/values.py" line="34" />
        <source>核稿</source>
        <translation>Review</translation>
    </message>
    <message>
        <location filename="../../ui/values.py" line="35" />
        <source>会签</source>
        <translation>Countersign</translation>
    </message>
    <message>
        <location filename="../../ui/values.py" line="35" />
        <source>签发</source>
        <translation>Signing</translation>
    </message>
    <message>
        <location filename="../../ui/values.py" line="36" />
        <source>编号</source>
        <translation>Numbering</translation>
    </message>
    <message>
        <location filename="../../ui/values.py" line="36" />
        <source>用印</source>
        <translation>Sealing</translation>
    </message>
    <message>
        <location filename="../../ui/values.py" line="37" />
        <source>印发</source>
        <translation>Issuing</translation>
    </message>
    <message>
        <location filename="../../ui/values.py" line="37" />
        <source>已印发</source>
        <translation>Issued</translation>
    </message>
    <message>
        <location filename="../../ui/values.py" line="38" />
        <source>已归档</source>
        <translation>Archived</translation>
    </message>
    <message>
        <location filename="../../ui/values.py" line="38" />
        <source>签收</source>
        <translation>Receiving</translation>
    </message>
    <message>
        <location filename="../../ui/values.py" line="39" />
        <source>登记</source>
        <translation>Registration</translation>
    </message>
    <message>
        <location filename="../../ui/values.py" line="39" />
        <source>拟办</source>
        <translation>Proposal</translation>
    </message>
    <message>
        <location filename="../../ui/values.py" line="40" />
        <source>批办</source>
        <translation>Instruction</translation>
    </message>
    <message>
        <location filename="../../ui/values.py" line="40" />
        <source>承办</source>
        <translation>Handling</translation>
    </message>
    <message>
        <location filename="../../ui/values.py" line="41" />
        <source>传阅</source>
        <translation>Circulation</translation>
    </message>
    <message>
        <location filename="../../ui/values.py" line="41" />
        <source>办结</source>
        <translation>Closing</translation>
    </message>
    <message>
        <location filename="../../ui/values.py" line="42" />
        <source>已办结</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../ui/values.py" line="44" />
        <source>待编号</source>
        <translation>Number pending</translation>
    </message>
    <message>
        <location filename="../../ui/values.py" line="44" />
        <source>（待同步）</source>
        <translation> (not yet synced)</translation>
    </message>
</context>
</TS>