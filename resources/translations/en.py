"""English texts for the Chinese source strings of the UI (fed into officeapp_en.ts)."""

EN = {
    # 知会 (notify for information)
    "知会": "Notify", "知会我的": "Notified to me", "知会：": "Notified: ",
    "知会对象": "Notified", "知会人": "Sent by", "知会时间": "Sent at",
    "知会情况": "Notified for information", "已知会": "Notified", "标记已阅": "Marking as read",
    "知会谁？他们可以阅看本文件和办理过程，无需办理。":
    "Whom to notify? They can read the document and its route; they have nothing to do.",
    "附言（可不填）": "Note (optional)", "，知会未阅{0}": ", {0} notices unread",
    "归档": "Archive", "请选择归档年度和保管期限，件号由服务器分配。":
    "Choose the archive year and retention; the server assigns the item number.",
    "（请选择）": "(choose)", "保管期限": "Retention", "年度": "Year",
    "请选择保管期限": "Please choose a retention period", "添加附件…": "Add attachment…",
    "打开": "Open", "移除": "Remove",
    "可将文件拖放到本窗格添加附件（单个不超过200 MB）":
    "Drop files here to attach them (200 MB each at most)",
    "添加附件": "Add attachment", "当前环节不能修改附件": "Attachments cannot change at this step",
    "正在添加附件…": "Adding attachments…",
    "已添加{0}个附件，联网后自动上传": "{0} attachment(s) added; uploaded when online",
    "打开附件": "Open attachment", "“{0}”只有名称，没有电子文件": "“{0}” has a name but no file",
    "“{0}”未下载：联网同步后即可打开": "“{0}” is not downloaded yet: sync online to open it",
    "没有可以打开“{0}”的程序": "No program can open “{0}”", "移除附件": "Remove attachment",
    "修改附件": "Change attachments",
    "已移除“{0}”": "Removed “{0}”", "修改发文": "Edit outgoing document",
    "新建发文": "New outgoing document", "关于……的通知": "Notice on …",
    "正文；段落之间空一行": "Body; a blank line between paragraphs",
    "会签单位（可不选）": "Countersigning units (optional)",
    "搜索姓名、单位或电话": "Search name, unit or phone", "单位 / 姓名": "Unit / name",
    "职务": "Title", "角色": "Roles", "电话": "Phone",
    "在列表中选择一份公文，即可在此查看和办理":
    "Select a document in the list to view and handle it",
    "公文": "Document", "办理过程": "Route", "附件": "Attachments", "更多": "More",
    "预览/打印": "Preview/print",
    "预览、打印或另存为PDF（Ctrl+P）": "Preview, print or save as PDF (Ctrl+P)",
    "您当前不需要办理此文件": "Nothing for you to do on this document now",
    "读取文件": "Loading the document",
    "文件不存在，或您已无权查看该文件": "The document does not exist or you may no longer see it",
    "办理过程（{0}）": "Route ({0})", "附件（{0}）": "Attachments ({0})", "发文": "Outgoing",
    "收文": "Incoming", "待编号": "Number pending", "当前环节：{0}": "Current step: {0}",
    "等{0}项": "and {0} more", "等待服务器确认：{0}": "Waiting for the server: {0}",
    "这些操作已在本机生效，服务器确认后才算办结；如被拒绝，会在此说明原因并保留您的文字":
    "These actions took effect here and count once the server confirms them; if refused, the"
    " reason is shown here and your text is kept",
    "送交指定人员…": "Send to a person…", "读取人员": "Loading people", "委托": "Delegate",
    "委托谁代为办理本环节？": "Who should handle this step for you?", "加签": "Add signer",
    "还需要谁在本环节办理？": "Who else must act at this step?", "传阅": "Circulate",
    "请选择传阅人员：": "Choose who should read it:",
    "送给下一环节的哪一位办理人？": "Which person handles the next step?",
    "未能办理：{0}": "Not done: {0}", "关闭提示": "Close notice",
    "全部紧急程度": "Any urgency", "全部文种": "Any type", "全部状态": "Any status",
    "期限早于": "Due before",
    "搜索标题、文号、正文、意见（Ctrl+F）": "Search titles, numbers, bodies, opinions (Ctrl+F)",
    "批办": "Instruct",
    "请指定牵头承办单位，可同时指定配合单位、办理期限和办结后传阅的人员。":
    "Name the lead unit; optionally co-units, a deadline and who reads it afterwards.",
    "设定办理期限": "Set a deadline", "牵头单位": "Lead unit", "配合单位": "Co-units",
    "传阅人员": "Readers", "批办时必须指定牵头承办单位": "An instruction must name the lead unit",
    "登录 协同办公": "Log in to Office Collaboration",
    "统一身份认证登录": "Sign in with unified identity",
    "已在浏览器中打开统一身份认证页面，请在浏览器中完成登录…":
    "The unified identity page is open in your browser; please sign in there…",
    "已取消统一身份认证登录": "Unified identity sign-in cancelled",
    "可选：政务外网CA证书文件（.pem/.crt）": "Optional: the extranet CA certificate (.pem/.crt)",
    "选择…": "Choose…", "可选：http://代理地址:端口": "Optional: http://proxy:port",
    "服务器地址": "Server", "CA证书": "CA certificate", "代理": "Proxy", "用户名": "Username",
    "密码": "Password", "登录": "Log in", "协同办公": "Office Collaboration",
    "协同办公 — {0}": "Office Collaboration — {0}",
    "公文流转 · 办会 · 督查督办": "Documents · Meetings · Supervision",
    "选择CA证书": "Choose the CA certificate",
    "证书 (*.pem *.crt *.cer);;所有文件 (*)": "Certificates (*.pem *.crt *.cer);;All files (*)",
    "请填写：": "Please fill in: ", "正在登录…": "Logging in…",
    "此功能即将推出。": "This is coming soon.", "即将推出": "Coming soon", "操作": "Actions",
    "新待办": "New work", "您有 %n 件新的待办文件": "You have %n new document(s) to handle",
    "催办": "Urge", "在此填写意见；输入的内容会自动保存为草稿":
    "Write your opinion here; it is saved as a draft as you type",
    "常用意见": "Common phrases", "意见": "Opinion", "读取意见草稿": "Loading the draft",
    "{0}/{1}字": "{0}/{1} chars", "正在输入…": "Typing…", "保存意见草稿": "Saving the draft",
    "草稿已保存 {0}": "Draft saved {0}", "预览": "Preview", "正在生成PDF…": "Rendering the PDF…",
    "打印…": "Print…", "另存为PDF…": "Save as PDF…", "生成PDF": "Render PDF",
    "另存为OFD…": "Save as OFD…", "另存为OFD": "Save as OFD", "OFD 文件 (*.ofd)": "OFD files (*.ofd)",
    "生成OFD": "Render OFD",
    "按 GB/T 33190 版式文件格式保存，版式与PDF相同":
        "Save in the GB/T 33190 fixed-layout format, laid out as the PDF",
    "发文稿纸": "Drafting sheet", "收文处理笺": "Processing sheet", "预览：{0}": "Preview: {0}",
    "另存为PDF": "Save as PDF", "PDF 文件 (*.pdf)": "PDF files (*.pdf)",
    "无法保存：{0}": "Could not save: {0}", "打印": "Print", "请选择人员": "Please choose people",
    "筛选人员": "Filter people", "修改收文登记": "Edit registration",
    "收文登记": "Register incoming document", "如：萍教发〔2026〕8号": "e.g. 萍教发〔2026〕8号",
    "来文正文或内容摘要": "Body or summary of the incoming document",
    "来文字号": "Sender's number", "正文/摘要": "Body/summary",
    "重新使用这段文字": "Reuse this text", "知道了": "Dismiss",
    "被服务器拒绝的操作": "Actions the server refused", "打开文件": "Open document",
    "您当时输入的内容（已保留，可复制重用）：": "What you typed (kept, copy it to reuse):",
    "没有被拒绝的操作。": "No refused actions.", "原因：": "Reason: ", "退回": "Return",
    "退回到哪个环节？请写明退回理由。": "Return to which step? Give the reason.",
    "退回理由": "Reason", "退回到": "Return to",
    "退回时必须填写退回理由": "A return needs a reason", "待上传 %n 项": "%n waiting to upload",
    "正在同步，已接收 %n 条记录": "Syncing, %n record(s) received",
    "无待上传": "Nothing waiting", "%n 项操作被服务器拒绝，点此查看":
    "%n action(s) refused by the server — click to see", "筛选单位": "Filter units",
    "读取通讯录": "Loading the directory", "待办": "To do", "已办": "Done",
    "我发起的": "Started by me", "通讯录": "Directory", "会议": "Meetings", "督办": "Supervision",
    "登记收文": "Register incoming", "立即同步": "Sync now", "退出登录": "Log out",
    "办理中": "In progress", "已办结": "Completed", "已归档": "Archived", "标题": "Title",
    "文号": "Number", "紧急": "Urgency", "当前环节": "Step", "办理期限": "Deadline",
    "更新时间": "Updated", "需要重新登录": "Please log in again", "正在同步…": "Syncing…",
    "在线": "Online", "离线工作": "Working offline", "尚未同步": "Not synced yet",
    "刚刚同步": "Synced just now", "导出归档包…": "Export archive package…",
    "导出归档包": "Export archive package", "归档包 (*.zip)": "Archive packages (*.zip)",
    "未能导出：": "Could not export: ",
}

# supervision
EN.update({
    "督办事项": "Supervision item", "督办催办": "Supervision urging",
    "本月": "This month", "上月": "Last month", "本季度": "This quarter", "本年度": "This year",
    "自定义": "Custom", "事项数": "Items", "按期办结": "Completed on time",
    "逾期数": "Overdue", "办结率": "Completion rate", "按期办结率": "On-time rate",
    "平均办结天数": "Average days to complete", "交办事项": "Items assigned",
    "各单位事项、办结与逾期": "Items, completed and overdue per unit",
    "各单位办结率与按期办结率（%）": "Completion and on-time rates per unit (%)",
    "所选期间没有交办的督办事项": "No supervision items were assigned in this period",
    "统计期间（按交办时间）": "Period (by assignment date)", "至": "to",
    "统计督办事项": "Computing supervision statistics",
    "截至 {0}（服务器时间）": "As of {0} (server time)", "合计": "Total",
    "不定期": "No fixed cycle", "每周": "Weekly", "每月": "Monthly",
    "事项名称": "Item", "督办来源": "Source", "紧急程度": "Urgency",
    "督办内容": "What is to be done", "办理时限": "Deadline", "反馈周期": "Reporting cycle",
    "阅知领导": "Leaders kept informed", "立项审批": "Approval", "审批领导": "Approving leader",
    "来源记录": "Source record", "事项名称不能为空": "The item needs a title",
    "修改督办事项": "Edit supervision item", "分解督办事项": "Split supervision item",
    "新建督办事项": "New supervision item",
    "如：推进全市数字政府建设": "e.g. Advance the city's digital government",
    "督办的具体内容和工作要求": "What exactly is to be done, and the requirements",
    "设定办理时限": "Set a deadline", " 天": " days",
    "立项须经领导审批": "Opening needs a leader's approval",
    "督查单位任一领导": "Any leader of the supervising unit",
    "配合单位（可不选）": "Co-units (optional)",
    "阅知领导（可不选）": "Leaders kept informed (optional)",
    "分解自：{0}（时限 {1}）": "Split from: {0} (deadline {1})",
    "来源记录：{0}": "Source record: {0}",
    "待立项": "To open", "待审批立项": "To approve", "待交办": "To assign",
    "待签收": "To receive", "已逾期": "Overdue", "进度反馈逾期": "Report overdue",
    "办结申请被退回": "Completion request returned",
    "办理中，按期反馈": "In progress, report on time",
    "配合办理": "Assisting", "待审批延期": "Extension to decide",
    "待审核办结": "Completion to review", "督办通报": "Supervision report",
    "请选择通报的期间（按交办时间统计）。": "Choose the report's period (by assignment date).",
    "标题（可不填，默认按期间生成）": "Title (optional; made from the period when empty)",
    "起始日期": "From", "截止日期": "To",
    "截止日期不能早于起始日期": "The last day cannot be before the first",
    "状态灯": "Light", "办理状态": "Status", "进度": "Progress", "待办事由": "Why",
    "期限": "Due", "全部单位": "All units", "仅牵头": "Lead only",
    "只列出该单位牵头的事项，不含配合的": "Only items this unit leads, not those it assists",
    "全部来源": "All sources", "全部灯色": "All lights", "时限": "Deadline",
    "搜索事项名称": "Search item titles", "督办操作": "Supervision actions",
    "我的督办": "My supervision", "全部事项": "All items", "统计分析": "Statistics",
    "新建督办": "New item", "台账导出": "Export ledger", "Excel台账（XLSX）…": "Ledger (XLSX)…",
    "台账PDF…": "Ledger (PDF)…",
    "导出“全部事项”当前筛选出的事项": "Export the items “All items” shows with its filters",
    "督办通报…": "Supervision report…", "督办单": "Assignment sheet", "刷新": "Refresh",
    "我的督办（{0}）": "My supervision ({0})", "全部事项（{0}）": "All items ({0})",
    "我的督办（共{0}项，显示最紧要的前{1}项）":
        "My supervision ({0} in all; the {1} most pressing are shown)",
    "全部事项（共{0}项，按期限显示前{1}项，可用筛选缩小范围）":
        "All items ({0} in all; the first {1} by deadline are shown — filter to narrow)",
    "读取督办事项": "Loading supervision items", "读取我的督办": "Loading my supervision",
    "只有督查人员可以新建督办事项": "Only supervisors may create supervision items",
    "导出台账": "Export ledger", "Excel 工作簿 (*.xlsx)": "Excel workbooks (*.xlsx)",
    "已导出{0}项到 {1}": "Exported {0} item(s) to {1}", "督办台账": "Supervision ledger",
    "台账": "Ledger", "督办通报（{0}至{1}）": "Supervision report ({0} to {1})",
    "请先在列表中选择一项督办事项": "Select a supervision item in the list first",
    "督办单：{0}": "Assignment sheet: {0}", "修改": "Edit", "立项": "Open",
    "批准立项": "Approve opening", "交办": "Assign", "签收": "Receive",
    "进度反馈": "Progress report", "延期申请": "Request extension", "同意延期": "Grant extension",
    "不同意延期": "Refuse extension", "办结申请": "Request completion",
    "办结销号": "Complete and close", "创建": "Create", "退回交办": "Return assignment",
    "草稿": "Draft", "待领导审批": "Awaiting approval", "已立项": "Opened",
    "已交办": "Assigned", "已签收": "Received", "待审核": "Awaiting review",
    "已退回": "Returned", "绿灯": "Green", "黄灯": "Yellow", "红灯": "Red",
    "正常推进": "On track", "未设办理时限": "No deadline",
    "已申请办结，待审核": "Completion requested, awaiting review",
    "临近办理时限": "Deadline near", "临近进度反馈时间": "Report due soon",
    "逾期后申请办结": "Completion requested after the deadline", "逾期办结": "Completed late",
    "待审批": "Pending", "已同意": "Granted", "不同意": "Refused",
    "已撤回（申请办结）": "Withdrawn (completion requested)", "反馈时间": "report due",
    "新建": "Create", "下次反馈": "Next report due", "完成进度": "Progress",
    "督查单位": "Supervising unit", "立项人": "Created by",
    "督查单位领导": "A leader of the supervising unit", "交办时间": "Assigned",
    "办结时间": "Completed", "上级事项": "Parent item", "事项编号": "Item id",
    "分解事项": "Sub-items", "状态": "Status", "时间": "Time", "单位": "Unit",
    "反馈人": "Reported by", "进展情况": "Progress made", "（配合）": " (co-unit)",
    "审核：办结销号": "Review: completed", "审核：退回": "Review: returned",
    "催办人": "Urged by", "方式": "How", "催办内容": "Urging", "人工催办": "By hand",
    "自动催办": "Automatic", "办理时限 {0} → 申请延期至 {1}": "Deadline {0} → asked for {1}",
    "理由：{0}": "Reason: {0}", "{0} 于 {1} 审批": "Decided by {0} at {1}",
    "，延期至 {0}": ", extended to {0}", "完成进度 {0}%": "Progress {0}%",
    "办理时限延至 {0}": "Deadline extended to {0}", "申请延期至 {0}": "Extension asked to {0}",
    "修改了：": "Changed: ", "由上级事项分解": "Split from its parent item",
    "您的“{0}”操作未被服务器接受：{1}": "The server did not accept your “{0}”: {1}",
    "您当时填写的内容：{0}": "What you wrote: {0}",
    "请写明办理结果，可附佐证材料；督查人员审核后办结销号。":
    "Describe the result, with supporting files if any; a supervisor reviews and closes it.",
    "请填写完成进度和进展情况，可附相关材料。":
    "Give the progress and what was done, with files if any.",
    "办理结果": "Result",
    "附件仍在添加，请稍候": "Attachments are still being added; please wait",
    "请填写办理结果": "Please describe the result",
    "请填写进展情况": "Please describe the progress",
    "现办理时限为 {0}。请选择申请延期至的日期并写明理由。":
    "The deadline is {0}. Choose the date asked for and give the reason.",
    "申请延期至 {0}。可同意更短的期限，但须晚于现办理时限 {1}。":
    "Extension asked to {0}. You may grant less, but later than the current deadline {1}.",
    "延期理由": "Reason for the extension", "审批意见（可不填）": "Opinion (optional)",
    "延期至": "Extend to", "审批意见": "Opinion",
    "申请延期时必须填写理由": "An extension request needs a reason",
    "延期后的时限必须晚于现在的办理时限": "The new deadline must be after the current one",
    "退回立项申请，请写明理由。": "Return the request to open; give the reason.",
    "交办给本单位有误？请写明理由，督查人员修改后重新交办。":
    "Assigned to the wrong unit? Give the reason; the supervisor corrects and assigns again.",
    "退回办结申请，请写明理由；牵头单位继续办理后再申请。":
    "Return the completion request with the reason; the lead unit continues and asks again.",
    "不同意延期，办理时限不变。请写明理由。":
    "Refuse the extension; the deadline stays. Give the reason.",
    "理由": "Reason", "不同意延期时必须填写理由": "Refusing an extension needs a reason",
    "催办通知将发给牵头单位。": "The urging goes to the lead unit.",
    "请抓紧办理《{0}》": "Please speed up “{0}”",
    "立项后即可交办；如需领导审批，将先送审批。":
    "Once opened it can be assigned; if approval is needed it goes to the leader first.",
    "批准立项后，督查人员即可交办。": "Once approved, the supervisor can assign it.",
    "交办后，牵头单位和配合单位将收到通知，反馈周期开始计算。":
    "The lead and co-units are notified and the reporting cycle starts.",
    "签收后开始办理，请按反馈周期报送进展。":
    "Receive it and start; report progress on the reporting cycle.",
    "审核通过，办结销号。": "Accept the completion and close the item.",
    "意见（可不填）": "Opinion (optional)",
    "在列表中选择一项督办事项，即可在此查看和办理":
    "Select a supervision item in the list to view and handle it",
    "事项": "Item", "延期": "Extensions", "预览、打印或另存督办单PDF":
    "Preview, print or save the assignment sheet as PDF",
    "您当前不需要办理此事项": "Nothing for you to do on this item now",
    "督办事项不存在，或您已无权查看": "The item does not exist or you may no longer see it",
    "牵头：{0}": "Lead: {0}", "时限：{0}": "Due: {0}", "进度 {0}%": "Progress {0}%",
    "（待审批）": " (pending)", "按服务器时间 {0} 计算": "Computed at server time {0}",
    "这些操作已在本机生效，服务器确认后才算数；如被拒绝，会在此说明原因":
    "These actions took effect here and count once the server confirms them; if refused, the"
    " reason is shown here",
    "分解（新建子事项）…": "Split (new sub-item)…", "立项督办…": "Open a supervision item…",
})

# meetings
EN.update({
    "议题": "Agenda item", "汇报单位": "Reporting unit", "材料": "Materials",
    "添加议题": "Add item", "删除": "Delete", "上移": "Move up", "下移": "Move down",
    "添加材料…": "Add materials…", "清除材料": "Clear materials", "（不指定）": "(none)",
    "（无）": "(none)", "请先选择一个议题": "Choose an agenda item first",
    "添加议题材料": "Add agenda materials", "筛选单位或人员": "Filter units or people",
    "已选{0}：{1}": "{0} chosen: {1}", "尚未选择": "Nobody chosen yet",
    "{0}（整个单位）": "{0} (whole unit)", "签到": "Sign in",
    "请勾选已到会的人员（参会、列席、代为参会均可）。":
    "Tick the people who have arrived (attendees, observers or deputies).",
    "请输入会场公布的签到码。": "Enter the sign-in code announced in the room.",
    "签到码": "Sign-in code", "请输入签到码": "Please enter the sign-in code",
    "今天": "Today", "读取会议": "Loading meetings", "{0}的会议（{1}）": "Meetings on {0} ({1})",
    "这一天没有会议": "No meetings on this day", "修改会议": "Edit meeting",
    "新建会议": "New meeting", "如：全市安全生产工作会议": "e.g. City work-safety meeting",
    " 次": " times", "会议室": "Meeting room", "外部地点": "Elsewhere",
    "会场不在本单位会议室时填写": "Where, if not in one of our meeting rooms",
    "会议要求、着装、材料报送等": "Requirements, dress, materials to send, …",
    "4至8位数字": "4 to 8 digits", "正在检查冲突…": "Checking for conflicts…",
    "选用此会议室": "Use this room", "从日历文件导入…": "Import from a calendar file…",
    "保存草稿": "Save draft", "预订会议室": "Book room", "发送会议通知": "Send notice",
    "关闭": "Close", "参会人员": "Attendees", "列席人员": "Observers",
    "参会人员（{0}）": "Attendees ({0})", "列席人员（{0}）": "Observers ({0})",
    "重复": "Repeat", "会议地点": "Place",
    "参会人员（可选整个单位，由单位回执参会人）":
    "Attendees (a whole unit may be invited; it replies naming who comes)",
    "议题（可附材料）": "Agenda (with materials)",
    "签到码（发通知时生效，可不填）": "Sign-in code (set with the notice; optional)",
    "冲突检查": "Conflicts", "该时段空闲的会议室：": "Rooms free at that time:",
    "自定义：{0}": "Custom: {0}", "检查会议冲突": "Checking for conflicts",
    "请先填写有效的开始和结束时间。": "Enter a valid start and end first.",
    "该时段没有空闲会议室": "No room is free at that time", "会议室冲突": "Room taken",
    "人员冲突": "Person busy", "等共{0}处冲突": "{0} conflicts in all",
    "保存会议": "Saving the meeting", "导入日历文件": "Import a calendar file",
    "日历文件 (*.ics)": "Calendar files (*.ics)", "无法读取文件：{0}": "Could not read the file: {0}",
    "已从日历文件导入，请核对后保存": "Imported from the calendar file; check it, then save",
    "在列表、日历或会议室占用表中选择一个会议，即可在此查看和办理":
    "Select a meeting in the list, the calendar or the room grid to see and handle it here",
    "您当前不需要办理此会议": "Nothing for you to do on this meeting now",
    "导出日历": "Export to calendar", "导出本会议的 .ics 日历文件":
    "Export this meeting as an .ics calendar file", "受邀": "Invited", "类别": "As",
    "回执": "Reply", "回执人": "Replied by", "人员": "Person", "身份": "For", "会议信息": "Meeting",
    "纪要": "Minutes", "办理记录": "History",
    "会议不存在，或您已无权查看该会议": "The meeting does not exist or you may no longer see it",
    "回执（{0}/{1}）": "Replies ({0}/{1})", "签到（{0}）": "Sign-in ({0})",
    "这些操作已在本机生效，联网同步后由服务器确认；如被拒绝，会在此说明原因":
    "These actions took effect here and are confirmed by the server when synced; if refused,"
    " the reason is shown here",
    "未回执": "No reply",
    "已回执{0}，其中参加{1}、请假{2}、委派{3}；未回执{4}":
    "{0} replied: {1} attending, {2} on leave, {3} sending a deputy; {4} without reply",
    "已签到{0}人": "{0} signed in", "；尚未签到：{0}": "; not yet signed in: {0}",
    "服务器未接受：{0}": "Refused by the server: {0}", "选择空闲会议室…": "Choose a free room…",
    "改订会议室…": "Change room…", "不同意使用会议室": "Refuse the room",
    "请写明不同意的理由：": "Why is the room refused?",
    "不同意时必须填写理由": "A refusal needs a reason", "取消会议": "Cancel meeting",
    "取消后将通知已收到通知的人员。请写明取消理由：":
    "Everyone notified will be told. Why is the meeting cancelled?",
    "取消会议必须填写理由": "Cancelling needs a reason", "未能预订：{0}": "Not booked: {0}",
    "未能发送通知：{0}": "Notice not sent: {0}",
    "新建会议（会务秘书、办文人员）": "New meeting (meeting secretaries and clerks)",
    "导入日历文件…": "Import calendar file…", "导出我的会议…": "Export my meetings…",
    "显示已结束和已取消的会议": "Show past and cancelled meetings", "会议（{0}）": "Meetings ({0})",
    "我的会议": "My meetings", "导出我的会议": "Export my meetings",
    "已导出到 {0}": "Exported to {0}",
    "纪要正文：会议议定的事项之外的内容，段落之间空一行":
    "Minutes text (besides the decisions); a blank line between paragraphs",
    "议定事项": "Decisions", "完成时限": "Deadline", "添加议定事项": "Add decision",
    "删除议定事项": "Delete decision", "保存纪要": "Save minutes", "印发纪要": "Publish minutes",
    "纪要已于{0}印发": "Minutes published {0}",
    "纪要已保存（{0}），尚未印发": "Minutes saved ({0}), not yet published",
    "会议开始后，记录人或会务人员可记录纪要":
    "Once the meeting starts, the recorder or the meeting staff may record the minutes",
    "未定": "Not set",
    "通知将发给全部参会、列席人员和单位。可设签到码，供参会人员自助签到。":
    "The notice goes to every attendee, observer and unit. A sign-in code lets people sign"
    " themselves in.",
    "4至8位数字，可不填": "4 to 8 digits, optional",
    "签到码必须是4至8位数字": "The sign-in code must be 4 to 8 digits",
    "会议即将开始": "Meeting starting soon", "%n 分钟后：": "In %n minute(s): ",
    "会议通知": "Meeting notice", "请回执": "Please reply",
    "请回复是否参加《{0}》": "Please reply whether you attend “{0}”",
    "请回复是否参加《{0}》（{1}）。": "Please reply whether you attend “{0}” ({1}).",
    "参加": "Attend", "请假": "Leave", "委派他人参加": "Send a deputy", "请假理由": "Reason for leave",
    "为谁回执": "Reply for", "代为参会": "Deputy", "本单位参会人员": "Who comes from the unit",
    "请假必须填写理由": "Leave needs a reason", "请选择代为参会的人员": "Please choose the deputy",
    "请填写本单位的参会人员": "Please name who comes from the unit",
    "请选择会议室。已被占用的会议室会被拒绝，并列出该时段空闲的会议室。":
    "Choose a room. A room already taken is refused, with the rooms free at that time.",
    "<span style='background:{0}'>&nbsp;已预订&nbsp;</span> "
    "<span style='background:{1}'>&nbsp;待审批&nbsp;</span> 空白处可点击新建会议":
    "<span style='background:{0}'>&nbsp;Booked&nbsp;</span> "
    "<span style='background:{1}'>&nbsp;Awaiting approval&nbsp;</span> Click a free slot for a"
    " new meeting",
    "读取会议室占用情况": "Loading room bookings", "{0}人": "{0} seats", "需审批": "Needs approval",
    "改订此会议室": "Book this room instead", "空闲会议室：": "Free rooms:",
    "立项督办": "Open a supervision item",
    "选择要立项督办的议定事项：": "Choose the decision to supervise:",
    "详情": "Details", "记录": "History",
    "某次会议（签到、纪要）…": "One sitting (sign-in, minutes)…",
    "周期性会议按次签到和记录纪要：生成或打开其中一次":
    "A recurring meeting is signed in and minuted by sitting: make or open one",
    "某次会议": "One sitting",
    "周期性会议的签到和纪要按次进行。请选择哪一次：":
    "A recurring meeting is signed in and minuted by sitting. Which one?",
    "时间": "Time", "生成某次会议": "Making the sitting",
})

# delegations
EN.update({
    "委托授权…": "Delegations…", "委托授权": "Delegations",
    "目前没有生效或待生效的委托。": "No current or upcoming delegations.",
    "委托期间，受托人可以代您办理公文，办理记录注明“代”；每次委托最长90天。":
    "While a delegation lasts, the delegate may handle documents for you, recorded as"
    " “on behalf of”; a delegation lasts 90 days at most.",
    "受托人": "Delegate", "委托期间": "Period", "状态": "State", "新增委托": "New delegation",
    "开始时间": "Start", "结束时间": "End", "添加委托": "Add delegation", "关闭": "Close",
    "读取委托": "Loading delegations", "（请选择）": "(choose)",
    "{0} 至 {1}": "{0} to {1}", "结束委托": "End delegation",
    "结束待同步": "Ending, not yet synced", "生效中": "In force", "未开始": "Not started",
    "{0}（待同步）": "{0} (not yet synced)", "请选择受托人": "Please choose a delegate",
    "确定结束对{0}的委托吗？结束后其不能再代您办理。":
    "End the delegation to {0}? They will no longer act for you.",
    # Texts built outside widgets (document pane, meetings, attachments, room grid).
    "登记": "Registered by", "（编号后生成）": "(given when numbered)", "（代{0}）": " (for {0})",
    "文种": "Type", "发文字号": "Number", "来文单位": "Sender", "收文编号": "Receipt number",
    "密级": "Classification", "主送": "To", "抄送": "Copy to", "拟稿": "Drafted by",
    "会签单位": "Countersigning units", "签发人": "Signed by", "成文日期": "Date written",
    "印发": "Printed by", "附注": "Note", "待分配": "Not yet assigned",
    "{0}年度，保管期限{1}，件号{2}": "Year {0}, kept {1}, item {2}",
    "{0}年度，保管期限{1}": "Year {0}, kept {1}",
    "待办理：{0}": "Waiting: {0}", "已办理：{0}": "Done: {0}", "传阅对象": "Circulated to",
    "送阅人": "Sent by", "送阅时间": "Sent at", "阅读情况": "Read", "已阅 {0}": "Read {0}",
    "未阅": "Not read", "{0}（单位）": "{0} (unit)", "（未定）": "(not set)",
    "（未预订）": "(not booked)", "请假：{0}": "On leave: {0}", "委派{0}参加": "Sends {0}",
    "参加：{0}": "Attending: {0}", "主持": "Chairs", "，共{0}次": ", {0} sittings in all",
    "；下一次：{0}": "; next: {0}", "会议类型": "Type", "地点": "Place",
    "主办单位": "Organiser", "主持人": "Chair", "记录人": "Minutes by", "参会": "Attendees",
    "列席": "Observers", "（汇报单位：{0}）": " (reporting: {0})", "代{0}": "for {0}",
    "会务人员登记": "Entered by the meeting staff", "出席": "Present", "缺席": "Absent",
    "（待服务器核对签到码）": "(the server will check the sign-in code)",
    "提醒：{0}": "Reminder: {0}", "无法读取“{0}”：{1}": "Cannot read “{0}”: {1}",
    "“{0}”不是文件": "“{0}” is not a file",
    "“{0}”有{1}，超过了200 MB的附件上限": "“{0}” is {1}, over the 200 MB attachment limit",
    "主持人{0}": "Chair {0}",
    "草稿已保存，可预订会议室并发送通知": "Draft saved: book a room and send the notice",
    "已提交预订，等待会议室审批": "Booking sent, waiting for the room's approval",
    "会议室已预订": "Room booked", "·需审批": " · needs approval",
    "{0} {1} 空闲，点击在此新建会议": "{0} {1} free: click to create a meeting here",
    "预订人：{0}": "Booked by: {0}", "日": "Day", "周": "Week",
    "已按日历文件取消会议：{0}": "Cancelled from the calendar file: {0}",
    "按日历文件取消会议": "Cancel meeting from calendar file",
    "日历文件通知取消以下会议。确定后将取消，并通知已收到会议通知的人员：\n{0}\n请写明取消理由：":
        "The calendar file cancels these meetings. OK cancels them and tells everyone who "
        "received the notice:\n{0}\nReason for cancelling:",
    "未能取消：{0}": "Not cancelled: {0}",
    "该日历文件是取消会议或单独修改某一次会议的通知，不能用来填写会议；请在“会议”页点“导入日历文件…”办理":
        "This calendar file cancels a meeting or changes one occurrence; it cannot fill the "
        "form. Use “Import calendar file…” on the Meetings page.",
    "（周期性会议，全部场次）": "(recurring meeting, every occurrence)",
    "取消": "Cancel",
    "本机没有可用的系统密钥环，登录状态无法保存，每次启动都需要输入密码。如需保持登录，请让管理员安装并启用 gnome-keyring 或 KWallet。":
        "This computer has no system keyring, so the login cannot be kept and every start asks "
        "for the password. To stay logged in, ask your administrator to install and enable "
        "gnome-keyring or KWallet.",
    "办理 {0}（本机记录），服务器接收 {1}": "acted {0} (this computer's record), received {1}",
})

# 统计分析 (ui/supervision/supervision_dashboard.py): what each figure covers.
EN.update({
    "逾期": "Overdue", "临近期限": "Due soon", "全部未办结": "All open items",
    "本月交办": "Assigned this month", "上月交办": "Assigned last month",
    "本季度交办": "Assigned this quarter", "本年度交办": "Assigned this year",
    "所选期间交办": "Assigned in the period", "{0}\n（{1}）": "{0}\n({1})",
    "逾期（全部未办结）": "Overdue (all open items)", "各单位统计": "By unit", "图表": "Charts",
    "逾期及临近期限事项": "Overdue and due soon",
    "逾期及临近期限事项（{0}）": "Overdue and due soon ({0})",
    "逾期{0}天": "{0} day(s) overdue", "双击打开事项": "Double-click to open the item",
    "期间统计截至 {0}，逾期与临近期限截至 {1}（服务器时间）":
        "Period figures as of {0}; overdue and due soon as of {1} (server time)",
    "所选期间没有交办的督办事项，目前也没有逾期或临近期限的事项":
        "No supervision items were assigned in this period, and none is overdue or due soon",
    "超过办理时限仍未办结的事项（含逾期后才申请办结的），不论何时交办，不受统计期间限制":
        "Open items past their deadline (also those that asked to finish only after it), "
        "whenever they were assigned: the period does not limit them",
    "办理时限在{0}天内、尚未逾期、也未申请办结的事项，不论何时交办，不受统计期间限制":
        "Open items due within {0} day(s), not yet overdue and not asked to finish, whenever "
        "they were assigned: the period does not limit them",
    "只统计所选期间内交办的事项（按交办时间）":
        "Only the items assigned in the chosen period (by assignment date)",
})

# 会议 form (ui/meetings/meeting_form.py): the rules' field labels and the repeat choices.
EN.update({
    "会议名称": "Title", "会议说明": "Notes", "不重复": "Does not repeat", "每天": "Daily",
    "没有冲突": "No conflicts",
})

# The message bar after an action (ui/common/feedback.py) and what each document action did.
EN.update({
    "操作结果": "Action result", "撤销": "Undo", "正在撤销…": "Undoing…",
    "撤销刚才的操作（Ctrl+Z 或 Alt+Z）": "Undo what you just did (Ctrl+Z or Alt+Z)",
    "（待上传）": " (waiting to upload)", "已办理“{0}”：{1}": "Done: {0} — {1}",
    "{0}：{1}": "{0}: {1}", "未能撤销：{0}": "Could not undo: {0}",
    "，已回到您的待办": ", back in your to-do list", "，现由您办理": ", now yours to handle",
    "，仍待{0}办理": ", still waiting for {0}", "已修改：{0}": "Edited: {0}",
    "已导出归档包：{0}": "Archive package saved: {0}",
    "已送核稿": "Sent for review", "核稿已通过": "Review passed", "已会签": "Countersigned",
    "已签发": "Signed", "已编号": "Numbered", "已用印": "Sealed", "已印发": "Issued",
    "已签收": "Received", "已登记": "Registered", "已拟办": "Proposal given",
    "已批办": "Instructed", "已承办完毕": "Handling finished", "已同意": "Agreed",
    "已撤回": "Withdrawn", "已委托": "Delegated", "已加签": "Signer added",
    "已签收任务": "Taken up", "已传阅": "Circulated", "已阅": "Read", "已催办": "Urged",
    "已修改": "Edited",
    # 校对 (proofreading)
    "校对意见：": "Proofreading notes:", "，建议改为“{0}”": ", suggest “{0}”",
    "校对（{0}处）": "Proofread ({0})",
    "标点、数字、发文字号和日期的写法问题，可一键修改":
        "Punctuation, numbers, document numbers and dates written wrongly; fix with one click",
    "正文": "Body", "校对": "Proofread", "位置": "Where", "问题": "Problem", "建议": "Suggestion",
    "删去": "Delete", "需人工修改": "Needs a person",
    "发现{0}处可能的问题（依据标点、数字用法和公文格式国家标准）。":
        "{0} possible problems found (by the national standards for punctuation, numbers"
        " and official document layout).",
    "修改所选": "Fix selected",
    "按建议修改勾选的各处，作为一次“修改”记入办理过程":
        "Fix the ticked places as suggested, recorded once as an edit in the route",
    "写入意见": "Put into opinion",
    "把校对结果写入意见框，退回时一并说明":
        "Put the findings into the opinion box, to return the document with them",
    # 设置 (settings) and 修改密码
    "需要连接服务器才能修改密码，请联网后再试":
        "Changing the password needs the server; try again when online",
    "密码已修改；您在其他电脑上的登录已失效":
        "Password changed; your logins on other computers have ended",
    "设置…": "Settings…", "设置": "Settings", "常规": "General", "服务器": "Server",
    "修改密码": "Change password", "保存": "Save", "界面语言": "Language",
    "更改语言在重新启动后生效": "A new language applies after a restart",
    " 磅": " pt", "字号": "Font size",
    "新待办、催办和会议通知在系统托盘提醒":
        "Show new work, urgings and meeting notices in the system tray",
    "提醒": "Notices",
    "输入一条常用意见，如“同意，请按程序办理。”":
        "Type a common opinion, e.g. “Agreed; please proceed as usual.”",
    "添加": "Add", "删除所选": "Remove selected",
    "办理时点击即可填入意见框；双击一条可以修改":
        "Click one while handling to put it in the opinion box; double-click to edit it",
    "CA证书文件": "CA certificate file", "留空则不用代理": "Leave empty for no proxy",
    "HTTP代理": "HTTP proxy", "服务器设置在下次登录时生效": "Server settings apply at the next login",
    "当前密码": "Current password", "新密码": "New password",
    "再次输入新密码": "New password again",
    "新密码至少8个字符，不能与用户名相同；修改后其他电脑上的登录将失效":
        "At least 8 characters, not the username; your logins on other computers will end",
    "选择CA证书文件": "Choose the CA certificate file",
    "证书 (*.pem *.crt *.cer)": "Certificates (*.pem *.crt *.cer)",
    "请输入当前密码和新密码": "Enter the current and the new password",
    "两次输入的新密码不一致": "The two new passwords differ",
    "未连接服务器，无法修改密码": "Not connected to a server; the password cannot be changed",
    "正在修改…": "Changing…",
    # 通知方式 (notifications by SMS and e-mail)
    "通知方式": "Notifications", "保存通知方式": "Save notifications",
    "手机号码": "Mobile number", "电子邮箱": "E-mail address", "通知事项": "Notify me of",
    "如 13912345678": "e.g. 13912345678",
    "如 zhangsan@example.gov.cn": "e.g. zhangsan@example.gov.cn",
    "每日摘要": "Daily digest",
    "每日摘要：每天早上把您的待办和临期事项汇总成一封邮件":
        "Daily digest: each morning, your work to do and what falls due, in one e-mail",
    "特急公文": "Extra-urgent documents", "收到催办": "Urging of my work",
    "会议通知和变更": "Meeting notices and changes",
    "督办事项临期和逾期": "Supervision items due soon or overdue", "短信": "SMS",
    "邮件": "E-mail",
    "服务器未接受您离线时所做的修改，请更正后重新保存":
        "The server did not accept the change you made offline; please correct it and save again",
    "您的修改尚未保存到服务器，将在联网后保存":
        "Your change is not on the server yet; it is saved there once online",
    "本服务器未开通短信服务，暂不能选择短信。":
        "This server has no SMS service, so SMS cannot be chosen.",
    "本服务器未开通邮件服务，暂不能选择邮件和每日摘要。":
        "This server has no e-mail service, so e-mail and the daily digest cannot be chosen.",
    "读取通知方式": "Loading notifications", "正在从服务器读取…": "Loading from the server…",
    "离线：尚未从服务器取得您的通知方式；修改将在联网后保存":
        "Offline: your notifications are not loaded from the server yet; changes are saved"
        " there once online",
    "离线：显示的是上次从服务器取得的设置；修改将在联网后保存":
        "Offline: showing what the server last said; changes are saved there once online",
    "服务器暂不支持通知方式设置，请联系管理员升级服务器":
        "This server does not offer notifications yet; please ask the administrator to"
        " upgrade it",
    "通知方式已保存": "Notifications saved", "正在保存…": "Saving…",
    "未保存，请更正后重试": "Not saved; please correct it and try again",
    "未能保存通知方式": "The notifications could not be saved",
    "已保存在本机，将在联网后保存到服务器":
        "Kept on this computer; saved to the server once online",
    "服务器暂不支持通知方式设置；您的选择已保存在本机，服务器升级后自动保存":
        "This server does not offer notifications yet; your choice is kept on this computer"
        " and saved once the server is upgraded",
    "服务器未接受您修改的通知方式：{0}。请在“设置…—通知方式”中更正":
        "The server did not accept your notifications: {0}. Please correct them in"
        " Settings… → Notifications",
    # 批量办理 (batch approval)
    "您当前不能办理此文件": "You cannot handle this document now",
    "需单独办理（要指定承办单位）": "Handle it alone (a lead unit must be chosen)",
    "已办理": "Done", "已办理{0}份，未能办理{1}份。": "{0} done, {1} refused.",
    "已完成": "Finished", "批量办理": "Handle several", "正在读取所选文件…": "Reading the selection…",
    "办理": "Handle", "结果": "Result",
    "意见（每份文件都记入这条意见）": "Opinion (recorded on every document)",
    "读取所选文件": "Reading the selection",
    "共选中{0}份，可一并办理{1}份；每份文件单独判定、单独记入办理过程。":
        "{0} selected, {1} can be handled together; each is decided and recorded on its own.",
    "办理（{0}份）": "Handle ({0})", "批量办理…": "Handle several…",
    "选中多份文件（Ctrl或Shift加单击），用同一条意见一并办理":
        "Select several documents (Ctrl- or Shift-click) and handle them with one opinion",
    "请先在列表中选中要办理的文件": "Select the documents to handle in the list first",
    # 高级搜索
    "拟稿日期": "Drafted", "全部环节": "Any step", "清除": "Clear",
    "全部拟稿人": "Any drafter", "高级搜索": "Advanced",
    "按拟稿日期、单位、拟稿人和环节查找，可与搜索词同时使用":
        "Find by drafting days, unit, drafter and step, with or without search words",
    # 会议变更
    "变更已保存，已向参会人员发出会议变更通知":
        "Change saved; a change notice has gone to the attendees",
    "；时间或会议室已变，请重新预订会议室": "; the time or room changed, book the room again",
    # 工作台 (home)
    "公文待办  {0}": "Documents to do  {0}",
    "会议  今明两天{0}个，待回执{1}个": "Meetings  {0} today and tomorrow, {1} to reply to",
    "督办待办  {0}（逾期{1}）": "Supervision to do  {0} ({1} overdue)",
    "明天": "Tomorrow", "今明两天没有会议": "No meetings today or tomorrow",
    "没有逾期或即将到期的事项": "Nothing overdue or due soon", "还没有公文": "No documents yet",
    "工作台": "Home", "今明两天的会议": "Meetings today and tomorrow",
    "督办：逾期和即将到期": "Supervision: overdue and due soon",
    "最近的公文": "Recent documents", "读取工作台": "Reading the home page",
    "当前登录": "Logged in", "当前登录：{0}": "Logged in: {0}",
    "受委托代为办理：{0}": "Acting by delegation for: {0}",
})

# 验章 (ui/common/seal_check.py) and 待用印.
EN.update({
    "验章": "Verify seal", "验章…": "Verify seal…",
    "检查任一PDF文件（如收到的正式文件）的电子印章":
    "Check the electronic seal of any PDF file (a received official file, for example)",
    "正式文件（已签章）": "Official file (sealed)", "查看": "View",
    "预览签章的正式文件": "Preview the sealed official file",
    "另存为…": "Save as…",
    "待用印": "Seal pending",
    "已在本机用印，联网同步后由服务器加盖电子印章，生成正式文件":
    "Sealed on this computer; once synced, the server applies the electronic seal and"
    " makes the official file",
    "正式文件尚未下载，联网后自动获取":
    "The official file is not downloaded yet; it is fetched once online",
    "下载正式文件": "Download the official file",
    "正式文件无法下载：{0}": "The official file cannot be downloaded: {0}",
    "“{0}”有{1}，超过了200 MB的验章上限": "“{0}” is {1}, over the 200 MB limit for checking",
    "印章有效": "Seal valid", "签章者不在可信根": "Signer not under a trusted root",
    "印章无效：签章后已被修改": "Seal invalid: changed after sealing",
    "未签章": "Not sealed", "文件已加密，无法验章": "Encrypted: the seal cannot be checked",
    "文件损坏，无法验章": "Damaged file: the seal cannot be checked",
    "文件与签章时完全一致，签章证书属于本单位体系，可作为正式文件使用。":
    "The file is exactly as it was sealed and the certificate belongs to our organisation:"
    " it may be used as the official file.",
    "文件签章后未被修改，但签章证书不属于本单位体系的可信根，请向发文单位核实。":
    "The file is unchanged since sealing, but the certificate is not under our organisation's"
    " trusted roots: please confirm with the issuing unit.",
    "文件在签章后被改动过，不能作为正式文件使用。":
    "The file was changed after sealing and cannot be used as the official file.",
    "文件中没有电子印章。": "The file has no electronic seal.",
    "文件已加密，无法读取其中的印章。": "The file is encrypted; its seal cannot be read.",
    "文件已损坏、不完整或不是PDF文件，无法验证印章。":
    "The file is damaged, incomplete or not a PDF; its seal cannot be checked.",
    "正在验章…": "Checking the seal…", "签章单位：{0}": "Sealed by: {0}",
    "签章时间：{0}（北京时间）": "Sealed at: {0} (Beijing time)",
    "签章后未被修改": "Unchanged since sealing", "签章后已被修改": "Changed after sealing",
    "证书链至本单位体系的可信根": "Certificate chains to our organisation's trusted root",
    "证书不属于本单位体系的可信根": "Certificate is not under our organisation's trusted roots",
    "文件中有{0}个签章，以最后一个为准": "The file has {0} seals; the last one counts",
    "选择一个PDF文件，或将它拖放到本窗口，检查其电子印章是否有效":
    "Choose a PDF file, or drop it on this window, to check its electronic seal",
    "选择文件…": "Choose file…", "选择要验章的PDF文件": "Choose the PDF file to check",
    "PDF 文件 (*.pdf);;所有文件 (*)": "PDF files (*.pdf);;All files (*)",
})

# Attachments in the compose form, and the 正文 as a Word/WPS file (ui/documents/compose.py,
# ui/documents/body_file.py).
EN.update({
    "WPS/Word 97格式（.wps/.doc等）的文字无法自动读取：请在“正文”中填写文字，或将文件另存为 .docx":
    "The text of WPS/Word 97 files (.wps, .doc…) cannot be read: type it into Body, or save"
    " the file as .docx",
    "WPS/Word 97格式（.wps/.doc等）的文字无法自动读取：请手动修改正文文字，或在办公软件中另存为 .docx":
    "The text of WPS/Word 97 files (.wps, .doc…) cannot be read: update the body text by"
    " hand, or save the file as .docx in the office suite",
    "“-”为删去的段落，“+”为新增的段落": "\"-\" marks removed paragraphs, \"+\" added ones",
    "“{0}”不是正文文件：只能是{1}": "“{0}” is not a body file: only {1}",
    "“{0}”与已添加的“{1}”内容相同，未重复添加":
    "“{0}” has the same content as “{1}”, already added; not added again",
    "“{0}”与当前版本内容相同，未记为新版本":
    "“{0}” is the same as the current version; no new version recorded",
    "“{0}”是空文件": "“{0}” is empty",
    "上传正文文件": "Upload body file", "上传正文文件…": "Upload body file…",
    "保存人": "Saved by", "保存时间": "Saved at",
    "保存的正文文件中的文字与当前正文文字不同。套红PDF按正文文字生成，是否用文件中的文字更新正文文字？":
    "The text in the saved body file differs from the body text. The official PDF is made"
    " from the body text: update it with the file's text?",
    "另存正文版本": "Save body version as", "大小": "Size",
    "尚无正文文件。可上传Word/WPS文件作为正文，套红PDF仍按正文文字生成。":
    "No body file yet. You may upload a Word/WPS file as the body; the official PDF is still"
    " made from the body text.",
    "已将第{0}版另存为{1}": "Version {0} saved as {1}",
    "已用本机办公软件打开。保存后自动记为新版本（工作文件：{0}）":
    "Opened in the office suite. Each save is recorded as a new version (working file: {0})",
    "已记为正文第{0}版，联网后自动上传":
    "Recorded as body version {0}; uploaded when online",
    "当前环节不能修改正文": "The body cannot change at this step",
    "当前环节不能修改正文：打开的是只读副本，保存的修改不会记为新版本":
    "The body cannot change at this step: this opens a read-only copy, and saved changes"
    " are not recorded as versions",
    "打开所选版本": "Open version", "打开正文文件": "Open body file",
    "打开正文版本": "Open body version", "文件名": "File name", "无（可选）": "None (optional)",
    "暂不更新": "Not now", "更新正文文字": "Update body text", "正文 第{0}版": "Body version {0}",
    "正文历史版本": "Body versions", "正文文件": "Body file",
    "正文文件 ({0})": "Body files ({0})",
    "正文文件未下载：联网同步后即可打开":
    "The body file is not downloaded yet: sync online to open it",
    "正文文字已按正文文件更新": "Body text updated from the body file", "版本": "Version",
    "用本机办公软件打开": "Open in office suite", "第{0}版": "Version {0}",
    "记录正文新版本": "Recording a new body version",
    "该版本未下载：联网同步后即可另存":
    "This version is not downloaded yet: sync online to save it",
    "该版本未下载：联网同步后即可打开":
    "This version is not downloaded yet: sync online to open it",
    "（基于第{0}版）": " (based on version {0})",
    "（当前）": " (current)",
})

# The warning over a record whose trace broke the server's hash chain (ui/common/record_pane.py).
EN.update({
    "留痕校验失败：第{0}条记录与服务器的哈希链不符，可能已被篡改，请联系管理员":
    "Trace check failed: entry {0} does not match the server's hash chain and may have been"
    " tampered with; please contact the administrator",
    "留痕校验失败：前{0}条记录与服务器的哈希链不符，可能已被篡改，请联系管理员":
    "Trace check failed: the first {0} entries do not match the server's hash chain and may"
    " have been tampered with; please contact the administrator",
})

# Domain values, in the "values" context (ui/common/values.py): the same Chinese as a field label
# may need other English there.
# 公文统计 and its button on the 工作台 (ui/documents/document_stats.py, ui/home_page.py).
EN.update({
    "公文统计…": "Document statistics…", "公文统计": "Document statistics",
    "各单位已印发、已办结和已归档的公文，以及归档率":
    "Documents issued, closed and archived per unit, and the archiving rate",
    "全部年度": "All years", "{0}年": "{0}", "截至 {0}": "As of {0}",
    "还没有已印发或已办结的公文": "No document has been issued or closed yet",
    "发文已印发": "Outgoing issued", "收文已办结": "Incoming closed", "归档率": "Archiving rate",
    "归档率 = 已归档 ÷（发文已印发 + 收文已办结），含其后已归档的文件。":
    "Archiving rate = archived ÷ (outgoing issued + incoming closed), archived ones included.",
    "按拟稿或登记时间计年度；只统计本机已同步、您可以查看的文件。":
    "Years go by the date drafted or registered; only documents on this computer that you may"
    " see are counted.",
    "统计公文": "Counting documents",
})

EN_VALUES = {
    # record kinds and what an inbox line asks (ui/inbox_model.py)
    "公文": "Document", "会议": "Meeting", "督办": "Supervision",
    "审批会议室": "Approve room", "汇报进展": "Report progress", "配合办理": "Assist",
    "审批延期": "Decide extension", "审核办结": "Review completion",
    "特急": "Extra urgent", "加急": "Urgent", "普通": "Normal",
    "公开": "Public", "内部": "Internal",
    "决议": "Resolution", "决定": "Decision", "命令": "Order", "公报": "Communiqué",
    "公告": "Announcement", "通告": "Circular", "意见": "Opinion", "通知": "Notice",
    "通报": "Bulletin", "报告": "Report", "请示": "Request", "批复": "Reply",
    "议案": "Motion", "函": "Letter", "纪要": "Minutes",
    "拟稿": "Drafting", "核稿": "Review", "会签": "Countersign", "签发": "Signing",
    "编号": "Numbering", "用印": "Sealing", "印发": "Issuing", "已印发": "Issued",
    "已归档": "Archived", "签收": "Receiving", "登记": "Registration", "拟办": "Proposal",
    "批办": "Instruction", "承办": "Handling", "传阅": "Circulation", "办结": "Closing",
    "已办结": "Closed",
    "待编号": "Number pending", "（待同步）": " (not yet synced)",
    "待用印": "Seal pending", "（待用印）": " (seal pending)",
    # actions of 公文 as the trace names them
    "创建": "Create", "同意": "Approve", "退回": "Return", "撤回": "Withdraw",
    "委托": "Delegate", "加签": "Add signer", "签收任务": "Claim", "已阅": "Read",
    "知会": "Notify", "归档": "Archive", "修改": "Edit", "催办": "Urge",
    "送核稿": "Send for review", "核稿通过": "Pass review", "承办完毕": "Handling done",
    # roles
    "办文人员": "Clerk", "会务秘书": "Meeting secretary", "督查人员": "Supervisor",
    "领导": "Leader", "管理员": "Administrator",
    # 会议
    "常务会议": "Executive meeting", "专题会议": "Special meeting", "办公会": "Office meeting",
    "党组会议": "Party group meeting", "协调会": "Coordination meeting", "其他": "Other",
    "草稿": "Draft", "已发通知": "Notified", "已取消": "Cancelled", "已召开": "Held",
    "纪要已印发": "Minutes published", "预订会议室": "Book room",
    "同意使用会议室": "Approve room", "不同意使用会议室": "Refuse room",
    "发送会议通知": "Send notice", "回执": "Reply", "提醒": "Remind", "签到": "Check in",
    "取消会议": "Cancel meeting", "记录纪要": "Record minutes", "印发纪要": "Publish minutes",
    "立项督办": "Open supervision", "待审批": "Awaiting approval", "已预订": "Booked",
    "预订未获同意": "Booking refused", "参加": "Attend", "请假": "Leave", "委派": "Deputy",
    # 督办
    "待领导审批": "Awaiting approval", "已立项": "Opened", "已交办": "Assigned",
    "已签收": "Received", "办理中": "In progress", "待审核": "Awaiting review",
    "已退回": "Returned", "立项": "Open", "批准立项": "Approve opening", "交办": "Assign",
    "进度反馈": "Progress report", "延期申请": "Request extension",
    "同意延期": "Grant extension", "不同意延期": "Refuse extension",
    "办结申请": "Request completion", "办结销号": "Complete and close",
    "领导批示": "Leader's instruction", "会议议定": "Meeting decision",
    "上级交办": "Assigned from above", "来文": "Incoming document", "建议提案": "Proposal",
    "绿灯": "Green", "黄灯": "Yellow", "红灯": "Red",
    "永久": "Permanent", "30年": "30 years", "10年": "10 years",
    "不定期": "As needed", "每周": "Weekly", "每月": "Monthly", "自定义": "Custom",
    # weekdays, and how values are put together
    "一": "Mon", "二": "Tue", "三": "Wed", "四": "Thu", "五": "Fri", "六": "Sat", "日": "Sun",
    "{0}（{1}）": "{0} ({1})", "、": ", ", "，": ", ", "{0}：{1}": "{0}: {1}",
}


# Meeting and supervision screens: buttons, prints, dates as a calendar shows them.
EN.update({
    "回执…": "Reply…", "签到…": "Check in…", "取消会议…": "Cancel meeting…",
    "不同意使用会议室…": "Refuse room…", "发送会议通知…": "Send notice…", "修改…": "Edit…",
    "会议议程": "Agenda", "签到表": "Sign-in sheet", "桌签": "Name cards",
    "会议纪要": "Minutes", "每{0}天": "Every {0} days", "%Y年%m月%d日": "%d %b %Y",
    "%m月%d日": "%d %b", "%Y年%m月": "%B %Y", "{0} {1} 至 {2}": "{0} {1} to {2}",
    "周{0}": "{0}", "{0}日 {1}": "{1} {0}", "{0}月{1}日 {2}": "{2} {0}/{1}",
    "{0} 星期{1}": "{1}, {0}", "我的回执": "My reply", "列表": "List", "日历": "Calendar",
    "机关代字": "Agency code", "主送机关": "To", "抄送机关": "Copy to",
    "发文机关署名": "Issuing authority", "印发机关": "Printing unit", "印发日期": "Printing date",
    "{0}在{1}已被《{2}》占用": "{0} is taken at {1} by “{2}”",
    "{0}在{1}要参加《{2}》，与本会议时间冲突": "{0} attends “{2}” at {1}, at the same time",
    "，{0}预订": ", booked by {0}", "主持人{0}": "Chair {0}",
    "确定": "OK", "月": "Month", "（正文为空）": "(no body)", "传阅情况": "Circulation",
    "（无议题）": "(no agenda items)", "材料：": "Materials: ",
    "分解事项（{0}）": "Sub-items ({0})", "尚无进度反馈": "No progress reports yet",
    "尚无催办": "No urging yet", "尚无延期申请": "No extension requests yet",
    "第{0}次延期申请": "Extension request {0}", "参会情况": "Attendance",
    "无法验证服务器证书：请在“CA证书文件”中选择政务外网CA的证书（.pem/.crt），或联系管理员":
    "The server's certificate cannot be verified: choose the extranet CA certificate"
    " (.pem/.crt) under “CA certificate”, or contact the administrator",
    "无法连接服务器，请检查服务器地址和网络（政务外网）连接":
    "The server cannot be reached; check its address and the (extranet) connection",
    # the one inbox across kinds (ui/inbox_model.py)
    "环节/事项": "Step / task", "业务": "Kind", "全部类别": "All kinds",
})

# What a person does to a 公文, in the "actions" context (ui/common/values.py): verbs on buttons.
EN_ACTIONS = {
    "修改": "Edit", "同意": "Approve", "退回": "Return", "撤回": "Withdraw",
    "委托": "Delegate", "加签": "Add signer", "签收任务": "Claim", "传阅": "Circulate",
    "已阅": "Read", "知会": "Notify", "催办": "Urge", "归档": "Archive", "创建": "Create",
    "送核稿": "Send for review", "核稿通过": "Pass review", "会签": "Countersign",
    "签发": "Sign", "编号": "Number", "用印": "Seal", "印发": "Issue", "签收": "Receive",
    "登记": "Register", "拟办": "Propose", "批办": "Instruct", "承办完毕": "Handling done",
    "办结": "Complete",
}

# Refusals and errors by their stable code, in the "messages" context (ui/common/messages.py). A
# {placeholder} is filled from the refusal's details; the Chinese message is shown when a code
# has no English here. tests/ui/test_translations.py holds this to every code the source raises.
EN_MESSAGES = {
    # actions, mutations and the outbox
    "action.malformed": "The action's arguments are malformed",
    "mutation.invalid_args": "The action's arguments are not valid",
    "mutation.unknown": "The server does not support this action: {name}",
    "mutation.unsupported_version":
    "This action comes from a newer client; ask the administrator to upgrade the server",
    "outbox.ack_ahead": "The server confirmed actions this computer never sent; the local"
    " database may have been restored from a backup. Log in again to rebuild it",
    "outbox.bad_name": "The action has no name",
    "outbox.unknown_mutation": "This action is not in the local queue",
    "rejection.not_found": "This refused action is no longer listed",
    # archive
    "archive.bad_text": "The title, body or opinions hold characters that cannot be saved;"
    " correct them before exporting the archive package",
    "archive.corrupt_blob": "The local copy of “{name}” is damaged; sync to download it again"
    " before exporting the archive package",
    "archive.missing_attachment": "“{name}” is not downloaded yet; the archive package cannot"
    " be exported",
    "archive.missing_official_pdf": "The sealed official PDF is not downloaded yet; sync or"
    " download it before exporting the archive package",
    "archive.not_archived": "The document is not archived yet",
    "archive.pending_item_number": "The server has not assigned the item number yet; sync"
    " before exporting",
    "archive.retention_required": "Choose a retention period (permanent, 30 or 10 years)",
    # logging in
    "auth.forbidden": "You may not do this",
    "auth.invalid_credentials": "Wrong username or password",
    "auth.invalid_refresh": "Your login is no longer valid; please log in again",
    "auth.invalid_token": "Your login is no longer valid; please log in again",
    "auth.login_required": "Please log in again",
    "auth.refresh_expired": "Your login has expired; please log in again",
    "auth.refresh_reused": "Your login was used twice and has been ended for safety; please"
    " log in again",
    "auth.required": "Please log in first",
    "auth.same_password": "The new password must differ from the current one",
    "auth.throttled": "Too many attempts; please try again later",
    "auth.token_expired": "Your login has expired; please log in again",
    "auth.weak_password": "The password is too weak: make it longer, without spaces at either"
    " end, and unlike the username",
    "auth.wrong_password": "The current password is wrong",
    # 统一身份认证 (the province's directory, LDAP / Active Directory)
    "auth.directory_unavailable": "The unified identity service cannot be reached; please try"
    " again later or contact the administrator",
    "auth.password_managed_by_directory": "This account's password is managed by the unified"
    " identity platform; please change it there",
    "directory.no_people": "The directory returned nobody, so nothing was changed (nobody is"
    " marked as having left); please check people_base and people_filter in [ldap]",
    "directory.not_configured": "The configuration file has no [ldap] table for the directory",
    "directory.unavailable": "The directory could not be read, so nothing was changed",
    "directory.unknown_root_unit": "The unit named by root_unit in [ldap] does not exist",
    # 统一身份认证 (OpenID Connect sign-in)
    "auth.oidc_invalid_token": "The unified identity sign-in is not valid; please sign in again",
    "auth.oidc_not_configured": "This server does not offer unified identity sign-in",
    "auth.oidc_token_expired": "The unified identity sign-in has expired; please sign in again",
    "auth.oidc_unavailable": "The unified identity service cannot be reached; please try again"
    " later",
    "auth.oidc_unknown_person": "Your unified identity account is not registered in this system;"
    " please ask the administrator",
    "oidc.bad_response": "The unified identity platform's answer cannot be read; please ask the"
    " administrator",
    "oidc.denied": "The sign-in was cancelled or refused on the unified identity page",
    "oidc.no_browser": "No browser could be opened; please check the computer's default browser",
    "oidc.not_offered": "This server does not offer unified identity sign-in",
    "oidc.provider_error": "The unified identity platform did not complete the sign-in: {error}",
    "oidc.state_mismatch": "The sign-in answer does not belong to this sign-in and was refused"
    " (it may be forged); please sign in again",
    "oidc.timeout": "No sign-in came back from the browser within {minutes} minutes; please"
    " sign in again",
    "oidc.unreachable": "The unified identity platform cannot be reached; please check the"
    " network and try again",
    # server backups
    "backup.bad_file": "This is not an Office Collaboration backup, or the backup is damaged",
    "backup.empty": "The database is not initialised; there is nothing to back up",
    "backup.exists": "The backup file already exists: {path}",
    "backup.no_file": "An in-memory database cannot be backed up",
    "backup.target_not_empty": "The target database is not empty: restore into a new, empty"
    " one so that no data is overwritten",
    "backup.tool_failed": "{tool} failed",
    "backup.tool_missing": "The PostgreSQL tool {tool} is missing; install postgresql-client",
    "backup.wrong_database": "This backup comes from another kind of database and cannot be"
    " restored here",
    # attachments
    "blob.bad_hash": "The attachment's checksum is not valid",
    "blob.bad_offset": "The attachment's size or transfer position is not valid",
    "blob.bad_range": "The requested range is not valid",
    "blob.bad_state": "The attachment's transfer state is not valid",
    "blob.corrupt": "The attachment is damaged or was changed; please add it again",
    "blob.hash_mismatch": "The attachment does not match its checksum and was discarded;"
    " please upload it again",
    "blob.missing": "The local copy of the attachment is gone; please add it again",
    "blob.no_content": "The attachment has a name but no file",
    "blob.not_found": "The attachment does not exist or you may not see it",
    "blob.offset_mismatch": "The upload position differs from what the server has received",
    "blob.size_conflict": "The attachment's size differs from the one registered",
    "blob.too_long": "The upload is larger than the registered attachment",
    "blob.unknown": "“{name}” is not fully uploaded yet; please try again later",
    "body_file.unreadable": "The text of the file cannot be read",
    "body_version.file": "The body file version is not valid",
    # the client and the server
    "client.bad_response": "The server's answer could not be read",
    "client.bad_encoding": "The server's compressed answer arrived damaged or incomplete; "
                           "it will be fetched again",
    "clock.naive": "This computer's time has no time zone",
    "file.unreadable": "The file cannot be read",
    "http.error": "The request could not be handled",
    "http.method_not_allowed": "This request method is not supported",
    "http.not_acceptable": "This response format is not supported",
    "http.not_found": "The address does not exist",
    "meta.bad_key": "The setting has no name",
    "page.bad_range": "The page parameters are not valid",
    "request.bad": "The request is malformed",
    "request.invalid": "The request is not valid",
    "request.length_required": "The request must state its length",
    "request.too_large": "The request is too large",
    "request.bad_encoding": "The compressed request is damaged or incomplete",
    "request.unsupported_encoding": "The request is compressed in a format the server "
                                    "does not accept",
    "request.unsupported_media_type": "This request content type is not supported",
    "server.error": "The server failed; please contact the administrator",
    "server.stopping": "The server is stopping; please try again later",
    "server.unavailable": "The server cannot handle requests now; please try again later",
    "store.busy": "The local database is in use by another program; please try again later",
    "store.disk_full": "The disk is full; free some space and try again",
    "store.not_json": "The data cannot be saved: it holds values that are not JSON",
    "store.too_new": "The local database was made by a newer version; upgrade this program",
    "store.unreadable": "The local database cannot be opened: it is damaged, not a database,"
    " or not accessible",
    "sync.bad_cursor": "The sync position cannot be negative",
    "sync.client_mismatch": "This client was used by someone else; log in again to set up"
    " new local data",
    "sync.client_too_old": "This client is too old for the server; upgrade it, then sync."
    " Actions not yet synced are kept",
    "sync.cursor_backwards": "The server's sync position is behind this computer's",
    "sync.derived_id_taken": "Inconsistent data: the record number is taken; nothing was done."
    " Please contact the administrator",
    "sync.out_of_order": "The actions arrived out of order; the server waits for an earlier one",
    "sync.schema_unsupported": "This client is newer than the server; ask the administrator to"
    " upgrade the server",
    "trace.bad_key": "The key file is not an Ed25519 key",
    "trace.chain_mismatch": "The record's trace does not match the server's hash chain and may"
    " have been tampered with; nothing was done. Ask the administrator to run verify-trace",
    # notifications by e-mail and SMS (通知方式)
    "notify.address_missing": "Fill in the e-mail address or mobile number before choosing"
    " that channel",
    "notify.channel_unavailable": "This server does not send notifications on that channel",
    "notify.invalid_email": "The e-mail address is not valid",
    "notify.invalid_phone": "The mobile number is not valid: 11 digits of a mainland number,"
    " +86 allowed",
    # proofreading
    "date.chinese_numerals": "Dates use Arabic numerals (GB/T 9704—2012)",
    "date.format": "Write dates as ××××年×月×日",
    "date.padded": "No leading zeros in months and days",
    "number.doc_number": "The document number is not well formed",
    "number.full_width": "Digits and letters should be half-width",
    "number.mixed_zero": "The year mixes 〇 with the digit 0 or the letter O",
    "punct.half_width": "Use full-width punctuation in Chinese sentences",
    "punct.repeated": "Repeated punctuation",
    "punct.unbalanced": "Unbalanced quotes or brackets",
    "space.between_chinese": "Extra space between Chinese characters",
    # delegations
    "delegation.end_before_start": "The end must be after the start",
    "delegation.exists": "This delegation already exists",
    "delegation.forbidden": "Only the delegating person or an administrator can end it",
    "delegation.in_past": "The end has passed; the delegation would never apply",
    "delegation.naive_time": "Delegation times need a time zone",
    "delegation.not_found": "The delegation does not exist or has ended",
    "delegation.overlap": "This period is already delegated to someone else; end that"
    " delegation or change the times",
    "delegation.self": "You cannot delegate to yourself",
    "delegation.too_long": "A delegation can last at most {max_days} days",
    "delegation.unknown_delegate": "The delegate does not exist or is inactive",
    "delegation.unknown_principal": "The delegating person does not exist or is inactive",
    # 离职交接 (handing over the open work of people who left)
    "handover.cannot_take": "The successor cannot take over this work",
    "handover.leaver_active": "{name} is still active; stop the account before handing over",
    "handover.not_admin": "{username} is not an administrator",
    "handover.not_open_work": "These records hold no open work of that person: {record_ids}",
    "handover.nothing_to_hand_over": "This record holds no open work of the person who left",
    "handover.other_unit": "{name} is not in the unit of the person who left; add"
    " --allow-other-unit to hand over across units",
    "handover.same_person": "The person who left and the successor must differ",
    "handover.successor_inactive": "{name} is inactive and cannot take over work",
    "handover.unknown_kind": "Unknown kind of record: {kinds}",
    "handover.unknown_person": "Unknown person: {person_id}",
    # documents
    "distribute.unknown_unit": "Some recipient units are not in the directory",
    "doc_number.bad_agency_code": "The agency code must not be empty or hold brackets or"
    " spaces",
    "doc_number.bad_sequence": "The sequence number starts at 1",
    "doc_number.bad_year": "The year must have four digits",
    "doc_number.malformed": "The document number “{value}” is not well formed; write it like"
    " 萍府发〔2023〕21号",
    "document.classified": "“{value}” documents are classified and must not be handled on the"
    " extranet; use the classified network or paper",
    "document.exists": "The document already exists",
    "document.invalid_*": "Please check this field",
    "document.invalid_body_file": "Please check the body file: a .docx, .doc, .wps, .odt or"
    " .rtf file of at most 200 MB",
    "document.invalid_agency_code": "There is no agency code; the document cannot be numbered",
    "document.malformed": "The document's data is malformed",
    "document.not_found": "The document does not exist or you may no longer see it",
    "document.unknown_classification": "The classification must be Public or Internal, not"
    " “{value}”",
    "document.unknown_field": "These fields cannot be changed",
    "document.unknown_type": "“{value}” is not one of the 15 statutory document types",
    "document.unknown_unit": "Some units are not in the directory",
    "document.unknown_urgency": "The urgency must be Extra urgent, Urgent or Normal, not"
    " “{value}”",
    "inbox.unknown_folder": "Unknown inbox folder",
    "inbox.unknown_sort": "Unknown sort order",
    "opinion.required": "Please write an opinion",
    "opinion.too_long": "The opinion is too long",
    "search.too_long": "The search text is too long",
    "workflow.action_not_allowed": "This action is not possible at this step",
    "workflow.already_acted": "Someone has acted at the next step, so it cannot be withdrawn;"
    " ask them to return it",
    "workflow.already_circulated": "The chosen people are already reading it",
    "workflow.already_claimed": "{winner_name} took this step at {at}",
    "workflow.already_holder": "The chosen person already handles this step",
    "workflow.already_informed": "Everyone chosen has been notified already",
    "workflow.already_yours": "You already handle this step",
    "workflow.assignee_required": "Please choose a person",
    "workflow.bad_assignee": "The chosen person cannot handle this step",
    "workflow.bad_return_target": "The document cannot be returned to that step",
    "workflow.cannot_withdraw": "This step can no longer be withdrawn by you",
    "workflow.forbidden": "You may not do this with this document",
    "workflow.inform_closed": "The document is closed or archived; no one can be notified",
    "workflow.lead_unit_required": "An instruction must name the lead unit",
    "workflow.not_holder": "You do not handle the current step",
    "workflow.not_informed": "You were not notified of this document",
    "workflow.nothing_changed": "Nothing to change",
    "workflow.nothing_to_acknowledge": "There is nothing for you to acknowledge",
    "workflow.nothing_to_urge": "No step of this document waits for anyone",
    "workflow.one_assignee": "Only one person handles this step; use Add signer for more",
    "workflow.step_moved": "The document has moved on to another step; see the route for who"
    " acted",
    "workflow.unknown_action": "This action is not supported",
    # 会议 and calendars
    "ics.already_cancelled": "The meeting is already cancelled; nothing was changed",
    "ics.bad_encoding": "The calendar file's encoding cannot be read",
    "ics.bad_time": "The calendar's meeting times are not valid",
    "ics.meeting_not_found": "The meeting this calendar file cancels is not on this computer;"
    " nothing was changed. Sync, then import it again",
    "ics.no_event": "The calendar file holds no meeting (VEVENT)",
    "ics.no_start": "The calendar's meeting has no start (DTSTART)",
    "ics.not_calendar": "This is not an iCalendar file (.ics)",
    "ics.occurrence_*_unsupported": "The calendar file changes one occurrence of a recurring"
    " meeting; that is not supported. Nothing was changed",
    "ics.too_large": "The calendar file is too large (1 MB at most)",
    "meeting.*_busy": "Busy at that time",
    "meeting.already_booked": "This meeting already has a room booked",
    "meeting.already_checked_in": "This person has checked in already",
    "meeting.already_supervised": "This decision is already under supervision",
    "meeting.bad_code": "Enter the right check-in code",
    "meeting.bad_deputy": "You cannot send yourself as your deputy",
    "meeting.bad_recurrence": "The recurrence rule is not valid (e.g. FREQ=WEEKLY;COUNT=10)",
    "meeting.bad_reply": "Choose a reply: attend, leave or send a deputy",
    "meeting.bad_time": "The meeting must end after it starts",
    "meeting.check_in_closed": "Self check-in has closed; ask the meeting staff",
    "meeting.check_in_not_open": "Check-in opens 30 minutes before the meeting",
    "meeting.decision_incomplete": "A decision needs a lead unit and a deadline before it can"
    " be supervised",
    "meeting.deputy_required": "Choose who attends for you",
    "meeting.exists": "The meeting already exists",
    "meeting.forbidden": "You may not do this with this meeting",
    "meeting.in_past": "The meeting has started or is over; it cannot change now",
    "meeting.invalid_*": "Please check this field",
    "meeting.invalid_decision": "Each decision needs a text, and not too long",
    "meeting.item_id_required": "The supervision item number is missing",
    "meeting.malformed": "The meeting's data is malformed",
    "meeting.minutes_required": "The minutes cannot be empty",
    "meeting.minutes_too_long": "The minutes are too long",
    "meeting.naive_time": "Meeting times need a time zone",
    "meeting.no_attendees": "Add attendees (people or units) first",
    "meeting.no_check_in_code": "This meeting has no check-in code; the staff check people in",
    "meeting.no_minutes": "No minutes yet",
    "meeting.no_room": "Choose a room",
    "meeting.not_an_occurrence": "That time is not an occurrence of this recurring meeting",
    "meeting.not_found": "The meeting does not exist or you may no longer see it",
    "meeting.not_in_unit": "The people named do not belong to the invited unit",
    "meeting.not_invited": "Only invited people (or units) can reply",
    "meeting.not_pending": "No room booking waits for approval",
    "meeting.not_started": "The meeting has not started; minutes come later",
    "meeting.nothing_changed": "Nothing to change",
    "meeting.nothing_to_remind": "Everyone invited has replied",
    "meeting.people_required": "Name who attends from your unit",
    "meeting.place_required": "Book a room or give a place",
    "meeting.reason_required": "Please give a reason",
    "meeting.reason_too_long": "The reason is too long",
    "meeting.recurrence_overlaps": "Two occurrences of the recurring meeting overlap",
    "meeting.recurrence_too_long": "A recurring meeting has too many occurrences or lasts over"
    " two years",
    "meeting.reply_closed": "The meeting is over; replies are closed",
    "meeting.room_not_booked": "The room is not booked yet; the notice cannot be sent",
    "meeting.room_pending": "The room booking waits for approval; the notice cannot be sent",
    "meeting.room_taken": "{room_name} is taken by “{holder_title}”",
    "meeting.room_too_small": "The room is too small for this meeting",
    "meeting.schedule_required": "Booking a room needs the room and its bookings",
    "meeting.series": "For a recurring meeting, do this on one occurrence",
    "meeting.sitting_exists": "This occurrence exists already; use it",
    "meeting.too_long": "A meeting cannot last over 14 days",
    "meeting.too_many_people": "Too many people for one unit",
    "meeting.unbounded_recurrence": "A recurring meeting needs an end date (UNTIL) or a count"
    " (COUNT)",
    "meeting.unknown_action": "This action is not supported",
    "meeting.unknown_decision": "There is no such decision",
    "meeting.unknown_field": "These fields cannot be changed",
    "meeting.unknown_room": "The room does not exist",
    "meeting.wrong_status": "The meeting's status does not allow this",
    # the directory
    "org.import_empty": "The file is empty",
    "org.import_encoding": "The file's encoding is unknown; save it as a UTF-8 CSV file",
    "org.import_header": "The header lacks required columns",
    "org.import_invalid": "Nothing was imported: some rows have errors",
    "org.import_missing": "The file cannot be found",
    "org.import_too_large": "Too many rows to import at once",
    "org.import_unreadable": "The Excel file cannot be read; it may be damaged",
    "org.unit_cycle": "The units' hierarchy has a cycle",
    "org.unknown_parent": "A unit's parent unit does not exist",
    "org.unknown_person": "The person does not exist or is inactive",
    "org.unknown_role": "Unknown role: {role}",
    "org.unknown_unit": "The unit does not exist",
    "org.unknown_username": "Unknown username: {username}",
    "org.username_taken": "The username is taken",
    "ledger.malformed": "The ledger file cannot be read",
    # PDF
    "pdf.bad_date": "Not a valid date or time",
    "pdf.bad_json": "The input file is not valid UTF-8 JSON",
    "pdf.bad_seal_image": "The seal image cannot be read (PNG)",
    "pdf.bad_step": "Not a valid step",
    "pdf.bad_value": "Not a valid value",
    "pdf.cannot_write": "The output file cannot be written",
    "pdf.encrypted": "The PDF is encrypted; PDF/A does not allow encryption",
    "pdf.missing_field": "A required field is missing",
    "pdf.no_cjk_font": "No Chinese font was found on this computer",
    "pdf.no_input": "The input file cannot be read",
    "pdf.not_pdf": "Not a valid PDF; it cannot become PDF/A",
    "pdf.unknown_field": "Unknown field",
    "pdf.wrong_type": "A field has the wrong type",
    # seals
    "seal.bad_ca": "The root certificate's key is not an EC key",
    "seal.bad_image": "The seal image cannot be used: use a PNG of at most 2 MB",
    "seal.bad_password": "Wrong certificate password; please enter it again",
    "seal.bad_pdf": "The file is not a PDF that can be sealed",
    "seal.bad_root": "The root certificate file is not a PEM certificate",
    "seal.ca_exists": "The organisation's root certificate exists already",
    "seal.encrypted": "The PDF is encrypted and cannot be sealed",
    "seal.expired": "The seal certificate has expired; replace it",
    "seal.no_ca": "The server has no root certificate to issue seal certificates",
    "seal.no_key": "The certificate file holds no matching private key",
    "seal.no_name": "The organisation's name cannot be empty",
    "seal.no_number": "The document has no number yet and cannot be sealed",
    "seal.no_password": "The password environment variable is not set",
    "seal.no_root": "The PKCS#12 file has no root certificate",
    "seal.not_configured": "Your unit has no electronic seal yet; ask the administrator to"
    " import one",
    "seal.not_pkcs12": "The file is not a PKCS#12 certificate (.p12/.pfx)",
    "seal.not_yet_valid": "The seal certificate is not valid yet",
    "seal.untrusted_chain": "The seal certificate cannot be verified by this root certificate",
    # 督办
    "supervision.action_not_allowed": "The item's status does not allow this",
    "supervision.already_urged": "The item was already urged by this rule",
    "supervision.deadline_passed": "The deadline has passed; change it first",
    "supervision.exists": "The supervision item already exists",
    "supervision.extension_in_past": "The new deadline must be in the future",
    "supervision.extension_not_later": "The new deadline must be after the current one",
    "supervision.extension_pending": "An extension request already waits for approval",
    "supervision.forbidden": "You may not do this with this item",
    "supervision.invalid_*": "Please check this field",
    "supervision.invalid_content": "The content cannot be empty",
    "supervision.invalid_deadline": "Please give a valid deadline",
    "supervision.invalid_lead_unit_id": "Name the lead unit",
    "supervision.invalid_percent": "Progress is a whole number from 0 to 100",
    "supervision.malformed_action": "The supervision action is malformed",
    "supervision.malformed_item": "The supervision item's data is malformed",
    "supervision.no_pending_extension": "No extension request waits for approval",
    "supervision.not_found": "The item does not exist or you may no longer see it",
    "supervision.nothing_changed": "Nothing to change",
    "supervision.nothing_to_urge": "The item needs no urging now",
    "supervision.parent_completed": "A closed item cannot be split",
    "supervision.status_moved": "The item's status has changed; see the route for who acted",
    "supervision.text_required": "Please write a text",
    "supervision.text_too_long": "The text is too long",
    "supervision.unknown_action": "This action is not supported",
    "supervision.unknown_field": "These fields cannot be changed",
    "supervision.unknown_source": "The source record does not exist or you may not see it",
    "supervision.wrong_item": "The urging record belongs to another item",
}
