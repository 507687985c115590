import { checkinMessages } from '@/features/checkin/checkin.messages'
import { badgeMessages } from './badge/badge.messages'
import { incidentsMessages } from './incidents.messages'
import { receptionMessages } from './reception.messages'
import { receptionKioskMessages } from './reception-kiosk.messages'
import { receptionSettingsMessages } from './reception-settings.messages'

/** Every word the reception pages show: the desk's own (its settings and incidents screens' too), the visitor badge's (REC-4), the kiosk's and the scan field's (REC-6). */
export const receptionWords = {
  en: { ...receptionMessages.en, ...receptionSettingsMessages.en, ...badgeMessages.en, ...incidentsMessages.en, ...receptionKioskMessages.en, scan: checkinMessages.en.scan },
  'zh-CN': { ...receptionMessages['zh-CN'], ...receptionSettingsMessages['zh-CN'], ...badgeMessages['zh-CN'], ...incidentsMessages['zh-CN'], ...receptionKioskMessages['zh-CN'], scan: checkinMessages['zh-CN'].scan },
}
