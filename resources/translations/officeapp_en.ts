<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name />
    <message>
        <location filename="../../ui/supervision/supervision_dashboard.py" line="70" />
        <source>本月</source>
        <translation>This month</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_dashboard.py" line="71" />
        <source>上月</source>
        <translation>Last month</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_dashboard.py" line="72" />
        <source>本季度</source>
        <translation>This quarter</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_dashboard.py" line="73" />
        <source>本年度</source>
        <translation>This year</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_dashboard.py" line="74" />
        <location filename="../../ui/supervision/supervision_form.py" line="70" />
        <source>自定义</source>
        <translation>Custom</translation>
    </message>
    <message>
        <location filename="../../ui/documents/rendering.py" line="68" />
        <location filename="../../ui/documents/rendering.py" line="126" />
        <source>登记</source>
        <translation>Registered by</translation>
    </message>
    <message>
        <location filename="../../ui/documents/rendering.py" line="93" />
        <source>待编号</source>
        <translation>Number pending</translation>
    </message>
    <message>
        <location filename="../../ui/documents/rendering.py" line="94" />
        <source>（编号后生成）</source>
        <translation>(given when numbered)</translation>
    </message>
    <message>
        <location filename="../../ui/documents/rendering.py" line="103" />
        <location filename="../../ui/documents/rendering.py" line="225" />
        <location filename="../../ui/meetings/rendering.py" line="152" />
        <location filename="../../ui/meetings/rendering.py" line="189" />
        <source>（代{0}）</source>
        <translation> (for {0})</translation>
    </message>
    <message>
        <location filename="../../ui/common/strings.py" line="44" />
        <location filename="../../ui/documents/rendering.py" line="115" />
        <source>文种</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/common/strings.py" line="46" />
        <location filename="../../ui/documents/rendering.py" line="117" />
        <source>发文字号</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../ui/common/strings.py" line="52" />
        <location filename="../../ui/documents/rendering.py" line="119" />
        <source>来文单位</source>
        <translation>Sender</translation>
    </message>
    <message>
        <location filename="../../ui/documents/rendering.py" line="120" />
        <source>来文字号</source>
        <translation>Sender's number</translation>
    </message>
    <message>
        <location filename="../../ui/common/strings.py" line="52" />
        <location filename="../../ui/documents/rendering.py" line="121" />
        <source>收文编号</source>
        <translation>Receipt number</translation>
    </message>
    <message>
        <location filename="../../ui/common/strings.py" line="45" />
        <location filename="../../ui/documents/rendering.py" line="123" />
        <source>密级</source>
        <translation>Classification</translation>
    </message>
    <message>
        <location filename="../../ui/documents/rendering.py" line="124" />
        <source>主送</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../../ui/documents/rendering.py" line="125" />
        <source>抄送</source>
        <translation>Copy to</translation>
    </message>
    <message>
        <location filename="../../ui/documents/rendering.py" line="126" />
        <source>拟稿</source>
        <translation>Drafted by</translation>
    </message>
    <message>
        <location filename="../../ui/common/strings.py" line="53" />
        <location filename="../../ui/documents/rendering.py" line="127" />
        <source>办理期限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../ui/common/strings.py" line="48" />
        <location filename="../../ui/documents/rendering.py" line="135" />
        <source>会签单位</source>
        <translation>Countersigning units</translation>
    </message>
    <message>
        <location filename="../../ui/documents/rendering.py" line="137" />
        <source>签发人</source>
        <translation>Signed by</translation>
    </message>
    <message>
        <location filename="../../ui/common/strings.py" line="50" />
        <location filename="../../ui/documents/rendering.py" line="139" />
        <source>成文日期</source>
        <translation>Date written</translation>
    </message>
    <message>
        <location filename="../../ui/common/strings.py" line="54" />
        <location filename="../../ui/documents/rendering.py" line="141" />
        <location filename="../../ui/supervision/lists.py" line="96" />
        <location filename="../../ui/supervision/lists.py" line="105" />
        <location filename="../../ui/supervision/rendering.py" line="81" />
        <location filename="../../ui/supervision/rendering.py" line="122" />
        <location filename="../../ui/supervision/supervision_dashboard.py" line="88" />
        <location filename="../../ui/supervision/supervision_dashboard.py" line="99" />
        <location filename="../../ui/supervision/supervision_form.py" line="74" />
        <source>牵头单位</source>
        <translation>Lead unit</translation>
    </message>
    <message>
        <location filename="../../ui/documents/rendering.py" line="145" />
        <source>传阅人员</source>
        <translation>Readers</translation>
    </message>
    <message>
        <location filename="../../ui/documents/rendering.py" line="148" />
        <source>印发</source>
        <translation>Printed by</translation>
    </message>
    <message>
        <location filename="../../ui/common/strings.py" line="49" />
        <location filename="../../ui/documents/proofread_dialog.py" line="37" />
        <location filename="../../ui/documents/rendering.py" line="150" />
        <source>附注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/documents/rendering.py" line="152" />
        <source>待分配</source>
        <translation>Not yet assigned</translation>
    </message>
    <message>
        <location filename="../../ui/documents/rendering.py" line="153" />
        <source>归档</source>
        <translation>Archive</translation>
    </message>
    <message>
        <location filename="../../ui/documents/rendering.py" line="153" />
        <source>{0}年度，保管期限{1}，件号{2}</source>
        <translation>Year {0}, kept {1}, item {2}</translation>
    </message>
    <message>
        <location filename="../../ui/documents/rendering.py" line="184" />
        <source>（正文为空）</source>
        <translation>(no body)</translation>
    </message>
    <message>
        <location filename="../../ui/documents/rendering.py" line="211" />
        <source>正文 第{0}版</source>
        <translation>Body version {0}</translation>
    </message>
    <message>
        <location filename="../../ui/documents/rendering.py" line="215" />
        <source>{0}年度，保管期限{1}</source>
        <translation>Year {0}, kept {1}</translation>
    </message>
    <message>
        <location filename="../../ui/common/times.py" line="68" />
        <source>办理 {0}（本机记录），服务器接收 {1}</source>
        <translation>acted {0} (this computer's record), received {1}</translation>
    </message>
    <message>
        <location filename="../../ui/documents/rendering.py" line="244" />
        <source>当前环节：{0}</source>
        <translation>Current step: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/documents/rendering.py" line="246" />
        <source>待办理：{0}</source>
        <translation>Waiting: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/documents/rendering.py" line="248" />
        <source>已办理：{0}</source>
        <translation>Done: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/documents/rendering.py" line="266" />
        <source>传阅对象</source>
        <translation>Circulated to</translation>
    </message>
    <message>
        <location filename="../../ui/documents/rendering.py" line="266" />
        <source>送阅人</source>
        <translation>Sent by</translation>
    </message>
    <message>
        <location filename="../../ui/documents/rendering.py" line="266" />
        <source>送阅时间</source>
        <translation>Sent at</translation>
    </message>
    <message>
        <location filename="../../ui/documents/rendering.py" line="274" />
        <source>阅读情况</source>
        <translation>Read</translation>
    </message>
    <message>
        <location filename="../../ui/documents/rendering.py" line="261" />
        <source>知会对象</source>
        <translation>Notified</translation>
    </message>
    <message>
        <location filename="../../ui/documents/rendering.py" line="261" />
        <source>知会人</source>
        <translation>Sent by</translation>
    </message>
    <message>
        <location filename="../../ui/documents/rendering.py" line="261" />
        <source>知会时间</source>
        <translation>Sent at</translation>
    </message>
    <message>
        <location filename="../../ui/documents/rendering.py" line="277" />
        <source>已阅 {0}</source>
        <translation>Read {0}</translation>
    </message>
    <message>
        <location filename="../../ui/documents/rendering.py" line="277" />
        <source>未阅</source>
        <translation>Not read</translation>
    </message>
    <message>
        <location filename="../../ui/documents/rendering.py" line="261" />
        <source>知会情况</source>
        <translation>Notified for information</translation>
    </message>
    <message>
        <location filename="../../ui/documents/rendering.py" line="266" />
        <source>传阅情况</source>
        <translation>Circulation</translation>
    </message>
    <message>
        <location filename="../../ui/documents/rendering.py" line="302" />
        <source>已送核稿</source>
        <translation>Sent for review</translation>
    </message>
    <message>
        <location filename="../../ui/documents/rendering.py" line="302" />
        <source>核稿已通过</source>
        <translation>Review passed</translation>
    </message>
    <message>
        <location filename="../../ui/documents/rendering.py" line="303" />
        <source>已会签</source>
        <translation>Countersigned</translation>
    </message>
    <message>
        <location filename="../../ui/documents/rendering.py" line="303" />
        <source>已签发</source>
        <translation>Signed</translation>
    </message>
    <message>
        <location filename="../../ui/documents/rendering.py" line="304" />
        <source>已编号</source>
        <translation>Numbered</translation>
    </message>
    <message>
        <location filename="../../ui/documents/rendering.py" line="304" />
        <source>已用印</source>
        <translation>Sealed</translation>
    </message>
    <message>
        <location filename="../../ui/documents/rendering.py" line="305" />
        <source>已印发</source>
        <translation>Issued</translation>
    </message>
    <message>
        <location filename="../../ui/documents/rendering.py" line="306" />
        <source>已登记</source>
        <translation>Registered</translation>
    </message>
    <message>
        <location filename="../../ui/documents/rendering.py" line="306" />
        <source>已拟办</source>
        <translation>Proposal given</translation>
    </message>
    <message>
        <location filename="../../ui/documents/rendering.py" line="307" />
        <source>已批办</source>
        <translation>Instructed</translation>
    </message>
    <message>
        <location filename="../../ui/documents/rendering.py" line="307" />
        <source>已承办完毕</source>
        <translation>Handling finished</translation>
    </message>
    <message>
        <location filename="../../ui/documents/rendering.py" line="313" />
        <source>已撤回</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <location filename="../../ui/documents/rendering.py" line="314" />
        <source>已委托</source>
        <translation>Delegated</translation>
    </message>
    <message>
        <location filename="../../ui/documents/rendering.py" line="315" />
        <source>已加签</source>
        <translation>Signer added</translation>
    </message>
    <message>
        <location filename="../../ui/documents/rendering.py" line="316" />
        <source>已签收任务</source>
        <translation>Taken up</translation>
    </message>
    <message>
        <location filename="../../ui/documents/rendering.py" line="317" />
        <source>已传阅</source>
        <translation>Circulated</translation>
    </message>
    <message>
        <location filename="../../ui/documents/rendering.py" line="318" />
        <location filename="../../ui/documents/rendering.py" line="320" />
        <source>已阅</source>
        <translation>Read</translation>
    </message>
    <message>
        <location filename="../../ui/documents/rendering.py" line="319" />
        <source>已知会</source>
        <translation>Notified</translation>
    </message>
    <message>
        <location filename="../../ui/documents/rendering.py" line="321" />
        <source>已催办</source>
        <translation>Urged</translation>
    </message>
    <message>
        <location filename="../../ui/documents/rendering.py" line="322" />
        <source>已归档</source>
        <translation>Archived</translation>
    </message>
    <message>
        <location filename="../../ui/documents/rendering.py" line="323" />
        <source>已修改</source>
        <translation>Edited</translation>
    </message>
    <message>
        <location filename="../../ui/documents/rendering.py" line="347" />
        <source>，已回到您的待办</source>
        <translation>, back in your to-do list</translation>
    </message>
    <message>
        <location filename="../../ui/documents/rendering.py" line="349" />
        <source>，现由您办理</source>
        <translation>, now yours to handle</translation>
    </message>
    <message>
        <location filename="../../ui/documents/rendering.py" line="352" />
        <source>，仍待{0}办理</source>
        <translation>, still waiting for {0}</translation>
    </message>
    <message>
        <location filename="../../ui/documents/rendering.py" line="360" />
        <source>{0}：{1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_dashboard.py" line="91" />
        <source>事项数</source>
        <translation>Items</translation>
    </message>
    <message>
        <location filename="../../ui/documents/rendering.py" line="308" />
        <location filename="../../ui/supervision/supervision_dashboard.py" line="92" />
        <location filename="../../ui/supervision/supervision_dashboard.py" line="266" />
        <location filename="../../ui/supervision/supervision_dashboard.py" line="507" />
        <location filename="../../ui/supervision/texts.py" line="56" />
        <location filename="../../ui/supervision/texts.py" line="63" />
        <source>已办结</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_dashboard.py" line="93" />
        <location filename="../../ui/supervision/texts.py" line="75" />
        <source>按期办结</source>
        <translation>Completed on time</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_dashboard.py" line="94" />
        <location filename="../../ui/supervision/supervision_dashboard.py" line="267" />
        <location filename="../../ui/supervision/supervision_dashboard.py" line="514" />
        <source>办结率</source>
        <translation>Completion rate</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_dashboard.py" line="78" />
        <source>本月交办</source>
        <translation>Assigned this month</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_dashboard.py" line="79" />
        <source>上月交办</source>
        <translation>Assigned last month</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_dashboard.py" line="80" />
        <source>本季度交办</source>
        <translation>Assigned this quarter</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_dashboard.py" line="81" />
        <source>本年度交办</source>
        <translation>Assigned this year</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_dashboard.py" line="82" />
        <source>所选期间交办</source>
        <translation>Assigned in the period</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_dashboard.py" line="84" />
        <source>全部未办结</source>
        <translation>All open items</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_dashboard.py" line="89" />
        <location filename="../../ui/supervision/supervision_dashboard.py" line="263" />
        <source>逾期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_dashboard.py" line="90" />
        <location filename="../../ui/supervision/supervision_dashboard.py" line="264" />
        <location filename="../../ui/supervision/supervision_dashboard.py" line="457" />
        <source>临近期限</source>
        <translation>Due soon</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_dashboard.py" line="95" />
        <location filename="../../ui/supervision/supervision_dashboard.py" line="268" />
        <location filename="../../ui/supervision/supervision_dashboard.py" line="515" />
        <source>按期办结率</source>
        <translation>On-time rate</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_dashboard.py" line="96" />
        <location filename="../../ui/supervision/supervision_dashboard.py" line="269" />
        <source>平均办结天数</source>
        <translation>Average days to complete</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_dashboard.py" line="105" />
        <source>超过办理时限仍未办结的事项（含逾期后才申请办结的），不论何时交办，不受统计期间限制</source>
        <translation>Open items past their deadline (also those that asked to finish only after it), whenever they were assigned: the period does not limit them</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_dashboard.py" line="107" />
        <source>办理时限在{0}天内、尚未逾期、也未申请办结的事项，不论何时交办，不受统计期间限制</source>
        <translation>Open items due within {0} day(s), not yet overdue and not asked to finish, whenever they were assigned: the period does not limit them</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_dashboard.py" line="109" />
        <source>只统计所选期间内交办的事项（按交办时间）</source>
        <translation>Only the items assigned in the chosen period (by assignment date)</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_dashboard.py" line="265" />
        <source>交办事项</source>
        <translation>Items assigned</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_dashboard.py" line="270" />
        <source>各单位事项、办结与逾期</source>
        <translation>Items, completed and overdue per unit</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_dashboard.py" line="271" />
        <source>各单位办结率与按期办结率（%）</source>
        <translation>Completion and on-time rates per unit (%)</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_dashboard.py" line="275" />
        <source>所选期间没有交办的督办事项，目前也没有逾期或临近期限的事项</source>
        <translation>No supervision items were assigned in this period, and none is overdue or due soon</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_dashboard.py" line="302" />
        <source>各单位统计</source>
        <translation>By unit</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_dashboard.py" line="303" />
        <source>逾期及临近期限事项</source>
        <translation>Overdue and due soon</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_dashboard.py" line="304" />
        <source>图表</source>
        <translation>Charts</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_dashboard.py" line="456" />
        <source>逾期{0}天</source>
        <translation>{0} day(s) overdue</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_dashboard.py" line="462" />
        <source>逾期及临近期限事项（{0}）</source>
        <translation>Overdue and due soon ({0})</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_dashboard.py" line="475" />
        <source>双击打开事项</source>
        <translation>Double-click to open the item</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_dashboard.py" line="508" />
        <source>逾期（全部未办结）</source>
        <translation>Overdue (all open items)</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_dashboard.py" line="314" />
        <source>统计期间（按交办时间）</source>
        <translation>Period (by assignment date)</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/lists.py" line="330" />
        <location filename="../../ui/supervision/supervision_dashboard.py" line="317" />
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_dashboard.py" line="249" />
        <source>统计督办事项</source>
        <translation>Computing supervision statistics</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_dashboard.py" line="427" />
        <source>期间统计截至 {0}，逾期与临近期限截至 {1}（服务器时间）</source>
        <translation>Period figures as of {0}; overdue and due soon as of {1} (server time)</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_dashboard.py" line="430" />
        <source>截至 {0}（服务器时间）</source>
        <translation>As of {0} (server time)</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_dashboard.py" line="435" />
        <source>{0}
（{1}）</source>
        <translation>{0}
({1})</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_dashboard.py" line="440" />
        <source>合计</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_form.py" line="67" />
        <source>不定期</source>
        <translation>No fixed cycle</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/form_values.py" line="48" />
        <location filename="../../ui/supervision/supervision_form.py" line="68" />
        <source>每周</source>
        <translation>Weekly</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/form_values.py" line="48" />
        <location filename="../../ui/supervision/supervision_form.py" line="69" />
        <source>每月</source>
        <translation>Monthly</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/lists.py" line="94" />
        <location filename="../../ui/supervision/lists.py" line="104" />
        <location filename="../../ui/supervision/supervision_dashboard.py" line="98" />
        <location filename="../../ui/supervision/supervision_form.py" line="72" />
        <source>事项名称</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/lists.py" line="95" />
        <location filename="../../ui/supervision/rendering.py" line="79" />
        <location filename="../../ui/supervision/supervision_form.py" line="72" />
        <source>督办来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../ui/common/strings.py" line="45" />
        <location filename="../../ui/documents/rendering.py" line="122" />
        <location filename="../../ui/supervision/lists.py" line="107" />
        <location filename="../../ui/supervision/rendering.py" line="80" />
        <location filename="../../ui/supervision/supervision_form.py" line="73" />
        <source>紧急程度</source>
        <translation>Urgency</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/rendering.py" line="141" />
        <location filename="../../ui/supervision/supervision_form.py" line="73" />
        <source>督办内容</source>
        <translation>What is to be done</translation>
    </message>
    <message>
        <location filename="../../ui/common/strings.py" line="53" />
        <location filename="../../ui/documents/rendering.py" line="143" />
        <location filename="../../ui/supervision/rendering.py" line="82" />
        <location filename="../../ui/supervision/supervision_form.py" line="75" />
        <source>配合单位</source>
        <translation>Co-units</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/lists.py" line="97" />
        <location filename="../../ui/supervision/rendering.py" line="83" />
        <location filename="../../ui/supervision/rendering.py" line="122" />
        <location filename="../../ui/supervision/supervision_dashboard.py" line="99" />
        <location filename="../../ui/supervision/supervision_form.py" line="76" />
        <location filename="../../ui/supervision/texts.py" line="160" />
        <source>办理时限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/rendering.py" line="84" />
        <location filename="../../ui/supervision/supervision_form.py" line="76" />
        <source>反馈周期</source>
        <translation>Reporting cycle</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/rendering.py" line="90" />
        <location filename="../../ui/supervision/supervision_form.py" line="77" />
        <source>阅知领导</source>
        <translation>Leaders kept informed</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_form.py" line="78" />
        <source>立项审批</source>
        <translation>Approval</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/rendering.py" line="104" />
        <location filename="../../ui/supervision/supervision_form.py" line="79" />
        <source>审批领导</source>
        <translation>Approving leader</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_form.py" line="80" />
        <source>来源记录</source>
        <translation>Source record</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_form.py" line="364" />
        <source>事项名称不能为空</source>
        <translation>The item needs a title</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_form.py" line="148" />
        <location filename="../../ui/supervision/supervision_page.py" line="320" />
        <source>修改督办事项</source>
        <translation>Edit supervision item</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_form.py" line="150" />
        <location filename="../../ui/supervision/supervision_page.py" line="311" />
        <source>分解督办事项</source>
        <translation>Split supervision item</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_form.py" line="152" />
        <location filename="../../ui/supervision/supervision_page.py" line="245" />
        <source>新建督办事项</source>
        <translation>New supervision item</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_form.py" line="171" />
        <source>读取通讯录</source>
        <translation>Loading the directory</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_form.py" line="187" />
        <source>如：推进全市数字政府建设</source>
        <translation>e.g. Advance the city's digital government</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_form.py" line="195" />
        <source>督办的具体内容和工作要求</source>
        <translation>What exactly is to be done, and the requirements</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_form.py" line="197" />
        <source>设定办理时限</source>
        <translation>Set a deadline</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_form.py" line="209" />
        <source> 天</source>
        <translation> days</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_form.py" line="213" />
        <source>立项须经领导审批</source>
        <translation>Opening needs a leader's approval</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_form.py" line="242" />
        <source>（请选择）</source>
        <translation>(choose)</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_form.py" line="252" />
        <source>督查单位任一领导</source>
        <translation>Any leader of the supervising unit</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_form.py" line="289" />
        <source>配合单位（可不选）</source>
        <translation>Co-units (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_form.py" line="290" />
        <source>阅知领导（可不选）</source>
        <translation>Leaders kept informed (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_form.py" line="329" />
        <source>分解自：{0}（时限 {1}）</source>
        <translation>Split from: {0} (deadline {1})</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_form.py" line="332" />
        <source>来源记录：{0}</source>
        <translation>Source record: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/texts.py" line="93" />
        <source>待立项</source>
        <translation>To open</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/texts.py" line="94" />
        <source>待审批立项</source>
        <translation>To approve</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/texts.py" line="95" />
        <source>待交办</source>
        <translation>To assign</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/texts.py" line="96" />
        <source>待签收</source>
        <translation>To receive</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/texts.py" line="72" />
        <location filename="../../ui/supervision/texts.py" line="97" />
        <source>已逾期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/texts.py" line="73" />
        <location filename="../../ui/supervision/texts.py" line="98" />
        <source>进度反馈逾期</source>
        <translation>Report overdue</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/texts.py" line="99" />
        <source>办结申请被退回</source>
        <translation>Completion request returned</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/texts.py" line="100" />
        <source>办理中，按期反馈</source>
        <translation>In progress, report on time</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/texts.py" line="101" />
        <source>配合办理</source>
        <translation>Assisting</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/texts.py" line="102" />
        <source>待审批延期</source>
        <translation>Extension to decide</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/texts.py" line="103" />
        <source>待审核办结</source>
        <translation>Completion to review</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/texts.py" line="37" />
        <source>回执…</source>
        <translation>Reply…</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/texts.py" line="37" />
        <source>签到…</source>
        <translation>Check in…</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/texts.py" line="38" />
        <source>取消会议…</source>
        <translation>Cancel meeting…</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/texts.py" line="39" />
        <source>不同意使用会议室…</source>
        <translation>Refuse room…</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/texts.py" line="40" />
        <source>发送会议通知…</source>
        <translation>Send notice…</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/texts.py" line="41" />
        <source>立项督办…</source>
        <translation>Open a supervision item…</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/texts.py" line="42" />
        <source>修改…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/texts.py" line="43" />
        <source>会议通知</source>
        <translation>Meeting notice</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/texts.py" line="44" />
        <source>会议议程</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/texts.py" line="45" />
        <source>签到表</source>
        <translation>Sign-in sheet</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/texts.py" line="46" />
        <source>桌签</source>
        <translation>Name cards</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/texts.py" line="47" />
        <source>会议纪要</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/texts.py" line="63" />
        <source>{0}（单位）</source>
        <translation>{0} (unit)</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/texts.py" line="84" />
        <location filename="../../ui/meetings/texts.py" line="105" />
        <source>（未定）</source>
        <translation>(not set)</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/texts.py" line="89" />
        <location filename="../../ui/meetings/texts.py" line="109" />
        <source>（未预订）</source>
        <translation>(not booked)</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/rendering.py" line="108" />
        <location filename="../../ui/meetings/rendering.py" line="130" />
        <location filename="../../ui/meetings/texts.py" line="117" />
        <location filename="../../ui/meetings/texts.py" line="140" />
        <source>未回执</source>
        <translation>No reply</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/texts.py" line="119" />
        <source>请假：{0}</source>
        <translation>On leave: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/rendering.py" line="163" />
        <location filename="../../ui/meetings/texts.py" line="119" />
        <source>请假</source>
        <translation>Leave</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/texts.py" line="121" />
        <source>委派{0}参加</source>
        <translation>Sends {0}</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/texts.py" line="123" />
        <source>参加：{0}</source>
        <translation>Attending: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/texts.py" line="124" />
        <source>参加</source>
        <translation>Attend</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/texts.py" line="134" />
        <source>主持</source>
        <translation>Chairs</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/texts.py" line="134" />
        <source>记录</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/texts.py" line="138" />
        <source>代为参会</source>
        <translation>Deputy</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/texts.py" line="151" />
        <source>，共{0}次</source>
        <translation>, {0} sittings in all</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/rendering.py" line="59" />
        <source>；下一次：{0}</source>
        <translation>; next: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/form_values.py" line="44" />
        <location filename="../../ui/meetings/rendering.py" line="61" />
        <source>会议类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/rendering.py" line="62" />
        <source>地点</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/rendering.py" line="63" />
        <source>主办单位</source>
        <translation>Organiser</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/form_values.py" line="46" />
        <location filename="../../ui/meetings/rendering.py" line="64" />
        <source>主持人</source>
        <translation>Chair</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/form_values.py" line="46" />
        <location filename="../../ui/meetings/rendering.py" line="65" />
        <source>记录人</source>
        <translation>Minutes by</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/rendering.py" line="66" />
        <location filename="../../ui/meetings/rendering.py" line="100" />
        <source>参会</source>
        <translation>Attendees</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/rendering.py" line="67" />
        <location filename="../../ui/meetings/rendering.py" line="100" />
        <location filename="../../ui/meetings/rendering.py" line="121" />
        <location filename="../../ui/meetings/rendering.py" line="164" />
        <source>列席</source>
        <translation>Observers</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/rendering.py" line="69" />
        <location filename="../../ui/meetings/rendering.py" line="122" />
        <source>签到码</source>
        <translation>Sign-in code</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/rendering.py" line="72" />
        <source>议题</source>
        <translation>Agenda item</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/rendering.py" line="82" />
        <source>（无议题）</source>
        <translation>(no agenda items)</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/rendering.py" line="87" />
        <source>（汇报单位：{0}）</source>
        <translation> (reporting: {0})</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/rendering.py" line="90" />
        <source>材料：</source>
        <translation>Materials: </translation>
    </message>
    <message>
        <location filename="../../ui/meetings/rendering.py" line="117" />
        <source>代{0}</source>
        <translation>for {0}</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/rendering.py" line="122" />
        <source>会务人员登记</source>
        <translation>Entered by the meeting staff</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/rendering.py" line="132" />
        <source>已回执{0}，其中参加{1}、请假{2}、委派{3}；未回执{4}</source>
        <translation>{0} replied: {1} attending, {2} on leave, {3} sending a deputy; {4} without reply</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/rendering.py" line="141" />
        <source>已签到{0}人</source>
        <translation>{0} signed in</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/rendering.py" line="143" />
        <source>；尚未签到：{0}</source>
        <translation>; not yet signed in: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/rendering.py" line="163" />
        <source>出席</source>
        <translation>Present</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/rendering.py" line="164" />
        <source>缺席</source>
        <translation>Absent</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/rendering.py" line="198" />
        <source>（待服务器核对签到码）</source>
        <translation>(the server will check the sign-in code)</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/snapshot.py" line="135" />
        <source>我的会议</source>
        <translation>My meetings</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/dialogs.py" line="75" />
        <location filename="../../ui/supervision/dialogs.py" line="287" />
        <source>预览：{0}</source>
        <translation>Preview: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/meeting_view.py" line="494" />
        <source>提醒：{0}</source>
        <translation>Reminder: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/dialogs.py" line="296" />
        <location filename="../../ui/supervision/supervision_page.py" line="411" />
        <source>督办通报</source>
        <translation>Supervision report</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/dialogs.py" line="296" />
        <source>请选择通报的期间（按交办时间统计）。</source>
        <translation>Choose the report's period (by assignment date).</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/dialogs.py" line="301" />
        <source>标题（可不填，默认按期间生成）</source>
        <translation>Title (optional; made from the period when empty)</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/dialogs.py" line="302" />
        <source>起始日期</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/dialogs.py" line="303" />
        <source>截止日期</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../../ui/common/strings.py" line="44" />
        <location filename="../../ui/documents/proofread_dialog.py" line="36" />
        <location filename="../../ui/supervision/dialogs.py" line="304" />
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/dialogs.py" line="313" />
        <source>截止日期不能早于起始日期</source>
        <translation>The last day cannot be before the first</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/lists.py" line="93" />
        <location filename="../../ui/supervision/lists.py" line="102" />
        <location filename="../../ui/supervision/rendering.py" line="76" />
        <location filename="../../ui/supervision/rendering.py" line="122" />
        <source>状态灯</source>
        <translation>Light</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/lists.py" line="98" />
        <location filename="../../ui/supervision/rendering.py" line="78" />
        <source>办理状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/lists.py" line="99" />
        <location filename="../../ui/supervision/rendering.py" line="123" />
        <location filename="../../ui/supervision/rendering.py" line="170" />
        <source>进度</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/lists.py" line="103" />
        <source>待办事由</source>
        <translation>Why</translation>
    </message>
    <message>
        <location filename="../../ui/home_page.py" line="192" />
        <location filename="../../ui/supervision/lists.py" line="106" />
        <source>期限</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/lists.py" line="276" />
        <location filename="../../ui/supervision/lists.py" line="344" />
        <source>全部单位</source>
        <translation>All units</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/lists.py" line="277" />
        <source>仅牵头</source>
        <translation>Lead only</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/lists.py" line="278" />
        <source>只列出该单位牵头的事项，不含配合的</source>
        <translation>Only items this unit leads, not those it assists</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/lists.py" line="280" />
        <source>全部来源</source>
        <translation>All sources</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/lists.py" line="284" />
        <source>全部状态</source>
        <translation>Any status</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/lists.py" line="288" />
        <source>全部灯色</source>
        <translation>All lights</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/lists.py" line="291" />
        <source>时限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/lists.py" line="300" />
        <source>搜索事项名称</source>
        <translation>Search item titles</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_page.py" line="127" />
        <source>督办操作</source>
        <translation>Supervision actions</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_page.py" line="130" />
        <source>我的督办</source>
        <translation>My supervision</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_page.py" line="130" />
        <source>全部事项</source>
        <translation>All items</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_page.py" line="131" />
        <location filename="../../ui/supervision/supervision_page.py" line="204" />
        <source>统计分析</source>
        <translation>Statistics</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_page.py" line="140" />
        <source>新建督办</source>
        <translation>New item</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_page.py" line="142" />
        <source>台账导出</source>
        <translation>Export ledger</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_page.py" line="146" />
        <source>Excel台账（XLSX）…</source>
        <translation>Ledger (XLSX)…</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_page.py" line="147" />
        <source>台账PDF…</source>
        <translation>Ledger (PDF)…</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_page.py" line="149" />
        <source>导出“全部事项”当前筛选出的事项</source>
        <translation>Export the items “All items” shows with its filters</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_page.py" line="151" />
        <source>督办通报…</source>
        <translation>Supervision report…</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_page.py" line="152" />
        <location filename="../../ui/supervision/supervision_page.py" line="425" />
        <location filename="../../ui/supervision/supervision_page.py" line="426" />
        <location filename="../../ui/supervision/supervision_view.py" line="163" />
        <source>督办单</source>
        <translation>Assignment sheet</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_page.py" line="154" />
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_page.py" line="210" />
        <source>我的督办（共{0}项，显示最紧要的前{1}项）</source>
        <translation>My supervision ({0} in all; the {1} most pressing are shown)</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_page.py" line="211" />
        <source>我的督办（{0}）</source>
        <translation>My supervision ({0})</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_page.py" line="216" />
        <source>全部事项（共{0}项，按期限显示前{1}项，可用筛选缩小范围）</source>
        <translation>All items ({0} in all; the first {1} by deadline are shown — filter to narrow)</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_page.py" line="218" />
        <source>全部事项（{0}）</source>
        <translation>All items ({0})</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_page.py" line="87" />
        <location filename="../../ui/supervision/supervision_view.py" line="115" />
        <source>读取督办事项</source>
        <translation>Loading supervision items</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_page.py" line="88" />
        <source>读取我的督办</source>
        <translation>Loading my supervision</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_page.py" line="246" />
        <source>只有督查人员可以新建督办事项</source>
        <translation>Only supervisors may create supervision items</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_page.py" line="360" />
        <location filename="../../ui/supervision/supervision_page.py" line="365" />
        <source>导出台账</source>
        <translation>Export ledger</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_page.py" line="361" />
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/meeting_view.py" line="588" />
        <location filename="../../ui/supervision/supervision_page.py" line="374" />
        <source>未能导出：</source>
        <translation>Could not export: </translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_page.py" line="376" />
        <source>已导出{0}项到 {1}</source>
        <translation>Exported {0} item(s) to {1}</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_page.py" line="391" />
        <source>督办台账</source>
        <translation>Supervision ledger</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_page.py" line="391" />
        <source>台账</source>
        <translation>Ledger</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_page.py" line="409" />
        <source>督办通报（{0}至{1}）</source>
        <translation>Supervision report ({0} to {1})</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_page.py" line="422" />
        <source>请先在列表中选择一项督办事项</source>
        <translation>Select a supervision item in the list first</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_page.py" line="426" />
        <source>督办单：{0}</source>
        <translation>Assignment sheet: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/texts.py" line="30" />
        <source>修改</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/texts.py" line="31" />
        <source>立项</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/texts.py" line="32" />
        <source>批准立项</source>
        <translation>Approve opening</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/texts.py" line="33" />
        <source>退回</source>
        <translation>Return</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/texts.py" line="34" />
        <source>交办</source>
        <translation>Assign</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/rendering.py" line="108" />
        <location filename="../../ui/supervision/texts.py" line="35" />
        <source>签收</source>
        <translation>Receive</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_view.py" line="141" />
        <location filename="../../ui/supervision/supervision_view.py" line="256" />
        <location filename="../../ui/supervision/texts.py" line="36" />
        <source>进度反馈</source>
        <translation>Progress report</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_view.py" line="142" />
        <location filename="../../ui/supervision/supervision_view.py" line="257" />
        <location filename="../../ui/supervision/texts.py" line="37" />
        <source>催办</source>
        <translation>Urge</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/texts.py" line="38" />
        <source>延期申请</source>
        <translation>Request extension</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/texts.py" line="39" />
        <source>同意延期</source>
        <translation>Grant extension</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/texts.py" line="40" />
        <source>不同意延期</source>
        <translation>Refuse extension</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/rendering.py" line="190" />
        <location filename="../../ui/supervision/texts.py" line="41" />
        <source>办结申请</source>
        <translation>Request completion</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/texts.py" line="42" />
        <source>办结销号</source>
        <translation>Complete and close</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/rendering.py" line="70" />
        <location filename="../../ui/supervision/texts.py" line="43" />
        <source>创建</source>
        <translation>Create</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/texts.py" line="45" />
        <source>退回交办</source>
        <translation>Return assignment</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/texts.py" line="48" />
        <source>草稿</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/texts.py" line="49" />
        <source>待领导审批</source>
        <translation>Awaiting approval</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/texts.py" line="50" />
        <source>已立项</source>
        <translation>Opened</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/texts.py" line="51" />
        <source>已交办</source>
        <translation>Assigned</translation>
    </message>
    <message>
        <location filename="../../ui/documents/rendering.py" line="305" />
        <location filename="../../ui/supervision/texts.py" line="52" />
        <source>已签收</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/texts.py" line="53" />
        <source>办理中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/texts.py" line="54" />
        <source>待审核</source>
        <translation>Awaiting review</translation>
    </message>
    <message>
        <location filename="../../ui/documents/rendering.py" line="312" />
        <location filename="../../ui/supervision/texts.py" line="55" />
        <source>已退回</source>
        <translation>Returned</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/texts.py" line="60" />
        <source>绿灯</source>
        <translation>Green</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/texts.py" line="61" />
        <source>黄灯</source>
        <translation>Yellow</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/texts.py" line="62" />
        <source>红灯</source>
        <translation>Red</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/texts.py" line="67" />
        <source>正常推进</source>
        <translation>On track</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/texts.py" line="68" />
        <source>未设办理时限</source>
        <translation>No deadline</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/texts.py" line="69" />
        <source>已申请办结，待审核</source>
        <translation>Completion requested, awaiting review</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/texts.py" line="70" />
        <source>临近办理时限</source>
        <translation>Deadline near</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/texts.py" line="71" />
        <source>临近进度反馈时间</source>
        <translation>Report due soon</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/texts.py" line="74" />
        <source>逾期后申请办结</source>
        <translation>Completion requested after the deadline</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/texts.py" line="76" />
        <source>逾期办结</source>
        <translation>Completed late</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/texts.py" line="80" />
        <source>待审批</source>
        <translation>Pending</translation>
    </message>
    <message>
        <location filename="../../ui/documents/rendering.py" line="311" />
        <location filename="../../ui/supervision/texts.py" line="81" />
        <source>已同意</source>
        <translation>Agreed</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/texts.py" line="82" />
        <source>不同意</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/texts.py" line="83" />
        <source>已撤回（申请办结）</source>
        <translation>Withdrawn (completion requested)</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/texts.py" line="159" />
        <source>反馈时间</source>
        <translation>report due</translation>
    </message>
    <message>
        <location filename="../../ui/documents/rendering.py" line="68" />
        <location filename="../../ui/documents/rendering.py" line="294" />
        <location filename="../../ui/meetings/snapshot.py" line="67" />
        <location filename="../../ui/supervision/texts.py" line="203" />
        <source>新建</source>
        <translation>Create</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/rendering.py" line="87" />
        <source>下次反馈</source>
        <translation>Next report due</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/dialogs.py" line="160" />
        <location filename="../../ui/supervision/rendering.py" line="88" />
        <source>完成进度</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/rendering.py" line="92" />
        <source>督查单位</source>
        <translation>Supervising unit</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/rendering.py" line="94" />
        <source>立项人</source>
        <translation>Created by</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/rendering.py" line="103" />
        <source>督查单位领导</source>
        <translation>A leader of the supervising unit</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/rendering.py" line="106" />
        <source>交办时间</source>
        <translation>Assigned</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/rendering.py" line="111" />
        <source>办结时间</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/rendering.py" line="113" />
        <source>上级事项</source>
        <translation>Parent item</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/rendering.py" line="114" />
        <source>事项编号</source>
        <translation>Item id</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/rendering.py" line="122" />
        <source>分解事项</source>
        <translation>Sub-items</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/rendering.py" line="122" />
        <location filename="../../ui/supervision/supervision_dashboard.py" line="98" />
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/rendering.py" line="61" />
        <location filename="../../ui/supervision/rendering.py" line="170" />
        <location filename="../../ui/supervision/rendering.py" line="212" />
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/rendering.py" line="170" />
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/rendering.py" line="170" />
        <source>反馈人</source>
        <translation>Reported by</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/dialogs.py" line="156" />
        <location filename="../../ui/supervision/dialogs.py" line="161" />
        <location filename="../../ui/supervision/rendering.py" line="170" />
        <source>进展情况</source>
        <translation>Progress made</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/rendering.py" line="176" />
        <source>（配合）</source>
        <translation> (co-unit)</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/rendering.py" line="197" />
        <source>审核：办结销号</source>
        <translation>Review: completed</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/rendering.py" line="198" />
        <source>审核：退回</source>
        <translation>Review: returned</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/rendering.py" line="212" />
        <source>催办人</source>
        <translation>Urged by</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/rendering.py" line="212" />
        <source>方式</source>
        <translation>How</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/dialogs.py" line="248" />
        <location filename="../../ui/supervision/rendering.py" line="212" />
        <source>催办内容</source>
        <translation>Urging</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/rendering.py" line="215" />
        <source>人工催办</source>
        <translation>By hand</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/rendering.py" line="215" />
        <source>自动催办</source>
        <translation>Automatic</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/rendering.py" line="235" />
        <source>办理时限 {0} → 申请延期至 {1}</source>
        <translation>Deadline {0} → asked for {1}</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/rendering.py" line="238" />
        <source>理由：{0}</source>
        <translation>Reason: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/rendering.py" line="241" />
        <source>{0} 于 {1} 审批</source>
        <translation>Decided by {0} at {1}</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/rendering.py" line="244" />
        <source>，延期至 {0}</source>
        <translation>, extended to {0}</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/rendering.py" line="255" />
        <source>完成进度 {0}%</source>
        <translation>Progress {0}%</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/rendering.py" line="257" />
        <source>办理时限延至 {0}</source>
        <translation>Deadline extended to {0}</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/rendering.py" line="261" />
        <source>申请延期至 {0}</source>
        <translation>Extension asked to {0}</translation>
    </message>
    <message>
        <location filename="../../ui/documents/rendering.py" line="213" />
        <location filename="../../ui/supervision/rendering.py" line="265" />
        <source>修改了：</source>
        <translation>Changed: </translation>
    </message>
    <message>
        <location filename="../../ui/supervision/rendering.py" line="267" />
        <source>由上级事项分解</source>
        <translation>Split from its parent item</translation>
    </message>
    <message>
        <location filename="../../ui/documents/rendering.py" line="295" />
        <location filename="../../ui/supervision/rendering.py" line="293" />
        <source>您的“{0}”操作未被服务器接受：{1}</source>
        <translation>The server did not accept your “{0}”: {1}</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/texts.py" line="169" />
        <source>每{0}天</source>
        <translation>Every {0} days</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/rendering.py" line="63" />
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/rendering.py" line="132" />
        <source>分解事项（{0}）</source>
        <translation>Sub-items ({0})</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/rendering.py" line="167" />
        <source>尚无进度反馈</source>
        <translation>No progress reports yet</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/rendering.py" line="210" />
        <source>尚无催办</source>
        <translation>No urging yet</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/rendering.py" line="226" />
        <source>尚无延期申请</source>
        <translation>No extension requests yet</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/rendering.py" line="229" />
        <source>第{0}次延期申请</source>
        <translation>Extension request {0}</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/rendering.py" line="297" />
        <source>您当时填写的内容：{0}</source>
        <translation>What you wrote: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/dialogs.py" line="85" />
        <source>添加附件…</source>
        <translation>Add attachment…</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/dialogs.py" line="86" />
        <source>移除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/dialogs.py" line="105" />
        <location filename="../../ui/supervision/dialogs.py" line="112" />
        <source>添加附件</source>
        <translation>Add attachment</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/dialogs.py" line="145" />
        <source>请写明办理结果，可附佐证材料；督查人员审核后办结销号。</source>
        <translation>Describe the result, with supporting files if any; a supervisor reviews and closes it.</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/dialogs.py" line="147" />
        <source>请填写完成进度和进展情况，可附相关材料。</source>
        <translation>Give the progress and what was done, with files if any.</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/dialogs.py" line="156" />
        <location filename="../../ui/supervision/dialogs.py" line="161" />
        <source>办理结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../ui/common/strings.py" line="46" />
        <source>机关代字</source>
        <translation>Agency code</translation>
    </message>
    <message>
        <location filename="../../ui/common/strings.py" line="47" />
        <source>主送机关</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../../ui/common/strings.py" line="47" />
        <source>抄送机关</source>
        <translation>Copy to</translation>
    </message>
    <message>
        <location filename="../../ui/common/strings.py" line="49" />
        <location filename="../../ui/supervision/dialogs.py" line="162" />
        <source>附件</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <location filename="../../ui/common/strings.py" line="50" />
        <source>发文机关署名</source>
        <translation>Issuing authority</translation>
    </message>
    <message>
        <location filename="../../ui/common/strings.py" line="51" />
        <source>印发机关</source>
        <translation>Printing unit</translation>
    </message>
    <message>
        <location filename="../../ui/common/strings.py" line="51" />
        <source>印发日期</source>
        <translation>Printing date</translation>
    </message>
    <message>
        <location filename="../../ui/common/strings.py" line="54" />
        <source>正文文件</source>
        <translation>Body file</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/dialogs.py" line="167" />
        <source>附件仍在添加，请稍候</source>
        <translation>Attachments are still being added; please wait</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/dialogs.py" line="169" />
        <source>请填写办理结果</source>
        <translation>Please describe the result</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/dialogs.py" line="170" />
        <source>请填写进展情况</source>
        <translation>Please describe the progress</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/dialogs.py" line="188" />
        <source>现办理时限为 {0}。请选择申请延期至的日期并写明理由。</source>
        <translation>The deadline is {0}. Choose the date asked for and give the reason.</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/dialogs.py" line="191" />
        <source>申请延期至 {0}。可同意更短的期限，但须晚于现办理时限 {1}。</source>
        <translation>Extension asked to {0}. You may grant less, but later than the current deadline {1}.</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/dialogs.py" line="205" />
        <location filename="../../ui/supervision/dialogs.py" line="207" />
        <source>延期理由</source>
        <translation>Reason for the extension</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/dialogs.py" line="205" />
        <source>审批意见（可不填）</source>
        <translation>Opinion (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/dialogs.py" line="206" />
        <source>延期至</source>
        <translation>Extend to</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/dialogs.py" line="207" />
        <source>审批意见</source>
        <translation>Opinion</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/dialogs.py" line="218" />
        <source>申请延期时必须填写理由</source>
        <translation>An extension request needs a reason</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/dialogs.py" line="220" />
        <source>延期后的时限必须晚于现在的办理时限</source>
        <translation>The new deadline must be after the current one</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/dialogs.py" line="237" />
        <source>退回立项申请，请写明理由。</source>
        <translation>Return the request to open; give the reason.</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/dialogs.py" line="238" />
        <source>交办给本单位有误？请写明理由，督查人员修改后重新交办。</source>
        <translation>Assigned to the wrong unit? Give the reason; the supervisor corrects and assigns again.</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/dialogs.py" line="239" />
        <source>退回办结申请，请写明理由；牵头单位继续办理后再申请。</source>
        <translation>Return the completion request with the reason; the lead unit continues and asks again.</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/dialogs.py" line="240" />
        <source>退回理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/dialogs.py" line="241" />
        <source>退回时必须填写退回理由</source>
        <translation>A return needs a reason</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/dialogs.py" line="243" />
        <source>不同意延期，办理时限不变。请写明理由。</source>
        <translation>Refuse the extension; the deadline stays. Give the reason.</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/dialogs.py" line="244" />
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/dialogs.py" line="244" />
        <source>不同意延期时必须填写理由</source>
        <translation>Refusing an extension needs a reason</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/dialogs.py" line="247" />
        <source>催办通知将发给牵头单位。</source>
        <translation>The urging goes to the lead unit.</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/dialogs.py" line="248" />
        <source>请抓紧办理《{0}》</source>
        <translation>Please speed up “{0}”</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/dialogs.py" line="251" />
        <source>立项后即可交办；如需领导审批，将先送审批。</source>
        <translation>Once opened it can be assigned; if approval is needed it goes to the leader first.</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/dialogs.py" line="252" />
        <source>批准立项后，督查人员即可交办。</source>
        <translation>Once approved, the supervisor can assign it.</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/dialogs.py" line="253" />
        <source>交办后，牵头单位和配合单位将收到通知，反馈周期开始计算。</source>
        <translation>The lead and co-units are notified and the reporting cycle starts.</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/dialogs.py" line="254" />
        <source>签收后开始办理，请按反馈周期报送进展。</source>
        <translation>Receive it and start; report progress on the reporting cycle.</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/dialogs.py" line="255" />
        <source>审核通过，办结销号。</source>
        <translation>Accept the completion and close the item.</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/dialogs.py" line="257" />
        <source>意见（可不填）</source>
        <translation>Opinion (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_view.py" line="123" />
        <source>在列表中选择一项督办事项，即可在此查看和办理</source>
        <translation>Select a supervision item in the list to view and handle it</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_view.py" line="141" />
        <location filename="../../ui/supervision/supervision_view.py" line="256" />
        <source>事项</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_view.py" line="142" />
        <location filename="../../ui/supervision/supervision_view.py" line="257" />
        <source>延期</source>
        <translation>Extensions</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_view.py" line="143" />
        <location filename="../../ui/supervision/supervision_view.py" line="258" />
        <source>办理过程</source>
        <translation>Route</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_view.py" line="164" />
        <source>预览、打印或另存督办单PDF</source>
        <translation>Preview, print or save the assignment sheet as PDF</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_view.py" line="166" />
        <source>您当前不需要办理此事项</source>
        <translation>Nothing for you to do on this item now</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_view.py" line="234" />
        <source>督办事项不存在，或您已无权查看</source>
        <translation>The item does not exist or you may no longer see it</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_view.py" line="243" />
        <source>牵头：{0}</source>
        <translation>Lead: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_view.py" line="244" />
        <source>时限：{0}</source>
        <translation>Due: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_view.py" line="245" />
        <source>进度 {0}%</source>
        <translation>Progress {0}%</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/form_values.py" line="126" />
        <location filename="../../ui/meetings/room_grid.py" line="328" />
        <location filename="../../ui/meetings/texts.py" line="111" />
        <location filename="../../ui/supervision/supervision_view.py" line="254" />
        <source>（待审批）</source>
        <translation> (pending)</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_view.py" line="269" />
        <source>按服务器时间 {0} 计算</source>
        <translation>Computed at server time {0}</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_view.py" line="277" />
        <source>等待服务器确认：{0}</source>
        <translation>Waiting for the server: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_view.py" line="278" />
        <source>这些操作已在本机生效，服务器确认后才算数；如被拒绝，会在此说明原因</source>
        <translation>These actions took effect here and count once the server confirms them; if refused, the reason is shown here</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_view.py" line="303" />
        <source>分解（新建子事项）…</source>
        <translation>Split (new sub-item)…</translation>
    </message>
    <message>
        <location filename="../../ui/documents/batch_dialog.py" line="71" />
        <source>您当前不能办理此文件</source>
        <translation>You cannot handle this document now</translation>
    </message>
    <message>
        <location filename="../../ui/documents/batch_dialog.py" line="74" />
        <source>需单独办理（要指定承办单位）</source>
        <translation>Handle it alone (a lead unit must be chosen)</translation>
    </message>
    <message>
        <location filename="../../ui/documents/batch_dialog.py" line="181" />
        <source>已办理</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../ui/documents/batch_dialog.py" line="185" />
        <location filename="../../ui/supervision/supervision_view.py" line="377" />
        <source>未能办理：{0}</source>
        <translation>Not done: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/documents/batch_dialog.py" line="175" />
        <source>已办理{0}份，未能办理{1}份。</source>
        <translation>{0} done, {1} refused.</translation>
    </message>
    <message>
        <location filename="../../ui/documents/batch_dialog.py" line="177" />
        <source>已完成</source>
        <translation>Finished</translation>
    </message>
    <message>
        <location filename="../../ui/common/rejections.py" line="37" />
        <source>关闭提示</source>
        <translation>Close notice</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_view.py" line="400" />
        <source>打开附件</source>
        <translation>Open attachment</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_view.py" line="406" />
        <source>“{0}”未下载：联网同步后即可打开</source>
        <translation>“{0}” is not downloaded yet: sync online to open it</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_view.py" line="408" />
        <source>没有可以打开“{0}”的程序</source>
        <translation>No program can open “{0}”</translation>
    </message>
    <message>
        <location filename="../../ui/common/attachments.py" line="118" />
        <location filename="../../ui/common/attachments.py" line="136" />
        <location filename="../../ui/common/seal_check.py" line="112" />
        <location filename="../../ui/common/seal_check.py" line="129" />
        <source>无法读取“{0}”：{1}</source>
        <translation>Cannot read “{0}”: {1}</translation>
    </message>
    <message>
        <location filename="../../ui/common/attachments.py" line="120" />
        <location filename="../../ui/common/seal_check.py" line="114" />
        <source>“{0}”不是文件</source>
        <translation>“{0}” is not a file</translation>
    </message>
    <message>
        <location filename="../../ui/common/attachments.py" line="122" />
        <source>“{0}”有{1}，超过了200 MB的附件上限</source>
        <translation>“{0}” is {1}, over the 200 MB attachment limit</translation>
    </message>
    <message>
        <location filename="../../ui/common/attachments.py" line="158" />
        <source>文件不存在，或您已无权查看该文件</source>
        <translation>The document does not exist or you may no longer see it</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/form_values.py" line="44" />
        <source>会议名称</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/form_values.py" line="45" />
        <source>开始时间</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/form_values.py" line="45" />
        <source>结束时间</source>
        <translation>End</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/form_values.py" line="47" />
        <location filename="../../ui/meetings/rendering.py" line="75" />
        <source>会议说明</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/form_values.py" line="47" />
        <source>不重复</source>
        <translation>Does not repeat</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/form_values.py" line="48" />
        <source>每天</source>
        <translation>Daily</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/form_values.py" line="108" />
        <source>主持人{0}</source>
        <translation>Chair {0}</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/form_values.py" line="113" />
        <source>{0}在{1}已被《{2}》占用</source>
        <translation>{0} is taken at {1} by “{2}”</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/form_values.py" line="114" />
        <source>{0}在{1}要参加《{2}》，与本会议时间冲突</source>
        <translation>{0} attends “{2}” at {1}, at the same time</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/form_values.py" line="125" />
        <source>，{0}预订</source>
        <translation>, booked by {0}</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/meeting_form.py" line="492" />
        <source>修改会议</source>
        <translation>Edit meeting</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/meeting_form.py" line="494" />
        <location filename="../../ui/meetings/meeting_form.py" line="498" />
        <source>草稿已保存，可预订会议室并发送通知</source>
        <translation>Draft saved: book a room and send the notice</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/meeting_form.py" line="504" />
        <source>变更已保存，已向参会人员发出会议变更通知</source>
        <translation>Change saved; a change notice has gone to the attendees</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/meeting_form.py" line="506" />
        <source>；时间或会议室已变，请重新预订会议室</source>
        <translation>; the time or room changed, book the room again</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/meeting_form.py" line="545" />
        <source>未能预订：{0}</source>
        <translation>Not booked: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/meeting_form.py" line="557" />
        <source>已提交预订，等待会议室审批</source>
        <translation>Booking sent, waiting for the room's approval</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/meeting_form.py" line="557" />
        <source>会议室已预订</source>
        <translation>Room booked</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/meeting_form.py" line="563" />
        <source>未能发送通知：{0}</source>
        <translation>Notice not sent: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/texts.py" line="75" />
        <source>{0}人</source>
        <translation>{0} seats</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/texts.py" line="78" />
        <source>·需审批</source>
        <translation> · needs approval</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/room_grid.py" line="322" />
        <source>{0} {1} 空闲，点击在此新建会议</source>
        <translation>{0} {1} free: click to create a meeting here</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/room_grid.py" line="326" />
        <source>预订人：{0}</source>
        <translation>Booked by: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/meeting_calendar.py" line="257" />
        <location filename="../../ui/meetings/room_grid.py" line="363" />
        <source>日</source>
        <translation>Day</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/meeting_calendar.py" line="257" />
        <location filename="../../ui/meetings/room_grid.py" line="363" />
        <source>周</source>
        <translation>Week</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/meetings_page.py" line="126" />
        <source>（周期性会议，全部场次）</source>
        <translation>(recurring meeting, every occurrence)</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/meetings_page.py" line="128" />
        <source>日历文件通知取消以下会议。确定后将取消，并通知已收到会议通知的人员：
{0}
请写明取消理由：</source>
        <translation>The calendar file cancels these meetings. OK cancels them and tells everyone who received the notice:
{0}
Reason for cancelling:</translation>
    </message>
    <message>
        <location filename="../../ui/common/feedback.py" line="67" />
        <location filename="../../ui/documents/batch_dialog.py" line="190" />
        <source>（待上传）</source>
        <translation> (waiting to upload)</translation>
    </message>
    <message>
        <location filename="../../ui/common/feedback.py" line="72" />
        <source>已办理“{0}”：{1}</source>
        <translation>Done: {0} — {1}</translation>
    </message>
    <message>
        <location filename="../../ui/common/strings.py" line="48" />
        <location filename="../../ui/documents/proofread_dialog.py" line="36" />
        <location filename="../../ui/documents/rendering.py" line="177" />
        <source>正文</source>
        <translation>Body</translation>
    </message>
    <message>
        <location filename="../../ui/documents/proofread_dialog.py" line="83" />
        <source>校对意见：</source>
        <translation>Proofreading notes:</translation>
    </message>
    <message>
        <location filename="../../ui/documents/proofread_dialog.py" line="86" />
        <source>，建议改为“{0}”</source>
        <translation>, suggest “{0}”</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="261" />
        <source>需要连接服务器才能修改密码，请联网后再试</source>
        <translation>Changing the password needs the server; try again when online</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="268" />
        <source>密码已修改；您在其他电脑上的登录已失效</source>
        <translation>Password changed; your logins on other computers have ended</translation>
    </message>
    <message>
        <location filename="../../ui/home_page.py" line="174" />
        <source>公文待办  {0}</source>
        <translation>Documents to do  {0}</translation>
    </message>
    <message>
        <location filename="../../ui/home_page.py" line="176" />
        <source>，知会未阅{0}</source>
        <translation>, {0} notices unread</translation>
    </message>
    <message>
        <location filename="../../ui/home_page.py" line="179" />
        <source>会议  今明两天{0}个，待回执{1}个</source>
        <translation>Meetings  {0} today and tomorrow, {1} to reply to</translation>
    </message>
    <message>
        <location filename="../../ui/home_page.py" line="181" />
        <source>督办待办  {0}（逾期{1}）</source>
        <translation>Supervision to do  {0} ({1} overdue)</translation>
    </message>
    <message>
        <location filename="../../ui/home_page.py" line="185" />
        <source>今天</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../ui/home_page.py" line="185" />
        <source>明天</source>
        <translation>Tomorrow</translation>
    </message>
    <message>
        <location filename="../../ui/home_page.py" line="188" />
        <source>今明两天没有会议</source>
        <translation>No meetings today or tomorrow</translation>
    </message>
    <message>
        <location filename="../../ui/home_page.py" line="195" />
        <source>没有逾期或即将到期的事项</source>
        <translation>Nothing overdue or due soon</translation>
    </message>
    <message>
        <location filename="../../ui/home_page.py" line="199" />
        <source>还没有公文</source>
        <translation>No documents yet</translation>
    </message>
    <message>
        <location filename="../../ui/common/pdf_preview.py" line="89" />
        <source>正式文件尚未下载，联网后自动获取</source>
        <translation>The official file is not downloaded yet; it is fetched once online</translation>
    </message>
    <message>
        <location filename="../../ui/common/seal_check.py" line="116" />
        <location filename="../../ui/common/seal_check.py" line="132" />
        <source>“{0}”有{1}，超过了200 MB的验章上限</source>
        <translation>“{0}” is {1}, over the 200 MB limit for checking</translation>
    </message>
    <message>
        <location filename="../../ui/documents/body_file.py" line="89" />
        <source>正文文件 ({0})</source>
        <translation>Body files ({0})</translation>
    </message>
    <message>
        <location filename="../../ui/documents/body_file.py" line="94" />
        <source>上传正文文件</source>
        <translation>Upload body file</translation>
    </message>
    <message>
        <location filename="../../ui/documents/body_file.py" line="112" />
        <source>“{0}”不是正文文件：只能是{1}</source>
        <translation>“{0}” is not a body file: only {1}</translation>
    </message>
    <message>
        <location filename="../../ui/documents/body_file.py" line="119" />
        <source>“{0}”是空文件</source>
        <translation>“{0}” is empty</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/occurrences.py" line="21" />
        <source>%Y年%m月%d日</source>
        <translation>%d %b %Y</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/occurrences.py" line="22" />
        <source>%m月%d日</source>
        <translation>%d %b</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/occurrences.py" line="23" />
        <source>%Y年%m月</source>
        <translation>%B %Y</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/occurrences.py" line="66" />
        <source>{0} {1} 至 {2}</source>
        <translation>{0} {1} to {2}</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/meeting_calendar.py" line="240" />
        <location filename="../../ui/meetings/room_grid.py" line="197" />
        <source>周{0}</source>
        <translation>{0}</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/meeting_calendar.py" line="241" />
        <location filename="../../ui/meetings/room_grid.py" line="198" />
        <source>{0}日 {1}</source>
        <translation>{1} {0}</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/meeting_calendar.py" line="242" />
        <location filename="../../ui/meetings/room_grid.py" line="199" />
        <source>{0}月{1}日 {2}</source>
        <translation>{2} {0}/{1}</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/meeting_calendar.py" line="258" />
        <source>月</source>
        <translation>Month</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/meeting_calendar.py" line="388" />
        <source>{0} 星期{1}</source>
        <translation>{1}, {0}</translation>
    </message>
    <message>
        <location filename="../../ui/notification_settings.py" line="179" />
        <location filename="../../ui/notification_settings.py" line="270" />
        <source>服务器未接受您离线时所做的修改，请更正后重新保存</source>
        <translation>The server did not accept the change you made offline; please correct it and save again</translation>
    </message>
    <message>
        <location filename="../../ui/notification_settings.py" line="181" />
        <location filename="../../ui/notification_settings.py" line="268" />
        <source>您的修改尚未保存到服务器，将在联网后保存</source>
        <translation>Your change is not on the server yet; it is saved there once online</translation>
    </message>
    <message>
        <location filename="../../ui/notification_settings.py" line="189" />
        <source>本服务器未开通短信服务，暂不能选择短信。</source>
        <translation>This server has no SMS service, so SMS cannot be chosen.</translation>
    </message>
    <message>
        <location filename="../../ui/notification_settings.py" line="191" />
        <source>本服务器未开通邮件服务，暂不能选择邮件和每日摘要。</source>
        <translation>This server has no e-mail service, so e-mail and the daily digest cannot be chosen.</translation>
    </message>
    <message>
        <location filename="../../ui/notification_settings.py" line="209" />
        <location filename="../../ui/notification_settings.py" line="252" />
        <source>读取通知方式</source>
        <translation>Loading notifications</translation>
    </message>
    <message>
        <location filename="../../ui/notification_settings.py" line="58" />
        <source>正在从服务器读取…</source>
        <translation>Loading from the server…</translation>
    </message>
    <message>
        <location filename="../../ui/notification_settings.py" line="272" />
        <source>离线：尚未从服务器取得您的通知方式；修改将在联网后保存</source>
        <translation>Offline: your notifications are not loaded from the server yet; changes are saved there once online</translation>
    </message>
    <message>
        <location filename="../../ui/notification_settings.py" line="273" />
        <source>离线：显示的是上次从服务器取得的设置；修改将在联网后保存</source>
        <translation>Offline: showing what the server last said; changes are saved there once online</translation>
    </message>
    <message>
        <location filename="../../ui/notification_settings.py" line="277" />
        <source>服务器暂不支持通知方式设置，请联系管理员升级服务器</source>
        <translation>This server does not offer notifications yet; please ask the administrator to upgrade it</translation>
    </message>
    <message>
        <location filename="../../ui/notification_settings.py" line="287" />
        <location filename="../../ui/notification_settings.py" line="323" />
        <source>通知方式已保存</source>
        <translation>Notifications saved</translation>
    </message>
    <message>
        <location filename="../../ui/notification_settings.py" line="296" />
        <source>正在保存…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../ui/notification_settings.py" line="297" />
        <location filename="../../ui/notification_settings.py" line="335" />
        <source>保存通知方式</source>
        <translation>Save notifications</translation>
    </message>
    <message>
        <location filename="../../ui/notification_settings.py" line="308" />
        <source>未保存，请更正后重试</source>
        <translation>Not saved; please correct it and try again</translation>
    </message>
    <message>
        <location filename="../../ui/notification_settings.py" line="313" />
        <source>未能保存通知方式</source>
        <translation>The notifications could not be saved</translation>
    </message>
    <message>
        <location filename="../../ui/notification_settings.py" line="326" />
        <source>已保存在本机，将在联网后保存到服务器</source>
        <translation>Kept on this computer; saved to the server once online</translation>
    </message>
    <message>
        <location filename="../../ui/notification_settings.py" line="328" />
        <source>服务器暂不支持通知方式设置；您的选择已保存在本机，服务器升级后自动保存</source>
        <translation>This server does not offer notifications yet; your choice is kept on this computer and saved once the server is upgraded</translation>
    </message>
    <message>
        <location filename="../../ui/common/forms.py" line="192" />
        <source>可选：政务外网CA证书文件（.pem/.crt）</source>
        <translation>Optional: the extranet CA certificate (.pem/.crt)</translation>
    </message>
    <message>
        <location filename="../../ui/common/forms.py" line="193" />
        <source>选择…</source>
        <translation>Choose…</translation>
    </message>
</context>
<context>
    <name>ActionBar</name>
    <message>
        <location filename="../../ui/common/action_bar.py" line="46" />
        <source>更多</source>
        <translation>More</translation>
    </message>
</context>
<context>
    <name>AdvancedFilters</name>
    <message>
        <location filename="../../ui/documents/advanced_search.py" line="42" />
        <source>拟稿日期</source>
        <translation>Drafted</translation>
    </message>
    <message>
        <location filename="../../ui/documents/advanced_search.py" line="51" />
        <source>全部环节</source>
        <translation>Any step</translation>
    </message>
    <message>
        <location filename="../../ui/documents/advanced_search.py" line="59" />
        <source>清除</source>
        <translation>Clear</translation>
    </message>
    <message>
        <location filename="../../ui/documents/advanced_search.py" line="65" />
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../ui/documents/advanced_search.py" line="81" />
        <source>全部单位</source>
        <translation>All units</translation>
    </message>
    <message>
        <location filename="../../ui/documents/advanced_search.py" line="83" />
        <source>全部拟稿人</source>
        <translation>Any drafter</translation>
    </message>
</context>
<context>
    <name>AgendaEditor</name>
    <message>
        <location filename="../../ui/meetings/form_widgets.py" line="173" />
        <source>议题</source>
        <translation>Agenda item</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/form_widgets.py" line="173" />
        <source>汇报单位</source>
        <translation>Reporting unit</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/form_widgets.py" line="174" />
        <source>材料</source>
        <translation>Materials</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/form_widgets.py" line="189" />
        <source>添加议题</source>
        <translation>Add item</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/form_widgets.py" line="190" />
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/form_widgets.py" line="191" />
        <source>上移</source>
        <translation>Move up</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/form_widgets.py" line="192" />
        <source>下移</source>
        <translation>Move down</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/form_widgets.py" line="193" />
        <source>添加材料…</source>
        <translation>Add materials…</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/form_widgets.py" line="194" />
        <source>清除材料</source>
        <translation>Clear materials</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/form_widgets.py" line="212" />
        <source>（不指定）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/form_widgets.py" line="239" />
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/form_widgets.py" line="291" />
        <source>请先选择一个议题</source>
        <translation>Choose an agenda item first</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/form_widgets.py" line="293" />
        <location filename="../../ui/meetings/form_widgets.py" line="302" />
        <source>添加议题材料</source>
        <translation>Add agenda materials</translation>
    </message>
</context>
<context>
    <name>ArchiveDialog</name>
    <message>
        <location filename="../../ui/documents/action_dialogs.py" line="416" />
        <source>归档</source>
        <translation>Archive</translation>
    </message>
    <message>
        <location filename="../../ui/documents/action_dialogs.py" line="416" />
        <source>请选择归档年度和保管期限，件号由服务器分配。</source>
        <translation>Choose the archive year and retention; the server assigns the item number.</translation>
    </message>
    <message>
        <location filename="../../ui/documents/action_dialogs.py" line="419" />
        <source>（请选择）</source>
        <translation>(choose)</translation>
    </message>
    <message>
        <location filename="../../ui/documents/action_dialogs.py" line="425" />
        <source>保管期限</source>
        <translation>Retention</translation>
    </message>
    <message>
        <location filename="../../ui/documents/action_dialogs.py" line="426" />
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../ui/documents/action_dialogs.py" line="430" />
        <source>请选择保管期限</source>
        <translation>Please choose a retention period</translation>
    </message>
</context>
<context>
    <name>AttachmentList</name>
    <message>
        <location filename="../../ui/documents/compose.py" line="110" />
        <source>添加附件…</source>
        <translation>Add attachment…</translation>
    </message>
    <message>
        <location filename="../../ui/documents/compose.py" line="111" />
        <source>移除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../ui/documents/compose.py" line="153" />
        <location filename="../../ui/documents/compose.py" line="161" />
        <source>添加附件</source>
        <translation>Add attachment</translation>
    </message>
    <message>
        <location filename="../../ui/documents/compose.py" line="173" />
        <source>“{0}”与已添加的“{1}”内容相同，未重复添加</source>
        <translation>“{0}” has the same content as “{1}”, already added; not added again</translation>
    </message>
</context>
<context>
    <name>AttachmentsPanel</name>
    <message>
        <location filename="../../ui/common/attachments.py" line="221" />
        <source>添加附件…</source>
        <translation>Add attachment…</translation>
    </message>
    <message>
        <location filename="../../ui/common/attachments.py" line="222" />
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../ui/common/attachments.py" line="223" />
        <source>移除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../ui/common/attachments.py" line="226" />
        <source>可将文件拖放到本窗格添加附件（单个不超过200 MB）</source>
        <translation>Drop files here to attach them (200 MB each at most)</translation>
    </message>
    <message>
        <location filename="../../ui/common/attachments.py" line="294" />
        <location filename="../../ui/common/attachments.py" line="306" />
        <source>添加附件</source>
        <translation>Add attachment</translation>
    </message>
    <message>
        <location filename="../../ui/common/attachments.py" line="303" />
        <source>当前环节不能修改附件</source>
        <translation>Attachments cannot change at this step</translation>
    </message>
    <message>
        <location filename="../../ui/common/attachments.py" line="305" />
        <source>正在添加附件…</source>
        <translation>Adding attachments…</translation>
    </message>
    <message>
        <location filename="../../ui/common/attachments.py" line="316" />
        <source>已添加{0}个附件，联网后自动上传</source>
        <translation>{0} attachment(s) added; uploaded when online</translation>
    </message>
    <message>
        <location filename="../../ui/common/attachments.py" line="323" />
        <source>修改附件</source>
        <translation>Change attachments</translation>
    </message>
    <message>
        <location filename="../../ui/common/attachments.py" line="337" />
        <source>打开附件</source>
        <translation>Open attachment</translation>
    </message>
    <message>
        <location filename="../../ui/common/attachments.py" line="341" />
        <source>“{0}”只有名称，没有电子文件</source>
        <translation>“{0}” has a name but no file</translation>
    </message>
    <message>
        <location filename="../../ui/common/attachments.py" line="346" />
        <source>“{0}”未下载：联网同步后即可打开</source>
        <translation>“{0}” is not downloaded yet: sync online to open it</translation>
    </message>
    <message>
        <location filename="../../ui/common/attachments.py" line="350" />
        <source>没有可以打开“{0}”的程序</source>
        <translation>No program can open “{0}”</translation>
    </message>
    <message>
        <location filename="../../ui/common/attachments.py" line="358" />
        <source>移除附件</source>
        <translation>Remove attachment</translation>
    </message>
    <message>
        <location filename="../../ui/common/attachments.py" line="365" />
        <source>已移除“{0}”</source>
        <translation>Removed “{0}”</translation>
    </message>
</context>
<context>
    <name>AttendeeTree</name>
    <message>
        <location filename="../../ui/meetings/form_widgets.py" line="67" />
        <source>筛选单位或人员</source>
        <translation>Filter units or people</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/form_widgets.py" line="90" />
        <source>已选{0}：{1}</source>
        <translation>{0} chosen: {1}</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/form_widgets.py" line="91" />
        <source>尚未选择</source>
        <translation>Nobody chosen yet</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/form_widgets.py" line="101" />
        <source>{0}（整个单位）</source>
        <translation>{0} (whole unit)</translation>
    </message>
</context>
<context>
    <name>BatchApproveDialog</name>
    <message>
        <location filename="../../ui/documents/batch_dialog.py" line="92" />
        <location filename="../../ui/documents/batch_dialog.py" line="153" />
        <location filename="../../ui/documents/batch_dialog.py" line="164" />
        <source>批量办理</source>
        <translation>Handle several</translation>
    </message>
    <message>
        <location filename="../../ui/documents/batch_dialog.py" line="93" />
        <source>正在读取所选文件…</source>
        <translation>Reading the selection…</translation>
    </message>
    <message>
        <location filename="../../ui/documents/batch_dialog.py" line="96" />
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../ui/documents/batch_dialog.py" line="96" />
        <location filename="../../ui/documents/batch_dialog.py" line="105" />
        <source>办理</source>
        <translation>Handle</translation>
    </message>
    <message>
        <location filename="../../ui/documents/batch_dialog.py" line="96" />
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../ui/documents/batch_dialog.py" line="99" />
        <source>意见（每份文件都记入这条意见）</source>
        <translation>Opinion (recorded on every document)</translation>
    </message>
    <message>
        <location filename="../../ui/documents/batch_dialog.py" line="102" />
        <source>常用意见</source>
        <translation>Common phrases</translation>
    </message>
    <message>
        <location filename="../../ui/documents/batch_dialog.py" line="110" />
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/documents/batch_dialog.py" line="120" />
        <source>读取所选文件</source>
        <translation>Reading the selection</translation>
    </message>
    <message>
        <location filename="../../ui/documents/batch_dialog.py" line="140" />
        <source>共选中{0}份，可一并办理{1}份；每份文件单独判定、单独记入办理过程。</source>
        <translation>{0} selected, {1} can be handled together; each is decided and recorded on its own.</translation>
    </message>
    <message>
        <location filename="../../ui/documents/batch_dialog.py" line="142" />
        <source>办理（{0}份）</source>
        <translation>Handle ({0})</translation>
    </message>
</context>
<context>
    <name>BodyFileChooser</name>
    <message>
        <location filename="../../ui/documents/compose.py" line="204" />
        <source>无（可选）</source>
        <translation>None (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/documents/compose.py" line="205" />
        <source>上传正文文件…</source>
        <translation>Upload body file…</translation>
    </message>
    <message>
        <location filename="../../ui/documents/compose.py" line="206" />
        <source>移除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../ui/documents/compose.py" line="242" />
        <source>上传正文文件</source>
        <translation>Upload body file</translation>
    </message>
    <message>
        <location filename="../../ui/documents/compose.py" line="261" />
        <source>WPS/Word 97格式（.wps/.doc等）的文字无法自动读取：请在“正文”中填写文字，或将文件另存为 .docx</source>
        <translation>The text of WPS/Word 97 files (.wps, .doc…) cannot be read: type it into Body, or save the file as .docx</translation>
    </message>
</context>
<context>
    <name>BodyFilePanel</name>
    <message>
        <location filename="../../ui/documents/body_file.py" line="237" />
        <source>上传正文文件…</source>
        <translation>Upload body file…</translation>
    </message>
    <message>
        <location filename="../../ui/documents/body_file.py" line="238" />
        <source>用本机办公软件打开</source>
        <translation>Open in office suite</translation>
    </message>
    <message>
        <location filename="../../ui/documents/body_file.py" line="244" />
        <source>版本</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../ui/documents/body_file.py" line="244" />
        <source>保存人</source>
        <translation>Saved by</translation>
    </message>
    <message>
        <location filename="../../ui/documents/body_file.py" line="244" />
        <source>保存时间</source>
        <translation>Saved at</translation>
    </message>
    <message>
        <location filename="../../ui/documents/body_file.py" line="245" />
        <source>大小</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../../ui/documents/body_file.py" line="245" />
        <source>文件名</source>
        <translation>File name</translation>
    </message>
    <message>
        <location filename="../../ui/documents/body_file.py" line="248" />
        <source>打开所选版本</source>
        <translation>Open version</translation>
    </message>
    <message>
        <location filename="../../ui/documents/body_file.py" line="249" />
        <source>另存为…</source>
        <translation>Save as…</translation>
    </message>
    <message>
        <location filename="../../ui/documents/body_file.py" line="260" />
        <source>正文历史版本</source>
        <translation>Body versions</translation>
    </message>
    <message>
        <location filename="../../ui/documents/body_file.py" line="296" />
        <source>尚无正文文件。可上传Word/WPS文件作为正文，套红PDF仍按正文文字生成。</source>
        <translation>No body file yet. You may upload a Word/WPS file as the body; the official PDF is still made from the body text.</translation>
    </message>
    <message>
        <location filename="../../ui/documents/body_file.py" line="300" />
        <source>第{0}版</source>
        <translation>Version {0}</translation>
    </message>
    <message>
        <location filename="../../ui/documents/body_file.py" line="302" />
        <source>（当前）</source>
        <translation> (current)</translation>
    </message>
    <message>
        <location filename="../../ui/documents/body_file.py" line="304" />
        <source>（基于第{0}版）</source>
        <translation> (based on version {0})</translation>
    </message>
    <message>
        <location filename="../../ui/documents/body_file.py" line="317" />
        <source>当前环节不能修改正文：打开的是只读副本，保存的修改不会记为新版本</source>
        <translation>The body cannot change at this step: this opens a read-only copy, and saved changes are not recorded as versions</translation>
    </message>
    <message>
        <location filename="../../ui/documents/body_file.py" line="349" />
        <location filename="../../ui/documents/body_file.py" line="362" />
        <source>上传正文文件</source>
        <translation>Upload body file</translation>
    </message>
    <message>
        <location filename="../../ui/documents/body_file.py" line="345" />
        <source>当前环节不能修改正文</source>
        <translation>The body cannot change at this step</translation>
    </message>
    <message>
        <location filename="../../ui/documents/body_file.py" line="359" />
        <source>“{0}”与当前版本内容相同，未记为新版本</source>
        <translation>“{0}” is the same as the current version; no new version recorded</translation>
    </message>
    <message>
        <location filename="../../ui/documents/body_file.py" line="372" />
        <source>已记为正文第{0}版，联网后自动上传</source>
        <translation>Recorded as body version {0}; uploaded when online</translation>
    </message>
    <message>
        <location filename="../../ui/documents/body_file.py" line="381" />
        <source>WPS/Word 97格式（.wps/.doc等）的文字无法自动读取：请手动修改正文文字，或在办公软件中另存为 .docx</source>
        <translation>The text of WPS/Word 97 files (.wps, .doc…) cannot be read: update the body text by hand, or save the file as .docx in the office suite</translation>
    </message>
    <message>
        <location filename="../../ui/documents/body_file.py" line="397" />
        <source>更新正文文字</source>
        <translation>Update body text</translation>
    </message>
    <message>
        <location filename="../../ui/documents/body_file.py" line="400" />
        <source>正文文字已按正文文件更新</source>
        <translation>Body text updated from the body file</translation>
    </message>
    <message>
        <location filename="../../ui/documents/body_file.py" line="418" />
        <source>打开正文文件</source>
        <translation>Open body file</translation>
    </message>
    <message>
        <location filename="../../ui/documents/body_file.py" line="438" />
        <location filename="../../ui/documents/body_file.py" line="448" />
        <source>正文文件未下载：联网同步后即可打开</source>
        <translation>The body file is not downloaded yet: sync online to open it</translation>
    </message>
    <message>
        <location filename="../../ui/documents/body_file.py" line="452" />
        <location filename="../../ui/documents/body_file.py" line="533" />
        <source>没有可以打开“{0}”的程序</source>
        <translation>No program can open “{0}”</translation>
    </message>
    <message>
        <location filename="../../ui/documents/body_file.py" line="454" />
        <source>已用本机办公软件打开。保存后自动记为新版本（工作文件：{0}）</source>
        <translation>Opened in the office suite. Each save is recorded as a new version (working file: {0})</translation>
    </message>
    <message>
        <location filename="../../ui/documents/body_file.py" line="492" />
        <source>记录正文新版本</source>
        <translation>Recording a new body version</translation>
    </message>
    <message>
        <location filename="../../ui/documents/body_file.py" line="525" />
        <source>打开正文版本</source>
        <translation>Open body version</translation>
    </message>
    <message>
        <location filename="../../ui/documents/body_file.py" line="529" />
        <source>该版本未下载：联网同步后即可打开</source>
        <translation>This version is not downloaded yet: sync online to open it</translation>
    </message>
    <message>
        <location filename="../../ui/documents/body_file.py" line="540" />
        <location filename="../../ui/documents/body_file.py" line="544" />
        <source>另存正文版本</source>
        <translation>Save body version as</translation>
    </message>
    <message>
        <location filename="../../ui/documents/body_file.py" line="549" />
        <source>该版本未下载：联网同步后即可另存</source>
        <translation>This version is not downloaded yet: sync online to save it</translation>
    </message>
    <message>
        <location filename="../../ui/documents/body_file.py" line="555" />
        <source>已将第{0}版另存为{1}</source>
        <translation>Version {0} saved as {1}</translation>
    </message>
</context>
<context>
    <name>BodyTextDialog</name>
    <message>
        <location filename="../../ui/documents/body_file.py" line="178" />
        <location filename="../../ui/documents/body_file.py" line="189" />
        <source>更新正文文字</source>
        <translation>Update body text</translation>
    </message>
    <message>
        <location filename="../../ui/documents/body_file.py" line="181" />
        <source>保存的正文文件中的文字与当前正文文字不同。套红PDF按正文文字生成，是否用文件中的文字更新正文文字？</source>
        <translation>The text in the saved body file differs from the body text. The official PDF is made from the body text: update it with the file's text?</translation>
    </message>
    <message>
        <location filename="../../ui/documents/body_file.py" line="186" />
        <source>“-”为删去的段落，“+”为新增的段落</source>
        <translation>"-" marks removed paragraphs, "+" added ones</translation>
    </message>
    <message>
        <location filename="../../ui/documents/body_file.py" line="191" />
        <source>暂不更新</source>
        <translation>Not now</translation>
    </message>
</context>
<context>
    <name>CheckInDialog</name>
    <message>
        <location filename="../../ui/meetings/dialogs.py" line="264" />
        <source>签到</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/dialogs.py" line="265" />
        <source>请勾选已到会的人员（参会、列席、代为参会均可）。</source>
        <translation>Tick the people who have arrived (attendees, observers or deputies).</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/dialogs.py" line="272" />
        <source>请选择人员</source>
        <translation>Please choose people</translation>
    </message>
</context>
<context>
    <name>CodeDialog</name>
    <message>
        <location filename="../../ui/meetings/dialogs.py" line="287" />
        <source>签到</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/dialogs.py" line="287" />
        <source>请输入会场公布的签到码。</source>
        <translation>Enter the sign-in code announced in the room.</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/dialogs.py" line="290" />
        <source>签到码</source>
        <translation>Sign-in code</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/dialogs.py" line="294" />
        <source>请输入签到码</source>
        <translation>Please enter the sign-in code</translation>
    </message>
</context>
<context>
    <name>ComposeDialog</name>
    <message>
        <location filename="../../ui/documents/compose.py" line="445" />
        <source>修改发文</source>
        <translation>Edit outgoing document</translation>
    </message>
    <message>
        <location filename="../../ui/documents/compose.py" line="445" />
        <source>新建发文</source>
        <translation>New outgoing document</translation>
    </message>
    <message>
        <location filename="../../ui/documents/compose.py" line="448" />
        <source>关于……的通知</source>
        <translation>Notice on …</translation>
    </message>
    <message>
        <location filename="../../ui/documents/compose.py" line="450" />
        <source>正文；段落之间空一行</source>
        <translation>Body; a blank line between paragraphs</translation>
    </message>
    <message>
        <location filename="../../ui/documents/compose.py" line="473" />
        <source>会签单位（可不选）</source>
        <translation>Countersigning units (optional)</translation>
    </message>
</context>
<context>
    <name>ConflictPanel</name>
    <message>
        <location filename="../../ui/meetings/conflict_panel.py" line="35" />
        <source>正在检查冲突…</source>
        <translation>Checking for conflicts…</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/conflict_panel.py" line="43" />
        <source>选用此会议室</source>
        <translation>Use this room</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/conflict_panel.py" line="51" />
        <source>冲突检查</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/conflict_panel.py" line="55" />
        <source>该时段空闲的会议室：</source>
        <translation>Rooms free at that time:</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/conflict_panel.py" line="65" />
        <source>请先填写有效的开始和结束时间。</source>
        <translation>Enter a valid start and end first.</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/conflict_panel.py" line="68" />
        <source>没有冲突</source>
        <translation>No conflicts</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/conflict_panel.py" line="76" />
        <source>该时段没有空闲会议室</source>
        <translation>No room is free at that time</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/conflict_panel.py" line="96" />
        <source>会议室冲突</source>
        <translation>Room taken</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/conflict_panel.py" line="96" />
        <source>人员冲突</source>
        <translation>Person busy</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/conflict_panel.py" line="100" />
        <source>等共{0}处冲突</source>
        <translation>{0} conflicts in all</translation>
    </message>
</context>
<context>
    <name>DelegationDialog</name>
    <message>
        <location filename="../../ui/delegation_dialog.py" line="66" />
        <source>委托授权</source>
        <translation>Delegations</translation>
    </message>
    <message>
        <location filename="../../ui/delegation_dialog.py" line="76" />
        <source>目前没有生效或待生效的委托。</source>
        <translation>No current or upcoming delegations.</translation>
    </message>
    <message>
        <location filename="../../ui/delegation_dialog.py" line="82" />
        <location filename="../../ui/delegation_dialog.py" line="243" />
        <source>添加委托</source>
        <translation>Add delegation</translation>
    </message>
    <message>
        <location filename="../../ui/delegation_dialog.py" line="90" />
        <source>委托期间，受托人可以代您办理公文，办理记录注明“代”；每次委托最长90天。</source>
        <translation>While a delegation lasts, the delegate may handle documents for you, recorded as “on behalf of”; a delegation lasts 90 days at most.</translation>
    </message>
    <message>
        <location filename="../../ui/delegation_dialog.py" line="93" />
        <location filename="../../ui/delegation_dialog.py" line="110" />
        <source>受托人</source>
        <translation>Delegate</translation>
    </message>
    <message>
        <location filename="../../ui/delegation_dialog.py" line="93" />
        <source>委托期间</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../ui/delegation_dialog.py" line="93" />
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../ui/delegation_dialog.py" line="107" />
        <source>新增委托</source>
        <translation>New delegation</translation>
    </message>
    <message>
        <location filename="../../ui/delegation_dialog.py" line="111" />
        <source>开始时间</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../ui/delegation_dialog.py" line="112" />
        <source>结束时间</source>
        <translation>End</translation>
    </message>
    <message>
        <location filename="../../ui/delegation_dialog.py" line="125" />
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/delegation_dialog.py" line="147" />
        <source>读取委托</source>
        <translation>Loading delegations</translation>
    </message>
    <message>
        <location filename="../../ui/delegation_dialog.py" line="177" />
        <source>（请选择）</source>
        <translation>(choose)</translation>
    </message>
    <message>
        <location filename="../../ui/delegation_dialog.py" line="189" />
        <source>{0} 至 {1}</source>
        <translation>{0} to {1}</translation>
    </message>
    <message>
        <location filename="../../ui/delegation_dialog.py" line="194" />
        <location filename="../../ui/delegation_dialog.py" line="265" />
        <location filename="../../ui/delegation_dialog.py" line="276" />
        <source>结束委托</source>
        <translation>End delegation</translation>
    </message>
    <message>
        <location filename="../../ui/delegation_dialog.py" line="204" />
        <source>结束待同步</source>
        <translation>Ending, not yet synced</translation>
    </message>
    <message>
        <location filename="../../ui/delegation_dialog.py" line="205" />
        <source>生效中</source>
        <translation>In force</translation>
    </message>
    <message>
        <location filename="../../ui/delegation_dialog.py" line="205" />
        <source>未开始</source>
        <translation>Not started</translation>
    </message>
    <message>
        <location filename="../../ui/delegation_dialog.py" line="206" />
        <source>{0}（待同步）</source>
        <translation>{0} (not yet synced)</translation>
    </message>
    <message>
        <location filename="../../ui/delegation_dialog.py" line="234" />
        <source>请选择受托人</source>
        <translation>Please choose a delegate</translation>
    </message>
    <message>
        <location filename="../../ui/delegation_dialog.py" line="270" />
        <source>确定结束对{0}的委托吗？结束后其不能再代您办理。</source>
        <translation>End the delegation to {0}? They will no longer act for you.</translation>
    </message>
</context>
<context>
    <name>DirectoryView</name>
    <message>
        <location filename="../../ui/directory_view.py" line="18" />
        <source>搜索姓名、单位或电话</source>
        <translation>Search name, unit or phone</translation>
    </message>
    <message>
        <location filename="../../ui/directory_view.py" line="21" />
        <source>单位 / 姓名</source>
        <translation>Unit / name</translation>
    </message>
    <message>
        <location filename="../../ui/directory_view.py" line="21" />
        <source>职务</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../ui/directory_view.py" line="21" />
        <source>角色</source>
        <translation>Roles</translation>
    </message>
    <message>
        <location filename="../../ui/directory_view.py" line="22" />
        <source>电话</source>
        <translation>Phone</translation>
    </message>
</context>
<context>
    <name>DocumentStatsDialog</name>
    <message>
        <location filename="../../ui/documents/document_stats.py" line="62" />
        <source>公文统计</source>
        <translation>Document statistics</translation>
    </message>
    <message>
        <location filename="../../ui/documents/document_stats.py" line="64" />
        <source>全部年度</source>
        <translation>All years</translation>
    </message>
    <message>
        <location filename="../../ui/documents/document_stats.py" line="68" />
        <source>还没有已印发或已办结的公文</source>
        <translation>No document has been issued or closed yet</translation>
    </message>
    <message>
        <location filename="../../ui/documents/document_stats.py" line="77" />
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../ui/documents/document_stats.py" line="77" />
        <source>发文已印发</source>
        <translation>Outgoing issued</translation>
    </message>
    <message>
        <location filename="../../ui/documents/document_stats.py" line="77" />
        <source>收文已办结</source>
        <translation>Incoming closed</translation>
    </message>
    <message>
        <location filename="../../ui/documents/document_stats.py" line="77" />
        <source>已归档</source>
        <translation>Archived</translation>
    </message>
    <message>
        <location filename="../../ui/documents/document_stats.py" line="78" />
        <source>归档率</source>
        <translation>Archiving rate</translation>
    </message>
    <message>
        <location filename="../../ui/documents/document_stats.py" line="84" />
        <source>归档率 = 已归档 ÷（发文已印发 + 收文已办结），含其后已归档的文件。</source>
        <translation>Archiving rate = archived ÷ (outgoing issued + incoming closed), archived ones included.</translation>
    </message>
    <message>
        <location filename="../../ui/documents/document_stats.py" line="85" />
        <source>按拟稿或登记时间计年度；只统计本机已同步、您可以查看的文件。</source>
        <translation>Years go by the date drafted or registered; only documents on this computer that you may see are counted.</translation>
    </message>
    <message>
        <location filename="../../ui/documents/document_stats.py" line="89" />
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../ui/documents/document_stats.py" line="109" />
        <source>统计公文</source>
        <translation>Counting documents</translation>
    </message>
    <message>
        <location filename="../../ui/documents/document_stats.py" line="120" />
        <source>截至 {0}</source>
        <translation>As of {0}</translation>
    </message>
    <message>
        <location filename="../../ui/documents/document_stats.py" line="130" />
        <source>{0}年</source>
        <translation>{0}</translation>
    </message>
    <message>
        <location filename="../../ui/documents/document_stats.py" line="155" />
        <source>合计</source>
        <translation>Total</translation>
    </message>
</context>
<context>
    <name>DocumentView</name>
    <message>
        <location filename="../../ui/documents/document_view.py" line="129" />
        <source>在列表中选择一份公文，即可在此查看和办理</source>
        <translation>Select a document in the list to view and handle it</translation>
    </message>
    <message>
        <location filename="../../ui/documents/document_view.py" line="148" />
        <source>公文</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../../ui/documents/document_view.py" line="149" />
        <source>办理过程</source>
        <translation>Route</translation>
    </message>
    <message>
        <location filename="../../ui/documents/document_view.py" line="150" />
        <source>附件</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <location filename="../../ui/documents/document_view.py" line="152" />
        <source>正文文件</source>
        <translation>Body file</translation>
    </message>
    <message>
        <location filename="../../ui/documents/document_view.py" line="178" />
        <source>预览/打印</source>
        <translation>Preview/print</translation>
    </message>
    <message>
        <location filename="../../ui/documents/document_view.py" line="179" />
        <source>预览、打印或另存为PDF（Ctrl+P）</source>
        <translation>Preview, print or save as PDF (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../ui/documents/document_view.py" line="186" />
        <source>您当前不需要办理此文件</source>
        <translation>Nothing for you to do on this document now</translation>
    </message>
    <message>
        <location filename="../../ui/documents/document_view.py" line="226" />
        <source>读取文件</source>
        <translation>Loading the document</translation>
    </message>
    <message>
        <location filename="../../ui/documents/document_view.py" line="279" />
        <source>文件不存在，或您已无权查看该文件</source>
        <translation>The document does not exist or you may no longer see it</translation>
    </message>
    <message>
        <location filename="../../ui/documents/document_view.py" line="292" />
        <source>办理过程（{0}）</source>
        <translation>Route ({0})</translation>
    </message>
    <message>
        <location filename="../../ui/documents/document_view.py" line="293" />
        <source>附件（{0}）</source>
        <translation>Attachments ({0})</translation>
    </message>
    <message>
        <location filename="../../ui/documents/document_view.py" line="306" />
        <source>发文</source>
        <translation>Outgoing</translation>
    </message>
    <message>
        <location filename="../../ui/documents/document_view.py" line="306" />
        <source>收文</source>
        <translation>Incoming</translation>
    </message>
    <message>
        <location filename="../../ui/documents/document_view.py" line="309" />
        <source>待编号</source>
        <translation>Number pending</translation>
    </message>
    <message>
        <location filename="../../ui/documents/document_view.py" line="313" />
        <source>当前环节：{0}</source>
        <translation>Current step: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/documents/document_view.py" line="321" />
        <source>等{0}项</source>
        <translation>and {0} more</translation>
    </message>
    <message>
        <location filename="../../ui/documents/document_view.py" line="323" />
        <source>等待服务器确认：{0}</source>
        <translation>Waiting for the server: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/documents/document_view.py" line="324" />
        <source>这些操作已在本机生效，服务器确认后才算办结；如被拒绝，会在此说明原因并保留您的文字</source>
        <translation>These actions took effect here and count once the server confirms them; if refused, the reason is shown here and your text is kept</translation>
    </message>
    <message>
        <location filename="../../ui/documents/document_view.py" line="348" />
        <source>送交指定人员…</source>
        <translation>Send to a person…</translation>
    </message>
    <message>
        <location filename="../../ui/documents/document_view.py" line="353" />
        <source>导出归档包…</source>
        <translation>Export archive package…</translation>
    </message>
    <message>
        <location filename="../../ui/documents/document_view.py" line="357" />
        <source>立项督办…</source>
        <translation>Open a supervision item…</translation>
    </message>
    <message>
        <location filename="../../ui/documents/acting.py" line="116" />
        <location filename="../../ui/documents/acting.py" line="118" />
        <source>读取人员</source>
        <translation>Loading people</translation>
    </message>
    <message>
        <location filename="../../ui/documents/acting.py" line="146" />
        <source>委托</source>
        <translation>Delegate</translation>
    </message>
    <message>
        <location filename="../../ui/documents/acting.py" line="147" />
        <source>委托谁代为办理本环节？</source>
        <translation>Who should handle this step for you?</translation>
    </message>
    <message>
        <location filename="../../ui/documents/acting.py" line="148" />
        <source>加签</source>
        <translation>Add signer</translation>
    </message>
    <message>
        <location filename="../../ui/documents/acting.py" line="149" />
        <source>还需要谁在本环节办理？</source>
        <translation>Who else must act at this step?</translation>
    </message>
    <message>
        <location filename="../../ui/documents/acting.py" line="150" />
        <source>传阅</source>
        <translation>Circulate</translation>
    </message>
    <message>
        <location filename="../../ui/documents/acting.py" line="151" />
        <source>请选择传阅人员：</source>
        <translation>Choose who should read it:</translation>
    </message>
    <message>
        <location filename="../../ui/documents/acting.py" line="176" />
        <source>标记已阅</source>
        <translation>Marking as read</translation>
    </message>
    <message>
        <location filename="../../ui/documents/acting.py" line="193" />
        <source>送给下一环节的哪一位办理人？</source>
        <translation>Which person handles the next step?</translation>
    </message>
    <message>
        <location filename="../../ui/documents/acting.py" line="210" />
        <source>已修改：{0}</source>
        <translation>Edited: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/documents/acting.py" line="266" />
        <source>未能办理：{0}</source>
        <translation>Not done: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/documents/acting.py" line="291" />
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../ui/documents/acting.py" line="312" />
        <source>未能撤销：{0}</source>
        <translation>Could not undo: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/documents/acting.py" line="321" />
        <location filename="../../ui/documents/acting.py" line="328" />
        <source>导出归档包</source>
        <translation>Export archive package</translation>
    </message>
    <message>
        <location filename="../../ui/documents/acting.py" line="323" />
        <source>归档包 (*.zip)</source>
        <translation>Archive packages (*.zip)</translation>
    </message>
    <message>
        <location filename="../../ui/documents/acting.py" line="345" />
        <source>未能导出：</source>
        <translation>Could not export: </translation>
    </message>
    <message>
        <location filename="../../ui/documents/acting.py" line="350" />
        <source>已导出归档包：{0}</source>
        <translation>Archive package saved: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/documents/document_view.py" line="393" />
        <source>校对（{0}处）</source>
        <translation>Proofread ({0})</translation>
    </message>
    <message>
        <location filename="../../ui/documents/document_view.py" line="394" />
        <source>标点、数字、发文字号和日期的写法问题，可一键修改</source>
        <translation>Punctuation, numbers, document numbers and dates written wrongly; fix with one click</translation>
    </message>
</context>
<context>
    <name>FeedbackBar</name>
    <message>
        <location filename="../../ui/common/feedback.py" line="81" />
        <source>操作结果</source>
        <translation>Action result</translation>
    </message>
    <message>
        <location filename="../../ui/common/feedback.py" line="86" />
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../ui/common/feedback.py" line="87" />
        <source>撤销刚才的操作（Ctrl+Z 或 Alt+Z）</source>
        <translation>Undo what you just did (Ctrl+Z or Alt+Z)</translation>
    </message>
    <message>
        <location filename="../../ui/common/feedback.py" line="92" />
        <location filename="../../ui/common/feedback.py" line="93" />
        <source>关闭提示</source>
        <translation>Close notice</translation>
    </message>
    <message>
        <location filename="../../ui/common/feedback.py" line="131" />
        <source>正在撤销…</source>
        <translation>Undoing…</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../ui/main_window.py" line="108" />
        <source>全部类别</source>
        <translation>All kinds</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="112" />
        <source>全部紧急程度</source>
        <translation>Any urgency</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="116" />
        <source>全部文种</source>
        <translation>Any type</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="120" />
        <source>全部状态</source>
        <translation>Any status</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="124" />
        <source>期限早于</source>
        <translation>Due before</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="130" />
        <source>搜索标题、文号、正文、意见（Ctrl+F）</source>
        <translation>Search titles, numbers, bodies, opinions (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="137" />
        <source>高级搜索</source>
        <translation>Advanced</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="139" />
        <source>按拟稿日期、单位、拟稿人和环节查找，可与搜索词同时使用</source>
        <translation>Find by drafting days, unit, drafter and step, with or without search words</translation>
    </message>
    <message>
        <location filename="../../ui/common/strings.py" line="22" />
        <source>办理中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location filename="../../ui/common/strings.py" line="23" />
        <source>已办结</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location filename="../../ui/common/strings.py" line="24" />
        <source>已归档</source>
        <translation>Archived</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <location filename="../../ui/home_page.py" line="107" />
        <source>工作台</source>
        <translation>Home</translation>
    </message>
    <message>
        <location filename="../../ui/home_page.py" line="109" />
        <source>公文统计…</source>
        <translation>Document statistics…</translation>
    </message>
    <message>
        <location filename="../../ui/home_page.py" line="110" />
        <source>各单位已印发、已办结和已归档的公文，以及归档率</source>
        <translation>Documents issued, closed and archived per unit, and the archiving rate</translation>
    </message>
    <message>
        <location filename="../../ui/home_page.py" line="134" />
        <source>今明两天的会议</source>
        <translation>Meetings today and tomorrow</translation>
    </message>
    <message>
        <location filename="../../ui/home_page.py" line="135" />
        <source>督办：逾期和即将到期</source>
        <translation>Supervision: overdue and due soon</translation>
    </message>
    <message>
        <location filename="../../ui/home_page.py" line="136" />
        <source>最近的公文</source>
        <translation>Recent documents</translation>
    </message>
    <message>
        <location filename="../../ui/home_page.py" line="163" />
        <source>读取工作台</source>
        <translation>Reading the home page</translation>
    </message>
</context>
<context>
    <name>InboxModel</name>
    <message>
        <location filename="../../ui/common/strings.py" line="27" />
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../ui/common/strings.py" line="28" />
        <source>文号</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../ui/common/strings.py" line="29" />
        <source>紧急</source>
        <translation>Urgency</translation>
    </message>
    <message>
        <location filename="../../ui/common/strings.py" line="30" />
        <source>当前环节</source>
        <translation>Step</translation>
    </message>
    <message>
        <location filename="../../ui/common/strings.py" line="31" />
        <source>办理期限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../ui/common/strings.py" line="32" />
        <source>更新时间</source>
        <translation>Updated</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_model.py" line="60" />
        <source>环节/事项</source>
        <translation>Step / task</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_model.py" line="60" />
        <source>业务</source>
        <translation>Kind</translation>
    </message>
</context>
<context>
    <name>InformDialog</name>
    <message>
        <location filename="../../ui/documents/action_dialogs.py" line="301" />
        <source>知会</source>
        <translation>Notify</translation>
    </message>
    <message>
        <location filename="../../ui/documents/action_dialogs.py" line="302" />
        <source>知会谁？他们可以阅看本文件和办理过程，无需办理。</source>
        <translation>Whom to notify? They can read the document and its route; they have nothing to do.</translation>
    </message>
    <message>
        <location filename="../../ui/documents/action_dialogs.py" line="305" />
        <source>附言（可不填）</source>
        <translation>Note (optional)</translation>
    </message>
</context>
<context>
    <name>InstructDialog</name>
    <message>
        <location filename="../../ui/documents/action_dialogs.py" line="365" />
        <source>批办</source>
        <translation>Instruct</translation>
    </message>
    <message>
        <location filename="../../ui/documents/action_dialogs.py" line="365" />
        <source>请指定牵头承办单位，可同时指定配合单位、办理期限和办结后传阅的人员。</source>
        <translation>Name the lead unit; optionally co-units, a deadline and who reads it afterwards.</translation>
    </message>
    <message>
        <location filename="../../ui/documents/action_dialogs.py" line="369" />
        <source>（请选择）</source>
        <translation>(choose)</translation>
    </message>
    <message>
        <location filename="../../ui/documents/action_dialogs.py" line="373" />
        <source>设定办理期限</source>
        <translation>Set a deadline</translation>
    </message>
    <message>
        <location filename="../../ui/documents/action_dialogs.py" line="379" />
        <source>牵头单位</source>
        <translation>Lead unit</translation>
    </message>
    <message>
        <location filename="../../ui/documents/action_dialogs.py" line="380" />
        <source>配合单位</source>
        <translation>Co-units</translation>
    </message>
    <message>
        <location filename="../../ui/documents/action_dialogs.py" line="382" />
        <source>传阅人员</source>
        <translation>Readers</translation>
    </message>
    <message>
        <location filename="../../ui/documents/action_dialogs.py" line="398" />
        <source>批办时必须指定牵头承办单位</source>
        <translation>An instruction must name the lead unit</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../ui/login.py" line="36" />
        <source>无法验证服务器证书：请在“CA证书文件”中选择政务外网CA的证书（.pem/.crt），或联系管理员</source>
        <translation>The server's certificate cannot be verified: choose the extranet CA certificate (.pem/.crt) under “CA certificate”, or contact the administrator</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="39" />
        <source>无法连接服务器，请检查服务器地址和网络（政务外网）连接</source>
        <translation>The server cannot be reached; check its address and the (extranet) connection</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="69" />
        <source>登录 协同办公</source>
        <translation>Log in to Office Collaboration</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="75" />
        <source>可选：http://代理地址:端口</source>
        <translation>Optional: http://proxy:port</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="83" />
        <location filename="../../ui/login.py" line="132" />
        <location filename="../../ui/login.py" line="175" />
        <source>服务器地址</source>
        <translation>Server</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="84" />
        <source>CA证书</source>
        <translation>CA certificate</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="85" />
        <source>代理</source>
        <translation>Proxy</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="86" />
        <location filename="../../ui/login.py" line="133" />
        <source>用户名</source>
        <translation>Username</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="87" />
        <location filename="../../ui/login.py" line="134" />
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="92" />
        <source>登录</source>
        <translation>Log in</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="95" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="99" />
        <source>本机没有可用的系统密钥环，登录状态无法保存，每次启动都需要输入密码。如需保持登录，请让管理员安装并启用 gnome-keyring 或 KWallet。</source>
        <translation>This computer has no system keyring, so the login cannot be kept and every start asks for the password. To stay logged in, ask your administrator to install and enable gnome-keyring or KWallet.</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="107" />
        <source>统一身份认证登录</source>
        <translation>Sign in with unified identity</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="113" />
        <source>协同办公</source>
        <translation>Office Collaboration</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="116" />
        <source>公文流转 · 办会 · 督查督办</source>
        <translation>Documents · Meetings · Supervision</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="126" />
        <source>选择CA证书</source>
        <translation>Choose the CA certificate</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="127" />
        <source>证书 (*.pem *.crt *.cer);;所有文件 (*)</source>
        <translation>Certificates (*.pem *.crt *.cer);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="137" />
        <location filename="../../ui/login.py" line="175" />
        <source>请填写：</source>
        <translation>Please fill in: </translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="140" />
        <source>正在登录…</source>
        <translation>Logging in…</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="182" />
        <source>已在浏览器中打开统一身份认证页面，请在浏览器中完成登录…</source>
        <translation>The unified identity page is open in your browser; please sign in there…</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="201" />
        <source>已取消统一身份认证登录</source>
        <translation>Unified identity sign-in cancelled</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="194" />
        <source>协同办公</source>
        <translation>Office Collaboration</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="238" />
        <source>此功能即将推出。</source>
        <translation>This is coming soon.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="259" />
        <source>当前登录</source>
        <translation>Logged in</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="269" />
        <source>即将推出</source>
        <translation>Coming soon</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="302" />
        <source>操作</source>
        <translation>Actions</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="307" />
        <source>委托授权…</source>
        <translation>Delegations…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="310" />
        <source>批量办理…</source>
        <translation>Handle several…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="311" />
        <source>选中多份文件（Ctrl或Shift加单击），用同一条意见一并办理</source>
        <translation>Select several documents (Ctrl- or Shift-click) and handle them with one opinion</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="312" />
        <source>设置…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="313" />
        <source>验章…</source>
        <translation>Verify seal…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="314" />
        <source>检查任一PDF文件（如收到的正式文件）的电子印章</source>
        <translation>Check the electronic seal of any PDF file (a received official file, for example)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="473" />
        <source>服务器未接受您修改的通知方式：{0}。请在“设置…—通知方式”中更正</source>
        <translation>The server did not accept your notifications: {0}. Please correct them in Settings… → Notifications</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="492" />
        <source>协同办公 — {0}</source>
        <translation>Office Collaboration — {0}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="495" />
        <source>当前登录：{0}</source>
        <translation>Logged in: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="500" />
        <source>受委托代为办理：{0}</source>
        <translation>Acting by delegation for: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="576" />
        <source>请先在列表中选中要办理的文件</source>
        <translation>Select the documents to handle in the list first</translation>
    </message>
    <message>
        <location filename="../../ui/common/strings.py" line="8" />
        <source>工作台</source>
        <translation>Home</translation>
    </message>
    <message>
        <location filename="../../ui/common/strings.py" line="9" />
        <source>待办</source>
        <translation>To do</translation>
    </message>
    <message>
        <location filename="../../ui/common/strings.py" line="10" />
        <source>已办</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../ui/common/strings.py" line="11" />
        <source>我发起的</source>
        <translation>Started by me</translation>
    </message>
    <message>
        <location filename="../../ui/common/strings.py" line="12" />
        <source>知会我的</source>
        <translation>Notified to me</translation>
    </message>
    <message>
        <location filename="../../ui/common/strings.py" line="13" />
        <source>发文</source>
        <translation>Outgoing</translation>
    </message>
    <message>
        <location filename="../../ui/common/strings.py" line="14" />
        <source>收文</source>
        <translation>Incoming</translation>
    </message>
    <message>
        <location filename="../../ui/common/strings.py" line="15" />
        <source>通讯录</source>
        <translation>Directory</translation>
    </message>
    <message>
        <location filename="../../ui/common/strings.py" line="16" />
        <source>会议</source>
        <translation>Meetings</translation>
    </message>
    <message>
        <location filename="../../ui/common/strings.py" line="17" />
        <location filename="../../ui/main_window.py" line="435" />
        <source>督办</source>
        <translation>Supervision</translation>
    </message>
    <message>
        <location filename="../../ui/common/strings.py" line="18" />
        <location filename="../../ui/main_window.py" line="305" />
        <source>新建发文</source>
        <translation>New outgoing document</translation>
    </message>
    <message>
        <location filename="../../ui/common/strings.py" line="19" />
        <location filename="../../ui/main_window.py" line="306" />
        <source>登记收文</source>
        <translation>Register incoming</translation>
    </message>
    <message>
        <location filename="../../ui/common/strings.py" line="20" />
        <location filename="../../ui/main_window.py" line="309" />
        <source>立即同步</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <location filename="../../ui/common/strings.py" line="21" />
        <location filename="../../ui/main_window.py" line="316" />
        <source>退出登录</source>
        <translation>Log out</translation>
    </message>
</context>
<context>
    <name>MeetingCalendar</name>
    <message>
        <location filename="../../ui/meetings/meeting_calendar.py" line="287" />
        <source>今天</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/meeting_calendar.py" line="266" />
        <source>读取会议</source>
        <translation>Loading meetings</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/meeting_calendar.py" line="421" />
        <source>{0}的会议（{1}）</source>
        <translation>Meetings on {0} ({1})</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/meeting_calendar.py" line="430" />
        <source>这一天没有会议</source>
        <translation>No meetings on this day</translation>
    </message>
</context>
<context>
    <name>MeetingForm</name>
    <message>
        <location filename="../../ui/meetings/meeting_form.py" line="118" />
        <source>修改会议</source>
        <translation>Edit meeting</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/meeting_form.py" line="118" />
        <source>新建会议</source>
        <translation>New meeting</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/meeting_form.py" line="125" />
        <source>读取通讯录</source>
        <translation>Loading the directory</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/meeting_form.py" line="133" />
        <source>如：全市安全生产工作会议</source>
        <translation>e.g. City work-safety meeting</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/meeting_form.py" line="143" />
        <source>会议要求、着装、材料报送等</source>
        <translation>Requirements, dress, materials to send, …</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/meeting_form.py" line="146" />
        <source>4至8位数字</source>
        <translation>4 to 8 digits</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/meeting_form.py" line="155" />
        <source>从日历文件导入…</source>
        <translation>Import from a calendar file…</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/meeting_form.py" line="156" />
        <source>保存草稿</source>
        <translation>Save draft</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/meeting_form.py" line="157" />
        <location filename="../../ui/meetings/meeting_form.py" line="546" />
        <source>预订会议室</source>
        <translation>Book room</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/meeting_form.py" line="158" />
        <location filename="../../ui/meetings/meeting_form.py" line="564" />
        <source>发送会议通知</source>
        <translation>Send notice</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/meeting_form.py" line="159" />
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/meeting_form.py" line="190" />
        <location filename="../../ui/meetings/meeting_form.py" line="191" />
        <source>（不指定）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/meeting_form.py" line="196" />
        <source>参会人员</source>
        <translation>Attendees</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/meeting_form.py" line="197" />
        <source>列席人员</source>
        <translation>Observers</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/meeting_form.py" line="199" />
        <source>参会人员（{0}）</source>
        <translation>Attendees ({0})</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/meeting_form.py" line="199" />
        <source>列席人员（{0}）</source>
        <translation>Observers ({0})</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/meeting_form.py" line="230" />
        <source>重复</source>
        <translation>Repeat</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/meeting_form.py" line="233" />
        <source>会议地点</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/meeting_form.py" line="237" />
        <source>参会人员（可选整个单位，由单位回执参会人）</source>
        <translation>Attendees (a whole unit may be invited; it replies naming who comes)</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/meeting_form.py" line="238" />
        <source>议题（可附材料）</source>
        <translation>Agenda (with materials)</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/meeting_form.py" line="241" />
        <source>签到码（发通知时生效，可不填）</source>
        <translation>Sign-in code (set with the notice; optional)</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/meeting_form.py" line="116" />
        <source>检查会议冲突</source>
        <translation>Checking for conflicts</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/meeting_form.py" line="471" />
        <source>保存会议</source>
        <translation>Saving the meeting</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/meeting_form.py" line="578" />
        <source>导入日历文件</source>
        <translation>Import a calendar file</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/meeting_form.py" line="579" />
        <source>日历文件 (*.ics)</source>
        <translation>Calendar files (*.ics)</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/meeting_form.py" line="592" />
        <source>无法读取文件：{0}</source>
        <translation>Could not read the file: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/meeting_form.py" line="599" />
        <source>该日历文件是取消会议或单独修改某一次会议的通知，不能用来填写会议；请在“会议”页点“导入日历文件…”办理</source>
        <translation>This calendar file cancels a meeting or changes one occurrence; it cannot fill the form. Use “Import calendar file…” on the Meetings page.</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/meeting_form.py" line="604" />
        <source>已从日历文件导入，请核对后保存</source>
        <translation>Imported from the calendar file; check it, then save</translation>
    </message>
</context>
<context>
    <name>MeetingView</name>
    <message>
        <location filename="../../ui/meetings/meeting_view.py" line="118" />
        <source>在列表、日历或会议室占用表中选择一个会议，即可在此查看和办理</source>
        <translation>Select a meeting in the list, the calendar or the room grid to see and handle it here</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/meeting_view.py" line="145" />
        <source>您当前不需要办理此会议</source>
        <translation>Nothing for you to do on this meeting now</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/meeting_view.py" line="162" />
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/meeting_view.py" line="166" />
        <location filename="../../ui/meetings/meeting_view.py" line="569" />
        <location filename="../../ui/meetings/meeting_view.py" line="575" />
        <source>导出日历</source>
        <translation>Export to calendar</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/meeting_view.py" line="167" />
        <source>导出本会议的 .ics 日历文件</source>
        <translation>Export this meeting as an .ics calendar file</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/meeting_view.py" line="172" />
        <source>受邀</source>
        <translation>Invited</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/meeting_view.py" line="172" />
        <source>类别</source>
        <translation>As</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/meeting_view.py" line="172" />
        <location filename="../../ui/meetings/meeting_view.py" line="179" />
        <source>回执</source>
        <translation>Reply</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/meeting_view.py" line="173" />
        <source>回执人</source>
        <translation>Replied by</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/meeting_view.py" line="173" />
        <location filename="../../ui/meetings/meeting_view.py" line="175" />
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/meeting_view.py" line="174" />
        <source>人员</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/meeting_view.py" line="174" />
        <source>身份</source>
        <translation>For</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/meeting_view.py" line="174" />
        <source>方式</source>
        <translation>How</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/meeting_view.py" line="180" />
        <source>签到</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/meeting_view.py" line="181" />
        <source>纪要</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/meeting_view.py" line="176" />
        <source>详情</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/meeting_view.py" line="182" />
        <source>记录</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/meeting_view.py" line="117" />
        <source>读取会议</source>
        <translation>Loading meetings</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/meeting_view.py" line="279" />
        <source>会议不存在，或您已无权查看该会议</source>
        <translation>The meeting does not exist or you may no longer see it</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/meeting_view.py" line="303" />
        <source>回执（{0}/{1}）</source>
        <translation>Replies ({0}/{1})</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/meeting_view.py" line="305" />
        <source>签到（{0}）</source>
        <translation>Sign-in ({0})</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/meeting_view.py" line="313" />
        <source>等待服务器确认：{0}</source>
        <translation>Waiting for the server: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/meeting_view.py" line="314" />
        <source>这些操作已在本机生效，联网同步后由服务器确认；如被拒绝，会在此说明原因</source>
        <translation>These actions took effect here and are confirmed by the server when synced; if refused, the reason is shown here</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/meeting_view.py" line="333" />
        <source>选择空闲会议室…</source>
        <translation>Choose a free room…</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/meeting_view.py" line="336" />
        <source>服务器未接受：{0}</source>
        <translation>Refused by the server: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/meeting_view.py" line="351" />
        <source>改订会议室…</source>
        <translation>Change room…</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/meeting_view.py" line="355" />
        <source>某次会议（签到、纪要）…</source>
        <translation>One sitting (sign-in, minutes)…</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/meeting_view.py" line="356" />
        <source>周期性会议按次签到和记录纪要：生成或打开其中一次</source>
        <translation>A recurring meeting is signed in and minuted by sitting: make or open one</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/meeting_view.py" line="390" />
        <source>不同意使用会议室</source>
        <translation>Refuse the room</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/meeting_view.py" line="391" />
        <source>请写明不同意的理由：</source>
        <translation>Why is the room refused?</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/meeting_view.py" line="391" />
        <source>不同意时必须填写理由</source>
        <translation>A refusal needs a reason</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/meeting_view.py" line="394" />
        <source>取消会议</source>
        <translation>Cancel meeting</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/meeting_view.py" line="395" />
        <source>取消后将通知已收到通知的人员。请写明取消理由：</source>
        <translation>Everyone notified will be told. Why is the meeting cancelled?</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/meeting_view.py" line="396" />
        <source>取消会议必须填写理由</source>
        <translation>Cancelling needs a reason</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/meeting_view.py" line="507" />
        <source>未能预订：{0}</source>
        <translation>Not booked: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/meeting_view.py" line="510" />
        <source>未能办理：{0}</source>
        <translation>Not done: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/meeting_view.py" line="540" />
        <source>生成某次会议</source>
        <translation>Making the sitting</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/meeting_view.py" line="570" />
        <source>日历文件 (*.ics)</source>
        <translation>Calendar files (*.ics)</translation>
    </message>
</context>
<context>
    <name>MeetingsPage</name>
    <message>
        <location filename="../../ui/meetings/meetings_page.py" line="79" />
        <source>会议名称</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/meetings_page.py" line="79" />
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/meetings_page.py" line="80" />
        <source>地点</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/meetings_page.py" line="80" />
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/meetings_page.py" line="81" />
        <source>我的回执</source>
        <translation>My reply</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/meetings_page.py" line="82" />
        <source>列表</source>
        <translation>List</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/meetings_page.py" line="83" />
        <source>日历</source>
        <translation>Calendar</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/meetings_page.py" line="84" />
        <source>会议室</source>
        <translation>Meeting room</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/meetings_page.py" line="162" />
        <source>会议</source>
        <translation>Meetings</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/meetings_page.py" line="164" />
        <source>新建会议</source>
        <translation>New meeting</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/meetings_page.py" line="165" />
        <source>新建会议（会务秘书、办文人员）</source>
        <translation>New meeting (meeting secretaries and clerks)</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/meetings_page.py" line="166" />
        <source>导入日历文件…</source>
        <translation>Import calendar file…</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/meetings_page.py" line="167" />
        <source>导出我的会议…</source>
        <translation>Export my meetings…</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/meetings_page.py" line="168" />
        <source>显示已结束和已取消的会议</source>
        <translation>Show past and cancelled meetings</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/meetings_page.py" line="161" />
        <source>读取会议</source>
        <translation>Loading meetings</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/meetings_page.py" line="309" />
        <source>未回执</source>
        <translation>No reply</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/meetings_page.py" line="315" />
        <source>会议（{0}）</source>
        <translation>Meetings ({0})</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/meetings_page.py" line="355" />
        <location filename="../../ui/meetings/meetings_page.py" line="377" />
        <source>导入日历文件</source>
        <translation>Import a calendar file</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/meetings_page.py" line="357" />
        <location filename="../../ui/meetings/meetings_page.py" line="446" />
        <source>日历文件 (*.ics)</source>
        <translation>Calendar files (*.ics)</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/meetings_page.py" line="369" />
        <source>无法读取文件：{0}</source>
        <translation>Could not read the file: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/meetings_page.py" line="401" />
        <source>按日历文件取消会议</source>
        <translation>Cancel meeting from calendar file</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/meetings_page.py" line="403" />
        <source>取消会议必须填写理由</source>
        <translation>Cancelling needs a reason</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/meetings_page.py" line="416" />
        <source>取消会议</source>
        <translation>Cancel meeting</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/meetings_page.py" line="425" />
        <source>已按日历文件取消会议：{0}</source>
        <translation>Cancelled from the calendar file: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/meetings_page.py" line="428" />
        <source>未能取消：{0}</source>
        <translation>Not cancelled: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/meetings_page.py" line="444" />
        <source>我的会议</source>
        <translation>My meetings</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/meetings_page.py" line="445" />
        <location filename="../../ui/meetings/meetings_page.py" line="450" />
        <source>导出我的会议</source>
        <translation>Export my meetings</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/meetings_page.py" line="459" />
        <source>无法保存：{0}</source>
        <translation>Could not save: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/meetings_page.py" line="462" />
        <source>已导出到 {0}</source>
        <translation>Exported to {0}</translation>
    </message>
</context>
<context>
    <name>MinutesEditor</name>
    <message>
        <location filename="../../ui/meetings/pane_parts.py" line="55" />
        <source>纪要正文：会议议定的事项之外的内容，段落之间空一行</source>
        <translation>Minutes text (besides the decisions); a blank line between paragraphs</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/pane_parts.py" line="57" />
        <location filename="../../ui/meetings/pane_parts.py" line="87" />
        <source>议定事项</source>
        <translation>Decisions</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/pane_parts.py" line="57" />
        <source>牵头单位</source>
        <translation>Lead unit</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/pane_parts.py" line="58" />
        <source>完成时限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/pane_parts.py" line="58" />
        <source>督办</source>
        <translation>Supervision</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/pane_parts.py" line="68" />
        <source>添加议定事项</source>
        <translation>Add decision</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/pane_parts.py" line="69" />
        <source>删除议定事项</source>
        <translation>Delete decision</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/pane_parts.py" line="70" />
        <source>保存纪要</source>
        <translation>Save minutes</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/pane_parts.py" line="71" />
        <source>印发纪要</source>
        <translation>Publish minutes</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/pane_parts.py" line="110" />
        <source>纪要已于{0}印发</source>
        <translation>Minutes published {0}</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/pane_parts.py" line="113" />
        <source>纪要已保存（{0}），尚未印发</source>
        <translation>Minutes saved ({0}), not yet published</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/pane_parts.py" line="116" />
        <source>会议开始后，记录人或会务人员可记录纪要</source>
        <translation>Once the meeting starts, the recorder or the meeting staff may record the minutes</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/pane_parts.py" line="123" />
        <source>参会情况</source>
        <translation>Attendance</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/pane_parts.py" line="132" />
        <source>（不指定）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/pane_parts.py" line="141" />
        <source>未定</source>
        <translation>Not set</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/pane_parts.py" line="146" />
        <source>已立项</source>
        <translation>Opened</translation>
    </message>
</context>
<context>
    <name>NoticeDialog</name>
    <message>
        <location filename="../../ui/meetings/dialogs.py" line="137" />
        <source>发送会议通知</source>
        <translation>Send notice</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/dialogs.py" line="137" />
        <source>通知将发给全部参会、列席人员和单位。可设签到码，供参会人员自助签到。</source>
        <translation>The notice goes to every attendee, observer and unit. A sign-in code lets people sign themselves in.</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/dialogs.py" line="140" />
        <source>4至8位数字，可不填</source>
        <translation>4 to 8 digits, optional</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/dialogs.py" line="142" />
        <source>签到码</source>
        <translation>Sign-in code</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/dialogs.py" line="148" />
        <source>签到码必须是4至8位数字</source>
        <translation>The sign-in code must be 4 to 8 digits</translation>
    </message>
</context>
<context>
    <name>NotificationTab</name>
    <message>
        <location filename="../../ui/notification_settings.py" line="83" />
        <source>如 13912345678</source>
        <translation>e.g. 13912345678</translation>
    </message>
    <message>
        <location filename="../../ui/notification_settings.py" line="84" />
        <source>如 zhangsan@example.gov.cn</source>
        <translation>e.g. zhangsan@example.gov.cn</translation>
    </message>
    <message>
        <location filename="../../ui/notification_settings.py" line="89" />
        <source>每日摘要：每天早上把您的待办和临期事项汇总成一封邮件</source>
        <translation>Daily digest: each morning, your work to do and what falls due, in one e-mail</translation>
    </message>
    <message>
        <location filename="../../ui/notification_settings.py" line="92" />
        <source>保存通知方式</source>
        <translation>Save notifications</translation>
    </message>
    <message>
        <location filename="../../ui/notification_settings.py" line="96" />
        <source>手机号码</source>
        <translation>Mobile number</translation>
    </message>
    <message>
        <location filename="../../ui/notification_settings.py" line="97" />
        <source>电子邮箱</source>
        <translation>E-mail address</translation>
    </message>
    <message>
        <location filename="../../ui/notification_settings.py" line="98" />
        <source>通知事项</source>
        <translation>Notify me of</translation>
    </message>
    <message>
        <location filename="../../ui/notification_settings.py" line="117" />
        <source>特急公文</source>
        <translation>Extra-urgent documents</translation>
    </message>
    <message>
        <location filename="../../ui/notification_settings.py" line="117" />
        <source>收到催办</source>
        <translation>Urging of my work</translation>
    </message>
    <message>
        <location filename="../../ui/notification_settings.py" line="118" />
        <source>会议通知和变更</source>
        <translation>Meeting notices and changes</translation>
    </message>
    <message>
        <location filename="../../ui/notification_settings.py" line="118" />
        <source>督办事项临期和逾期</source>
        <translation>Supervision items due soon or overdue</translation>
    </message>
    <message>
        <location filename="../../ui/notification_settings.py" line="119" />
        <source>短信</source>
        <translation>SMS</translation>
    </message>
    <message>
        <location filename="../../ui/notification_settings.py" line="120" />
        <source>邮件</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../ui/notification_settings.py" line="136" />
        <source>每日摘要</source>
        <translation>Daily digest</translation>
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
        <location filename="../../ui/tray.py" line="80" />
        <source>新待办</source>
        <translation>New work</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/tray.py" line="80" />
        <source>您有 %n 件新的待办文件</source>
        <translation><numerusform>You have %n new document(s) to handle</numerusform><numerusform>You have %n new document(s) to handle</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/tray.py" line="86" />
        <source>催办</source>
        <translation>Urge</translation>
    </message>
    <message>
        <location filename="../../ui/tray.py" line="116" />
        <source>会议即将开始</source>
        <translation>Meeting starting soon</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/tray.py" line="116" />
        <source>%n 分钟后：</source>
        <translation><numerusform>In %n minute(s): </numerusform><numerusform>In %n minute(s): </numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/tray.py" line="139" />
        <source>会议通知</source>
        <translation>Meeting notice</translation>
    </message>
    <message>
        <location filename="../../ui/tray.py" line="144" />
        <source>请回执</source>
        <translation>Please reply</translation>
    </message>
    <message>
        <location filename="../../ui/tray.py" line="145" />
        <source>请回复是否参加《{0}》</source>
        <translation>Please reply whether you attend “{0}”</translation>
    </message>
    <message>
        <location filename="../../ui/tray.py" line="170" />
        <source>督办催办</source>
        <translation>Supervision urging</translation>
    </message>
    <message>
        <location filename="../../ui/tray.py" line="174" />
        <source>督办事项</source>
        <translation>Supervision item</translation>
    </message>
</context>
<context>
    <name>OfficialFilePanel</name>
    <message>
        <location filename="../../ui/common/seal_check.py" line="381" />
        <location filename="../../ui/common/seal_check.py" line="421" />
        <source>正式文件（已签章）</source>
        <translation>Official file (sealed)</translation>
    </message>
    <message>
        <location filename="../../ui/common/seal_check.py" line="384" />
        <source>查看</source>
        <translation>View</translation>
    </message>
    <message>
        <location filename="../../ui/common/seal_check.py" line="385" />
        <source>预览签章的正式文件</source>
        <translation>Preview the sealed official file</translation>
    </message>
    <message>
        <location filename="../../ui/common/seal_check.py" line="431" />
        <source>待用印</source>
        <translation>Seal pending</translation>
    </message>
    <message>
        <location filename="../../ui/common/seal_check.py" line="435" />
        <source>已在本机用印，联网同步后由服务器加盖电子印章，生成正式文件</source>
        <translation>Sealed on this computer; once synced, the server applies the electronic seal and makes the official file</translation>
    </message>
    <message>
        <location filename="../../ui/common/seal_check.py" line="453" />
        <source>验章</source>
        <translation>Verify seal</translation>
    </message>
    <message>
        <location filename="../../ui/common/seal_check.py" line="466" />
        <source>正式文件尚未下载，联网后自动获取</source>
        <translation>The official file is not downloaded yet; it is fetched once online</translation>
    </message>
    <message>
        <location filename="../../ui/common/seal_check.py" line="474" />
        <source>下载正式文件</source>
        <translation>Download the official file</translation>
    </message>
    <message>
        <location filename="../../ui/common/seal_check.py" line="483" />
        <source>正式文件无法下载：{0}</source>
        <translation>The official file cannot be downloaded: {0}</translation>
    </message>
</context>
<context>
    <name>OpinionEditor</name>
    <message>
        <location filename="../../ui/documents/opinion_editor.py" line="76" />
        <source>在此填写意见；输入的内容会自动保存为草稿</source>
        <translation>Write your opinion here; it is saved as a draft as you type</translation>
    </message>
    <message>
        <location filename="../../ui/documents/opinion_editor.py" line="79" />
        <source>常用意见</source>
        <translation>Common phrases</translation>
    </message>
    <message>
        <location filename="../../ui/documents/opinion_editor.py" line="97" />
        <source>意见</source>
        <translation>Opinion</translation>
    </message>
    <message>
        <location filename="../../ui/documents/opinion_editor.py" line="142" />
        <source>读取意见草稿</source>
        <translation>Loading the draft</translation>
    </message>
    <message>
        <location filename="../../ui/documents/opinion_editor.py" line="185" />
        <source>{0}/{1}字</source>
        <translation>{0}/{1} chars</translation>
    </message>
    <message>
        <location filename="../../ui/documents/opinion_editor.py" line="186" />
        <source>正在输入…</source>
        <translation>Typing…</translation>
    </message>
    <message>
        <location filename="../../ui/documents/opinion_editor.py" line="192" />
        <source>保存意见草稿</source>
        <translation>Saving the draft</translation>
    </message>
    <message>
        <location filename="../../ui/documents/opinion_editor.py" line="216" />
        <source>草稿已保存 {0}</source>
        <translation>Draft saved {0}</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <location filename="../../ui/common/pdf_preview.py" line="168" />
        <source>预览</source>
        <translation>Preview</translation>
    </message>
    <message>
        <location filename="../../ui/common/pdf_preview.py" line="171" />
        <source>正在生成PDF…</source>
        <translation>Rendering the PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/common/pdf_preview.py" line="173" />
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../ui/common/pdf_preview.py" line="174" />
        <source>另存为PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/common/pdf_preview.py" line="175" />
        <source>另存为OFD…</source>
        <translation>Save as OFD…</translation>
    </message>
    <message>
        <location filename="../../ui/common/pdf_preview.py" line="176" />
        <source>按 GB/T 33190 版式文件格式保存，版式与PDF相同</source>
        <translation>Save in the GB/T 33190 fixed-layout format, laid out as the PDF</translation>
    </message>
    <message>
        <location filename="../../ui/common/pdf_preview.py" line="190" />
        <source>生成PDF</source>
        <translation>Render PDF</translation>
    </message>
    <message>
        <location filename="../../ui/common/pdf_preview.py" line="197" />
        <source>公文</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../../ui/common/pdf_preview.py" line="197" />
        <source>正式文件（已签章）</source>
        <translation>Official file (sealed)</translation>
    </message>
    <message>
        <location filename="../../ui/common/pdf_preview.py" line="198" />
        <source>发文稿纸</source>
        <translation>Drafting sheet</translation>
    </message>
    <message>
        <location filename="../../ui/common/pdf_preview.py" line="199" />
        <source>收文处理笺</source>
        <translation>Processing sheet</translation>
    </message>
    <message>
        <location filename="../../ui/common/pdf_preview.py" line="204" />
        <source>预览：{0}</source>
        <translation>Preview: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/common/pdf_preview.py" line="241" />
        <source>另存为PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <location filename="../../ui/common/pdf_preview.py" line="241" />
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/common/pdf_preview.py" line="250" />
        <source>另存为OFD</source>
        <translation>Save as OFD</translation>
    </message>
    <message>
        <location filename="../../ui/common/pdf_preview.py" line="250" />
        <source>OFD 文件 (*.ofd)</source>
        <translation>OFD files (*.ofd)</translation>
    </message>
    <message>
        <location filename="../../ui/common/pdf_preview.py" line="252" />
        <source>生成OFD</source>
        <translation>Render OFD</translation>
    </message>
    <message>
        <location filename="../../ui/common/pdf_preview.py" line="276" />
        <location filename="../../ui/common/pdf_preview.py" line="297" />
        <source>无法保存：{0}</source>
        <translation>Could not save: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/common/pdf_preview.py" line="310" />
        <source>打印</source>
        <translation>Print</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <location filename="../../ui/documents/action_dialogs.py" line="288" />
        <source>请选择人员</source>
        <translation>Please choose people</translation>
    </message>
</context>
<context>
    <name>PersonPicker</name>
    <message>
        <location filename="../../ui/documents/action_dialogs.py" line="219" />
        <source>筛选人员</source>
        <translation>Filter people</translation>
    </message>
</context>
<context>
    <name>PlaceField</name>
    <message>
        <location filename="../../ui/meetings/form_widgets.py" line="438" />
        <source>会议室</source>
        <translation>Meeting room</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/form_widgets.py" line="439" />
        <source>外部地点</source>
        <translation>Elsewhere</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/form_widgets.py" line="446" />
        <source>会场不在本单位会议室时填写</source>
        <translation>Where, if not in one of our meeting rooms</translation>
    </message>
</context>
<context>
    <name>ProofreadDialog</name>
    <message>
        <location filename="../../ui/documents/proofread_dialog.py" line="102" />
        <source>校对</source>
        <translation>Proofread</translation>
    </message>
    <message>
        <location filename="../../ui/documents/proofread_dialog.py" line="107" />
        <source>位置</source>
        <translation>Where</translation>
    </message>
    <message>
        <location filename="../../ui/documents/proofread_dialog.py" line="107" />
        <source>问题</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location filename="../../ui/documents/proofread_dialog.py" line="107" />
        <source>建议</source>
        <translation>Suggestion</translation>
    </message>
    <message>
        <location filename="../../ui/documents/proofread_dialog.py" line="112" />
        <source>{0}：{1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <location filename="../../ui/documents/proofread_dialog.py" line="121" />
        <source>需人工修改</source>
        <translation>Needs a person</translation>
    </message>
    <message>
        <location filename="../../ui/documents/proofread_dialog.py" line="124" />
        <source>发现{0}处可能的问题（依据标点、数字用法和公文格式国家标准）。</source>
        <translation>{0} possible problems found (by the national standards for punctuation, numbers and official document layout).</translation>
    </message>
    <message>
        <location filename="../../ui/documents/proofread_dialog.py" line="128" />
        <source>修改所选</source>
        <translation>Fix selected</translation>
    </message>
    <message>
        <location filename="../../ui/documents/proofread_dialog.py" line="129" />
        <source>按建议修改勾选的各处，作为一次“修改”记入办理过程</source>
        <translation>Fix the ticked places as suggested, recorded once as an edit in the route</translation>
    </message>
    <message>
        <location filename="../../ui/documents/proofread_dialog.py" line="131" />
        <source>写入意见</source>
        <translation>Put into opinion</translation>
    </message>
    <message>
        <location filename="../../ui/documents/proofread_dialog.py" line="132" />
        <source>把校对结果写入意见框，退回时一并说明</source>
        <translation>Put the findings into the opinion box, to return the document with them</translation>
    </message>
</context>
<context>
    <name>QDialogButtonBox</name>
    <message>
        <location filename="../../ui/common/forms.py" line="220" />
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../ui/common/forms.py" line="221" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/common/forms.py" line="223" />
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>RefusalBanner</name>
    <message>
        <location filename="../../ui/common/refusal_banner.py" line="31" />
        <source>知道了</source>
        <translation>Dismiss</translation>
    </message>
</context>
<context>
    <name>RegisterDialog</name>
    <message>
        <location filename="../../ui/documents/compose.py" line="512" />
        <source>修改收文登记</source>
        <translation>Edit registration</translation>
    </message>
    <message>
        <location filename="../../ui/documents/compose.py" line="512" />
        <source>收文登记</source>
        <translation>Register incoming document</translation>
    </message>
    <message>
        <location filename="../../ui/documents/compose.py" line="517" />
        <source>如：萍教发〔2026〕8号</source>
        <translation>e.g. 萍教发〔2026〕8号</translation>
    </message>
    <message>
        <location filename="../../ui/documents/compose.py" line="520" />
        <source>来文正文或内容摘要</source>
        <translation>Body or summary of the incoming document</translation>
    </message>
    <message>
        <location filename="../../ui/documents/compose.py" line="526" />
        <source>来文字号</source>
        <translation>Sender's number</translation>
    </message>
    <message>
        <location filename="../../ui/documents/compose.py" line="528" />
        <source>正文/摘要</source>
        <translation>Body/summary</translation>
    </message>
</context>
<context>
    <name>RejectionBanner</name>
    <message>
        <location filename="../../ui/documents/document_view.py" line="91" />
        <source>重新使用这段文字</source>
        <translation>Reuse this text</translation>
    </message>
</context>
<context>
    <name>RejectionsDialog</name>
    <message>
        <location filename="../../ui/common/rejections.py" line="61" />
        <source>被服务器拒绝的操作</source>
        <translation>Actions the server refused</translation>
    </message>
    <message>
        <location filename="../../ui/common/rejections.py" line="68" />
        <source>打开文件</source>
        <translation>Open document</translation>
    </message>
    <message>
        <location filename="../../ui/common/rejections.py" line="69" />
        <source>知道了</source>
        <translation>Dismiss</translation>
    </message>
    <message>
        <location filename="../../ui/common/rejections.py" line="80" />
        <source>您当时输入的内容（已保留，可复制重用）：</source>
        <translation>What you typed (kept, copy it to reuse):</translation>
    </message>
    <message>
        <location filename="../../ui/common/rejections.py" line="97" />
        <source>没有被拒绝的操作。</source>
        <translation>No refused actions.</translation>
    </message>
    <message>
        <location filename="../../ui/common/rejections.py" line="108" />
        <source>原因：</source>
        <translation>Reason: </translation>
    </message>
</context>
<context>
    <name>ReplyDialog</name>
    <message>
        <location filename="../../ui/meetings/dialogs.py" line="160" />
        <source>回执</source>
        <translation>Reply</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/dialogs.py" line="160" />
        <source>请回复是否参加《{0}》（{1}）。</source>
        <translation>Please reply whether you attend “{0}” ({1}).</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/dialogs.py" line="168" />
        <source>参加</source>
        <translation>Attend</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/dialogs.py" line="169" />
        <source>请假</source>
        <translation>Leave</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/dialogs.py" line="170" />
        <source>委派他人参加</source>
        <translation>Send a deputy</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/dialogs.py" line="178" />
        <source>请假理由</source>
        <translation>Reason for leave</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/dialogs.py" line="182" />
        <source>（请选择）</source>
        <translation>(choose)</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/dialogs.py" line="189" />
        <source>为谁回执</source>
        <translation>Reply for</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/dialogs.py" line="191" />
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/dialogs.py" line="192" />
        <source>代为参会</source>
        <translation>Deputy</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/dialogs.py" line="194" />
        <source>本单位参会人员</source>
        <translation>Who comes from the unit</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/dialogs.py" line="238" />
        <source>请假必须填写理由</source>
        <translation>Leave needs a reason</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/dialogs.py" line="240" />
        <source>请选择代为参会的人员</source>
        <translation>Please choose the deputy</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/dialogs.py" line="243" />
        <source>请填写本单位的参会人员</source>
        <translation>Please name who comes from the unit</translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message>
        <location filename="../../ui/documents/action_dialogs.py" line="320" />
        <source>退回</source>
        <translation>Return</translation>
    </message>
    <message>
        <location filename="../../ui/documents/action_dialogs.py" line="320" />
        <source>退回到哪个环节？请写明退回理由。</source>
        <translation>Return to which step? Give the reason.</translation>
    </message>
    <message>
        <location filename="../../ui/documents/action_dialogs.py" line="325" />
        <location filename="../../ui/documents/action_dialogs.py" line="328" />
        <source>退回理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/documents/action_dialogs.py" line="327" />
        <source>退回到</source>
        <translation>Return to</translation>
    </message>
    <message>
        <location filename="../../ui/documents/action_dialogs.py" line="332" />
        <source>退回时必须填写退回理由</source>
        <translation>A return needs a reason</translation>
    </message>
</context>
<context>
    <name>RoomDialog</name>
    <message>
        <location filename="../../ui/meetings/dialogs.py" line="117" />
        <source>预订会议室</source>
        <translation>Book room</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/dialogs.py" line="117" />
        <source>请选择会议室。已被占用的会议室会被拒绝，并列出该时段空闲的会议室。</source>
        <translation>Choose a room. A room already taken is refused, with the rooms free at that time.</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/dialogs.py" line="126" />
        <source>会议室</source>
        <translation>Meeting room</translation>
    </message>
</context>
<context>
    <name>RoomGrid</name>
    <message>
        <location filename="../../ui/meetings/room_grid.py" line="356" />
        <source>今天</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/room_grid.py" line="357" />
        <source>&lt;span style='background:{0}'&gt;&amp;nbsp;已预订&amp;nbsp;&lt;/span&gt; &lt;span style='background:{1}'&gt;&amp;nbsp;待审批&amp;nbsp;&lt;/span&gt; 空白处可点击新建会议</source>
        <translation>&lt;span style='background:{0}'&gt;&amp;nbsp;Booked&amp;nbsp;&lt;/span&gt; &lt;span style='background:{1}'&gt;&amp;nbsp;Awaiting approval&amp;nbsp;&lt;/span&gt; Click a free slot for a new meeting</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/room_grid.py" line="345" />
        <source>读取会议室占用情况</source>
        <translation>Loading room bookings</translation>
    </message>
</context>
<context>
    <name>RoomGridView</name>
    <message>
        <location filename="../../ui/meetings/room_grid.py" line="234" />
        <source>{0}人</source>
        <translation>{0} seats</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/room_grid.py" line="235" />
        <source>需审批</source>
        <translation>Needs approval</translation>
    </message>
</context>
<context>
    <name>RoomOffer</name>
    <message>
        <location filename="../../ui/meetings/pane_parts.py" line="198" />
        <source>改订此会议室</source>
        <translation>Book this room instead</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/pane_parts.py" line="199" />
        <source>知道了</source>
        <translation>Dismiss</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/pane_parts.py" line="201" />
        <source>空闲会议室：</source>
        <translation>Free rooms:</translation>
    </message>
</context>
<context>
    <name>SealBadge</name>
    <message>
        <location filename="../../ui/common/seal_check.py" line="56" />
        <source>印章有效</source>
        <translation>Seal valid</translation>
    </message>
    <message>
        <location filename="../../ui/common/seal_check.py" line="57" />
        <source>签章者不在可信根</source>
        <translation>Signer not under a trusted root</translation>
    </message>
    <message>
        <location filename="../../ui/common/seal_check.py" line="58" />
        <source>印章无效：签章后已被修改</source>
        <translation>Seal invalid: changed after sealing</translation>
    </message>
    <message>
        <location filename="../../ui/common/seal_check.py" line="59" />
        <source>未签章</source>
        <translation>Not sealed</translation>
    </message>
    <message>
        <location filename="../../ui/common/seal_check.py" line="60" />
        <source>文件已加密，无法验章</source>
        <translation>Encrypted: the seal cannot be checked</translation>
    </message>
    <message>
        <location filename="../../ui/common/seal_check.py" line="61" />
        <source>文件损坏，无法验章</source>
        <translation>Damaged file: the seal cannot be checked</translation>
    </message>
    <message>
        <location filename="../../ui/common/seal_check.py" line="65" />
        <source>文件与签章时完全一致，签章证书属于本单位体系，可作为正式文件使用。</source>
        <translation>The file is exactly as it was sealed and the certificate belongs to our organisation: it may be used as the official file.</translation>
    </message>
    <message>
        <location filename="../../ui/common/seal_check.py" line="67" />
        <source>文件签章后未被修改，但签章证书不属于本单位体系的可信根，请向发文单位核实。</source>
        <translation>The file is unchanged since sealing, but the certificate is not under our organisation's trusted roots: please confirm with the issuing unit.</translation>
    </message>
    <message>
        <location filename="../../ui/common/seal_check.py" line="69" />
        <source>文件在签章后被改动过，不能作为正式文件使用。</source>
        <translation>The file was changed after sealing and cannot be used as the official file.</translation>
    </message>
    <message>
        <location filename="../../ui/common/seal_check.py" line="71" />
        <source>文件中没有电子印章。</source>
        <translation>The file has no electronic seal.</translation>
    </message>
    <message>
        <location filename="../../ui/common/seal_check.py" line="72" />
        <source>文件已加密，无法读取其中的印章。</source>
        <translation>The file is encrypted; its seal cannot be read.</translation>
    </message>
    <message>
        <location filename="../../ui/common/seal_check.py" line="73" />
        <source>文件已损坏、不完整或不是PDF文件，无法验证印章。</source>
        <translation>The file is damaged, incomplete or not a PDF; its seal cannot be checked.</translation>
    </message>
    <message>
        <location filename="../../ui/common/seal_check.py" line="176" />
        <source>详情</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../ui/common/seal_check.py" line="221" />
        <source>正在验章…</source>
        <translation>Checking the seal…</translation>
    </message>
    <message>
        <location filename="../../ui/common/seal_check.py" line="240" />
        <source>签章单位：{0}</source>
        <translation>Sealed by: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/common/seal_check.py" line="242" />
        <source>签章时间：{0}（北京时间）</source>
        <translation>Sealed at: {0} (Beijing time)</translation>
    </message>
    <message>
        <location filename="../../ui/common/seal_check.py" line="243" />
        <source>签章后未被修改</source>
        <translation>Unchanged since sealing</translation>
    </message>
    <message>
        <location filename="../../ui/common/seal_check.py" line="244" />
        <source>签章后已被修改</source>
        <translation>Changed after sealing</translation>
    </message>
    <message>
        <location filename="../../ui/common/seal_check.py" line="245" />
        <source>证书链至本单位体系的可信根</source>
        <translation>Certificate chains to our organisation's trusted root</translation>
    </message>
    <message>
        <location filename="../../ui/common/seal_check.py" line="246" />
        <source>证书不属于本单位体系的可信根</source>
        <translation>Certificate is not under our organisation's trusted roots</translation>
    </message>
    <message>
        <location filename="../../ui/common/seal_check.py" line="248" />
        <source>文件中有{0}个签章，以最后一个为准</source>
        <translation>The file has {0} seals; the last one counts</translation>
    </message>
</context>
<context>
    <name>SealCheckDialog</name>
    <message>
        <location filename="../../ui/common/seal_check.py" line="286" />
        <location filename="../../ui/common/seal_check.py" line="331" />
        <source>验章</source>
        <translation>Verify seal</translation>
    </message>
    <message>
        <location filename="../../ui/common/seal_check.py" line="288" />
        <source>选择一个PDF文件，或将它拖放到本窗口，检查其电子印章是否有效</source>
        <translation>Choose a PDF file, or drop it on this window, to check its electronic seal</translation>
    </message>
    <message>
        <location filename="../../ui/common/seal_check.py" line="290" />
        <source>选择文件…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <location filename="../../ui/common/seal_check.py" line="317" />
        <source>选择要验章的PDF文件</source>
        <translation>Choose the PDF file to check</translation>
    </message>
    <message>
        <location filename="../../ui/common/seal_check.py" line="318" />
        <source>PDF 文件 (*.pdf);;所有文件 (*)</source>
        <translation>PDF files (*.pdf);;All files (*)</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/settings_dialog.py" line="69" />
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="71" />
        <source>常规</source>
        <translation>General</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="72" />
        <source>常用意见</source>
        <translation>Common phrases</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="73" />
        <source>服务器</source>
        <translation>Server</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="74" />
        <location filename="../../ui/settings_dialog.py" line="168" />
        <location filename="../../ui/settings_dialog.py" line="256" />
        <source>修改密码</source>
        <translation>Change password</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="76" />
        <source>通知方式</source>
        <translation>Notifications</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="82" />
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="84" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="102" />
        <source>界面语言</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="103" />
        <source>更改语言在重新启动后生效</source>
        <translation>A new language applies after a restart</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="106" />
        <source> 磅</source>
        <translation> pt</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="109" />
        <source>字号</source>
        <translation>Font size</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="110" />
        <source>新待办、催办和会议通知在系统托盘提醒</source>
        <translation>Show new work, urgings and meeting notices in the system tray</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="112" />
        <source>提醒</source>
        <translation>Notices</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="121" />
        <source>输入一条常用意见，如“同意，请按程序办理。”</source>
        <translation>Type a common opinion, e.g. “Agreed; please proceed as usual.”</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="123" />
        <source>添加</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="125" />
        <source>删除所选</source>
        <translation>Remove selected</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="127" />
        <source>上移</source>
        <translation>Move up</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="127" />
        <source>下移</source>
        <translation>Move down</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="138" />
        <source>办理时点击即可填入意见框；双击一条可以修改</source>
        <translation>Click one while handling to put it in the opinion box; double-click to edit it</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="149" />
        <source>服务器地址</source>
        <translation>Server</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="151" />
        <source>CA证书文件</source>
        <translation>CA certificate file</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="153" />
        <source>留空则不用代理</source>
        <translation>Leave empty for no proxy</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="154" />
        <source>HTTP代理</source>
        <translation>HTTP proxy</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="155" />
        <source>服务器设置在下次登录时生效</source>
        <translation>Server settings apply at the next login</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="165" />
        <source>当前密码</source>
        <translation>Current password</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="166" />
        <source>新密码</source>
        <translation>New password</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="167" />
        <source>再次输入新密码</source>
        <translation>New password again</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="174" />
        <source>新密码至少8个字符，不能与用户名相同；修改后其他电脑上的登录将失效</source>
        <translation>At least 8 characters, not the username; your logins on other computers will end</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="220" />
        <source>选择CA证书文件</source>
        <translation>Choose the CA certificate file</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="221" />
        <source>证书 (*.pem *.crt *.cer)</source>
        <translation>Certificates (*.pem *.crt *.cer)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="246" />
        <source>请输入当前密码和新密码</source>
        <translation>Enter the current and the new password</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="249" />
        <source>两次输入的新密码不一致</source>
        <translation>The two new passwords differ</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="252" />
        <source>未连接服务器，无法修改密码</source>
        <translation>Not connected to a server; the password cannot be changed</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="255" />
        <source>正在修改…</source>
        <translation>Changing…</translation>
    </message>
</context>
<context>
    <name>SittingDialog</name>
    <message>
        <location filename="../../ui/meetings/dialogs.py" line="327" />
        <source>某次会议</source>
        <translation>One sitting</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/dialogs.py" line="327" />
        <source>周期性会议的签到和纪要按次进行。请选择哪一次：</source>
        <translation>A recurring meeting is signed in and minuted by sitting. Which one?</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/dialogs.py" line="335" />
        <source>时间</source>
        <translation>Time</translation>
    </message>
</context>
<context>
    <name>SupervisionDialog</name>
    <message>
        <location filename="../../ui/meetings/dialogs.py" line="306" />
        <source>立项督办</source>
        <translation>Open a supervision item</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/dialogs.py" line="306" />
        <source>选择要立项督办的议定事项：</source>
        <translation>Choose the decision to supervise:</translation>
    </message>
</context>
<context>
    <name>SyncStatusWidget</name>
    <message numerus="yes">
        <location filename="../../ui/common/status.py" line="62" />
        <source>正在同步，已接收 %n 条记录</source>
        <translation><numerusform>Syncing, %n record(s) received</numerusform><numerusform>Syncing, %n record(s) received</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/common/status.py" line="71" />
        <source>待上传 %n 项</source>
        <translation><numerusform>%n waiting to upload</numerusform><numerusform>%n waiting to upload</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/common/status.py" line="72" />
        <source>无待上传</source>
        <translation>Nothing waiting</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/common/status.py" line="77" />
        <source>%n 项操作被服务器拒绝，点此查看</source>
        <translation><numerusform>%n action(s) refused by the server — click to see</numerusform><numerusform>%n action(s) refused by the server — click to see</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/common/strings.py" line="35" />
        <source>需要重新登录</source>
        <translation>Please log in again</translation>
    </message>
    <message>
        <location filename="../../ui/common/strings.py" line="36" />
        <source>正在同步…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <location filename="../../ui/common/strings.py" line="37" />
        <source>在线</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../../ui/common/strings.py" line="38" />
        <source>离线工作</source>
        <translation>Working offline</translation>
    </message>
    <message>
        <location filename="../../ui/common/strings.py" line="39" />
        <source>尚未同步</source>
        <translation>Not synced yet</translation>
    </message>
    <message>
        <location filename="../../ui/common/strings.py" line="40" />
        <source>刚刚同步</source>
        <translation>Synced just now</translation>
    </message>
</context>
<context>
    <name>TimeFields</name>
    <message>
        <location filename="../../ui/meetings/form_widgets.py" line="346" />
        <source> 次</source>
        <translation> times</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/form_widgets.py" line="388" />
        <source>自定义：{0}</source>
        <translation>Custom: {0}</translation>
    </message>
</context>
<context>
    <name>TraceBreakBanner</name>
    <message>
        <location filename="../../ui/common/record_pane.py" line="84" />
        <source>留痕校验失败：前{0}条记录与服务器的哈希链不符，可能已被篡改，请联系管理员</source>
        <translation>Trace check failed: the first {0} entries do not match the server's hash chain and may have been tampered with; please contact the administrator</translation>
    </message>
    <message>
        <location filename="../../ui/common/record_pane.py" line="87" />
        <source>留痕校验失败：第{0}条记录与服务器的哈希链不符，可能已被篡改，请联系管理员</source>
        <translation>Trace check failed: entry {0} does not match the server's hash chain and may have been tampered with; please contact the administrator</translation>
    </message>
</context>
<context>
    <name>UnitPicker</name>
    <message>
        <location filename="../../ui/documents/action_dialogs.py" line="208" />
        <source>筛选单位</source>
        <translation>Filter units</translation>
    </message>
</context>
<context>
    <name>_DocumentForm</name>
    <message>
        <location filename="../../ui/documents/compose.py" line="314" />
        <source>读取通讯录</source>
        <translation>Loading the directory</translation>
    </message>
</context>
<context>
    <name>actions</name>
    <message>
        <location filename="../../ui/common/values.py" line="103" />
        <source>修改</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="103" />
        <source>同意</source>
        <translation>Approve</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="104" />
        <source>退回</source>
        <translation>Return</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="104" />
        <source>撤回</source>
        <translation>Withdraw</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="105" />
        <source>委托</source>
        <translation>Delegate</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="105" />
        <source>加签</source>
        <translation>Add signer</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="106" />
        <source>签收任务</source>
        <translation>Claim</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="106" />
        <source>传阅</source>
        <translation>Circulate</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="107" />
        <source>已阅</source>
        <translation>Read</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="107" />
        <source>知会</source>
        <translation>Notify</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="108" />
        <source>催办</source>
        <translation>Urge</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="108" />
        <source>归档</source>
        <translation>Archive</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="109" />
        <source>创建</source>
        <translation>Create</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="110" />
        <source>送核稿</source>
        <translation>Send for review</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="110" />
        <source>核稿通过</source>
        <translation>Pass review</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="111" />
        <source>会签</source>
        <translation>Countersign</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="111" />
        <source>签发</source>
        <translation>Sign</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="112" />
        <source>编号</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="112" />
        <source>用印</source>
        <translation>Seal</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="113" />
        <source>印发</source>
        <translation>Issue</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="113" />
        <source>签收</source>
        <translation>Receive</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="114" />
        <source>登记</source>
        <translation>Register</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="114" />
        <source>拟办</source>
        <translation>Propose</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="115" />
        <source>批办</source>
        <translation>Instruct</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="115" />
        <source>承办完毕</source>
        <translation>Handling done</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="116" />
        <source>办结</source>
        <translation>Complete</translation>
    </message>
</context>
<context>
    <name>values</name>
    <message>
        <location filename="../../ui/common/values.py" line="23" />
        <source>特急</source>
        <translation>Extra urgent</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="23" />
        <source>加急</source>
        <translation>Urgent</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="24" />
        <source>普通</source>
        <translation>Normal</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="26" />
        <source>公开</source>
        <translation>Public</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="26" />
        <source>内部</source>
        <translation>Internal</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="28" />
        <source>决议</source>
        <translation>Resolution</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="28" />
        <source>决定</source>
        <translation>Decision</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="29" />
        <source>命令</source>
        <translation>Order</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="29" />
        <source>公报</source>
        <translation>Communiqué</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="30" />
        <source>公告</source>
        <translation>Announcement</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="30" />
        <source>通告</source>
        <translation>Circular</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="31" />
        <source>意见</source>
        <translation>Opinion</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="31" />
        <source>通知</source>
        <translation>Notice</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="32" />
        <source>通报</source>
        <translation>Bulletin</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="32" />
        <source>报告</source>
        <translation>Report</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="33" />
        <source>请示</source>
        <translation>Request</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="33" />
        <source>批复</source>
        <translation>Reply</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="34" />
        <source>议案</source>
        <translation>Motion</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="34" />
        <source>函</source>
        <translation>Letter</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="35" />
        <source>纪要</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="37" />
        <source>拟稿</source>
        <translation>Drafting</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="37" />
        <source>核稿</source>
        <translation>Review</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="38" />
        <source>会签</source>
        <translation>Countersign</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="38" />
        <source>签发</source>
        <translation>Signing</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="39" />
        <source>编号</source>
        <translation>Numbering</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="39" />
        <source>用印</source>
        <translation>Sealing</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="40" />
        <source>印发</source>
        <translation>Issuing</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="40" />
        <source>已印发</source>
        <translation>Issued</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="41" />
        <source>已归档</source>
        <translation>Archived</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="41" />
        <location filename="../../ui/inbox_model.py" line="77" />
        <source>签收</source>
        <translation>Receiving</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="42" />
        <source>登记</source>
        <translation>Registration</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="42" />
        <source>拟办</source>
        <translation>Proposal</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="43" />
        <source>批办</source>
        <translation>Instruction</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="43" />
        <source>承办</source>
        <translation>Handling</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="44" />
        <source>传阅</source>
        <translation>Circulation</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="44" />
        <source>办结</source>
        <translation>Closing</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="45" />
        <source>已办结</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="47" />
        <source>永久</source>
        <translation>Permanent</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="47" />
        <source>30年</source>
        <translation>30 years</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="48" />
        <source>10年</source>
        <translation>10 years</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="50" />
        <source>待编号</source>
        <translation>Number pending</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="50" />
        <source>（待同步）</source>
        <translation> (not yet synced)</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="51" />
        <source>待用印</source>
        <translation>Seal pending</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="51" />
        <source>（待用印）</source>
        <translation> (seal pending)</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="53" />
        <source>创建</source>
        <translation>Create</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="53" />
        <source>同意</source>
        <translation>Approve</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="54" />
        <source>退回</source>
        <translation>Return</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="54" />
        <source>撤回</source>
        <translation>Withdraw</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="55" />
        <source>委托</source>
        <translation>Delegate</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="55" />
        <source>加签</source>
        <translation>Add signer</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="56" />
        <source>签收任务</source>
        <translation>Claim</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="56" />
        <source>已阅</source>
        <translation>Read</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="57" />
        <source>知会</source>
        <translation>Notify</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="57" />
        <source>归档</source>
        <translation>Archive</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="58" />
        <source>修改</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="58" />
        <source>催办</source>
        <translation>Urge</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="59" />
        <source>送核稿</source>
        <translation>Send for review</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="59" />
        <source>核稿通过</source>
        <translation>Pass review</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="60" />
        <source>承办完毕</source>
        <translation>Handling done</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="62" />
        <source>办文人员</source>
        <translation>Clerk</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="62" />
        <source>会务秘书</source>
        <translation>Meeting secretary</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="63" />
        <source>督查人员</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="63" />
        <source>领导</source>
        <translation>Leader</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="64" />
        <source>管理员</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="66" />
        <source>常务会议</source>
        <translation>Executive meeting</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="66" />
        <source>专题会议</source>
        <translation>Special meeting</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="67" />
        <source>办公会</source>
        <translation>Office meeting</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="67" />
        <source>党组会议</source>
        <translation>Party group meeting</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="68" />
        <source>协调会</source>
        <translation>Coordination meeting</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="68" />
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="69" />
        <source>草稿</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="69" />
        <source>已发通知</source>
        <translation>Notified</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="70" />
        <source>已取消</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="70" />
        <source>已召开</source>
        <translation>Held</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="71" />
        <source>纪要已印发</source>
        <translation>Minutes published</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="72" />
        <source>预订会议室</source>
        <translation>Book room</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="72" />
        <source>同意使用会议室</source>
        <translation>Approve room</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="73" />
        <source>不同意使用会议室</source>
        <translation>Refuse room</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="73" />
        <source>发送会议通知</source>
        <translation>Send notice</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="74" />
        <location filename="../../ui/inbox_model.py" line="71" />
        <source>回执</source>
        <translation>Reply</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="74" />
        <source>提醒</source>
        <translation>Remind</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="75" />
        <location filename="../../ui/inbox_model.py" line="72" />
        <source>签到</source>
        <translation>Check in</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="75" />
        <source>取消会议</source>
        <translation>Cancel meeting</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="76" />
        <source>记录纪要</source>
        <translation>Record minutes</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="76" />
        <source>印发纪要</source>
        <translation>Publish minutes</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="77" />
        <source>立项督办</source>
        <translation>Open supervision</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="78" />
        <source>待审批</source>
        <translation>Awaiting approval</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="78" />
        <source>已预订</source>
        <translation>Booked</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="79" />
        <source>预订未获同意</source>
        <translation>Booking refused</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="80" />
        <source>参加</source>
        <translation>Attend</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="80" />
        <source>请假</source>
        <translation>Leave</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="81" />
        <source>委派</source>
        <translation>Deputy</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="83" />
        <source>待领导审批</source>
        <translation>Awaiting approval</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="83" />
        <source>已立项</source>
        <translation>Opened</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="84" />
        <source>已交办</source>
        <translation>Assigned</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="84" />
        <source>已签收</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="85" />
        <source>办理中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="85" />
        <source>待审核</source>
        <translation>Awaiting review</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="86" />
        <source>已退回</source>
        <translation>Returned</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="87" />
        <location filename="../../ui/inbox_model.py" line="74" />
        <source>立项</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="87" />
        <location filename="../../ui/inbox_model.py" line="75" />
        <source>批准立项</source>
        <translation>Approve opening</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="88" />
        <location filename="../../ui/inbox_model.py" line="76" />
        <source>交办</source>
        <translation>Assign</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="88" />
        <source>进度反馈</source>
        <translation>Progress report</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="89" />
        <source>延期申请</source>
        <translation>Request extension</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="89" />
        <source>同意延期</source>
        <translation>Grant extension</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="90" />
        <source>不同意延期</source>
        <translation>Refuse extension</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="90" />
        <source>办结申请</source>
        <translation>Request completion</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="91" />
        <source>办结销号</source>
        <translation>Complete and close</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="92" />
        <source>领导批示</source>
        <translation>Leader's instruction</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="92" />
        <source>会议议定</source>
        <translation>Meeting decision</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="93" />
        <source>上级交办</source>
        <translation>Assigned from above</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="93" />
        <source>来文</source>
        <translation>Incoming document</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="94" />
        <source>建议提案</source>
        <translation>Proposal</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="95" />
        <source>绿灯</source>
        <translation>Green</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="95" />
        <source>黄灯</source>
        <translation>Yellow</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="96" />
        <source>红灯</source>
        <translation>Red</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="97" />
        <source>不定期</source>
        <translation>As needed</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="97" />
        <source>每周</source>
        <translation>Weekly</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="98" />
        <source>每月</source>
        <translation>Monthly</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="98" />
        <source>自定义</source>
        <translation>Custom</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="120" />
        <source>一</source>
        <translation>Mon</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="120" />
        <source>二</source>
        <translation>Tue</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="121" />
        <source>三</source>
        <translation>Wed</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="121" />
        <source>四</source>
        <translation>Thu</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="122" />
        <source>五</source>
        <translation>Fri</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="122" />
        <source>六</source>
        <translation>Sat</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="123" />
        <source>日</source>
        <translation>Sun</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="126" />
        <source>{0}（{1}）</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="127" />
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="128" />
        <source>，</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../ui/common/values.py" line="129" />
        <source>{0}：{1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_model.py" line="65" />
        <source>公文</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_model.py" line="66" />
        <source>会议</source>
        <translation>Meeting</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_model.py" line="67" />
        <source>督办</source>
        <translation>Supervision</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_model.py" line="73" />
        <source>审批会议室</source>
        <translation>Approve room</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_model.py" line="78" />
        <source>汇报进展</source>
        <translation>Report progress</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_model.py" line="79" />
        <source>配合办理</source>
        <translation>Assist</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_model.py" line="80" />
        <source>审批延期</source>
        <translation>Decide extension</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_model.py" line="81" />
        <source>审核办结</source>
        <translation>Review completion</translation>
    </message>
</context>
<context><name>messages</name><message><source>action.malformed</source><translation>The action's arguments are malformed</translation></message><message><source>archive.bad_text</source><translation>The title, body or opinions hold characters that cannot be saved; correct them before exporting the archive package</translation></message><message><source>archive.corrupt_blob</source><translation>The local copy of “{name}” is damaged; sync to download it again before exporting the archive package</translation></message><message><source>archive.missing_attachment</source><translation>“{name}” is not downloaded yet; the archive package cannot be exported</translation></message><message><source>archive.missing_official_pdf</source><translation>The sealed official PDF is not downloaded yet; sync or download it before exporting the archive package</translation></message><message><source>archive.not_archived</source><translation>The document is not archived yet</translation></message><message><source>archive.pending_item_number</source><translation>The server has not assigned the item number yet; sync before exporting</translation></message><message><source>archive.retention_required</source><translation>Choose a retention period (permanent, 30 or 10 years)</translation></message><message><source>auth.directory_unavailable</source><translation>The unified identity service cannot be reached; please try again later or contact the administrator</translation></message><message><source>auth.forbidden</source><translation>You may not do this</translation></message><message><source>auth.invalid_credentials</source><translation>Wrong username or password</translation></message><message><source>auth.invalid_refresh</source><translation>Your login is no longer valid; please log in again</translation></message><message><source>auth.invalid_token</source><translation>Your login is no longer valid; please log in again</translation></message><message><source>auth.login_required</source><translation>Please log in again</translation></message><message><source>auth.oidc_invalid_token</source><translation>The unified identity sign-in is not valid; please sign in again</translation></message><message><source>auth.oidc_not_configured</source><translation>This server does not offer unified identity sign-in</translation></message><message><source>auth.oidc_token_expired</source><translation>The unified identity sign-in has expired; please sign in again</translation></message><message><source>auth.oidc_unavailable</source><translation>The unified identity service cannot be reached; please try again later</translation></message><message><source>auth.oidc_unknown_person</source><translation>Your unified identity account is not registered in this system; please ask the administrator</translation></message><message><source>auth.password_managed_by_directory</source><translation>This account's password is managed by the unified identity platform; please change it there</translation></message><message><source>auth.refresh_expired</source><translation>Your login has expired; please log in again</translation></message><message><source>auth.refresh_reused</source><translation>Your login was used twice and has been ended for safety; please log in again</translation></message><message><source>auth.required</source><translation>Please log in first</translation></message><message><source>auth.same_password</source><translation>The new password must differ from the current one</translation></message><message><source>auth.throttled</source><translation>Too many attempts; please try again later</translation></message><message><source>auth.token_expired</source><translation>Your login has expired; please log in again</translation></message><message><source>auth.weak_password</source><translation>The password is too weak: make it longer, without spaces at either end, and unlike the username</translation></message><message><source>auth.wrong_password</source><translation>The current password is wrong</translation></message><message><source>backup.bad_file</source><translation>This is not an Office Collaboration backup, or the backup is damaged</translation></message><message><source>backup.empty</source><translation>The database is not initialised; there is nothing to back up</translation></message><message><source>backup.exists</source><translation>The backup file already exists: {path}</translation></message><message><source>backup.no_file</source><translation>An in-memory database cannot be backed up</translation></message><message><source>backup.target_not_empty</source><translation>The target database is not empty: restore into a new, empty one so that no data is overwritten</translation></message><message><source>backup.tool_failed</source><translation>{tool} failed</translation></message><message><source>backup.tool_missing</source><translation>The PostgreSQL tool {tool} is missing; install postgresql-client</translation></message><message><source>backup.wrong_database</source><translation>This backup comes from another kind of database and cannot be restored here</translation></message><message><source>blob.bad_hash</source><translation>The attachment's checksum is not valid</translation></message><message><source>blob.bad_offset</source><translation>The attachment's size or transfer position is not valid</translation></message><message><source>blob.bad_range</source><translation>The requested range is not valid</translation></message><message><source>blob.bad_state</source><translation>The attachment's transfer state is not valid</translation></message><message><source>blob.corrupt</source><translation>The attachment is damaged or was changed; please add it again</translation></message><message><source>blob.hash_mismatch</source><translation>The attachment does not match its checksum and was discarded; please upload it again</translation></message><message><source>blob.missing</source><translation>The local copy of the attachment is gone; please add it again</translation></message><message><source>blob.no_content</source><translation>The attachment has a name but no file</translation></message><message><source>blob.not_found</source><translation>The attachment does not exist or you may not see it</translation></message><message><source>blob.offset_mismatch</source><translation>The upload position differs from what the server has received</translation></message><message><source>blob.size_conflict</source><translation>The attachment's size differs from the one registered</translation></message><message><source>blob.too_long</source><translation>The upload is larger than the registered attachment</translation></message><message><source>blob.unknown</source><translation>“{name}” is not fully uploaded yet; please try again later</translation></message><message><source>body_file.unreadable</source><translation>The text of the file cannot be read</translation></message><message><source>body_version.file</source><translation>The body file version is not valid</translation></message><message><source>client.bad_encoding</source><translation>The server's compressed answer arrived damaged or incomplete; it will be fetched again</translation></message><message><source>client.bad_response</source><translation>The server's answer could not be read</translation></message><message><source>clock.naive</source><translation>This computer's time has no time zone</translation></message><message><source>date.chinese_numerals</source><translation>Dates use Arabic numerals (GB/T 9704—2012)</translation></message><message><source>date.format</source><translation>Write dates as ××××年×月×日</translation></message><message><source>date.padded</source><translation>No leading zeros in months and days</translation></message><message><source>delegation.end_before_start</source><translation>The end must be after the start</translation></message><message><source>delegation.exists</source><translation>This delegation already exists</translation></message><message><source>delegation.forbidden</source><translation>Only the delegating person or an administrator can end it</translation></message><message><source>delegation.in_past</source><translation>The end has passed; the delegation would never apply</translation></message><message><source>delegation.naive_time</source><translation>Delegation times need a time zone</translation></message><message><source>delegation.not_found</source><translation>The delegation does not exist or has ended</translation></message><message><source>delegation.overlap</source><translation>This period is already delegated to someone else; end that delegation or change the times</translation></message><message><source>delegation.self</source><translation>You cannot delegate to yourself</translation></message><message><source>delegation.too_long</source><translation>A delegation can last at most {max_days} days</translation></message><message><source>delegation.unknown_delegate</source><translation>The delegate does not exist or is inactive</translation></message><message><source>delegation.unknown_principal</source><translation>The delegating person does not exist or is inactive</translation></message><message><source>directory.no_people</source><translation>The directory returned nobody, so nothing was changed (nobody is marked as having left); please check people_base and people_filter in [ldap]</translation></message><message><source>directory.not_configured</source><translation>The configuration file has no [ldap] table for the directory</translation></message><message><source>directory.unavailable</source><translation>The directory could not be read, so nothing was changed</translation></message><message><source>directory.unknown_root_unit</source><translation>The unit named by root_unit in [ldap] does not exist</translation></message><message><source>distribute.unknown_unit</source><translation>Some recipient units are not in the directory</translation></message><message><source>doc_number.bad_agency_code</source><translation>The agency code must not be empty or hold brackets or spaces</translation></message><message><source>doc_number.bad_sequence</source><translation>The sequence number starts at 1</translation></message><message><source>doc_number.bad_year</source><translation>The year must have four digits</translation></message><message><source>doc_number.malformed</source><translation>The document number “{value}” is not well formed; write it like 萍府发〔2023〕21号</translation></message><message><source>document.classified</source><translation>“{value}” documents are classified and must not be handled on the extranet; use the classified network or paper</translation></message><message><source>document.exists</source><translation>The document already exists</translation></message><message><source>document.invalid_*</source><translation>Please check this field</translation></message><message><source>document.invalid_agency_code</source><translation>There is no agency code; the document cannot be numbered</translation></message><message><source>document.invalid_body_file</source><translation>Please check the body file: a .docx, .doc, .wps, .odt or .rtf file of at most 200 MB</translation></message><message><source>document.malformed</source><translation>The document's data is malformed</translation></message><message><source>document.not_found</source><translation>The document does not exist or you may no longer see it</translation></message><message><source>document.unknown_classification</source><translation>The classification must be Public or Internal, not “{value}”</translation></message><message><source>document.unknown_field</source><translation>These fields cannot be changed</translation></message><message><source>document.unknown_type</source><translation>“{value}” is not one of the 15 statutory document types</translation></message><message><source>document.unknown_unit</source><translation>Some units are not in the directory</translation></message><message><source>document.unknown_urgency</source><translation>The urgency must be Extra urgent, Urgent or Normal, not “{value}”</translation></message><message><source>file.unreadable</source><translation>The file cannot be read</translation></message><message><source>handover.cannot_take</source><translation>The successor cannot take over this work</translation></message><message><source>handover.leaver_active</source><translation>{name} is still active; stop the account before handing over</translation></message><message><source>handover.not_admin</source><translation>{username} is not an administrator</translation></message><message><source>handover.not_open_work</source><translation>These records hold no open work of that person: {record_ids}</translation></message><message><source>handover.nothing_to_hand_over</source><translation>This record holds no open work of the person who left</translation></message><message><source>handover.other_unit</source><translation>{name} is not in the unit of the person who left; add --allow-other-unit to hand over across units</translation></message><message><source>handover.same_person</source><translation>The person who left and the successor must differ</translation></message><message><source>handover.successor_inactive</source><translation>{name} is inactive and cannot take over work</translation></message><message><source>handover.unknown_kind</source><translation>Unknown kind of record: {kinds}</translation></message><message><source>handover.unknown_person</source><translation>Unknown person: {person_id}</translation></message><message><source>http.error</source><translation>The request could not be handled</translation></message><message><source>http.method_not_allowed</source><translation>This request method is not supported</translation></message><message><source>http.not_acceptable</source><translation>This response format is not supported</translation></message><message><source>http.not_found</source><translation>The address does not exist</translation></message><message><source>ics.already_cancelled</source><translation>The meeting is already cancelled; nothing was changed</translation></message><message><source>ics.bad_encoding</source><translation>The calendar file's encoding cannot be read</translation></message><message><source>ics.bad_time</source><translation>The calendar's meeting times are not valid</translation></message><message><source>ics.meeting_not_found</source><translation>The meeting this calendar file cancels is not on this computer; nothing was changed. Sync, then import it again</translation></message><message><source>ics.no_event</source><translation>The calendar file holds no meeting (VEVENT)</translation></message><message><source>ics.no_start</source><translation>The calendar's meeting has no start (DTSTART)</translation></message><message><source>ics.not_calendar</source><translation>This is not an iCalendar file (.ics)</translation></message><message><source>ics.occurrence_*_unsupported</source><translation>The calendar file changes one occurrence of a recurring meeting; that is not supported. Nothing was changed</translation></message><message><source>ics.too_large</source><translation>The calendar file is too large (1 MB at most)</translation></message><message><source>inbox.unknown_folder</source><translation>Unknown inbox folder</translation></message><message><source>inbox.unknown_sort</source><translation>Unknown sort order</translation></message><message><source>ledger.malformed</source><translation>The ledger file cannot be read</translation></message><message><source>meeting.*_busy</source><translation>Busy at that time</translation></message><message><source>meeting.already_booked</source><translation>This meeting already has a room booked</translation></message><message><source>meeting.already_checked_in</source><translation>This person has checked in already</translation></message><message><source>meeting.already_supervised</source><translation>This decision is already under supervision</translation></message><message><source>meeting.bad_code</source><translation>Enter the right check-in code</translation></message><message><source>meeting.bad_deputy</source><translation>You cannot send yourself as your deputy</translation></message><message><source>meeting.bad_recurrence</source><translation>The recurrence rule is not valid (e.g. FREQ=WEEKLY;COUNT=10)</translation></message><message><source>meeting.bad_reply</source><translation>Choose a reply: attend, leave or send a deputy</translation></message><message><source>meeting.bad_time</source><translation>The meeting must end after it starts</translation></message><message><source>meeting.check_in_closed</source><translation>Self check-in has closed; ask the meeting staff</translation></message><message><source>meeting.check_in_not_open</source><translation>Check-in opens 30 minutes before the meeting</translation></message><message><source>meeting.decision_incomplete</source><translation>A decision needs a lead unit and a deadline before it can be supervised</translation></message><message><source>meeting.deputy_required</source><translation>Choose who attends for you</translation></message><message><source>meeting.exists</source><translation>The meeting already exists</translation></message><message><source>meeting.forbidden</source><translation>You may not do this with this meeting</translation></message><message><source>meeting.in_past</source><translation>The meeting has started or is over; it cannot change now</translation></message><message><source>meeting.invalid_*</source><translation>Please check this field</translation></message><message><source>meeting.invalid_decision</source><translation>Each decision needs a text, and not too long</translation></message><message><source>meeting.item_id_required</source><translation>The supervision item number is missing</translation></message><message><source>meeting.malformed</source><translation>The meeting's data is malformed</translation></message><message><source>meeting.minutes_required</source><translation>The minutes cannot be empty</translation></message><message><source>meeting.minutes_too_long</source><translation>The minutes are too long</translation></message><message><source>meeting.naive_time</source><translation>Meeting times need a time zone</translation></message><message><source>meeting.no_attendees</source><translation>Add attendees (people or units) first</translation></message><message><source>meeting.no_check_in_code</source><translation>This meeting has no check-in code; the staff check people in</translation></message><message><source>meeting.no_minutes</source><translation>No minutes yet</translation></message><message><source>meeting.no_room</source><translation>Choose a room</translation></message><message><source>meeting.not_an_occurrence</source><translation>That time is not an occurrence of this recurring meeting</translation></message><message><source>meeting.not_found</source><translation>The meeting does not exist or you may no longer see it</translation></message><message><source>meeting.not_in_unit</source><translation>The people named do not belong to the invited unit</translation></message><message><source>meeting.not_invited</source><translation>Only invited people (or units) can reply</translation></message><message><source>meeting.not_pending</source><translation>No room booking waits for approval</translation></message><message><source>meeting.not_started</source><translation>The meeting has not started; minutes come later</translation></message><message><source>meeting.nothing_changed</source><translation>Nothing to change</translation></message><message><source>meeting.nothing_to_remind</source><translation>Everyone invited has replied</translation></message><message><source>meeting.people_required</source><translation>Name who attends from your unit</translation></message><message><source>meeting.place_required</source><translation>Book a room or give a place</translation></message><message><source>meeting.reason_required</source><translation>Please give a reason</translation></message><message><source>meeting.reason_too_long</source><translation>The reason is too long</translation></message><message><source>meeting.recurrence_overlaps</source><translation>Two occurrences of the recurring meeting overlap</translation></message><message><source>meeting.recurrence_too_long</source><translation>A recurring meeting has too many occurrences or lasts over two years</translation></message><message><source>meeting.reply_closed</source><translation>The meeting is over; replies are closed</translation></message><message><source>meeting.room_not_booked</source><translation>The room is not booked yet; the notice cannot be sent</translation></message><message><source>meeting.room_pending</source><translation>The room booking waits for approval; the notice cannot be sent</translation></message><message><source>meeting.room_taken</source><translation>{room_name} is taken by “{holder_title}”</translation></message><message><source>meeting.room_too_small</source><translation>The room is too small for this meeting</translation></message><message><source>meeting.schedule_required</source><translation>Booking a room needs the room and its bookings</translation></message><message><source>meeting.series</source><translation>For a recurring meeting, do this on one occurrence</translation></message><message><source>meeting.sitting_exists</source><translation>This occurrence exists already; use it</translation></message><message><source>meeting.too_long</source><translation>A meeting cannot last over 14 days</translation></message><message><source>meeting.too_many_people</source><translation>Too many people for one unit</translation></message><message><source>meeting.unbounded_recurrence</source><translation>A recurring meeting needs an end date (UNTIL) or a count (COUNT)</translation></message><message><source>meeting.unknown_action</source><translation>This action is not supported</translation></message><message><source>meeting.unknown_decision</source><translation>There is no such decision</translation></message><message><source>meeting.unknown_field</source><translation>These fields cannot be changed</translation></message><message><source>meeting.unknown_room</source><translation>The room does not exist</translation></message><message><source>meeting.wrong_status</source><translation>The meeting's status does not allow this</translation></message><message><source>meta.bad_key</source><translation>The setting has no name</translation></message><message><source>mutation.invalid_args</source><translation>The action's arguments are not valid</translation></message><message><source>mutation.unknown</source><translation>The server does not support this action: {name}</translation></message><message><source>mutation.unsupported_version</source><translation>This action comes from a newer client; ask the administrator to upgrade the server</translation></message><message><source>notify.address_missing</source><translation>Fill in the e-mail address or mobile number before choosing that channel</translation></message><message><source>notify.channel_unavailable</source><translation>This server does not send notifications on that channel</translation></message><message><source>notify.invalid_email</source><translation>The e-mail address is not valid</translation></message><message><source>notify.invalid_phone</source><translation>The mobile number is not valid: 11 digits of a mainland number, +86 allowed</translation></message><message><source>number.doc_number</source><translation>The document number is not well formed</translation></message><message><source>number.full_width</source><translation>Digits and letters should be half-width</translation></message><message><source>number.mixed_zero</source><translation>The year mixes 〇 with the digit 0 or the letter O</translation></message><message><source>oidc.bad_response</source><translation>The unified identity platform's answer cannot be read; please ask the administrator</translation></message><message><source>oidc.denied</source><translation>The sign-in was cancelled or refused on the unified identity page</translation></message><message><source>oidc.no_browser</source><translation>No browser could be opened; please check the computer's default browser</translation></message><message><source>oidc.not_offered</source><translation>This server does not offer unified identity sign-in</translation></message><message><source>oidc.provider_error</source><translation>The unified identity platform did not complete the sign-in: {error}</translation></message><message><source>oidc.state_mismatch</source><translation>The sign-in answer does not belong to this sign-in and was refused (it may be forged); please sign in again</translation></message><message><source>oidc.timeout</source><translation>No sign-in came back from the browser within {minutes} minutes; please sign in again</translation></message><message><source>oidc.unreachable</source><translation>The unified identity platform cannot be reached; please check the network and try again</translation></message><message><source>opinion.required</source><translation>Please write an opinion</translation></message><message><source>opinion.too_long</source><translation>The opinion is too long</translation></message><message><source>org.import_empty</source><translation>The file is empty</translation></message><message><source>org.import_encoding</source><translation>The file's encoding is unknown; save it as a UTF-8 CSV file</translation></message><message><source>org.import_header</source><translation>The header lacks required columns</translation></message><message><source>org.import_invalid</source><translation>Nothing was imported: some rows have errors</translation></message><message><source>org.import_missing</source><translation>The file cannot be found</translation></message><message><source>org.import_too_large</source><translation>Too many rows to import at once</translation></message><message><source>org.import_unreadable</source><translation>The Excel file cannot be read; it may be damaged</translation></message><message><source>org.unit_cycle</source><translation>The units' hierarchy has a cycle</translation></message><message><source>org.unknown_parent</source><translation>A unit's parent unit does not exist</translation></message><message><source>org.unknown_person</source><translation>The person does not exist or is inactive</translation></message><message><source>org.unknown_role</source><translation>Unknown role: {role}</translation></message><message><source>org.unknown_unit</source><translation>The unit does not exist</translation></message><message><source>org.unknown_username</source><translation>Unknown username: {username}</translation></message><message><source>org.username_taken</source><translation>The username is taken</translation></message><message><source>outbox.ack_ahead</source><translation>The server confirmed actions this computer never sent; the local database may have been restored from a backup. Log in again to rebuild it</translation></message><message><source>outbox.bad_name</source><translation>The action has no name</translation></message><message><source>outbox.unknown_mutation</source><translation>This action is not in the local queue</translation></message><message><source>page.bad_range</source><translation>The page parameters are not valid</translation></message><message><source>pdf.bad_date</source><translation>Not a valid date or time</translation></message><message><source>pdf.bad_json</source><translation>The input file is not valid UTF-8 JSON</translation></message><message><source>pdf.bad_seal_image</source><translation>The seal image cannot be read (PNG)</translation></message><message><source>pdf.bad_step</source><translation>Not a valid step</translation></message><message><source>pdf.bad_value</source><translation>Not a valid value</translation></message><message><source>pdf.cannot_write</source><translation>The output file cannot be written</translation></message><message><source>pdf.encrypted</source><translation>The PDF is encrypted; PDF/A does not allow encryption</translation></message><message><source>pdf.missing_field</source><translation>A required field is missing</translation></message><message><source>pdf.no_cjk_font</source><translation>No Chinese font was found on this computer</translation></message><message><source>pdf.no_input</source><translation>The input file cannot be read</translation></message><message><source>pdf.not_pdf</source><translation>Not a valid PDF; it cannot become PDF/A</translation></message><message><source>pdf.unknown_field</source><translation>Unknown field</translation></message><message><source>pdf.wrong_type</source><translation>A field has the wrong type</translation></message><message><source>punct.half_width</source><translation>Use full-width punctuation in Chinese sentences</translation></message><message><source>punct.repeated</source><translation>Repeated punctuation</translation></message><message><source>punct.unbalanced</source><translation>Unbalanced quotes or brackets</translation></message><message><source>rejection.not_found</source><translation>This refused action is no longer listed</translation></message><message><source>request.bad</source><translation>The request is malformed</translation></message><message><source>request.bad_encoding</source><translation>The compressed request is damaged or incomplete</translation></message><message><source>request.invalid</source><translation>The request is not valid</translation></message><message><source>request.length_required</source><translation>The request must state its length</translation></message><message><source>request.too_large</source><translation>The request is too large</translation></message><message><source>request.unsupported_encoding</source><translation>The request is compressed in a format the server does not accept</translation></message><message><source>request.unsupported_media_type</source><translation>This request content type is not supported</translation></message><message><source>seal.bad_ca</source><translation>The root certificate's key is not an EC key</translation></message><message><source>seal.bad_image</source><translation>The seal image cannot be used: use a PNG of at most 2 MB</translation></message><message><source>seal.bad_password</source><translation>Wrong certificate password; please enter it again</translation></message><message><source>seal.bad_pdf</source><translation>The file is not a PDF that can be sealed</translation></message><message><source>seal.bad_root</source><translation>The root certificate file is not a PEM certificate</translation></message><message><source>seal.ca_exists</source><translation>The organisation's root certificate exists already</translation></message><message><source>seal.encrypted</source><translation>The PDF is encrypted and cannot be sealed</translation></message><message><source>seal.expired</source><translation>The seal certificate has expired; replace it</translation></message><message><source>seal.no_ca</source><translation>The server has no root certificate to issue seal certificates</translation></message><message><source>seal.no_key</source><translation>The certificate file holds no matching private key</translation></message><message><source>seal.no_name</source><translation>The organisation's name cannot be empty</translation></message><message><source>seal.no_number</source><translation>The document has no number yet and cannot be sealed</translation></message><message><source>seal.no_password</source><translation>The password environment variable is not set</translation></message><message><source>seal.no_root</source><translation>The PKCS#12 file has no root certificate</translation></message><message><source>seal.not_configured</source><translation>Your unit has no electronic seal yet; ask the administrator to import one</translation></message><message><source>seal.not_pkcs12</source><translation>The file is not a PKCS#12 certificate (.p12/.pfx)</translation></message><message><source>seal.not_yet_valid</source><translation>The seal certificate is not valid yet</translation></message><message><source>seal.untrusted_chain</source><translation>The seal certificate cannot be verified by this root certificate</translation></message><message><source>search.too_long</source><translation>The search text is too long</translation></message><message><source>server.error</source><translation>The server failed; please contact the administrator</translation></message><message><source>server.stopping</source><translation>The server is stopping; please try again later</translation></message><message><source>server.unavailable</source><translation>The server cannot handle requests now; please try again later</translation></message><message><source>space.between_chinese</source><translation>Extra space between Chinese characters</translation></message><message><source>store.busy</source><translation>The local database is in use by another program; please try again later</translation></message><message><source>store.disk_full</source><translation>The disk is full; free some space and try again</translation></message><message><source>store.not_json</source><translation>The data cannot be saved: it holds values that are not JSON</translation></message><message><source>store.too_new</source><translation>The local database was made by a newer version; upgrade this program</translation></message><message><source>store.unreadable</source><translation>The local database cannot be opened: it is damaged, not a database, or not accessible</translation></message><message><source>supervision.action_not_allowed</source><translation>The item's status does not allow this</translation></message><message><source>supervision.already_urged</source><translation>The item was already urged by this rule</translation></message><message><source>supervision.deadline_passed</source><translation>The deadline has passed; change it first</translation></message><message><source>supervision.exists</source><translation>The supervision item already exists</translation></message><message><source>supervision.extension_in_past</source><translation>The new deadline must be in the future</translation></message><message><source>supervision.extension_not_later</source><translation>The new deadline must be after the current one</translation></message><message><source>supervision.extension_pending</source><translation>An extension request already waits for approval</translation></message><message><source>supervision.forbidden</source><translation>You may not do this with this item</translation></message><message><source>supervision.invalid_*</source><translation>Please check this field</translation></message><message><source>supervision.invalid_content</source><translation>The content cannot be empty</translation></message><message><source>supervision.invalid_deadline</source><translation>Please give a valid deadline</translation></message><message><source>supervision.invalid_lead_unit_id</source><translation>Name the lead unit</translation></message><message><source>supervision.invalid_percent</source><translation>Progress is a whole number from 0 to 100</translation></message><message><source>supervision.malformed_action</source><translation>The supervision action is malformed</translation></message><message><source>supervision.malformed_item</source><translation>The supervision item's data is malformed</translation></message><message><source>supervision.no_pending_extension</source><translation>No extension request waits for approval</translation></message><message><source>supervision.not_found</source><translation>The item does not exist or you may no longer see it</translation></message><message><source>supervision.nothing_changed</source><translation>Nothing to change</translation></message><message><source>supervision.nothing_to_urge</source><translation>The item needs no urging now</translation></message><message><source>supervision.parent_completed</source><translation>A closed item cannot be split</translation></message><message><source>supervision.status_moved</source><translation>The item's status has changed; see the route for who acted</translation></message><message><source>supervision.text_required</source><translation>Please write a text</translation></message><message><source>supervision.text_too_long</source><translation>The text is too long</translation></message><message><source>supervision.unknown_action</source><translation>This action is not supported</translation></message><message><source>supervision.unknown_field</source><translation>These fields cannot be changed</translation></message><message><source>supervision.unknown_source</source><translation>The source record does not exist or you may not see it</translation></message><message><source>supervision.wrong_item</source><translation>The urging record belongs to another item</translation></message><message><source>sync.bad_cursor</source><translation>The sync position cannot be negative</translation></message><message><source>sync.client_mismatch</source><translation>This client was used by someone else; log in again to set up new local data</translation></message><message><source>sync.client_too_old</source><translation>This client is too old for the server; upgrade it, then sync. Actions not yet synced are kept</translation></message><message><source>sync.cursor_backwards</source><translation>The server's sync position is behind this computer's</translation></message><message><source>sync.derived_id_taken</source><translation>Inconsistent data: the record number is taken; nothing was done. Please contact the administrator</translation></message><message><source>sync.out_of_order</source><translation>The actions arrived out of order; the server waits for an earlier one</translation></message><message><source>sync.schema_unsupported</source><translation>This client is newer than the server; ask the administrator to upgrade the server</translation></message><message><source>trace.bad_key</source><translation>The key file is not an Ed25519 key</translation></message><message><source>trace.chain_mismatch</source><translation>The record's trace does not match the server's hash chain and may have been tampered with; nothing was done. Ask the administrator to run verify-trace</translation></message><message><source>workflow.action_not_allowed</source><translation>This action is not possible at this step</translation></message><message><source>workflow.already_acted</source><translation>Someone has acted at the next step, so it cannot be withdrawn; ask them to return it</translation></message><message><source>workflow.already_circulated</source><translation>The chosen people are already reading it</translation></message><message><source>workflow.already_claimed</source><translation>{winner_name} took this step at {at}</translation></message><message><source>workflow.already_holder</source><translation>The chosen person already handles this step</translation></message><message><source>workflow.already_informed</source><translation>Everyone chosen has been notified already</translation></message><message><source>workflow.already_yours</source><translation>You already handle this step</translation></message><message><source>workflow.assignee_required</source><translation>Please choose a person</translation></message><message><source>workflow.bad_assignee</source><translation>The chosen person cannot handle this step</translation></message><message><source>workflow.bad_return_target</source><translation>The document cannot be returned to that step</translation></message><message><source>workflow.cannot_withdraw</source><translation>This step can no longer be withdrawn by you</translation></message><message><source>workflow.forbidden</source><translation>You may not do this with this document</translation></message><message><source>workflow.inform_closed</source><translation>The document is closed or archived; no one can be notified</translation></message><message><source>workflow.lead_unit_required</source><translation>An instruction must name the lead unit</translation></message><message><source>workflow.not_holder</source><translation>You do not handle the current step</translation></message><message><source>workflow.not_informed</source><translation>You were not notified of this document</translation></message><message><source>workflow.nothing_changed</source><translation>Nothing to change</translation></message><message><source>workflow.nothing_to_acknowledge</source><translation>There is nothing for you to acknowledge</translation></message><message><source>workflow.nothing_to_urge</source><translation>No step of this document waits for anyone</translation></message><message><source>workflow.one_assignee</source><translation>Only one person handles this step; use Add signer for more</translation></message><message><source>workflow.step_moved</source><translation>The document has moved on to another step; see the route for who acted</translation></message><message><source>workflow.unknown_action</source><translation>This action is not supported</translation></message></context></TS>