import { createApp } from 'vue'
import ElementPlus from 'element-plus'
import zhCn from 'element-plus/dist/locale/zh-cn.mjs'
import 'element-plus/dist/index.css'
import './styles.css'
import App from './App.vue'
import { router } from './router'
import { installSaveKeys } from './utils/saveKeys'
import { startBoot } from './store'

void startBoot()

createApp(App).use(ElementPlus, { locale: zhCn }).use(router).mount('#app')
installSaveKeys()
