import type { InjectionKey } from 'vue'
import type { HomeCard } from '@/features/module'

/** The workspace cards, one per module that states one; the app provides them (a feature never imports app/). */
export const homeCardsKey: InjectionKey<readonly HomeCard[]> = Symbol('home cards')
