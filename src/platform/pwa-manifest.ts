import type { ManifestOptions } from 'vite-plugin-pwa'

/**
 * The web app manifest. Manifests have no per-language variants, so the
 * description carries both UI languages; the short name is the brand.
 */
export const manifest: Partial<ManifestOptions> = {
  id: '/',
  start_url: '/',
  scope: '/',
  name: 'Lobby 前厅 · Lobby',
  short_name: 'Lobby',
  description:
    '前台接待、会员签到与宽带业务，离线可用，端到端加密。Front desk, membership and broadband counter that works offline and encrypts end to end.',
  lang: 'zh-CN',
  dir: 'ltr',
  display: 'standalone',
  orientation: 'any',
  background_color: '#ffffff',
  theme_color: '#1d4ed8',
  categories: ['business', 'productivity'],
  icons: [
    { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
    { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
    { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
  ],
  screenshots: [
    {
      src: '/screenshots/home-wide.png',
      sizes: '1280x800',
      type: 'image/png',
      form_factor: 'wide',
      label: '前台平板上的会员签到：欢迎入场 · Member check-in on a front-desk tablet: a member admitted',
    },
    {
      src: '/screenshots/home-narrow.png',
      sizes: '390x844',
      type: 'image/png',
      form_factor: 'narrow',
      label: '手机上的会员列表 · The members list on a phone',
    },
  ],
}
