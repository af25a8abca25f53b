import { formatChinaPhone } from "@nested/domain";

/**
 * A stored phone number (E.164, "+8613812345678") as people in China read and dial it
 * ("138 1234 5678", "010-12345678"); as stored when it is not a Chinese number.
 */
export function dialable(phone: string): string {
  try {
    return formatChinaPhone(phone);
  } catch {
    return phone;
  }
}
