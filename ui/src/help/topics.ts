// 使用说明: every word of the help page, one topic per main task, each with a picture of the
// real window that the end-to-end tests take (tests/e2e/help.rs) and check is still current.
// A later feature (county exports) adds its topic here.
import firstStart from './shots/first-start.png'
import identityMark from './shots/identity-mark.png'
import importPreview from './shots/import-preview.png'
import printCards from './shots/print-cards.png'
import leaderVisit from './shots/leader-visit.png'
import backupPage from './shots/backup.png'
import binPage from './shots/bin.png'

export interface HelpTopic {
  id: string
  title: string
  /** The page the topic is about, opened by the topic's button. */
  page?: { path: string; label: string }
  steps: string[]
  tip?: string
  shot: string
  shotAlt: string
}

export const HELP = {
  title: '使用说明',
  intro: '三亮四进工作台把党员名册、“三亮”和“四进”的台账保存在这台电脑上，不需要联网。下面按最常做的几件事说明怎么操作；在任何页面按 F1 都能回到这里。',
  contents: '目录',
  open: (label: string) => `打开“${label}”`,
  keysTitle: '常用按键',
  keys: [
    ['F1', '打开使用说明'],
    ['Ctrl + S 或 Enter', '保存正在填写的表单'],
    ['Esc', '关闭对话框，不保存'],
  ] as [string, string][],
  troubleTitle: '遇到问题',
  trouble: [
    '出错时，窗口上方会用中文说明原因和怎么办；点“详情”可以看到技术信息。',
    '需要技术支持时，到“关于”页面点“导出诊断信息”，把生成的压缩包发给技术支持。压缩包里没有身份证号和电话。',
    '数据保存在“关于”页面列出的数据文件夹里，请不要手工修改其中的文件。',
  ],
}

export const TOPICS: HelpTopic[] = [
  {
    id: 'first-start',
    title: '第一次使用',
    steps: [
      '第一次打开时还没有组织和党员。想先熟悉功能，点“载入示例数据”：会载入江川县五个社区、约300名党员和各项台账，随时可以在“组织机构”中删除。',
      '已有 Excel 花名册的，点“导入花名册”：填写县（市、区）、乡镇（街道）和社区党组织的名称，点“下一步：选择花名册”，就可以把名册中的党员一次导入这个社区。名册中有“所在支部”一列的，勾选“文件中新的党支部建在此社区下”，名册里的党支部会随党员一起建立。',
      '也可以点“新建组织”，在“组织机构”中依次建立县、乡镇（街道）、社区和党支部，再到“党员名册”中登记党员。',
      '标题栏的“当前组织”决定各页面显示和打印的范围：选中一个社区，名册、统计和打印都只针对这个社区；清空则为全部组织。',
    ],
    tip: '首页的“待办提醒”会列出逾期的承诺、本月还没走访的联系领导等需要处理的事项，点“去处理”直接打开对应页面。',
    shot: firstStart,
    shotAlt: '第一次打开时的首页：载入示例数据、导入花名册和新建组织三个按钮',
  },
  {
    id: 'import',
    title: '导入花名册',
    page: { path: '/roster', label: '党员名册' },
    steps: [
      '在“党员名册”页面点“导入花名册”，再点“选择文件…”，选中 Excel（.xlsx、.xls）或 CSV 文件。没有现成的表格时，点“下载模板”照着填写。',
      '程序会自动找到表头并识别各列；识别不了的列，在列名下方的下拉框中选择它对应的内容。文件中没有所在支部或党员类别的，可在上方选一个默认值。',
      '每一行都按“新增党员”的规则检查：有错误的格子标成红色，鼠标移上去可以看到原因。已经登记过的党员，可以选择跳过或用文件中的信息更新。',
      '点“导入 N 名”，没有错误的行一次全部导入；有错误的行点“保存有错误的行…”，在 Excel 中按“错误原因”一列改正后再导入。',
    ],
    tip: '在名册中筛选后点“导出”，可以得到同样格式的 Excel 文件；默认只显示部分身份证号和电话，勾选后才导出完整号码。',
    shot: importPreview,
    shotAlt: '导入花名册对话框：各行的检查结果，有错误的格子标成红色',
  },
  {
    id: 'identity',
    title: '登记亮身份',
    page: { path: '/identity', label: '亮身份' },
    steps: [
      '打开“三亮”下的“亮身份”页面，上方是在册党员、已亮身份和亮身份比例，下方是尚未亮身份的党员名单。',
      '在名单中勾选已经亮明身份的党员，点“为勾选的党员登记亮身份”。也可以在“党员名册”中按姓名或拼音首字母找到党员，勾选后点“登记亮身份”。',
      '在对话框中选择亮身份方式（如佩戴党徽、挂牌亮户）、日期和地点/岗位，点“登记”。已登记过的党员不会重复登记，转出、去世的党员不会登记。',
    ],
    shot: identityMark,
    shotAlt: '登记亮身份对话框：亮身份方式、日期和地点',
  },
  {
    id: 'print',
    title: '打印承诺卡',
    page: { path: '/print', label: '打印中心' },
    steps: [
      '打开“打印中心”，在“打印内容”中选“承诺卡”。打印范围是标题栏的“当前组织”，也可以先在名册中勾选党员，再点名册上方的“打印”。',
      '选择承诺年度和纸张：A6 每张A4纸印4张，A5 每张A4纸印2张；勾选“裁切线”会在裁切处印细线。右侧是第一张纸的预览。',
      '点“保存为PDF…”选择保存位置；或点“直接打印”，用这台电脑的默认打印机打印。',
      '打印时请选“实际大小”（不要“适合页面”），印好后沿裁切线裁开。',
    ],
    tip: '岗位监督牌、党员胸牌、桌牌、责任区牌和公示表也在打印中心，操作相同。',
    shot: printCards,
    shotAlt: '打印中心：承诺卡的打印设置和第一张纸的预览',
  },
  {
    id: 'visit',
    title: '记录联系领导走访',
    page: { path: '/leaders', label: '联系领导' },
    steps: [
      '打开“四进”下的“联系领导”页面，选择月份；“未走访”标签列出本月还没有走访所联系社区的领导。',
      '点“记录走访”，选择联系领导和社区，填写走访日期、形式、参加人员和情况记录。',
      '走访中群众反映的困难或诉求，在对话框下方“添加一条”，写明反映人、内容和责任人；之后在“群众诉求”标签中跟踪办理进度，直到反馈办结。',
    ],
    shot: leaderVisit,
    shotAlt: '记录走访对话框：联系领导、社区、日期、情况和群众诉求',
  },
  {
    id: 'backup',
    title: '备份与恢复数据',
    page: { path: '/backup', label: '数据备份' },
    steps: [
      '程序每天第一次打开或退出时会自动备份一次，保存在“数据备份”页面列出的备份文件夹中（默认在“我的文档”下的“三亮四进备份”），保留最近7天、4周和12个月的备份。',
      '重要操作前或每月底，请打开“数据备份”页面点“立即备份”，把备份文件复制到U盘或其他电脑；备份文件包含全部记录和照片、证明材料、扫描件。',
      '需要找回数据时点“从备份恢复…”，选择备份文件，确认备份时间和党员人数后点“恢复”。恢复前当前数据会先另存一份，恢复后仍可找回。',
    ],
    tip: '换电脑时，在新电脑上安装程序后用“从备份恢复…”选择旧电脑上的备份文件即可。',
    shot: backupPage,
    shotAlt: '数据备份页面：备份文件夹、上次备份、自动备份和恢复数据',
  },
  {
    id: 'bin',
    title: '找回删除的记录',
    page: { path: '/bin', label: '回收站' },
    steps: [
      '删除的党员、组织、岗位、承诺、走访、志愿活动等记录不会马上消失，而是先放进“回收站”；替换或移除的党员照片、协议扫描件和党徽图案也在这里。',
      '打开“回收站”，找到要找回的记录，点“恢复”。如果它的身份证号已被其他党员使用，或它所属的组织也已删除，这一行会说明原因，处理后再恢复。',
      '每一次新增、修改、删除和恢复都记在“操作记录”里，可以按时间和业务查看修改前后的内容；在党员编辑窗口点“修改记录”可以只看这名党员的。',
    ],
    tip: '在“操作记录”页面填写操作人姓名，以后的每条记录都会注明是谁做的。清空回收站后，记录和文件将永久删除，不能再恢复。',
    shot: binPage,
    shotAlt: '回收站页面：删除时间、类别、内容和恢复按钮',
  },
]
