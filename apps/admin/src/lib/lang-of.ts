/** "zh-CN" for text from the data that holds Chinese characters (names typed by staff), else undefined. */
export function langOf(text: string | null | undefined): "zh-CN" | undefined {
  return text && /\p{Script=Han}/u.test(text) ? "zh-CN" : undefined;
}
