/**
 * Text onto the clipboard (an SMS to send, an address for the map app). False when the browser refuses (an insecure
 * context, no permission): the caller says so, and the text stays on screen to select by hand.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text)
    return true
  } catch {
    return false
  }
}
