<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>ArchiveDialog</name>
    <message>
        <location filename="../../ui/action_dialogs.py" line="397" />
        <source>归档</source>
        <translation>Archive</translation>
    </message>
    <message>
        <location filename="../../ui/action_dialogs.py" line="397" />
        <source>请选择归档年度和保管期限，件号由服务器分配。</source>
        <translation>Choose the archive year and retention; the server assigns the item number.</translation>
    </message>
    <message>
        <location filename="../../ui/action_dialogs.py" line="400" />
        <source>（请选择）</source>
        <translation>(choose)</translation>
    </message>
    <message>
        <location filename="../../ui/action_dialogs.py" line="406" />
        <source>保管期限</source>
        <translation>Retention</translation>
    </message>
    <message>
        <location filename="../../ui/action_dialogs.py" line="407" />
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../ui/action_dialogs.py" line="411" />
        <source>请选择保管期限</source>
        <translation>Please choose a retention period</translation>
    </message>
</context>
<context>
    <name>AttachmentsPanel</name>
    <message>
        <location filename="../../ui/attachments.py" line="231" />
        <source>添加附件…</source>
        <translation>Add attachment…</translation>
    </message>
    <message>
        <location filename="../../ui/attachments.py" line="232" />
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../ui/attachments.py" line="233" />
        <source>移除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../ui/attachments.py" line="236" />
        <source>可将文件拖放到本窗格添加附件（单个不超过200 MB）</source>
        <translation>Drop files here to attach them (200 MB each at most)</translation>
    </message>
    <message>
        <location filename="../../ui/attachments.py" line="304" />
        <location filename="../../ui/attachments.py" line="316" />
        <source>添加附件</source>
        <translation>Add attachment</translation>
    </message>
    <message>
        <location filename="../../ui/attachments.py" line="313" />
        <source>当前环节不能修改附件</source>
        <translation>Attachments cannot change at this step</translation>
    </message>
    <message>
        <location filename="../../ui/attachments.py" line="315" />
        <source>正在添加附件…</source>
        <translation>Adding attachments…</translation>
    </message>
    <message>
        <location filename="../../ui/attachments.py" line="326" />
        <source>已添加{0}个附件，联网后自动上传</source>
        <translation>{0} attachment(s) added; uploaded when online</translation>
    </message>
    <message>
        <location filename="../../ui/attachments.py" line="349" />
        <source>打开附件</source>
        <translation>Open attachment</translation>
    </message>
    <message>
        <location filename="../../ui/attachments.py" line="353" />
        <source>“{0}”只有名称，没有电子文件</source>
        <translation>“{0}” has a name but no file</translation>
    </message>
    <message>
        <location filename="../../ui/attachments.py" line="358" />
        <source>“{0}”未下载：联网同步后即可打开</source>
        <translation>“{0}” is not downloaded yet: sync online to open it</translation>
    </message>
    <message>
        <location filename="../../ui/attachments.py" line="362" />
        <source>没有可以打开“{0}”的程序</source>
        <translation>No program can open “{0}”</translation>
    </message>
    <message>
        <location filename="../../ui/attachments.py" line="370" />
        <source>移除附件</source>
        <translation>Remove attachment</translation>
    </message>
    <message>
        <location filename="../../ui/attachments.py" line="377" />
        <source>已移除“{0}”</source>
        <translation>Removed “{0}”</translation>
    </message>
</context>
<context>
    <name>ComposeDialog</name>
    <message>
        <location filename="../../ui/compose.py" line="226" />
        <source>修改发文</source>
        <translation>Edit outgoing document</translation>
    </message>
    <message>
        <location filename="../../ui/compose.py" line="226" />
        <source>新建发文</source>
        <translation>New outgoing document</translation>
    </message>
    <message>
        <location filename="../../ui/compose.py" line="235" />
        <source>关于……的通知</source>
        <translation>Notice on …</translation>
    </message>
    <message>
        <location filename="../../ui/compose.py" line="237" />
        <source>正文；段落之间空一行</source>
        <translation>Body; a blank line between paragraphs</translation>
    </message>
    <message>
        <location filename="../../ui/compose.py" line="262" />
        <source>会签单位（可不选）</source>
        <translation>Countersigning units (optional)</translation>
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
        <location filename="../../ui/document_view.py" line="440" />
        <source>在列表中选择一份公文，即可在此查看和办理</source>
        <translation>Select a document in the list to view and handle it</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="473" />
        <source>公文</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="474" />
        <source>办理过程</source>
        <translation>Route</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="475" />
        <source>附件</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="501" />
        <source>更多</source>
        <translation>More</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="506" />
        <source>预览/打印</source>
        <translation>Preview/print</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="507" />
        <source>预览、打印或另存为PDF（Ctrl+P）</source>
        <translation>Preview, print or save as PDF (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="509" />
        <source>您当前不需要办理此文件</source>
        <translation>Nothing for you to do on this document now</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="557" />
        <source>读取文件</source>
        <translation>Loading the document</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="588" />
        <source>文件不存在，或您已无权查看该文件</source>
        <translation>The document does not exist or you may no longer see it</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="601" />
        <source>办理过程（{0}）</source>
        <translation>Route ({0})</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="602" />
        <source>附件（{0}）</source>
        <translation>Attachments ({0})</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="610" />
        <source>发文</source>
        <translation>Outgoing</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="610" />
        <source>收文</source>
        <translation>Incoming</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="613" />
        <source>待编号</source>
        <translation>Number pending</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="615" />
        <source>当前环节：{0}</source>
        <translation>Current step: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="623" />
        <source>等{0}项</source>
        <translation>and {0} more</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="625" />
        <source>等待服务器确认：{0}</source>
        <translation>Waiting for the server: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="626" />
        <source>这些操作已在本机生效，服务器确认后才算办结；如被拒绝，会在此说明原因并保留您的文字</source>
        <translation>These actions took effect here and count once the server confirms them; if refused, the reason is shown here and your text is kept</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="659" />
        <source>送交指定人员…</source>
        <translation>Send to a person…</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="664" />
        <source>导出归档包…</source>
        <translation>Export archive package…</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="719" />
        <source>读取人员</source>
        <translation>Loading people</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="747" />
        <source>委托</source>
        <translation>Delegate</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="747" />
        <source>委托谁代为办理本环节？</source>
        <translation>Who should handle this step for you?</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="748" />
        <source>加签</source>
        <translation>Add signer</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="748" />
        <source>还需要谁在本环节办理？</source>
        <translation>Who else must act at this step?</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="749" />
        <source>传阅</source>
        <translation>Circulate</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="749" />
        <source>请选择传阅人员：</source>
        <translation>Choose who should read it:</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="762" />
        <source>送给下一环节的哪一位办理人？</source>
        <translation>Which person handles the next step?</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="804" />
        <source>未能办理：{0}</source>
        <translation>Not done: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="811" />
        <source>关闭提示</source>
        <translation>Close notice</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="825" />
        <source>导出归档包</source>
        <translation>Export archive package</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="826" />
        <source>归档包 (*.zip)</source>
        <translation>Archive packages (*.zip)</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="842" />
        <source>未能导出：</source>
        <translation>Could not export: </translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../ui/main_window.py" line="72" />
        <source>全部紧急程度</source>
        <translation>Any urgency</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="76" />
        <source>全部文种</source>
        <translation>Any type</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="80" />
        <source>全部状态</source>
        <translation>Any status</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="84" />
        <source>期限早于</source>
        <translation>Due before</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="89" />
        <source>搜索标题、文号、正文、意见（Ctrl+F）</source>
        <translation>Search titles, numbers, bodies, opinions (Ctrl+F)</translation>
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
        <location filename="../../ui/action_dialogs.py" line="346" />
        <source>批办</source>
        <translation>Instruct</translation>
    </message>
    <message>
        <location filename="../../ui/action_dialogs.py" line="346" />
        <source>请指定牵头承办单位，可同时指定配合单位、办理期限和办结后传阅的人员。</source>
        <translation>Name the lead unit; optionally co-units, a deadline and who reads it afterwards.</translation>
    </message>
    <message>
        <location filename="../../ui/action_dialogs.py" line="350" />
        <source>（请选择）</source>
        <translation>(choose)</translation>
    </message>
    <message>
        <location filename="../../ui/action_dialogs.py" line="354" />
        <source>设定办理期限</source>
        <translation>Set a deadline</translation>
    </message>
    <message>
        <location filename="../../ui/action_dialogs.py" line="360" />
        <source>牵头单位</source>
        <translation>Lead unit</translation>
    </message>
    <message>
        <location filename="../../ui/action_dialogs.py" line="361" />
        <source>配合单位</source>
        <translation>Co-units</translation>
    </message>
    <message>
        <location filename="../../ui/action_dialogs.py" line="363" />
        <source>传阅人员</source>
        <translation>Readers</translation>
    </message>
    <message>
        <location filename="../../ui/action_dialogs.py" line="379" />
        <source>批办时必须指定牵头承办单位</source>
        <translation>An instruction must name the lead unit</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../ui/login.py" line="45" />
        <source>登录 协同办公</source>
        <translation>Log in to Office Collaboration</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="49" />
        <source>可选：政务外网CA证书文件（.pem/.crt）</source>
        <translation>Optional: the extranet CA certificate (.pem/.crt)</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="50" />
        <source>选择…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="56" />
        <source>可选：http://代理地址:端口</source>
        <translation>Optional: http://proxy:port</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="64" />
        <location filename="../../ui/login.py" line="93" />
        <source>服务器地址</source>
        <translation>Server</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="65" />
        <source>CA证书</source>
        <translation>CA certificate</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="66" />
        <source>代理</source>
        <translation>Proxy</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="67" />
        <location filename="../../ui/login.py" line="94" />
        <source>用户名</source>
        <translation>Username</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="68" />
        <location filename="../../ui/login.py" line="95" />
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="73" />
        <source>登录</source>
        <translation>Log in</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="77" />
        <source>协同办公</source>
        <translation>Office Collaboration</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="80" />
        <source>公文流转 · 办会 · 督查督办</source>
        <translation>Documents · Meetings · Supervision</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="87" />
        <source>选择CA证书</source>
        <translation>Choose the CA certificate</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="88" />
        <source>证书 (*.pem *.crt *.cer);;所有文件 (*)</source>
        <translation>Certificates (*.pem *.crt *.cer);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="98" />
        <source>请填写：</source>
        <translation>Please fill in: </translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="101" />
        <source>正在登录…</source>
        <translation>Logging in…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="125" />
        <source>协同办公</source>
        <translation>Office Collaboration</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="164" />
        <source>此功能即将推出。</source>
        <translation>This is coming soon.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="183" />
        <source>即将推出</source>
        <translation>Coming soon</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="205" />
        <source>操作</source>
        <translation>Actions</translation>
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
        <location filename="../../ui/strings.py" line="15" />
        <source>督办</source>
        <translation>Supervision</translation>
    </message>
    <message>
        <location filename="../../ui/strings.py" line="16" />
        <source>新建发文</source>
        <translation>New outgoing document</translation>
    </message>
    <message>
        <location filename="../../ui/strings.py" line="17" />
        <source>登记收文</source>
        <translation>Register incoming</translation>
    </message>
    <message>
        <location filename="../../ui/strings.py" line="18" />
        <source>立即同步</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <location filename="../../ui/strings.py" line="19" />
        <source>退出登录</source>
        <translation>Log out</translation>
    </message>
</context>
<context>
    <name>Notifier</name>
    <message>
        <location filename="../../ui/tray.py" line="26" />
        <source>协同办公</source>
        <translation>Office Collaboration</translation>
    </message>
    <message>
        <location filename="../../ui/tray.py" line="44" />
        <source>新待办</source>
        <translation>New work</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/tray.py" line="44" />
        <source>您有 %n 件新的待办文件</source>
        <translation><numerusform>You have %n new document(s) to handle</numerusform><numerusform>You have %n new document(s) to handle</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/tray.py" line="50" />
        <source>催办</source>
        <translation>Urge</translation>
    </message>
</context>
<context>
    <name>OpinionEditor</name>
    <message>
        <location filename="../../ui/opinion_editor.py" line="66" />
        <source>在此填写意见；输入的内容会自动保存为草稿</source>
        <translation>Write your opinion here; it is saved as a draft as you type</translation>
    </message>
    <message>
        <location filename="../../ui/opinion_editor.py" line="69" />
        <source>常用意见</source>
        <translation>Common phrases</translation>
    </message>
    <message>
        <location filename="../../ui/opinion_editor.py" line="87" />
        <source>意见</source>
        <translation>Opinion</translation>
    </message>
    <message>
        <location filename="../../ui/opinion_editor.py" line="136" />
        <source>读取意见草稿</source>
        <translation>Loading the draft</translation>
    </message>
    <message>
        <location filename="../../ui/opinion_editor.py" line="179" />
        <source>{0}/{1}字</source>
        <translation>{0}/{1} chars</translation>
    </message>
    <message>
        <location filename="../../ui/opinion_editor.py" line="180" />
        <source>正在输入…</source>
        <translation>Typing…</translation>
    </message>
    <message>
        <location filename="../../ui/opinion_editor.py" line="186" />
        <source>保存意见草稿</source>
        <translation>Saving the draft</translation>
    </message>
    <message>
        <location filename="../../ui/opinion_editor.py" line="210" />
        <source>草稿已保存 {0}</source>
        <translation>Draft saved {0}</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <location filename="../../ui/pdf_preview.py" line="129" />
        <source>预览</source>
        <translation>Preview</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_preview.py" line="132" />
        <source>正在生成PDF…</source>
        <translation>Rendering the PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_preview.py" line="134" />
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_preview.py" line="135" />
        <source>另存为PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_preview.py" line="149" />
        <source>生成PDF</source>
        <translation>Render PDF</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_preview.py" line="156" />
        <source>公文</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_preview.py" line="156" />
        <source>发文稿纸</source>
        <translation>Drafting sheet</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_preview.py" line="157" />
        <source>收文处理笺</source>
        <translation>Processing sheet</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_preview.py" line="162" />
        <source>预览：{0}</source>
        <translation>Preview: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_preview.py" line="194" />
        <source>另存为PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_preview.py" line="195" />
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_preview.py" line="211" />
        <source>无法保存：{0}</source>
        <translation>Could not save: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_preview.py" line="226" />
        <source>打印</source>
        <translation>Print</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <location filename="../../ui/action_dialogs.py" line="288" />
        <source>请选择人员</source>
        <translation>Please choose people</translation>
    </message>
</context>
<context>
    <name>PersonPicker</name>
    <message>
        <location filename="../../ui/action_dialogs.py" line="224" />
        <source>筛选人员</source>
        <translation>Filter people</translation>
    </message>
</context>
<context>
    <name>RegisterDialog</name>
    <message>
        <location filename="../../ui/compose.py" line="305" />
        <source>修改收文登记</source>
        <translation>Edit registration</translation>
    </message>
    <message>
        <location filename="../../ui/compose.py" line="305" />
        <source>收文登记</source>
        <translation>Register incoming document</translation>
    </message>
    <message>
        <location filename="../../ui/compose.py" line="315" />
        <source>如：萍教发〔2026〕8号</source>
        <translation>e.g. 萍教发〔2026〕8号</translation>
    </message>
    <message>
        <location filename="../../ui/compose.py" line="318" />
        <source>来文正文或内容摘要</source>
        <translation>Body or summary of the incoming document</translation>
    </message>
    <message>
        <location filename="../../ui/compose.py" line="327" />
        <source>来文字号</source>
        <translation>Sender's number</translation>
    </message>
    <message>
        <location filename="../../ui/compose.py" line="329" />
        <source>正文/摘要</source>
        <translation>Body/summary</translation>
    </message>
</context>
<context>
    <name>RejectionBanner</name>
    <message>
        <location filename="../../ui/document_view.py" line="392" />
        <source>重新使用这段文字</source>
        <translation>Reuse this text</translation>
    </message>
    <message>
        <location filename="../../ui/document_view.py" line="393" />
        <source>知道了</source>
        <translation>Dismiss</translation>
    </message>
</context>
<context>
    <name>RejectionsDialog</name>
    <message>
        <location filename="../../ui/rejections.py" line="41" />
        <source>被服务器拒绝的操作</source>
        <translation>Actions the server refused</translation>
    </message>
    <message>
        <location filename="../../ui/rejections.py" line="48" />
        <source>打开文件</source>
        <translation>Open document</translation>
    </message>
    <message>
        <location filename="../../ui/rejections.py" line="49" />
        <source>知道了</source>
        <translation>Dismiss</translation>
    </message>
    <message>
        <location filename="../../ui/rejections.py" line="60" />
        <source>您当时输入的内容（已保留，可复制重用）：</source>
        <translation>What you typed (kept, copy it to reuse):</translation>
    </message>
    <message>
        <location filename="../../ui/rejections.py" line="78" />
        <source>没有被拒绝的操作。</source>
        <translation>No refused actions.</translation>
    </message>
    <message>
        <location filename="../../ui/rejections.py" line="89" />
        <source>原因：</source>
        <translation>Reason: </translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message>
        <location filename="../../ui/action_dialogs.py" line="301" />
        <source>退回</source>
        <translation>Return</translation>
    </message>
    <message>
        <location filename="../../ui/action_dialogs.py" line="301" />
        <source>退回到哪个环节？请写明退回理由。</source>
        <translation>Return to which step? Give the reason.</translation>
    </message>
    <message>
        <location filename="../../ui/action_dialogs.py" line="306" />
        <location filename="../../ui/action_dialogs.py" line="309" />
        <source>退回理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/action_dialogs.py" line="308" />
        <source>退回到</source>
        <translation>Return to</translation>
    </message>
    <message>
        <location filename="../../ui/action_dialogs.py" line="313" />
        <source>退回时必须填写退回理由</source>
        <translation>A return needs a reason</translation>
    </message>
</context>
<context>
    <name>SyncStatusWidget</name>
    <message numerus="yes">
        <location filename="../../ui/status.py" line="62" />
        <source>待上传 %n 项</source>
        <translation><numerusform>%n waiting to upload</numerusform><numerusform>%n waiting to upload</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/status.py" line="63" />
        <source>无待上传</source>
        <translation>Nothing waiting</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/status.py" line="70" />
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
        <location filename="../../ui/action_dialogs.py" line="213" />
        <source>筛选单位</source>
        <translation>Filter units</translation>
    </message>
</context>
<context>
    <name>_DocumentForm</name>
    <message>
        <location filename="../../ui/compose.py" line="118" />
        <source>读取通讯录</source>
        <translation>Loading the directory</translation>
    </message>
</context>
</TS>