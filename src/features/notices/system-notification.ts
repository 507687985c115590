/**
 * The browser's system notification, where the person has allowed it: shown while Lobby is open (no push
 * service: a notice arrives by sync). `tag` keeps one notification per notice, however often it is announced.
 */
export function showSystemNotification(title: string, body: string, tag: string): void {
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return
  try {
    new Notification(title, { body, tag })
  } catch {
    // Android Chrome allows notifications only through a service worker registration: the badge and page remain.
  }
}

/** Whether notifications can be asked for (and are not yet decided). */
export const canAskForNotifications = (): boolean => typeof Notification !== 'undefined' && Notification.permission === 'default'

export async function askForNotifications(): Promise<boolean> {
  if (typeof Notification === 'undefined') return false
  return (await Notification.requestPermission()) === 'granted'
}
