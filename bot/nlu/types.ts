/** Result types of the NLU (the public contract other modules code against). */
import type { IntentLabel, NluRole } from './labels.js';

export type FieldCode = 'kinh_te' | 'van_hoa_xa_hoi' | 'quoc_phong_an_ninh' | 'xay_dung_dang';
export type CategoryCode = 'mo_hinh' | 'dien_hinh' | 'giai_phap' | 'cong_trinh';

export interface NluSlots {
  /**
   * Place span in the user's spelling, tier words included ("khu phố 3 phường Bình Thạnh"); Telex/VNI typing is
   * converted ("phuwowngf hoongf haf" → "phường hồng hà").
   */
  place?: string;
  /** The place resolved to ONE unit (canonical name and id), when the NLU was given the unit tree. */
  placeUnit?: { id: string; name: string };
  /** Registration code, canonical upper case: DVK-2026-CN-017. */
  code?: string;
  eventType?: string;
  reportKind?: 'so_ket' | 'tong_ket';
  category?: CategoryCode;
  subjectType?: 'tap_the' | 'ca_nhan';
  field?: FieldCode;
  /** Quoted title, as typed (marks not added). */
  title?: string;
  /** YYYY-MM-DD in Asia/Ho_Chi_Minh. */
  date?: string;
  dateRange?: { from: string; to: string };
  /** HH:mm. */
  time?: string;
  year?: number;
  edit?: { attribute: string; value: string };
  audience?: 'residents' | 'cadres' | 'both';
  number?: number;
}

export interface NluResult {
  intent: IntentLabel;
  confidence: number;
  alternatives: Array<{ intent: IntentLabel; confidence: number }>;
  /**
   * The question tacked onto an act ("đăng ký mô hình X, hạn nộp đến bao giờ?" → model.register with
   * secondary deadline.query): the flow does the act, then answers this in the same turn or right after.
   */
  secondary?: { intent: IntentLabel; confidence: number };
  slots: NluSlots;
  normalized: string;
}

export interface Nlu {
  understand(text: string, options: { role: NluRole }): NluResult;
}
