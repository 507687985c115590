/// <reference types="vite/client" />

/** Version of this build, set by vite.config.ts from package.json or LOBBY_VERSION. */
declare const __APP_VERSION__: string
/** ISO time this build was made. */
declare const __BUILD_TIME__: string

declare module '*.vue' {
  import type { DefineComponent } from 'vue'
  const component: DefineComponent<object, object, unknown>
  export default component
}
