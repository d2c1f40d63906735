import { createRouter, createWebHashHistory } from 'vue-router'
import HomeView from './views/HomeView.vue'
// Every other page is loaded when first opened (the review page with the charts library): the
// start-up script holds the home page alone.
const RosterView = () => import('./views/RosterView.vue')
const OrgsView = () => import('./views/OrgsView.vue')
const IdentityView = () => import('./views/IdentityView.vue')
const PostsView = () => import('./views/PostsView.vue')
const PledgesView = () => import('./views/PledgesView.vue')
const PrintView = () => import('./views/PrintView.vue')
const PairingsView = () => import('./views/PairingsView.vue')
const LeadersView = () => import('./views/LeadersView.vue')
const DeputiesView = () => import('./views/DeputiesView.vue')
const VolunteeringView = () => import('./views/VolunteeringView.vue')
const ScheduleView = () => import('./views/ScheduleView.vue')
const AboutView = () => import('./views/AboutView.vue')
const BackupView = () => import('./views/BackupView.vue')
const HelpView = () => import('./views/HelpView.vue')
const HistoryView = () => import('./views/HistoryView.vue')
const BinView = () => import('./views/BinView.vue')
const ExchangeView = () => import('./views/ExchangeView.vue')
const ReviewView = () => import('./views/ReviewView.vue')

// Only pages that work are routed and shown in the menu.
export const routes = [
  { path: '/', name: 'home', component: HomeView, meta: { title: '首页' } },
  { path: '/roster', name: 'roster', component: RosterView, meta: { title: '党员名册' } },
  { path: '/identity', name: 'identity', component: IdentityView, meta: { title: '亮身份' } },
  { path: '/posts', name: 'posts', component: PostsView, meta: { title: '亮职责' } },
  { path: '/pledges', name: 'pledges', component: PledgesView, meta: { title: '亮承诺' } },
  { path: '/pairings', name: 'pairings', component: PairingsView, meta: { title: '结对共建（机关单位进社区）' } },
  { path: '/leaders', name: 'leaders', component: LeadersView, meta: { title: '联系领导（党员干部进社区）' } },
  { path: '/deputies', name: 'deputies', component: DeputiesView, meta: { title: '代表委员进社区' } },
  { path: '/volunteering', name: 'volunteering', component: VolunteeringView, meta: { title: '志愿服务（志愿者进社区）' } },
  { path: '/schedule', name: 'schedule', component: ScheduleView, meta: { title: '服务安排（四进统筹）' } },
  { path: '/review', name: 'review', component: ReviewView, meta: { title: '检查汇总' } },
  { path: '/print', name: 'print', component: PrintView, meta: { title: '打印中心' } },
  { path: '/orgs', name: 'orgs', component: OrgsView, meta: { title: '组织机构' } },
  { path: '/backup', name: 'backup', component: BackupView, meta: { title: '数据备份' } },
  { path: '/exchange', name: 'exchange', component: ExchangeView, meta: { title: '数据交换' } },
  { path: '/history', name: 'history', component: HistoryView, meta: { title: '操作记录' } },
  { path: '/bin', name: 'bin', component: BinView, meta: { title: '回收站' } },
  { path: '/about', name: 'about', component: AboutView, meta: { title: '关于' } },
  { path: '/help', name: 'help', component: HelpView, meta: { title: '使用说明' } },
]

export const router = createRouter({ history: createWebHashHistory(), routes })
