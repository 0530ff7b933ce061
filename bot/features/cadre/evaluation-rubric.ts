import type { SubjectType } from '../../domain/registration-status.js';
import type { RubricCriterion } from './cadre-services.js';

/**
 * The evaluation rubric (domain §2.1 Evaluation): configuration, not law. These are the
 * typical published criteria; a deployment replaces them with its own. Labels live in
 * locales (`rubric-<code>`).
 */
export const COLLECTIVE_RUBRIC: readonly RubricCriterion[] = [
  { code: 'sang_tao', labelKey: 'rubric-sang-tao', max: 10 },
  { code: 'hieu_qua', labelKey: 'rubric-hieu-qua', max: 10 },
  { code: 'tu_nguyen', labelKey: 'rubric-tu-nguyen', max: 10 },
  { code: 'huy_dong', labelKey: 'rubric-huy-dong', max: 10 },
  { code: 'hai_hoa_loi_ich', labelKey: 'rubric-hai-hoa-loi-ich', max: 10 },
  { code: 'ben_vung', labelKey: 'rubric-ben-vung', max: 10 },
];

export const INDIVIDUAL_RUBRIC: readonly RubricCriterion[] = [
  { code: 'guong_mau', labelKey: 'rubric-guong-mau', max: 10 },
  { code: 'sang_kien', labelKey: 'rubric-sang-kien', max: 10 },
  { code: 'giai_quyet_vuong_mac', labelKey: 'rubric-giai-quyet-vuong-mac', max: 10 },
  { code: 'tan_tuy', labelKey: 'rubric-tan-tuy', max: 10 },
  { code: 'hoan_thanh_nhiem_vu', labelKey: 'rubric-hoan-thanh-nhiem-vu', max: 10 },
];

export function rubricFor(subjectType: SubjectType | null): RubricCriterion[] {
  return [...(subjectType === 'ca_nhan' ? INDIVIDUAL_RUBRIC : COLLECTIVE_RUBRIC)];
}
