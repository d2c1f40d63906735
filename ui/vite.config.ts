import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'

// The app loads only what is bundled here: no CDN, no remote fonts (see the CSP in tauri.conf.json).
export default defineConfig({
  plugins: [vue()],
  base: './',
  clearScreen: false,
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'safari13',
    chunkSizeWarningLimit: 2000,
  },
  test: {
    include: ['src/**/*.test.ts'],
  },
})
