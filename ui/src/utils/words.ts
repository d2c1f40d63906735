// The words every page shares (buttons, column heads), written once; a page's own words stay in
// its T object beside its template.
export const WORDS = {
  cancel: '取消',
  save: '保存',
  ok: '确定',
  edit: '编辑',
  change: '修改',
  remove: '删除',
  actions: '操作',
  community: '社区',
  date: '日期',
  pickCommunity: '请选择社区',
  scopeAll: '全部组织',
} as const
